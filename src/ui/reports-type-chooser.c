/* reports-type-chooser.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-type-chooser.h"
#include "reports-type-entry.h"

struct _ReportsTypeChooser
{
  GtkPopover          parent_instance;

  GListStore         *entries;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *needle;
  gboolean            matching_categories[YEASTAR_N_CATEGORIES];
  char               *report_type;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (ReportsTypeChooser, reports_type_chooser, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_REPORT_TYPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
reports_type_chooser_new (void)
{
  return g_object_new (REPORTS_TYPE_TYPE_CHOOSER, NULL);
}

const char *
reports_type_chooser_get_report_type (ReportsTypeChooser *self)
{
  g_return_val_if_fail (REPORTS_IS_TYPE_CHOOSER (self), NULL);

  return self->report_type;
}

void
reports_type_chooser_set_report_type (ReportsTypeChooser *self,
                                      const char         *api_name)
{
  g_return_if_fail (REPORTS_IS_TYPE_CHOOSER (self));

  if (g_strcmp0 (self->report_type, api_name) == 0)
    return;

  g_free (self->report_type);
  self->report_type = g_strdup (api_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT_TYPE]);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ReportsTypeChooser *self = user_data;
  ReportsTypeEntry *entry = item;

  if (reports_type_entry_is_heading (entry))
    return self->matching_categories[reports_type_entry_get_category (entry)];

  return reports_type_entry_matches (entry, self->needle);
}

static void
search_changed_cb (ReportsTypeChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  g_clear_pointer (&self->needle, g_free);
  self->needle = g_utf8_casefold (text, -1);

  /* A heading stays when at least one of its types matches. */
  memset (self->matching_categories, 0, sizeof self->matching_categories);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsTypeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!reports_type_entry_is_heading (entry) && reports_type_entry_matches (entry, self->needle))
        self->matching_categories[reports_type_entry_get_category (entry)] = TRUE;
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose (ReportsTypeChooser *self,
        ReportsTypeEntry   *entry)
{
  if (entry == NULL || reports_type_entry_is_heading (entry))
    return;

  reports_type_chooser_set_report_type (self,
                                        yeastar_report_type_get_api_name (reports_type_entry_get_report_type (entry)));
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
activate_cb (ReportsTypeChooser *self,
             guint               position)
{
  g_autoptr(ReportsTypeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  choose (self, entry);
}

static void
search_activate_cb (ReportsTypeChooser *self)
{
  guint n_items;

  /* Enter takes the first matching type, also when typed faster than the
   * search entry's delay. */
  search_changed_cb (self);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsTypeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (!reports_type_entry_is_heading (entry))
        {
          choose (self, entry);
          return;
        }
    }
}

static void
stop_search_cb (ReportsTypeChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
show_cb (ReportsTypeChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ReportsTypeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gboolean heading = reports_type_entry_is_heading (entry);

  gtk_label_set_text (GTK_LABEL (label), reports_type_entry_get_title (entry));
  gtk_list_item_set_activatable (list_item, !heading);
  gtk_list_item_set_selectable (list_item, !heading);
  if (heading)
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
    }
  else
    {
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 0);
    }
}

static void
reports_type_chooser_dispose (GObject *object)
{
  ReportsTypeChooser *self = REPORTS_TYPE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_TYPE_CHOOSER);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->report_type, g_free);

  G_OBJECT_CLASS (reports_type_chooser_parent_class)->dispose (object);
}

static void
reports_type_chooser_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReportsTypeChooser *self = REPORTS_TYPE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_REPORT_TYPE:
      g_value_set_string (value, self->report_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_type_chooser_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReportsTypeChooser *self = REPORTS_TYPE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_REPORT_TYPE:
      reports_type_chooser_set_report_type (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_type_chooser_class_init (ReportsTypeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_type_chooser_dispose;
  object_class->get_property = reports_type_chooser_get_property;
  object_class->set_property = reports_type_chooser_set_property;

  properties [PROP_REPORT_TYPE] =
    g_param_spec_string ("report-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-type-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsTypeChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReportsTypeChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
}

static void
reports_type_chooser_init (ReportsTypeChooser *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Headings and types, category by category, in table order. */
  self->entries = g_list_store_new (REPORTS_TYPE_TYPE_ENTRY);
  for (guint category = 0; category < YEASTAR_N_CATEGORIES; category++)
    {
      gboolean has_types = FALSE;

      for (guint i = 0; i < yeastar_report_type_get_count (); i++)
        {
          const YeastarReportType *type = yeastar_report_type_get_nth (i);
          g_autoptr(ReportsTypeEntry) entry = NULL;

          if (yeastar_report_type_get_category (type) != category)
            continue;

          if (!has_types)
            {
              g_autoptr(ReportsTypeEntry) heading = reports_type_entry_new_heading (category);

              g_list_store_append (self->entries, heading);
              has_types = TRUE;
            }

          entry = reports_type_entry_new_type (type);
          g_list_store_append (self->entries, entry);
        }
    }

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  search_changed_cb (self);
}
