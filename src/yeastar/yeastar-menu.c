/* yeastar-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-menu.h"

/* The menus of system/get_menuoptions that the report parameters use
 * (docs/pbx-api.md). The API client, the command line (`options`, ID
 * lookup, completions), the window and the simulator all read this. */

typedef struct
{
  const char *title;
  gboolean    needs_queue;
} MenuInfo;

/* NULL-terminated, for yeastar_menu_get_names(). */
static const char * const menu_names[YEASTAR_N_MENUS + 1] = {
  [YEASTAR_MENU_EXTENSION] = "extension",
  [YEASTAR_MENU_EXT_GROUP] = "ext_group",
  [YEASTAR_MENU_TRUNK] = "trunk",
  [YEASTAR_MENU_IVR] = "IVR",
  [YEASTAR_MENU_RING_GROUP] = "ring_group",
  [YEASTAR_MENU_QUEUE] = "queue",
  [YEASTAR_MENU_QUEUE_AGENT] = "queue_agent",
  [YEASTAR_N_MENUS] = NULL,
};

static const MenuInfo menu_info[YEASTAR_N_MENUS] = {
  [YEASTAR_MENU_EXTENSION] = { N_("Extensions"), FALSE },
  [YEASTAR_MENU_EXT_GROUP] = { N_("Extension groups"), FALSE },
  [YEASTAR_MENU_TRUNK] = { N_("Trunks"), FALSE },
  [YEASTAR_MENU_IVR] = { N_("IVRs"), FALSE },
  [YEASTAR_MENU_RING_GROUP] = { N_("Ring groups"), FALSE },
  [YEASTAR_MENU_QUEUE] = { N_("Queues"), FALSE },
  [YEASTAR_MENU_QUEUE_AGENT] = { N_("Queue agents"), TRUE },
};

const char * const *
yeastar_menu_get_names (void)
{
  return menu_names;
}

const char *
yeastar_menu_get_name (YeastarMenu menu)
{
  g_return_val_if_fail (menu < YEASTAR_N_MENUS, NULL);

  return menu_names[menu];
}

const char *
yeastar_menu_get_title (YeastarMenu menu)
{
  g_return_val_if_fail (menu < YEASTAR_N_MENUS, NULL);

  return _(menu_info[menu].title);
}

gboolean
yeastar_menu_needs_queue (YeastarMenu menu)
{
  g_return_val_if_fail (menu < YEASTAR_N_MENUS, FALSE);

  return menu_info[menu].needs_queue;
}

gboolean
yeastar_menu_from_name (const char  *name,
                        gboolean     ignore_case,
                        YeastarMenu *menu)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < YEASTAR_N_MENUS; i++)
    {
      if (ignore_case ? g_ascii_strcasecmp (menu_names[i], name) == 0
                      : g_str_equal (menu_names[i], name))
        {
          if (menu != NULL)
            *menu = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
yeastar_menu_name_needs_queue (const char *name)
{
  YeastarMenu menu;

  return yeastar_menu_from_name (name, FALSE, &menu) && yeastar_menu_needs_queue (menu);
}
