/* yeastar-simulator-events.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-simulator-private.h"

/* The WebSocket of /openapi/v1.0/subscribe: topic subscriptions,
 * heartbeats, the idle timeout, and event 30027 that announces an
 * asynchronous report; the tests can hold and release those events
 * (docs/pbx-api.md, Asynchronous reports). */

typedef struct
{
  YeastarSimulator        *self;
  SoupWebsocketConnection *connection;
  GSource                 *idle;
  gboolean                 report_events;
} Subscriber;

typedef struct
{
  YeastarSimulator *self;
  GSource          *source;
  char             *file;
  char             *link;
  gboolean          failed;
  gboolean          due;     /* its delay passed while events were held */
} PendingEvent;

static void subscriber_closed_cb (SoupWebsocketConnection *connection,
                                  Subscriber              *subscriber);
static void subscriber_message_cb (SoupWebsocketConnection *connection,
                                   int                      type,
                                   GBytes                  *message,
                                   Subscriber              *subscriber);

void
_yeastar_simulator_subscriber_free (gpointer data)
{
  Subscriber *subscriber = data;

  _yeastar_simulator_destroy_source (&subscriber->idle);
  g_signal_handlers_disconnect_by_func (subscriber->connection, subscriber_closed_cb, subscriber);
  g_signal_handlers_disconnect_by_func (subscriber->connection, subscriber_message_cb, subscriber);
  if (soup_websocket_connection_get_state (subscriber->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (subscriber->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (subscriber->connection);
  g_free (subscriber);
}

void
_yeastar_simulator_pending_event_free (gpointer data)
{
  PendingEvent *event = data;

  _yeastar_simulator_destroy_source (&event->source);
  g_free (event->file);
  g_free (event->link);
  g_free (event);
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

void
_yeastar_simulator_schedule_event (YeastarSimulator  *self,
                                   const OfferedFile *file,
                                   gboolean           failed)
{
  PendingEvent *event = g_new0 (PendingEvent, 1);

  event->self = self;
  event->file = g_strdup (file->name);
  event->link = g_strdup (file->link);
  event->failed = failed;
  event->source = _yeastar_simulator_add_timeout (self, self->async_delay_ms, pending_event_cb, event);
  g_ptr_array_add (self->events, event);
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
  _yeastar_simulator_destroy_source (&subscriber->idle);
  subscriber->idle = _yeastar_simulator_add_timeout (subscriber->self, subscriber->self->websocket_idle_ms,
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

void
_yeastar_simulator_websocket_callback (SoupServer              *server,
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

guint
yeastar_simulator_get_heartbeat_count (YeastarSimulator *self)
{
  g_return_val_if_fail (YEASTAR_IS_SIMULATOR (self), 0);

  return self->heartbeats;
}

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS

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

#endif
