/* yeastar-report-table.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-cell-kind.h"
#include "yeastar-csv-lexer.h"

G_BEGIN_DECLS

/* The rows of a report, compactly: the cells' text in a few large blocks
 * and 10 bytes a row. Not a GObject: a YeastarReportFile owns
 * two (rows and totals). Not thread-safe: one writer, or readers once the
 * writer is done. */
typedef struct _YeastarReportTable YeastarReportTable;

YeastarReportTable *yeastar_report_table_new          (void);
void                yeastar_report_table_free         (YeastarReportTable        *self);
gboolean            yeastar_report_table_append       (YeastarReportTable        *self,
                                                       const YeastarCsvRecord    *record);
guint               yeastar_report_table_get_n_rows   (const YeastarReportTable  *self);
guint               yeastar_report_table_get_n_cells  (const YeastarReportTable  *self,
                                                       guint                      row);
const char         *yeastar_report_table_get_cell     (const YeastarReportTable  *self,
                                                       guint                      row,
                                                       guint                      column);
guint               yeastar_report_table_get_row      (const YeastarReportTable  *self,
                                                       guint                      row,
                                                       const char               **cells,
                                                       guint                      n_columns);
void                yeastar_report_table_reserve      (YeastarReportTable        *self,
                                                       guint                      n_rows);
guint               yeastar_report_table_get_capacity (const YeastarReportTable  *self);
gboolean            yeastar_report_table_take_rows    (YeastarReportTable        *self,
                                                       YeastarReportTable        *other);
gsize               yeastar_report_table_get_size     (const YeastarReportTable  *self);
guint              *yeastar_report_table_sort         (const YeastarReportTable  *self,
                                                       guint                      column,
                                                       YeastarCellKind            kind,
                                                       YeastarDateOrder           order,
                                                       gboolean                   descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarReportTable, yeastar_report_table_free)

G_END_DECLS
