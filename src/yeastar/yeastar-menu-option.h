/* yeastar-menu-option.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YEASTAR_TYPE_MENU_OPTION (yeastar_menu_option_get_type ())

G_DECLARE_FINAL_TYPE (YeastarMenuOption, yeastar_menu_option, YEASTAR, MENU_OPTION, GObject)

YeastarMenuOption *yeastar_menu_option_new           (const char        *menu,
                                                      const char        *id,
                                                      const char        *text,
                                                      const char        *type);
const char        *yeastar_menu_option_get_menu      (YeastarMenuOption *self);
const char        *yeastar_menu_option_get_id        (YeastarMenuOption *self);
const char        *yeastar_menu_option_get_text      (YeastarMenuOption *self);
const char        *yeastar_menu_option_get_type_name (YeastarMenuOption *self);

G_END_DECLS
