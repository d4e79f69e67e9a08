/* reports-app-scheduler.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "reports-scheduler.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_APP_SCHEDULER (reports_app_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (ReportsAppScheduler, reports_app_scheduler, REPORTS, APP_SCHEDULER, GObject)

/* What the application does for scheduled runs: the actions of the run
 * notifications ("app.open-folder", and "app.notify-set-run" by which
 * `call-reports run --notify` has this instance show one), and, where
 * systemd timers cannot be written (inside Flatpak) or with @background,
 * the in-app ReportsScheduler: a notification after each run, and the
 * application held while a set is scheduled or running. */
ReportsAppScheduler *reports_app_scheduler_new           (GtkApplication      *application,
                                                          gboolean             background);
void                 reports_app_scheduler_stop          (ReportsAppScheduler *self);
/* NULL when schedules are systemd's. */
ReportsScheduler    *reports_app_scheduler_get_scheduler (ReportsAppScheduler *self);

G_END_DECLS
