/* yeastar-download.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-cancellable.h"
#include "yeastar-download-private.h"
#include "yeastar-error.h"

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

#define NOTIFY_INTERVAL_US (100 * 1000)


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


/* State ----------------------------------------------------------------- */

void
_yeastar_download_set_state (YeastarDownload      *self,
                             YeastarDownloadState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

void
_yeastar_download_notify_progress (YeastarDownload *self,
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

void
_yeastar_download_set_total (YeastarDownload *self,
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
void
_yeastar_download_reset_transfer (YeastarDownload *self,
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
      _yeastar_download_notify_progress (self, TRUE);
    }
}

void
_yeastar_download_finish (YeastarDownload *self,
                          GError          *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  _yeastar_download_reset_transfer (self, FALSE);
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
          _yeastar_download_notify_progress (self, TRUE);
        }
      _yeastar_download_set_total (self, -1);

      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
      _yeastar_download_set_state (self, YEASTAR_DOWNLOAD_STATE_FAILED);
      g_task_return_error (task, error);
      return;
    }

  _yeastar_download_set_state (self, YEASTAR_DOWNLOAD_STATE_DONE);
  g_task_return_pointer (task, g_object_ref (self->file), g_object_unref);
}


void
_yeastar_download_set_file_name (YeastarDownload *self,
                                 const char      *name)
{
  if (g_strcmp0 (self->file_name, name) != 0)
    {
      g_free (self->file_name);
      self->file_name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE_NAME]);
    }
}

void
_yeastar_download_set_file (YeastarDownload *self,
                            GFile           *file,
                            const char      *name)
{
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
  _yeastar_download_set_file_name (self, name);
}

static void
on_phase (YeastarReportPhase phase,
          gpointer           user_data)
{
  YeastarDownload *self = user_data;

  _yeastar_download_set_state (self, phase == _YEASTAR_REPORT_PHASE_PREPARING ? YEASTAR_DOWNLOAD_STATE_PREPARING
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
      _yeastar_download_finish (self, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->link, yeastar_report_link_free);
  self->link = link;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
  _yeastar_download_fetch (self);
}

void
_yeastar_download_request (YeastarDownload *self)
{
  _yeastar_download_set_state (self, YEASTAR_DOWNLOAD_STATE_REQUESTING);
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
      self->chain_id = yeastar_cancellable_chain (cancellable, self->cancellable);
    }

  /* Nothing is asked of the PBX for a folder that cannot take the file. */
  {
    g_autoptr(GError) error = NULL;

    if (!yeastar_part_file_check_folder (self->folder, -1, &error))
      {
        _yeastar_download_finish (self, g_steal_pointer (&error));
        return;
      }
  }

  if (self->link != NULL)
    _yeastar_download_fetch (self);
  else
    _yeastar_download_request (self);
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

