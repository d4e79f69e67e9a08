/* reports-cell-sorter.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "yeastar-report-loader.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_CELL_SORTER (reports_cell_sorter_get_type ())

G_DECLARE_FINAL_TYPE (ReportsCellSorter, reports_cell_sorter, REPORTS, CELL_SORTER, GtkSorter)

ReportsCellSorter *reports_cell_sorter_new          (YeastarReportLoader *loader,
                                                     guint                column);
guint              reports_cell_sorter_get_column   (ReportsCellSorter   *self);
gboolean           reports_cell_sorter_find_primary (GtkSorter           *column_view_sorter,
                                                     guint               *column,
                                                     gboolean            *descending);

G_END_DECLS
