/* reports-chart-layout.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "reports-chart-private.h"

/*
 * Where a chart's lines, bars, points and texts go for a size
 * (ChartGeometry), from its data and the width of its texts, which the
 * caller measures (the widget with its font; a test with its own rule):
 * no widget here, so that the geometry can be checked at any size.
 *
 * Every text lies inside the chart: the plot leaves room for half the
 * first and the last tick's text (centred on their ticks), and when the
 * chart is too small for that, a text is moved in rather than cut off at
 * an edge.
 */

#define PAD          CHART_PAD
#define ROW_HEIGHT   CHART_ROW_HEIGHT
#define MANY_BARS    CHART_MANY_BARS
#define BAR_FILL     0.72f
#define MAX_LABEL    0.38f

typedef struct
{
  ChartGeometry      *g;
  ReportsChartMeasure measure;
  gpointer            user_data;
} Layout;

void
_reports_chart_geometry_free (ChartGeometry *geometry)
{
  if (geometry == NULL)
    return;

  for (guint i = 0; i < geometry->texts->len; i++)
    g_free (g_array_index (geometry->texts, ChartText, i).text);
  g_array_unref (geometry->texts);
  g_clear_pointer (&geometry->bars.values, g_array_unref);
  g_array_unref (geometry->bands);
  g_array_unref (geometry->points);
  g_array_unref (geometry->grid);
  g_array_unref (geometry->axes);
  g_free (geometry);
}

static float
text_width (Layout     *l,
            const char *text)
{
  return l->measure (text, l->user_data);
}

/* The room left of a text aligned at its end at @x: what it is shortened
 * to fit (and what draw_texts () in reports-chart.c gives Pango). */
static float
end_room (float x)
{
  return MAX ((float) (int) (x - PAD), 0);
}

/**
 * _reports_chart_shorten_text:
 * @text: a text of the chart
 * @room: the width it may take, in pixels
 *
 * The one rule by which the chart shortens a text too wide for its room,
 * on screen, in PNG and in SVG: its longest beginning, whole characters,
 * that fits with "…" after it (trailing spaces dropped), or "…" alone.
 *
 * Returns: (transfer full): @text itself when it fits, else the
 *   shortened text
 */
char *
_reports_chart_shorten_text (const char          *text,
                             float                room,
                             ReportsChartMeasure  measure,
                             gpointer             user_data)
{
  glong low = 0, high;

  g_return_val_if_fail (text != NULL, NULL);

  if (measure (text, user_data) <= room)
    return g_strdup (text);

  /* The most characters that fit: between low (fits, or none) and high
   * (the whole text, which does not). */
  high = g_utf8_strlen (text, -1);
  while (high - low > 1)
    {
      glong mid = (low + high) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);
      g_autofree char *candidate = g_strdup_printf ("%.*s…", (int) (end - text), text);

      if (measure (candidate, user_data) <= room)
        low = mid;
      else
        high = mid;
    }

  {
    const char *end = g_utf8_offset_to_pointer (text, low);

    while (end > text && g_ascii_isspace (end[-1]))
      end--;
    return g_strdup_printf ("%.*s…", (int) (end - text), text);
  }
}

/* The width a text takes when drawn: one aligned at its end is
 * shortened to the room left of it (_reports_chart_shorten_text ()). */
float
_reports_chart_text_drawn_width (const ChartText *t,
                                 float            width)
{
  if (t->align == CHART_ALIGN_END)
    return MIN (width, end_room (t->x));
  return width;
}

/* @x and @y as the text's anchor (@align) and the middle of its line;
 * moved in so that the whole text is inside the chart. */
static void
add_text (Layout     *l,
          float       x,
          float       y,
          char       *text,
          ChartAlign  align,
          gboolean    dim)
{
  ChartGeometry *g = l->g;
  ChartText t = { x, y, text, align, dim };

  /* One aligned at its end is shortened to the room left of it: it only
   * has to end inside. */
  if (align == CHART_ALIGN_END)
    {
      t.x = MIN (x, g->width);
      t.text = _reports_chart_shorten_text (text, end_room (t.x), l->measure, l->user_data);
      g_free (text);
    }
  else
    {
      float share = align == CHART_ALIGN_START ? 0 : 0.5f;
      float width = text_width (l, text);

      t.x = reports_chart_fit_span (x - width * share, width, 0, g->width) + width * share;
    }
  t.y = reports_chart_fit_span (y - g->font_px / 2, g->font_px, 0, g->height) + g->font_px / 2;
  g_array_append_val (g->texts, t);
}

