/* reports-report-view.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "yeastar-report-loader.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_REPORT_VIEW (reports_report_view_get_type ())

G_DECLARE_FINAL_TYPE (ReportsReportView, reports_report_view, REPORTS, REPORT_VIEW, GtkWidget)

GtkWidget *reports_report_view_new                (void);
void       reports_report_view_set_loader         (ReportsReportView   *self,
                                                   YeastarReportLoader *loader);
GtkWidget *reports_report_view_get_search_bar     (ReportsReportView   *self);
GtkWidget *reports_report_view_get_column_view    (ReportsReportView   *self);
GMenuModel *reports_report_view_get_columns_menu  (ReportsReportView   *self);
GActionGroup *reports_report_view_get_column_actions (ReportsReportView *self);
char      *reports_report_view_dup_selection_tsv  (ReportsReportView   *self);
void       reports_report_view_copy_selection     (ReportsReportView   *self);

G_END_DECLS
