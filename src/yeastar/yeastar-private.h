/* yeastar-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-client.h"
#include "yeastar-pbx-info.h"

G_BEGIN_DECLS

/* The internals that several files of the library share, named
 * _yeastar_*; never installed, never used outside src/yeastar/ except by
 * the tests and fuzz targets. The client's own internals (its instance
 * struct, the call queue) are in yeastar-client-private.h. */

/* A phase of a report request, for YeastarDownload's state. */
typedef enum
{
  _YEASTAR_REPORT_PHASE_REQUESTING,
  _YEASTAR_REPORT_PHASE_PREPARING,  /* errcode 2: waiting for event 30027 */
} YeastarReportPhase;

typedef void (*YeastarReportPhaseFunc) (YeastarReportPhase phase,
                                        gpointer           user_data);

/* yeastar-error.c */
void               _yeastar_error_set_certificate        (GError                 *error,
                                                          GTlsCertificate        *certificate,
                                                          const char             *fingerprint);
char              *_yeastar_error_scrub                  (const char             *text,
                                                          const char * const     *secrets);
GError            *_yeastar_error_new_request_too_long   (const char             *endpoint);
void               _yeastar_error_take_invalid_params    (GError                 *error,
                                                          GPtrArray              *params);

/* yeastar-reply-json.c: the readers of JSON replies, in the network
 * module, the only code that links json-glib. */
const char        *_yeastar_json_get_string              (JsonObject             *object,
                                                          const char             *name);
gint64             _yeastar_json_get_int                 (JsonObject             *object,
                                                          const char             *name,
                                                          gint64                  fallback);
GError            *_yeastar_error_from_errcode           (gint64                  errcode,
                                                          const char             *errmsg,
                                                          JsonObject             *root,
                                                          const char             *endpoint,
                                                          gboolean                during_login,
                                                          const char * const     *secrets);

/* yeastar-client.c */
SoupSession       *_yeastar_client_get_session           (YeastarClient          *self);
SoupMessage       *_yeastar_client_new_message_for_uri   (YeastarClient          *self,
                                                          GUri                   *uri);
GUri              *_yeastar_client_dup_origin            (YeastarClient          *self);
const YeastarTransferLimits *_yeastar_client_get_transfer_limits (YeastarClient  *self);
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

/* yeastar-reply.c */
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

/* yeastar-reply.c: the checks of every reply, the client's and the download's */
gboolean           _yeastar_reply_looks_like_html        (GBytes                 *body);
gboolean           _yeastar_reply_is_html_type           (SoupMessageHeaders     *headers);
GError            *_yeastar_reply_new_html_error         (const char             *host);
/* The JSON of a reply, or NULL when it is not JSON; thread-safe. */
JsonNode          *_yeastar_reply_parse_json             (GBytes                 *body);
/* The envelope of a parsed reply (@root NULL: the reply was not JSON). */
JsonObject        *_yeastar_reply_check_envelope         (JsonNode               *root,
                                                          const char             *endpoint,
                                                          GError                **error);
JsonObject        *_yeastar_reply_parse_envelope         (GBytes                 *body,
                                                          const char             *endpoint,
                                                          const char             *host,
                                                          GError                **error);
/* The error an envelope's non-zero errcode stands for. */
GError            *_yeastar_reply_errcode_error          (JsonObject             *envelope,
                                                          const char             *endpoint,
                                                          gboolean                during_login,
                                                          const char * const     *secrets);
/* The envelope back if its errcode is 0 (or 2 with @allow_processing). */
JsonObject        *_yeastar_reply_check_errcode          (JsonObject             *envelope,
                                                          const char             *endpoint,
                                                          gboolean                allow_processing,
                                                          gboolean                during_login,
                                                          const char * const     *secrets,
                                                          GError                **error);
/* The HTTP layer of an API call's reply: status and Content-Type. */
gboolean           _yeastar_reply_check_http             (SoupMessage            *msg,
                                                          const char             *endpoint,
                                                          GUri                   *origin,
                                                          const char             *host,
                                                          GError                **error);

/* yeastar-tls.c */
gboolean           _yeastar_tls_accept_certificate       (SoupMessage            *msg,
                                                          GTlsCertificate        *certificate,
                                                          const char             *pinned,
                                                          GUri                   *origin);
GError            *_yeastar_tls_refusal_error            (SoupMessage            *msg,
                                                          const char             *host,
                                                          const char             *pinned);

/* yeastar-reply-json.c */
YeastarReportLink *_yeastar_report_link_new_from_json    (JsonObject             *root,
                                                          GError                **error);

/* yeastar-client-call.c */
/* Takes the tokens of a get_token or refresh_token reply. */
gboolean           _yeastar_client_store_tokens          (YeastarClient          *self,
                                                          JsonObject             *root,
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

/* yeastar-report-job.c */
void               _yeastar_client_request_report_async  (YeastarClient          *self,
                                                          YeastarReportRequest   *request,
                                                          YeastarReportPhaseFunc  phase_func,
                                                          gpointer                phase_data,
                                                          GCancellable           *cancellable,
                                                          GAsyncReadyCallback     callback,
                                                          gpointer                user_data);

/* yeastar-reply-json.c */
GListStore        *_yeastar_menu_options_new_from_json   (const char             *menu,
                                                          JsonObject             *root,
                                                          GError                **error);

/* yeastar-event-stream.c */
/* The key under which the client keeps its event stream, and what it
 * calls when it lets the stream go (logout, dispose): the stream closes
 * itself. The client does not know the stream's type, so that the
 * stream (which uses the client) and the client do not include each
 * other. */
#define _YEASTAR_CLIENT_EVENTS_KEY "yeastar-event-stream"
void               _yeastar_event_stream_release         (gpointer                stream);

/* yeastar-pbx-info.c: the fields of a system/information reply */
typedef struct
{
  char   *device_name;
  char   *model;
  char   *firmware;
  char   *serial;
  char   *date_format;
  char   *time_format;
  char   *system_time;
  gint64  timestamp;
} YeastarPbxInfoFields;
void               _yeastar_pbx_info_fields_clear        (YeastarPbxInfoFields   *fields);
YeastarPbxInfo    *_yeastar_pbx_info_new_take            (YeastarPbxInfoFields   *fields,
                                                          GError                **error);
/* yeastar-reply-json.c */
YeastarPbxInfo    *_yeastar_pbx_info_new_from_json       (JsonObject             *data,
                                                          GError                **error);

G_END_DECLS
