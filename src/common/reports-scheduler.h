/* reports-scheduler.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set-run.h"

G_BEGIN_DECLS

/**
 * ReportsSchedulerClockFunc:
 *
 * The scheduler's clock: the time now, in the zone the schedules are
 * read in (local time by default). Returns a new reference.
 */
typedef GDateTime *(*ReportsSchedulerClockFunc) (gpointer user_data);

/**
 * ReportsSchedulerSecretFunc:
 *
 * The Client Secret of a PBX of a set, or NULL (the keyring by default).
 */
typedef char *(*ReportsSchedulerSecretFunc) (const ReportsSetPbx *pbx,
                                             gpointer             user_data);

#define REPORTS_TYPE_SCHEDULER (reports_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (ReportsScheduler, reports_scheduler, REPORTS, SCHEDULER, GObject)

/* The in-app scheduler, for where systemd timers cannot be written (inside
 * Flatpak): every set of the store with a schedule runs when its time
 * comes, with the run engine (ReportsSetRun) and the secrets of the
 * keyring; a run missed while the app was not running (the computer was
 * off) runs once, at once. The last run is the set's state
 * (reports-set-state.h), as for `call-reports run`. */
ReportsScheduler *reports_scheduler_new              (void);
/* For the tests: another clock. Then no timer is armed: the caller calls
 * reports_scheduler_check() after moving its clock. */
void              reports_scheduler_set_clock        (ReportsScheduler           *self,
                                                      ReportsSchedulerClockFunc   func,
                                                      gpointer                    user_data);
void              reports_scheduler_set_secret_func  (ReportsScheduler           *self,
                                                      ReportsSchedulerSecretFunc  func,
                                                      gpointer                    user_data);
/* Reads the store, watches its folder for changes, and checks. */
void              reports_scheduler_start            (ReportsScheduler           *self);
void              reports_scheduler_stop             (ReportsScheduler           *self);
/* Reads the sets and their states again. */
void              reports_scheduler_reload           (ReportsScheduler           *self);
/* Starts every set whose time has come, then arms the timer for the
 * next. */
void              reports_scheduler_check            (ReportsScheduler           *self);
/* Sets with a schedule (the app stays while there are any). */
guint             reports_scheduler_get_n_scheduled  (ReportsScheduler           *self);
guint             reports_scheduler_get_n_running    (ReportsScheduler           *self);
/* When the set runs next (it may be now, or past: a catch-up); NULL when
 * it is not scheduled. */
GDateTime        *reports_scheduler_dup_next_run     (ReportsScheduler           *self,
                                                      const char                 *name);

G_END_DECLS
