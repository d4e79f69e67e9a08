/* reports-id-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-id-row.h"
#include "yeastar-menu-option.h"

struct _ReportsIdRow
{
  AdwActionRow    parent_instance;

  ReportsSession *session;
  YeastarParam    param;
  char           *value;
  GListModel     *options;
  GCancellable   *cancellable;
  guint           updating : 1;

  GtkDropDown    *dropdown;
  GtkWidget      *spinner;
};

G_DEFINE_FINAL_TYPE (ReportsIdRow, reports_id_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char *
reports_id_row_get_value (ReportsIdRow *self)
{
  g_return_val_if_fail (REPORTS_IS_ID_ROW (self), NULL);

  return self->value;
}

static void selected_cb (ReportsIdRow *self);

/* Shows the value in the drop-down. A value the PBX no longer lists
 * gives way to the first option, so that what is shown is what is sent. */
static void
select_value (ReportsIdRow *self)
{
  guint n_items;

  if (self->options == NULL)
    return;

  n_items = g_list_model_get_n_items (self->options);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (self->options, i);

      if (g_strcmp0 (yeastar_menu_option_get_id (option), self->value) == 0)
        {
          self->updating = TRUE;
          gtk_drop_down_set_selected (self->dropdown, i);
          self->updating = FALSE;
          return;
        }
    }

  if (n_items > 0)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->dropdown, 0);
      self->updating = FALSE;
      selected_cb (self);
    }
}

void
reports_id_row_set_value (ReportsIdRow *self,
                          const char   *value)
{
  g_return_if_fail (REPORTS_IS_ID_ROW (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  select_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

static void
selected_cb (ReportsIdRow *self)
{
  YeastarMenuOption *option;

  if (self->updating)
    return;

  option = gtk_drop_down_get_selected_item (self->dropdown);
  reports_id_row_set_value (self, option != NULL ? yeastar_menu_option_get_id (option) : NULL);
}

static void
load_menu_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ReportsIdRow) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *options;

  options = reports_session_load_menu_finish (REPORTS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);

  if (options == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the list: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      return;
    }

  self->options = options;
  self->updating = TRUE;
  gtk_drop_down_set_model (self->dropdown, options);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), TRUE);

  if (self->value != NULL)
    select_value (self);
  else
    selected_cb (self); /* a single ID always has a choice: the first one */
}

static void
reports_id_row_dispose (GObject *object)
{
  ReportsIdRow *self = REPORTS_ID_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->options);
  g_clear_object (&self->session);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (reports_id_row_parent_class)->dispose (object);
}

static void
reports_id_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReportsIdRow *self = REPORTS_ID_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReportsIdRow *self = REPORTS_ID_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      reports_id_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_id_row_class_init (ReportsIdRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_id_row_dispose;
  object_class->get_property = reports_id_row_get_property;
  object_class->set_property = reports_id_row_set_property;

  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_id_row_init (ReportsIdRow *self)
{
  GtkExpression *expression;

  self->spinner = gtk_spinner_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->spinner);

  expression = gtk_property_expression_new (YEASTAR_TYPE_MENU_OPTION, NULL, "text");
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, expression));
  gtk_drop_down_set_enable_search (self->dropdown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), FALSE);
  g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->dropdown));
}

GtkWidget *
reports_id_row_new (ReportsSession *session,
                    YeastarParam    param)
{
  ReportsIdRow *self;

  g_return_val_if_fail (REPORTS_IS_SESSION (session), NULL);
  g_return_val_if_fail (yeastar_param_get_menu (param) != NULL, NULL);

  self = g_object_new (REPORTS_TYPE_ID_ROW,
                       "title", yeastar_param_get_title (param),
                       NULL);
  self->session = g_object_ref (session);
  self->param = param;
  self->cancellable = g_cancellable_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, yeastar_param_get_title (param),
                                  -1);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  reports_session_load_menu_async (session, yeastar_param_get_menu (param), NULL,
                                   self->cancellable, load_menu_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}
