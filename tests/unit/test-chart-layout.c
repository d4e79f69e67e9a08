/* test-chart-layout.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-chart-private.h"

/*
 * A chart's geometry (reports-chart-layout.c) at many sizes, narrow ones
 * too, with texts as wide as a rule says (7 pixels a character, 17 high):
 * every text, the value axis's ticks first, lies inside the chart, and
 * at an ordinary size the first tick's and the first point's texts are
 * still centred on them (the plot leaves them room; they are not moved).
 */

#define FONT_PX 17.0f

static float
measure (const char *text,
         gpointer    user_data)
{
  return 7.0f * (float) g_utf8_strlen (text, -1);
}

static ReportsChartData *
new_data (YeastarCellKind kind,
          gboolean        line,
          guint           n,
          const char     *prefix,
          double          scale)
{
  ReportsChartData *data = reports_chart_data_new ("Chart", kind, line);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s%02u", prefix, i + 1);

      data->kind = kind;
      reports_chart_data_add (data, label, scale * (double) ((i * 7919) % (n + 3) + 1));
    }
  return data;
}

/* Every text of @data's geometry at @width × @height is inside it. */
static void
assert_inside (const ReportsChartData *data,
               float                   width,
               float                   height)
{
  g_autoptr(ChartGeometry) g = _reports_chart_layout_compute (data, width, height, FONT_PX, measure, NULL);

  for (guint i = 0; i < g->texts->len; i++)
    {
      const ChartText *t = &g_array_index (g->texts, ChartText, i);
      float w = _reports_chart_text_drawn_width (t, measure (t->text, NULL));
      float left = t->align == CHART_ALIGN_START ? t->x : t->align == CHART_ALIGN_END ? t->x - w : t->x - w / 2;

      /* A text wider than the chart cannot fit: it starts at the edge. */
      if (w > width)
        {
          g_assert_cmpfloat (left, ==, 0);
          continue;
        }
      if (left < -0.01f || left + w > width + 0.01f ||
          t->y - FONT_PX / 2 < -0.01f || t->y + FONT_PX / 2 > height + 0.01f)
        g_error ("“%s” at %.1f–%.1f × %.1f in a %.0f × %.0f chart (%s)",
                 t->text, left, left + w, t->y, width, height, data->line ? "line" : "bars");
    }
}

static void
assert_inside_at_sizes (const ReportsChartData *data)
{
  for (float width = 40; width <= 1400; width += 13)
    for (float height = 60; height <= 900; height += 120)
      assert_inside (data, width, height);
}

/* A few bars with labels; many bars without (too thin for a text);
 * durations, whose ticks' texts are the widest ("0:00:00"). */
static void
test_bars_inside (void)
{
  ReportsChartData *data[] = {
    new_data (YEASTAR_CELL_KIND_INTEGER, FALSE, 5, "Alice Martin, 10", 10),
    new_data (YEASTAR_CELL_KIND_INTEGER, FALSE, 600, "", 1000),
    new_data (YEASTAR_CELL_KIND_DURATION, FALSE, 8, "", 3000),
    new_data (YEASTAR_CELL_KIND_DURATION, FALSE, 900, "", 40000),
    new_data (YEASTAR_CELL_KIND_PERCENTAGE, FALSE, 3, "Queue ", 30),
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      assert_inside_at_sizes (data[i]);
      reports_chart_data_free (data[i]);
    }
}

/* Days of a month and hours of a day, their dates under the points. */
static void
test_line_inside (void)
{
  ReportsChartData *data[] = {
    new_data (YEASTAR_CELL_KIND_INTEGER, TRUE, 30, "2026-11-", 3),
    new_data (YEASTAR_CELL_KIND_DURATION, TRUE, 24, "2026-11-03 ", 600),
    new_data (YEASTAR_CELL_KIND_INTEGER, TRUE, 1, "2026-11-", 1),
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      assert_inside_at_sizes (data[i]);
      reports_chart_data_free (data[i]);
    }
}

static const ChartText *
find_text (const ChartGeometry *g,
           const char          *text)
{
  for (guint i = 0; i < g->texts->len; i++)
    if (strcmp (g_array_index (g->texts, ChartText, i).text, text) == 0)
      return &g_array_index (g->texts, ChartText, i);
  return NULL;
}

/* At 800 × 500 nothing needs moving: the value axis's first tick text is
 * centred on the tick (the plot's start), the first day's under its
 * point. */
