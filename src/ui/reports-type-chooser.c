/* reports-type-chooser.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-type-chooser.h"
#include "reports-type-entry.h"

struct _ReportsTypeChooser
{
  AdwBin          parent_instance;

  char           *needle;
  char           *report_type;
  gboolean        syncing;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (ReportsTypeChooser, reports_type_chooser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT_TYPE,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

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

static ReportsTypeEntry *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "entry");
}

static const char *
row_api_name (GtkListBoxRow *row)
{
  return yeastar_report_type_get_api_name (reports_type_entry_get_report_type (row_entry (row)));
}

static void
select_current (ReportsTypeChooser *self)
{
  self->syncing = TRUE;
  gtk_list_box_unselect_all (self->list_box);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (row_api_name (GTK_LIST_BOX_ROW (child)), self->report_type) == 0)
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (child));
    }
  self->syncing = FALSE;
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
  select_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REPORT_TYPE]);
}

static gboolean
row_shown (ReportsTypeChooser *self,
           GtkWidget          *row)
{
  return GTK_IS_LIST_BOX_ROW (row) &&
         reports_type_entry_matches (row_entry (GTK_LIST_BOX_ROW (row)), self->needle);
}

/* The next or previous type in the order of the sidebar, wrapping
 * around. */
void
reports_type_chooser_step (ReportsTypeChooser *self,
                           int                 delta)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint current = 0;

  g_return_if_fail (REPORTS_IS_TYPE_CHOOSER (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (g_strcmp0 (row_api_name (GTK_LIST_BOX_ROW (child)), self->report_type) == 0)
        current = shown->len;
      g_ptr_array_add (shown, child);
    }

  if (shown->len == 0)
    return;

  current = (current + shown->len + (delta % (int) shown->len)) % shown->len;
  reports_type_chooser_set_report_type (self, row_api_name (g_ptr_array_index (shown, current)));
}

void
reports_type_chooser_focus_search (ReportsTypeChooser *self)
{
  g_return_if_fail (REPORTS_IS_TYPE_CHOOSER (self));

  /* What is typed next replaces the last search. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  ReportsTypeChooser *self = user_data;

  return reports_type_entry_matches (row_entry (row), self->needle);
}

/* A heading above the first type of each group the search leaves. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  YeastarCategory category = reports_type_entry_get_category (row_entry (row));
  GtkWidget *header;

  if (before != NULL && reports_type_entry_get_category (row_entry (before)) == category)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (yeastar_category_get_group_title (category));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
search_changed_cb (ReportsTypeChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gboolean any = FALSE;

  g_clear_pointer (&self->needle, g_free);
  self->needle = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL && !any;
       child = gtk_widget_get_next_sibling (child))
    any = row_shown (self, child);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), !any);
}

static void
choose (ReportsTypeChooser *self,
        GtkListBoxRow      *row)
{
  reports_type_chooser_set_report_type (self, row_api_name (row));
  g_signal_emit (self, signals [ACTIVATED], 0);
}

static void
row_activated_cb (ReportsTypeChooser *self,
                  GtkListBoxRow      *row)
{
  choose (self, row);
}

/* Arrows in the list select as they move, as in a settings sidebar. */
static void
row_selected_cb (ReportsTypeChooser *self,
                 GtkListBoxRow      *row)
{
  if (!self->syncing && row != NULL)
    reports_type_chooser_set_report_type (self, row_api_name (row));
}

static void
search_activate_cb (ReportsTypeChooser *self)
{
  /* Enter takes the first matching type, also when typed faster than the
   * search entry's delay. */
  search_changed_cb (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (row_shown (self, child))
        {
          choose (self, GTK_LIST_BOX_ROW (child));
          /* Found: the sidebar lists every type again. */
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          search_changed_cb (self);
          return;
        }
    }
}

static void
stop_search_cb (ReportsTypeChooser *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list_box);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  if (selected != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (selected));
}

static int
compare_types (gconstpointer a,
               gconstpointer b)
{
  const YeastarReportType *type_a = *(const YeastarReportType **) a;
  const YeastarReportType *type_b = *(const YeastarReportType **) b;
  int by_category = (int) yeastar_report_type_get_category (type_a) - (int) yeastar_report_type_get_category (type_b);

  if (by_category != 0)
    return by_category;

  return (int) yeastar_report_type_get_index (type_a) - (int) yeastar_report_type_get_index (type_b);
}

/* The types in the order of the table, grouped as the PBX groups them
 * (its "Other" reports last). */
static void
add_rows (ReportsTypeChooser *self)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    g_ptr_array_add (types, (gpointer) yeastar_report_type_get_nth (i));
  g_ptr_array_sort (types, compare_types);

  for (guint i = 0; i < types->len; i++)
    {
      const YeastarReportType *type = g_ptr_array_index (types, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (yeastar_report_type_get_title (type));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, yeastar_report_type_get_title (type),
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "entry", reports_type_entry_new_type (type), g_object_unref);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
reports_type_chooser_dispose (GObject *object)
{
  ReportsTypeChooser *self = REPORTS_TYPE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_TYPE_CHOOSER);
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

  signals [ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-type-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsTypeChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReportsTypeChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReportsTypeChooser, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
reports_type_chooser_init (ReportsTypeChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
  add_rows (self);
}
