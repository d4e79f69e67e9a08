/* yeastar-report-loader.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-file.h"

G_BEGIN_DECLS

#define YEASTAR_TYPE_REPORT_LOADER (yeastar_report_loader_get_type ())

G_DECLARE_FINAL_TYPE (YeastarReportLoader, yeastar_report_loader, YEASTAR, REPORT_LOADER, GObject)

YeastarReportLoader *yeastar_report_loader_new                   (GFile                *file);
GFile               *yeastar_report_loader_get_file              (YeastarReportLoader  *self);
void                 yeastar_report_loader_set_first_batch       (YeastarReportLoader  *self,
                                                                  guint                 n_rows);
void                 yeastar_report_loader_set_batch_bytes       (YeastarReportLoader  *self,
                                                                  gsize                 n_bytes);
void                 yeastar_report_loader_set_first_batch_pause (YeastarReportLoader  *self,
                                                                  guint                 max_ms);
void                 yeastar_report_loader_resume                (YeastarReportLoader  *self);
void                 yeastar_report_loader_load_async            (YeastarReportLoader  *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean             yeastar_report_loader_load_finish           (YeastarReportLoader  *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
gboolean             yeastar_report_loader_is_loading            (YeastarReportLoader  *self);
gboolean             yeastar_report_loader_is_header_ready       (YeastarReportLoader  *self);
gboolean             yeastar_report_loader_is_truncated          (YeastarReportLoader  *self);
guint64              yeastar_report_loader_get_bytes_read        (YeastarReportLoader  *self);
guint64              yeastar_report_loader_get_size              (YeastarReportLoader  *self);
double               yeastar_report_loader_get_fraction          (YeastarReportLoader  *self);
const char          *yeastar_report_loader_get_title             (YeastarReportLoader  *self);
const char * const  *yeastar_report_loader_get_preamble          (YeastarReportLoader  *self);
guint                yeastar_report_loader_get_n_columns         (YeastarReportLoader  *self);
const char          *yeastar_report_loader_get_column_name       (YeastarReportLoader  *self,
                                                                  guint                 column);
YeastarCellKind      yeastar_report_loader_get_column_kind       (YeastarReportLoader  *self,
                                                                  guint                 column);
YeastarDateOrder     yeastar_report_loader_get_column_date_order (YeastarReportLoader  *self,
                                                                  guint                 column);
YeastarReportTable  *yeastar_report_loader_get_rows              (YeastarReportLoader  *self);
YeastarReportTable  *yeastar_report_loader_get_totals            (YeastarReportLoader  *self);

G_END_DECLS
