/* reports-background.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The option that starts the application without a window, holding
* itself while report sets are scheduled (the in-app scheduler). */
#define REPORTS_BACKGROUND_OPTION "--background"

/* Inside a sandbox (Flatpak), where systemd user units cannot be written
 * for the app, schedules are kept by the app itself: TRUE there.
 * $CALL_REPORTS_SCHEDULER set to "portal" or "systemd" decides instead
 * (for the tests, and for hosts the check gets wrong). */
gboolean  reports_background_is_sandboxed     (void);

/* What the autostart entry runs: { "call-reports", "--background" }. */
GStrv     reports_background_dup_commandline  (void);
/* Why, as the portal shows it to the user; translated. */
char     *reports_background_dup_reason       (void);

/* Asks the Background portal (org.freedesktop.portal.Background) that
 * the app may run in the background and, with @autostart, be started at
 * login with reports_background_dup_commandline(); with @autostart FALSE
 * the autostart entry is removed. Completes with FALSE and an error when
 * the user or the portal refused, and with G_IO_ERROR_NOT_SUPPORTED when
 * the app was built without libportal. */
void      reports_background_request_async    (gboolean              autostart,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  reports_background_request_finish   (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
