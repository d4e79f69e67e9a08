/* reports-sort-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cell-sorter.h"
#include "reports-sort-menu.h"

/*
 * Sorting the table from the keyboard. GTK 4.8's column headers take no
 * focus, so a click is the only way to sort by them; this is the same
 * sorting as a menu (the viewer's "Sort By" submenu): a radio item per
 * column, "File Order", and Ascending or Descending, as the stateful
 * actions "sort.column" (the report's column, -1 for the file's order)
 * and "sort.order" ("ascending" or "descending").
 *
 * Both drive gtk_column_view_sort_by_column(), as a click on a header
 * does, so the header shows its arrow; and a click on a header sets the
 * actions' states (reports_cell_sorter_find_primary()), so the menu
 * always shows the table's order.
 */

struct _ReportsSortMenu
{
  GObject             parent_instance;

  GtkColumnView      *column_view;   /* weak */
  GSimpleActionGroup *actions;
  GSimpleAction      *column_action;
  GSimpleAction      *order_action;
  GMenu              *menu;
  GMenu              *columns;       /* the menu's first section */
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (ReportsSortMenu, reports_sort_menu, G_TYPE_OBJECT)

static GtkColumnViewColumn *
find_column (ReportsSortMenu *self,
             int              column)
{
  GListModel *columns;

  if (self->column_view == NULL || column < 0)
    return NULL;

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) item = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (item);

      if (REPORTS_IS_CELL_SORTER (sorter) && (int) reports_cell_sorter_get_column (REPORTS_CELL_SORTER (sorter)) == column)
        return item;
    }
  return NULL;
}

static void
apply (ReportsSortMenu *self)
{
  g_autoptr(GVariant) column = g_action_get_state (G_ACTION (self->column_action));
  g_autoptr(GVariant) order = g_action_get_state (G_ACTION (self->order_action));
  GtkColumnViewColumn *view_column;

  if (self->column_view == NULL || self->syncing)
    return;

  view_column = find_column (self, g_variant_get_int32 (column));
  gtk_column_view_sort_by_column (self->column_view, view_column,
                                  g_str_equal (g_variant_get_string (order, NULL), "descending") ?
                                  GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
column_change_state_cb (GSimpleAction   *action,
                        GVariant        *state,
                        ReportsSortMenu *self)
{
  g_simple_action_set_state (action, state);
  apply (self);
}

static void
order_change_state_cb (GSimpleAction   *action,
                       GVariant        *state,
                       ReportsSortMenu *self)
{
  const char *order = g_variant_get_string (state, NULL);

  if (!g_str_equal (order, "ascending") && !g_str_equal (order, "descending"))
    return;
  g_simple_action_set_state (action, state);
  apply (self);
}

/* A click on a header: the menu follows. */
static void
sorter_changed_cb (ReportsSortMenu *self,
                   GtkSorterChange  change,
                   GtkSorter       *sorter)
{
  guint column;
  gboolean descending;

  self->syncing = TRUE;
  if (reports_cell_sorter_find_primary (sorter, &column, &descending))
    {
      g_simple_action_set_state (self->column_action, g_variant_new_int32 ((int) column));
      g_simple_action_set_state (self->order_action, g_variant_new_string (descending ? "descending" : "ascending"));
    }
  else
    {
      g_simple_action_set_state (self->column_action, g_variant_new_int32 (-1));
    }
  self->syncing = FALSE;
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

/* The columns come with the file's header, after the window asked for
 * this menu: the section follows the column view's columns. */
static void
columns_changed_cb (ReportsSortMenu *self)
{
  GListModel *model = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GMenuItem) file_order = g_menu_item_new (_("_File Order"), NULL);

  g_menu_remove_all (self->columns);
  g_menu_item_set_action_and_target_value (file_order, "sort.column", g_variant_new_int32 (-1));
  g_menu_append_item (self->columns, file_order);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!REPORTS_IS_CELL_SORTER (sorter))
        continue;
      /* The column's title is the file's text: no mnemonic in it. */
      label = escape_underscores (gtk_column_view_column_get_title (column));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "sort.column",
                                               g_variant_new_int32 ((int) reports_cell_sorter_get_column (REPORTS_CELL_SORTER (sorter))));
      g_menu_append_item (self->columns, item);
    }
}

static void
build_menu (ReportsSortMenu *self)
{
  g_autoptr(GMenu) order = g_menu_new ();

  self->columns = g_menu_new ();
  columns_changed_cb (self);
  g_signal_connect_object (gtk_column_view_get_columns (self->column_view), "items-changed",
                           G_CALLBACK (columns_changed_cb), self, G_CONNECT_SWAPPED);

  g_menu_append (order, _("_Ascending"), "sort.order::ascending");
  g_menu_append (order, _("_Descending"), "sort.order::descending");

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->columns));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (order));
}

static void
reports_sort_menu_dispose (GObject *object)
{
  ReportsSortMenu *self = REPORTS_SORT_MENU (object);

  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_object_remove_weak_pointer (G_OBJECT (self->column_view), (gpointer *) &self->column_view);
      self->column_view = NULL;
    }
  g_clear_object (&self->column_action);
  g_clear_object (&self->order_action);
  g_clear_object (&self->actions);
  g_clear_object (&self->columns);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (reports_sort_menu_parent_class)->dispose (object);
}

static void
reports_sort_menu_class_init (ReportsSortMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_sort_menu_dispose;
}

static void
reports_sort_menu_init (ReportsSortMenu *self)
{
  self->actions = g_simple_action_group_new ();
  self->menu = g_menu_new ();

  self->column_action = g_simple_action_new_stateful ("column", G_VARIANT_TYPE_INT32, g_variant_new_int32 (-1));
  g_signal_connect (self->column_action, "change-state", G_CALLBACK (column_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (self->column_action));

  self->order_action = g_simple_action_new_stateful ("order", G_VARIANT_TYPE_STRING,
                                                     g_variant_new_string ("ascending"));
  g_signal_connect (self->order_action, "change-state", G_CALLBACK (order_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (self->order_action));
}

/**
 * reports_sort_menu_new:
 * @column_view: the table, its columns made (a ReportsCellSorter each)
 *
 * Returns: (transfer full): the actions and the menu that sort @column_view
 */
ReportsSortMenu *
reports_sort_menu_new (GtkColumnView *column_view)
{
  ReportsSortMenu *self;
  GtkSorter *sorter;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  self = g_object_new (REPORTS_TYPE_SORT_MENU, NULL);
  self->column_view = column_view;
  g_object_add_weak_pointer (G_OBJECT (column_view), (gpointer *) &self->column_view);

  build_menu (self);
  sorter = gtk_column_view_get_sorter (column_view);
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (sorter_changed_cb), self);
  sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT, sorter);
  return self;
}

/**
 * reports_sort_menu_get_action_group:
 *
 * Returns: (transfer none): "column" and "order", to insert as "sort"
 */
GActionGroup *
reports_sort_menu_get_action_group (ReportsSortMenu *self)
{
  g_return_val_if_fail (REPORTS_IS_SORT_MENU (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * reports_sort_menu_get_menu:
 *
 * Returns: (transfer none): the columns, then Ascending and Descending
 */
GMenuModel *
reports_sort_menu_get_menu (ReportsSortMenu *self)
{
  g_return_val_if_fail (REPORTS_IS_SORT_MENU (self), NULL);

  return G_MENU_MODEL (self->menu);
}
