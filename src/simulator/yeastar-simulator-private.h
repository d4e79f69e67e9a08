/* yeastar-simulator-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-report-type.h"
#include "yeastar-simulator.h"
#include "yeastar-simulator-menu.h"

/* What the files of the simulator share: the instance struct and the
 * `_yeastar_simulator_*` internals. yeastar-simulator.c holds the object
 * and the request dispatch; -reply.c the reply helpers; -auth.c the
 * tokens, the token cap and the IP block; -api.c system/information,
 * the menus and call_report/download; -files.c the download links and
 * files; -events.c the WebSocket and event 30027; -faults.c the
 * test-only fault injection (see yeastar-simulator-faults.h). */

G_BEGIN_DECLS

#define CHUNK_SIZE (256 * 1024)
#define WRONG_CREDENTIALS_ERRCODE 20002
#define FAILURES_BEFORE_BLOCK 5

struct _YeastarSimulator
{
  GObject                parent_instance;

  /* Properties */
  char                  *client_id;
  char                  *client_secret;
  char                  *date_format;
  char                  *time_format;
  char                  *firmware;
  char                  *model;
  char                  *device_name;
  char                  *serial;
  GDateTime             *clock;
  guint                  access_token_lifetime;
  guint                  refresh_token_lifetime;
  guint                  token_cap;
  guint                  link_lifetime;
  guint64                report_size;
  guint                  async_delay_ms;
  guint                  stall_ms;
  char                  *hostile_file_name;
  char                  *hostile_text;
  guint                  max_request_line;
  guint                  block_duration;
  guint                  websocket_idle_ms;
  guint64                huge_json_size;
  guint                  event_msg_as_string : 1;
  guint                  events_held : 1;

  /* Owned References */
  SoupServer            *server;
  GMainContext          *context;
  char                  *base_uri;
  GPtrArray             *tokens;         /* Token, all ever issued */
  GHashTable            *access_tokens;  /* borrowed Token by access token */
  GHashTable            *refresh_tokens; /* borrowed Token by refresh token */
  GHashTable            *faults;         /* Fault by endpoint */
  GHashTable            *request_counts; /* GUINT by endpoint */
  GHashTable            *last_queries;   /* char * by endpoint */
  GHashTable            *queries;        /* GPtrArray of char * by endpoint */
  GHashTable            *files;          /* OfferedFile by name */
  GPtrArray             *subscribers;    /* Subscriber */
  GPtrArray             *stalls;         /* Stall */
  GPtrArray             *events;         /* PendingEvent */

  YeastarSimulatorMenus  menus;
  const char            *last_api_version;
  gint64                 created_at;
  gint64                 blocked_until;
  guint                  total_requests;
  guint                  failed_logins;
  guint                  heartbeats;
  guint64                report_counter;
  guint64                name_salt;      /* makes file names differ between simulators */
  guint                  download_id;
};

typedef struct
{
  char   *access_token;
  char   *refresh_token;
  gint64  access_expires;  /* monotonic µs */
  gint64  refresh_expires; /* monotonic µs; 0 once used or revoked */
} Token;

typedef struct
{
  char   *name;
  char   *link;
  GBytes *contents;  /* NULL when generated while streaming */
  GBytes *header;    /* report-size files: the header line… */
  GBytes *block;     /* …and the repeating rows */
  guint64 size;
  gint64  expires;   /* monotonic µs */
} OfferedFile;

/* Queries */

typedef struct
{
  char *name;
  char *value;
} Param;

/* yeastar-simulator.c */
void         _yeastar_simulator_destroy_source      (GSource                 **source);
GSource     *_yeastar_simulator_add_timeout         (YeastarSimulator         *self,
                                                     guint                     ms,
                                                     GSourceFunc               func,
                                                     gpointer                  data);
GDateTime   *_yeastar_simulator_dup_now             (YeastarSimulator         *self);
const char  *_yeastar_simulator_lookup_param        (GArray                   *params,
                                                     const char               *name);
