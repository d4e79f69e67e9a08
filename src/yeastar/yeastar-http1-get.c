/* yeastar-http1-get.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-http1-get.h"

/* The GET of a report file, over HTTP/1.1, read strictly.
 *
 * libsoup up to 3.6.4 takes a chunked body that ends between two chunks
 * (no last chunk) or at a chunk size that is not hexadecimal for a whole
 * body, and the report would be saved cut. Everything else (the API
 * calls, the event socket) stays with libsoup; only this one GET is made
 * here, on every libsoup version, so that what is tested is what ships.
 *
 * The SoupMessage of the request carries the exchange: its URI is what is
 * fetched, the answer's headers go into its response headers, and its
 * "accept-certificate" signal decides on the server's certificate, so the
 * client's pin (and its record of a refused certificate, for the error)
 * work as for a message libsoup sends. The answer is this stream, its
 * body decoded:
 *
 * - Content-Length: exactly that many bytes; an end before is an error
 *   (G_IO_ERROR_PARTIAL_INPUT);
 * - chunked (RFC 9112, 7.1): sizes, extensions, CRLFs, the last chunk,
 *   trailers and the final CRLF are checked; an end anywhere before the
 *   final CRLF is G_IO_ERROR_PARTIAL_INPUT, bad framing
 *   G_IO_ERROR_INVALID_DATA;
 * - neither: the body ends with the connection. There is no framing to
 *   check, so such a body is taken as it comes.
 *
 * The request asks for no content coding (Accept-Encoding: identity) and
 * closes the connection after the answer. Proxies are GSocketClient's
 * (the default GProxyResolver, HTTP proxies by CONNECT). The body is read
 * with GInputStream's default asynchronous read, a blocking read in a
 * worker thread; only one read is ever pending and the main thread does
 * not touch the connection meanwhile.
 */

#define MAX_HEADERS (64 * 1024)
#define RAW_SIZE 8192

/* ---------------------------------------------------------------------- */
/* The chunked decoder                                                    */

enum {
  CHUNK_SIZE,           /* hex digits */
  CHUNK_SIZE_SPACE,     /* white space after them */
  CHUNK_EXTENSION,      /* ";…" up to the CR */
  CHUNK_SIZE_LF,
  CHUNK_DATA,
  CHUNK_DATA_CR,
  CHUNK_DATA_LF,
  CHUNK_TRAILER_START,  /* a trailer line or the final CRLF */
  CHUNK_TRAILER,
  CHUNK_TRAILER_LF,
  CHUNK_FINAL_LF,
  CHUNK_DONE,
};

void
yeastar_chunk_decoder_init (YeastarChunkDecoder *self)
{
  memset (self, 0, sizeof *self);
  self->state = CHUNK_SIZE;
}

gboolean
yeastar_chunk_decoder_is_done (const YeastarChunkDecoder *self)
{
  return self->state == CHUNK_DONE;
}

static gboolean
bad_chunk (GError    **error,
           const char *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "chunked body: %s", why);
  return FALSE;
}

/* A character a chunk extension or a trailer line may hold. */
static inline gboolean
is_line_char (guint8 c)
{
  return c == '\t' || (c >= 0x20 && c != 0x7F);
}

/**
 * yeastar_chunk_decoder_decode:
 *
 * Decodes what it can of @input into @output: it stops when @input is
 * used up, @output is full or the body is complete. Any split of a body
 * into inputs gives the same output.
 *
 * Returns: %FALSE with %G_IO_ERROR_INVALID_DATA for bad framing
 */
