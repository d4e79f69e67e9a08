/* reports-set-page.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-compat.h"
#include "reports-display-path.h"
#include "reports-download-history.h"
#include "reports-download-record.h"
#include "reports-name-template.h"
#include "reports-secrets.h"
#include "reports-server.h"
#include "reports-set-page-private.h"
#include "reports-set-report-editor.h"
#include "reports-set-run-records.h"
#include "reports-set-run-row.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-sets-schedule.h"
#include "reports-sets-util.h"
#include "reports-sets-window.h"
#include "yeastar-text.h"


G_DEFINE_FINAL_TYPE (ReportsSetPage, reports_set_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild_pbxs    (ReportsSetPage *self);
static void rebuild_reports (ReportsSetPage *self);

void
_reports_set_page_show_toast (ReportsSetPage *self,
                              const char     *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (!REPORTS_IS_SETS_WINDOW (root))
    {
      g_message ("%s", text);
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  reports_sets_window_add_toast (REPORTS_SETS_WINDOW (root), toast);
}

void
_reports_set_page_emit_changed (ReportsSetPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Every change is saved at once, as GNOME's settings are. */
static gboolean
save (ReportsSetPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!reports_set_store_save (self->set, TRUE, &error))
    {
      _reports_set_page_show_toast (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* General ------------------------------------------------------------ */

/* What a run would put for {pbx}: the PBX's device name, known from the
 * newest download from it, else its host, as the run does for a PBX
 * that has no name. */
static char *
dup_example_pbx_name (const ReportsSetPbx *pbx)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_dup_default ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (history));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReportsDownloadRecord) record = g_list_model_get_item (G_LIST_MODEL (history), i);
      const char *name = reports_download_record_get_pbx_name (record);

      if (name != NULL && name[0] != '\0' &&
          g_strcmp0 (reports_download_record_get_pbx_uri (record), pbx->server) == 0)
        return g_strdup (name);
    }

  return reports_sets_dup_host (pbx->server);
}

static void
update_example (ReportsSetPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->template_row));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  ReportsPeriod period = { YEASTAR_DATE_RANGE_LAST_MONTH, 0 };
  g_autofree char *label = reports_period_dup_label (&period, now);
  g_autofree char *host = NULL;
  g_autofree char *pbx_name = NULL;
  g_autofree char *relative = NULL;
  const char *type = "QueuePerformance";
  ReportsNameValues values = { 0, };

  if (!reports_name_template_check (text, &error))
    {
      adw_action_row_set_subtitle (self->example_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->example_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->example_row), "error");

  if (reports_set_get_n_reports (self->set) > 0)
    {
      const ReportsSetReport *report = reports_set_get_report (self->set, 0);

      type = report->type;
      g_free (label);
      label = reports_period_dup_label (&report->period, now);
    }

  if (reports_set_get_n_pbxs (self->set) > 0)
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (self->set, 0);

      host = reports_sets_dup_host (pbx->server);
      pbx_name = dup_example_pbx_name (pbx);
    }
  else
    {
      host = g_strdup ("192.168.1.150");
      pbx_name = g_strdup (host);
    }
  values.pbx = pbx_name;
  values.host = host;
  values.type = type;
  values.period = label;
  values.set = reports_set_get_name (self->set);
  relative = reports_name_template_expand (text, &values);
  adw_action_row_set_subtitle (self->example_row, relative);
}

static void
template_changed_cb (ReportsSetPage *self)
{
  if (self->set != NULL)
    update_example (self);
}

static void
template_apply_cb (ReportsSetPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->template_row));
  g_autoptr(GError) error = NULL;

  if (!reports_name_template_check (text, &error))
    {
      _reports_set_page_show_toast (self, error->message);
      return;
    }

  reports_set_set_name_template (self->set, text);
  save (self);
}

static void
update_folder (ReportsSetPage *self)
{
  g_autoptr(GFile) folder = reports_set_dup_output_folder (self->set);
  g_autofree char *display = reports_display_path_file (folder);

  adw_action_row_set_subtitle (self->folder_row, display);
}

static void
choose_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ReportsSetPage) self = user_data;
  g_autoptr(GFile) folder = reports_compat_choose_folder_finish (result, NULL);
  g_autofree char *path = NULL;

  if (folder == NULL || self->set == NULL || (path = g_file_get_path (folder)) == NULL)
    return;

  reports_set_set_output (self->set, path);
  update_folder (self);
  save (self);
}

