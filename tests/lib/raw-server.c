/* raw-server.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "raw-server.h"

#define MAX_HEAD_BYTES (64 * 1024)
#define MAX_CONNECTIONS 256
#define IO_TIMEOUT_S 10
#define POLL_MS 50

struct _RawServer
{
  GSocket *listener;
  char *base_uri;
  char *upstream_host;
  guint16 upstream_port;
  RawServerHandler handler;
  gpointer user_data;

  GThread *accept_thread;
  gint stopping;        /* atomic */
  gint64 deadline;      /* monotonic; the server stops by itself then */

  GMutex lock;
  GCond cond;
  GPtrArray *threads;   /* connection threads, joined by free */
  GPtrArray *requests;  /* "METHOD TARGET" */
};

struct _RawConnection
{
  RawServer *server;
  GSocket *socket;
};

static gboolean
stopping (RawServer *self)
{
  return g_atomic_int_get (&self->stopping) || g_get_monotonic_time () > self->deadline;
}

gboolean
raw_connection_write (RawConnection *connection,
                      const char    *data,
                      gssize         length)
{
  gsize done = 0;

  if (length < 0)
    length = strlen (data);

  while (done < (gsize) length)
    {
      gssize n;

      if (stopping (connection->server))
        return FALSE;
      n = g_socket_send (connection->socket, data + done, length - done, NULL, NULL);
      if (n <= 0)
        return FALSE;
      done += n;
    }

  return TRUE;
}

gboolean
raw_connection_printf (RawConnection *connection,
                       const char    *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return raw_connection_write (connection, text, -1);
}

gboolean
raw_connection_sleep (RawConnection *connection,
                      guint          ms)
{
  RawServer *self = connection->server;
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  g_mutex_lock (&self->lock);
  while (!stopping (self) && g_get_monotonic_time () < end)
    g_cond_wait_until (&self->cond, &self->lock, MIN (end, g_get_monotonic_time () + POLL_MS * 1000));
  g_mutex_unlock (&self->lock);

  return !stopping (self);
}

gboolean
raw_connection_drip (RawConnection *connection,
                     const char    *data,
                     gssize         length,
                     gsize          step,
                     guint          interval_ms)
{
  if (length < 0)
    length = strlen (data);

  for (gsize done = 0; done < (gsize) length; done += step)
    {
      if (done > 0 && !raw_connection_sleep (connection, interval_ms))
        return FALSE;
      if (!raw_connection_write (connection, data + done, MIN (step, (gsize) length - done)))
        return FALSE;
    }

  return TRUE;
}

/* Reads up to the end of the head, plus the body of a Content-Length.
 * Returns the raw request, NUL-terminated, or NULL. */
static GByteArray *
read_request (RawConnection *connection,
              gsize         *head_length)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  char chunk[4096];
  const char *end = NULL;
  gsize body = 0;

  while (end == NULL)
    {
      gssize n;

      if (buffer->len > MAX_HEAD_BYTES || stopping (connection->server))
        return NULL;
      n = g_socket_receive (connection->socket, chunk, sizeof chunk, NULL, NULL);
      if (n <= 0)
        return NULL;
      g_byte_array_append (buffer, (guint8 *) chunk, n);
      g_byte_array_append (buffer, (guint8 *) "", 1);
      end = g_strstr_len ((char *) buffer->data, buffer->len - 1, "\r\n\r\n");
      g_byte_array_set_size (buffer, buffer->len - 1);
    }

  *head_length = end + 4 - (char *) buffer->data;

  {
    g_autofree char *head = g_ascii_strdown ((char *) buffer->data, *head_length);
    const char *length = strstr (head, "\r\ncontent-length:");

    if (length != NULL)
      body = g_ascii_strtoull (length + strlen ("\r\ncontent-length:"), NULL, 10);
  }

  while (buffer->len < *head_length + body)
    {
      gssize n;

      if (buffer->len > MAX_HEAD_BYTES + 16 * 1024 * 1024 || stopping (connection->server))
        return NULL;
      n = g_socket_receive (connection->socket, chunk, sizeof chunk, NULL, NULL);
      if (n <= 0)
        return NULL;
      g_byte_array_append (buffer, (guint8 *) chunk, n);
    }

  g_byte_array_append (buffer, (guint8 *) "", 1);
  g_byte_array_set_size (buffer, buffer->len - 1);
  return g_steal_pointer (&buffer);
}

