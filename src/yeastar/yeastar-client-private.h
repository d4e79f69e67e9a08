/* yeastar-client-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-client.h"
#include "yeastar-event-stream.h"
#include "yeastar-pbx-info.h"

G_BEGIN_DECLS

/* A phase of a report request, for YeastarDownload's state. */
typedef enum
{
  _YEASTAR_REPORT_PHASE_REQUESTING,
  _YEASTAR_REPORT_PHASE_PREPARING,  /* errcode 2: waiting for event 30027 */
} YeastarReportPhase;

typedef void (*YeastarReportPhaseFunc) (YeastarReportPhase phase,
                                        gpointer           user_data);

/* yeastar-error.c */
const char        *_yeastar_json_get_string              (JsonObject             *object,
                                                          const char             *name);
gint64             _yeastar_json_get_int                 (JsonObject             *object,
                                                          const char             *name,
                                                          gint64                  fallback);
void               _yeastar_error_set_certificate        (GError                 *error,
                                                          GTlsCertificate        *certificate,
                                                          const char             *fingerprint);
char              *_yeastar_error_scrub                  (const char             *text,
                                                          const char * const     *secrets);
GError            *_yeastar_error_from_errcode           (gint64                  errcode,
                                                          const char             *errmsg,
                                                          JsonObject             *root,
                                                          const char             *endpoint,
                                                          gboolean                during_login,
                                                          const char * const     *secrets);
GError            *_yeastar_error_new_request_too_long   (const char             *endpoint);

/* yeastar-client.c */
SoupSession       *_yeastar_client_get_session           (YeastarClient          *self);
const char        *_yeastar_client_get_host              (YeastarClient          *self);
SoupMessage       *_yeastar_client_new_message           (YeastarClient          *self,
                                                          const char             *method,
                                                          const char             *path,
                                                          const char             *query,
                                                          const char             *access_token);
GError            *_yeastar_client_transport_error       (YeastarClient          *self,
                                                          SoupMessage            *msg,
                                                          const GError           *error);
const char * const *_yeastar_client_get_secrets           (YeastarClient          *self);
/* Parses an errcode envelope; NULL and @error set if it is not one. */
JsonObject        *_yeastar_client_parse_envelope        (YeastarClient          *self,
                                                          GBytes                 *body,
                                                          const char             *endpoint,
                                                          GError                **error);
/* The envelope, then errcode (0, or 2 with @allow_processing) or its GError. */
JsonObject        *_yeastar_client_parse_reply           (YeastarClient          *self,
                                                          GBytes                 *body,
                                                          const char             *endpoint,
                                                          gboolean                allow_processing,
                                                          gboolean                during_login,
                                                          GError                **error);
/* Takes the tokens of a get_token or refresh_token reply. */
gboolean           _yeastar_client_store_tokens          (YeastarClient          *self,
                                                          JsonObject             *root,
                                                          GError                **error);
YeastarReportLink *_yeastar_report_link_new_from_json    (JsonObject             *root,
                                                          GError                **error);
/* A valid access token, refreshed or obtained through the request queue,
 * so it never races with another login. */
void               _yeastar_client_get_access_token_async  (YeastarClient          *self,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
char              *_yeastar_client_get_access_token_finish (YeastarClient          *self,
                                                            GAsyncResult           *result,
                                                            gint64                 *expires_at,
                                                            GError                **error);
/* Marks @token dead after the PBX answered 10004 for it. */
void               _yeastar_client_invalidate_token      (YeastarClient          *self,
                                                          const char             *token);
void               _yeastar_client_request_report_async  (YeastarClient          *self,
                                                          YeastarReportRequest   *request,
                                                          YeastarReportPhaseFunc  phase_func,
                                                          gpointer                phase_data,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);

/* yeastar-menu-option.c */
GListStore        *_yeastar_menu_options_new_from_json   (const char             *menu,
                                                          JsonObject             *root,
                                                          GError                **error);

/* yeastar-event-stream.c */
/* What the socket's "message" handler does with one text frame. */
void               _yeastar_event_stream_handle_text     (YeastarEventStream     *self,
                                                          GBytes                 *message);

/* yeastar-pbx-info.c */
YeastarPbxInfo    *_yeastar_pbx_info_new_from_json       (JsonObject             *data,
                                                          GError                **error);

G_END_DECLS
