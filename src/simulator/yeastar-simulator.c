/* yeastar-simulator.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-report-type.h"
#include "yeastar-simulator.h"
#include "yeastar-simulator-layout.h"
#include "yeastar-simulator-menu.h"
#include "yeastar-simulator-report.h"

/*
 * A Yeastar P-Series PBX on 127.0.0.1, as far as Call Reports talks to one.
 *
 * Behaviour follows docs/pbx-api.md. Where the vendor leaves a gap the
 * choice is commented where it is made; the short list:
 *
 * - Every reply is HTTP 200 with a JSON {"errcode","errmsg"} body, errors
 *   included, and carries "Connection: close": the PBX closes the
 *   connection after each response.
 * - Wrong credentials answer 20002 (undocumented on the real PBX; any
 *   non-zero errcode is an authentication failure for the client).
 * - The fifth consecutive failure is still answered as a failure and
 *   blocks the IP; from then on every request answers 70004 with
 *   `block_expire_time` (seconds left) until `block-duration` has passed.
 * - Unknown files and expired links answer 60001 DATA NOT FOUND: the PBX
 *   deletes a report file when its link expires.
 */

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

G_DEFINE_FINAL_TYPE (YeastarSimulator, yeastar_simulator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_CLIENT_SECRET,
  PROP_DATE_FORMAT,
  PROP_TIME_FORMAT,
  PROP_FIRMWARE,
  PROP_MODEL,
  PROP_DEVICE_NAME,
  PROP_SERIAL,
  PROP_CLOCK,
  PROP_ACCESS_TOKEN_LIFETIME,
  PROP_REFRESH_TOKEN_LIFETIME,
  PROP_TOKEN_CAP,
  PROP_LINK_LIFETIME,
  PROP_REPORT_SIZE,
  PROP_ASYNC_DELAY_MS,
  PROP_EVENT_MSG_AS_STRING,
  PROP_STALL_MS,
  PROP_HOSTILE_FILE_NAME,
  PROP_BLOCK_DURATION,
  PROP_WEBSOCKET_IDLE_MS,
  PROP_HUGE_JSON_SIZE,
  PROP_HOSTILE_TEXT,
  PROP_MAX_REQUEST_LINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  char   *access_token;
  char   *refresh_token;
  gint64  access_expires;  /* monotonic µs */
  gint64  refresh_expires; /* monotonic µs; 0 once used or revoked */
} Token;

typedef struct
{
  YeastarSimulatorFault fault;
  guint                 remaining; /* 0: until cleared */
} Fault;

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

typedef struct
{
  YeastarSimulator        *self;
  SoupWebsocketConnection *connection;
  GSource                 *idle;
  gboolean                 report_events;
} Subscriber;

typedef struct
{
  YeastarSimulator  *self;
  SoupServerMessage *msg;
  GSource           *source;
} Stall;

typedef struct
{
  YeastarSimulator *self;
  GSource          *source;
  char             *file;
  char             *link;
  gboolean          failed;
  gboolean          due;     /* its delay passed while events were held */
} PendingEvent;

/* A body generated while it is written: head, then block repeated, then
 * tail, exactly `total` bytes. */
typedef struct
{
  GBytes  *head;
  GBytes  *block;
  GBytes  *tail;
  guint64  total;
  guint64  offset;
} Streamer;

static const struct
{
  int         errcode;
  const char *errmsg;
} errmsgs[] = {
  { -2, "INTERNAL SERVER ERROR" },
  { -1, "FAILURE" },
  { 0, "SUCCESS" },
  { 2, "PROCESSING" },
  { 10001, "INTERFACE NOT EXISTED" },
  { 10003, "API VERSION UNSUPPORTED" },
  { 10004, "TOKEN EXPIRED" },
  { 10005, "ACCESS DENIED" },
  { WRONG_CREDENTIALS_ERRCODE, "USERNAME OR PASSWORD ERROR" },
  { 40001, "PARAMETER SYNTAX ERROR" },
  { 40002, "PARAMETER ERROR" },
  { 60001, "DATA NOT FOUND" },
  { 60002, "MAX LIMITATION EXCEEDED" },
  { 70004, "ACCOUNT IP BLOCKED" },
  { 70087, "IP FORBIDDEN" },
};

static const char login_page[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Yeastar P-Series - Login</title></head>\n"
  "<body><div id=\"app\"><form action=\"/api/v1.0/login\" method=\"post\">\n"
  "<input name=\"username\" placeholder=\"Username\"><input name=\"password\" type=\"password\">\n"
  "<button type=\"submit\">Login</button></form></div></body></html>\n";

static void
token_free (gpointer data)
{
  Token *token = data;

  g_free (token->access_token);
  g_free (token->refresh_token);
  g_free (token);
}

static void
offered_file_free (gpointer data)
{
  OfferedFile *file = data;

  g_free (file->name);
  g_free (file->link);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_clear_pointer (&file->header, g_bytes_unref);
  g_clear_pointer (&file->block, g_bytes_unref);
  g_free (file);
}

static void
streamer_free (gpointer data)
{
  Streamer *streamer = data;

  g_clear_pointer (&streamer->head, g_bytes_unref);
  g_clear_pointer (&streamer->block, g_bytes_unref);
  g_clear_pointer (&streamer->tail, g_bytes_unref);
  g_free (streamer);
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void subscriber_closed_cb (SoupWebsocketConnection *connection,
                                  Subscriber              *subscriber);
static void subscriber_message_cb (SoupWebsocketConnection *connection,
                                   int                      type,
                                   GBytes                  *message,
                                   Subscriber              *subscriber);
static void stall_finished_cb (SoupServerMessage *msg,
                               Stall             *stall);

static void
subscriber_free (gpointer data)
{
  Subscriber *subscriber = data;

  destroy_source (&subscriber->idle);
  g_signal_handlers_disconnect_by_func (subscriber->connection, subscriber_closed_cb, subscriber);
  g_signal_handlers_disconnect_by_func (subscriber->connection, subscriber_message_cb, subscriber);
  if (soup_websocket_connection_get_state (subscriber->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (subscriber->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (subscriber->connection);
  g_free (subscriber);
}

static void
stall_free (gpointer data)
{
  Stall *stall = data;

  destroy_source (&stall->source);
  g_signal_handlers_disconnect_by_func (stall->msg, stall_finished_cb, stall);
  g_object_unref (stall->msg);
  g_free (stall);
}

static void
pending_event_free (gpointer data)
{
  PendingEvent *event = data;

  destroy_source (&event->source);
  g_free (event->file);
  g_free (event->link);
  g_free (event);
}

static GSource *
add_timeout (YeastarSimulator *self,
             guint             ms,
             GSourceFunc       func,
             gpointer          data)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, "[yeastar-simulator]");
  g_source_attach (source, self->context);
  return source;
}

static GDateTime *
dup_now (YeastarSimulator *self)
{
  if (self->clock != NULL)
    return g_date_time_ref (self->clock);

  return g_date_time_new_now_local ();
}

/* Replies */

/* A default for FAULT_HOSTILE_TEXT without "hostile-text": an OSC that
 * sets the terminal title, a colour, a forged line, an RLO, DEL and a C1 CSI. */
#define DEFAULT_HOSTILE_TEXT "\033]0;pwned\007\033[31mred\r\n9999\tAdmin\342\200\256gpj.exe\177\302\233"

static const char *
hostile_text (YeastarSimulator *self)
{
  return self->hostile_text != NULL && self->hostile_text[0] != '\0' ? self->hostile_text
                                                                       : DEFAULT_HOSTILE_TEXT;
}

static const char *
errmsg_for (int errcode)
{
  for (guint i = 0; i < G_N_ELEMENTS (errmsgs); i++)
    if (errmsgs[i].errcode == errcode)
      return errmsgs[i].errmsg;

  return "FAILURE";
}

static void
set_body (SoupServerMessage *msg,
          guint              status,
          const char        *content_type,
          const char        *data,
          gsize              len)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, len);
}

static void
reply_json (SoupServerMessage *msg,
            const char        *json)
{
  set_body (msg, SOUP_STATUS_OK, "application/json; charset=utf-8", json, strlen (json));
}

static void
reply_builder (SoupServerMessage *msg,
               JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *json = json_to_string (root, FALSE);

  reply_json (msg, json);
}

static JsonBuilder *
begin_reply_text (int         errcode,
                  const char *errmsg)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errcode");
  json_builder_add_int_value (builder, errcode);
  json_builder_set_member_name (builder, "errmsg");
  json_builder_add_string_value (builder, errmsg);
  return builder;
}

static JsonBuilder *
begin_reply (int errcode)
{
  return begin_reply_text (errcode, errmsg_for (errcode));
}

