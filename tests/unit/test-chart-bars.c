/* test-chart-bars.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-chart-bars.h"

/*
 * A bar chart's bars worked out from its values (reports-chart-bars.c):
 * the rectangle of a bar, the longest bar per pixel row that the chart
 * draws when bars are thinner than a pixel, and the bar under the
 * pointer, found by arithmetic and the same as a scan of every bar.
 */

static ReportsChartBars
make_bars (const double *values,
           guint         n,
           double        max,
           float         plot_y,
           float         pitch,
           float         bar_height)
{
  ReportsChartBars bars = { 0 };

  bars.values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (bars.values, values, n);
  bars.max = max;
  bars.plot_x = 100;
  bars.plot_y = plot_y;
  bars.plot_width = 40;
  bars.pitch = pitch;
  bars.bar_height = bar_height;
  return bars;
}

static void
test_rect (void)
{
  static const double values[] = { 10, 5, -2 };
  ReportsChartBars bars = make_bars (values, G_N_ELEMENTS (values), 10, 30, 28, 20.16f);
  ReportsChartBarRect r;

  reports_chart_bars_get_rect (&bars, 0, &r);
  g_assert_cmpfloat (r.x, ==, 100);
  g_assert_cmpfloat_with_epsilon (r.y, 30 + (28 - 20.16) / 2, 1e-4);
  g_assert_cmpfloat (r.width, ==, 40);
  g_assert_cmpfloat_with_epsilon (r.height, 20.16, 1e-4);

  reports_chart_bars_get_rect (&bars, 1, &r);
  g_assert_cmpfloat_with_epsilon (r.y, 30 + 28 + (28 - 20.16) / 2, 1e-4);
  g_assert_cmpfloat (r.width, ==, 20);

  /* Below zero: no length. */
  reports_chart_bars_get_rect (&bars, 2, &r);
  g_assert_cmpfloat (r.width, ==, 0);
  g_array_unref (bars.values);
}

/* Half a pixel a bar, bars a pixel high: each pixel row holds two bars,
 * and shows the longer. */
static void
test_per_row_thin (void)
{
  static const double values[] = { 10, 5, 0, -2, 7.5 };
  static const float expected[] = { 0, 0, 40, 0, 30, 0 };
  ReportsChartBars bars = make_bars (values, G_N_ELEMENTS (values), 10, 2, 0.5f, 1);
  g_autofree float *rows = reports_chart_bars_per_row (&bars, G_N_ELEMENTS (values), G_N_ELEMENTS (expected));

  /* Bar 0: 1.75–2.75, rounded 2–3; bar 1: 2.25–3.25, also row 2 (the
   * longer wins); bars 2 and 3 in row 3 are empty; bar 4: 3.75–4.75. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat (rows[i], ==, expected[i]);
  g_array_unref (bars.values);
}

/* Three pixels a bar: each bar covers its rows, between them a gap. */
static void
test_per_row_thick (void)
{
  static const double values[] = { 8, 4, 2 };
  static const float expected[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 40, 40, 20, 20, 20, 10 };
  ReportsChartBars bars = make_bars (values, G_N_ELEMENTS (values), 8, 10, 3, 2.16f);
  g_autofree float *rows = NULL;

  /* Bar 0: 10.42–12.58, rows 10–12; bar 1: 13.42–15.58, rows 13–15;
   * bar 2 starts in row 16, the last asked for. */
  rows = reports_chart_bars_per_row (&bars, G_N_ELEMENTS (values), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat (rows[i], ==, expected[i]);
  g_clear_pointer (&rows, g_free);

  /* The last bar left out (drawn apart: "Others"). */
  rows = reports_chart_bars_per_row (&bars, 2, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (rows[15], ==, 20);
  g_assert_cmpfloat (rows[16], ==, 0);
  g_array_unref (bars.values);
}

/* The bar under the pointer: the first whose row, 4 pixels of slack
 * above and below, holds y, as a scan of every bar finds it. */
static int
scan_index_at (const ReportsChartBars *bars,
               double                  y)
{
  for (guint i = 0; i < bars->values->len; i++)
    {
      ReportsChartBarRect r;

      reports_chart_bars_get_rect (bars, i, &r);
      if (y >= r.y - 4 && y < r.y + r.height + 4)
        return (int) i;
    }
  return -1;
}

static void
check_index_at (guint n,
                float plot_y,
                float pitch,
                float bar_height)
{
  g_autofree double *values = g_new (double, n);
  ReportsChartBars bars;
  guint checked = 0;

  for (guint i = 0; i < n; i++)
    values[i] = (double) ((n - i) * 37 % 1000);
  bars = make_bars (values, n, 1000, plot_y, pitch, bar_height);

  for (double y = -10; y < plot_y + pitch * n + 10; y += 0.0625, checked++)
    {
      int expected = scan_index_at (&bars, y);

      if (reports_chart_bars_index_at (&bars, y) != expected)
        g_error ("y %.4f: bar %d, a scan finds %d", y, reports_chart_bars_index_at (&bars, y), expected);
    }
  g_assert_cmpuint (checked, >, 100);
  g_array_unref (bars.values);
}

static void
test_index_at (void)
{
  /* 10,000 bars in 680 pixels; 12 bars of 28 pixels; one bar. */
  check_index_at (10000, 32, 0.0656f, 1);
  check_index_at (12, 32, 28, 20.16f);
  check_index_at (1, 32, 28, 20.16f);

  {
    static const double values[] = { 1, 2 };
    ReportsChartBars bars = make_bars (values, 2, 2, 32, 28, 20.16f);

    /* Bar 0 is 35.92–56.08 and counts from 31.92 to 60.08, bar 1 from
     * 59.92 to 88.08: above the first, in both (the first wins), in
     * the second alone, below the last. */
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 31), ==, -1);
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 32), ==, 0);
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 60), ==, 0);
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 68), ==, 1);
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 88), ==, 1);
    g_assert_cmpint (reports_chart_bars_index_at (&bars, 89), ==, -1);
    g_array_unref (bars.values);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-bars/rect", test_rect);
  g_test_add_func ("/chart-bars/per-row/thin", test_per_row_thin);
  g_test_add_func ("/chart-bars/per-row/thick", test_per_row_thick);
  g_test_add_func ("/chart-bars/index-at", test_index_at);

  return g_test_run ();
}
