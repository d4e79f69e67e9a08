/* reports-text-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-text-row.h"

/* A free-text parameter; an empty entry leaves it out. */
struct _ReportsTextRow
{
  AdwEntryRow      parent_instance;

  int unused;
};

G_DEFINE_FINAL_TYPE (ReportsTextRow, reports_text_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
text_cb (ReportsTextRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
reports_text_row_get_value (ReportsTextRow *self)
{
  const char *text;

  g_return_val_if_fail (REPORTS_IS_TEXT_ROW (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  return text != NULL && text[0] != '\0' ? text : NULL;
}

void
reports_text_row_set_value (ReportsTextRow *self,
                            const char     *value)
{
  g_return_if_fail (REPORTS_IS_TEXT_ROW (self));

  if (g_strcmp0 (reports_text_row_get_value (self), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), value != NULL ? value : "");
}

static void
reports_text_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReportsTextRow *self = REPORTS_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, reports_text_row_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_text_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReportsTextRow *self = REPORTS_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      reports_text_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_text_row_class_init (ReportsTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = reports_text_row_get_property;
  object_class->set_property = reports_text_row_set_property;

  /* The parameter's API value, NULL when it is left out. */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_text_row_init (ReportsTextRow *self)
{
  g_signal_connect (self, "notify::text", G_CALLBACK (text_cb), NULL);
}

GtkWidget *
reports_text_row_new (YeastarParam param)
{
  return g_object_new (REPORTS_TYPE_TEXT_ROW,
                       "title", yeastar_param_get_title (param),
                       NULL);
}