static void
reply_error (SoupServerMessage *msg,
             int                errcode)
{
  g_autoptr(JsonBuilder) builder = begin_reply (errcode);

  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

static void
reply_blocked (YeastarSimulator  *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = begin_reply (70004);
  gint64 left = (self->blocked_until - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  /* Seconds left, like the *_expire_time lifetimes of get_token; the real
   * unit is undocumented. */
  json_builder_set_member_name (builder, "block_expire_time");
  json_builder_add_int_value (builder, MAX (left, 1));
  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

static void
streamer_wrote_chunk_cb (SoupServerMessage *msg,
                         Streamer          *streamer)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  guint64 head_len = MIN (g_bytes_get_size (streamer->head), streamer->total);
  guint64 tail_len = MIN (g_bytes_get_size (streamer->tail), streamer->total - head_len);
  guint64 tail_start = streamer->total - tail_len;
  guint64 offset = streamer->offset;
  GBytes *chunk;

  if (offset >= streamer->total)
    {
      soup_message_body_complete (body);
      return;
    }

  if (offset < head_len)
    {
      chunk = g_bytes_new_from_bytes (streamer->head, offset, head_len - offset);
    }
  else if (offset < tail_start)
    {
      gsize block_len = g_bytes_get_size (streamer->block);
      gsize pos = (offset - head_len) % block_len;
      gsize len = MIN (block_len - pos, tail_start - offset);

      chunk = g_bytes_new_from_bytes (streamer->block, pos, len);
    }
  else
    {
      gsize tail_offset = g_bytes_get_size (streamer->tail) - tail_len;

      chunk = g_bytes_new_from_bytes (streamer->tail, tail_offset + (offset - tail_start),
                                      streamer->total - offset);
    }

  streamer->offset += g_bytes_get_size (chunk);
  soup_message_body_append_bytes (body, chunk);
  g_bytes_unref (chunk);
}

/* Streams a body of `total` bytes without holding it: one chunk of at
 * most the block's size is queued at a time, and written chunks are
 * dropped (accumulate FALSE). */
static void
reply_streamed (SoupServerMessage *msg,
                const char        *content_type,
                GBytes            *head,
                GBytes            *block,
                GBytes            *tail,
                guint64            total)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Streamer *streamer = g_new0 (Streamer, 1);

  g_assert (g_bytes_get_size (block) > 0);

  streamer->head = g_bytes_ref (head);
  streamer->block = g_bytes_ref (block);
  streamer->tail = g_bytes_ref (tail);
  streamer->total = total;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_headers_set_content_length (headers, total);
  soup_message_body_set_accumulate (body, FALSE);

  g_object_set_data_full (G_OBJECT (msg), "yeastar-simulator-streamer", streamer, streamer_free);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (streamer_wrote_chunk_cb), streamer);
  streamer_wrote_chunk_cb (msg, streamer);
}

typedef struct
{
  GIOStream *stream;
  GBytes    *data;
} Dropper;

static void
dropper_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Dropper *dropper = user_data;

  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  g_object_unref (dropper->stream);
  g_bytes_unref (dropper->data);
  g_free (dropper);
}

static void
dropper_wrote_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Dropper *dropper = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  g_io_stream_close_async (dropper->stream, G_PRIORITY_DEFAULT, NULL, dropper_closed_cb, dropper);
}

/* Promises `full_length` bytes, sends the headers and `part`, then closes
 * the connection: a body that really breaks off mid-way. */
static void
reply_dropped (SoupServerMessage *msg,
               const char        *content_type,
               GBytes            *part,
               guint64            full_length)
{
  Dropper *dropper = g_new0 (Dropper, 1);
  g_autoptr(GString) data = g_string_new (NULL);

  g_string_append_printf (data,
                          "HTTP/1.1 200 OK\r\n"
                          "Content-Type: %s\r\n"
                          "Content-Length: %" G_GUINT64_FORMAT "\r\n"
                          "Connection: close\r\n\r\n",
                          content_type, full_length);
  g_string_append_len (data, g_bytes_get_data (part, NULL), g_bytes_get_size (part));

  dropper->stream = soup_server_message_steal_connection (msg);
  dropper->data = g_string_free_to_bytes (g_steal_pointer (&data));
  g_output_stream_write_all_async (g_io_stream_get_output_stream (dropper->stream),
                                   g_bytes_get_data (dropper->data, NULL),
                                   g_bytes_get_size (dropper->data),
                                   G_PRIORITY_DEFAULT, NULL, dropper_wrote_cb, dropper);
}

/* Tokens */

static char *
new_token_string (void)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char *token = g_new (char, 33);

  for (guint i = 0; i < 32; i++)
    token[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  token[32] = '\0';
  return token;
}

static gboolean
token_access_alive (const Token *token,
                    gint64       now)
{
  return now < token->access_expires;
}

static guint
count_live_tokens (YeastarSimulator *self)
{
  gint64 now = g_get_monotonic_time ();
  guint n = 0;

  for (guint i = 0; i < self->tokens->len; i++)
    if (token_access_alive (g_ptr_array_index (self->tokens, i), now))
      n++;

  return n;
}

static gboolean
access_token_valid (YeastarSimulator *self,
                    const char       *access_token)
{
  Token *token;

  if (access_token == NULL)
    return FALSE;

  token = g_hash_table_lookup (self->access_tokens, access_token);
  return token != NULL && token_access_alive (token, g_get_monotonic_time ());
}

static void
reply_new_token (YeastarSimulator  *self,
                 SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 now = g_get_monotonic_time ();
  Token *token;

  /* The cap counts live access tokens; refresh_token issues one too, so it
   * is capped the same way. */
  if (count_live_tokens (self) >= self->token_cap)
    {
      reply_error (msg, 60002);
      return;
    }

  token = g_new0 (Token, 1);
  token->access_token = new_token_string ();
  token->refresh_token = new_token_string ();
  token->access_expires = now + (gint64) self->access_token_lifetime * G_USEC_PER_SEC;
  token->refresh_expires = now + (gint64) self->refresh_token_lifetime * G_USEC_PER_SEC;
  g_ptr_array_add (self->tokens, token);
  g_hash_table_insert (self->access_tokens, token->access_token, token);
  g_hash_table_insert (self->refresh_tokens, token->refresh_token, token);

  builder = begin_reply (0);
  json_builder_set_member_name (builder, "access_token_expire_time");
  json_builder_add_int_value (builder, self->access_token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token->access_token);
  json_builder_set_member_name (builder, "refresh_token_expire_time");
  json_builder_add_int_value (builder, self->refresh_token_lifetime);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, token->refresh_token);
  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

static JsonObject *
parse_body_object (SoupServerMessage *msg,
                   JsonNode         **root)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  *root = NULL;
  if (data == NULL || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  *root = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*root);
}

static void
handle_get_token (YeastarSimulator  *self,
                  SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_body_object (msg, &root);
  const char *username;
  const char *password;

  /* Not JSON: a syntax error, not a failed login. */
  if (object == NULL)
    {
      reply_error (msg, 40001);
      return;
    }

  username = json_object_get_string_member_with_default (object, "username", NULL);
  password = json_object_get_string_member_with_default (object, "password", NULL);

  if (g_strcmp0 (username, self->client_id) != 0 || g_strcmp0 (password, self->client_secret) != 0)
    {
      self->failed_logins++;
      if (self->failed_logins >= FAILURES_BEFORE_BLOCK)
        self->blocked_until = g_get_monotonic_time () + (gint64) self->block_duration * G_USEC_PER_SEC;
      reply_error (msg, WRONG_CREDENTIALS_ERRCODE);
      return;
    }

  self->failed_logins = 0;
  reply_new_token (self, msg);
}

static void
handle_refresh_token (YeastarSimulator  *self,
                      SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_body_object (msg, &root);
  const char *refresh_token;
  Token *token;

  if (object == NULL)
    {
      reply_error (msg, 40001);
      return;
    }

  refresh_token = json_object_get_string_member_with_default (object, "refresh_token", NULL);
  token = refresh_token ? g_hash_table_lookup (self->refresh_tokens, refresh_token) : NULL;
  if (token == NULL || g_get_monotonic_time () >= token->refresh_expires)
    {
      reply_error (msg, 10004);
      return;
    }

  /* The old refresh token dies; its access token lives on until it
   * expires and keeps counting toward the cap. */
  token->refresh_expires = 0;
  reply_new_token (self, msg);
}

static void
handle_del_token (YeastarSimulator  *self,
                  SoupServerMessage *msg,
                  const char        *access_token)
{
  Token *token = g_hash_table_lookup (self->access_tokens, access_token);

  /* Revoking logs out: the pair's refresh token dies with it. */
  token->access_expires = 0;
  token->refresh_expires = 0;
  reply_error (msg, 0);
}

/* Queries */

typedef struct
{
  char *name;
  char *value;
} Param;

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_free (param->name);
  g_free (param->value);
}

static char *
form_unescape (const char *text,
               gssize      len)
{
  g_autofree char *plus = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  char *decoded;

  g_strdelimit (plus, "+", ' ');
  decoded = g_uri_unescape_string (plus, NULL);
  return decoded ? decoded : g_strdup (plus);
}

/* The query as received, in order and decoded as a form ('+' is a space,
 * like the PBX's Go server decodes it). */
