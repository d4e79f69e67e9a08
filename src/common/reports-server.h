/* reports-server.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SERVER (reports_server_get_type ())

G_DECLARE_FINAL_TYPE (ReportsServer, reports_server, REPORTS, SERVER, GObject)

/* A saved PBX: where it is, which API application to log in as, and the
 * user's decisions about it. Its secret is in the keyring, not here. */
ReportsServer     *reports_server_new                    (const char        *uri,
                                                          const char        *client_id);
const char        *reports_server_get_uri                (ReportsServer     *self);
const char        *reports_server_get_client_id          (ReportsServer     *self);
const char        *reports_server_get_pinned_certificate (ReportsServer     *self);
void               reports_server_set_pinned_certificate (ReportsServer     *self,
                                                          const char        *sha256);
YeastarApiVersion  reports_server_get_api_version        (ReportsServer     *self);
void               reports_server_set_api_version        (ReportsServer     *self,
                                                          YeastarApiVersion  version);
gboolean           reports_server_equal                  (ReportsServer     *self,
                                                          const char        *uri,
                                                          const char        *client_id);

/* The saved servers, kept in the "servers" key of @settings. */
GListStore        *reports_server_list_load              (GSettings         *settings);
void               reports_server_list_save              (GListStore        *servers,
                                                          GSettings         *settings);
ReportsServer     *reports_server_list_find              (GListStore        *servers,
                                                          const char        *uri,
                                                          const char        *client_id,
                                                          guint             *position);

G_END_DECLS
