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

/* What runs a set's schedule: outside Flatpak the systemd user timer of
 * reports-set-units.c, as `call-reports set schedule` writes it; inside
 * Flatpak the app's own scheduler, allowed by the Background portal. A
 * schedule is turned on or off with reports_set_schedule_enable_async()
 * (reports-set-schedule.h), which handles both. */
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