static void
folder_clicked_cb (ReportsSetPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) folder = reports_set_dup_output_folder (self->set);

  reports_compat_choose_folder_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      _("Save the Set’s Reports Into"),
                                      folder, self->cancellable,
                                      choose_folder_cb, g_object_ref (self));
}

static void
keep_changed_cb (ReportsSetPage *self)
{
  guint months = gtk_spin_button_get_value_as_int (self->keep_spin);

  if (self->loading_keep || self->set == NULL || months == reports_set_get_keep_months (self->set))
    return;

  reports_set_set_keep_months (self->set, months);
  save (self);
}

static void
load_keep (ReportsSetPage *self)
{
  self->loading_keep = TRUE;
  gtk_spin_button_set_value (self->keep_spin, reports_set_get_keep_months (self->set));
  self->loading_keep = FALSE;
}

/* A renamed set takes its run history and its schedule along. */
static void
name_apply_cb (ReportsSetPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *old_name = g_strdup (reports_set_get_name (self->set));
  g_autoptr(ReportsSetState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (name, old_name))
    return;

  if (!reports_set_check_name (name, &error))
    {
      _reports_set_page_show_toast (self, error->message);
      return;
    }

  reports_set_set_name (self->set, name);
  if (!reports_set_store_save (self->set, FALSE, &error))
    {
      reports_set_set_name (self->set, old_name);
      _reports_set_page_show_toast (self, error->message);
      return;
    }

  state = reports_set_state_load (old_name);
  if (!reports_set_state_save (state, name, &error) ||
      !reports_set_state_delete (old_name, &error) ||
      !reports_sets_schedule_rename (old_name, self->set, &error) ||
      !reports_set_store_delete (old_name, &error))
    _reports_set_page_show_toast (self, error->message);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* PBXs --------------------------------------------------------------- */

static void
remove_pbx_clicked_cb (GtkButton      *button,
                       ReportsSetPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (!reports_set_remove_pbx (self->set, index))
    return;

  rebuild_pbxs (self);
  update_example (self);
  save (self);
}

static void
add_pbx_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReportsSetPage *self = REPORTS_SET_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(ReportsServer) server = NULL;
  ReportsSetPbx *pbx;

  if (self->servers == NULL || (server = g_list_model_get_item (self->servers, index)) == NULL)
    return;

  pbx = reports_set_pbx_new (reports_server_get_uri (server), reports_server_get_client_id (server));
  pbx->pinned_certificate = g_strdup (reports_server_get_pinned_certificate (server));
  if (!reports_set_add_pbx (self->set, pbx))
    return;

  rebuild_pbxs (self);
  update_example (self);
  save (self);
}

static void
rebuild_add_pbx_menu (ReportsSetPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = self->servers != NULL ? g_list_model_get_n_items (self->servers) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReportsServer) server = g_list_model_get_item (self->servers, i);
      g_autofree char *host = reports_sets_dup_host (reports_server_get_uri (server));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean present = FALSE;

      for (guint p = 0; p < reports_set_get_n_pbxs (self->set); p++)
        {
          const ReportsSetPbx *pbx = reports_set_get_pbx (self->set, p);

          present |= reports_server_equal (server, pbx->server, pbx->client_id);
        }
      if (present)
        continue;

      /* Translators: a PBX's address and the Client ID of its API application */
      label = g_strdup_printf (_("%s (Client ID %s)"), host, reports_server_get_client_id (server));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "set.add-pbx", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->add_pbx_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_pbx_button), g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_pbx_button),
                               g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0
                               ? _("Add a Saved PBX")
                               : _("Every saved PBX is in the set; connect with Remember This PBX to save another"));
}

static GtkWidget *
remove_button_new (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return button;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild_pbxs (ReportsSetPage *self)
{
  clear_rows (self->pbx_group, self->pbx_rows);

  for (guint i = 0; i < reports_set_get_n_pbxs (self->set); i++)
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (self->set, i);
      g_autofree char *host = reports_sets_dup_host (pbx->server);
      g_autofree char *subtitle = g_strdup_printf (_("Client ID %s"), pbx->client_id);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s From the Set"), host);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = remove_button_new (remove_label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), host);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_pbx_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->pbx_group, row);
      g_ptr_array_add (self->pbx_rows, row);
    }

  if (reports_set_get_n_pbxs (self->set) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No PBX yet: add a saved one with +"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->pbx_group, row);
      g_ptr_array_add (self->pbx_rows, row);
    }

  rebuild_add_pbx_menu (self);
}