static GArray *
parse_query (SoupServerMessage *msg)
{
  GArray *params = g_array_new (FALSE, FALSE, sizeof (Param));
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto(GStrv) pairs = NULL;

  g_array_set_clear_func (params, param_clear);
  if (query == NULL || *query == '\0')
    return params;

  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equal = strchr (pairs[i], '=');
      Param param;

      if (*pairs[i] == '\0')
        continue;

      param.name = form_unescape (pairs[i], equal ? equal - pairs[i] : -1);
      param.value = equal ? form_unescape (equal + 1, -1) : g_strdup ("");
      g_array_append_val (params, param);
    }

  return params;
}

static const char *
lookup_param (GArray     *params,
              const char *name)
{
  /* The last occurrence wins. */
  for (guint i = params->len; i-- > 0;)
    if (strcmp (g_array_index (params, Param, i).name, name) == 0)
      return g_array_index (params, Param, i).value;

  return NULL;
}

static void
remember_query (YeastarSimulator *self,
                const char       *endpoint,
                GArray           *params)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < params->len; i++)
    {
      const Param *param = &g_array_index (params, Param, i);

      if (strcmp (param->name, "access_token") == 0)
        continue;
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append_printf (query, "%s=%s", param->name, param->value);
    }

  g_hash_table_insert (self->last_queries, (char *) endpoint, g_string_free (query, FALSE));
}

/* system/information and get_menuoptions */

static void
handle_information (YeastarSimulator  *self,
                    SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = begin_reply (0);
  g_autoptr(GDateTime) now = dup_now (self);
  g_autofree char *layout = _yeastar_simulator_layout_for_range (self->date_format, self->time_format);
  g_autofree char *system_time = _yeastar_simulator_layout_format (layout, now);
  gint64 up_time = (g_get_monotonic_time () - self->created_at) / G_USEC_PER_SEC;

  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, self->device_name);
  json_builder_set_member_name (builder, "model_name");
  json_builder_add_string_value (builder, self->model);
  json_builder_set_member_name (builder, "sn");
  json_builder_add_string_value (builder, self->serial);
  json_builder_set_member_name (builder, "firmware_version");
  json_builder_add_string_value (builder, self->firmware);
  json_builder_set_member_name (builder, "system_time");
  json_builder_add_string_value (builder, system_time);
  /* A PBX that has been up for three days. */
  json_builder_set_member_name (builder, "up_time");
  json_builder_add_int_value (builder, 3 * 86400 + up_time);
  json_builder_set_member_name (builder, "system_date_format");
  json_builder_add_string_value (builder, self->date_format);
  json_builder_set_member_name (builder, "system_time_format");
  json_builder_add_string_value (builder, self->time_format);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, g_date_time_to_unix (now));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

static void
reply_invalid_param_full (SoupServerMessage *msg,
                          const char        *errmsg,
                          const char        *field,
                          const char        *valid_msg,
                          const char        *value)
{
  g_autoptr(JsonBuilder) builder = begin_reply_text (40002, errmsg);

  json_builder_set_member_name (builder, "invalid_param_list");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "valid_msg");
  json_builder_add_string_value (builder, valid_msg);
  if (value != NULL)
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

static void
reply_invalid_param_value (SoupServerMessage *msg,
                           const char        *field,
                           const char        *valid_msg,
                           const char        *value)
{
  reply_invalid_param_full (msg, errmsg_for (40002), field, valid_msg, value);
}

static void
reply_invalid_param (SoupServerMessage *msg,
                     const char        *field,
                     const char        *valid_msg)
{
  reply_invalid_param_value (msg, field, valid_msg, NULL);
}

static void
handle_menu_options (YeastarSimulator  *self,
                     SoupServerMessage *msg,
                     GArray            *params)
{
  const char *menu_name = lookup_param (params, "menu");
  const char *id = lookup_param (params, "id");
  YeastarSimulatorMenu menu;
  guint queue = 0;
  GString *json;

  if (menu_name == NULL || *menu_name == '\0')
    {
      reply_invalid_param (msg, "menu", "menu must required");
      return;
    }

  json = g_string_sized_new (4096);
  g_string_append (json, "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":");

  if (_yeastar_simulator_menu_from_name (menu_name, &menu))
    {
      if (menu == YEASTAR_SIMULATOR_MENU_QUEUE_AGENT)
        {
          if (id == NULL || *id == '\0')
            {
              g_string_free (json, TRUE);
              reply_invalid_param (msg, "id", "id must required when menu is queue_agent");
              return;
            }

          /* An unknown queue has no agents: an empty list, like the PBX
           * answers a bogus ID elsewhere. */
          if (!_yeastar_simulator_menu_lookup_id (&self->menus, YEASTAR_SIMULATOR_MENU_QUEUE, id, &queue))
            {
              g_string_append (json, "[]}");
              reply_json (msg, json->str);
              g_string_free (json, TRUE);
              return;
            }
        }

      /* A GString, not a JsonNode per option: 20,000 extensions in a few ms. */
      _yeastar_simulator_menu_append_json (&self->menus, menu, queue, json);
    }
  else if (_yeastar_simulator_menu_is_empty_known (menu_name))
    {
      g_string_append (json, "[]");
    }
  else
    {
      g_autofree char *valid_msg = g_strdup_printf ("menu value invalid: %s", menu_name);

      g_string_free (json, TRUE);
      reply_invalid_param (msg, "menu", valid_msg);
      return;
    }

  g_string_append_c (json, '}');
  reply_json (msg, json->str);
  g_string_free (json, TRUE);
}

/* call_report/download */

static void
add_invalid (JsonBuilder *builder,
             const char  *field,
             const char  *value,
             const char  *valid_msg)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "valid_msg");
  json_builder_add_string_value (builder, valid_msg);
  if (value != NULL)
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

static char *
period_layout_for (YeastarSimulator *self,
                   const char       *text)
{
  guint separators = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      separators++;

  /* The hint names the layout of the period the text looks like. */
  if (separators == 0 && strlen (text) <= 4)
    return g_strdup ("2006");
  if (separators == 1)
    return _yeastar_simulator_layout_for_month (self->date_format);
  return _yeastar_simulator_layout_for_date (self->date_format);
}

static gboolean
is_whole_number (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* The v2.0 validator, driven by the report-type table. Returns FALSE and
 * replies 40002 with invalid_param_list when a parameter is wrong. */
static gboolean
validate_v2 (YeastarSimulator        *self,
             SoupServerMessage       *msg,
             const YeastarReportType *type,
             GArray                  *params)
{
  g_autoptr(JsonBuilder) builder = begin_reply (40002);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autofree char *range_layout = _yeastar_simulator_layout_for_range (self->date_format,
                                                                       self->time_format);
  const char *type_name = yeastar_report_type_get_api_name (type);
  guint n_invalid = 0;

  json_builder_set_member_name (builder, "invalid_param_list");
  json_builder_begin_array (builder);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *name = yeastar_param_get_api_name (p);
      const char *value = lookup_param (params, name);
      g_autofree char *valid_msg = NULL;
      g_autofree char *layout = NULL;
      g_autoptr(GDateTime) parsed = NULL;
      const char * const *allowed;

      if (value == NULL || *value == '\0')
        {
          if (yeastar_report_type_requires (type, p))
            valid_msg = g_strdup_printf ("%s must required when type is %s", name, type_name);
          value = NULL;
        }
      else if (!yeastar_report_type_takes (type, p))
        {
          /* The PBX ignores parameters the type does not take, as it
           * ignores any unknown query parameter. */
        }
      else
        {
          switch (yeastar_param_get_value_kind (p))
            {
            case YEASTAR_VALUE_DATE_TIME:
              parsed = _yeastar_simulator_layout_parse (range_layout, value, tz);
              if (parsed == NULL)
                valid_msg = g_strdup_printf ("%s format invalid, valid format: %s", name, range_layout);
              break;

            case YEASTAR_VALUE_PERIOD:
              layout = period_layout_for (self, value);
              parsed = _yeastar_simulator_layout_parse (layout, value, tz);
              if (parsed == NULL)
                valid_msg = g_strdup_printf ("%s format invalid, valid format: %s", name, layout);
              break;

            case YEASTAR_VALUE_ENUM:
              allowed = yeastar_report_type_get_enum_values (type, p);
              if (allowed != NULL && !g_strv_contains (allowed, value))
                {
                  g_autofree char *list = g_strjoinv (" ", (char **) allowed);

                  /* go-playground/validator's wording for oneof. */
                  valid_msg = g_strdup_printf ("%s must be one of [%s]", name, list);
                }
              break;

            case YEASTAR_VALUE_FLAG:
              if (strcmp (value, "0") != 0 && strcmp (value, "1") != 0)
                valid_msg = g_strdup_printf ("%s must be one of [0 1]", name);
              break;

            case YEASTAR_VALUE_SECONDS:
              if (!is_whole_number (value))
                valid_msg = g_strdup_printf ("%s must be a non-negative integer", name);
              break;

            case YEASTAR_VALUE_ID_LIST:
            case YEASTAR_VALUE_ID:
            case YEASTAR_VALUE_TEXT:
            default:
              /* IDs are not validated: a bogus ID gives an empty report. */
              break;
            }
        }

      if (valid_msg != NULL)
        {
          add_invalid (builder, name, value, valid_msg);
          n_invalid++;
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (n_invalid == 0)
    return TRUE;

  reply_builder (msg, builder);
  return FALSE;
}

static gboolean
is_plain_file_name (const char *name)
{
  if (*name == '\0' || *name == '.')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return TRUE;
}

static void
append_escaped (GString    *link,
                const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '~')
        g_string_append_c (link, *p);
      else
        g_string_append_printf (link, "%%%02X", *p);
    }
}

