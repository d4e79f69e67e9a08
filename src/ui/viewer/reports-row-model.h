/* reports-row-model.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-loader.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ROW_MODEL (reports_row_model_get_type ())

G_DECLARE_FINAL_TYPE (ReportsRowModel, reports_row_model, REPORTS, ROW_MODEL, GObject)

ReportsRowModel     *reports_row_model_new        (YeastarReportLoader *loader,
                                                   gboolean             totals);
YeastarReportLoader *reports_row_model_get_loader (ReportsRowModel     *self);
void                 reports_row_model_set_sort   (ReportsRowModel     *self,
                                                   int                  column,
                                                   gboolean             descending);
void                 reports_row_model_set_search (ReportsRowModel     *self,
                                                   const char          *text);
gboolean             reports_row_model_is_busy    (ReportsRowModel     *self);
void                 reports_row_model_hold       (ReportsRowModel     *self,
                                                   gboolean             held);
guint                reports_row_model_show_more  (ReportsRowModel     *self,
                                                   guint                n);
guint                reports_row_model_get_row    (ReportsRowModel     *self,
                                                   guint                position);

G_END_DECLS
