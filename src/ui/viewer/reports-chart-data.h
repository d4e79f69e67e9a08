/* reports-chart-data.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-loader.h"

G_BEGIN_DECLS

/* What a chart shows: one value per label, in the order drawn. */
typedef struct
{
  char            *title;        /* "Talk Time by Agent" */
  char            *value_name;
  char            *label_name;
  YeastarCellKind  kind;         /* of the values, for their text */
  gboolean         line;         /* rows are days or hours: a line, in file order */
  gboolean         others;       /* the last bar sums up the rows beyond the top 20 */
  GPtrArray       *labels;       /* char * */
  GArray          *values;       /* double */
} ReportsChartData;

#define REPORTS_CHART_TOP 20
#define REPORTS_CHART_MAX_DESCRIBED 500

ReportsChartData *reports_chart_data_new            (const char          *title,
                                                     YeastarCellKind      kind,
                                                     gboolean             line);
void              reports_chart_data_free           (ReportsChartData    *self);
void              reports_chart_data_add            (ReportsChartData    *self,
                                                     const char          *label,
                                                     double               value);
ReportsChartData *reports_chart_data_new_for_report (YeastarReportLoader *loader,
                                                     guint                label_column,
                                                     guint                value_column);
void              reports_chart_data_new_for_report_async  (YeastarReportLoader *loader,
                                                            guint                label_column,
                                                            guint                value_column,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
ReportsChartData *reports_chart_data_new_for_report_finish (GAsyncResult        *result,
                                                            GError             **error);
int               reports_chart_data_find_label_column (YeastarReportLoader *loader);
gboolean          reports_chart_data_is_chartable   (YeastarCellKind      kind);
char             *reports_chart_format_value        (YeastarCellKind      kind,
                                                     double               value);
char             *reports_chart_data_dup_description (const ReportsChartData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsChartData, reports_chart_data_free)

G_END_DECLS
