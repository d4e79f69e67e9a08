/* yeastar-event-stream.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-error.h"
#include "yeastar-event-stream.h"
#include "yeastar-event-stream-private.h"
#include "yeastar-private.h"
#include "yeastar-text.h"

/* The WebSocket subscription of event 30027 (call report download result).
 *
 * - The PBX drops a socket after 60 s without traffic: a text `heartbeat`
 *   goes out every heartbeat-interval (30 s by default).
 * - The socket needs a valid access token, which expires: shortly before
 *   the client would renew it, the stream opens a second socket with a
 *   fresh token, subscribes on it, and only then closes the old one, so no
 *   event falls into a gap. While both are subscribed the PBX may send an
 *   event on both: an event 30027 the old socket delivered while the new
 *   one was up is remembered by its download_id, and its copy from the new
 *   socket is dropped.
 * - When the socket drops, the stream reconnects with a fresh token and
 *   subscribes again. [INFERRED] Events sent during that gap are lost; the
 *   waiter then times out.
 * - Event 30027 carries no reference to the request it answers (only a
 *   download_id the "PROCESSING" reply never mentions), so waiters are
 *   served in the order they started. The client has one asynchronous
 *   request outstanding at a time (YeastarAsyncSlot) and starts its wait
 *   just before sending it; a cancelled request keeps waiting, so that
 *   its event is dropped instead of completing the next request.
 * - `msg` may be an object or a JSON string; `result` is compared without
 *   regard to case ("success" in the example, "SUCCESS" in the table).
 */

#define DEFAULT_HEARTBEAT_MS 30000
#define MAX_RECONNECT_DELAY 30

struct _YeastarEventStream
{
  GObject parent_instance;

  YeastarClient *client;   /* weak: the client owns its stream */
  guint heartbeat_interval;

  SoupWebsocketConnection *conn;
  /* A planned reconnect: the subscribed socket being replaced by conn,
   * closed once conn is subscribed. */
  SoupWebsocketConnection *old_conn;
  /* download_id of events 30027 old_conn delivered while conn was open */
  GArray *overlap_ids;
  SoupMessage *connect_msg;
  GCancellable *cancellable;
  char *token;

  GQueue open_tasks;
  GQueue waiters;

  guint heartbeat_id;
  guint renew_id;
  guint reconnect_id;
  guint reconnect_delay;

  guint wanted : 1;        /* open was asked for and not closed */
  guint connecting : 1;
  guint acked : 1;         /* conn acknowledged the subscription */
  guint subscribed : 1;    /* "connected": conn or old_conn is subscribed */
  guint established : 1;   /* subscribed at least once: reconnect on drops */
};

G_DEFINE_FINAL_TYPE (YeastarEventStream, yeastar_event_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_HEARTBEAT_INTERVAL,
  PROP_CONNECTED,
  N_PROPS
};

enum {
  EVENT,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  YeastarEventStream *self;
  GTask *task;
  guint timeout_id;
  gulong cancel_id;
  GCancellable *cancellable;
} Waiter;

static void stream_connect    (YeastarEventStream *self);
static void drop_connection   (YeastarEventStream *self);

static void
set_subscribed (YeastarEventStream *self,
                gboolean            subscribed)
{
  if (self->subscribed != !!subscribed)
    {
      self->subscribed = !!subscribed;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTED]);
    }
}

/* Waiters --------------------------------------------------------------- */

static void
waiter_finish (Waiter            *waiter,
               YeastarReportLink *link,
               GError            *error)
{
  YeastarEventStream *self = waiter->self;
  g_autoptr(GTask) task = g_steal_pointer (&waiter->task);

  g_queue_remove (&self->waiters, waiter);
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  if (waiter->cancel_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancel_id);
  g_clear_object (&waiter->cancellable);
  g_free (waiter);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, link, (GDestroyNotify) yeastar_report_link_free);
}

static gboolean
on_waiter_timeout (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->timeout_id = 0;
  waiter_finish (waiter, NULL,
                 g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT,
                              _("The PBX did not finish preparing the report in time. Try a "
                                "shorter period, or try again later.")));
  return G_SOURCE_REMOVE;
}