static void
test_room_left (void)
{
  g_autoptr(ReportsChartData) bars = new_data (YEASTAR_CELL_KIND_DURATION, FALSE, 600, "", 40000);
  g_autoptr(ReportsChartData) line = new_data (YEASTAR_CELL_KIND_INTEGER, TRUE, 30, "2026-11-", 3);
  g_autoptr(ChartGeometry) g = _reports_chart_layout_compute (bars, 800, 500, FONT_PX, measure, NULL);
  g_autoptr(ChartGeometry) h = _reports_chart_layout_compute (line, 800, 500, FONT_PX, measure, NULL);
  const ChartText *t;

  t = find_text (g, "0:00:00");
  g_assert_nonnull (t);
  g_assert_cmpint (t->align, ==, CHART_ALIGN_CENTER);
  g_assert_cmpfloat (t->x, ==, g->plot_x);
  g_assert_cmpfloat (t->x - measure ("0:00:00", NULL) / 2, >=, CHART_PAD);

  t = find_text (h, "2026-11-01");
  g_assert_nonnull (t);
  g_assert_cmpfloat (t->x, ==, h->plot_x);
  g_assert_cmpfloat (t->x - measure ("2026-11-01", NULL) / 2, >=, CHART_PAD);
}

/* The rule the layout applies to a text that would stick out. */
static void
test_fit_span (void)
{
  g_assert_cmpfloat (reports_chart_fit_span (10, 20, 0, 100), ==, 10);
  g_assert_cmpfloat (reports_chart_fit_span (-5, 20, 0, 100), ==, 0);
  g_assert_cmpfloat (reports_chart_fit_span (90, 20, 0, 100), ==, 80);
  /* Wider than the room: from its start. */
  g_assert_cmpfloat (reports_chart_fit_span (-5, 120, 0, 100), ==, 0);
  g_assert_cmpfloat (reports_chart_fit_span (30, 120, 0, 100), ==, 0);
}

/* A label too long for the room left of the bars is shortened by the
 * screen's rule (_reports_chart_shorten_text ()), and the SVG export
 * writes it so shortened, as the screen shows it, not whole. */
static void
test_long_label_svg (void)
{
  static const char long_label[] = "1001 Alexandra Konstantinopoulou-Vandenberghe, Customer Service "
                                   "Escalations and Returns (Night Shift)";
  g_autoptr(ReportsChartData) data = reports_chart_data_new ("Total Calls", YEASTAR_CELL_KIND_INTEGER, FALSE);
  g_autoptr(ChartGeometry) g = NULL;
  ChartPalette palette = { 0, };
  g_autofree char *svg = NULL;
  g_autofree char *element = NULL;
  const ChartText *shown = NULL;
  const ChartText *short_one = NULL;

  reports_chart_data_add (data, long_label, 12);
  reports_chart_data_add (data, "1002 Bo", 7);
  g = _reports_chart_layout_compute (data, 600, 300, FONT_PX, measure, NULL);

  for (guint i = 0; i < g->texts->len; i++)
    {
      const ChartText *t = &g_array_index (g->texts, ChartText, i);

      if (t->align == CHART_ALIGN_END && !t->dim && g_str_has_prefix (t->text, "1001 "))
        shown = t;
      else if (t->align == CHART_ALIGN_END && !t->dim && g_str_equal (t->text, "1002 Bo"))
        short_one = t;
    }

  g_assert_nonnull (shown);
  g_assert_nonnull (short_one);
  g_assert_true (g_str_has_suffix (shown->text, "…"));
  g_assert_cmpuint (strlen (shown->text), <, strlen (long_label));
  g_assert_true (strncmp (shown->text, long_label, strlen (shown->text) - strlen ("…")) == 0);
  g_assert_cmpfloat (measure (shown->text, NULL), <=, shown->x - CHART_PAD);

  svg = _reports_chart_svg_text (g, &palette, data);
  element = g_strdup_printf (">%s</text>", shown->text);
  g_assert_nonnull (strstr (svg, element));
  /* (The description, <desc>, names the whole label: it is not drawn.) */
  g_clear_pointer (&element, g_free);
  element = g_strdup_printf (">%s</text>", long_label);
  g_assert_null (strstr (svg, element));
  g_assert_nonnull (strstr (svg, ">1002 Bo</text>"));
}

/* The rule itself: whole characters, no trailing space before "…", the
 * text itself when it fits, "…" alone when nothing else does. */
static void
test_shorten_text (void)
{
  g_autofree char *fits = _reports_chart_shorten_text ("Queue 1", 49, measure, NULL);
  g_autofree char *cut = _reports_chart_shorten_text ("Queue Überlauf", 56, measure, NULL);
  g_autofree char *space = _reports_chart_shorten_text ("Ab cdefgh", 28, measure, NULL);
  g_autofree char *none = _reports_chart_shorten_text ("Queue", 3, measure, NULL);

  g_assert_cmpstr (fits, ==, "Queue 1");
  g_assert_cmpstr (cut, ==, "Queue Ü…");
  g_assert_cmpstr (space, ==, "Ab…");
  g_assert_cmpstr (none, ==, "…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewer/chart-layout/fit-span", test_fit_span);
  g_test_add_func ("/viewer/chart-layout/bars-inside", test_bars_inside);
  g_test_add_func ("/viewer/chart-layout/line-inside", test_line_inside);
  g_test_add_func ("/viewer/chart-layout/room-left", test_room_left);
  g_test_add_func ("/viewer/chart-layout/shorten-text", test_shorten_text);
  g_test_add_func ("/viewer/chart-layout/long-label-svg", test_long_label_svg);

  return g_test_run ();
}
