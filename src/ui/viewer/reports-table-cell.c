/* reports-table-cell.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-table-cell.h"

/*
 * A cell of the viewer's table: one line of text, ellipsized at the
 * end, aligned by xalign, in the colour and font of its row (CSS name
 * "label", accessible role label, the text as its accessible label), as
 * GtkInscription shows it, for less.
 *
 * GtkInscription makes a PangoContext of its own per widget and asks it
 * for the font's metrics at each measure: with the hundreds of cells of
 * a screen, that was about a fifth of the first screen's work. A cell
 * here lays its text out in a PangoContext given by its view (the
 * column view's, which GTK keeps up to date with the font, the scale and
 * the direction) and measures with the metrics looked up once per
 * context and change of it (its serial), shared by all its cells.
 */

/* Like GtkInscription's defaults: at least 3 characters wide, 1 line. */
#define MIN_CHARS 3

struct _ReportsTableCell
{
  GtkWidget     parent_instance;

  PangoContext *context;
  PangoLayout  *layout;   /* made when first drawn */
  char         *text;
  float         xalign;
};

G_DEFINE_FINAL_TYPE (ReportsTableCell, reports_table_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TEXT,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a cell's size needs from the font, in Pango units. */
typedef struct
{
  guint serial;
  int   char_width;
  int   line_height;
  int   ascent;
} CellMetrics;

static const CellMetrics *
cell_metrics (PangoContext *context)
{
  static GQuark quark;
  CellMetrics *metrics;
  guint serial = pango_context_get_serial (context);

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("reports-table-cell-metrics");
  metrics = g_object_get_qdata (G_OBJECT (context), quark);
  if (metrics == NULL)
    {
      metrics = g_new0 (CellMetrics, 1);
      metrics->serial = serial - 1;
      g_object_set_qdata_full (G_OBJECT (context), quark, metrics, g_free);
    }
  if (metrics->serial != serial)
    {
      PangoFontMetrics *font = pango_context_get_metrics (context, NULL, NULL);

      metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (font),
                                 pango_font_metrics_get_approximate_digit_width (font));
      metrics->line_height = pango_font_metrics_get_height (font);
      metrics->ascent = pango_font_metrics_get_ascent (font);
      if (metrics->line_height == 0)
        metrics->line_height = metrics->ascent + pango_font_metrics_get_descent (font);
      metrics->serial = serial;
      pango_font_metrics_unref (font);
    }
  return metrics;
}

static void
reports_table_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ReportsTableCell *self = REPORTS_TABLE_CELL (widget);
  const CellMetrics *metrics = cell_metrics (self->context);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (MIN_CHARS * metrics->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (metrics->line_height);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (metrics->ascent);
    }
}

static void
reports_table_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ReportsTableCell *self = REPORTS_TABLE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  float xalign = self->xalign;
  float x, y;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (self->context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text, -1);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  x = floorf ((width - logical.width) * xalign - logical.x);
  y = floorf ((height - logical.height) / 2.0f - logical.y);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The colour (and shadows) of the cell's CSS, as a label's. */
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
reports_table_cell_finalize (GObject *object)
{
  ReportsTableCell *self = (ReportsTableCell *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (reports_table_cell_parent_class)->finalize (object);
}

static void
reports_table_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReportsTableCell *self = REPORTS_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_table_cell_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReportsTableCell *self = REPORTS_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_TEXT:
      reports_table_cell_set_text (self, g_value_get_string (value));
      break;

    case PROP_XALIGN:
      reports_table_cell_set_xalign (self, g_value_get_float (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_table_cell_class_init (ReportsTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reports_table_cell_finalize;
  object_class->get_property = reports_table_cell_get_property;
  object_class->set_property = reports_table_cell_set_property;

  widget_class->measure = reports_table_cell_measure;
  widget_class->snapshot = reports_table_cell_snapshot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PANGO_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL,
                        0.0f, 1.0f, 0.0f,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
reports_table_cell_init (ReportsTableCell *self)
{
}

/**
 * reports_table_cell_new:
 * @context: the PangoContext the cell lays its text out in, shared by
 *   the cells of a view
 */
GtkWidget *
reports_table_cell_new (PangoContext *context)
{
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  return g_object_new (REPORTS_TYPE_TABLE_CELL, "context", context, NULL);
}

const char *
reports_table_cell_get_text (ReportsTableCell *self)
{
  g_return_val_if_fail (REPORTS_IS_TABLE_CELL (self), NULL);

  return self->text;
}

/* The text shown, and the cell's accessible label. */
void
reports_table_cell_set_text (ReportsTableCell *self,
                             const char       *text)
{
  g_return_if_fail (REPORTS_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  /* One line of the same font whatever the text: no resize. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

float
reports_table_cell_get_xalign (ReportsTableCell *self)
{
  g_return_val_if_fail (REPORTS_IS_TABLE_CELL (self), 0.0f);

  return self->xalign;
}

void
reports_table_cell_set_xalign (ReportsTableCell *self,
                               float             xalign)
{
  g_return_if_fail (REPORTS_IS_TABLE_CELL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;

  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}
