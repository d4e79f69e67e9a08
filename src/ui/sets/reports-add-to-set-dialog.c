/* reports-add-to-set-dialog.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-add-to-set-dialog.h"
#include "reports-set-store.h"
#include "reports-sets-util.h"
#include "reports-sets-window.h"
#include "yeastar-text.h"

struct _ReportsAddToSetDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  ReportsSession       *session;
  YeastarReportRequest *request;   /* a copy of the form's */
  GSettings            *settings;
  GStrv                 names;     /* the saved sets */
  char                 *invalid;   /* why the form cannot be added, or NULL */

  /* Template widgets */
  GtkButton            *add_button;
  AdwActionRow         *report_row;
  AdwComboRow          *set_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *period_row;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (ReportsAddToSetDialog, reports_add_to_set_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
new_set_chosen (ReportsAddToSetDialog *self)
{
  return adw_combo_row_get_selected (self->set_row) >= g_strv_length (self->names);
}

static void
show_message (ReportsAddToSetDialog *self,
              const char            *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_sensitive (ReportsAddToSetDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean ok = self->invalid == NULL;

  if (ok && new_set_chosen (self))
    ok = reports_set_check_name (name, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), ok);
}

static void
set_selected_cb (ReportsAddToSetDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), new_set_chosen (self));
  update_sensitive (self);
}

static ReportsSet *
load_or_create (ReportsAddToSetDialog  *self,
                gboolean               *created,
                GError                **error)
{
  g_autoptr(ReportsSet) set = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  const char *name;

  if (!new_set_chosen (self))
    {
      *created = FALSE;
      return reports_set_store_load (self->names[adw_combo_row_get_selected (self->set_row)], error);
    }

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  if (!reports_set_check_name (name, error))
    return NULL;

  file = reports_set_store_dup_file (name);
  if (g_file_query_exists (file, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("There is a set named “%s” already: choose it above, or give another name"), name);
      return NULL;
    }

  *created = TRUE;
  set = reports_set_new (name);
  /* The new set's files go where the form saves them. */
  folder = g_settings_get_string (self->settings, "destination-folder");
  if (folder[0] != '\0')
    reports_set_set_output (set, folder);

  return g_steal_pointer (&set);
}

static void
add_clicked_cb (ReportsAddToSetDialog *self)
{
  YeastarClient *client = reports_session_get_client (self->session);
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  ReportsSetPbx *pbx;
  ReportsPeriod period;
  gboolean created = FALSE;

  if (self->invalid != NULL || !reports_sets_period_choice_get (G_OBJECT (self->period_row), &period))
    return;

  set = load_or_create (self, &created, &error);
  if (set == NULL)
    {
      show_message (self, error->message);
      return;
    }

  report = reports_sets_report_from_request (self->request, &period);
  if (!reports_set_report_check (report, &error))
    {
      show_message (self, error->message);
      return;
    }

  /* The PBX connected, once: a set downloads each report from each PBX. */
  pbx = reports_set_pbx_new (yeastar_client_get_base_uri (client), yeastar_client_get_client_id (client));
  pbx->pinned_certificate = g_strdup (yeastar_client_get_pinned_certificate (client));
  reports_set_add_pbx (set, pbx);
  reports_set_add_report (set, g_steal_pointer (&report));

  if (!reports_set_store_save (set, !created, &error))
    {
      show_message (self, error->message);
      return;
    }

  /* A Report Sets window open meanwhile shows the set as it is now. */
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    reports_sets_window_reload (gtk_window_get_transient_for (GTK_WINDOW (self)));

  g_signal_emit (self, signals[ADDED], 0, reports_set_get_name (set));
  gtk_window_close (GTK_WINDOW (self));
}

static void
reports_add_to_set_dialog_dispose (GObject *object)
{
  ReportsAddToSetDialog *self = REPORTS_ADD_TO_SET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_ADD_TO_SET_DIALOG);

  g_clear_object (&self->session);
  g_clear_object (&self->request);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->invalid, g_free);

  G_OBJECT_CLASS (reports_add_to_set_dialog_parent_class)->dispose (object);
}

