/* yeastar-download.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "yeastar-private.h"
#include "yeastar-download.h"
#include "yeastar-error.h"
#include "yeastar-file-name.h"
#include "yeastar-http1-get.h"
#include "yeastar-origin.h"
#include "yeastar-part-file.h"
#include "yeastar-text.h"

/* One report download: ask the PBX for the report (unless built for a
 * link), then stream the file into a hidden, locked part
 * (YeastarPartFile, ".<name>.XXXXXX.part") with a reusable buffer
 * (memory does not grow with the file), and give it its final name only
 * once the body is complete.
 *
 * Never overwriting, without races: a final name that exists is skipped
 * before the transfer; when complete, the part is renamed with
 * renameat2(RENAME_NOREPLACE) (see yeastar-part-file.c), which fails
 * atomically if the final name appeared meanwhile; then the next number,
 * "name (2).csv", is tried. A part never has a report's name, so a part
 * left by a killed run never pushes a report to "name (2)"; the next
 * download into the folder removes such stale parts.
 *
 * The folder is checked before the PBX is asked anything (it exists, is
 * a folder, can be written) and again, with the size, before the first
 * byte is written.
 *
 * On any failure or cancellation the part is removed, so nothing is left
 * behind. The small clean-up and the rename are synchronous local file
 * system calls on purpose: they must have happened when the task ends.
 *
 * The body is inspected before anything is written: the first 64 KiB are
 * held in memory, and a body that is JSON (by Content-Type, or starting
 * with '{' and parsing as an errcode envelope) is an error, not a report:
 * errcode 60001 (the simulator's and [INFERRED] the PBX's answer for a
 * deleted file) means the link expired, and the report is requested once
 * more; 10004 renews the token once.
 */

/* Each buffer costs a round trip through the thread pool of the async
 * file write: 1 MiB keeps that overhead small next to the copy. */
#define BUFFER_SIZE (1024 * 1024)
#define SNIFF_SIZE (64 * 1024)
#define NOTIFY_INTERVAL_US (100 * 1000)
#define MAX_NAME_NUMBER 10000
#define ERRCODE_DATA_NOT_FOUND 60001

struct _YeastarDownload
{
  GObject parent_instance;

  YeastarClient *client;
  YeastarReportRequest *request;
  GFile *folder;
  YeastarReportLink *link;

  YeastarDownloadState state;
  guint64 received;
  gint64 total;
  char *file_name;
  GFile *file;
  GError *error;

  GTask *task;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong chain_id;

  /* One transfer */
  SoupMessage *msg;
  YeastarTransferWatch *watch;
  guint redirects;
  GInputStream *input;
  GOutputStream *output;
  YeastarPartFile *part;
  char *base_name;
  char *token;
  guint number;
  GByteArray *head;
  guint8 *buffer;
  gboolean json_body;
  gint64 last_notify;

  guint started : 1;
  guint re_requested : 1;
  guint token_renewed : 1;
};

G_DEFINE_FINAL_TYPE (YeastarDownload, yeastar_download, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (YeastarDownloadState, yeastar_download_state,
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_REQUESTING, "requesting"),
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_PREPARING, "preparing"),
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_DOWNLOADING, "downloading"),
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (YEASTAR_DOWNLOAD_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REQUEST,
  PROP_FOLDER,
  PROP_LINK,
  PROP_STATE,
  PROP_BYTES_RECEIVED,
  PROP_TOTAL_BYTES,
  PROP_FRACTION,
  PROP_FILE_NAME,
  PROP_FILE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void download_request (YeastarDownload *self);
static void download_fetch   (YeastarDownload *self);
static void read_next        (YeastarDownload *self);

/* State ----------------------------------------------------------------- */

static void
set_state (YeastarDownload      *self,
           YeastarDownloadState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

static void
notify_progress (YeastarDownload *self,
                 gboolean         force)
{
  gint64 now = g_get_monotonic_time ();

  /* At most ten times a second, so a fast LAN download does not flood
   * the main loop with redraws. */
  if (!force && now - self->last_notify < NOTIFY_INTERVAL_US)
    return;

  self->last_notify = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BYTES_RECEIVED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
}

static void
set_total (YeastarDownload *self,
           gint64           total)
{
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_BYTES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
    }
}

/* Closes the streams and removes a .part. @restart: another attempt
 * follows, so progress goes back to zero. Finishing calls it with FALSE:
 * a saved report keeps its counts (finish() clears them on failure). */
static void
reset_transfer (YeastarDownload *self,
                gboolean         restart)
{
  g_clear_object (&self->output);
  g_clear_object (&self->input);
  if (self->watch != NULL)
    yeastar_transfer_watch_stop (self->watch);
  g_clear_object (&self->watch);
  g_clear_object (&self->msg);
  self->redirects = 0;

  if (self->part != NULL)
    {
      yeastar_part_file_discard (self->part);
      g_clear_object (&self->part);
    }

  g_clear_pointer (&self->head, g_byte_array_unref);
  self->json_body = FALSE;
  if (restart && self->received != 0)
    {
      self->received = 0;
      notify_progress (self, TRUE);
    }
}

static void
finish (YeastarDownload *self,
        GError          *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  reset_transfer (self, FALSE);
  g_clear_pointer (&self->buffer, g_free);
  if (self->chain_id != 0)
    g_cancellable_disconnect (self->caller_cancellable, self->chain_id);
  self->chain_id = 0;
  g_clear_object (&self->caller_cancellable);

  if (error != NULL)
    {
      /* Nothing of the transfer is kept, so nothing of its progress. */
      if (self->received != 0)
        {
          self->received = 0;
          notify_progress (self, TRUE);
        }
      set_total (self, -1);

      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
      set_state (self, YEASTAR_DOWNLOAD_STATE_FAILED);
      g_task_return_error (task, error);
      return;
    }

  set_state (self, YEASTAR_DOWNLOAD_STATE_DONE);
  g_task_return_pointer (task, g_object_ref (self->file), g_object_unref);
}

/* Final name ------------------------------------------------------------ */

static void
set_file_name (YeastarDownload *self,
               const char      *name)
{
  if (g_strcmp0 (self->file_name, name) != 0)
    {
      g_free (self->file_name);
      self->file_name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE_NAME]);
    }
}

