/* test-chart-size.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "reports-chart.h"

/*
 * ReportsChart's size request, in a display (build-aux/ci-session.sh):
 * its natural size is never below its minimum, whatever the number of
 * bars. A report of a few queues (three bars) asked for less height than
 * its minimum, and GTK warned of it ("natural size must be >= min size")
 * each time the Chart tab was laid out.
 */

static ReportsChartData *
make_data (guint    n,
           gboolean line)
{
  ReportsChartData *data = reports_chart_data_new ("Total Calls", YEASTAR_CELL_KIND_INTEGER, line);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Queue %u", i + 1);

      reports_chart_data_add (data, label, 10.0 * (n - i));
    }
  return data;
}

static void
assert_natural_at_least_minimum (GtkWidget  *chart,
                                 const char *what)
{
  for (int o = GTK_ORIENTATION_HORIZONTAL; o <= GTK_ORIENTATION_VERTICAL; o++)
    {
      int minimum = -1, natural = -1;

      gtk_widget_measure (chart, o, -1, &minimum, &natural, NULL, NULL);
      g_test_message ("%s, %s: minimum %d, natural %d", what,
                      o == GTK_ORIENTATION_HORIZONTAL ? "width" : "height", minimum, natural);
      g_assert_cmpint (minimum, >, 0);
      g_assert_cmpint (natural, >=, minimum);
    }
}

static void
test_natural_not_below_minimum (void)
{
  GtkWidget *chart = g_object_ref_sink (reports_chart_new ());

  assert_natural_at_least_minimum (chart, "no data");
  for (guint n = 1; n <= 45; n++)
    {
      g_autofree char *what = g_strdup_printf ("%u bars", n);

      reports_chart_set_data (REPORTS_CHART (chart), make_data (n, FALSE));
      assert_natural_at_least_minimum (chart, what);
    }
  reports_chart_set_data (REPORTS_CHART (chart), make_data (3, TRUE));
  assert_natural_at_least_minimum (chart, "a line of 3 points");
  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/chart-size/natural-not-below-minimum", test_natural_not_below_minimum);

  return g_test_run ();
}
