/* yeastar-download-transfer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-download-private.h"
#include "yeastar-error.h"
#include "yeastar-file-name.h"
#include "yeastar-http1-get.h"
#include "yeastar-origin.h"
#include "yeastar-text.h"

/* The transfer of one YeastarDownload (see yeastar-download.c): the GET
 * of the link under the client's deadlines, the first 64 KiB held to
 * tell an error envelope from the report, the body streamed into the
 * hidden part, and the part given its final name. */

static void read_next (YeastarDownload *self);

/* Final name ------------------------------------------------------------ */

static void
complete_file (YeastarDownload *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  file = yeastar_part_file_commit_numbered (self->part, self->folder, self->base_name, self->number,
                                            &name, &error);
  if (file == NULL)
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  g_clear_object (&self->output);
  g_clear_object (&self->part);   /* renamed: nothing to delete */
  _yeastar_download_set_file (self, file, name);
  _yeastar_download_finish (self, NULL);
}

static void
on_synced (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yeastar_part_file_sync_finish (YEASTAR_PART_FILE (object), result, &error))
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  /* Cancelled meanwhile: the part goes. */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
    {
      _yeastar_download_finish (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      return;
    }

  complete_file (self);
}

/* Streaming ------------------------------------------------------------- */

/* A failed write, in plain words (never the hidden part's name). */
static GError *
write_error (YeastarDownload *self,
             const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return yeastar_part_file_folder_error (self->folder, ENOSPC);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return yeastar_part_file_folder_error (self->folder, EROFS);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return yeastar_part_file_folder_error (self->folder, EACCES);
  return yeastar_part_file_folder_error (self->folder, EIO);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  gsize written = 0;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, &written, &error))
    {
      _yeastar_download_finish (self, write_error (self, error));
      return;
    }

  read_next (self);
}

/* The body ended before it was complete: short of its Content-Length,
 * or before the last chunk (G_IO_ERROR_PARTIAL_INPUT), or its chunked
 * framing broke off into something else (G_IO_ERROR_INVALID_DATA); see
 * yeastar-http1-get.c. */
static GError *
truncated_error (YeastarDownload *self)
{
  g_autofree char *received = g_format_size_full (self->received, G_FORMAT_SIZE_LONG_FORMAT);

  if (self->total >= 0)
    {
      g_autofree char *total = g_format_size_full (self->total, G_FORMAT_SIZE_LONG_FORMAT);

      /* Translators: the sizes read like "1.2 MB (1,234,567 bytes)". */
      return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                          _("The transfer from the PBX at %s was cut after %s of %s. Nothing "
                            "was saved; try again."),
                          _yeastar_client_get_host (self->client), received, total);
    }

  /* Translators: the size reads like "1.2 MB (1,234,567 bytes)". */
  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                      _("The transfer from the PBX at %s was cut after %s, before the end of "
                        "the file. Nothing was saved; try again."),
                      _yeastar_client_get_host (self->client), received);
}

/* A failed read of the body. */
static GError *
read_error (YeastarDownload *self,
            const GError    *error)
{
  if ((g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)) &&
      yeastar_transfer_watch_peek_message_error (self->msg) == NULL)
    return truncated_error (self);

  return _yeastar_client_transport_error (self->client, self->msg, error);
}

static void
end_of_body (YeastarDownload *self)
{
  _yeastar_download_notify_progress (self, TRUE);
  yeastar_transfer_watch_stop (self->watch);

  if (self->total >= 0 && self->received != (guint64) self->total)
    {
      _yeastar_download_finish (self, truncated_error (self));
      return;
    }

  yeastar_part_file_sync_async (self->part, self->cancellable, on_synced, g_object_ref (self));
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n < 0)
    {
      _yeastar_download_finish (self, read_error (self, error));
      return;
    }

  if (n == 0)
    {
      end_of_body (self);
      return;
    }

  self->received += n;
  yeastar_transfer_watch_add_bytes (self->watch, n);
  _yeastar_download_notify_progress (self, FALSE);
  g_output_stream_write_all_async (self->output, self->buffer, n, G_PRIORITY_DEFAULT,
                                   self->cancellable, on_written, g_object_ref (self));
}

