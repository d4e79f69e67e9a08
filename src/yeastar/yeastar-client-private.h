/* yeastar-client-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yeastar-async-slot.h"
#include "yeastar-date-format.h"
#include "yeastar-private.h"

G_BEGIN_DECLS

/* YeastarClient is split over four files: yeastar-client.c (the object,
 * its properties, messages, connect and system information),
 * yeastar-client-call.c (the call queue and the token pair),
 * yeastar-client-menu.c (get_menuoptions) and yeastar-report-job.c
 * (call_report/download). This header is theirs
 * alone; what the rest of the library uses is in yeastar-private.h. */

struct _YeastarClient
{
  GObject parent_instance;

  char *base_uri;
  char *host;
  char *client_id;
  char *client_secret;
  char *pinned;
  YeastarApiVersion api_version;
  guint report_timeout;
  YeastarTransferLimits limits;

  SoupSession *session;

  /* The token pair; expiry times are g_get_monotonic_time() values so a
   * wall-clock change cannot make a token look fresh. */
  char *access_token;
  char *refresh_token;
  gint64 access_expires;
  gint64 refresh_expires;
  gint64 access_margin;
  gint64 refresh_margin;
  GError *login_error;

  /* Every secret this client ever held, NULL-terminated, for scrubbing. */
  GPtrArray *secrets;

  GQueue queue;
  GTask *current;

  YeastarPbxInfo *pbx_info;
  YeastarDateFormat *corrected_format;
  /* The one asynchronous report request outstanding (event 30027 names
   * no request; see yeastar-async-slot.c). The event stream itself is
   * kept under _YEASTAR_CLIENT_EVENTS_KEY. */
  YeastarAsyncSlot *async_slot;
};

/* What a queued call does. */
typedef enum
{
  _YEASTAR_CALL_API,        /* an OpenAPI call with access_token */
  _YEASTAR_CALL_TOKEN,      /* only make sure there is a token and return it */
  _YEASTAR_CALL_LOGIN,      /* explicit get_token */
  _YEASTAR_CALL_DEL_TOKEN,  /* revoke */
} YeastarCallKind;

/* yeastar-client.c */
void        _yeastar_client_remember_secret     (YeastarClient        *self,
                                                 const char           *secret);
void        _yeastar_client_notify_logged_in    (YeastarClient        *self);
/* Keeps the date format a v2.0 validator asked for, for this connection. */
void        _yeastar_client_set_corrected_format (YeastarClient       *self,
                                                  YeastarDateFormat   *format);

/* yeastar-client-call.c */
/* Queues a call of @kind other than _YEASTAR_CALL_API. */
void        _yeastar_client_enqueue             (YeastarClient        *self,
                                                 YeastarCallKind       kind,
                                                 const char           *endpoint,
                                                 gpointer              source_tag,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* Queues a JSON API call; the result is the reply's root JsonObject. */
void        _yeastar_client_call_async          (YeastarClient        *self,
                                                 const char           *method,
                                                 YeastarApiVersion     version,
                                                 const char           *endpoint,
                                                 const char           *query,
                                                 gboolean              allow_processing,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonObject *_yeastar_client_call_finish         (YeastarClient        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
