/* yeastar-simulator-reply.c
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

/* The replies every endpoint shares: the JSON {"errcode","errmsg"}
 * envelope (HTTP 200, "Connection: close", as the PBX answers errors
 * too), the web UI's login page, and bodies that are generated while
 * written or break off mid-way. */

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

void
_yeastar_simulator_reply_login_page (SoupServerMessage *msg)
{
  _yeastar_simulator_set_body (msg, SOUP_STATUS_OK, "text/html; charset=utf-8", login_page, strlen (login_page));
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

const char *
_yeastar_simulator_errmsg_for (int errcode)
{
  for (guint i = 0; i < G_N_ELEMENTS (errmsgs); i++)
    if (errmsgs[i].errcode == errcode)
      return errmsgs[i].errmsg;

  return "FAILURE";
}

void
_yeastar_simulator_set_body (SoupServerMessage *msg,
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

void
_yeastar_simulator_reply_json (SoupServerMessage *msg,
                               const char        *json)
{
  _yeastar_simulator_set_body (msg, SOUP_STATUS_OK, "application/json; charset=utf-8", json, strlen (json));
}

void
_yeastar_simulator_reply_builder (SoupServerMessage *msg,
                                  JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *json = json_to_string (root, FALSE);

  _yeastar_simulator_reply_json (msg, json);
}

JsonBuilder *
_yeastar_simulator_begin_reply_text (int         errcode,
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

JsonBuilder *
_yeastar_simulator_begin_reply (int errcode)
{
  return _yeastar_simulator_begin_reply_text (errcode, _yeastar_simulator_errmsg_for (errcode));
}

void
_yeastar_simulator_reply_error (SoupServerMessage *msg,
                                int                errcode)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (errcode);

  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
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
void
_yeastar_simulator_reply_streamed (SoupServerMessage *msg,
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
void
_yeastar_simulator_reply_dropped (SoupServerMessage *msg,
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