static void
complete_file (YeastarDownload *self)
{
  for (guint n = self->number; n < MAX_NAME_NUMBER; n++)
    {
      g_autofree char *name = yeastar_file_name_with_number (self->base_name, n);
      g_autoptr(GFile) target = g_file_get_child (self->folder, name);
      g_autoptr(GError) error = NULL;

      if (!yeastar_part_file_commit (self->part, target, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            continue;
          finish (self, g_steal_pointer (&error));
          return;
        }

      g_clear_object (&self->output);
      g_clear_object (&self->part);   /* renamed: nothing to delete */
      g_set_object (&self->file, target);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
      set_file_name (self, name);
      finish (self, NULL);
      return;
    }

  finish (self, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not find a free file name for the report in the folder.")));
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
      finish (self, g_steal_pointer (&error));
      return;
    }

  /* Cancelled meanwhile: the part goes. */
  if (g_cancellable_set_error_if_cancelled (self->cancellable, &error))
    {
      finish (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
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
      finish (self, write_error (self, error));
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
  notify_progress (self, TRUE);
  yeastar_transfer_watch_stop (self->watch);

  if (self->total >= 0 && self->received != (guint64) self->total)
    {
      finish (self, truncated_error (self));
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
      finish (self, read_error (self, error));
      return;
    }

  if (n == 0)
    {
      end_of_body (self);
      return;
    }

  self->received += n;
  yeastar_transfer_watch_add_bytes (self->watch, n);
  notify_progress (self, FALSE);
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
  for (;;)
    {
      g_autoptr(GFile) target = NULL;

      g_clear_pointer (&name, g_free);
      name = yeastar_file_name_with_number (self->base_name, self->number);
      target = g_file_get_child (self->folder, name);
      if (!g_file_query_exists (target, NULL) || self->number >= MAX_NAME_NUMBER)
        break;
      self->number++;
    }
  set_file_name (self, name);

  /* Parts of killed runs go first, so that they never pile up. */
  yeastar_part_file_clean_stale (self->folder);

  if (!yeastar_part_file_check_folder (self->folder, self->total, &error))
    {
      finish (self, g_steal_pointer (&error));
      return;
    }

  self->part = yeastar_part_file_new (self->folder, self->base_name, &error);
  if (self->part == NULL)
    {
      finish (self, g_steal_pointer (&error));
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
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
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
          reset_transfer (self, TRUE);
          download_request (self);
          return;
        }
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_LINK_EXPIRED,
                                 _("The report’s download link has expired (links are valid for "
                                   "30 minutes). Ask for the report again.")));
      return;
    }

  if (errcode == 10004 && !self->token_renewed)
    {
      self->token_renewed = TRUE;
      reset_transfer (self, TRUE);
      _yeastar_client_invalidate_token (self->client, self->token);
      download_fetch (self);
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
          finish (self, mapped);
          return;
        }
      wrapped = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                             _("The PBX sent a message instead of the report file: %s"),
                             mapped->message);
      g_error_free (mapped);
      finish (self, wrapped);
      return;
    }

  finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
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
      finish (self, read_error (self, error));
      return;
    }

  if (n > 0)
    {
      g_byte_array_append (self->head, self->buffer, n);
      self->received += n;
      yeastar_transfer_watch_add_bytes (self->watch, n);
      notify_progress (self, FALSE);

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
      finish (self, truncated_error (self));
      return;
    }

  /* An empty 200 is never a report, not even an empty one: a CSV report
   * has at least its header line. */
  if (n == 0 && self->head->len == 0)
    {
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
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
      finish (self, _yeastar_client_transport_error (self->client, self->msg, error));
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
          finish (self, g_steal_pointer (&error));
          return;
        }
      if (++self->redirects > YEASTAR_MAX_REDIRECTS)
        {
          finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
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
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                                 _("The PBX failed to send the report (HTTP status %u). Try again later."),
                                 status));
      return;
    }
  if (status == 404 || status == 410)
    {
      /* [INFERRED] A link the web server no longer knows. */
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_LINK_EXPIRED,
                                 _("The report’s download link is no longer valid (HTTP status %u). "
                                   "Ask for the report again."), status));
      return;
    }
  if (status < 200 || status >= 300)
    {
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE,
                                 _("The PBX answered the download link with HTTP status %u."), status));
      return;
    }

  /* A web page (the login page of a proxy or of the PBX's web portal)
   * is never the report; saving it would leave a bogus file. */
  if (_yeastar_reply_is_html_type (headers))
    {
      finish (self, _yeastar_reply_new_html_error (_yeastar_client_get_host (self->client)));
      return;
    }

  /* The request asks for no content coding; a server that compresses
   * anyway gets its body decoded, never saved compressed. */
  if (!decode_content (self, headers, &error))
    {
      finish (self, g_steal_pointer (&error));
      return;
    }

  self->json_body = content_type != NULL &&
                    (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
                     g_ascii_strcasecmp (content_type, "text/json") == 0);

  /* A decoded (gzip) body does not match Content-Length: unknown total. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    set_total (self, soup_message_headers_get_content_length (headers));
  else
    set_total (self, -1);

  /* A size known in advance must fit, before a byte is written. */
  if (self->total > 0 && !yeastar_part_file_check_folder (self->folder, self->total, &error))
    {
      finish (self, g_steal_pointer (&error));
      return;
    }

  set_state (self, YEASTAR_DOWNLOAD_STATE_DOWNLOADING);

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
      finish (self, g_steal_pointer (&error));
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
      finish (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                                 _("The PBX gave a download link that is not usable.")));
      return;
    }

  send_message (self);
}

