/* reports-chart-export.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-chart-private.h"

/*
 * A chart saved as PNG (the widget's own drawing, rendered offscreen by
 * GSK's cairo renderer) or SVG (written here from the same geometry),
 * at the size it has on screen, on the window's background colour.
 */

#define EXPORT_WIDTH 800

static void
export_size (ReportsChart *self,
             float        *width,
             float        *height)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  if (w <= 0 || h <= 0)
    {
      int natural;

      gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, EXPORT_WIDTH, NULL, &natural, NULL, NULL);
      w = EXPORT_WIDTH;
      h = natural;
    }
  *width = (float) w;
  *height = (float) h;
}

/**
 * reports_chart_save_png:
 *
 * Returns: %FALSE with @error when the file cannot be written
 */
gboolean
reports_chart_save_png (ReportsChart  *self,
                        GFile         *file,
                        GError       **error)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChartGeometry) geometry = NULL;
  float width, height;

  g_return_val_if_fail (REPORTS_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  export_size (self, &width, &height);
  geometry = _reports_chart_layout (self, width, height);
  _reports_chart_draw (self, snapshot, geometry, TRUE);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (!gsk_renderer_realize (renderer, NULL, error))
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  bytes = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
append_color (GString       *svg,
              const char    *attribute,
              const GdkRGBA *color)
{
  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", attribute,
                          (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                          (int) (color->blue * 255 + 0.5));
  if (color->alpha < 1)
    g_string_append_printf (svg, " %s-opacity=\"%.3f\"", attribute, color->alpha);
}

static void
append_lines (GString       *svg,
              GArray        *lines,
              const GdkRGBA *color)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const ChartLine *l = &g_array_index (lines, ChartLine, i);

      g_string_append_printf (svg, "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"",
                              l->x1, l->y1, l->x2, l->y2);
      append_color (svg, "stroke", color);
      g_string_append (svg, "/>\n");
    }
}

/* @data: (nullable): for the title and description */
char *
_reports_chart_svg_text (const ChartGeometry    *g,
                         const ChartPalette     *palette,
                         const ReportsChartData *data)
{
  GString *svg = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (data != NULL ? data->title : "", -1);
  g_autofree char *description = NULL;

  g_string_append_printf (svg,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                          "viewBox=\"0 0 %.0f %.0f\" font-family=\"Cantarell, sans-serif\" font-size=\"%.0fpx\">\n"
                          "  <title>%s</title>\n",
                          g->width, g->height, g->width, g->height, g->font_px * 0.8f, title);
  if (data != NULL)
    {
      g_autofree char *text = reports_chart_data_dup_description (data);

      description = g_markup_escape_text (text, -1);
      g_string_append_printf (svg, "  <desc>%s</desc>\n", description);
    }
  g_string_append_printf (svg, "  <rect width=\"%.0f\" height=\"%.0f\"", g->width, g->height);
  append_color (svg, "fill", &palette->background);
  g_string_append (svg, "/>\n");

  append_lines (svg, g->grid, &palette->grid);

  if (g->line && g->points->len > 0)
    {
      GString *points = g_string_new (NULL);

      for (guint i = 0; i < g->points->len; i++)
        {
          const graphene_point_t *p = &g_array_index (g->points, graphene_point_t, i);

          g_string_append_printf (points, "%s%.1f,%.1f", i > 0 ? " " : "", p->x, p->y);
        }
      g_string_append_printf (svg, "  <polygon points=\"%s %.1f,%.1f %.1f,%.1f\"", points->str,
                              g_array_index (g->points, graphene_point_t, g->points->len - 1).x,
                              g->plot_y + g->plot_height,
                              g_array_index (g->points, graphene_point_t, 0).x, g->plot_y + g->plot_height);
      append_color (svg, "fill", &palette->fill);
      g_string_append (svg, "/>\n");
      g_string_append_printf (svg, "  <polyline points=\"%s\" fill=\"none\" stroke-width=\"2\" "
                              "stroke-linejoin=\"round\"", points->str);
      append_color (svg, "stroke", &palette->bar);
      g_string_append (svg, "/>\n");
      g_string_free (points, TRUE);
    }
  else
    {
      guint n = g->bars.values != NULL ? g->bars.values->len : 0;

      for (guint i = 0; i < n; i++)
        {
          ReportsChartBarRect bar;
          const ReportsChartBarRect *b = &bar;

          reports_chart_bars_get_rect (&g->bars, i, &bar);
          g_string_append_printf (svg, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"",
                                  b->x, b->y, MAX (b->width, 1), b->height, MIN (3.0f, b->height / 2));
          append_color (svg, "fill", data != NULL && data->others && i + 1 == n ? &palette->others : &palette->bar);
          g_string_append (svg, "/>\n");
        }
    }

  append_lines (svg, g->axes, &palette->axis);

  for (guint i = 0; i < g->texts->len; i++)
    {
      const ChartText *t = &g_array_index (g->texts, ChartText, i);
      g_autofree char *text = g_markup_escape_text (t->text, -1);
      static const char * const anchors[] = { "start", "middle", "end" };

      g_string_append_printf (svg, "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" dominant-baseline=\"central\"",
                              t->x, t->y, anchors[t->align]);
      append_color (svg, "fill", t->dim ? &palette->dim : &palette->text);
      g_string_append_printf (svg, ">%s</text>\n", text);
    }

  g_string_append (svg, "</svg>\n");
  return g_string_free (svg, FALSE);
}

/**
 * reports_chart_save_svg:
 *
 * Returns: %FALSE with @error when the file cannot be written
 */
gboolean
reports_chart_save_svg (ReportsChart  *self,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ChartGeometry) geometry = NULL;
  g_autofree char *svg = NULL;
  float width, height;

  g_return_val_if_fail (REPORTS_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  export_size (self, &width, &height);
  geometry = _reports_chart_layout (self, width, height);
  svg = _reports_chart_svg_text (geometry, _reports_chart_get_palette (self), reports_chart_get_data (self));

  return g_file_replace_contents (file, svg, strlen (svg), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}