/* One byte of the framing (everything but the chunks' data). */
static gboolean
decode_byte (YeastarChunkDecoder  *self,
             guint8                c,
             GError              **error)
{
  if (self->state == CHUNK_SIZE || self->state == CHUNK_SIZE_SPACE ||
      self->state == CHUNK_EXTENSION)
    {
      if (++self->line_length > YEASTAR_CHUNK_MAX_LINE)
        return bad_chunk (error, "chunk size line too long");
    }
  else if (self->state == CHUNK_TRAILER_START || self->state == CHUNK_TRAILER)
    {
      if (++self->trailer_length > YEASTAR_CHUNK_MAX_TRAILERS)
        return bad_chunk (error, "trailers too long");
    }

  switch (self->state)
    {
    case CHUNK_SIZE:
      if (g_ascii_isxdigit (c))
        {
          if (self->remaining > G_MAXUINT64 >> 4)
            return bad_chunk (error, "chunk size too large");
          self->remaining = (self->remaining << 4) | g_ascii_xdigit_value (c);
          self->digits = TRUE;
          break;
        }
      if (!self->digits)
        return bad_chunk (error, "chunk size is not hexadecimal");
      if (c == ' ' || c == '\t')
        self->state = CHUNK_SIZE_SPACE;
      else if (c == ';')
        self->state = CHUNK_EXTENSION;
      else if (c == '\r')
        self->state = CHUNK_SIZE_LF;
      else
        return bad_chunk (error, "chunk size is not hexadecimal");
      break;

    case CHUNK_SIZE_SPACE:
      /* Only "bad white space" before an extension. */
      if (c == ';')
        self->state = CHUNK_EXTENSION;
      else if (c != ' ' && c != '\t')
        return bad_chunk (error, "bad chunk extension");
      break;

    case CHUNK_EXTENSION:
      if (c == '\r')
        self->state = CHUNK_SIZE_LF;
      else if (!is_line_char (c))
        return bad_chunk (error, "bad chunk extension");
      break;

    case CHUNK_SIZE_LF:
      if (c != '\n')
        return bad_chunk (error, "chunk size line without CRLF");
      self->line_length = 0;
      self->digits = FALSE;
      self->state = self->remaining > 0 ? CHUNK_DATA : CHUNK_TRAILER_START;
      break;

    case CHUNK_DATA_CR:
      if (c != '\r')
        return bad_chunk (error, "chunk data longer than its size");
      self->state = CHUNK_DATA_LF;
      break;

    case CHUNK_DATA_LF:
      if (c != '\n')
        return bad_chunk (error, "chunk data without CRLF");
      self->state = CHUNK_SIZE;
      break;

    case CHUNK_TRAILER_START:
      if (c == '\r')
        self->state = CHUNK_FINAL_LF;
      else if (is_line_char (c) && c != ' ' && c != '\t' && c != ':')
        self->state = CHUNK_TRAILER;
      else
        return bad_chunk (error, "bad trailer");
      break;

    case CHUNK_TRAILER:
      if (c == '\r')
        self->state = CHUNK_TRAILER_LF;
      else if (!is_line_char (c))
        return bad_chunk (error, "bad trailer");
      break;

    case CHUNK_TRAILER_LF:
      if (c != '\n')
        return bad_chunk (error, "trailer without CRLF");
      self->state = CHUNK_TRAILER_START;
      break;

    case CHUNK_FINAL_LF:
      if (c != '\n')
        return bad_chunk (error, "body without its final CRLF");
      self->state = CHUNK_DONE;
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
yeastar_chunk_decoder_decode (YeastarChunkDecoder *self,
                              const guint8        *input,
                              gsize                input_length,
                              gsize               *input_used,
                              guint8              *output,
                              gsize                output_size,
                              gsize               *output_length,
                              GError             **error)
{
  gsize i = 0;
  gsize o = 0;

  *input_used = 0;
  *output_length = 0;

  while (i < input_length && self->state != CHUNK_DONE)
    {
      guint8 c;

      if (self->state == CHUNK_DATA)
        {
          gsize n = MIN (input_length - i, output_size - o);

          n = MIN ((guint64) n, self->remaining);
          if (n == 0)
            break;   /* output full */
          memcpy (output + o, input + i, n);
          i += n;
          o += n;
          self->remaining -= n;
          if (self->remaining == 0)
            self->state = CHUNK_DATA_CR;
          continue;
        }

      c = input[i];
      if (!decode_byte (self, c, error))
        return FALSE;
      i++;
    }

  *input_used = i;
  *output_length = o;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The exchange                                                           */

typedef enum {
  BODY_LENGTH,
  BODY_CHUNKED,
  BODY_TO_CLOSE,
} BodyKind;

struct _YeastarHttp1Get
{
  GInputStream parent_instance;

  SoupMessage *msg;
  YeastarTransferWatch *watch;
  char *user_agent;
  guint io_timeout;

  GIOStream *connection;
  GInputStream *base;
  guint status;

  BodyKind body;
  guint64 remaining;         /* BODY_LENGTH */
  YeastarChunkDecoder chunks;

  /* Read from base, not yet decoded: after the headers, and chunk framing. */
  GByteArray *raw;
  gsize raw_pos;
};

G_DEFINE_FINAL_TYPE (YeastarHttp1Get, yeastar_http1_get, G_TYPE_INPUT_STREAM)

static GError *
cut_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                              "connection closed before the end of the body");
}

static gssize
take_raw (YeastarHttp1Get *self,
          void            *buffer,
          gsize            count)
{
  gsize n = MIN (count, self->raw->len - self->raw_pos);

  memcpy (buffer, self->raw->data + self->raw_pos, n);
  self->raw_pos += n;
  return n;
}

static gboolean
fill_raw (YeastarHttp1Get *self,
          GCancellable    *cancellable,
          GError         **error)
{
  gssize n;

  g_byte_array_set_size (self->raw, RAW_SIZE);
  self->raw_pos = 0;
  n = g_input_stream_read (self->base, self->raw->data, RAW_SIZE, cancellable, error);
  if (n < 0)
    {
      g_byte_array_set_size (self->raw, 0);
      return FALSE;
    }
  g_byte_array_set_size (self->raw, n);
  if (n == 0)
    {
      g_propagate_error (error, cut_error ());
      return FALSE;
    }
  return TRUE;
}

static gssize
yeastar_http1_get_read (GInputStream *stream,
                        void         *buffer,
                        gsize         count,
                        GCancellable *cancellable,
                        GError      **error)
{
  YeastarHttp1Get *self = YEASTAR_HTTP1_GET (stream);
  gssize n;

  if (count == 0)
    return 0;

  switch (self->body)
    {
    case BODY_LENGTH:
      if (self->remaining == 0)
        return 0;
      count = MIN ((guint64) count, self->remaining);
      if (self->raw_pos < self->raw->len)
        n = take_raw (self, buffer, count);
      else
        n = g_input_stream_read (self->base, buffer, count, cancellable, error);
      if (n < 0)
        return -1;
      if (n == 0)
        {
          g_propagate_error (error, cut_error ());
          return -1;
        }
      self->remaining -= n;
      return n;

    case BODY_TO_CLOSE:
      if (self->raw_pos < self->raw->len)
        return take_raw (self, buffer, count);
      return g_input_stream_read (self->base, buffer, count, cancellable, error);

    case BODY_CHUNKED:
      while (!yeastar_chunk_decoder_is_done (&self->chunks))
        {
          gsize used, produced;

          if (self->raw_pos >= self->raw->len && !fill_raw (self, cancellable, error))
            return -1;
          if (!yeastar_chunk_decoder_decode (&self->chunks, self->raw->data + self->raw_pos,
                                             self->raw->len - self->raw_pos, &used,
                                             buffer, count, &produced, error))
            return -1;
          self->raw_pos += used;
          if (produced > 0)
            return produced;
        }
      return 0;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
yeastar_http1_get_close (GInputStream *stream,
                         GCancellable *cancellable,
                         GError      **error)
{
  YeastarHttp1Get *self = YEASTAR_HTTP1_GET (stream);

  return self->connection == NULL || g_io_stream_close (self->connection, cancellable, error);
}

static void
yeastar_http1_get_dispose (GObject *object)
{
  YeastarHttp1Get *self = (YeastarHttp1Get *) object;

  g_clear_object (&self->base);
  g_clear_object (&self->connection);
  g_clear_object (&self->watch);
  g_clear_object (&self->msg);

  G_OBJECT_CLASS (yeastar_http1_get_parent_class)->dispose (object);
}

static void
yeastar_http1_get_finalize (GObject *object)
{
  YeastarHttp1Get *self = (YeastarHttp1Get *) object;

  g_clear_pointer (&self->raw, g_byte_array_unref);
  g_free (self->user_agent);

  G_OBJECT_CLASS (yeastar_http1_get_parent_class)->finalize (object);
}

static void
yeastar_http1_get_class_init (YeastarHttp1GetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->dispose = yeastar_http1_get_dispose;
  object_class->finalize = yeastar_http1_get_finalize;
  stream_class->read_fn = yeastar_http1_get_read;
  stream_class->close_fn = yeastar_http1_get_close;
}

static void
yeastar_http1_get_init (YeastarHttp1Get *self)
{
  self->raw = g_byte_array_new ();
  yeastar_chunk_decoder_init (&self->chunks);
}

guint
yeastar_http1_get_get_status (YeastarHttp1Get *self)
{
  g_return_val_if_fail (YEASTAR_IS_HTTP1_GET (self), 0);
  return self->status;
}

/* ---------------------------------------------------------------------- */
/* Sending                                                                */

static GError *
bad_answer (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                              _("its answer is not valid HTTP"));
}

static void read_headers (GTask *task);

static gboolean
on_accept_certificate (GTlsConnection      *connection,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       YeastarHttp1Get     *self)
{
  gboolean accepted = FALSE;

  /* The message's handlers decide, as for a message libsoup sends. */
  g_signal_emit_by_name (self->msg, "accept-certificate", certificate, errors, &accepted);
  return accepted;
}

static void
on_client_event (GSocketClient      *client,
                 GSocketClientEvent  event,
                 GSocketConnectable *connectable,
                 GIOStream          *connection,
                 YeastarHttp1Get    *self)
{
  if (event != G_SOCKET_CLIENT_TLS_HANDSHAKING || !G_IS_TLS_CLIENT_CONNECTION (connection))
    return;

  g_signal_connect_object (connection, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
  /* As libsoup: a body that ends with the connection may end without a
   * TLS close_notify. Framed bodies are checked by their framing. */
  g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (connection), FALSE);
}

/* Where the headers end: after "\n\r\n" or "\n\n"; 0 while they don't. */
static gsize
find_headers_end (const GByteArray *raw)
{
  for (gsize i = 0; i + 1 < raw->len; i++)
    {
      if (raw->data[i] != '\n')
        continue;
      if (raw->data[i + 1] == '\n')
        return i + 2;
      if (i + 2 < raw->len && raw->data[i + 1] == '\r' && raw->data[i + 2] == '\n')
        return i + 3;
    }
  return 0;
}

/* Parses the headers in self->raw (ending at @end); FALSE for an
 * informational answer, which is skipped. */
static gboolean
parse_headers (YeastarHttp1Get *self,
               gsize            end,
               GError         **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (self->msg);
  gsize block = end - (self->raw->data[end - 2] == '\n' ? 1 : 2);
  g_autofree char *text = g_malloc (block + 1);
  SoupHTTPVersion version;
  guint status = 0;

  /* libsoup reads the status line with strtol(): NUL-terminated. */
  memcpy (text, self->raw->data, block);
  text[block] = '\0';
  soup_message_headers_clear (headers);
  if (!soup_headers_parse_response (text, block, headers,
                                    &version, &status, NULL) ||
      status < 100 || status > 999)
    {
      g_propagate_error (error, bad_answer ());
      return FALSE;
    }

  g_byte_array_remove_range (self->raw, 0, end);
  if (status < 200 && status != 101)
    return FALSE;

  self->status = status;
  if (status < 200 || status == 204 || status == 304)
    {
      self->body = BODY_LENGTH;
      self->remaining = 0;
      return TRUE;
    }

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CHUNKED:
      self->body = BODY_CHUNKED;
      break;
    case SOUP_ENCODING_CONTENT_LENGTH:
      self->body = BODY_LENGTH;
      self->remaining = soup_message_headers_get_content_length (headers);
      break;
    case SOUP_ENCODING_EOF:
      self->body = BODY_TO_CLOSE;
      break;
    case SOUP_ENCODING_NONE:
      self->body = BODY_LENGTH;
      self->remaining = 0;
      break;
    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      g_propagate_error (error, bad_answer ());
      return FALSE;
    }

  return TRUE;
}

static void
on_headers_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarHttp1Get *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  guint old_length = self->raw->len - RAW_SIZE;
  gssize n;
  gsize end;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  g_byte_array_set_size (self->raw, old_length + MAX (n, 0));
  if (n < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (n == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               "connection closed in the headers");
      return;
    }

  yeastar_transfer_watch_response_started (self->watch);

  while ((end = find_headers_end (self->raw)) != 0)
    {
      if (!parse_headers (self, end, &error))
        {
          if (error != NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          continue;   /* 1xx: the next answer follows */
        }

      self->raw_pos = 0;
      yeastar_transfer_watch_got_headers (self->watch);
      g_task_return_pointer (task, g_object_ref (self), g_object_unref);
      return;
    }

  if (self->raw->len > MAX_HEADERS)
    {
      g_task_return_error (task, bad_answer ());
      return;
    }
  read_headers (g_steal_pointer (&task));
}

static void
read_headers (GTask *task)
{
  YeastarHttp1Get *self = g_task_get_source_object (task);
  guint old_length = self->raw->len;

  g_byte_array_set_size (self->raw, old_length + RAW_SIZE);
  g_input_stream_read_async (self->base, self->raw->data + old_length, RAW_SIZE,
                             G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                             on_headers_read, task);
}

static void
on_request_written (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read_headers (g_steal_pointer (&task));
}

static char *
build_request (YeastarHttp1Get *self)
{
  GUri *uri = soup_message_get_uri (self->msg);
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);
  int port = g_uri_get_port (uri);
  gboolean https = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
  GString *request = g_string_new ("GET ");

  g_string_append (request, path && path[0] ? path : "/");
  if (query != NULL)
    g_string_append_printf (request, "?%s", query);
  g_string_append (request, " HTTP/1.1\r\nHost: ");
  if (strchr (host, ':') != NULL)
    g_string_append_printf (request, "[%s]", host);
  else
    g_string_append (request, host);
  if (port > 0 && port != (https ? 443 : 80))
    g_string_append_printf (request, ":%d", port);
  g_string_append_printf (request, "\r\nUser-Agent: %s\r\n"
                          "Accept-Encoding: identity\r\n"
                          "Connection: close\r\n\r\n", self->user_agent);
  return g_string_free (request, FALSE);
}

