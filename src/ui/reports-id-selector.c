/* reports-id-selector.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-id-choice.h"
#include "reports-id-selector.h"

struct _ReportsIdSelector
{
  AdwWindow          parent_instance;

  /* Owned references */
  GListStore        *choices;
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  char              *needle;
  GPtrArray         *unknown_ids; /* IDs of the value that no option has */
  guint              n_selected;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (ReportsIdSelector, reports_id_selector, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

guint
reports_id_selector_get_n_selected (ReportsIdSelector *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_SELECTOR (self), 0);

  return self->n_selected;
}

char *
reports_id_selector_dup_value (ReportsIdSelector *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n_items;

  g_return_val_if_fail (REPORTS_IS_ID_SELECTOR (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsIdChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (reports_id_choice_get_selected (choice))
        g_strv_builder_add (builder, yeastar_menu_option_get_id (reports_id_choice_get_option (choice)));
    }

  /* IDs the PBX no longer lists are kept, not silently dropped: the
   * request's validation and the PBX decide about them. */
  for (guint i = 0; i < self->unknown_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->unknown_ids, i));

  ids = g_strv_builder_end (builder);

  return ids[0] != NULL ? g_strjoinv (",", ids) : NULL;
}

static void
update_count (ReportsIdSelector *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->choices)) + self->unknown_ids->len;
  guint selected = self->n_selected + self->unknown_ids->len;
  g_autofree char *text = NULL;

  /* Translators: the count in the ID selector, e.g. "3 of 120 selected". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u selected", "%u of %u selected", total),
                          selected, total);
  gtk_label_set_text (self->count_label, text);
}

static void
choice_selected_cb (ReportsIdChoice   *choice,
                    GParamSpec        *pspec,
                    ReportsIdSelector *self)
{
  if (reports_id_choice_get_selected (choice))
    self->n_selected++;
  else
    self->n_selected--;

  update_count (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ReportsIdSelector *self = user_data;

  return reports_id_choice_matches (item, self->needle);
}

static void
search_changed_cb (ReportsIdSelector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old_needle = g_steal_pointer (&self->needle);

  self->needle = g_utf8_casefold (stripped, -1);

  /* Matching is "contains", so a needle that contains the previous one
   * can only drop rows, and one contained in it only add rows: the
   * filter model then tests only the rows that can change, and the list
   * keeps the rows that stay (build-aux/bench.sh measures typing with
   * 20,000 extensions). */
  if (old_needle == NULL || strcmp (old_needle, self->needle) != 0)
    {
      GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

      if (old_needle != NULL && strstr (self->needle, old_needle) != NULL)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (old_needle != NULL && strstr (old_needle, self->needle) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;

      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");
}

static void
toggle_position (ReportsIdSelector *self,
                 guint              position)
{
  g_autoptr(ReportsIdChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (choice != NULL)
    reports_id_choice_set_selected (choice, !reports_id_choice_get_selected (choice));
}

static void
search_activate_cb (ReportsIdSelector *self)
{
  /* Enter in the search picks the match when there is exactly one, also
   * when typed faster than the search entry's delay. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 1)
    toggle_position (self, 0);
}

static void
list_activate_cb (ReportsIdSelector *self,
                  guint              position)
{
  toggle_position (self, position);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_hexpand (check, TRUE);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ReportsIdChoice *choice = gtk_list_item_get_item (list_item);
  YeastarMenuOption *option = reports_id_choice_get_option (choice);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  GBinding *binding;
  g_autofree char *label = NULL;

  if (g_strcmp0 (yeastar_menu_option_get_menu (option), "ext_group") == 0)
    /* Translators: an extension group in the extension selector. */
    label = g_strdup_printf (_("%s (extension group)"), yeastar_menu_option_get_text (option));
  else
    label = g_strdup (yeastar_menu_option_get_text (option));

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), label);
  binding = g_object_bind_property (choice, "selected", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReportsIdSelector *self = REPORTS_ID_SELECTOR (widget);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsIdChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      reports_id_choice_set_selected (choice, TRUE);
    }
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReportsIdSelector *self = REPORTS_ID_SELECTOR (widget);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsIdChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      reports_id_choice_set_selected (choice, FALSE);
    }

  g_ptr_array_set_size (self->unknown_ids, 0);
  update_count (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReportsIdSelector *self = REPORTS_ID_SELECTOR (widget);
  g_autofree char *value = reports_id_selector_dup_value (self);

  g_signal_emit (self, signals [APPLIED], 0, value);
  gtk_window_close (GTK_WINDOW (self));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (REPORTS_ID_SELECTOR (widget)->search_entry));
}

static void
reports_id_selector_dispose (GObject *object)
{
  ReportsIdSelector *self = REPORTS_ID_SELECTOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_ID_SELECTOR);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->unknown_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (reports_id_selector_parent_class)->dispose (object);
}

static void
reports_id_selector_class_init (ReportsIdSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_id_selector_dispose;

  signals [APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-id-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "selector.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "selector.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "selector.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "selector.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "selector.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "selector.focus-search", NULL);
}

static void
reports_id_selector_init (ReportsIdSelector *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->unknown_ids = g_ptr_array_new_with_free_func (g_free);
  self->choices = g_list_store_new (REPORTS_TYPE_ID_CHOICE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->choices)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

ReportsIdSelector *
reports_id_selector_new (GtkWindow  *parent,
                         const char *title,
                         GListModel *options,
                         const char *value)
{
  ReportsIdSelector *self;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) ids = NULL;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (options), NULL);

  self = g_object_new (REPORTS_TYPE_ID_SELECTOR,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);

  ids = g_strsplit (value != NULL ? value : "", ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_strstrip (ids[i]);
      if (ids[i][0] != '\0')
        g_hash_table_add (wanted, g_strdup (ids[i]));
    }

  /* Build every row at once and add them with one items-changed, so that
   * 20,000 extensions cost one model update. */
  n_items = g_list_model_get_n_items (options);
  g_ptr_array_set_size (choices, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);
      ReportsIdChoice *choice = reports_id_choice_new (option);

      if (g_hash_table_remove (wanted, yeastar_menu_option_get_id (option)))
        {
          reports_id_choice_set_selected (choice, TRUE);
          self->n_selected++;
        }
      g_signal_connect_object (choice, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
      g_ptr_array_add (choices, choice);
    }
  g_list_store_splice (self->choices, 0, 0, choices->pdata, choices->len);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (wanted, ids[i]))
        {
          g_ptr_array_add (self->unknown_ids, g_strdup (ids[i]));
          g_hash_table_remove (wanted, ids[i]);
        }
    }

  update_count (self);
  search_changed_cb (self);

  return self;
}