/* Reports ------------------------------------------------------------ */

static void
remove_report_clicked_cb (GtkButton      *button,
                          ReportsSetPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (!reports_set_remove_report (self->set, index))
    return;

  rebuild_reports (self);
  update_example (self);
  save (self);
}

static void
filters_saved_cb (ReportsSetReportEditor *editor,
                  ReportsSetPage         *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editor), "index"));

  if (self->set == NULL || self->run != NULL || index >= reports_set_get_n_reports (self->set))
    return;

  /* The report is the set's own; its filters change in place. */
  reports_set_report_editor_apply (editor, (ReportsSetReport *) reports_set_get_report (self->set, index));
  rebuild_reports (self);
  save (self);
}

static void
edit_report_clicked_cb (GtkButton      *button,
                        ReportsSetPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ReportsSetReportEditor *editor;

  if (index >= reports_set_get_n_reports (self->set))
    return;

  editor = reports_set_report_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          reports_set_get_report (self->set, index));
  g_object_set_data (G_OBJECT (editor), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (editor, "saved", G_CALLBACK (filters_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
period_selected_cb (GtkDropDown    *drop_down,
                    GParamSpec     *pspec,
                    ReportsSetPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "index"));
  ReportsSetReport *report;
  ReportsPeriod period;

  if (index >= reports_set_get_n_reports (self->set) ||
      !reports_sets_period_choice_get (G_OBJECT (drop_down), &period))
    return;

  /* The report is the set's own; only its period changes. */
  report = (ReportsSetReport *) reports_set_get_report (self->set, index);
  if (reports_period_equal (&report->period, &period))
    return;

  report->period = period;
  update_example (self);
  save (self);
}

static void
rebuild_reports (ReportsSetPage *self)
{
  clear_rows (self->report_group, self->report_rows);

  for (guint i = 0; i < reports_set_get_n_reports (self->set); i++)
    {
      const ReportsSetReport *report = reports_set_get_report (self->set, i);
      const YeastarReportType *type = yeastar_report_type_lookup (report->type);
      const char *title = type != NULL ? yeastar_report_type_get_title (type) : report->type;
      g_autofree char *filters = reports_sets_describe_filters (report);
      g_autofree char *period_label = g_strdup_printf (_("Period of %s"), title);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s From the Set"), title);
      /* Translators: %s is a report type's title */
      g_autofree char *edit_label = g_strdup_printf (_("Edit the Filters of %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = remove_button_new (remove_label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), filters);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

      reports_sets_period_choice_fill (G_OBJECT (drop_down), type, &report->period);
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (drop_down, period_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, period_label, -1);
      g_object_set_data (G_OBJECT (drop_down), "index", GUINT_TO_POINTER (i));
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (period_selected_cb), self);

      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_report_clicked_cb), self);

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, edit_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
      g_object_set_data (G_OBJECT (edit), "index", GUINT_TO_POINTER (i));
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_report_clicked_cb), self);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->report_group, row);
      g_ptr_array_add (self->report_rows, row);
    }

  if (reports_set_get_n_reports (self->set) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No report yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->report_group, row);
      g_ptr_array_add (self->report_rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            self->run == NULL &&
                            reports_set_get_n_reports (self->set) > 0 &&
                            reports_set_get_n_pbxs (self->set) > 0);
}

/* Running ------------------------------------------------------------ */

