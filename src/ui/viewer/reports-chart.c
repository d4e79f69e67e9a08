/* reports-chart.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reports-chart-private.h"

/*
 * A chart of a report, drawn with GtkSnapshot, in layers over one
 * geometry (_reports_chart_layout()), as Sysprof draws its charts:
 *
 * 1. the grid: a line per tick of the value axis;
 * 2. the data: bars (horizontal, labels to their left, largest on top),
 *    or a line with the area under it for rows that are days or hours;
 * 3. the axes and the text: tick values, labels, each bar's value.
 *
 * The pointer's bar or point is highlighted and named in a tooltip. The
 * colours follow libadwaita's light or dark style. For screen readers
 * the chart is an image whose description lists every label and value.
 *
 * The layers are recorded once into a render node, kept until the data,
 * the size, the style (light or dark) or the font change; a frame
 * appends that node and the pointer's highlight over it. Thousands of
 * bars fill the height with less than a pixel each: they are drawn a
 * colour node per pixel row (the longest bar of the row, as Sysprof's
 * column layer keeps the tallest column per pixel), not a node per bar.
 * No rectangle is kept per bar: reports-chart-bars.c works the bars out
 * from the values (the rows for drawing, the bar under the pointer by
 * its position, a bar's rectangle for the highlight and SVG).
 */

#define PAD          CHART_PAD
#define ROW_HEIGHT   CHART_ROW_HEIGHT
#define MANY_BARS    CHART_MANY_BARS
#define MANY_POINTS  100

struct _ReportsChart
{
  GtkWidget         parent_instance;

  ReportsChartData *data;
  gboolean          dark;
  int               hover;
  ChartGeometry    *geometry;     /* for the current size, or NULL */
  GskRenderNode    *node;         /* the layers of geometry, or NULL */
  guint             font_serial;  /* the pango context's, for both */
};

G_DEFINE_FINAL_TYPE (ReportsChart, reports_chart, GTK_TYPE_WIDGET)

static const ChartPalette light_palette = {
  .bar = { 0.208f, 0.518f, 0.894f, 1.0f },        /* #3584e4 */
  .bar_hover = { 0.110f, 0.443f, 0.847f, 1.0f },  /* #1c71d8 */
  .others = { 0.604f, 0.600f, 0.588f, 1.0f },     /* #9a9996 */
  .fill = { 0.208f, 0.518f, 0.894f, 0.18f },
  .grid = { 0.0f, 0.0f, 0.0f, 0.10f },
  .axis = { 0.0f, 0.0f, 0.0f, 0.45f },
  .text = { 0.0f, 0.0f, 0.0f, 0.80f },
  .dim = { 0.0f, 0.0f, 0.0f, 0.55f },
  .background = { 0.980f, 0.980f, 0.980f, 1.0f }, /* #fafafa */
};

static const ChartPalette dark_palette = {
  .bar = { 0.471f, 0.682f, 0.929f, 1.0f },        /* #78aeed */
  .bar_hover = { 0.600f, 0.757f, 0.945f, 1.0f },  /* #99c1f1 */
  .others = { 0.467f, 0.463f, 0.482f, 1.0f },     /* #77767b */
  .fill = { 0.471f, 0.682f, 0.929f, 0.22f },
  .grid = { 1.0f, 1.0f, 1.0f, 0.10f },
  .axis = { 1.0f, 1.0f, 1.0f, 0.45f },
  .text = { 1.0f, 1.0f, 1.0f, 0.90f },
  .dim = { 1.0f, 1.0f, 1.0f, 0.55f },
  .background = { 0.141f, 0.141f, 0.141f, 1.0f }, /* #242424 */
};

const ChartPalette *
_reports_chart_get_palette (ReportsChart *self)
{
  return self->dark ? &dark_palette : &light_palette;
}

int
_reports_chart_get_hover (ReportsChart *self)
{
  return self->hover;
}

/* The widget's text sizes, for the layout. */
static float
measure_text (const char *text,
              gpointer    user_data)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (user_data), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return (float) width;
}

