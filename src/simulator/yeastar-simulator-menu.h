/* yeastar-simulator-menu.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-menu.h"

G_BEGIN_DECLS

/*
 * The simulated PBX's objects as system/get_menuoptions lists them:
 * deterministic names, and internal IDs that differ from the dialable
 * numbers as on a real PBX (extension 1001 has ID 34, queue 6400 has ID 1).
 */
typedef enum
{
  /* The menus of yeastar-menu.h, which names them, in the same order. */
  YEASTAR_SIMULATOR_MENU_EXTENSION = YEASTAR_MENU_EXTENSION,
  YEASTAR_SIMULATOR_MENU_EXT_GROUP = YEASTAR_MENU_EXT_GROUP,
  YEASTAR_SIMULATOR_MENU_TRUNK = YEASTAR_MENU_TRUNK,
  YEASTAR_SIMULATOR_MENU_IVR = YEASTAR_MENU_IVR,
  YEASTAR_SIMULATOR_MENU_RING_GROUP = YEASTAR_MENU_RING_GROUP,
  YEASTAR_SIMULATOR_MENU_QUEUE = YEASTAR_MENU_QUEUE,
  YEASTAR_SIMULATOR_MENU_QUEUE_AGENT = YEASTAR_MENU_QUEUE_AGENT, /* per queue */
  YEASTAR_SIMULATOR_N_MENUS = YEASTAR_N_MENUS
} YeastarSimulatorMenu;

#define YEASTAR_SIMULATOR_MAX_MENU_SIZE 100000

typedef struct
{
  guint       sizes[YEASTAR_SIMULATOR_N_MENUS];
  guint       first_ids[YEASTAR_SIMULATOR_N_MENUS];
  /* Borrowed: when set, the name of the first option of every menu (the
   * simulator's "hostile-text"). */
  const char *hostile_name;
} YeastarSimulatorMenus;

void      _yeastar_simulator_menus_init            (YeastarSimulatorMenus       *menus);
gboolean  _yeastar_simulator_menu_from_name        (const char                  *name,
                                                    YeastarSimulatorMenu        *menu);
/* Menus the PBX has but the simulator keeps empty (role, phonebook, …). */
gboolean  _yeastar_simulator_menu_is_empty_known   (const char                  *name);
guint     _yeastar_simulator_menu_get_id           (const YeastarSimulatorMenus *menus,
                                                    YeastarSimulatorMenu         menu,
                                                    guint                        index);
gboolean  _yeastar_simulator_menu_lookup_id        (const YeastarSimulatorMenus *menus,
                                                    YeastarSimulatorMenu         menu,
                                                    const char                  *id,
                                                    guint                       *index);
/* number is NULL for objects without one (groups, trunks). */
void      _yeastar_simulator_menu_describe         (YeastarSimulatorMenu         menu,
                                                    guint                        index,
                                                    char                       **number,
                                                    char                       **name);
/* The extension index of a queue's nth agent. */
guint     _yeastar_simulator_menu_get_agent        (const YeastarSimulatorMenus *menus,
                                                    guint                        queue_index,
                                                    guint                        agent);
guint     _yeastar_simulator_menu_get_n_agents     (const YeastarSimulatorMenus *menus);
/* Appends the JSON array of options (without the surrounding member). */
void      _yeastar_simulator_menu_append_json      (const YeastarSimulatorMenus *menus,
                                                    YeastarSimulatorMenu         menu,
                                                    guint                        queue_index,
                                                    GString                     *json);

G_END_DECLS
