/* reports-chart.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "reports-chart-data.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_CHART (reports_chart_get_type ())

G_DECLARE_FINAL_TYPE (ReportsChart, reports_chart, REPORTS, CHART, GtkWidget)

GtkWidget              *reports_chart_new             (void);
void                    reports_chart_set_data        (ReportsChart      *self,
                                                       ReportsChartData  *data);
const ReportsChartData *reports_chart_get_data        (ReportsChart      *self);
void                    reports_chart_set_dark        (ReportsChart      *self,
                                                       gboolean           dark);
char                   *reports_chart_dup_tooltip_at  (ReportsChart      *self,
                                                       double             x,
                                                       double             y);
gboolean                reports_chart_save_png        (ReportsChart      *self,
                                                       GFile             *file,
                                                       GError           **error);
gboolean                reports_chart_save_svg        (ReportsChart      *self,
                                                       GFile             *file,
                                                       GCancellable      *cancellable,
                                                       GError           **error);

G_END_DECLS
