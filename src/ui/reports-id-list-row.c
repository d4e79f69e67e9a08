/* reports-id-list-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-id-list-row.h"
#include "reports-id-selector.h"
#include "yeastar-menu-option.h"

struct _ReportsIdListRow
{
  AdwActionRow    parent_instance;

  ReportsSession *session;
  YeastarParam    param;
  GVariant       *selection;     /* a(ss): (menu kind, ID) pairs, or NULL */
  char           *value;         /* their IDs, comma-separated, or NULL */
  char           *queue_id;
  char           *summary;
  GListStore     *options;       /* every menu of the parameter, once loaded */
  GCancellable   *cancellable;
  guint           pending;       /* menus still loading */
  guint           open_when_loaded : 1;

  GtkWidget      *spinner;
  GtkWidget      *choose_button;
};

G_DEFINE_FINAL_TYPE (ReportsIdListRow, reports_id_list_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_VALUE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void load_options (ReportsIdListRow *self);

const char *
reports_id_list_row_get_summary (ReportsIdListRow *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_LIST_ROW (self), NULL);

  return self->summary;
}

/* How many pairs of the selection no option has, once the options are
 * loaded. */
static guint
count_unknown (ReportsIdListRow *self)
{
  g_autoptr(GHashTable) known = NULL;
  GVariantIter iter;
  const char *menu;
  const char *id;
  guint n_options;
  guint n_unknown = 0;

  if (self->selection == NULL || self->options == NULL || self->pending > 0)
    return 0;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_options = g_list_model_get_n_items (G_LIST_MODEL (self->options));
  for (guint i = 0; i < n_options; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (G_LIST_MODEL (self->options), i);

      g_hash_table_add (known, g_strconcat (yeastar_menu_option_get_menu (option), "\n",
                                            yeastar_menu_option_get_id (option), NULL));
    }

  g_variant_iter_init (&iter, self->selection);
  while (g_variant_iter_next (&iter, "(&s&s)", &menu, &id))
    {
      g_autofree char *key = g_strconcat (menu, "\n", id, NULL);

      if (!g_hash_table_contains (known, key))
        n_unknown++;
    }

  return n_unknown;
}

static void
update_summary (ReportsIdListRow *self)
{
  guint n = self->selection != NULL ? g_variant_n_children (self->selection) : 0;
  guint total = self->options != NULL && self->pending == 0 ? g_list_model_get_n_items (G_LIST_MODEL (self->options)) : 0;
  guint n_unknown = count_unknown (self);
  g_autofree char *summary = NULL;

  if (yeastar_param_needs_queue (self->param) && self->queue_id == NULL)
    summary = g_strdup (_("Choose a queue first"));
  else if (n == 0)
    summary = g_strdup (_("None selected"));
  else if (total > 0 && n == total && n_unknown == 0)
    {
      g_autofree char *count = yeastar_param_format_count (self->param, total);

      /* Translators: %s is a count such as "120 queues". */
      summary = g_strdup_printf (_("All %s"), count);
    }
  else if (n_unknown > 0)
    {
      g_autofree char *count = yeastar_param_format_count (self->param, n);

      /* Translators: %s is a count such as "3 extensions or groups";
       * %u how many of them the PBX no longer lists. */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u unknown", "%s, %u unknown", n_unknown),
                                 count, n_unknown);
    }
  else
    summary = yeastar_param_format_count (self->param, n);

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self),
                            !yeastar_param_needs_queue (self->param) || self->queue_id != NULL);
}

const char *
reports_id_list_row_get_value (ReportsIdListRow *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_LIST_ROW (self), NULL);

  return self->value;
}

GVariant *
reports_id_list_row_get_selection (ReportsIdListRow *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_LIST_ROW (self), NULL);

  return self->selection;
}

/* The IDs of the pairs, once each: what the PBX receives. An extension
 * and an extension group with the same ID are one ID to it. */
static char *
join_ids (GVariant *selection)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) ids = g_string_new (NULL);
  GVariantIter iter;
  const char *id;

  if (selection == NULL)
    return NULL;

  g_variant_iter_init (&iter, selection);
  while (g_variant_iter_next (&iter, "(&s&s)", NULL, &id))
    {
      if (id[0] == '\0' || !g_hash_table_add (seen, (gpointer) id))
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, id);
    }

  return ids->len > 0 ? g_string_free (g_steal_pointer (&ids), FALSE) : NULL;
}

void
reports_id_list_row_set_selection (ReportsIdListRow *self,
                                   GVariant         *selection)
{
  g_autoptr(GVariant) owned = NULL;
  g_autofree char *value = NULL;

  g_return_if_fail (REPORTS_IS_ID_LIST_ROW (self));
  g_return_if_fail (selection == NULL || g_variant_is_of_type (selection, G_VARIANT_TYPE ("a(ss)")));

  if (selection != NULL)
    owned = g_variant_ref_sink (selection);
  if (owned != NULL && g_variant_n_children (owned) == 0)
    g_clear_pointer (&owned, g_variant_unref);

  if (self->selection == owned ||
      (self->selection != NULL && owned != NULL && g_variant_equal (self->selection, owned)))
    return;

  g_clear_pointer (&self->selection, g_variant_unref);
  self->selection = g_steal_pointer (&owned);

  value = join_ids (self->selection);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
  if (g_strcmp0 (value, self->value) != 0)
    {
      g_free (self->value);
      self->value = g_steal_pointer (&value);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
    }
}