static void
on_connected (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  YeastarHttp1Get *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  GCancellable *cancellable;
  GOutputStream *output;
  const char *data;
  gsize length;

  self->connection = G_IO_STREAM (g_socket_client_connect_to_uri_finish (G_SOCKET_CLIENT (object),
                                                                         result, &error));
  if (self->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->base = g_object_ref (g_io_stream_get_input_stream (self->connection));
  output = g_io_stream_get_output_stream (self->connection);
  request = build_request (self);
  length = strlen (request);
  /* The request (with its token) stays with the task until written. */
  g_task_set_task_data (task, g_steal_pointer (&request), g_free);
  cancellable = g_task_get_cancellable (task);
  data = g_task_get_task_data (task);
  g_output_stream_write_all_async (output, data, length,
                                   G_PRIORITY_DEFAULT, cancellable,
                                   on_request_written, g_steal_pointer (&task));
}

/**
 * yeastar_http1_get_send_async:
 * @msg: a GET, whose "accept-certificate" handlers judge the certificate
 * @user_agent: the User-Agent to send
 * @io_timeout: seconds a single read or write may wait
 * @watch: the exchange's deadlines: told of the first byte and the headers
 * @cancellable: (nullable): the watch's cancellable
 *
 * Sends @msg and reads the answer's status line and headers (into @msg's
 * response headers). Finish with yeastar_http1_get_send_finish() for the
 * body.
 */
void
yeastar_http1_get_send_async (SoupMessage          *msg,
                              const char           *user_agent,
                              guint                 io_timeout,
                              YeastarTransferWatch *watch,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(YeastarHttp1Get) self = NULL;
  g_autoptr(GSocketClient) client = NULL;
  g_autofree char *uri = NULL;
  GTask *task;
  GUri *target;

  g_return_if_fail (SOUP_IS_MESSAGE (msg));
  g_return_if_fail (YEASTAR_IS_TRANSFER_WATCH (watch));

  self = g_object_new (YEASTAR_TYPE_HTTP1_GET, NULL);
  self->msg = g_object_ref (msg);
  self->watch = g_object_ref (watch);
  self->user_agent = g_strdup (user_agent);
  self->io_timeout = io_timeout;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_http1_get_send_async);

  target = soup_message_get_uri (msg);
  client = g_socket_client_new ();
  g_socket_client_set_timeout (client, io_timeout);
  g_socket_client_set_tls (client, g_ascii_strcasecmp (g_uri_get_scheme (target), "https") == 0);
  g_signal_connect_object (client, "event", G_CALLBACK (on_client_event), self, 0);

  /* Host and port only: the path and query (the token) stay out of GIO. */
  uri = g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (target), NULL, g_uri_get_host (target),
                    g_uri_get_port (target), "", NULL, NULL);
  g_socket_client_connect_to_uri_async (client, uri,
                                        g_ascii_strcasecmp (g_uri_get_scheme (target), "https") == 0
                                        ? 443 : 80,
                                        cancellable, on_connected, task);
}

/**
 * yeastar_http1_get_send_finish:
 *
 * Returns: (transfer full): the body, as a #YeastarHttp1Get
 */
GInputStream *
yeastar_http1_get_send_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