static void
download_fetch (YeastarDownload *self)
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

static void
on_phase (YeastarReportPhase phase,
          gpointer           user_data)
{
  YeastarDownload *self = user_data;

  set_state (self, phase == _YEASTAR_REPORT_PHASE_PREPARING ? YEASTAR_DOWNLOAD_STATE_PREPARING
                                                            : YEASTAR_DOWNLOAD_STATE_REQUESTING);
}

static void
on_link (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(YeastarDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  YeastarReportLink *link;

  link = yeastar_client_request_report_finish (YEASTAR_CLIENT (object), result, &error);
  if (link == NULL)
    {
      finish (self, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->link, yeastar_report_link_free);
  self->link = link;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
  download_fetch (self);
}

static void
download_request (YeastarDownload *self)
{
  set_state (self, YEASTAR_DOWNLOAD_STATE_REQUESTING);
  /* The phase callback runs only while the request runs, and the
   * download is kept alive by the reference passed with it. */
  _yeastar_client_request_report_async (self->client, self->request, on_phase, self,
                                        self->cancellable, on_link, g_object_ref (self));
}

/* GObject --------------------------------------------------------------- */

static void
yeastar_download_dispose (GObject *object)
{
  YeastarDownload *self = (YeastarDownload *) object;

  /* A running download holds a reference: only idle ones get here. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (yeastar_download_parent_class)->dispose (object);
}

static void
yeastar_download_finalize (GObject *object)
{
  YeastarDownload *self = (YeastarDownload *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->request);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->link, yeastar_report_link_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->base_name, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->buffer, g_free);

  G_OBJECT_CLASS (yeastar_download_parent_class)->finalize (object);
}

static void
yeastar_download_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  YeastarDownload *self = YEASTAR_DOWNLOAD (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;

    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_LINK:
      g_value_set_boxed (value, self->link);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_BYTES_RECEIVED:
      g_value_set_uint64 (value, self->received);
      break;

    case PROP_TOTAL_BYTES:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, yeastar_download_get_fraction (self));
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_download_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  YeastarDownload *self = YEASTAR_DOWNLOAD (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_LINK:
      self->link = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_download_class_init (YeastarDownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_download_dispose;
  object_class->finalize = yeastar_download_finalize;
  object_class->get_property = yeastar_download_get_property;
  object_class->set_property = yeastar_download_set_property;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, YEASTAR_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, YEASTAR_TYPE_REPORT_REQUEST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Given for a link-only download; set once the PBX answered otherwise. */
  properties [PROP_LINK] =
    g_param_spec_boxed ("link", NULL, NULL, YEASTAR_TYPE_REPORT_LINK,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, YEASTAR_TYPE_DOWNLOAD_STATE, YEASTAR_DOWNLOAD_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* bytes-received and total-bytes keep their final values once the
   * download is done, and go back to 0 and -1 when it fails or is
   * cancelled (nothing is kept). */
  properties [PROP_BYTES_RECEIVED] =
    g_param_spec_uint64 ("bytes-received", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* -1 while unknown (no Content-Length). */
  properties [PROP_TOTAL_BYTES] =
    g_param_spec_int64 ("total-bytes", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* 0..1, or -1 while the total is unknown (pulse the progress bar). */
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1.0, 1.0, -1.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_download_init (YeastarDownload *self)
{
  self->total = -1;
}

YeastarDownload *
yeastar_download_new (YeastarClient        *client,
                      YeastarReportRequest *request,
                      GFile                *folder)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (YEASTAR_TYPE_DOWNLOAD,
                       "client", client,
                       "request", request,
                       "folder", folder,
                       NULL);
}

/* A download of a link obtained elsewhere (e.g. an event). Without the
 * request, an expired link cannot be asked for again. */
YeastarDownload *
yeastar_download_new_for_link (YeastarClient           *client,
                               const YeastarReportLink *link,
                               GFile                   *folder)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (link != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (YEASTAR_TYPE_DOWNLOAD,
                       "client", client,
                       "link", link,
                       "folder", folder,
                       NULL);
}

YeastarClient *
yeastar_download_get_client (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->client;
}

YeastarReportRequest *
yeastar_download_get_request (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->request;
}

GFile *
yeastar_download_get_folder (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->folder;
}

YeastarDownloadState
yeastar_download_get_state (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), YEASTAR_DOWNLOAD_STATE_IDLE);
  return self->state;
}

guint64
yeastar_download_get_bytes_received (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), 0);
  return self->received;
}

gint64
yeastar_download_get_total_bytes (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), -1);
  return self->total;
}