static void
add_line (GArray *lines,
          float   x1,
          float   y1,
          float   x2,
          float   y2)
{
  ChartLine l = { x1, y1, x2, y2 };

  g_array_append_val (lines, l);
}

/* A step of 1, 2, 2.5 or 5 × 10ⁿ (for durations: seconds, minutes, hours)
 * that gives about @n ticks up to @max. */
static double
nice_step (double          max,
           guint           n,
           YeastarCellKind kind)
{
  static const double time_steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
                                       7200, 10800, 21600, 43200, 86400 };
  double raw = max / n;
  double magnitude, fraction;

  if (raw <= 0)
    return 1;
  if (kind == YEASTAR_CELL_KIND_DURATION)
    for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
      if (time_steps[i] >= raw)
        return time_steps[i];

  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (kind == YEASTAR_CELL_KIND_DURATION)
    magnitude = MAX (magnitude, 3600);
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude;
}

static void
value_range (const ReportsChartData *data,
             double                 *max,
             double                 *step)
{
  double top = 0;

  for (guint i = 0; i < data->values->len; i++)
    top = MAX (top, g_array_index (data->values, double, i));
  *step = nice_step (top > 0 ? top : 1, 5, data->kind);
  *max = MAX (ceil ((top > 0 ? top : 1) / *step) * *step, *step);
}

/* The width of the text of the value axis's tick at @value. */
static float
tick_width (Layout          *l,
            YeastarCellKind  kind,
            double           value)
{
  g_autofree char *text = reports_chart_format_value (kind, value);

  return text_width (l, text);
}

static void
layout_bars (Layout                 *l,
             const ReportsChartData *data)
{
  ChartGeometry *g = l->g;
  guint n = data->values->len;
  double max, step;
  float label_width = 0, value_width = 0, first_tick, last_tick, row;
  gboolean labelled;

  value_range (data, &max, &step);
  g->plot_y = PAD + g->font_px + 8;
  g->plot_height = MAX (g->height - g->plot_y - PAD, 1);
  row = MIN (ROW_HEIGHT, g->plot_height / MAX (n, 1));
  /* Too many bars for a line of text each: no labels (the tooltips and
   * the accessible description still name them). */
  labelled = row >= g->font_px;

  for (guint i = 0; labelled && i < n; i++)
    {
      g_autofree char *value = reports_chart_format_value (data->kind, g_array_index (data->values, double, i));

      label_width = MAX (label_width, text_width (l, data->labels->pdata[i]));
      value_width = MAX (value_width, text_width (l, value));
    }
  label_width = MIN (label_width + PAD, g->width * MAX_LABEL);

  /* The ticks' texts are centred on them, above the plot: half the
   * first one left of it, half the last one right of it. */
  first_tick = tick_width (l, data->kind, 0);
  last_tick = tick_width (l, data->kind, max);
  g->plot_x = PAD + MAX (label_width, first_tick / 2);
  g->plot_width = MAX (g->width - g->plot_x - MAX (value_width + PAD, last_tick / 2) - PAD, 40);

  for (double v = 0; v <= max + step / 2; v += step)
    {
      float x = g->plot_x + (float) (v / max) * g->plot_width;

      add_line (g->grid, x, g->plot_y, x, g->plot_y + row * n);
      add_text (l, x, PAD + g->font_px / 2, reports_chart_format_value (data->kind, v), CHART_ALIGN_CENTER, TRUE);
    }
  add_line (g->axes, g->plot_x, g->plot_y, g->plot_x, g->plot_y + row * n);

  /* The bars themselves are worked out from the values when drawn. */
  g->bars.values = g_array_ref (data->values);
  g->bars.max = max;
  g->bars.plot_x = g->plot_x;
  g->bars.plot_y = g->plot_y;
  g->bars.plot_width = g->plot_width;
  g->bars.pitch = row;
  g->bars.bar_height = MAX (row * BAR_FILL, 1);

  for (guint i = 0; labelled && i < n; i++)
    {
      float middle = g->plot_y + row * i + row / 2;
      ReportsChartBarRect bar;

      reports_chart_bars_get_rect (&g->bars, i, &bar);
      add_text (l, g->plot_x - 8, middle, g_strdup (data->labels->pdata[i]), CHART_ALIGN_END, FALSE);
      add_text (l, bar.x + bar.width + 6, middle,
                reports_chart_format_value (data->kind, g_array_index (data->values, double, i)),
                CHART_ALIGN_START, TRUE);
    }
}

