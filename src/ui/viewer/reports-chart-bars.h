/* reports-chart-bars.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a bar chart's bars go, worked out from the values when asked,
 * not stored a rectangle per bar: bar i has the row plot_y + pitch × i,
 * a bar of bar_height in its middle, and the width value / max of
 * plot_width from plot_x. */
typedef struct
{
  GArray *values;                /* double, the data's (a reference) */
  double  max;                   /* the value axis's end */
  float   plot_x, plot_y;
  float   plot_width;
  float   pitch;                 /* a bar's row, in pixels */
  float   bar_height;
} ReportsChartBars;

typedef struct
{
  float x, y, width, height;
} ReportsChartBarRect;

void   reports_chart_bars_get_rect (const ReportsChartBars *bars,
                                    guint                   index,
                                    ReportsChartBarRect    *rect);
int    reports_chart_bars_index_at (const ReportsChartBars *bars,
                                    double                  y);
float *reports_chart_bars_per_row  (const ReportsChartBars *bars,
                                    guint                   n_bars,
                                    guint                   n_rows);
float  reports_chart_fit_span      (float                   start,
                                    float                   length,
                                    float                   min,
                                    float                   max);

G_END_DECLS