static void
read_next (YeastarDownload *self)
{
  g_input_stream_read_async (self->input, self->buffer, BUFFER_SIZE, G_PRIORITY_DEFAULT,
                             yeastar_transfer_watch_get_cancellable (self->watch),
                             on_read, g_object_ref (self));
}

static void
create_part (YeastarDownload *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  /* The name it will have, unless another file takes it meanwhile: the
   * hidden part never holds a report's name. */
  name = yeastar_part_file_dup_free_name (self->folder, self->base_name, &self->number);
  _yeastar_download_set_file_name (self, name);

  /* Parts of killed runs go first, so that they never pile up. */
  yeastar_part_file_clean_stale (self->folder);

  if (!yeastar_part_file_check_folder (self->folder, self->total, &error))
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  self->part = yeastar_part_file_new (self->folder, self->base_name, &error);
  if (self->part == NULL)
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }
  self->output = g_object_ref (yeastar_part_file_get_output_stream (self->part));

  /* The sniffed head first, then the rest of the body. */
  g_output_stream_write_all_async (self->output, self->head->data, self->head->len,
                                   G_PRIORITY_DEFAULT, self->cancellable,
                                   on_written, g_object_ref (self));
}

/* Decides what the first bytes are: an error envelope, or the report. */
static void
inspect_head (YeastarDownload *self)
{
  g_autoptr(GBytes) bytes = g_bytes_new (self->head->data, self->head->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  gboolean starts_json = FALSE;
  gint64 errcode;

  for (guint i = 0; i < self->head->len; i++)
    if (!g_ascii_isspace (self->head->data[i]))
      {
        starts_json = self->head->data[i] == '{';
        break;
      }

  if (self->json_body || starts_json)
    root = _yeastar_reply_parse_envelope (bytes, "download", _yeastar_client_get_host (self->client), &error);

  if (root == NULL && self->json_body)
    {
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                                                   _("The PBX at %s sent a message instead of the report file."),
                                                   _yeastar_client_get_host (self->client)));
      return;
    }

  if (root == NULL)
    {
      /* The report itself. */
      create_part (self);
      return;
    }

  errcode = json_object_get_int_member (root, "errcode");
  if (errcode == ERRCODE_DATA_NOT_FOUND)
    {
      if (self->request != NULL && !self->re_requested)
        {
          g_debug ("link expired, asking for the report again");
          self->re_requested = TRUE;
          _yeastar_download_reset_transfer (self, TRUE);
          _yeastar_download_request (self);
          return;
        }
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_LINK_EXPIRED,
                                                   _("The report’s download link has expired (links are valid for "
                                                     "30 minutes). Ask for the report again.")));
      return;
    }

  if (errcode == 10004 && !self->token_renewed)
    {
      self->token_renewed = TRUE;
      _yeastar_download_reset_transfer (self, TRUE);
      _yeastar_client_invalidate_token (self->client, self->token);
      _yeastar_download_fetch (self);
      return;
    }

  if (errcode != 0)
    {
      GError *mapped = _yeastar_reply_errcode_error (root, "download", FALSE,
                                                     _yeastar_client_get_secrets (self->client));
      GError *wrapped;

      /* Keep the specific codes (blocked IP, permission); the rest is "not a file". */
      if (mapped->code != YEASTAR_ERROR_SERVER)
        {
          _yeastar_download_finish (self, mapped);
          return;
        }
      wrapped = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                             _("The PBX sent a message instead of the report file: %s"),
                             mapped->message);
      g_error_free (mapped);
      _yeastar_download_finish (self, wrapped);
      return;
    }

  _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                                               _("The PBX at %s answered the download link with a message instead "
                                                 "of the report file. Its firmware may need the report to be "
                                                 "requested again."), _yeastar_client_get_host (self->client)));
}

