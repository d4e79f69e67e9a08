/* yeastar-menu.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * YeastarMenu:
 *
 * The lists of system/get_menuoptions that report parameters take their
 * IDs from, in the order they are offered. The one place that names them
 * (yeastar-menu.c); yeastar-report-type.c says which parameter takes
 * which.
 */
typedef enum
{
  YEASTAR_MENU_EXTENSION,
  YEASTAR_MENU_EXT_GROUP,
  YEASTAR_MENU_TRUNK,
  YEASTAR_MENU_IVR,
  YEASTAR_MENU_RING_GROUP,
  YEASTAR_MENU_QUEUE,
  YEASTAR_MENU_QUEUE_AGENT,   /* the agents of one queue */
  YEASTAR_N_MENUS
} YeastarMenu;

/* Every menu's API name, NULL-terminated, in YeastarMenu's order. */
const char * const *yeastar_menu_get_names       (void);
/* The API name, e.g. "ring_group". */
const char         *yeastar_menu_get_name        (YeastarMenu   menu);
/* Translated, e.g. "Ring groups". */
const char         *yeastar_menu_get_title       (YeastarMenu   menu);
/* Whether the menu lists the members of one queue, so that asking for it
 * takes a queue ID (get_menuoptions&id=<queue_id>): queue_agent. */
gboolean            yeastar_menu_needs_queue     (YeastarMenu   menu);
/* The menu of an API name; @ignore_case compares ASCII letters without
 * case, for what a user typed. */
gboolean            yeastar_menu_from_name       (const char   *name,
                                                  gboolean      ignore_case,
                                                  YeastarMenu  *menu);
/* yeastar_menu_needs_queue() of an API name; FALSE for an unknown one. */
gboolean            yeastar_menu_name_needs_queue (const char  *name);

G_END_DECLS
