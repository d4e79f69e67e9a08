/* reports-session.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-server.h"
#include "yeastar-client.h"
#include "yeastar-simulator.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SESSION (reports_session_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSession, reports_session, REPORTS, SESSION, GObject)

/* A live connection to one PBX: its client, what it told about itself,
 * the ID lists fetched so far, and for the demo the simulated PBX. */
ReportsSession   *reports_session_new                (YeastarClient        *client,
                                                      YeastarPbxInfo       *pbx_info,
                                                      ReportsServer        *server,
                                                      YeastarSimulator     *simulator);
YeastarClient    *reports_session_get_client         (ReportsSession       *self);
YeastarPbxInfo   *reports_session_get_pbx_info       (ReportsSession       *self);
/* NULL for the demo PBX and for servers the user chose not to remember. */
ReportsServer    *reports_session_get_server         (ReportsSession       *self);
gboolean          reports_session_is_demo            (ReportsSession       *self);
/* The ID list of @menu ("extension", "queue_agent" with @queue_id, …),
 * fetched once per session and shared by every selector. */
void              reports_session_load_menu_async    (ReportsSession       *self,
                                                      const char           *menu,
                                                      const char           *queue_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel       *reports_session_load_menu_finish   (ReportsSession       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* The ID list of @menu if it was fetched already, else NULL: no request. */
GListModel       *reports_session_peek_menu          (ReportsSession       *self,
                                                      const char           *menu,
                                                      const char           *queue_id);
/* Revokes the token and stops the demo PBX. */
void              reports_session_close_async        (ReportsSession       *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          reports_session_close_finish       (ReportsSession       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
