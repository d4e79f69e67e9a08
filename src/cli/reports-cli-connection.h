/* reports-cli-connection.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-client.h"
#include "yeastar-pbx-info.h"

G_BEGIN_DECLS

/* The environment variable the Client Secret may come from. */
#define REPORTS_CLI_SECRET_ENV "CALL_REPORTS_CLIENT_SECRET"

/* The connection options every command that talks to a PBX shares
 * (--server, --client-id, --client-secret-file, --pin-certificate, --api,
 * --demo, --quiet), the Client Secret's sources, the built-in simulated
 * PBX, and the login and logout around a command. A command fills its
 * GOptionContext with reports_cli_connection_add_options(), validates
 * with reports_cli_connection_check() before anything is sent, opens,
 * and always closes: closing revokes the access token. */
typedef struct _ReportsCliConnection ReportsCliConnection;

ReportsCliConnection *reports_cli_connection_new            (void);
void                  reports_cli_connection_free           (ReportsCliConnection  *self);
void                  reports_cli_connection_add_options    (ReportsCliConnection  *self,
                                                             GOptionContext        *context);
/* Local checks only (options present and well formed, a Client Secret
 * found); nothing is sent. */
gboolean              reports_cli_connection_check          (ReportsCliConnection  *self,
                                                             GError               **error);
/* Starts the simulated PBX for --demo, logs in, reads system/information. */
gboolean              reports_cli_connection_open           (ReportsCliConnection  *self,
                                                             GError               **error);
/* Revokes the token (del_token) if logged in, stops the demo PBX. */
void                  reports_cli_connection_close          (ReportsCliConnection  *self);

void                  reports_cli_connection_set_transfer_limits (ReportsCliConnection        *self,
                                                                  const YeastarTransferLimits *limits);
GCancellable         *reports_cli_connection_get_cancellable (ReportsCliConnection *self);
YeastarClient        *reports_cli_connection_get_client     (ReportsCliConnection  *self);
YeastarPbxInfo       *reports_cli_connection_get_pbx_info   (ReportsCliConnection  *self);
/* The API version reports are requested on: the --api choice, or for
 * auto the one the firmware calls for. Valid once open. */
YeastarApiVersion     reports_cli_connection_get_api_version (ReportsCliConnection *self);
gboolean              reports_cli_connection_get_quiet      (ReportsCliConnection  *self);

/* Prints a progress line on standard error when it is a terminal and
 * --quiet was not given. */
void                  reports_cli_connection_progress       (ReportsCliConnection  *self,
                                                             const char            *format,
                                                             ...) G_GNUC_PRINTF (2, 3);
/* Prints "call-reports: MESSAGE" on standard error, with the Client
 * Secret scrubbed out, and returns the exit status for @error. */
int                   reports_cli_connection_fail           (ReportsCliConnection  *self,
                                                             const GError          *error);

/* A Client Secret file: one line, at most 4 KiB, a warning on standard
 * error when every user may read it. Errors are G_OPTION_ERROR and
 * start with "--client-secret-file:". */
char                 *reports_cli_read_secret_file          (const char            *path,
                                                             GError               **error);
/* The ReportsExitStatus an error maps to. */
int                   reports_cli_exit_status_for_error     (const GError          *error);
/* Spins the default main context until *@result is set; use
 * reports_cli_store_result as the GAsyncReadyCallback with @result as its
 * user data. */
void                  reports_cli_store_result              (GObject               *source,
                                                             GAsyncResult          *result,
                                                             gpointer               user_data);
void                  reports_cli_wait                      (GAsyncResult         **result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsCliConnection, reports_cli_connection_free)

G_END_DECLS
