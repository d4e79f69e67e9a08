/* yeastar-menu-option.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-menu-option.h"

/* One entry of system/get_menuoptions: `value` (the internal ID sent in
 * report parameters), `text` (what the user sees), `type` (e.g. the trunk
 * type; often absent) and the menu it came from. Immutable. */
struct _YeastarMenuOption
{
  GObject parent_instance;

  char *menu;
  char *id;
  char *text;
  char *type;
};

G_DEFINE_FINAL_TYPE (YeastarMenuOption, yeastar_menu_option, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MENU,
  PROP_ID,
  PROP_TEXT,
  PROP_TYPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
yeastar_menu_option_finalize (GObject *object)
{
  YeastarMenuOption *self = (YeastarMenuOption *) object;

  g_clear_pointer (&self->menu, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->type, g_free);

  G_OBJECT_CLASS (yeastar_menu_option_parent_class)->finalize (object);
}

static void
yeastar_menu_option_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YeastarMenuOption *self = YEASTAR_MENU_OPTION (object);

  switch (prop_id)
    {
    case PROP_MENU:
      g_value_set_string (value, self->menu);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_menu_option_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YeastarMenuOption *self = YEASTAR_MENU_OPTION (object);

  switch (prop_id)
    {
    case PROP_MENU:
      self->menu = g_value_dup_string (value);
      break;

    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_TYPE:
      self->type = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_menu_option_class_init (YeastarMenuOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_menu_option_finalize;
  object_class->get_property = yeastar_menu_option_get_property;
  object_class->set_property = yeastar_menu_option_set_property;

  properties [PROP_MENU] =
    g_param_spec_string ("menu", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_menu_option_init (YeastarMenuOption *self)
{
}

YeastarMenuOption *
yeastar_menu_option_new (const char *menu,
                         const char *id,
                         const char *text,
                         const char *type)
{
  return g_object_new (YEASTAR_TYPE_MENU_OPTION,
                       "menu", menu,
                       "id", id,
                       "text", text,
                       "type", type,
                       NULL);
}

const char *
yeastar_menu_option_get_menu (YeastarMenuOption *self)
{
  g_return_val_if_fail (YEASTAR_IS_MENU_OPTION (self), NULL);
  return self->menu;
}

const char *
yeastar_menu_option_get_id (YeastarMenuOption *self)
{
  g_return_val_if_fail (YEASTAR_IS_MENU_OPTION (self), NULL);
  return self->id;
}

const char *
yeastar_menu_option_get_text (YeastarMenuOption *self)
{
  g_return_val_if_fail (YEASTAR_IS_MENU_OPTION (self), NULL);
  return self->text;
}

/* Named _type_name because yeastar_menu_option_get_type() is the GType. */
const char *
yeastar_menu_option_get_type_name (YeastarMenuOption *self)
{
  g_return_val_if_fail (YEASTAR_IS_MENU_OPTION (self), NULL);
  return self->type;
}
