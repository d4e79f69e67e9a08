/* yeastar-report-file.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-cell-kind.h"
#include "yeastar-csv-lexer.h"
#include "yeastar-report-table.h"

G_BEGIN_DECLS

#define YEASTAR_REPORT_FILE_ERROR (yeastar_report_file_error_quark ())

typedef enum
{
  YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT = 1, /* no header row found, or JSON/HTML */
  YEASTAR_REPORT_FILE_ERROR_TOO_LARGE,        /* a record, a field count or the table beyond the bounds */
} YeastarReportFileError;

GQuark yeastar_report_file_error_quark (void);

/* A row of the pull API: the record's cells and whether it is a total or
 * subtotal row. Valid until the next call of yeastar_report_file_next_row(). */
typedef struct
{
  YeastarCsvRecord record;
  gboolean         is_total;
} YeastarReportRow;

const char *yeastar_report_row_get_cell (const YeastarReportRow *row,
                                         guint                   column);

#define YEASTAR_TYPE_REPORT_FILE (yeastar_report_file_get_type ())

G_DECLARE_FINAL_TYPE (YeastarReportFile, yeastar_report_file, YEASTAR, REPORT_FILE, GObject)

YeastarReportFile     *yeastar_report_file_new                   (GInputStream         *stream);
YeastarReportFile     *yeastar_report_file_open                  (GFile                *file,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
void                   yeastar_report_file_set_date_order        (YeastarReportFile    *self,
                                                                  YeastarDateOrder      order);
gboolean               yeastar_report_file_read_header           (YeastarReportFile    *self,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
gboolean               yeastar_report_file_next_row              (YeastarReportFile    *self,
                                                                  YeastarReportRow     *row,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
gboolean               yeastar_report_file_load                  (YeastarReportFile    *self,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
void                   yeastar_report_file_load_async            (YeastarReportFile    *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean               yeastar_report_file_load_finish           (YeastarReportFile    *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

YeastarReportEncoding  yeastar_report_file_get_encoding          (YeastarReportFile    *self);
char                   yeastar_report_file_get_separator         (YeastarReportFile    *self);
const char            *yeastar_report_file_get_title             (YeastarReportFile    *self);
const char * const    *yeastar_report_file_get_preamble          (YeastarReportFile    *self);
guint                  yeastar_report_file_get_n_columns         (YeastarReportFile    *self);
const char            *yeastar_report_file_get_column_name       (YeastarReportFile    *self,
                                                                  guint                 column);
YeastarCellKind        yeastar_report_file_get_column_kind       (YeastarReportFile    *self,
                                                                  guint                 column);
YeastarDateOrder       yeastar_report_file_get_column_date_order (YeastarReportFile    *self,
                                                                  guint                 column);
YeastarReportTable    *yeastar_report_file_get_rows              (YeastarReportFile    *self);
YeastarReportTable    *yeastar_report_file_get_totals            (YeastarReportFile    *self);
guint64                yeastar_report_file_get_bytes_read        (YeastarReportFile    *self);
gboolean               yeastar_report_file_is_truncated          (YeastarReportFile    *self);
gboolean               yeastar_report_is_total_label             (const char           *text);

G_END_DECLS
