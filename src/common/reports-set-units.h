/* reports-set-units.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"

G_BEGIN_DECLS

/* Schedules outside Flatpak: a systemd user timer (Persistent=true, so
 * that a run missed while the computer was off happens at the next start,
 * once) and a oneshot service that runs `call-reports run --quiet --notify NAME`,
 * in $XDG_CONFIG_HOME/systemd/user/ as `git maintenance start` writes
 * its units, then `systemctl --user daemon-reload` and `enable --now`.
 *
 * $CALL_REPORTS_SYSTEMCTL names another program to run instead of
 * systemctl (for the tests, and for hosts where it is elsewhere). */

/* "call-reports-set-NAME", NAME escaped as systemd-escape does. */
char     *reports_set_units_dup_name      (const char   *set_name);
GFile    *reports_set_units_dup_folder    (void);
char     *reports_set_units_dup_timer     (ReportsSet   *set);
char     *reports_set_units_dup_service   (ReportsSet   *set,
                                           const char   *binary);
/* The absolute path of the running call-reports. */
char     *reports_set_units_dup_binary    (GError      **error);
/* Writes both units and enables the timer. On a failure of systemctl the
 * units stay written and the error says so. */
gboolean  reports_set_units_install       (ReportsSet   *set,
                                           GError      **error);
/* Disables the timer and removes both units; TRUE if there were none.
 * FALSE with the units removed when only systemctl failed (then
 * reports_set_units_are_installed() is FALSE). */
gboolean  reports_set_units_remove        (const char   *set_name,
                                           GError      **error);
gboolean  reports_set_units_are_installed (const char   *set_name);

G_END_DECLS
