/* reports-set-schedule.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"

G_BEGIN_DECLS

/* Turns a set's schedule on (@schedule of a kind other than
 * REPORTS_SCHEDULE_NONE) or off (@schedule NULL or NONE), wherever the
 * app runs:
 *
 * - the schedule is saved in @set and @set in the store (it replaces the
 *   set of that name), and when it is turned on, the time is kept in the
 *   set's state, so that only runs missed from then on are caught up;
 * - outside a sandbox, a systemd user timer runs `call-reports run
 *   --notify NAME` (reports-set-units.h), or is removed;
 * - inside Flatpak (reports_background_is_sandboxed()), the Background
 *   portal is asked to let the app run in the background and start at
 *   login while any set is scheduled (and not to start it at login once
 *   none is); the running app's ReportsScheduler sees the change of the
 *   store by itself.
 *
 * Fails with the set saved when only the timer or the portal failed: the
 * error says so. */
void      reports_set_schedule_enable_async  (ReportsSet             *set,
                                              const ReportsSchedule  *schedule,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
gboolean  reports_set_schedule_enable_finish (GAsyncResult           *result,
                                              GError                **error);

/* Keeps now as the time the set's schedule was turned on, so that only
 * runs missed from now on are caught up (done by the function above). */
void      reports_set_schedule_mark_enabled  (const char             *name);

/* TRUE when any set of the store has a schedule. */
gboolean  reports_set_schedule_any           (void);

G_END_DECLS