void
reports_id_list_row_set_queue_id (ReportsIdListRow *self,
                                  const char       *queue_id)
{
  gboolean changed;

  g_return_if_fail (REPORTS_IS_ID_LIST_ROW (self));

  if (queue_id != NULL && queue_id[0] == '\0')
    queue_id = NULL;

  if (g_strcmp0 (self->queue_id, queue_id) == 0)
    return;

  /* Agents belong to a queue: another queue, another list, and the
   * agents picked for the previous queue no longer apply. The first
   * queue the row is given is the one the selection was made for. */
  changed = self->queue_id != NULL;
  g_free (self->queue_id);
  self->queue_id = g_strdup (queue_id);

  g_clear_object (&self->options);
  if (changed || self->queue_id == NULL)
    reports_id_list_row_set_selection (self, NULL);
  update_summary (self);
  if (self->queue_id != NULL)
    load_options (self);
}

static void
applied_cb (ReportsIdListRow *self,
            GVariant         *selection)
{
  reports_id_list_row_set_selection (self, selection);
}

static void
open_selector (ReportsIdListRow *self)
{
  ReportsIdSelector *selector;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  /* The field's name, without the "(required)" of the row. */
  const char *title = yeastar_param_get_title (self->param);

  selector = reports_id_selector_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      title, G_LIST_MODEL (self->options), self->selection);
  g_signal_connect_object (selector, "applied", G_CALLBACK (applied_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (selector));
}

static void
set_loading (ReportsIdListRow *self,
             gboolean          loading)
{
  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
}

static void
load_menu_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReportsIdListRow) self = user_data;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_items;

  options = reports_session_load_menu_finish (REPORTS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending--;

  if (options == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the list: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      set_loading (self, FALSE);
      self->open_when_loaded = FALSE;
      return;
    }

  n_items = g_list_model_get_n_items (options);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (options, i));
  if (self->options != NULL)
    g_list_store_splice (self->options, g_list_model_get_n_items (G_LIST_MODEL (self->options)), 0,
                         items->pdata, items->len);

  if (self->pending == 0)
    {
      set_loading (self, FALSE);
      update_summary (self);
      if (self->open_when_loaded)
        {
          self->open_when_loaded = FALSE;
          open_selector (self);
        }
    }
}

static void
load_options (ReportsIdListRow *self)
{
  const char * const *menus = yeastar_param_get_menus (self->param);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->options);
  self->options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
  self->pending = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  if (self->session == NULL || menus == NULL)
    return;

  set_loading (self, TRUE);
  for (guint i = 0; menus[i] != NULL; i++)
    {
      self->pending++;
      reports_session_load_menu_async (self->session, menus[i],
                                       yeastar_param_needs_queue (self->param) ? self->queue_id : NULL,
                                       self->cancellable, load_menu_cb, g_object_ref (self));
    }
}

static void
choose (ReportsIdListRow *self)
{
  if (self->options == NULL || gtk_widget_has_css_class (GTK_WIDGET (self), "error"))
    load_options (self);

  if (self->pending > 0)
    self->open_when_loaded = TRUE;
  else
    open_selector (self);
}

static void
reports_id_list_row_activate (AdwActionRow *row)
{
  choose (REPORTS_ID_LIST_ROW (row));
}

static void
reports_id_list_row_dispose (GObject *object)
{
  ReportsIdListRow *self = REPORTS_ID_LIST_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->options);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (reports_id_list_row_parent_class)->dispose (object);
}

static void
reports_id_list_row_finalize (GObject *object)
{
  ReportsIdListRow *self = REPORTS_ID_LIST_ROW (object);

  g_clear_pointer (&self->selection, g_variant_unref);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->queue_id, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (reports_id_list_row_parent_class)->finalize (object);
}

static void
reports_id_list_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReportsIdListRow *self = REPORTS_ID_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_variant (value, self->selection);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_list_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReportsIdListRow *self = REPORTS_ID_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      reports_id_list_row_set_selection (self, g_value_get_variant (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_list_row_class_init (ReportsIdListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = reports_id_list_row_dispose;
  object_class->finalize = reports_id_list_row_finalize;
  object_class->get_property = reports_id_list_row_get_property;
  object_class->set_property = reports_id_list_row_set_property;

  row_class->activate = reports_id_list_row_activate;

  properties [PROP_SELECTION] =
    g_param_spec_variant ("selection", NULL, NULL,
                          G_VARIANT_TYPE ("a(ss)"), NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_list_row_init (ReportsIdListRow *self)
{
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->spinner);

  /* A real button, so that keyboard and assistive technology users get
   * the same "Choose…" as a click on the row. */
  self->choose_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (self->choose_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->choose_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->choose_button);
}

GtkWidget *
reports_id_list_row_new (ReportsSession *session,
                         YeastarParam    param)
{
  ReportsIdListRow *self;
  g_autofree char *choose_label = NULL;

  g_return_val_if_fail (REPORTS_IS_SESSION (session), NULL);
  g_return_val_if_fail (yeastar_param_get_value_kind (param) == YEASTAR_VALUE_ID_LIST, NULL);

  self = g_object_new (REPORTS_TYPE_ID_LIST_ROW,
                       "title", yeastar_param_get_title (param),
                       NULL);
  /* Translators: the accessible name of the button that opens the ID
   * selector; %s is a list such as "Extensions". */
  choose_label = g_strdup_printf (_("Choose %s"), yeastar_param_get_title (param));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, choose_label,
                                  -1);
  self->session = g_object_ref (session);
  self->param = param;
  update_summary (self);
  if (!yeastar_param_needs_queue (param))
    load_options (self);

  return GTK_WIDGET (self);
}