static void
set_busy (ReportsSetPage *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            !busy && reports_set_get_n_reports (self->set) > 0 &&
                            reports_set_get_n_pbxs (self->set) > 0);
  /* The run reads the set as it goes: nothing of it changes meanwhile. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->general_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pbx_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_group), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
report_started_cb (ReportsSetRun  *run,
                   guint           index,
                   ReportsSetPage *self)
{
  if (self->run_rows != NULL && index < self->run_rows->len)
    reports_set_run_row_started (g_ptr_array_index (self->run_rows, index));
}

static void
report_progress_cb (ReportsSetRun  *run,
                    guint           index,
                    ReportsSetPage *self)
{
  if (self->run_rows != NULL && index < self->run_rows->len)
    reports_set_run_row_progress (g_ptr_array_index (self->run_rows, index));
}

static void
report_finished_cb (ReportsSetRun  *run,
                    guint           index,
                    ReportsSetPage *self)
{
  if (self->run_rows != NULL && index < self->run_rows->len)
    reports_set_run_row_update (g_ptr_array_index (self->run_rows, index));
}

/* The set as saved now: Add to Set… may have changed it during the run. */
static void
reload_set (ReportsSetPage *self)
{
  g_autoptr(ReportsSet) set = reports_set_store_load (reports_set_get_name (self->set), NULL);

  if (set == NULL)
    return;

  g_set_object (&self->set, set);
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), reports_set_get_name_template (set));
  update_folder (self);
  update_example (self);
  load_keep (self);
  rebuild_pbxs (self);
  rebuild_reports (self);
  _reports_set_page_load_schedule (self);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ReportsSetPage) self = user_data;
  ReportsSetRun *run = REPORTS_SET_RUN (object);
  g_autoptr(GError) error = NULL;
  guint n_failed;

  /* The page is gone (its window closed): the run is only recorded. */
  if (self->run_rows == NULL)
    {
      if (reports_set_run_start_finish (run, result, &error) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        reports_sets_record_run (run);
      if (error != NULL)
        reports_set_run_records_fail (run, error);
      g_signal_handlers_disconnect_by_data (run, self);
      return;
    }

  if (!reports_set_run_start_finish (run, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled: what it saved is kept (for the set's retention too),
       * the reports it did not get to are cancelled, not failed, and the
       * last run says so. */
      reports_sets_record_run (run);
      reports_set_run_records_fail (run, error);
      for (guint i = 0; i < self->run_rows->len; i++)
        reports_set_run_row_cancel (g_ptr_array_index (self->run_rows, i));
      _reports_set_page_show_toast (self, _("The run was cancelled"));
    }
  else if (error != NULL)
    {
      reports_set_run_records_fail (run, error);
      _reports_set_page_show_toast (self, error->message);
      for (guint i = 0; i < self->run_rows->len; i++)
        reports_set_run_row_fail (g_ptr_array_index (self->run_rows, i), error->message);
    }
  else
    {
      reports_sets_record_run (run);
      /* A report cancelled alone is not a failure. */
      n_failed = reports_set_run_get_n_failed (run) - reports_set_run_get_n_cancelled (run);
      if (n_failed > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u report of the set failed",
                                                                "%u reports of the set failed",
                                                                n_failed), n_failed);

          _reports_set_page_show_toast (self, text);
        }
    }

  g_signal_handlers_disconnect_by_data (run, self);
  g_clear_object (&self->run);
  g_clear_object (&self->run_cancellable);
  reload_set (self);
  set_busy (self, FALSE);
  _reports_set_page_update_next_run (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void lookup_next_secret (ReportsSetPage *self);

static void
secret_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ReportsSetPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = reports_secrets_lookup_finish (result, &error);

  if (self->run == NULL)
    {
      g_free (secret);
      return;
    }

  if (secret != NULL)
    {
      reports_set_run_set_secret (self->run, self->secret_index, secret);
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
  else
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (self->set, self->secret_index);
      g_autoptr(GError) missing = reports_set_pbx_new_missing_secret_error (pbx, error);

      reports_set_run_set_pbx_error (self->run, self->secret_index, missing);
    }

  self->secret_index++;
  lookup_next_secret (self);
}

/* The secrets one after another, then the run. */
static void
lookup_next_secret (ReportsSetPage *self)
{
  if (self->secret_index < reports_set_get_n_pbxs (self->set))
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (self->set, self->secret_index);

      reports_secrets_lookup_async (pbx->server, pbx->client_id, self->run_cancellable,
                                    secret_cb, g_object_ref (self));
      return;
    }

  reports_set_run_start_async (self->run, self->run_cancellable, run_done_cb, g_object_ref (self));
}

