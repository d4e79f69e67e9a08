/* reports-id-selector.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-id-match.h"
#include "reports-id-matches.h"
#include "reports-id-selector.h"
#include "yeastar-menu.h"
#include "yeastar-text.h"

struct _ReportsIdSelector
{
  AdwWindow          parent_instance;

  /* Owned references */
  ReportsIdMatches  *matches;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *selected_only_button;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkGridView       *grid_view;
};

G_DEFINE_FINAL_TYPE (ReportsIdSelector, reports_id_selector, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

GVariant *
reports_id_selector_dup_selection (ReportsIdSelector *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_SELECTOR (self), NULL);

  return reports_id_matches_dup_selection (self->matches);
}

static void
update_count (ReportsIdSelector *self)
{
  guint total = reports_id_matches_get_n_options (self->matches);
  guint selected = reports_id_matches_get_n_selected (self->matches);
  g_autofree char *text = NULL;

  /* Translators: the count in the ID selector, e.g. "3 of 120 selected". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u selected", "%u of %u selected", total),
                          selected, total);
  gtk_label_set_text (self->count_label, text);
}

/* After the matches changed: their first ones, or "No Matches". */
static void
show_matches (ReportsIdSelector *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid_view));

  if (vadjustment != NULL && gtk_adjustment_get_value (vadjustment) > 0)
    gtk_adjustment_set_value (vadjustment, 0);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0 ? "list" : "empty");
}

static void
selected_only_cb (ReportsIdSelector *self)
{
  if (self->matches == NULL)
    return;

  reports_id_matches_set_selected_only (self->matches, gtk_toggle_button_get_active (self->selected_only_button));
  show_matches (self);
}

static void
search_changed_cb (ReportsIdSelector *self)
{
  if (self->matches == NULL)
    return;

  /* A new search shows its first matches. */
  reports_id_matches_set_search (self->matches, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  show_matches (self);
}

static void
toggle_position (ReportsIdSelector *self,
                 guint              position)
{
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->matches)))
    reports_id_matches_set_selected (self->matches, position,
                                     !reports_id_matches_get_selected (self->matches, position));
}

static void
search_activate_cb (ReportsIdSelector *self)
{
  /* Enter in the search picks the match when there is exactly one, also
   * when typed faster than the search entry's delay. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) == 1)
    toggle_position (self, 0);
}

/* Escape in the search (GtkSearchEntry's stop-search, which takes the
 * key before the window's binding sees it) clears a search first, as in
 * GNOME's search bars, and closes the selector without applying when
 * there is nothing left to clear. */
static void
search_stop_cb (ReportsIdSelector *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Down in the search goes to the matches. */
static gboolean
search_key_pressed_cb (ReportsIdSelector *self,
                       guint              keyval,
                       guint              keycode,
                       GdkModifierType    state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->grid_view), GTK_DIR_TAB_FORWARD);

  return FALSE;
}

/* Up on the first match goes back to the search. */
static gboolean
grid_key_pressed_cb (ReportsIdSelector *self,
                     guint              keyval,
                     guint              keycode,
                     GdkModifierType    state)
{
  if ((keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) ||
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  for (GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
       focus != NULL && focus != GTK_WIDGET (self->grid_view);
       focus = gtk_widget_get_parent (focus))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (focus), "list-item");

      if (list_item != NULL)
        return gtk_list_item_get_position (list_item) == 0 &&
               gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  return FALSE;
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
  /* For grid_key_pressed_cb(), which asks where the focus is. */
  g_object_set_data (G_OBJECT (check), "list-item", list_item);
  gtk_list_item_set_child (list_item, check);
}

/* Shows the option that the row's place has now: a new search moves the
 * options through the places, and the row widgets stay. */
static void
show_option (GtkListItem *list_item)
{
  ReportsIdMatch *match = gtk_list_item_get_item (list_item);
  YeastarMenuOption *option = reports_id_match_get_option (match);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  gboolean unknown = reports_id_match_get_unknown (match);
  const char *explanation = NULL;
  g_autofree char *label = NULL;
  /* PBX text: its control and bidi characters shown as escapes. */
  g_autofree char *text = yeastar_text_escape (yeastar_menu_option_get_text (option), -1);

  if (g_strcmp0 (yeastar_menu_option_get_menu (option), yeastar_menu_get_name (YEASTAR_MENU_EXT_GROUP)) == 0)
    /* Translators: an extension group in the extension selector. */
    label = g_strdup_printf (_("%s (extension group)"), text);
  else
    label = g_steal_pointer (&text);

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), label);

  /* An ID the PBX no longer lists stands out, and says how to remove it. */
  if (unknown)
    {
      gtk_widget_add_css_class (check, "warning");
      explanation = _("The PBX no longer lists this ID. Unselect it to remove it from the selection.");
    }
  else
    {
      gtk_widget_remove_css_class (check, "warning");
    }
  gtk_widget_set_tooltip_text (check, explanation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation != NULL ? explanation : "",
                                  -1);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ReportsIdMatch *match = gtk_list_item_get_item (list_item);
  GBinding *binding;

  show_option (list_item);
  g_signal_connect_object (match, "notify::option", G_CALLBACK (show_option), list_item, G_CONNECT_SWAPPED);
  binding = g_object_bind_property (match, "selected", gtk_list_item_get_child (list_item), "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), show_option, list_item);
  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  reports_id_matches_select_all (REPORTS_ID_SELECTOR (widget)->matches);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reports_id_matches_unselect_all (REPORTS_ID_SELECTOR (widget)->matches);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReportsIdSelector *self = REPORTS_ID_SELECTOR (widget);
  g_autoptr(GVariant) selection = reports_id_selector_dup_selection (self);

  g_signal_emit (self, signals [APPLIED], 0, selection);
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

  g_clear_object (&self->matches);

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
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-id-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, selected_only_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, stack);
  gtk_widget_class_bind_template_child (widget_class, ReportsIdSelector, grid_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_only_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_key_pressed_cb);
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

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing searches at once. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
}

ReportsIdSelector *
reports_id_selector_new (GtkWindow  *parent,
                         const char *title,
                         GListModel *options,
                         GVariant   *selection)
{
  ReportsIdSelector *self;
  g_autoptr(GtkNoSelection) model = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (options), NULL);
  g_return_val_if_fail (selection == NULL || g_variant_is_of_type (selection, G_VARIANT_TYPE ("a(ss)")), NULL);

  self = g_object_new (REPORTS_TYPE_ID_SELECTOR,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);

  self->matches = reports_id_matches_new (options);
  g_signal_connect_object (self->matches, "notify::n-selected", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  reports_id_matches_select (self->matches, selection);

  model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (model));

  update_count (self);
  search_changed_cb (self);

  return self;
}