static void
on_head_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n < 0)
    {
      _yeastar_download_finish (self, read_error (self, error));
      return;
    }

  if (n > 0)
    {
      g_byte_array_append (self->head, self->buffer, n);
      self->received += n;
      yeastar_transfer_watch_add_bytes (self->watch, n);
      _yeastar_download_notify_progress (self, FALSE);

      if (self->head->len < SNIFF_SIZE)
        {
          g_input_stream_read_async (self->input, self->buffer,
                                     MIN (BUFFER_SIZE, SNIFF_SIZE - self->head->len),
                                     G_PRIORITY_DEFAULT,
                                     yeastar_transfer_watch_get_cancellable (self->watch),
                                     on_head_read, g_object_ref (self));
          return;
        }
    }

  if (n == 0 && self->total >= 0 && self->received != (guint64) self->total)
    {
      _yeastar_download_finish (self, truncated_error (self));
      return;
    }

  /* An empty 200 is never a report, not even an empty one: a CSV report
   * has at least its header line. */
  if (n == 0 && self->head->len == 0)
    {
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                                                   _("The PBX at %s sent an empty answer instead of the report "
                                                     "file: the transfer was cut. Nothing was saved; try again."),
                                                   _yeastar_client_get_host (self->client)));
      return;
    }

  inspect_head (self);
}

static void on_sent (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

/* Sends self->msg under the client's deadlines. */
static void
send_message (YeastarDownload *self)
{
  SoupSession *session = _yeastar_client_get_session (self->client);

  self->watch = yeastar_transfer_watch_new (self->msg, _yeastar_client_get_host (self->client),
                                            _yeastar_client_get_transfer_limits (self->client),
                                            self->cancellable);
  /* Not libsoup: the body's framing is checked strictly there. */
  yeastar_http1_get_send_async (self->msg, soup_session_get_user_agent (session),
                                soup_session_get_timeout (session), self->watch,
                                yeastar_transfer_watch_get_cancellable (self->watch),
                                on_sent, g_object_ref (self));
}

static gboolean
decode_content (YeastarDownload     *self,
                SoupMessageHeaders  *headers,
                GError             **error)
{
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  GInputStream *decoded;

  if (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (coding, "gzip") == 0 || g_ascii_strcasecmp (coding, "x-gzip") == 0)
    decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  else if (g_ascii_strcasecmp (coding, "deflate") == 0)
    decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  else
    {
      g_autofree char *shown = yeastar_text_escape (coding, -1);

      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                   _("The PBX sent the report in an encoding this program cannot read (%s). "
                     "Nothing was saved."), shown);
      return FALSE;
    }

  decoded = g_converter_input_stream_new (self->input, G_CONVERTER (decompressor));
  g_object_unref (self->input);
  self->input = decoded;

  return TRUE;
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  guint status;

  self->input = yeastar_http1_get_send_finish (result, &error);
  if (self->input == NULL)
    {
      _yeastar_download_finish (self, _yeastar_client_transport_error (self->client, self->msg, error));
      return;
    }

  status = yeastar_http1_get_get_status (YEASTAR_HTTP1_GET (self->input));
  headers = soup_message_get_response_headers (self->msg);
  content_type = soup_message_headers_get_content_type (headers, NULL);

  /* Never to another origin; within it, a few times (yeastar-origin.c). */
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      g_autoptr(GUri) own = _yeastar_client_dup_origin (self->client);
      g_autoptr(GUri) target = NULL;

      target = yeastar_origin_redirect_target_for (soup_message_get_uri (self->msg), headers, status,
                                                   own, _yeastar_client_get_host (self->client), &error);
      if (target == NULL)
        {
          _yeastar_download_finish (self, g_steal_pointer (&error));
          return;
        }
      if (++self->redirects > YEASTAR_MAX_REDIRECTS)
        {
          _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                                                       _("The PBX at %s redirected the download more than %u times."),
                                                       _yeastar_client_get_host (self->client), YEASTAR_MAX_REDIRECTS));
          return;
        }

      g_clear_object (&self->input);
      yeastar_transfer_watch_stop (self->watch);
      g_clear_object (&self->watch);
      g_clear_object (&self->msg);
      self->msg = _yeastar_client_new_message_for_uri (self->client, target);
      send_message (self);
      return;
    }

  if (status >= 500)
    {
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                                                   _("The PBX failed to send the report (HTTP status %u). Try again later."),
                                                   status));
      return;
    }
  if (status == 404 || status == 410)
    {
      /* [INFERRED] A link the web server no longer knows. */
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_LINK_EXPIRED,
                                                   _("The report’s download link is no longer valid (HTTP status %u). "
                                                     "Ask for the report again."), status));
      return;
    }
  if (status < 200 || status >= 300)
    {
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                                                   _("The PBX answered the download link with HTTP status %u."), status));
      return;
    }

  /* A web page (the login page of a proxy or of the PBX's web portal)
   * is never the report; saving it would leave a bogus file. */
  if (_yeastar_reply_is_html_type (headers))
    {
      _yeastar_download_finish (self, _yeastar_reply_new_html_error (_yeastar_client_get_host (self->client)));
      return;
    }

  /* The request asks for no content coding; a server that compresses
   * anyway gets its body decoded, never saved compressed. */
  if (!decode_content (self, headers, &error))
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  self->json_body = content_type != NULL &&
                    (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
                     g_ascii_strcasecmp (content_type, "text/json") == 0);

  /* A decoded (gzip) body does not match Content-Length: unknown total. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    _yeastar_download_set_total (self, soup_message_headers_get_content_length (headers));
  else
    _yeastar_download_set_total (self, -1);

  /* A size known in advance must fit, before a byte is written. */
  if (self->total > 0 && !yeastar_part_file_check_folder (self->folder, self->total, &error))
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  _yeastar_download_set_state (self, YEASTAR_DOWNLOAD_STATE_DOWNLOADING);

  self->head = g_byte_array_sized_new (SNIFF_SIZE);
  g_input_stream_read_async (self->input, self->buffer, SNIFF_SIZE, G_PRIORITY_DEFAULT,
                             yeastar_transfer_watch_get_cancellable (self->watch),
                             on_head_read, g_object_ref (self));
}

