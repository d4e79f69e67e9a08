/* reports-secrets.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The Client Secret of each saved PBX lives in the Secret Service (the
 * keyring), under the application's own schema, keyed by the normalised
 * server address and the Client ID. Nothing else stores it. The window
 * and the command line share these functions. */

void      reports_secrets_store_async   (const char           *server,
                                         const char           *client_id,
                                         const char           *secret,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  reports_secrets_store_finish  (GAsyncResult         *result,
                                         GError              **error);
/* Completes with NULL and no error when nothing is stored. */
void      reports_secrets_lookup_async  (const char           *server,
                                         const char           *client_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char     *reports_secrets_lookup_finish (GAsyncResult         *result,
                                         GError              **error);
/* For the command line, which has no main loop of its own to spare. */
char     *reports_secrets_lookup_sync   (const char           *server,
                                         const char           *client_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
void      reports_secrets_clear_async   (const char           *server,
                                         const char           *client_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  reports_secrets_clear_finish  (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
