/* reports-download-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-download-record.h"
#include "yeastar-download.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_DOWNLOAD_ROW (reports_download_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDownloadRow, reports_download_row, REPORTS, DOWNLOAD_ROW, GtkListBoxRow)

/* One report on the Reports page: its type and period, the PBX and the
 * IDs it was for, its state and progress (from the running download, if
 * any), and what can be done with it: Open, Show in Folder, Preview,
 * Retry, Cancel, Remove. Retry, Cancel and Remove are the page's to do:
 * the row emits "retry", "cancel" and "remove". */
GtkWidget             *reports_download_row_new        (ReportsDownloadRecord *record,
                                                        YeastarDownload       *download);
ReportsDownloadRecord *reports_download_row_get_record (ReportsDownloadRow    *self);
void                   reports_download_row_set_can_retry (ReportsDownloadRow *self,
                                                           gboolean            can_retry);

G_END_DECLS
