/* reports-set-report-editor.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-report-editor.h"
#include "yeastar-menu-match.h"
#include "yeastar-report-request.h"

struct _ReportsSetReportEditor
{
  AdwWindow                parent_instance;

  const YeastarReportType *type;
  GtkWidget               *rows[YEASTAR_N_PARAMS];   /* NULL: not edited here */
  GtkSwitch               *async_switch;
  char                    *values[YEASTAR_N_PARAMS]; /* the checked values */
  gboolean                 async;
  GtkButton               *save_button;
  GtkLabel                *message_label;
};

G_DEFINE_FINAL_TYPE (ReportsSetReportEditor, reports_set_report_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The API value a row holds now, or NULL. */
static char *
read_row (ReportsSetReportEditor *self,
          YeastarParam            param)
{
  GtkWidget *row = self->rows[param];

  switch (yeastar_param_get_value_kind (param))
    {
    case YEASTAR_VALUE_FLAG:
      return gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "switch")) ? g_strdup ("1") : NULL;

    case YEASTAR_VALUE_ENUM:
      {
        const char * const *values = g_object_get_data (G_OBJECT (row), "values");
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
        guint offset = g_object_get_data (G_OBJECT (row), "any") != NULL ? 1 : 0;

        if (selected < offset || values == NULL || selected - offset >= g_strv_length ((char **) values))
          return NULL;
        return g_strdup (values[selected - offset]);
      }

    case YEASTAR_VALUE_ID_LIST:
    case YEASTAR_VALUE_ID:
    case YEASTAR_VALUE_SECONDS:
    case YEASTAR_VALUE_TEXT:
    case YEASTAR_VALUE_DATE_TIME:
    case YEASTAR_VALUE_PERIOD:
    default:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

        return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
      }
    }
}

static void
save_clicked_cb (ReportsSetReportEditor *self)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  char *values[YEASTAR_N_PARAMS] = { NULL, };

  yeastar_report_request_set_report_type (request, yeastar_report_type_get_api_name (self->type));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (self->rows[p] == NULL)
        continue;
      values[p] = read_row (self, p);

      /* Numbers and names are kept as given and looked up on each PBX
       * when the set runs; a stand-in ID lets the rest be checked now. */
      if ((kind == YEASTAR_VALUE_ID || kind == YEASTAR_VALUE_ID_LIST) &&
          yeastar_menu_match_need_lookup (values[p]))
        yeastar_report_request_set_value (request, p, "0");
      else
        yeastar_report_request_set_value (request, p, values[p]);
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      g_autoptr(GError) error = NULL;
      gboolean valid;

      if (self->rows[p] == NULL)
        continue;

      if ((kind == YEASTAR_VALUE_ID || kind == YEASTAR_VALUE_ID_LIST) &&
          yeastar_menu_match_need_lookup (values[p]))
        valid = yeastar_menu_match_check_items (yeastar_param_get_title (p), values[p],
                                                kind == YEASTAR_VALUE_ID, &error);
      else
        valid = yeastar_report_request_validate_param (request, p, &error);

      if (!valid)
        {
          gtk_label_set_text (self->message_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
          gtk_widget_grab_focus (self->rows[p]);
          for (guint i = 0; i < YEASTAR_N_PARAMS; i++)
            g_free (values[i]);
          return;
        }
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_free (self->values[p]);
      self->values[p] = values[p];
    }
  self->async = self->async_switch != NULL && gtk_switch_get_active (self->async_switch);

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

void
reports_set_report_editor_apply (ReportsSetReportEditor *self,
                                 ReportsSetReport       *report)
{
  g_return_if_fail (REPORTS_IS_SET_REPORT_EDITOR (self));
  g_return_if_fail (report != NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (self->rows[p] == NULL)
        continue;
      g_free (report->values[p]);
      report->values[p] = g_strdup (self->values[p]);
    }
  report->async = self->async;
}

