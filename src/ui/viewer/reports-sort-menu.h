/* reports-sort-menu.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_SORT_MENU (reports_sort_menu_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSortMenu, reports_sort_menu, REPORTS, SORT_MENU, GObject)

ReportsSortMenu *reports_sort_menu_new              (GtkColumnView   *column_view);
GActionGroup    *reports_sort_menu_get_action_group (ReportsSortMenu *self);
GMenuModel      *reports_sort_menu_get_menu         (ReportsSortMenu *self);

G_END_DECLS
