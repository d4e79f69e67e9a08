/* reports-id-choice.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-id-choice.h"

struct _ReportsIdChoice
{
  GObject            parent_instance;

  YeastarMenuOption *option;
  char              *folded;   /* casefolded "text id", built once for searching */
  guint              selected : 1;
};

G_DEFINE_FINAL_TYPE (ReportsIdChoice, reports_id_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPTION,
  PROP_TEXT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

ReportsIdChoice *
reports_id_choice_new (YeastarMenuOption *option)
{
  ReportsIdChoice *self;
  g_autofree char *key = NULL;

  g_return_val_if_fail (YEASTAR_IS_MENU_OPTION (option), NULL);

  self = g_object_new (REPORTS_TYPE_ID_CHOICE, NULL);
  self->option = g_object_ref (option);
  key = g_strdup_printf ("%s\x1f%s",
                         yeastar_menu_option_get_text (option),
                         yeastar_menu_option_get_id (option));
  self->folded = g_utf8_casefold (key, -1);

  return self;
}

YeastarMenuOption *
reports_id_choice_get_option (ReportsIdChoice *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_CHOICE (self), NULL);

  return self->option;
}

gboolean
reports_id_choice_get_selected (ReportsIdChoice *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_CHOICE (self), FALSE);

  return self->selected;
}

void
reports_id_choice_set_selected (ReportsIdChoice *self,
                                gboolean         selected)
{
  g_return_if_fail (REPORTS_IS_ID_CHOICE (self));

  selected = !!selected;
  if (self->selected != selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
    }
}

gboolean
reports_id_choice_matches (ReportsIdChoice *self,
                           const char      *folded_needle)
{
  g_return_val_if_fail (REPORTS_IS_ID_CHOICE (self), FALSE);

  return folded_needle == NULL || folded_needle[0] == '\0' || strstr (self->folded, folded_needle) != NULL;
}

static void
reports_id_choice_finalize (GObject *object)
{
  ReportsIdChoice *self = REPORTS_ID_CHOICE (object);

  g_clear_object (&self->option);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (reports_id_choice_parent_class)->finalize (object);
}

static void
reports_id_choice_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReportsIdChoice *self = REPORTS_ID_CHOICE (object);

  switch (prop_id)
    {
    case PROP_OPTION:
      g_value_set_object (value, self->option);
      break;

    case PROP_TEXT:
      g_value_set_string (value, yeastar_menu_option_get_text (self->option));
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_choice_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReportsIdChoice *self = REPORTS_ID_CHOICE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      reports_id_choice_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_choice_class_init (ReportsIdChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_id_choice_finalize;
  object_class->get_property = reports_id_choice_get_property;
  object_class->set_property = reports_id_choice_set_property;

  properties [PROP_OPTION] =
    g_param_spec_object ("option", NULL, NULL,
                         YEASTAR_TYPE_MENU_OPTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_choice_init (ReportsIdChoice *self)
{
}
