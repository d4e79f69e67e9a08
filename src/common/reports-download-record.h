/* reports-download-record.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What became of a download. RUNNING is never read back from disk: a
 * download that was running when the application quit is INTERRUPTED. */
typedef enum
{
  REPORTS_DOWNLOAD_RUNNING,
  REPORTS_DOWNLOAD_DONE,
  REPORTS_DOWNLOAD_FAILED,
  REPORTS_DOWNLOAD_CANCELLED,
  REPORTS_DOWNLOAD_INTERRUPTED,
} ReportsDownloadStatus;

#define REPORTS_TYPE_DOWNLOAD_RECORD (reports_download_record_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDownloadRecord, reports_download_record, REPORTS, DOWNLOAD_RECORD, GObject)

ReportsDownloadRecord *reports_download_record_new              (const char            *pbx_uri,
                                                                 const char            *pbx_name,
                                                                 const char            *report_type,
                                                                 GVariant              *values,
                                                                 const char            *folder);
ReportsDownloadRecord *reports_download_record_new_from_variant (GVariant              *variant);
GVariant              *reports_download_record_to_variant       (ReportsDownloadRecord *self);

const char            *reports_download_record_get_id           (ReportsDownloadRecord *self);
const char            *reports_download_record_get_pbx_uri      (ReportsDownloadRecord *self);
const char            *reports_download_record_get_pbx_name     (ReportsDownloadRecord *self);
const char            *reports_download_record_get_report_type  (ReportsDownloadRecord *self);
GVariant              *reports_download_record_get_values       (ReportsDownloadRecord *self);
GVariant              *reports_download_record_get_names        (ReportsDownloadRecord *self);
void                   reports_download_record_set_names        (ReportsDownloadRecord *self,
                                                                 GVariant              *names);
const char            *reports_download_record_get_folder       (ReportsDownloadRecord *self);
GDateTime             *reports_download_record_get_created      (ReportsDownloadRecord *self);
ReportsDownloadStatus  reports_download_record_get_status       (ReportsDownloadRecord *self);
void                   reports_download_record_set_status       (ReportsDownloadRecord *self,
                                                                 ReportsDownloadStatus  status);
const char            *reports_download_record_get_path         (ReportsDownloadRecord *self);
void                   reports_download_record_set_path         (ReportsDownloadRecord *self,
                                                                 const char            *path);
const char            *reports_download_record_get_message      (ReportsDownloadRecord *self);
void                   reports_download_record_set_message      (ReportsDownloadRecord *self,
                                                                 const char            *message);
guint64                reports_download_record_get_size         (ReportsDownloadRecord *self);
void                   reports_download_record_set_size         (ReportsDownloadRecord *self,
                                                                 guint64                size);
gboolean               reports_download_record_get_file_missing (ReportsDownloadRecord *self);

/* A report of a set run: the set's name and the report's place in it. */
void                   reports_download_record_set_set          (ReportsDownloadRecord *self,
                                                                 const char            *set_name,
                                                                 guint                  set_report);
const char            *reports_download_record_get_set_name     (ReportsDownloadRecord *self);
guint                  reports_download_record_get_set_report   (ReportsDownloadRecord *self);
/* Known of a set's report only once its PBX answered. */
void                   reports_download_record_set_pbx_name     (ReportsDownloadRecord *self,
                                                                 const char            *pbx_name);
void                   reports_download_record_set_values       (ReportsDownloadRecord *self,
                                                                 GVariant              *values);
/* While it runs, for those without a YeastarDownload (a set's reports);
 * not kept. @total is -1 while unknown. */
guint64                reports_download_record_get_received     (ReportsDownloadRecord *self);
gint64                 reports_download_record_get_total        (ReportsDownloadRecord *self);
void                   reports_download_record_set_progress     (ReportsDownloadRecord *self,
                                                                 guint64                received,
                                                                 gint64                 total);
/* Cancelled by Cancel while it runs; not kept. */
GCancellable          *reports_download_record_get_cancellable  (ReportsDownloadRecord *self);
void                   reports_download_record_set_cancellable  (ReportsDownloadRecord *self,
                                                                 GCancellable          *cancellable);
void                   reports_download_record_check_file       (ReportsDownloadRecord *self);

G_END_DECLS