static void
reports_add_to_set_dialog_class_init (ReportsAddToSetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_add_to_set_dialog_dispose;

  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sets/reports-add-to-set-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, set_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsAddToSetDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitive);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reports_add_to_set_dialog_init (ReportsAddToSetDialog *self)
{
  self->names = g_new0 (char *, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
}

/* The form as it is now, for the set; its dates only pick the period. */
static YeastarReportRequest *
copy_request (YeastarReportRequest *request)
{
  YeastarReportRequest *copy = yeastar_report_request_new ();
  const YeastarReportType *type = yeastar_report_request_get_report_type (request);

  yeastar_report_request_set_report_type (copy, yeastar_report_type_get_api_name (type));
  yeastar_report_request_set_start_time (copy, yeastar_report_request_get_start_time (request));
  yeastar_report_request_set_end_time (copy, yeastar_report_request_get_end_time (request));
  yeastar_report_request_set_period_kind (copy, yeastar_report_request_get_period_kind (request));
  yeastar_report_request_set_period (copy, yeastar_report_request_get_period (request));
  yeastar_report_request_set_async (copy, yeastar_report_request_get_async (request));
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (yeastar_report_type_takes (type, p) && yeastar_report_request_find_param_property (p) != NULL)
        yeastar_report_request_set_value (copy, p, yeastar_report_request_get_value (request, p));
    }

  return copy;
}

static void
fill (ReportsAddToSetDialog *self)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);
  YeastarPbxInfo *info = reports_session_get_pbx_info (self->session);
  g_autoptr(GtkStringList) sets = gtk_string_list_new (NULL);
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *pbx = NULL;
  g_autofree char *subtitle = NULL;
  ReportsPeriod period = { YEASTAR_DATE_RANGE_LAST_MONTH, 0 };
  gboolean guessed;

  /* Which period the form's dates are, on the PBX's clock. */
  guessed = reports_sets_guess_period (self->request, yeastar_pbx_info_get_clock (info), &period);
  if (!guessed && yeastar_report_type_uses_period (type))
    period.preset = yeastar_report_request_get_period_kind (self->request) == YEASTAR_PERIOD_YEAR
                    ? YEASTAR_DATE_RANGE_LAST_YEAR
                    : yeastar_report_request_get_period_kind (self->request) == YEASTAR_PERIOD_DAY
                    ? YEASTAR_DATE_RANGE_YESTERDAY
                    : YEASTAR_DATE_RANGE_LAST_MONTH;
  reports_sets_period_choice_fill (G_OBJECT (self->period_row), type, &period);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row),
                               guessed ? _("The form’s dates are this period")
                               : _("Counted from the PBX’s clock at each run"));

  report = reports_sets_report_from_request (self->request, &period);
  filters = reports_sets_describe_filters (report);
  pbx = yeastar_text_escape (yeastar_pbx_info_get_device_name (info), -1);
  /* Translators: a report's filters, then the PBX it comes from */
  subtitle = g_strdup_printf (_("%s\nFrom %s"), filters, pbx);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->report_row), yeastar_report_type_get_title (type));
  adw_action_row_set_subtitle (self->report_row, subtitle);

  /* A request the form would not download is not kept for later. */
  if (!yeastar_report_request_validate (self->request, NULL, &error))
    {
      self->invalid = g_strdup (error->message);
      show_message (self, error->message);
    }

  g_clear_pointer (&self->names, g_strfreev);
  self->names = reports_set_store_list (NULL);
  if (self->names == NULL)
    self->names = g_new0 (char *, 1);
  for (guint i = 0; self->names[i] != NULL; i++)
    gtk_string_list_append (sets, self->names[i]);
  gtk_string_list_append (sets, _("New Set…"));
  adw_combo_row_set_model (self->set_row, G_LIST_MODEL (sets));
  adw_combo_row_set_selected (self->set_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), yeastar_report_type_get_title (type));
  set_selected_cb (self);
}

ReportsAddToSetDialog *
reports_add_to_set_dialog_new (GtkWindow            *parent,
                               ReportsSession       *session,
                               YeastarReportRequest *request,
                               GSettings            *settings)
{
  ReportsAddToSetDialog *self;

  g_return_val_if_fail (REPORTS_IS_SESSION (session), NULL);
  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REPORTS_TYPE_ADD_TO_SET_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  self->request = copy_request (request);
  self->settings = g_object_ref (settings);
  fill (self);

  return self;
}
