/* reports-sets-schedule.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"

G_BEGIN_DECLS

/* The one place the window turns a set's schedule on or off. Outside
 * Flatpak: the systemd user timer of reports-set-units.c, as `call-reports
 * set schedule` writes it. Inside Flatpak there is no systemd user manager
 * to write to: the Background portal and an in-app scheduler take its
 * place (not done here yet; the function says so).
 *
 * Saves @set with @schedule (NULL or REPORTS_SCHEDULE_NONE: none) and
 * installs or removes what runs it. */
gboolean reports_sets_schedule_apply      (ReportsSet             *set,
                                           const ReportsSchedule  *schedule,
                                           GError                **error);
/* Whether something runs the set by itself now. */
gboolean reports_sets_schedule_is_enabled (const char             *set_name);
/* Moves what runs a set from @old_name to the set's (new) name. */
gboolean reports_sets_schedule_rename     (const char             *old_name,
                                           ReportsSet             *set,
                                           GError                **error);
/* Removes what runs the set (when it is deleted). */
gboolean reports_sets_schedule_remove     (const char             *set_name,
                                           GError                **error);

G_END_DECLS