static gboolean
send_all (GSocket    *socket,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      gssize n = g_socket_send (socket, data, length, NULL, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Sends the request to the upstream with "Connection: close" and relays
 * the answer until the upstream closes. */
static void
forward (RawConnection *connection,
         GByteArray    *request,
         gsize          head_length)
{
  RawServer *self = connection->server;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autoptr(GString) head = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *head_text = g_strndup ((char *) request->data, head_length - 4);
  GSocket *socket;
  char chunk[16384];

  g_socket_client_set_timeout (client, IO_TIMEOUT_S);
  g_socket_client_set_enable_proxy (client, FALSE);
  upstream = g_socket_client_connect_to_host (client, self->upstream_host, self->upstream_port, NULL, NULL);
  if (upstream == NULL)
    return;
  socket = g_socket_connection_get_socket (upstream);

  lines = g_strsplit (head_text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0 && (g_ascii_strncasecmp (lines[i], "Connection:", 11) == 0 ||
                    g_ascii_strncasecmp (lines[i], "Keep-Alive:", 11) == 0))
        continue;
      g_string_append_printf (head, "%s\r\n", lines[i]);
    }
  g_string_append (head, "Connection: close\r\n\r\n");

  if (!send_all (socket, head->str, head->len) ||
      !send_all (socket, (char *) request->data + head_length, request->len - head_length))
    return;

  for (;;)
    {
      gssize n = g_socket_receive (socket, chunk, sizeof chunk, NULL, NULL);

      if (n <= 0 || !raw_connection_write (connection, chunk, n))
        return;
    }
}

static gpointer
serve (gpointer data)
{
  RawConnection *connection = data;
  RawServer *self = connection->server;
  g_autoptr(GByteArray) raw = NULL;
  g_autofree char *head = NULL;
  g_auto(GStrv) request_line = NULL;
  gsize head_length = 0;
  const char *headers;
  char *line_end;

  raw = read_request (connection, &head_length);
  if (raw != NULL)
    {
      head = g_strndup ((char *) raw->data, head_length);
      line_end = strstr (head, "\r\n");
      *line_end = '\0';
      headers = line_end + 2;
      request_line = g_strsplit (head, " ", 3);
    }

  if (request_line != NULL && g_strv_length (request_line) == 3)
    {
      g_autofree char *path = g_strndup (request_line[1], strcspn (request_line[1], "?"));
      RawRequest request = { request_line[0], request_line[1], path, headers };

      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", request_line[0], request_line[1]));
      g_mutex_unlock (&self->lock);

      if (self->handler == NULL || !self->handler (self, connection, &request, self->user_data))
        {
          if (self->upstream_host != NULL)
            forward (connection, raw, head_length);
          else
            raw_connection_write (connection,
                                  "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n", -1);
        }
    }

  g_socket_shutdown (connection->socket, FALSE, TRUE, NULL);
  g_socket_close (connection->socket, NULL);
  g_object_unref (connection->socket);
  g_free (connection);
  return NULL;
}

static gpointer
accept_loop (gpointer data)
{
  RawServer *self = data;

  while (!stopping (self))
    {
      RawConnection *connection;
      GSocket *socket;

      if (!g_socket_condition_timed_wait (self->listener, G_IO_IN, POLL_MS * 1000, NULL, NULL))
        continue;
      socket = g_socket_accept (self->listener, NULL, NULL);
      if (socket == NULL)
        continue;

      g_socket_set_blocking (socket, TRUE);
      g_socket_set_timeout (socket, IO_TIMEOUT_S);

      g_mutex_lock (&self->lock);
      if (self->threads->len >= MAX_CONNECTIONS)
        {
          g_mutex_unlock (&self->lock);
          g_socket_close (socket, NULL);
          g_object_unref (socket);
          continue;
        }
      connection = g_new0 (RawConnection, 1);
      connection->server = self;
      connection->socket = socket;
      g_ptr_array_add (self->threads, g_thread_new ("raw-server-connection", serve, connection));
      g_mutex_unlock (&self->lock);
    }

  return NULL;
}

/**
 * raw_server_new:
 * @upstream_base_uri: (nullable): "http://127.0.0.1:PORT" to forward
 *   unhandled requests to
 * @handler: (nullable): answers requests, or returns FALSE to forward
 */
RawServer *
raw_server_new (const char       *upstream_base_uri,
                RawServerHandler  handler,
                gpointer          user_data)
{
  RawServer *self = g_new0 (RawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  self->handler = handler;
  self->user_data = user_data;
  self->deadline = g_get_monotonic_time () + RAW_SERVER_LIFETIME_S * G_USEC_PER_SEC;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->threads = g_ptr_array_new ();
  self->requests = g_ptr_array_new_with_free_func (g_free);

  if (upstream_base_uri != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (upstream_base_uri, G_URI_FLAGS_NONE, &error);

      g_assert_no_error (error);
      self->upstream_host = g_strdup (g_uri_get_host (uri));
      self->upstream_port = g_uri_get_port (uri);
    }

  self->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (self->listener, FALSE);
  g_assert_true (g_socket_bind (self->listener, address, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_socket_listen (self->listener, &error));
  g_assert_no_error (error);

  bound = g_socket_get_local_address (self->listener, &error);
  g_assert_no_error (error);
  self->base_uri = g_strdup_printf ("http://127.0.0.1:%u",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  self->accept_thread = g_thread_new ("raw-server", accept_loop, self);
  return self;
}

void
raw_server_free (RawServer *self)
{
  g_autoptr(GPtrArray) threads = NULL;

  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  g_atomic_int_set (&self->stopping, TRUE);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  g_thread_join (self->accept_thread);
  threads = g_steal_pointer (&self->threads);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  g_socket_close (self->listener, NULL);
  g_object_unref (self->listener);
  g_ptr_array_unref (self->requests);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->upstream_host);
  g_free (self->base_uri);
  g_free (self);
}

const char *
raw_server_get_base_uri (RawServer *self)
{
  return self->base_uri;
}

guint
raw_server_get_request_count (RawServer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->requests->len;
  g_mutex_unlock (&self->lock);

  return count;
}

GStrv
raw_server_dup_requests (RawServer *self)
{
  GStrv requests;

  g_mutex_lock (&self->lock);
  requests = g_new0 (char *, self->requests->len + 1);
  for (guint i = 0; i < self->requests->len; i++)
    requests[i] = g_strdup (g_ptr_array_index (self->requests, i));
  g_mutex_unlock (&self->lock);

  return requests;
}
