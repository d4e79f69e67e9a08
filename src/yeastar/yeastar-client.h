/* yeastar-client.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-pbx-info.h"
#include "yeastar-report-request.h"
#include "yeastar-report-type.h"

G_BEGIN_DECLS

/**
 * YeastarReportLink:
 *
 * Where a generated report can be fetched: the PBX's `file` name and the
 * `download_resource_url` path (valid for 30 minutes). Immutable.
 */
typedef struct _YeastarReportLink YeastarReportLink;

#define YEASTAR_TYPE_REPORT_LINK (yeastar_report_link_get_type ())

GType              yeastar_report_link_get_type        (void) G_GNUC_CONST;
YeastarReportLink *yeastar_report_link_new             (const char        *file,
                                                        const char        *download_resource_url);
YeastarReportLink *yeastar_report_link_copy            (const YeastarReportLink *self);
void               yeastar_report_link_free            (YeastarReportLink *self);
const char        *yeastar_report_link_get_file        (const YeastarReportLink *self);
const char        *yeastar_report_link_get_url         (const YeastarReportLink *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarReportLink, yeastar_report_link_free)

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
/* @menu: "extension", "ext_group", "trunk", "IVR", "ring_group", "queue"
 * or "queue_agent" (then @queue_id is required). */
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

char              *yeastar_tls_certificate_dup_fingerprint (GTlsCertificate     *certificate);
char              *yeastar_tls_normalize_fingerprint       (const char          *text);

G_END_DECLS