static void
reports_set_report_editor_finalize (GObject *object)
{
  ReportsSetReportEditor *self = REPORTS_SET_REPORT_EDITOR (object);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    g_free (self->values[p]);

  G_OBJECT_CLASS (reports_set_report_editor_parent_class)->finalize (object);
}

static void
reports_set_report_editor_class_init (ReportsSetReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reports_set_report_editor_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reports_set_report_editor_init (ReportsSetReportEditor *self)
{
}

static GtkWidget *
switch_row_new (const char *title,
                gboolean    active,
                GtkSwitch **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  if (out_switch != NULL)
    *out_switch = GTK_SWITCH (toggle);

  return row;
}

static GtkWidget *
param_row_new (const YeastarReportType *type,
               YeastarParam             param,
               const char              *value)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (yeastar_report_type_requires (type, param))
    /* Translators: a filter's title, marked as one the report needs */
    title = g_strdup_printf (_("%s (required)"), yeastar_param_get_title (param));
  else
    title = g_strdup (yeastar_param_get_title (param));

  switch (yeastar_param_get_value_kind (param))
    {
    case YEASTAR_VALUE_FLAG:
      return switch_row_new (title, g_strcmp0 (value, "1") == 0, NULL);

    case YEASTAR_VALUE_ENUM:
      {
        const char * const *values = yeastar_report_type_get_enum_values (type, param);
        g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
        gboolean any = !yeastar_report_type_requires (type, param);
        guint selected = 0;

        row = adw_combo_row_new ();
        if (any)
          gtk_string_list_append (titles, C_("filter", "Any"));
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          {
            gtk_string_list_append (titles, yeastar_param_get_enum_value_title (param, values[i]));
            if (g_strcmp0 (value, values[i]) == 0)
              selected = i + (any ? 1 : 0);
          }
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        g_object_set_data (G_OBJECT (row), "values", (gpointer) values);
        g_object_set_data (G_OBJECT (row), "any", GINT_TO_POINTER (any));
        break;
      }

    case YEASTAR_VALUE_ID_LIST:
    case YEASTAR_VALUE_ID:
    case YEASTAR_VALUE_SECONDS:
    case YEASTAR_VALUE_TEXT:
    case YEASTAR_VALUE_DATE_TIME:
    case YEASTAR_VALUE_PERIOD:
    default:
      row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      break;
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  return row;
}

static GtkWidget *
header_bar_new (ReportsSetReportEditor *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));

  return header;
}

ReportsSetReportEditor *
reports_set_report_editor_new (GtkWindow              *parent,
                               const ReportsSetReport *report)
{
  ReportsSetReportEditor *self;
  GtkWidget *box, *page, *group, *message_group;
  g_autofree char *title = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (yeastar_report_type_lookup (report->type) != NULL, NULL);

  self = g_object_new (REPORTS_TYPE_SET_REPORT_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 520,
                       "default-height", 560,
                       "width-request", 360,
                       NULL);
  self->type = yeastar_report_type_lookup (report->type);
  /* Translators: %s is a report type's title */
  title = g_strdup_printf (_("Filters of %s"), yeastar_report_type_get_title (self->type));
  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header_bar_new (self));
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), yeastar_report_type_get_title (self->type));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("IDs are those the PBX lists (see `call-reports options`), "
                                           "several separated by commas. An empty field is not sent."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!yeastar_report_type_takes (self->type, p) || kind == YEASTAR_VALUE_DATE_TIME ||
          kind == YEASTAR_VALUE_PERIOD || p == YEASTAR_PARAM_IS_ASYNC)
        continue;

      self->rows[p] = param_row_new (self->type, p, report->values[p]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rows[p]);
    }

  if (yeastar_report_type_takes (self->type, YEASTAR_PARAM_IS_ASYNC))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               switch_row_new (_("Prepare in the Background"), report->async, &self->async_switch));

  message_group = adw_preferences_group_new ();
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (message_group), GTK_WIDGET (self->message_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (message_group));

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  return self;
}