/* Names whose decoded path SoupServer refuses (400) as a dot segment. */
static gboolean
is_dot_segment_name (const char *name)
{
  g_autofree char *path = g_strconcat ("/", name, "/", NULL);

  return strstr (path, "/../") != NULL || strstr (path, "/./") != NULL;
}

/* download_resource_url for a name: percent-encoded whenever the name is
 * not plain, dots included, so "a/b.csv" stays one path segment. A name
 * that decodes to a dot segment ("../x.csv") is encoded twice, because
 * SoupServer rejects "/../" after decoding; handle_file decodes up to
 * twice. A client must take the link as opaque and never derive the file
 * name from it. */
static char *
link_for_name (const char *name)
{
  GString *link = g_string_new ("/api/download/");
  g_autoptr(GString) once = NULL;

  if (is_plain_file_name (name))
    {
      g_string_append (link, name);
      return g_string_free (link, FALSE);
    }

  if (!is_dot_segment_name (name))
    {
      append_escaped (link, name);
      return g_string_free (link, FALSE);
    }

  once = g_string_new (NULL);
  append_escaped (once, name);
  append_escaped (link, once->str);
  return g_string_free (link, FALSE);
}

/* splitmix64's finaliser: a bijection on 64-bit values. */
static guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;

  return x;
}

/* "<ReportName>-<firmware>-download-<YYYYMMDDhhmmss>-<16 chars>.csv", like
 * the vendor's example. The 16 characters come from the request counter
 * and a salt drawn when the simulator is made: every name a simulator
 * offers is different (the first 11 characters are the base-62 digits of
 * a bijection of the counter, and 62^11 > 2^64), and two simulators, in
 * one process or in two, almost surely never offer the same name, even
 * with the same clock. Only the name varies: a file's bytes depend on the
 * request and the clock alone. */
static char *
new_file_name (YeastarSimulator        *self,
               const YeastarReportType *type)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const guint base = sizeof alphabet - 1;
  g_autoptr(GDateTime) now = dup_now (self);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  guint64 unique = mix64 (self->name_salt + ++self->report_counter * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  guint64 filler = mix64 (unique ^ self->name_salt);
  char suffix[17];

  for (guint i = 0; i < 16; i++)
    {
      guint64 *digits = i < 11 ? &unique : &filler;

      suffix[i] = alphabet[*digits % base];
      *digits /= base;
    }
  suffix[16] = '\0';

  return g_strdup_printf ("%s-%s-download-%s-%s.csv",
                          _yeastar_simulator_report_get_stem (type), self->firmware, stamp, suffix);
}

static OfferedFile *
offer_file (YeastarSimulator        *self,
            const YeastarReportType *type,
            GArray                  *params,
            const char              *name)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = dup_now (self);
  OfferedFile *file = g_new0 (OfferedFile, 1);
  YeastarSimulatorReportInput input = {
    type, table, &self->menus, self->date_format, self->time_format, now,
  };

  for (guint i = 0; i < params->len; i++)
    g_hash_table_insert (table, g_array_index (params, Param, i).name, g_array_index (params, Param, i).value);

  file->name = g_strdup (name);
  file->link = link_for_name (name);
  file->expires = g_get_monotonic_time () + (gint64) self->link_lifetime * G_USEC_PER_SEC;

  if (self->report_size > 0)
    {
      _yeastar_simulator_report_get_parts (&input, CHUNK_SIZE, &file->header, &file->block);
      file->size = self->report_size;
    }
  else
    {
      file->contents = _yeastar_simulator_report_generate (&input);
      file->size = g_bytes_get_size (file->contents);
    }

  g_hash_table_replace (self->files, file->name, file);
  return file;
}

static void
send_event (YeastarSimulator *self,
            const char       *text)
{
  for (guint i = 0; i < self->subscribers->len; i++)
    {
      Subscriber *subscriber = g_ptr_array_index (self->subscribers, i);

      if (subscriber->report_events &&
          soup_websocket_connection_get_state (subscriber->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (subscriber->connection, text);
    }
}

static void
send_pending_event (PendingEvent *event)
{
  YeastarSimulator *self = event->self;
  g_autoptr(JsonBuilder) msg_builder = json_builder_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) msg_node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (msg_builder);
  json_builder_set_member_name (msg_builder, "key");
  json_builder_add_string_value (msg_builder, "report_download");
  json_builder_set_member_name (msg_builder, "result");
  json_builder_add_string_value (msg_builder, event->failed ? "failure" : "success");
  json_builder_set_member_name (msg_builder, "file");
  json_builder_add_string_value (msg_builder, event->failed ? "" : event->file);
  json_builder_set_member_name (msg_builder, "download_resource_url");
  json_builder_add_string_value (msg_builder, event->failed ? "" : event->link);
  json_builder_set_member_name (msg_builder, "error");
  json_builder_add_string_value (msg_builder,
                                 !event->failed ? ""
                                 : self->hostile_text != NULL && self->hostile_text[0] != '\0' ? self->hostile_text
                                 : "Failed to generate the report file");
  json_builder_set_member_name (msg_builder, "download_id");
  json_builder_add_int_value (msg_builder, ++self->download_id);
  json_builder_end_object (msg_builder);
  msg_node = json_builder_get_root (msg_builder);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_int_value (builder, 30027);
  json_builder_set_member_name (builder, "sn");
  json_builder_add_string_value (builder, self->serial);
  json_builder_set_member_name (builder, "msg");
  if (self->event_msg_as_string)
    {
      g_autofree char *msg_text = json_to_string (msg_node, FALSE);
      json_builder_add_string_value (builder, msg_text);
    }
  else
    {
      json_builder_add_value (builder, g_steal_pointer (&msg_node));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  send_event (self, text);

  g_clear_pointer (&event->source, g_source_unref);
  g_ptr_array_remove (self->events, event);
}

static gboolean
pending_event_cb (gpointer user_data)
{
  PendingEvent *event = user_data;

  if (event->self->events_held)
    {
      g_clear_pointer (&event->source, g_source_unref);
      event->due = TRUE;
      return G_SOURCE_REMOVE;
    }

  send_pending_event (event);
  return G_SOURCE_REMOVE;
}

static void
schedule_event (YeastarSimulator  *self,
                const OfferedFile *file,
                gboolean           failed)
{
  PendingEvent *event = g_new0 (PendingEvent, 1);

  event->self = self;
  event->file = g_strdup (file->name);
  event->link = g_strdup (file->link);
  event->failed = failed;
  event->source = add_timeout (self, self->async_delay_ms, pending_event_cb, event);
  g_ptr_array_add (self->events, event);
}

static void
handle_report (YeastarSimulator      *self,
               SoupServerMessage     *msg,
               GArray                *params,
               gboolean               v2,
               YeastarSimulatorFault  fault)
{
  const char *type_name = lookup_param (params, "type");
  const YeastarReportType *type;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *name = NULL;
  OfferedFile *file;
  gboolean is_async;

  if (type_name == NULL || *type_name == '\0')
    {
      /* v2.0 validates; v1.0 cannot build a report without a type. */
      if (v2)
        reply_invalid_param (msg, "type", "type must required");
      else
        reply_error (msg, -2);
      return;
    }

  /* An unknown type crashes the report module on real firmware, on both
   * API versions: -2, not 40002. */
  type = yeastar_report_type_lookup (type_name);
  if (type == NULL)
    {
      reply_error (msg, -2);
      return;
    }

  /* v1.0 takes anything (and on a real PBX quietly answers with an empty
   * report when the format is wrong). */
  if (v2 && !validate_v2 (self, msg, type, params))
    return;

  /* Free text with control characters in every text of a 40002 reply. */
  if (fault == YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT)
    {
      const char *text = hostile_text (self);

      reply_invalid_param_full (msg, text, text, text, text);
      return;
    }

  /* A rejection that only the PBX can make, such as an ID it does not
  * have: the first ID list of the request. [INFERRED] the wording. */
  if (fault == YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR)
    {
      for (guint i = 0; i < params->len; i++)
        {
          const Param *param = &g_array_index (params, Param, i);

          if (g_str_has_suffix (param->name, "_id_list") || g_str_has_suffix (param->name, "_id"))
            {
              g_autofree char *valid_msg = g_strdup_printf ("%s not exist", param->name);

              reply_invalid_param_value (msg, param->name, valid_msg, param->value);
              return;
            }
        }
      reply_invalid_param (msg, "type", "type invalid");
      return;
    }

  is_async = g_strcmp0 (lookup_param (params, "is_async"), "1") == 0;

  if (fault == YEASTAR_SIMULATOR_FAULT_REPORT_FAILED && !is_async)
    {
      reply_error (msg, -1);
      return;
    }

  if (fault == YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME)
    name = g_strdup (self->hostile_file_name && *self->hostile_file_name ? self->hostile_file_name : "../x.csv");
  else
    name = new_file_name (self, type);

  file = offer_file (self, type, params, name);
  if (fault == YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED)
    file->expires = 0;

  if (is_async)
    {
      schedule_event (self, file, fault == YEASTAR_SIMULATOR_FAULT_REPORT_FAILED);
      reply_error (msg, 2);
      return;
    }

  builder = begin_reply (0);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file->name);
  json_builder_set_member_name (builder, "download_resource_url");
  json_builder_add_string_value (builder, file->link);
  json_builder_end_object (builder);
  reply_builder (msg, builder);
}

/* GET /api/download/<file> */

static char *
header_safe_name (const char *name)
{
  char *safe = g_strdup (name);

  for (char *p = safe; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '_';

  return safe;
}

static void
handle_file (YeastarSimulator      *self,
             SoupServerMessage     *msg,
             YeastarSimulatorFault  fault)
{
  /* The raw path, still encoded: the handler's `path` is decoded once
   * already, which would break names with '%' in them. */
  const char *raw = g_uri_get_path (soup_server_message_get_uri (msg)) + strlen ("/api/download/");
  g_autofree char *name = g_uri_unescape_string (raw, NULL);
  g_autofree char *twice = name ? g_uri_unescape_string (name, NULL) : NULL;
  OfferedFile *file = name ? g_hash_table_lookup (self->files, name) : NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GHashTable) disposition = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *safe_name = NULL;
  g_autoptr(GBytes) empty = NULL;

  if (file == NULL && twice != NULL)
    file = g_hash_table_lookup (self->files, twice);

  if (file == NULL || g_get_monotonic_time () >= file->expires ||
      fault == YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED)
    {
      reply_error (msg, 60001);
      return;
    }

  /* Some firmware answers the link with the JSON envelope again: a JSON
   * body with errcode 0 that is still not the file. */
  if (fault == YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE)
    {
      g_autoptr(JsonBuilder) builder = begin_reply (0);

      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "download_resource_url");
      json_builder_add_string_value (builder, file->link);
      json_builder_end_object (builder);
      reply_builder (msg, builder);
      return;
    }

  safe_name = header_safe_name (file->name);
  g_hash_table_insert (disposition, (char *) "filename", safe_name);
  soup_message_headers_set_content_disposition (headers, "attachment", disposition);

  if (fault == YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY)
    {
      g_autoptr(GBytes) part = NULL;

      if (file->contents != NULL)
        part = g_bytes_new_from_bytes (file->contents, 0, g_bytes_get_size (file->contents) / 2);
      else
        part = g_bytes_new_from_bytes (file->block, 0, MIN (g_bytes_get_size (file->block), file->size / 2));
      reply_dropped (msg, "text/csv", part, file->size);
      return;
    }

  if (file->contents != NULL)
    {
      set_body (msg, SOUP_STATUS_OK, "text/csv",
                g_bytes_get_data (file->contents, NULL), g_bytes_get_size (file->contents));
      return;
    }

  empty = g_bytes_new_static ("", 0);
  reply_streamed (msg, "text/csv", file->header, file->block, empty, file->size);
}