ChartGeometry *
_reports_chart_layout (ReportsChart *self,
                       float         width,
                       float         height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0");
  int text_height;

  pango_layout_get_pixel_size (layout, NULL, &text_height);
  return _reports_chart_layout_compute (self->data, width, height, (float) text_height, measure_text, self);
}

static void
draw_lines (GtkSnapshot   *snapshot,
            GArray        *lines,
            const GdkRGBA *color)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const ChartLine *l = &g_array_index (lines, ChartLine, i);
      graphene_rect_t r;

      if (l->x1 == l->x2)
        graphene_rect_init (&r, floorf (l->x1), l->y1, 1, l->y2 - l->y1);
      else
        graphene_rect_init (&r, l->x1, floorf (l->y1), l->x2 - l->x1, 1);
      gtk_snapshot_append_color (snapshot, color, &r);
    }
}

/* Per pixel row, the longest bar that covers it, in runs of rows of
 * the same length: at most a colour node per row of the plot. */
static void
draw_many_bars (GtkSnapshot         *snapshot,
                const ChartGeometry *g,
                guint                n_bars,
                const GdkRGBA       *color)
{
  guint n_rows = (guint) ceilf (g->height) + 1;
  g_autofree float *longest = reports_chart_bars_per_row (&g->bars, n_bars, n_rows);
  guint row = 0;

  while (row < n_rows)
    {
      guint end = row + 1;

      while (end < n_rows && longest[end] == longest[row])
        end++;
      if (longest[row] > 0)
        gtk_snapshot_append_color (snapshot, color,
                                   &GRAPHENE_RECT_INIT (g->plot_x, row, MAX (longest[row], 1), end - row));
      row = end;
    }
}