static void
on_fetch_token (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  const char *url = yeastar_report_link_get_url (self->link);
  const char *query;

  token = _yeastar_client_get_access_token_finish (self->client, result, NULL, &error);
  if (token == NULL)
    {
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  /* base + download_resource_url + (?|&)access_token=… */
  query = strchr (url, '?');
  path = query ? g_strndup (url, query - url) : g_strdup (url);
  self->msg = _yeastar_client_new_message (self->client, "GET", path, query ? query + 1 : NULL, token);
  g_free (self->token);
  self->token = g_steal_pointer (&token);
  if (self->msg == NULL)
    {
      _yeastar_download_finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                                   _("The PBX gave a download link that is not usable.")));
      return;
    }

  send_message (self);
}

void
_yeastar_download_fetch (YeastarDownload *self)
{
  const char *file = yeastar_report_link_get_file (self->link);
  const char *url = yeastar_report_link_get_url (self->link);

  /* The name comes from `file`; without one, from the link's last part. */
  g_free (self->base_name);
  if (file != NULL && file[0] != '\0')
    self->base_name = yeastar_file_name_sanitize (file);
  else
    {
      g_autofree char *unescaped = g_uri_unescape_segment (url, strchr (url, '?'), NULL);

      self->base_name = yeastar_file_name_sanitize (unescaped ? unescaped : url);
    }
  self->number = 1;

  _yeastar_client_get_access_token_async (self->client, self->cancellable,
                                          on_fetch_token, g_object_ref (self));
}

