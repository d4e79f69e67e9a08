/* yeastar-download-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yeastar-download.h"
#include "yeastar-part-file.h"
#include "yeastar-private.h"

G_BEGIN_DECLS

/* YeastarDownload is split over yeastar-download.c (the object, its
 * state and the report request) and yeastar-download-transfer.c (the
 * GET of the file into its part and the final name). */

/* Each buffer costs a round trip through the thread pool of the async
 * file write: 1 MiB keeps that overhead small next to the copy. */
#define BUFFER_SIZE (1024 * 1024)
#define SNIFF_SIZE (64 * 1024)
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

/* yeastar-download.c */
void _yeastar_download_set_state       (YeastarDownload      *self,
                                        YeastarDownloadState  state);
void _yeastar_download_notify_progress (YeastarDownload      *self,
                                        gboolean              force);
void _yeastar_download_set_total       (YeastarDownload      *self,
                                        gint64                total);
/* Closes the streams and removes a .part; @restart: another attempt follows. */
void _yeastar_download_reset_transfer  (YeastarDownload      *self,
                                        gboolean              restart);
/* Ends the download's task: with @error (taken), or with the saved file. */
void _yeastar_download_finish          (YeastarDownload      *self,
                                        GError               *error);
void _yeastar_download_set_file_name   (YeastarDownload      *self,
                                        const char           *name);
void _yeastar_download_set_file        (YeastarDownload      *self,
                                        GFile                *file,
                                        const char           *name);
/* Asks the PBX for the report again (the link expired). */
void _yeastar_download_request         (YeastarDownload      *self);

/* yeastar-download-transfer.c */
/* Takes a token and GETs self->link into the folder. */
void _yeastar_download_fetch           (YeastarDownload      *self);

G_END_DECLS