static void
append_dot (GtkSnapshot            *snapshot,
            const graphene_point_t *p,
            float                   radius,
            const GdkRGBA          *color)
{
  GskRoundedRect dot;

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (p->x - radius, p->y - radius, 2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, color, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
append_bar (GtkSnapshot            *snapshot,
            const ChartGeometry    *g,
            guint                   index,
            const GdkRGBA          *color)
{
  ReportsChartBarRect bar;
  const ReportsChartBarRect *b = &bar;
  GskRoundedRect rounded;
  graphene_rect_t r;
  float radius;

  reports_chart_bars_get_rect (&g->bars, index, &bar);
  radius = MIN (3.0f, MIN (b->width, b->height) / 2);

  graphene_rect_init (&r, b->x, b->y, MAX (b->width, 1), b->height);
  gsk_rounded_rect_init (&rounded, &r,
                         &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (radius, radius),
                         &GRAPHENE_SIZE_INIT (radius, radius), &GRAPHENE_SIZE_INIT (0, 0));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &r);
  gtk_snapshot_pop (snapshot);
}

static void
draw_data (ReportsChart        *self,
           GtkSnapshot         *snapshot,
           const ChartGeometry *g,
           const ChartPalette  *palette)
{
  gboolean others = self->data != NULL && self->data->others;
  guint n;

  if (g->line)
    {
      graphene_rect_t bounds;
      cairo_t *cr;

      graphene_rect_init (&bounds, 0, 0, g->width, g->height);
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < g->points->len; i++)
        {
          const graphene_point_t *p = &g_array_index (g->points, graphene_point_t, i);

          cairo_line_to (cr, p->x, p->y);
        }
      cairo_set_line_width (cr, 2);
      gdk_cairo_set_source_rgba (cr, &palette->bar);
      cairo_stroke_preserve (cr);
      if (g->points->len > 0)
        {
          const graphene_point_t *last = &g_array_index (g->points, graphene_point_t, g->points->len - 1);
          const graphene_point_t *first = &g_array_index (g->points, graphene_point_t, 0);

          cairo_line_to (cr, last->x, g->plot_y + g->plot_height);
          cairo_line_to (cr, first->x, g->plot_y + g->plot_height);
          cairo_close_path (cr);
          gdk_cairo_set_source_rgba (cr, &palette->fill);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
      for (guint i = 0; i < g->points->len && g->points->len <= MANY_POINTS; i++)
        append_dot (snapshot, &g_array_index (g->points, graphene_point_t, i), 3, &palette->bar);
      return;
    }

  if (g->bars.values == NULL)
    return;
  n = g->bars.values->len;
  if (n > MANY_BARS)
    {
      draw_many_bars (snapshot, g, others ? n - 1 : n, &palette->bar);
      if (others)
        append_bar (snapshot, g, n - 1, &palette->others);
      return;
    }

  for (guint i = 0; i < n; i++)
    append_bar (snapshot, g, i, others && i + 1 == n ? &palette->others : &palette->bar);
}

/* The pointer's bar or point, over the recorded layers. */
static void
draw_hover (ReportsChart        *self,
            GtkSnapshot         *snapshot,
            const ChartGeometry *g,
            const ChartPalette  *palette)
{
  if (self->hover < 0)
    return;

  if (g->line)
    {
      if ((guint) self->hover < g->points->len && g->points->len <= MANY_POINTS)
        append_dot (snapshot, &g_array_index (g->points, graphene_point_t, self->hover), 5, &palette->bar);
    }
  else if (g->bars.values != NULL && (guint) self->hover < g->bars.values->len)
    {
      append_bar (snapshot, g, self->hover, &palette->bar_hover);
    }
}

static void
draw_texts (ReportsChart        *self,
            GtkSnapshot         *snapshot,
            const ChartGeometry *g,
            const ChartPalette  *palette)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < g->texts->len; i++)
    {
      const ChartText *t = &g_array_index (g->texts, ChartText, i);
      int width, height;
      float x;

      pango_layout_set_width (layout, t->align == CHART_ALIGN_END ? (int) MAX (t->x - PAD, 0) * PANGO_SCALE : -1);
      pango_layout_set_text (layout, t->text, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      x = t->align == CHART_ALIGN_START ? t->x : t->align == CHART_ALIGN_END ? t->x - width : t->x - width / 2.0f;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, t->y - height / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, t->dim ? &palette->dim : &palette->text);
      gtk_snapshot_restore (snapshot);
    }
}

void
_reports_chart_draw (ReportsChart        *self,
                     GtkSnapshot         *snapshot,
                     const ChartGeometry *g,
                     gboolean             background)
{
  const ChartPalette *palette = _reports_chart_get_palette (self);

  if (background)
    gtk_snapshot_append_color (snapshot, &palette->background, &GRAPHENE_RECT_INIT (0, 0, g->width, g->height));

  draw_lines (snapshot, g->grid, &palette->grid);
  draw_data (self, snapshot, g, palette);
  draw_lines (snapshot, g->axes, &palette->axis);
  draw_texts (self, snapshot, g, palette);
}

static void
clear_cache (ReportsChart *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->geometry, _reports_chart_geometry_free);
}

static ChartGeometry *
current_geometry (ReportsChart *self)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->geometry == NULL || self->geometry->width != width || self->geometry->height != height ||
      self->font_serial != serial)
    {
      clear_cache (self);
      self->geometry = _reports_chart_layout (self, width, height);
      self->font_serial = serial;
    }
  return self->geometry;
}

static void
reports_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ReportsChart *self = REPORTS_CHART (widget);
  ChartGeometry *g;

  if (self->data == NULL)
    return;

  g = current_geometry (self);
  if (self->node == NULL)
    {
      GtkSnapshot *layers = gtk_snapshot_new ();

      _reports_chart_draw (self, layers, g, FALSE);
      self->node = gtk_snapshot_free_to_node (layers);
    }
  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
  draw_hover (self, snapshot, g, _reports_chart_get_palette (self));
}

/* The height the chart asks for: a row a bar up to 40 of them. */
static int
natural_height (const ReportsChartData *data)
{
  if (data != NULL && !data->line)
    return (int) (ROW_HEIGHT * MIN (data->values->len, 40) + 2 * PAD + 32);
  return 420;
}

