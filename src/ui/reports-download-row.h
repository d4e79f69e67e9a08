/* reports-download-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-download.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_DOWNLOAD_ROW (reports_download_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDownloadRow, reports_download_row, REPORTS, DOWNLOAD_ROW, GtkListBoxRow)

/* One report in the list of downloads: what it is, its progress (or that
 * the PBX is still preparing it), Cancel, then Open and Show in Folder, or
 * the error. Emits ::finished once, however it ends. */
GtkWidget       *reports_download_row_new          (YeastarDownload    *download);
YeastarDownload *reports_download_row_get_download (ReportsDownloadRow *self);
void             reports_download_row_start        (ReportsDownloadRow *self,
                                                    GCancellable       *cancellable);
/* As its Cancel button does; nothing once it finished. */
void             reports_download_row_cancel       (ReportsDownloadRow *self);

G_END_DECLS
