/* reports-seconds-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-seconds-row.h"

/* A duration filter in whole seconds; 0 leaves the parameter out. */
struct _ReportsSecondsRow
{
  AdwActionRow     parent_instance;

  GtkSpinButton *spin;
  char          *value;
};

G_DEFINE_FINAL_TYPE (ReportsSecondsRow, reports_seconds_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
spin_changed_cb (ReportsSecondsRow *self)
{
  guint seconds = (guint) gtk_spin_button_get_value (self->spin);
  g_autofree char *value = seconds > 0 ? g_strdup_printf ("%u", seconds) : NULL;

  if (g_strcmp0 (value, self->value) == 0)
    return;

  g_free (self->value);
  self->value = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
reports_seconds_row_get_value (ReportsSecondsRow *self)
{
  g_return_val_if_fail (REPORTS_IS_SECONDS_ROW (self), NULL);

  return self->value;
}

void
reports_seconds_row_set_value (ReportsSecondsRow *self,
                               const char        *value)
{
  guint64 seconds = 0;

  g_return_if_fail (REPORTS_IS_SECONDS_ROW (self));

  /* A value the spin button cannot show is kept as it is: the request's
   * validation names it. */
  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, 86400, &seconds, NULL))
    {
      g_free (self->value);
      self->value = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
      return;
    }

  gtk_spin_button_set_value (self->spin, seconds);
  spin_changed_cb (self);
}

static void
reports_seconds_row_finalize (GObject *object)
{
  ReportsSecondsRow *self = REPORTS_SECONDS_ROW (object);

  g_free (self->value);

  G_OBJECT_CLASS (reports_seconds_row_parent_class)->finalize (object);
}

static void
reports_seconds_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReportsSecondsRow *self = REPORTS_SECONDS_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, reports_seconds_row_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_seconds_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReportsSecondsRow *self = REPORTS_SECONDS_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      reports_seconds_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_seconds_row_class_init (ReportsSecondsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_seconds_row_finalize;
  object_class->get_property = reports_seconds_row_get_property;
  object_class->set_property = reports_seconds_row_set_property;

  /* The parameter's API value, NULL when it is left out. */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_seconds_row_init (ReportsSecondsRow *self)
{
  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 86400, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (self->spin, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  g_signal_connect_object (self->spin, "value-changed", G_CALLBACK (spin_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
reports_seconds_row_new (YeastarParam param)
{
  ReportsSecondsRow *self = g_object_new (REPORTS_TYPE_SECONDS_ROW,
                                          "title", yeastar_param_get_title (param),
                                          NULL);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), yeastar_param_get_subtitle (param));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, yeastar_param_get_title (param),
                                  -1);
  return GTK_WIDGET (self);
}