static void
run_clicked_cb (ReportsSetPage *self)
{
  g_autoptr(ReportsDownloadHistory) history = NULL;

  if (self->run != NULL || reports_set_get_n_reports (self->set) == 0)
    return;

  clear_rows (self->progress_group, self->run_rows);

  self->run = reports_set_run_new (self->set);
  self->run_cancellable = g_cancellable_new ();
  self->secret_index = 0;

  /* Each report is listed on the main window's Reports page too. */
  history = reports_download_history_dup_default ();
  reports_set_run_records_attach (self->run, history);

  for (guint i = 0; i < reports_set_run_get_n_results (self->run); i++)
    {
      GtkWidget *row = reports_set_run_row_new (self->run, i);

      adw_preferences_group_add (self->progress_group, row);
      g_ptr_array_add (self->run_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);

  g_signal_connect (self->run, "report-started", G_CALLBACK (report_started_cb), self);
  g_signal_connect (self->run, "report-progress", G_CALLBACK (report_progress_cb), self);
  g_signal_connect (self->run, "report-finished", G_CALLBACK (report_finished_cb), self);
  set_busy (self, TRUE);

  lookup_next_secret (self);
}

static void
cancel_clicked_cb (ReportsSetPage *self)
{
  reports_set_page_cancel (self);
}

void
reports_set_page_cancel (ReportsSetPage *self)
{
  g_return_if_fail (REPORTS_IS_SET_PAGE (self));

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

gboolean
reports_set_page_get_busy (ReportsSetPage *self)
{
  g_return_val_if_fail (REPORTS_IS_SET_PAGE (self), FALSE);

  return self->run != NULL;
}

ReportsSet *
reports_set_page_get_set (ReportsSetPage *self)
{
  g_return_val_if_fail (REPORTS_IS_SET_PAGE (self), NULL);

  return self->set;
}

/* The object ----------------------------------------------------------- */

static void
reports_set_page_dispose (GObject *object)
{
  ReportsSetPage *self = REPORTS_SET_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_SET_PAGE);

  g_clear_pointer (&self->pbx_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->run_rows, g_ptr_array_unref);
  g_clear_object (&self->servers);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_set_page_parent_class)->dispose (object);
}

static void
reports_set_page_finalize (GObject *object)
{
  ReportsSetPage *self = REPORTS_SET_PAGE (object);

  g_clear_object (&self->run);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (reports_set_page_parent_class)->finalize (object);
}

static void
reports_set_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReportsSetPage *self = REPORTS_SET_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, reports_set_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_set_page_class_init (ReportsSetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_set_page_dispose;
  object_class->finalize = reports_set_page_finalize;
  object_class->get_property = reports_set_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/sets/reports-set-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, run_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, last_run_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, general_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, example_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, pbx_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, add_pbx_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, report_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, day_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, day_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, ReportsSetPage, next_run_row);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "schedule_changed_cb",
                                                G_CALLBACK (_reports_set_page_schedule_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "schedule_clicked_cb",
                                                G_CALLBACK (_reports_set_page_schedule_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "two_digits_cb",
                                                G_CALLBACK (_reports_set_page_two_digits_cb));
  gtk_widget_class_bind_template_callback (widget_class, keep_changed_cb);

  gtk_widget_class_install_action (widget_class, "set.add-pbx", "u", add_pbx_action);
}

static void
reports_set_page_init (ReportsSetPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->pbx_rows = g_ptr_array_new ();
  self->report_rows = g_ptr_array_new ();
  self->run_rows = g_ptr_array_new ();

  /* Set before the template's signals can read the set. */
  self->loading_schedule = TRUE;
  self->loading_keep = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading_schedule = FALSE;
  self->loading_keep = FALSE;
}

GtkWidget *
reports_set_page_new (void)
{
  return g_object_new (REPORTS_TYPE_SET_PAGE, NULL);
}

void
reports_set_page_set_set (ReportsSetPage *self,
                          ReportsSet     *set,
                          GListModel     *servers)
{
  g_return_if_fail (REPORTS_IS_SET_PAGE (self));
  g_return_if_fail (REPORTS_IS_SET (set));
  g_return_if_fail (servers == NULL || G_IS_LIST_MODEL (servers));
  g_return_if_fail (self->run == NULL);

  g_set_object (&self->set, set);
  g_set_object (&self->servers, servers);

  clear_rows (self->progress_group, self->run_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), reports_set_get_name (set));
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), reports_set_get_name_template (set));
  update_folder (self);
  update_example (self);
  load_keep (self);
  rebuild_pbxs (self);
  rebuild_reports (self);
  _reports_set_page_load_schedule (self);
}