double
yeastar_download_get_fraction (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), -1.0);

  if (self->state == YEASTAR_DOWNLOAD_STATE_DONE)
    return 1.0;
  if (self->total <= 0)
    return -1.0;
  return CLAMP ((double) self->received / (double) self->total, 0.0, 1.0);
}

/* The sanitised name the file is (or will be) saved under. */
const char *
yeastar_download_get_file_name (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->file_name;
}

/**
 * yeastar_download_get_file:
 *
 * Returns: (transfer none) (nullable): the saved report, once done
 */
GFile *
yeastar_download_get_file (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->file;
}

const GError *
yeastar_download_get_error (YeastarDownload *self)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  return self->error;
}

static void
chain_cancel (GCancellable *cancellable,
              gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

void
yeastar_download_start_async (YeastarDownload     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_DOWNLOAD (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_download_start_async);

  if (self->started)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("This download has already been started."));
      return;
    }

  self->started = TRUE;
  self->task = g_steal_pointer (&task);
  self->cancellable = g_cancellable_new ();
  self->buffer = g_malloc (BUFFER_SIZE);

  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->chain_id = g_cancellable_connect (cancellable, G_CALLBACK (chain_cancel),
                                              g_object_ref (self->cancellable), g_object_unref);
    }

  /* Nothing is asked of the PBX for a folder that cannot take the file. */
  {
    g_autoptr(GError) error = NULL;

    if (!yeastar_part_file_check_folder (self->folder, -1, &error))
      {
        finish (self, g_steal_pointer (&error));
        return;
      }
  }

  if (self->link != NULL)
    download_fetch (self);
  else
    download_request (self);
}

/**
 * yeastar_download_start_finish:
 *
 * Returns: (transfer full): the saved report
 */
GFile *
yeastar_download_start_finish (YeastarDownload  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For a Cancel button: same as cancelling the start's cancellable. */
void
yeastar_download_cancel (YeastarDownload *self)
{
  g_return_if_fail (YEASTAR_IS_DOWNLOAD (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* One-shot helpers ------------------------------------------------------ */

static void
on_one_shot (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  file = yeastar_download_start_finish (YEASTAR_DOWNLOAD (object), result, &error);
  if (file == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, file, g_object_unref);
}

void
yeastar_client_download_report_async (YeastarClient        *client,
                                      YeastarReportRequest *request,
                                      GFile                *folder,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(YeastarDownload) download = NULL;
  GTask *task;

  g_return_if_fail (YEASTAR_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_download_report_async);

  download = yeastar_download_new (client, request, folder);
  yeastar_download_start_async (download, cancellable, on_one_shot, task);
}

GFile *
yeastar_client_download_report_finish (YeastarClient  *client,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
