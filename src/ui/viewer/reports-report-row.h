/* reports-report-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_REPORT_ROW (reports_report_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsReportRow, reports_report_row, REPORTS, REPORT_ROW, GObject)

ReportsReportRow *reports_report_row_new       (guint             index,
                                                gboolean          is_total);
ReportsReportRow *reports_report_row_new_probe (void);
guint             reports_report_row_get_index (ReportsReportRow *self);
void              reports_report_row_set_index (ReportsReportRow *self,
                                                guint             index);
guint             reports_report_row_get_position (ReportsReportRow *self);
void              reports_report_row_set_position (ReportsReportRow *self,
                                                   guint             position);
gboolean          reports_report_row_is_total  (ReportsReportRow *self);
gboolean          reports_report_row_is_probe  (ReportsReportRow *self);

G_END_DECLS
