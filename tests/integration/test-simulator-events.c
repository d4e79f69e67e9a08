/* test-simulator-events.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "simulator-test-util.h"
#include "yeastar-report-file.h"
#include "yeastar-report-type.h"
#include "yeastar-simulator.h"

/* The WebSocket and event 30027. */

/* WebSocket */

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  gboolean                 done;
  GPtrArray               *messages;
  gboolean                 closed;
} Socket;

static void
socket_message_cb (SoupWebsocketConnection *connection,
                   int                      type,
                   GBytes                  *message,
                   Socket                  *socket)
{
  g_ptr_array_add (socket->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
socket_closed_cb (SoupWebsocketConnection *connection,
                  Socket                  *socket)
{
  socket->closed = TRUE;
}

static void
socket_connected_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Socket *socket = user_data;

  socket->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &socket->error);
  socket->done = TRUE;
}

static void
socket_open (Fixture    *fx,
             Socket     *socket,
             const char *token)
{
  g_autofree char *uri = g_strdup_printf ("%s/openapi/v1.0/subscribe?access_token=%s", fx->base, token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  memset (socket, 0, sizeof *socket);
  socket->messages = g_ptr_array_new_with_free_func (g_free);
  soup_session_websocket_connect_async (fx->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        socket_connected_cb, socket);
  while (!socket->done)
    g_main_context_iteration (NULL, TRUE);

  if (socket->connection != NULL)
    {
      g_signal_connect (socket->connection, "message", G_CALLBACK (socket_message_cb), socket);
      g_signal_connect (socket->connection, "closed", G_CALLBACK (socket_closed_cb), socket);
    }
}

static void
socket_wait (Socket *socket,
             guint   n_messages)
{
  while (socket->messages->len < n_messages && !socket->closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (socket->messages->len, >=, n_messages);
}

static void
socket_close (Socket *socket)
{
  if (socket->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (socket->connection, socket);
      if (soup_websocket_connection_get_state (socket->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (socket->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&socket->connection);
    }
  g_clear_error (&socket->error);
  g_clear_pointer (&socket->messages, g_ptr_array_unref);
}

static JsonObject *
event_msg (const char *text,
           JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *event;
  JsonNode *msg;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  *root = json_node_copy (json_parser_get_root (parser));
  event = json_node_get_object (*root);
  g_assert_cmpint (json_object_get_int_member (event, "type"), ==, 30027);
  g_assert_cmpstr (json_object_get_string_member (event, "sn"), !=, NULL);
  msg = json_object_get_member (event, "msg");

  if (JSON_NODE_HOLDS_VALUE (msg))
    {
      g_autoptr(JsonParser) inner = json_parser_new ();

      g_assert_true (json_parser_load_from_data (inner, json_node_get_string (msg), -1, NULL));
      json_object_set_member (event, "msg", json_node_copy (json_parser_get_root (inner)));
    }

  return json_object_get_object_member (event, "msg");
}

static void
test_websocket (Fixture       *fx,
                gconstpointer  data)
{
  Socket socket;
  Socket rejected;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) reply2 = NULL;
  g_autoptr(JsonNode) reply3 = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autoptr(JsonNode) root3 = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonObject *event;

  fx->token = login (fx);
  g_object_set (fx->sim, "async-delay-ms", 50, NULL);

  socket_open (fx, &rejected, "not-a-token");
  g_assert_null (rejected.connection);
  g_assert_nonnull (rejected.error);
  socket_close (&rejected);

  socket_open (fx, &socket, fx->token);
  g_assert_no_error (socket.error);
  soup_websocket_connection_send_text (socket.connection, "{\"topic_list\":[30027]}");
  socket_wait (&socket, 1);
  g_assert_cmpstr (g_ptr_array_index (socket.messages, 0), ==, "{\"errcode\":0,\"errmsg\":\"SUCCESS\"}");
  soup_websocket_connection_send_text (socket.connection, "heartbeat");
  socket_wait (&socket, 2);
  g_assert_cmpstr (g_ptr_array_index (socket.messages, 1), ==, "heartbeat response");
  g_assert_cmpuint (yeastar_simulator_get_heartbeat_count (fx->sim), ==, 1);

  reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  g_assert_cmpint (errcode_of (reply), ==, 2);
  g_assert_cmpstr (string_of (reply, "errmsg"), ==, "PROCESSING");
  socket_wait (&socket, 3);
  event = event_msg (g_ptr_array_index (socket.messages, 2), &root);
  g_assert_cmpstr (json_object_get_string_member (event, "key"), ==, "report_download");
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "success");
  g_assert_cmpstr (json_object_get_string_member (event, "error"), ==, "");
  g_assert_cmpint (json_object_get_int_member (event, "download_id"), ==, 1);
  body = download (fx, json_object_get_string_member (event, "download_resource_url"), &msg);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (body, NULL), "IVR Report\nPeriod:,"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), "\n\nIVR Number,"));

  g_object_set (fx->sim, "event-msg-as-string", TRUE, NULL);
  reply2 = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  socket_wait (&socket, 4);
  g_assert_true (strstr (g_ptr_array_index (socket.messages, 3), "\"msg\":\"{") != NULL);
  event = event_msg (g_ptr_array_index (socket.messages, 3), &root2);
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "success");

  yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);
  reply3 = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  g_assert_cmpint (errcode_of (reply3), ==, 2);
  socket_wait (&socket, 5);
  event = event_msg (g_ptr_array_index (socket.messages, 4), &root3);
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "failure");
  g_assert_cmpstr (json_object_get_string_member (event, "error"), !=, "");

  socket_close (&socket);
}

static void
test_websocket_idle (Fixture       *fx,
                     gconstpointer  data)
{
  Socket socket;

  fx->token = login (fx);
  g_object_set (fx->sim, "websocket-idle-ms", 200, NULL);
  socket_open (fx, &socket, fx->token);
  g_assert_no_error (socket.error);
  while (!socket.closed)
    g_main_context_iteration (NULL, TRUE);
  socket_close (&socket);
}

void
test_simulator_add_events (void)
{
  SIMULATOR_TEST_ADD ("websocket/events", test_websocket);
  SIMULATOR_TEST_ADD ("websocket/idle", test_websocket_idle);
}
