/* reports-flag-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-flag-row.h"

/* A 0/1 parameter as a switch: on sends 1, off leaves it out. */
struct _ReportsFlagRow
{
  AdwActionRow     parent_instance;

  GtkSwitch *toggle;
};

G_DEFINE_FINAL_TYPE (ReportsFlagRow, reports_flag_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
active_cb (ReportsFlagRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
reports_flag_row_get_value (ReportsFlagRow *self)
{
  g_return_val_if_fail (REPORTS_IS_FLAG_ROW (self), NULL);

  return gtk_switch_get_active (self->toggle) ? "1" : NULL;
}

void
reports_flag_row_set_value (ReportsFlagRow *self,
                            const char     *value)
{
  g_return_if_fail (REPORTS_IS_FLAG_ROW (self));

  gtk_switch_set_active (self->toggle, g_strcmp0 (value, "1") == 0);
}

static void
reports_flag_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReportsFlagRow *self = REPORTS_FLAG_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, reports_flag_row_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_flag_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReportsFlagRow *self = REPORTS_FLAG_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      reports_flag_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_flag_row_class_init (ReportsFlagRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = reports_flag_row_get_property;
  object_class->set_property = reports_flag_row_set_property;

  /* The parameter's API value, NULL when it is left out. */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_flag_row_init (ReportsFlagRow *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  g_signal_connect_object (self->toggle, "notify::active", G_CALLBACK (active_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
reports_flag_row_new (YeastarParam param)
{
  ReportsFlagRow *self = g_object_new (REPORTS_TYPE_FLAG_ROW,
                                       "title", yeastar_param_get_title (param),
                                       NULL);

  if (yeastar_param_get_subtitle (param) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), yeastar_param_get_subtitle (param));

  return GTK_WIDGET (self);
}
