/* simulator-test-util.c
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
#include "yeastar-simulator.h"

/* The simulator driven with raw libsoup, on one thread: every request
 * spins the main context until it is done. */

typedef struct
{
  GBytes  *body;
  GError  *error;
  gboolean done;
} Reply;

void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->sim = yeastar_simulator_new ();
  g_assert_true (yeastar_simulator_start (fx->sim, NULL, &error));
  g_assert_no_error (error);
  fx->base = yeastar_simulator_dup_base_uri (fx->sim);
  g_assert_true (g_str_has_prefix (fx->base, "http://127.0.0.1:"));
  fx->session = soup_session_new_with_options ("user-agent", "OpenAPI", "timeout", 60, NULL);
}

void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->session);
  yeastar_simulator_stop (fx->sim);
  /* Let closed connections finish before checking the object goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fx->sim);
  g_free (fx->base);
  g_free (fx->token);
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reply *reply = user_data;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &reply->error);
  reply->done = TRUE;
}

GBytes *
send_message (SoupSession  *session,
              SoupMessage  *msg,
              GError      **error)
{
  Reply reply = { NULL, NULL, FALSE };

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, &reply);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  if (reply.error != NULL)
    g_propagate_error (error, reply.error);
  return reply.body;
}

SoupMessage *
new_message (Fixture    *fx,
             const char *method,
             const char *path,
             const char *json_body)
{
  g_autofree char *uri = g_strconcat (fx->base, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return msg;
}

/* A JSON reply as a JsonNode (object expected). */
JsonNode *
request_json (Fixture    *fx,
              const char *method,
              const char *path,
              const char *json_body)
{
  g_autoptr(SoupMessage) msg = new_message (fx, method, path, json_body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = send_message (fx->session, msg, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                                   "application/json"));
  data = g_bytes_get_data (body, &len);
  g_assert_true (json_parser_load_from_data (parser, data, len, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

gint64
errcode_of (JsonNode *node)
{
  return json_object_get_int_member (json_node_get_object (node), "errcode");
}

const char *
string_of (JsonNode   *node,
           const char *member)
{
  return json_object_get_string_member (json_node_get_object (node), member);
}

char *
login (Fixture *fx)
{
  g_autoptr(JsonNode) reply = request_json (fx, "POST", "/openapi/v1.0/get_token",
                                            "{\"username\":\"demo\",\"password\":\"demo-secret\"}");

  g_assert_cmpint (errcode_of (reply), ==, 0);
  return g_strdup (string_of (reply, "access_token"));
}

/* GET path?query&access_token=<fx->token>; query is already encoded. */
JsonNode *
api_get (Fixture    *fx,
         const char *path,
         const char *query)
{
  g_autofree char *full = NULL;

  if (fx->token == NULL)
    fx->token = login (fx);
  full = g_strdup_printf ("%s?%s%saccess_token=%s", path, query ? query : "", query ? "&" : "", fx->token);
  return request_json (fx, "GET", full, NULL);
}


GBytes *
download (Fixture      *fx,
          const char   *link,
          SoupMessage **out_msg)
{
  g_autofree char *path = g_strdup_printf ("%s?access_token=%s", link, fx->token);
  SoupMessage *msg = new_message (fx, "GET", path, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *body = send_message (fx->session, msg, &error);

  g_assert_no_error (error);
  *out_msg = msg;
  return body;
}


typedef struct
{
  GInputStream *stream;
  GError       *error;
  gboolean      done;
} Opened;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opened *opened = user_data;

  opened->stream = soup_session_send_finish (SOUP_SESSION (object), result, &opened->error);
  opened->done = TRUE;
}

typedef struct
{
  gssize   n;
  GError  *error;
  gboolean done;
} ReadResult;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReadResult *read = user_data;

  read->n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &read->error);
  read->done = TRUE;
}

/* Streams a link, counting bytes without keeping them. */
guint64
stream_length (Fixture     *fx,
               const char  *link,
               char       **head,
               GError     **error)
{
  g_autofree char *uri = g_strdup_printf ("%s%s?access_token=%s", fx->base, link, fx->token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autofree guint8 *buffer = g_malloc (1024 * 1024);
  Opened opened = { NULL, NULL, FALSE };
  guint64 total = 0;

  soup_session_send_async (fx->session, msg, G_PRIORITY_DEFAULT, NULL, opened_cb, &opened);
  while (!opened.done)
    g_main_context_iteration (NULL, TRUE);
  if (opened.error != NULL)
    {
      g_propagate_error (error, opened.error);
      return 0;
    }

  for (;;)
    {
      ReadResult read = { 0, NULL, FALSE };

      g_input_stream_read_async (opened.stream, buffer, 1024 * 1024, G_PRIORITY_DEFAULT, NULL, read_cb, &read);
      while (!read.done)
        g_main_context_iteration (NULL, TRUE);
      if (read.error != NULL)
        {
          g_propagate_error (error, read.error);
          break;
        }
      if (read.n == 0)
        break;
      if (total == 0 && head != NULL)
        *head = g_strndup ((char *) buffer, MIN (read.n, 512));
      total += read.n;
    }

  g_object_unref (opened.stream);
  return total;
}
