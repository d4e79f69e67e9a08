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

/* The options of a system/get_menuoptions reply with errcode 0, as a
 * GListStore of YeastarMenuOption, or NULL and YEASTAR_ERROR_MALFORMED_REPLY. */
GListStore *
_yeastar_menu_options_new_from_json (const char  *menu,
                                     JsonObject  *root,
                                     GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonNode *data;
  JsonArray *array;
  guint n;

  data = json_object_get_member (root, "data");
  store = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);

  /* [INFERRED] An empty menu may come without `data` or with null. */
  if (data == NULL || JSON_NODE_HOLDS_NULL (data))
    return g_steal_pointer (&store);

  if (!JSON_NODE_HOLDS_ARRAY (data))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s list of “%s” options is not a list."), menu);
      return NULL;
    }

  array = json_node_get_array (data);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      JsonNode *value;
      JsonNode *text;
      JsonNode *type;
      g_autofree char *id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto malformed;
      item = json_node_get_object (node);
      value = json_object_get_member (item, "value");
      text = json_object_get_member (item, "text");
      type = json_object_get_member (item, "type");

      /* `value` is documented as a string; accept an integer too. */
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        id = g_strdup (json_node_get_string (value));
      else if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        goto malformed;

      if (text == NULL || !JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
        goto malformed;
      if (type != NULL && !JSON_NODE_HOLDS_NULL (type) &&
          (!JSON_NODE_HOLDS_VALUE (type) || json_node_get_value_type (type) != G_TYPE_STRING))
        goto malformed;

      g_ptr_array_add (items,
                       yeastar_menu_option_new (menu, id, json_node_get_string (text),
                                                type && JSON_NODE_HOLDS_VALUE (type) ? json_node_get_string (type) : NULL));
    }

  /* One items-changed for the whole list, however long. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&store);

malformed:
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
               _("The PBX’s list of “%s” options has an entry without a usable ID or name."),
               menu);
  return NULL;
}
