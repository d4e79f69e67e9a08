/* reports-choice-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-choice-row.h"

/* An enum parameter: a combo row whose first choice, "Any", leaves the
 * parameter out; the others are the values the report type allows. */
struct _ReportsChoiceRow
{
  AdwComboRow      parent_instance;

  const YeastarReportType *type;
  YeastarParam             param;
};

G_DEFINE_FINAL_TYPE (ReportsChoiceRow, reports_choice_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
selected_cb (ReportsChoiceRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

const char *
reports_choice_row_get_value (ReportsChoiceRow *self)
{
  const char * const *values;
  guint position;

  g_return_val_if_fail (REPORTS_IS_CHOICE_ROW (self), NULL);

  values = yeastar_report_type_get_enum_values (self->type, self->param);
  position = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || values == NULL ||
      position > g_strv_length ((char **) values))
    return NULL;

  return values[position - 1];
}

void
reports_choice_row_set_value (ReportsChoiceRow *self,
                              const char       *value)
{
  const char * const *values;
  guint position = 0;

  g_return_if_fail (REPORTS_IS_CHOICE_ROW (self));

  values = yeastar_report_type_get_enum_values (self->type, self->param);
  for (guint i = 0; value != NULL && values != NULL && values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        position = i + 1;
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
}

static void
reports_choice_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReportsChoiceRow *self = REPORTS_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, reports_choice_row_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_choice_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReportsChoiceRow *self = REPORTS_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      reports_choice_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_choice_row_class_init (ReportsChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = reports_choice_row_get_property;
  object_class->set_property = reports_choice_row_set_property;

  /* The parameter's API value, NULL when it is left out. */
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_choice_row_init (ReportsChoiceRow *self)
{
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_cb), NULL);
}

GtkWidget *
reports_choice_row_new (const YeastarReportType *type,
                        YeastarParam             param)
{
  ReportsChoiceRow *self = g_object_new (REPORTS_TYPE_CHOICE_ROW,
                                         "title", yeastar_param_get_title (param),
                                         NULL);
  const char * const *values = yeastar_report_type_get_enum_values (type, param);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  self->type = type;
  self->param = param;

  /* Translators: the choice that leaves a filter out. */
  gtk_string_list_append (titles, C_("filter", "Any"));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *value_title = yeastar_param_get_enum_value_title (param, values[i]);

      gtk_string_list_append (titles, value_title != NULL ? value_title : values[i]);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (titles));

  return GTK_WIDGET (self);
}
