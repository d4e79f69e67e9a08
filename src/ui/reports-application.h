/* reports-application.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-scheduler.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_APPLICATION (reports_application_get_type ())

G_DECLARE_FINAL_TYPE (ReportsApplication, reports_application, REPORTS, APPLICATION, AdwApplication)

ReportsApplication *reports_application_new          (const char         *help_description);
GSettings          *reports_application_get_settings (ReportsApplication *self);
/* The in-app scheduler (inside Flatpak, or started with --background), to
 * show a set's next run; NULL where systemd timers run the sets. */
ReportsScheduler   *reports_application_get_scheduler (ReportsApplication *self);

G_END_DECLS
