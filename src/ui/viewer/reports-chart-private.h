/* reports-chart-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reports-chart.h"
#include "reports-chart-bars.h"

G_BEGIN_DECLS

/* Where everything of a chart goes, worked out once for a size; drawn
 * by GtkSnapshot (the widget, PNG) and written as SVG from the same. */
typedef struct
{
  float  x, y, width, height;
  guint  index;                  /* into the data */
} ChartRect;

typedef enum
{
  CHART_ALIGN_START,
  CHART_ALIGN_CENTER,
  CHART_ALIGN_END,
} ChartAlign;

typedef struct
{
  float       x, y;              /* y is the middle of the line of text */
  char       *text;
  ChartAlign  align;
  gboolean    dim;
} ChartText;

typedef struct
{
  float x1, y1, x2, y2;
} ChartLine;

typedef struct
{
  float    width, height;
  float    plot_x, plot_y, plot_width, plot_height;
  float    font_px;
  gboolean line;
  ReportsChartBars bars;         /* bar charts: the bars, from the values */
  GArray  *bands;                /* ChartRect: a point's hover band, line charts */
  GArray  *points;               /* graphene_point_t, line charts */
  GArray  *grid;                 /* ChartLine */
  GArray  *axes;                 /* ChartLine */
  GArray  *texts;                /* ChartText */
} ChartGeometry;

typedef struct
{
  GdkRGBA bar;
  GdkRGBA bar_hover;
  GdkRGBA others;
  GdkRGBA fill;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA text;
  GdkRGBA dim;
  GdkRGBA background;
} ChartPalette;

#define CHART_PAD        12.0f
#define CHART_ROW_HEIGHT 28.0f
#define CHART_MANY_BARS  200

/* The width of @text in pixels, as drawn. */
typedef float (*ReportsChartMeasure) (const char *text,
                                      gpointer    user_data);

ChartGeometry      *_reports_chart_layout        (ReportsChart        *self,
                                                  float                width,
                                                  float                height);
/* reports-chart-layout.c: the same without a widget. */
ChartGeometry      *_reports_chart_layout_compute (const ReportsChartData *data,
                                                   float                   width,
                                                   float                   height,
                                                   float                   font_px,
                                                   ReportsChartMeasure     measure,
                                                   gpointer                user_data);
float               _reports_chart_text_drawn_width (const ChartText   *text,
                                                     float              width);
char               *_reports_chart_shorten_text  (const char          *text,
                                                  float                room,
                                                  ReportsChartMeasure  measure,
                                                  gpointer             user_data);
/* reports-chart-export.c: the SVG of a geometry. */
char               *_reports_chart_svg_text      (const ChartGeometry    *geometry,
                                                  const ChartPalette     *palette,
                                                  const ReportsChartData *data);
void                _reports_chart_geometry_free (ChartGeometry       *geometry);
void                _reports_chart_draw          (ReportsChart        *self,
                                                  GtkSnapshot         *snapshot,
                                                  const ChartGeometry *geometry,
                                                  gboolean             background);
const ChartPalette *_reports_chart_get_palette   (ReportsChart        *self);
int                 _reports_chart_get_hover     (ReportsChart        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartGeometry, _reports_chart_geometry_free)

G_END_DECLS
