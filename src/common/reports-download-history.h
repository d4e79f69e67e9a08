/* reports-download-history.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-download-record.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_DOWNLOAD_HISTORY (reports_download_history_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDownloadHistory, reports_download_history, REPORTS, DOWNLOAD_HISTORY, GObject)

GFile                  *reports_download_history_get_default_file (void);
ReportsDownloadHistory *reports_download_history_new              (GFile                  *file);
/* The process's one list of the default file, loaded: the windows and
 * the set runs share it, so that none overwrites the others' records. */
ReportsDownloadHistory *reports_download_history_dup_default      (void);
gboolean                reports_download_history_load             (ReportsDownloadHistory *self,
                                                                   GError                **error);
gboolean                reports_download_history_save             (ReportsDownloadHistory *self,
                                                                   GError                **error);
void                    reports_download_history_flush            (ReportsDownloadHistory *self);
void                    reports_download_history_flush_default    (void);
gboolean                reports_download_history_get_running_default (void);
void                    reports_download_history_add              (ReportsDownloadHistory *self,
                                                                   ReportsDownloadRecord  *record);
void                    reports_download_history_add_all          (ReportsDownloadHistory  *self,
                                                                   ReportsDownloadRecord  **records,
                                                                   guint                    n_records);
void                    reports_download_history_remove           (ReportsDownloadHistory *self,
                                                                   ReportsDownloadRecord  *record);
void                    reports_download_history_clear_finished   (ReportsDownloadHistory *self);
ReportsDownloadRecord  *reports_download_history_lookup           (ReportsDownloadHistory *self,
                                                                   const char             *id);

G_END_DECLS