/* Faults that replace the reply, whatever the endpoint. */

static const char *
wrong_types_body (const char *endpoint)
{
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_GET_TOKEN) == 0 ||
      g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REFRESH_TOKEN) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token_expire_time\":\"1800\","
           "\"access_token\":12345,\"refresh_token_expire_time\":null,\"refresh_token\":[\"x\"]}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_INFORMATION) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"firmware_version\":37,"
           "\"system_date_format\":[\"DD/MM/YYYY\"],\"system_time_format\":null,\"timestamp\":\"now\"}}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_MENU_OPTIONS) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"text\":\"1001 - Alice Martin\",\"value\":34}}";
  if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REPORT) == 0)
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"file\":12345,"
           "\"download_resource_url\":{\"url\":\"/api/download/x.csv\"}}";

  return "{\"errcode\":\"0\",\"errmsg\":0}";
}

static void
reply_huge_json (YeastarSimulator  *self,
                 SoupServerMessage *msg)
{
  static const char item[] = "{\"text\":\"1001 - Alice Martin\",\"value\":\"34\",\"type\":\"SIP\"},";
  g_autoptr(GBytes) head = g_bytes_new_static ("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[", 40);
  g_autoptr(GBytes) tail = g_bytes_new_static ("{\"text\":\"end\",\"value\":\"0\",\"type\":\"\"}]}", 38);
  g_autoptr(GBytes) block = NULL;
  GString *items = g_string_sized_new (CHUNK_SIZE + sizeof item);
  guint64 n_blocks;

  while (items->len < CHUNK_SIZE)
    g_string_append (items, item);
  block = g_string_free_to_bytes (items);

  /* Whole blocks only, so the JSON stays valid. */
  n_blocks = MAX (self->huge_json_size / g_bytes_get_size (block), 1);
  reply_streamed (msg, "application/json; charset=utf-8", head, block, tail,
                  g_bytes_get_size (head) + n_blocks * g_bytes_get_size (block) + g_bytes_get_size (tail));
}

static gboolean
apply_reply_fault (YeastarSimulator      *self,
                   SoupServerMessage     *msg,
                   const char            *endpoint,
                   YeastarSimulatorFault  fault)
{
  const char *body;
  g_autoptr(GBytes) part = NULL;

  switch (fault)
    {
    case YEASTAR_SIMULATOR_FAULT_HTTP_500:
      set_body (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html",
                "<html><body><h1>500 Internal Server Error</h1></body></html>\n", 61);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HTTP_502:
      body = "<html><body><h1>502 Bad Gateway</h1></body></html>\n";
      set_body (msg, SOUP_STATUS_BAD_GATEWAY, "text/html", body, strlen (body));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HTML:
      set_body (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", login_page, strlen (login_page));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON:
      reply_json (msg, "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"da");
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_WRONG_TYPES:
      reply_json (msg, wrong_types_body (endpoint));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HUGE_JSON:
      reply_huge_json (self, msg);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED:
      reply_error (msg, 10004);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_TOKEN_CAP:
      reply_error (msg, 60002);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_IP_BLOCKED:
      {
        g_autoptr(JsonBuilder) builder = begin_reply (70004);

        json_builder_set_member_name (builder, "block_expire_time");
        json_builder_add_int_value (builder, self->block_duration);
        json_builder_end_object (builder);
        reply_builder (msg, builder);
      }
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN:
      reply_error (msg, 70087);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED:
      reply_error (msg, 10005);
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT:
      /* call_report/download answers a 40002 (see handle_report). */
      if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_REPORT) == 0)
        return FALSE;
      {
        g_autoptr(JsonBuilder) builder = begin_reply_text (-1, hostile_text (self));

        json_builder_end_object (builder);
        reply_builder (msg, builder);
      }
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY:
      /* The file endpoint drops its own body (see handle_file). */
      if (g_strcmp0 (endpoint, YEASTAR_SIMULATOR_FILE) == 0)
        return FALSE;
      body = "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"device_name\":\"Demo PBX\"}}";
      part = g_bytes_new_static (body, strlen (body) / 2);
      reply_dropped (msg, "application/json; charset=utf-8", part, strlen (body));
      return TRUE;

    case YEASTAR_SIMULATOR_FAULT_NONE:
    case YEASTAR_SIMULATOR_FAULT_STALL:
    case YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED:
    case YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME:
    case YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE:
    case YEASTAR_SIMULATOR_FAULT_REPORT_FAILED:
    case YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR:
    default:
      return FALSE;
    }
}

static YeastarSimulatorFault
take_fault (YeastarSimulator *self,
            const char       *endpoint)
{
  Fault *fault = endpoint ? g_hash_table_lookup (self->faults, endpoint) : NULL;
  YeastarSimulatorFault result;

  if (fault == NULL)
    return YEASTAR_SIMULATOR_FAULT_NONE;

  result = fault->fault;
  if (fault->remaining > 0 && --fault->remaining == 0)
    g_hash_table_remove (self->faults, endpoint);

  return result;
}

static void
stall_finished_cb (SoupServerMessage *msg,
                   Stall             *stall)
{
  g_ptr_array_remove (stall->self->stalls, stall);
}

static gboolean
stall_done_cb (gpointer user_data)
{
  Stall *stall = user_data;

  g_clear_pointer (&stall->source, g_source_unref);
  soup_server_message_unpause (stall->msg);
  g_ptr_array_remove (stall->self->stalls, stall);
  return G_SOURCE_REMOVE;
}

static void
stall_reply (YeastarSimulator  *self,
             SoupServerMessage *msg)
{
  Stall *stall = g_new0 (Stall, 1);

  stall->self = self;
  stall->msg = g_object_ref (msg);
  stall->source = add_timeout (self, self->stall_ms, stall_done_cb, stall);
  g_signal_connect (msg, "finished", G_CALLBACK (stall_finished_cb), stall);
  g_ptr_array_add (self->stalls, stall);
  soup_server_message_pause (msg);
}