/* The endpoint constant equal to `endpoint`, or NULL. */
const char  *_yeastar_simulator_endpoint_key        (const char               *endpoint);

/* yeastar-simulator-reply.c */
const char  *_yeastar_simulator_errmsg_for          (int                       errcode);
void         _yeastar_simulator_set_body            (SoupServerMessage        *msg,
                                                     guint                     status,
                                                     const char               *content_type,
                                                     const char               *data,
                                                     gsize                     len);
void         _yeastar_simulator_reply_json          (SoupServerMessage        *msg,
                                                     const char               *json);
void         _yeastar_simulator_reply_builder       (SoupServerMessage        *msg,
                                                     JsonBuilder              *builder);
JsonBuilder *_yeastar_simulator_begin_reply_text    (int                       errcode,
                                                     const char               *errmsg);
JsonBuilder *_yeastar_simulator_begin_reply         (int                       errcode);
void         _yeastar_simulator_reply_error         (SoupServerMessage        *msg,
                                                     int                       errcode);
/* The web UI's login page, HTTP 200. */
void         _yeastar_simulator_reply_login_page    (SoupServerMessage        *msg);
void         _yeastar_simulator_reply_streamed      (SoupServerMessage        *msg,
                                                     const char               *content_type,
                                                     GBytes                   *head,
                                                     GBytes                   *block,
                                                     GBytes                   *tail,
                                                     guint64                   total);
void         _yeastar_simulator_reply_dropped       (SoupServerMessage        *msg,
                                                     const char               *content_type,
                                                     GBytes                   *part,
                                                     guint64                   full_length);

/* yeastar-simulator-auth.c */
void         _yeastar_simulator_token_free          (gpointer                  data);
/* Answers 70004 while the IP is blocked and returns TRUE; lifts an
 * expired block. */
gboolean     _yeastar_simulator_reply_if_blocked    (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg);
gboolean     _yeastar_simulator_access_token_valid  (YeastarSimulator         *self,
                                                     const char               *access_token);
void         _yeastar_simulator_handle_get_token    (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg);
void         _yeastar_simulator_handle_refresh_token (YeastarSimulator        *self,
                                                      SoupServerMessage       *msg);
void         _yeastar_simulator_handle_del_token    (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg,
                                                     const char               *access_token);

/* yeastar-simulator-api.c */
void         _yeastar_simulator_handle_information  (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg);
void         _yeastar_simulator_handle_menu_options (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg,
                                                     GArray                   *params);
void         _yeastar_simulator_handle_report       (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg,
                                                     GArray                   *params,
                                                     gboolean                  v2,
                                                     YeastarSimulatorFault     fault);

/* yeastar-simulator-files.c */
void         _yeastar_simulator_offered_file_free   (gpointer                  data);
char        *_yeastar_simulator_new_file_name       (YeastarSimulator         *self,
                                                     const YeastarReportType  *type);
OfferedFile *_yeastar_simulator_offer_file          (YeastarSimulator         *self,
                                                     const YeastarReportType  *type,
                                                     GArray                   *params,
                                                     const char               *name);
void         _yeastar_simulator_reply_file_link     (SoupServerMessage        *msg,
                                                     const OfferedFile        *file);
void         _yeastar_simulator_handle_file         (YeastarSimulator         *self,
                                                     SoupServerMessage        *msg,
                                                     YeastarSimulatorFault     fault);

/* yeastar-simulator-events.c */
void         _yeastar_simulator_subscriber_free     (gpointer                  data);
void         _yeastar_simulator_pending_event_free  (gpointer                  data);
void         _yeastar_simulator_schedule_event      (YeastarSimulator         *self,
                                                     const OfferedFile        *file,
                                                     gboolean                  failed);
void         _yeastar_simulator_websocket_callback  (SoupServer               *server,
                                                     SoupServerMessage        *msg,
                                                     const char               *path,
                                                     SoupWebsocketConnection  *connection,
                                                     gpointer                  user_data);

G_END_DECLS
