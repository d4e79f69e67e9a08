/* reports-chart-bars.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "reports-chart-bars.h"

/*
 * A bar chart's bars from its values, without a rectangle stored per
 * bar: 10,000 bars are a pixel row's worth of arithmetic each when drawn
 * (the longest bar per pixel row, as Sysprof keeps the tallest column
 * per pixel), one division when the pointer asks which bar it is over,
 * and the same rectangles as before for the few bars drawn one by one
 * and for SVG.
 */

/* The pointer counts for a bar this far above and below it. */
#define HOVER_SLACK 4.0f

static float
bar_top (const ReportsChartBars *bars,
         guint                   index)
{
  return bars->plot_y + bars->pitch * index + (bars->pitch - bars->bar_height) / 2;
}

void
reports_chart_bars_get_rect (const ReportsChartBars *bars,
                             guint                   index,
                             ReportsChartBarRect    *rect)
{
  double value = MAX (g_array_index (bars->values, double, index), 0);

  rect->x = bars->plot_x;
  rect->y = bar_top (bars, index);
  rect->width = (float) (value / bars->max) * bars->plot_width;
  rect->height = bars->bar_height;
}

/* Whether @y is above the end of bar @index's slack: the bars after it
 * are lower. */
static gboolean
above_end (const ReportsChartBars *bars,
           guint                   index,
           double                  y)
{
  return y < bar_top (bars, index) + bars->bar_height + HOVER_SLACK;
}

/**
 * reports_chart_bars_index_at:
 *
 * Returns: the first bar whose row, with a few pixels of slack above and
 *   below, holds @y; -1 for none
 */
int
reports_chart_bars_index_at (const ReportsChartBars *bars,
                             double                  y)
{
  guint n = bars->values->len;
  double guess;
  guint i;

  if (n == 0 || bars->pitch <= 0)
    return -1;

  /* The first bar that ends below y: a guess, then exact steps. */
  guess = floor ((y - HOVER_SLACK - bars->bar_height - bars->plot_y - (bars->pitch - bars->bar_height) / 2) /
                 bars->pitch);
  i = (guint) CLAMP (guess, 0, (double) n);
  while (i > 0 && above_end (bars, i - 1, y))
    i--;
  while (i < n && !above_end (bars, i, y))
    i++;

  if (i == n || y < bar_top (bars, i) - HOVER_SLACK)
    return -1;
  return (int) i;
}

/**
 * reports_chart_bars_per_row:
 * @n_bars: the first bars to take (the others, if any, are drawn apart)
 * @n_rows: the pixel rows from 0
 *
 * Returns: (transfer full): per pixel row, the width of the longest of
 *   the first @n_bars bars that covers it (a bar covers the rows from its
 *   rounded top to its rounded bottom, at least one), 0 for none
 */
float *
reports_chart_bars_per_row (const ReportsChartBars *bars,
                            guint                   n_bars,
                            guint                   n_rows)
{
  float *longest = g_new0 (float, MAX (n_rows, 1));

  n_bars = MIN (n_bars, bars->values->len);
  for (guint i = 0; i < n_bars; i++)
    {
      ReportsChartBarRect r;
      int first, last;

      reports_chart_bars_get_rect (bars, i, &r);
      first = (int) roundf (r.y);
      last = MAX ((int) roundf (r.y + r.height), first + 1);
      for (int y = MAX (first, 0); y < last && y < (int) n_rows; y++)
        longest[y] = MAX (longest[y], r.width);
    }
  return longest;
}

/**
 * reports_chart_fit_span:
 *
 * Returns: where a text of @length from @start goes to lie within
 *   [@min, @max]: @start when it does, moved in when it does not, @min
 *   when it is longer than the room
 */
float
reports_chart_fit_span (float start,
                        float length,
                        float min,
                        float max)
{
  if (start + length > max)
    start = max - length;
  if (start < min)
    start = min;
  return start;
}
