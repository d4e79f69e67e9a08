/* yeastar-client.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-pbx-info.h"
#include "yeastar-report-link.h"
#include "yeastar-report-request.h"
#include "yeastar-report-type.h"
#include "yeastar-tls.h"
#include "yeastar-transfer-watch.h"

G_BEGIN_DECLS

#define YEASTAR_TYPE_CLIENT (yeastar_client_get_type ())

G_DECLARE_FINAL_TYPE (YeastarClient, yeastar_client, YEASTAR, CLIENT, GObject)

YeastarClient     *yeastar_client_new                     (const char           *base_uri,
                                                           const char           *client_id,
                                                           const char           *client_secret,
                                                           GError              **error);
char              *yeastar_client_normalize_base_uri      (const char           *text,
                                                           GError              **error);
const char        *yeastar_client_get_base_uri            (YeastarClient        *self);
const char        *yeastar_client_get_client_id           (YeastarClient        *self);
YeastarApiVersion  yeastar_client_get_api_version         (YeastarClient        *self);
void               yeastar_client_set_api_version         (YeastarClient        *self,
                                                           YeastarApiVersion     version);
const char        *yeastar_client_get_pinned_certificate  (YeastarClient        *self);
gboolean           yeastar_client_set_pinned_certificate  (YeastarClient        *self,
                                                           const char           *sha256);
void               yeastar_client_set_transfer_limits     (YeastarClient               *self,
                                                           const YeastarTransferLimits *limits);
void               yeastar_client_get_transfer_limits     (YeastarClient               *self,
                                                           YeastarTransferLimits       *limits);
guint              yeastar_client_get_report_timeout      (YeastarClient        *self);
void               yeastar_client_set_report_timeout      (YeastarClient        *self,
                                                           guint                 seconds);
gboolean           yeastar_client_get_logged_in           (YeastarClient        *self);
YeastarPbxInfo    *yeastar_client_get_cached_pbx_info     (YeastarClient        *self);
YeastarDateFormat *yeastar_client_get_date_format         (YeastarClient        *self);

/* Logs in (clearing a remembered login failure) and reads system/information. */
void               yeastar_client_connect_async           (YeastarClient        *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
YeastarPbxInfo    *yeastar_client_connect_finish          (YeastarClient        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Revokes the access token (del_token) and forgets the connection. */
void               yeastar_client_disconnect_async        (YeastarClient        *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           yeastar_client_disconnect_finish       (YeastarClient        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void               yeastar_client_get_pbx_info_async      (YeastarClient        *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
YeastarPbxInfo    *yeastar_client_get_pbx_info_finish     (YeastarClient        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* @menu: a name of yeastar_menu_get_names(); @queue_id is required for a
 * menu that yeastar_menu_needs_queue() (queue_agent). */
void               yeastar_client_get_menu_options_async  (YeastarClient        *self,
                                                           const char           *menu,
                                                           const char           *queue_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GListModel        *yeastar_client_get_menu_options_finish (YeastarClient        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void               yeastar_client_request_report_async    (YeastarClient        *self,
                                                           YeastarReportRequest *request,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
YeastarReportLink *yeastar_client_request_report_finish   (YeastarClient        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