static gboolean
prune_cancelled_waiters (gpointer user_data)
{
  g_autoptr(YeastarEventStream) self = user_data;
  GList *link = self->waiters.head;

  while (link != NULL)
    {
      GList *next = link->next;
      Waiter *waiter = link->data;

      if (waiter->cancellable != NULL && g_cancellable_is_cancelled (waiter->cancellable))
        waiter_finish (waiter, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      link = next;
    }

  return G_SOURCE_REMOVE;
}

static void
on_waiter_cancelled (GCancellable       *cancellable,
                     YeastarEventStream *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, prune_cancelled_waiters, g_object_ref (self), NULL);
}

static void
fail_all (YeastarEventStream *self,
          const GError       *error,
          gboolean            include_waiters)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->open_tasks)) != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
    }

  while (include_waiters && !g_queue_is_empty (&self->waiters))
    waiter_finish (g_queue_peek_head (&self->waiters), NULL, g_error_copy (error));
}

/* Incoming -------------------------------------------------------------- */

/* Once the new socket of a planned reconnect is subscribed, the PBX sends
 * an event on both sockets. An event 30027 the old socket delivers while
 * the new one is open is remembered, and its copy from the new one is a
 * duplicate. */
static gboolean
is_duplicate_event (YeastarEventStream      *self,
                    SoupWebsocketConnection *conn,
                    JsonObject              *msg)
{
  gint64 id = _yeastar_json_get_int (msg, "download_id", -1);

  g_assert (YEASTAR_IS_EVENT_STREAM (self));
  g_assert (msg != NULL);

  if (id < 0)
    return FALSE;

  if (self->old_conn != NULL && conn == self->old_conn)
    {
      if (self->conn != NULL)
        g_array_append_val (self->overlap_ids, id);
      return FALSE;
    }

  for (guint i = 0; i < self->overlap_ids->len; i++)
    {
      if (g_array_index (self->overlap_ids, gint64, i) == id)
        {
          g_array_remove_index_fast (self->overlap_ids, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
handle_report_event (YeastarEventStream *self,
                     JsonObject         *msg)
{
  const char *result = (_yeastar_json_get_string (msg, "result") ?: "");
  const char *url = _yeastar_json_get_string (msg, "download_resource_url");
  const char *file = _yeastar_json_get_string (msg, "file");
  Waiter *waiter = g_queue_peek_head (&self->waiters);

  if (waiter == NULL)
    {
      g_debug ("event 30027 with nobody waiting, ignored");
      return;
    }

  if (g_ascii_strcasecmp (result, "success") == 0 && url != NULL && url[0] == '/')
    {
      waiter_finish (waiter, yeastar_report_link_new (file, url), NULL);
    }
  else if (g_ascii_strcasecmp (result, "success") == 0)
    {
      waiter_finish (waiter, NULL,
                     g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                  _("The PBX announced the report without a usable download link.")));
    }
  else
    {
      const char *text = (_yeastar_json_get_string (msg, "error") ?: "");
      g_autofree char *safe = NULL;

      if (self->client != NULL)
        safe = _yeastar_error_scrub (text, _yeastar_client_get_secrets (self->client));
      else
        safe = yeastar_text_escape (text, -1);

      if (safe[0] == '\0')
        {
          /* `result` is the PBX's text too: scrubbed like `error`. */
          g_autofree char *safe_result = self->client != NULL
                                         ? _yeastar_error_scrub (result, _yeastar_client_get_secrets (self->client))
                                         : yeastar_text_escape (result, -1);

          waiter_finish (waiter, NULL,
                         g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_REPORT_FAILED,
                                      _("The PBX could not generate the report (result “%s”)."),
                                      safe_result));
        }
      else
        waiter_finish (waiter, NULL,
                       g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_REPORT_FAILED,
                                    _("The PBX could not generate the report: %s"), safe));
    }
}

static void close_connection (YeastarEventStream       *self,
                              SoupWebsocketConnection **conn);
static void schedule_reconnect (YeastarEventStream *self);

static void
handle_ack (YeastarEventStream      *self,
            SoupWebsocketConnection *conn,
            JsonObject              *root)
{
  gint64 errcode = _yeastar_json_get_int (root, "errcode", -1);
  GTask *task;

  if (conn != self->conn || self->acked)
    return;   /* the old socket's, or [INFERRED] a late duplicate acknowledgement */

  if (errcode != 0)
    {
      g_autoptr(GError) error = NULL;

      error = _yeastar_error_from_errcode (errcode,
                                           (_yeastar_json_get_string (root, "errmsg") ?: ""),
                                           root, "subscribe", FALSE,
                                           self->client ? _yeastar_client_get_secrets (self->client) : NULL);
      if (errcode == 10004 && self->client != NULL)
        _yeastar_client_invalidate_token (self->client, self->token);
      fail_all (self, error, !self->established);
      if (self->old_conn != NULL)
        {
          /* A planned reconnect failed: the old socket serves on. */
          close_connection (self, &self->conn);
          g_clear_pointer (&self->token, g_free);
          schedule_reconnect (self);
        }
      else
        drop_connection (self);
      return;
    }

  self->acked = TRUE;
  set_subscribed (self, TRUE);
  self->established = TRUE;
  self->reconnect_delay = 1;

  if (self->old_conn != NULL)
    {
      g_debug ("new connection subscribed, closing the old one");
      close_connection (self, &self->old_conn);
    }

  while ((task = g_queue_pop_head (&self->open_tasks)) != NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/* One text frame from @conn. */
static void
handle_text (YeastarEventStream      *self,
             SoupWebsocketConnection *conn,
             GBytes                  *message)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (message, &len);
  JsonNode *root;
  JsonObject *object;
  JsonNode *msg_node;
  g_autoptr(JsonNode) parsed_msg = NULL;
  gint64 event_type;

  if (data == NULL)
    return;

  if (len >= 9 && g_ascii_strncasecmp (data, "heartbeat", 9) == 0)
    return;   /* "heartbeat response" */

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("ignoring a frame that is not a JSON object");
      return;
    }

  object = json_node_get_object (root);
  if (json_object_has_member (object, "errcode") && !json_object_has_member (object, "type"))
    {
      handle_ack (self, conn, object);
      return;
    }

  event_type = _yeastar_json_get_int (object, "type", 0);
  msg_node = json_object_get_member (object, "msg");
  if (msg_node != NULL && JSON_NODE_HOLDS_VALUE (msg_node) &&
      json_node_get_value_type (msg_node) == G_TYPE_STRING)
    {
      parsed_msg = json_from_string (json_node_get_string (msg_node), NULL);
      msg_node = parsed_msg;
    }

  if (msg_node == NULL || !JSON_NODE_HOLDS_OBJECT (msg_node))
    {
      g_debug ("event %" G_GINT64_FORMAT " without a usable msg", event_type);
      return;
    }

  if (event_type == YEASTAR_EVENT_REPORT_DOWNLOAD &&
      is_duplicate_event (self, conn, json_node_get_object (msg_node)))
    {
      g_debug ("event 30027 received on both connections, the copy ignored");
      return;
    }

  g_signal_emit (self, signals [EVENT], 0, (int) event_type, json_node_get_object (msg_node));

  if (event_type == YEASTAR_EVENT_REPORT_DOWNLOAD)
    handle_report_event (self, json_node_get_object (msg_node));
}

static void
on_message (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            YeastarEventStream      *self)
{
  if (type == SOUP_WEBSOCKET_DATA_TEXT)
    handle_text (self, conn, message);
}

/* A text frame, as if the current connection had sent it. */
void
_yeastar_event_stream_handle_text (YeastarEventStream *self,
                                   GBytes             *message)
{
  handle_text (self, self->conn, message);
}

/* Connection ------------------------------------------------------------ */

static gboolean
on_reconnect (gpointer user_data)
{
  YeastarEventStream *self = user_data;

  self->reconnect_id = 0;
  if (self->wanted && self->conn == NULL && !self->connecting)
    stream_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (YeastarEventStream *self)
{
  if (!self->wanted || !self->established || self->reconnect_id != 0)
    return;

  g_debug ("reconnecting in %u s", self->reconnect_delay);
  self->reconnect_id = g_timeout_add_seconds (self->reconnect_delay, on_reconnect, self);
  self->reconnect_delay = MIN (self->reconnect_delay * 2, MAX_RECONNECT_DELAY);
}

static void
close_connection (YeastarEventStream       *self,
                  SoupWebsocketConnection **conn)
{
  g_assert (YEASTAR_IS_EVENT_STREAM (self));
  g_assert (conn != NULL);

  if (*conn == NULL)
    return;

  if (*conn == self->conn)
    self->acked = FALSE;

  g_signal_handlers_disconnect_by_data (*conn, self);
  if (soup_websocket_connection_get_state (*conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (*conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (conn);
}

static void
drop_connection (YeastarEventStream *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->renew_id, g_source_remove);

  close_connection (self, &self->conn);
  close_connection (self, &self->old_conn);

  g_clear_pointer (&self->token, g_free);
  set_subscribed (self, FALSE);
}

static void
on_closed (SoupWebsocketConnection *conn,
           YeastarEventStream      *self)
{
  if (self->old_conn != NULL && conn == self->old_conn)
    {
      /* Replaced before the new socket was subscribed: that one takes
       * over once it is. */
      g_debug ("old connection closed by the PBX during a reconnect");
      close_connection (self, &self->old_conn);
      set_subscribed (self, self->acked);
      if (self->conn == NULL && !self->connecting)
        schedule_reconnect (self);
      return;
    }

  if (self->old_conn != NULL)
    {
      /* The new socket of a planned reconnect went: the old one serves on. */
      g_debug ("new connection closed by the PBX during a reconnect");
      close_connection (self, &self->conn);
      g_clear_pointer (&self->token, g_free);
      schedule_reconnect (self);
      return;
    }

  g_debug ("connection closed by the PBX");
  drop_connection (self);

  if (!g_queue_is_empty (&self->open_tasks) && !self->established)
    {
      g_autoptr(GError) error = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                                             _("The PBX at %s closed the event connection."),
                                             self->client ? _yeastar_client_get_host (self->client) : "?");
      fail_all (self, error, FALSE);
    }

  schedule_reconnect (self);
}

static void
send_heartbeat (SoupWebsocketConnection *conn)
{
  if (conn != NULL && soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (conn, "heartbeat");
}

static gboolean
on_heartbeat (gpointer user_data)
{
  YeastarEventStream *self = user_data;

  send_heartbeat (self->conn);
  send_heartbeat (self->old_conn);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_renew (gpointer user_data)
{
  YeastarEventStream *self = user_data;

  /* The token is about to be renewed: move to a fresh one now. A
   * subscribed socket stays until the new one is subscribed too, so that
   * no event is sent while neither is. */
  self->renew_id = 0;
  if (self->wanted && self->conn != NULL && self->acked && !self->connecting)
    {
      g_debug ("access token about to expire, opening a new connection");
      close_connection (self, &self->old_conn);
      self->old_conn = g_steal_pointer (&self->conn);
      self->acked = FALSE;
      g_array_set_size (self->overlap_ids, 0);
      g_clear_pointer (&self->token, g_free);
      stream_connect (self);
      return G_SOURCE_REMOVE;
    }

  g_debug ("access token about to expire, reconnecting");
  drop_connection (self);
  if (self->wanted)
    stream_connect (self);
  return G_SOURCE_REMOVE;
}

static void
on_connected (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(YeastarEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = g_steal_pointer (&self->connect_msg);
  g_autoptr(SoupWebsocketConnection) conn = NULL;

  self->connecting = FALSE;
  conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);

  if (conn == NULL)
    {
      g_autoptr(GError) mapped = NULL;

      if (self->client == NULL)
        mapped = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      else if (error->domain == SOUP_WEBSOCKET_ERROR)
        {
          guint status = soup_message_get_status (msg);

          /* [INFERRED] A PBX refuses a dead token's handshake with a JSON
           * reply (200, errcode 10004): that token is gone. Any other
           * refusal, such as a proxy's 502, says nothing about the token,
           * which stays live on the PBX and is revoked like any other. */
          if (status == SOUP_STATUS_OK || status == SOUP_STATUS_UNAUTHORIZED)
            _yeastar_client_invalidate_token (self->client, self->token);
          mapped = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                                _("The PBX at %s refused the event connection (HTTP status %u)."),
                                _yeastar_client_get_host (self->client), soup_message_get_status (msg));
        }
      else
        mapped = _yeastar_client_transport_error (self->client, msg, error);

      g_clear_pointer (&self->token, g_free);
      fail_all (self, mapped, !self->established);
      if (!g_error_matches (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule_reconnect (self);
      return;
    }

  if (!self->wanted)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      return;
    }

  self->conn = g_steal_pointer (&conn);
  self->acked = FALSE;
  g_signal_connect (self->conn, "message", G_CALLBACK (on_message), self);
  g_signal_connect (self->conn, "closed", G_CALLBACK (on_closed), self);

  soup_websocket_connection_send_text (self->conn, "{\"topic_list\":[30027]}");
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  self->heartbeat_id = g_timeout_add (self->heartbeat_interval, on_heartbeat, self);
}

static void
on_token (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YeastarEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 renew_at = 0;

  token = _yeastar_client_get_access_token_finish (YEASTAR_CLIENT (object), result, &renew_at, &error);
  if (token == NULL)
    {
      self->connecting = FALSE;
      fail_all (self, error, !self->established);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule_reconnect (self);
      return;
    }

  if (!self->wanted || self->client == NULL)
    {
      self->connecting = FALSE;
      return;
    }

  self->token = g_steal_pointer (&token);
  self->connect_msg = _yeastar_client_new_message (self->client, "GET", "/openapi/v1.0/subscribe",
                                                   NULL, self->token);

  /* Reconnect when the client would renew this token. */
  if (renew_at > 0)
    {
      gint64 delay_ms = MAX ((renew_at - g_get_monotonic_time ()) / 1000, 1000);

      g_clear_handle_id (&self->renew_id, g_source_remove);
      self->renew_id = g_timeout_add (MIN (delay_ms, G_MAXUINT), on_renew, self);
    }

  soup_session_websocket_connect_async (_yeastar_client_get_session (self->client),
                                        self->connect_msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, on_connected, g_object_ref (self));
}

static void
stream_connect (YeastarEventStream *self)
{
  if (self->client == NULL || self->connecting)
    return;

  self->connecting = TRUE;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  _yeastar_client_get_access_token_async (self->client, self->cancellable, on_token, g_object_ref (self));
}

/* GObject --------------------------------------------------------------- */

static void
yeastar_event_stream_dispose (GObject *object)
{
  YeastarEventStream *self = (YeastarEventStream *) object;

  yeastar_event_stream_close (self);
  g_clear_weak_pointer (&self->client);

  G_OBJECT_CLASS (yeastar_event_stream_parent_class)->dispose (object);
}

static void
yeastar_event_stream_finalize (GObject *object)
{
  YeastarEventStream *self = (YeastarEventStream *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->connect_msg);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->overlap_ids, g_array_unref);

  G_OBJECT_CLASS (yeastar_event_stream_parent_class)->finalize (object);
}

static void
yeastar_event_stream_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  YeastarEventStream *self = YEASTAR_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_HEARTBEAT_INTERVAL:
      g_value_set_uint (value, self->heartbeat_interval);
      break;

    case PROP_CONNECTED:
      g_value_set_boolean (value, self->subscribed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_event_stream_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  YeastarEventStream *self = YEASTAR_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_set_weak_pointer (&self->client, g_value_get_object (value));
      break;

    case PROP_HEARTBEAT_INTERVAL:
      yeastar_event_stream_set_heartbeat_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_event_stream_class_init (YeastarEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_event_stream_dispose;
  object_class->finalize = yeastar_event_stream_finalize;
  object_class->get_property = yeastar_event_stream_get_property;
  object_class->set_property = yeastar_event_stream_set_property;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, YEASTAR_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Milliseconds between `heartbeat` frames; the PBX drops idle sockets
   * after 60 s. Tests shorten it. */
  properties [PROP_HEARTBEAT_INTERVAL] =
    g_param_spec_uint ("heartbeat-interval", NULL, NULL, 10, 59000, DEFAULT_HEARTBEAT_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YeastarEventStream::event:
   * @type: the event ID, e.g. 30027
   * @msg: the event's `msg`, parsed when the PBX sent it as a string
   */
  signals [EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
yeastar_event_stream_init (YeastarEventStream *self)
{
  self->heartbeat_interval = DEFAULT_HEARTBEAT_MS;
  self->reconnect_delay = 1;
  self->overlap_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->open_tasks);
  g_queue_init (&self->waiters);
}

YeastarEventStream *
yeastar_event_stream_new (YeastarClient *client)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);

  return g_object_new (YEASTAR_TYPE_EVENT_STREAM, "client", client, NULL);
}

/**
 * yeastar_event_stream_get_client:
 *
 * Returns: (transfer none) (nullable): the client, NULL once it is gone
 */
YeastarClient *
yeastar_event_stream_get_client (YeastarEventStream *self)
{
  g_return_val_if_fail (YEASTAR_IS_EVENT_STREAM (self), NULL);
  return self->client;
}

guint
yeastar_event_stream_get_heartbeat_interval (YeastarEventStream *self)
{
  g_return_val_if_fail (YEASTAR_IS_EVENT_STREAM (self), 0);
  return self->heartbeat_interval;
}

void
yeastar_event_stream_set_heartbeat_interval (YeastarEventStream *self,
                                             guint               milliseconds)
{
  g_return_if_fail (YEASTAR_IS_EVENT_STREAM (self));
  g_return_if_fail (milliseconds >= 10);

  if (self->heartbeat_interval == milliseconds)
    return;

  self->heartbeat_interval = milliseconds;
  if (self->heartbeat_id != 0)
    {
      g_source_remove (self->heartbeat_id);
      self->heartbeat_id = g_timeout_add (self->heartbeat_interval, on_heartbeat, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEARTBEAT_INTERVAL]);
}

gboolean
yeastar_event_stream_get_connected (YeastarEventStream *self)
{
  g_return_val_if_fail (YEASTAR_IS_EVENT_STREAM (self), FALSE);
  return self->subscribed;
}

void
yeastar_event_stream_open_async (YeastarEventStream  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_EVENT_STREAM (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_event_stream_open_async);
  /* [GAP] The caller's cancellable is not watched while connecting: the
   * connection may serve other callers; close() ends every open. */

  if (self->client == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The connection is closed."));
      return;
    }

  if (self->subscribed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->wanted = TRUE;
  g_queue_push_tail (&self->open_tasks, g_steal_pointer (&task));

  if (self->conn == NULL && !self->connecting)
    {
      g_clear_handle_id (&self->reconnect_id, g_source_remove);
      stream_connect (self);
    }
}

gboolean
yeastar_event_stream_open_finish (YeastarEventStream  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (YEASTAR_IS_EVENT_STREAM (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
yeastar_event_stream_wait_report_async (YeastarEventStream  *self,
                                        guint                timeout_seconds,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Waiter *waiter;

  g_return_if_fail (YEASTAR_IS_EVENT_STREAM (self));
  g_return_if_fail (timeout_seconds > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  waiter = g_new0 (Waiter, 1);
  waiter->self = self;
  waiter->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter->task, yeastar_event_stream_wait_report_async);
  waiter->timeout_id = g_timeout_add_seconds (timeout_seconds, on_waiter_timeout, waiter);
  g_queue_push_tail (&self->waiters, waiter);

  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled),
                                                 self, NULL);
    }
}

YeastarReportLink *
yeastar_event_stream_wait_report_finish (YeastarEventStream  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (YEASTAR_IS_EVENT_STREAM (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * yeastar_event_stream_close:
 *
 * Closes the socket, stops reconnecting, and ends pending opens and waits
 * with %G_IO_ERROR_CANCELLED. The stream can be opened again.
 */
void
yeastar_event_stream_close (YeastarEventStream *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (YEASTAR_IS_EVENT_STREAM (self));

  self->wanted = FALSE;
  self->established = FALSE;
  self->connecting = FALSE;
  g_clear_handle_id (&self->reconnect_id, g_source_remove);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  drop_connection (self);

  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  fail_all (self, error, TRUE);
}

/* The client lets its stream go (logout, dispose): the stream closes
 * itself, then drops the client's reference. */
void
_yeastar_event_stream_release (gpointer stream)
{
  YeastarEventStream *self = stream;

  yeastar_event_stream_close (self);
  g_object_unref (self);
}