static void
layout_line (Layout                 *l,
             const ReportsChartData *data)
{
  ChartGeometry *g = l->g;
  guint n = data->values->len;
  double max, step;
  float value_width = 0, label_width = 0, first_label, dx;
  guint every;

  value_range (data, &max, &step);
  for (double v = 0; v <= max + step / 2; v += step)
    value_width = MAX (value_width, tick_width (l, data->kind, v));
  for (guint i = 0; i < MIN (n, MANY_BARS); i++)
    label_width = MAX (label_width, text_width (l, data->labels->pdata[i]));

  /* The first point's text is centred under it: half of it left of the
   * plot, which may be more than the value axis's texts take. */
  first_label = text_width (l, data->labels->pdata[0]);
  g->plot_x = PAD + MAX (value_width + 8, first_label / 2);
  g->plot_y = PAD + g->font_px / 2;
  g->plot_width = MAX (g->width - g->plot_x - PAD - label_width / 2, 40);
  g->plot_height = MAX (g->height - g->plot_y - PAD - g->font_px - 8, 40);
  dx = n > 1 ? g->plot_width / (n - 1) : 0;
  every = (guint) ceil ((label_width + 12) / MAX (dx, 0.001f));
  every = MAX (every, 1);

  for (double v = 0; v <= max + step / 2; v += step)
    {
      float y = g->plot_y + g->plot_height - (float) (v / max) * g->plot_height;

      add_line (g->grid, g->plot_x, y, g->plot_x + g->plot_width, y);
      add_text (l, g->plot_x - 8, y, reports_chart_format_value (data->kind, v), CHART_ALIGN_END, TRUE);
    }
  add_line (g->axes, g->plot_x, g->plot_y + g->plot_height, g->plot_x + g->plot_width, g->plot_y + g->plot_height);

  for (guint i = 0; i < n; i++)
    {
      double value = MAX (g_array_index (data->values, double, i), 0);
      graphene_point_t p;
      ChartRect band;

      p.x = n > 1 ? g->plot_x + dx * i : g->plot_x + g->plot_width / 2;
      p.y = g->plot_y + g->plot_height - (float) (value / max) * g->plot_height;
      g_array_append_val (g->points, p);

      band.x = p.x - MAX (dx, 1) / 2;
      band.y = g->plot_y;
      band.width = MAX (dx, 1);
      band.height = g->plot_height;
      band.index = i;
      g_array_append_val (g->bands, band);

      if (i % every == 0)
        add_text (l, p.x, g->plot_y + g->plot_height + 8 + g->font_px / 2, g_strdup (data->labels->pdata[i]),
                  CHART_ALIGN_CENTER, TRUE);
    }
}

/* The geometry of @data (or of nothing, for NULL) at @width × @height,
 * with texts @font_px high and as wide as @measure says. */
ChartGeometry *
_reports_chart_layout_compute (const ReportsChartData *data,
                               float                   width,
                               float                   height,
                               float                   font_px,
                               ReportsChartMeasure     measure,
                               gpointer                user_data)
{
  ChartGeometry *g = g_new0 (ChartGeometry, 1);
  Layout l = { g, measure, user_data };

  g->width = width;
  g->height = height;
  g->font_px = font_px;
  g->bands = g_array_new (FALSE, FALSE, sizeof (ChartRect));
  g->points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g->grid = g_array_new (FALSE, FALSE, sizeof (ChartLine));
  g->axes = g_array_new (FALSE, FALSE, sizeof (ChartLine));
  g->texts = g_array_new (FALSE, FALSE, sizeof (ChartText));

  if (data == NULL || data->values->len == 0)
    return g;

  g->line = data->line;
  if (g->line)
    layout_line (&l, data);
  else
    layout_bars (&l, data);

  return g;
}