/* Routing */

static const char * const endpoints[] = {
  YEASTAR_SIMULATOR_GET_TOKEN,
  YEASTAR_SIMULATOR_REFRESH_TOKEN,
  YEASTAR_SIMULATOR_DEL_TOKEN,
  YEASTAR_SIMULATOR_INFORMATION,
  YEASTAR_SIMULATOR_MENU_OPTIONS,
  YEASTAR_SIMULATOR_REPORT,
  YEASTAR_SIMULATOR_SUBSCRIBE,
};

/* The endpoint constant for a path, and its API version. */
static const char *
classify (const char  *path,
          const char **version)
{
  *version = NULL;

  if (g_str_has_prefix (path, "/api/download/"))
    return YEASTAR_SIMULATOR_FILE;

  if (!g_str_has_prefix (path, "/openapi/"))
    return NULL;

  path += strlen ("/openapi/");
  if (g_str_has_prefix (path, "v1.0/"))
    *version = "v1.0";
  else if (g_str_has_prefix (path, "v2.0/"))
    *version = "v2.0";
  else
    return NULL;

  path += strlen ("v1.0/");
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (strcmp (path, endpoints[i]) == 0)
      return endpoints[i];

  return NULL;
}

static gboolean
is_endpoint (const char *endpoint,
             const char *name)
{
  return g_strcmp0 (endpoint, name) == 0;
}

static const char uri_too_long_page[] =
  "<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n"
  "<body>\r\n<center><h1>414 Request-URI Too Large</h1></center>\r\n"
  "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/* "GET /path?query HTTP/1.1\r\n" as it came, longer than the limit. */
static gboolean
request_line_too_long (YeastarSimulator  *self,
                       SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  gsize length;

  if (self->max_request_line == 0)
    return FALSE;

  length = strlen (soup_server_message_get_method (msg)) + 1 +
           strlen (g_uri_get_path (uri)) +
           (query != NULL ? 1 + strlen (query) : 0) +
           strlen (" HTTP/1.1\r\n");

  return length > self->max_request_line;
}

/* Everything every request goes through. Returns TRUE when the request
 * got its reply here; otherwise `*fault` is for the endpoint's handler. */
static gboolean
handle_common (YeastarSimulator      *self,
               SoupServerMessage     *msg,
               const char            *endpoint,
               GArray                *params,
               YeastarSimulatorFault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *user_agent = soup_message_headers_get_one (headers, "User-Agent");
  guint count;

  self->total_requests++;
  *fault = YEASTAR_SIMULATOR_FAULT_NONE;

  if (endpoint != NULL)
    {
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, endpoint));
      g_hash_table_insert (self->request_counts, (char *) endpoint, GUINT_TO_POINTER (count + 1));
      remember_query (self, endpoint, params);
    }

  /* The vendor says every request MUST carry a User-Agent and does not say
   * what happens without one; the simulator refuses it with the generic
   * -1 FAILURE so that a client that forgets it fails loudly. */
  if (user_agent == NULL || *user_agent == '\0')
    {
      reply_error (msg, -1);
      return TRUE;
    }

  if (self->blocked_until != 0)
    {
      if (g_get_monotonic_time () < self->blocked_until)
        {
          reply_blocked (self, msg);
          return TRUE;
        }
      self->blocked_until = 0;
      self->failed_logins = 0;
    }

  *fault = take_fault (self, endpoint);
  return apply_reply_fault (self, msg, endpoint, *fault);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  YeastarSimulator *self = user_data;
  g_autoptr(GArray) params = parse_query (msg);
  const char *version = NULL;
  const char *endpoint = classify (path, &version);
  const char *access_token = lookup_param (params, "access_token");
  YeastarSimulatorFault fault;

  g_assert (YEASTAR_IS_SIMULATOR (self));

  /* The web server in front of the API refuses a request line longer than
   * its header buffer; the API never sees the request. */
  if (request_line_too_long (self, msg))
    {
      self->total_requests++;
      set_body (msg, SOUP_STATUS_REQUEST_URI_TOO_LONG, "text/html",
                uri_too_long_page, strlen (uri_too_long_page));
      return;
    }

  if (handle_common (self, msg, endpoint, params, &fault))
    goto out;

  if (endpoint == NULL)
    {
      /* The web UI's login page at the root, 404 elsewhere; an unknown
       * OpenAPI path is 10001, an unknown version 10003. */
      if (strcmp (path, "/") == 0)
        set_body (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", login_page, strlen (login_page));
      else if (g_str_has_prefix (path, "/openapi/v1.0/") || g_str_has_prefix (path, "/openapi/v2.0/"))
        reply_error (msg, 10001);
      else if (g_str_has_prefix (path, "/openapi/"))
        reply_error (msg, 10003);
      else
        set_body (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>404 Not Found</body></html>\n", 40);
      goto out;
    }

  /* Only the cdr and call_report families exist on v2.0. */
  if (g_strcmp0 (version, "v2.0") == 0 && !is_endpoint (endpoint, YEASTAR_SIMULATOR_REPORT))
    {
      reply_error (msg, 10001);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_GET_TOKEN))
    {
      handle_get_token (self, msg);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_REFRESH_TOKEN))
    {
      handle_refresh_token (self, msg);
      goto out;
    }

  if (!access_token_valid (self, access_token))
    {
      reply_error (msg, 10004);
      goto out;
    }

  if (is_endpoint (endpoint, YEASTAR_SIMULATOR_DEL_TOKEN))
    handle_del_token (self, msg, access_token);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_INFORMATION))
    handle_information (self, msg);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_MENU_OPTIONS))
    handle_menu_options (self, msg, params);
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_REPORT))
    {
      self->last_api_version = version;
      handle_report (self, msg, params, g_strcmp0 (version, "v2.0") == 0, fault);
    }
  else if (is_endpoint (endpoint, YEASTAR_SIMULATOR_FILE))
    handle_file (self, msg, fault);
  /* YEASTAR_SIMULATOR_SUBSCRIBE: status stays unset, so the WebSocket
   * handshake goes on in websocket_callback. */

out:
  if (fault == YEASTAR_SIMULATOR_FAULT_STALL)
    stall_reply (self, msg);
}

/* The WebSocket */

static gboolean
subscriber_idle_cb (gpointer user_data)
{
  Subscriber *subscriber = user_data;

  /* 60 s without a frame: the PBX drops the connection. */
  g_clear_pointer (&subscriber->idle, g_source_unref);
  soup_websocket_connection_close (subscriber->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "idle timeout");
  return G_SOURCE_REMOVE;
}

static void
subscriber_touch (Subscriber *subscriber)
{
  destroy_source (&subscriber->idle);
  subscriber->idle = add_timeout (subscriber->self, subscriber->self->websocket_idle_ms,
                                  subscriber_idle_cb, subscriber);
}

static void
subscriber_message_cb (SoupWebsocketConnection *connection,
                       int                      type,
                       GBytes                  *message,
                       Subscriber              *subscriber)
{
  YeastarSimulator *self = subscriber->self;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (message, &len);
  JsonNode *root;
  JsonArray *topics;

  subscriber_touch (subscriber);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  if (len == strlen ("heartbeat") && memcmp (data, "heartbeat", len) == 0)
    {
      self->heartbeats++;
      soup_websocket_connection_send_text (connection, "heartbeat response");
      return;
    }

  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))) ||
      !json_object_has_member (json_node_get_object (root), "topic_list") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "topic_list")))
    {
      soup_websocket_connection_send_text (connection, "{\"errcode\":40001,\"errmsg\":\"PARAMETER SYNTAX ERROR\"}");
      return;
    }

  /* A new topic_list replaces the previous subscription. */
  topics = json_object_get_array_member (json_node_get_object (root), "topic_list");
  subscriber->report_events = FALSE;
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonNode *node = json_array_get_element (topics, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
          json_node_get_int (node) == 30027)
        subscriber->report_events = TRUE;
    }

  soup_websocket_connection_send_text (connection, "{\"errcode\":0,\"errmsg\":\"SUCCESS\"}");
}

static void
subscriber_closed_cb (SoupWebsocketConnection *connection,
                      Subscriber              *subscriber)
{
  g_ptr_array_remove (subscriber->self->subscribers, subscriber);
}

static void
websocket_callback (SoupServer              *server,
                    SoupServerMessage       *msg,
                    const char              *path,
                    SoupWebsocketConnection *connection,
                    gpointer                 user_data)
{
  YeastarSimulator *self = user_data;
  Subscriber *subscriber = g_new0 (Subscriber, 1);

  g_assert (YEASTAR_IS_SIMULATOR (self));

  subscriber->self = self;
  subscriber->connection = g_object_ref (connection);
  g_signal_connect (connection, "message", G_CALLBACK (subscriber_message_cb), subscriber);
  g_signal_connect (connection, "closed", G_CALLBACK (subscriber_closed_cb), subscriber);
  g_ptr_array_add (self->subscribers, subscriber);
  subscriber_touch (subscriber);
}