static void
reports_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ReportsChart *self = REPORTS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      /* A few bars need less than the minimum: never ask for less. */
      *minimum = 200;
      *natural = MAX (*minimum, natural_height (self->data));
    }
}

static int
index_at (ReportsChart *self,
          double        x,
          double        y)
{
  ChartGeometry *g = current_geometry (self);

  /* A bar's whole row counts. */
  if (!g->line)
    return g->bars.values != NULL && x >= PAD && x < g->width - PAD ? reports_chart_bars_index_at (&g->bars, y) : -1;

  /* A point's band. */
  for (guint i = 0; i < g->bands->len; i++)
    {
      const ChartRect *b = &g_array_index (g->bands, ChartRect, i);

      if (x >= b->x && x < b->x + b->width)
        return (int) b->index;
    }
  return -1;
}

/**
 * reports_chart_dup_tooltip_at:
 *
 * Returns: (nullable): "label: value" for the bar or point at @x, @y
 */
char *
reports_chart_dup_tooltip_at (ReportsChart *self,
                              double        x,
                              double        y)
{
  g_autofree char *value = NULL;
  int i;

  g_return_val_if_fail (REPORTS_IS_CHART (self), NULL);

  if (self->data == NULL || (i = index_at (self, x, y)) < 0)
    return NULL;

  value = reports_chart_format_value (self->data->kind, g_array_index (self->data->values, double, i));
  return g_strdup_printf ("%s: %s", (const char *) self->data->labels->pdata[i], value);
}

static gboolean
query_tooltip_cb (ReportsChart *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autofree char *text = reports_chart_dup_tooltip_at (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (ReportsChart *self,
           int           hover)
{
  if (self->hover != hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
motion_cb (ReportsChart             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  set_hover (self, self->data != NULL ? index_at (self, x, y) : -1);
}

static void
leave_cb (ReportsChart             *self,
          GtkEventControllerMotion *motion)
{
  set_hover (self, -1);
}

static void
reports_chart_finalize (GObject *object)
{
  ReportsChart *self = REPORTS_CHART (object);

  g_clear_pointer (&self->data, reports_chart_data_free);
  clear_cache (self);

  G_OBJECT_CLASS (reports_chart_parent_class)->finalize (object);
}

static void
reports_chart_class_init (ReportsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reports_chart_finalize;
  widget_class->snapshot = reports_chart_snapshot;
  widget_class->measure = reports_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "reportchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
reports_chart_init (ReportsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
reports_chart_new (void)
{
  return g_object_new (REPORTS_TYPE_CHART, NULL);
}

/**
 * reports_chart_set_data:
 * @data: (transfer full) (nullable): what to draw
 */
void
reports_chart_set_data (ReportsChart     *self,
                        ReportsChartData *data)
{
  g_autofree char *description = NULL;
  gboolean resize;

  g_return_if_fail (REPORTS_IS_CHART (self));

  resize = natural_height (self->data) != natural_height (data);
  g_clear_pointer (&self->data, reports_chart_data_free);
  clear_cache (self);
  self->data = data;
  self->hover = -1;

  if (data != NULL)
    {
      description = reports_chart_data_dup_description (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  /* The same size asked for (say, more than 40 bars before and after):
   * no relayout of the window, the chart is drawn again. */
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ReportsChartData *
reports_chart_get_data (ReportsChart *self)
{
  g_return_val_if_fail (REPORTS_IS_CHART (self), NULL);

  return self->data;
}

/* libadwaita's dark style (AdwStyleManager:dark), set by the viewer. */
void
reports_chart_set_dark (ReportsChart *self,
                        gboolean      dark)
{
  g_return_if_fail (REPORTS_IS_CHART (self));

  if (self->dark != !!dark)
    {
      self->dark = !!dark;
      g_clear_pointer (&self->node, gsk_render_node_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}
