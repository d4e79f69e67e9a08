/* yeastar-download.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-client.h"

G_BEGIN_DECLS

typedef enum
{
  YEASTAR_DOWNLOAD_STATE_IDLE,
  YEASTAR_DOWNLOAD_STATE_REQUESTING,   /* asking the PBX for the report */
  YEASTAR_DOWNLOAD_STATE_PREPARING,    /* async: waiting for event 30027 */
  YEASTAR_DOWNLOAD_STATE_DOWNLOADING,  /* streaming the file */
  YEASTAR_DOWNLOAD_STATE_DONE,
  YEASTAR_DOWNLOAD_STATE_FAILED,       /* including cancelled: see "error" */
} YeastarDownloadState;

#define YEASTAR_TYPE_DOWNLOAD_STATE (yeastar_download_state_get_type ())
GType yeastar_download_state_get_type (void) G_GNUC_CONST;

#define YEASTAR_TYPE_DOWNLOAD (yeastar_download_get_type ())

G_DECLARE_FINAL_TYPE (YeastarDownload, yeastar_download, YEASTAR, DOWNLOAD, GObject)

YeastarDownload      *yeastar_download_new                (YeastarClient            *client,
                                                           YeastarReportRequest     *request,
                                                           GFile                    *folder);
YeastarDownload      *yeastar_download_new_for_link       (YeastarClient            *client,
                                                           const YeastarReportLink  *link,
                                                           GFile                    *folder);
YeastarClient        *yeastar_download_get_client         (YeastarDownload          *self);
YeastarReportRequest *yeastar_download_get_request        (YeastarDownload          *self);
GFile                *yeastar_download_get_folder         (YeastarDownload          *self);
YeastarDownloadState  yeastar_download_get_state          (YeastarDownload          *self);
guint64               yeastar_download_get_bytes_received (YeastarDownload          *self);
gint64                yeastar_download_get_total_bytes    (YeastarDownload          *self);
double                yeastar_download_get_fraction       (YeastarDownload          *self);
const char           *yeastar_download_get_file_name      (YeastarDownload          *self);
GFile                *yeastar_download_get_file           (YeastarDownload          *self);
const GError         *yeastar_download_get_error          (YeastarDownload          *self);
/* Runs once: request (unless built for a link), wait, stream, rename. */
void                  yeastar_download_start_async        (YeastarDownload          *self,
                                                           GCancellable             *cancellable,
                                                           GAsyncReadyCallback       callback,
                                                           gpointer                  user_data);
GFile                *yeastar_download_start_finish       (YeastarDownload          *self,
                                                           GAsyncResult             *result,
                                                           GError                  **error);
void                  yeastar_download_cancel             (YeastarDownload          *self);

/* One-shot helpers for callers that need no progress. */
void                  yeastar_client_download_report_async  (YeastarClient          *client,
                                                             YeastarReportRequest   *request,
                                                             GFile                  *folder,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
GFile                *yeastar_client_download_report_finish (YeastarClient          *client,
                                                             GAsyncResult           *result,
                                                             GError                **error);

G_END_DECLS