/* GObject */

static void
yeastar_simulator_dispose (GObject *object)
{
  YeastarSimulator *self = (YeastarSimulator *) object;

  yeastar_simulator_stop (self);

  G_OBJECT_CLASS (yeastar_simulator_parent_class)->dispose (object);
}

static void
yeastar_simulator_finalize (GObject *object)
{
  YeastarSimulator *self = (YeastarSimulator *) object;

  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->date_format);
  g_free (self->time_format);
  g_free (self->firmware);
  g_free (self->model);
  g_free (self->device_name);
  g_free (self->serial);
  g_free (self->hostile_file_name);
  g_free (self->hostile_text);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->access_tokens, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_ptr_array_unref);
  g_clear_pointer (&self->faults, g_hash_table_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->last_queries, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->subscribers, g_ptr_array_unref);
  g_clear_pointer (&self->stalls, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (yeastar_simulator_parent_class)->finalize (object);
}

static void
yeastar_simulator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  YeastarSimulator *self = YEASTAR_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_CLIENT_SECRET:
      g_value_set_string (value, self->client_secret);
      break;
    case PROP_DATE_FORMAT:
      g_value_set_string (value, self->date_format);
      break;
    case PROP_TIME_FORMAT:
      g_value_set_string (value, self->time_format);
      break;
    case PROP_FIRMWARE:
      g_value_set_string (value, self->firmware);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;
    case PROP_SERIAL:
      g_value_set_string (value, self->serial);
      break;
    case PROP_CLOCK:
      g_value_set_boxed (value, self->clock);
      break;
    case PROP_ACCESS_TOKEN_LIFETIME:
      g_value_set_uint (value, self->access_token_lifetime);
      break;
    case PROP_REFRESH_TOKEN_LIFETIME:
      g_value_set_uint (value, self->refresh_token_lifetime);
      break;
    case PROP_TOKEN_CAP:
      g_value_set_uint (value, self->token_cap);
      break;
    case PROP_LINK_LIFETIME:
      g_value_set_uint (value, self->link_lifetime);
      break;
    case PROP_REPORT_SIZE:
      g_value_set_uint64 (value, self->report_size);
      break;
    case PROP_ASYNC_DELAY_MS:
      g_value_set_uint (value, self->async_delay_ms);
      break;
    case PROP_EVENT_MSG_AS_STRING:
      g_value_set_boolean (value, self->event_msg_as_string);
      break;
    case PROP_STALL_MS:
      g_value_set_uint (value, self->stall_ms);
      break;
    case PROP_HOSTILE_FILE_NAME:
      g_value_set_string (value, self->hostile_file_name);
      break;
    case PROP_BLOCK_DURATION:
      g_value_set_uint (value, self->block_duration);
      break;
    case PROP_WEBSOCKET_IDLE_MS:
      g_value_set_uint (value, self->websocket_idle_ms);
      break;
    case PROP_HUGE_JSON_SIZE:
      g_value_set_uint64 (value, self->huge_json_size);
      break;
    case PROP_HOSTILE_TEXT:
      g_value_set_string (value, self->hostile_text);
      break;
    case PROP_MAX_REQUEST_LINE:
      g_value_set_uint (value, self->max_request_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (YeastarSimulator  *self,
            char             **field,
            const GValue      *value,
            GParamSpec        *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_uint (YeastarSimulator *self,
          guint            *field,
          const GValue     *value,
          GParamSpec       *pspec)
{
  if (*field == g_value_get_uint (value))
    return;

  *field = g_value_get_uint (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_uint64 (YeastarSimulator *self,
            guint64          *field,
            const GValue     *value,
            GParamSpec       *pspec)
{
  if (*field == g_value_get_uint64 (value))
    return;

  *field = g_value_get_uint64 (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
yeastar_simulator_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  YeastarSimulator *self = YEASTAR_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      set_string (self, &self->client_id, value, pspec);
      break;
    case PROP_CLIENT_SECRET:
      set_string (self, &self->client_secret, value, pspec);
      break;
    case PROP_DATE_FORMAT:
      set_string (self, &self->date_format, value, pspec);
      break;
    case PROP_TIME_FORMAT:
      set_string (self, &self->time_format, value, pspec);
      break;
    case PROP_FIRMWARE:
      set_string (self, &self->firmware, value, pspec);
      break;
    case PROP_MODEL:
      set_string (self, &self->model, value, pspec);
      break;
    case PROP_DEVICE_NAME:
      set_string (self, &self->device_name, value, pspec);
      break;
    case PROP_SERIAL:
      set_string (self, &self->serial, value, pspec);
      break;
    case PROP_CLOCK:
      {
        GDateTime *clock = g_value_get_boxed (value);

        if (clock == self->clock || (clock && self->clock && g_date_time_equal (clock, self->clock)))
          break;
        g_clear_pointer (&self->clock, g_date_time_unref);
        self->clock = clock ? g_date_time_ref (clock) : NULL;
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_ACCESS_TOKEN_LIFETIME:
      set_uint (self, &self->access_token_lifetime, value, pspec);
      break;
    case PROP_REFRESH_TOKEN_LIFETIME:
      set_uint (self, &self->refresh_token_lifetime, value, pspec);
      break;
    case PROP_TOKEN_CAP:
      set_uint (self, &self->token_cap, value, pspec);
      break;
    case PROP_LINK_LIFETIME:
      set_uint (self, &self->link_lifetime, value, pspec);
      break;
    case PROP_REPORT_SIZE:
      set_uint64 (self, &self->report_size, value, pspec);
      break;
    case PROP_ASYNC_DELAY_MS:
      set_uint (self, &self->async_delay_ms, value, pspec);
      break;
    case PROP_EVENT_MSG_AS_STRING:
      if (self->event_msg_as_string != g_value_get_boolean (value))
        {
          self->event_msg_as_string = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STALL_MS:
      set_uint (self, &self->stall_ms, value, pspec);
      break;
    case PROP_HOSTILE_FILE_NAME:
      set_string (self, &self->hostile_file_name, value, pspec);
      break;
    case PROP_BLOCK_DURATION:
      set_uint (self, &self->block_duration, value, pspec);
      break;
    case PROP_WEBSOCKET_IDLE_MS:
      set_uint (self, &self->websocket_idle_ms, value, pspec);
      break;
    case PROP_HUGE_JSON_SIZE:
      set_uint64 (self, &self->huge_json_size, value, pspec);
      break;
    case PROP_HOSTILE_TEXT:
      set_string (self, &self->hostile_text, value, pspec);
      self->menus.hostile_name = self->hostile_text != NULL && self->hostile_text[0] != '\0'
                                 ? self->hostile_text : NULL;
      break;
    case PROP_MAX_REQUEST_LINE:
      set_uint (self, &self->max_request_line, value, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STRING_PROP(id, name, default_value) \
  properties[id] = g_param_spec_string (name, NULL, NULL, default_value, \
                                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define UINT_PROP(id, name, max, default_value) \
  properties[id] = g_param_spec_uint (name, NULL, NULL, 0, max, default_value, \
                                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define UINT64_PROP(id, name, default_value) \
  properties[id] = g_param_spec_uint64 (name, NULL, NULL, 0, G_MAXUINT64, default_value, \
                                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | \
                                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))

static void
yeastar_simulator_class_init (YeastarSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_simulator_dispose;
  object_class->finalize = yeastar_simulator_finalize;
  object_class->get_property = yeastar_simulator_get_property;
  object_class->set_property = yeastar_simulator_set_property;

  /* The demo PBX: the values a newcomer sees in --demo. */
  STRING_PROP (PROP_CLIENT_ID, "client-id", "demo");
  STRING_PROP (PROP_CLIENT_SECRET, "client-secret", "demo-secret");
  STRING_PROP (PROP_DATE_FORMAT, "date-format", "DD/MM/YYYY");
  STRING_PROP (PROP_TIME_FORMAT, "time-format", "hh:mm:ss PM");
  STRING_PROP (PROP_FIRMWARE, "firmware", "37.23.0.123");
  STRING_PROP (PROP_MODEL, "model", "Yeastar P570");
  STRING_PROP (PROP_DEVICE_NAME, "device-name", "Demo PBX");
  STRING_PROP (PROP_SERIAL, "serial", "3631A2124D7E");
  STRING_PROP (PROP_HOSTILE_FILE_NAME, "hostile-file-name", "../x.csv");

  properties[PROP_CLOCK] =
    g_param_spec_boxed ("clock", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT_MSG_AS_STRING] =
    g_param_spec_boolean ("event-msg-as-string", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                           G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  UINT_PROP (PROP_ACCESS_TOKEN_LIFETIME, "access-token-lifetime", G_MAXINT32, 1800);
  UINT_PROP (PROP_REFRESH_TOKEN_LIFETIME, "refresh-token-lifetime", G_MAXINT32, 86400);
  UINT_PROP (PROP_TOKEN_CAP, "token-cap", G_MAXUINT, 8);
  UINT_PROP (PROP_LINK_LIFETIME, "link-lifetime", G_MAXINT32, 1800);
  UINT_PROP (PROP_ASYNC_DELAY_MS, "async-delay-ms", G_MAXINT32, 200);
  UINT_PROP (PROP_STALL_MS, "stall-ms", G_MAXINT32, 30000);
  /* Added: seconds the IP block lasts after 5 failed logins. */
  UINT_PROP (PROP_BLOCK_DURATION, "block-duration", G_MAXINT32, 600);
  /* Added: a WebSocket without any frame for this long is closed. */
  UINT_PROP (PROP_WEBSOCKET_IDLE_MS, "websocket-idle-ms", G_MAXINT32, 60000);
  UINT64_PROP (PROP_REPORT_SIZE, "report-size", 0);
  /* Added: the size of a FAULT_HUGE_JSON reply. */
  UINT64_PROP (PROP_HUGE_JSON_SIZE, "huge-json-size", 100 * 1024 * 1024);
  /* Added: free text with control and bidi characters, where the PBX
   * writes free text (see the header). */
  STRING_PROP (PROP_HOSTILE_TEXT, "hostile-text", NULL);
  /* Added: the longest request line (method, target, version and CRLF)
   * the web server takes, as nginx's default large_client_header_buffers
   * 4 8k; a longer one is answered with HTTP 414 before the API sees it. */
  UINT_PROP (PROP_MAX_REQUEST_LINE, "max-request-line", G_MAXINT32, 8192);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_simulator_init (YeastarSimulator *self)
{
  self->tokens = g_ptr_array_new_with_free_func (token_free);
  self->access_tokens = g_hash_table_new (g_str_hash, g_str_equal);
  self->refresh_tokens = g_hash_table_new (g_str_hash, g_str_equal);
  self->faults = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->request_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->last_queries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, offered_file_free);
  self->subscribers = g_ptr_array_new_with_free_func (subscriber_free);
  self->stalls = g_ptr_array_new_with_free_func (stall_free);
  self->events = g_ptr_array_new_with_free_func (pending_event_free);
  self->created_at = g_get_monotonic_time ();
  self->name_salt = (guint64) g_random_int () << 32 | g_random_int ();
  _yeastar_simulator_menus_init (&self->menus);
}

/* Public API */

YeastarSimulator *
yeastar_simulator_new (void)
{
  return g_object_new (YEASTAR_TYPE_SIMULATOR, NULL);
}

gboolean
yeastar_simulator_start (YeastarSimulator  *self,
                         GTlsCertificate   *certificate,
                         GError           **error)
{
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (!certificate || G_IS_TLS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, "The simulator is already running");
      return FALSE;
    }

  /* No server header: the real PBX does not advertise libsoup either. */
  server = soup_server_new ("server-header", NULL, NULL);
  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (server, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  soup_server_add_handler (server, NULL, server_callback, self, NULL);
  /* The token check runs in server_callback first (same path); the
   * handshake goes on only when that left the status unset. */
  soup_server_add_handler (server, "/openapi/v1.0/subscribe", server_callback, self, NULL);
  soup_server_add_websocket_handler (server, "/openapi/v1.0/subscribe", NULL, NULL,
                                     websocket_callback, self, NULL);

  if (!soup_server_listen_local (server, 0, options, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  g_assert (uris != NULL);
  self->base_uri = g_strdup_printf ("%s://127.0.0.1:%d",
                                    certificate ? "https" : "http",
                                    g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->context = g_main_context_ref_thread_default ();
  self->server = g_steal_pointer (&server);
  return TRUE;
}

void
yeastar_simulator_stop (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  if (self->events != NULL)
    g_ptr_array_set_size (self->events, 0);
  if (self->subscribers != NULL)
    g_ptr_array_set_size (self->subscribers, 0);
  if (self->stalls != NULL)
    g_ptr_array_set_size (self->stalls, 0);

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base_uri, g_free);
}

char *
yeastar_simulator_dup_base_uri (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return g_strdup (self->base_uri);
}

void
yeastar_simulator_set_menu_size (YeastarSimulator *self,
                                 const char       *menu,
                                 guint             n_options)
{
  YeastarSimulatorMenu kind;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (n_options <= YEASTAR_SIMULATOR_MAX_MENU_SIZE);

  if (!_yeastar_simulator_menu_from_name (menu, &kind))
    {
      g_critical ("The simulator has no menu “%s”", menu);
      return;
    }

  self->menus.sizes[kind] = n_options;
}

void
yeastar_simulator_set_menu_first_id (YeastarSimulator *self,
                                     const char       *menu,
                                     guint             first_id)
{
  YeastarSimulatorMenu kind;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (first_id <= G_MAXUINT - YEASTAR_SIMULATOR_MAX_MENU_SIZE);

  if (!_yeastar_simulator_menu_from_name (menu, &kind))
    {
      g_critical ("The simulator has no menu “%s”", menu);
      return;
    }

  self->menus.first_ids[kind] = first_id;
}

void
yeastar_simulator_inject_fault (YeastarSimulator      *self,
                                const char            *endpoint,
                                YeastarSimulatorFault  fault,
                                guint                  count)
{
  Fault *entry;
  const char *key = NULL;

  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));
  g_return_if_fail (endpoint != NULL);

  /* Keys are the endpoint constants, compared by content. */
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (strcmp (endpoint, endpoints[i]) == 0)
      key = endpoints[i];
  if (strcmp (endpoint, YEASTAR_SIMULATOR_FILE) == 0)
    key = YEASTAR_SIMULATOR_FILE;
  g_return_if_fail (key != NULL);

  if (fault == YEASTAR_SIMULATOR_FAULT_NONE)
    {
      g_hash_table_remove (self->faults, key);
      return;
    }

  entry = g_new0 (Fault, 1);
  entry->fault = fault;
  entry->remaining = count;
  g_hash_table_replace (self->faults, (char *) key, entry);
}

void
yeastar_simulator_clear_faults (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  g_hash_table_remove_all (self->faults);
}

void
yeastar_simulator_expire_access_tokens (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  for (guint i = 0; i < self->tokens->len; i++)
    ((Token *) g_ptr_array_index (self->tokens, i))->access_expires = 0;
}

void
yeastar_simulator_expire_refresh_tokens (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  for (guint i = 0; i < self->tokens->len; i++)
    ((Token *) g_ptr_array_index (self->tokens, i))->refresh_expires = 0;
}

static const char *
endpoint_key (const char *endpoint)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (g_strcmp0 (endpoint, endpoints[i]) == 0)
      return endpoints[i];

  return g_strcmp0 (endpoint, YEASTAR_SIMULATOR_FILE) == 0 ? YEASTAR_SIMULATOR_FILE : NULL;
}

guint
yeastar_simulator_get_request_count (YeastarSimulator *self,
                                     const char       *endpoint)
{
  const char *key = endpoint_key (endpoint);

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return key ? GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, key)) : 0;
}

guint
yeastar_simulator_get_total_request_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->total_requests;
}

char *
yeastar_simulator_dup_last_query (YeastarSimulator *self,
                                  const char       *endpoint)
{
  const char *key = endpoint_key (endpoint);

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return key ? g_strdup (g_hash_table_lookup (self->last_queries, key)) : NULL;
}

const char *
yeastar_simulator_get_last_api_version (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  return self->last_api_version;
}

guint
yeastar_simulator_get_live_token_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return count_live_tokens (self);
}

guint
yeastar_simulator_get_failed_login_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->failed_logins;
}

guint
yeastar_simulator_get_heartbeat_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->heartbeats;
}

GStrv
yeastar_simulator_dup_issued_tokens (YeastarSimulator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);

  for (guint i = 0; i < self->tokens->len; i++)
    {
      const Token *token = g_ptr_array_index (self->tokens, i);

      g_strv_builder_add (builder, token->access_token);
      g_strv_builder_add (builder, token->refresh_token);
    }

  return g_strv_builder_end (builder);
}

void
yeastar_simulator_hold_events (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  self->events_held = TRUE;
}

void
yeastar_simulator_release_events (YeastarSimulator *self)
{
  g_return_if_fail (YEASTAR_IS_SIMULATOR (self));

  self->events_held = FALSE;

  /* In the order of the requests they answer; the others keep their
   * timers. */
  for (guint i = 0; i < self->events->len;)
    {
      PendingEvent *event = g_ptr_array_index (self->events, i);

      if (event->due)
        send_pending_event (event);
      else
        i++;
    }
}

guint
yeastar_simulator_get_held_event_count (YeastarSimulator *self)
{
  guint count = 0;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  for (guint i = 0; i < self->events->len; i++)
    count += ((PendingEvent *) g_ptr_array_index (self->events, i))->due ? 1 : 0;

  return count;
}

GBytes *
yeastar_simulator_dup_file_contents (YeastarSimulator *self,
                                     const char       *file_name)
{
  OfferedFile *file;

  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  file = g_hash_table_lookup (self->files, file_name);
  if (file == NULL || file->contents == NULL)
    return NULL;

  return g_bytes_ref (file->contents);
}
