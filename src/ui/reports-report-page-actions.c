/* reports-report-page-actions.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-download-row.h"
#include "reports-report-page-private.h"
#include "yeastar-date-range.h"
#include "yeastar-download.h"

#define properties _reports_report_page_properties

static void
choose_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ReportsReportPage) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  folder = reports_compat_choose_folder_finish (result, &error);
  if (folder == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not choose a folder: %s", error->message);
      return;
    }

  _reports_report_page_set_folder (self, folder);
  if (self->settings != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "destination-folder", g_file_peek_path (folder));
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  reports_compat_choose_folder_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      _("Save Reports Into"),
                                      self->folder,
                                      self->cancellable,
                                      choose_folder_cb,
                                      g_object_ref (self));
}

void
_reports_report_page_set_current_period (ReportsReportPage *self)
{
  static const YeastarDateRange current[] = {
    [YEASTAR_PERIOD_DAY] = YEASTAR_DATE_RANGE_TODAY,
    [YEASTAR_PERIOD_MONTH] = YEASTAR_DATE_RANGE_THIS_MONTH,
    [YEASTAR_PERIOD_YEAR] = YEASTAR_DATE_RANGE_THIS_YEAR,
  };
  YeastarPeriodKind kind = yeastar_report_request_get_period_kind (self->request);
  g_autoptr(GDateTime) period = NULL;
  GDateTime *now;

  g_return_if_fail (kind < G_N_ELEMENTS (current));

  now = yeastar_pbx_info_get_clock (reports_session_get_pbx_info (self->session));
  if (now != NULL && yeastar_date_range_get_period (current[kind], now, &kind, &period))
    yeastar_report_request_set_period (self->request, period);
}

static void
preset_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  YeastarDateRange range;
  GDateTime *now;

  if (self->session == NULL || !yeastar_date_range_from_name (g_variant_get_string (parameter, NULL), &range))
    return;

  now = yeastar_pbx_info_get_clock (reports_session_get_pbx_info (self->session));

  /* For a period type, as `--range` does for `--time`: the preset's day,
   * month or year. */
  if (yeastar_report_type_uses_period (yeastar_report_request_get_report_type (self->request)))
    {
      g_autoptr(GDateTime) period = NULL;
      YeastarPeriodKind kind;

      if (yeastar_date_range_get_period (range, now, &kind, &period))
        {
          yeastar_report_request_set_period_kind (self->request, kind);
          yeastar_report_request_set_period (self->request, period);
        }
      return;
    }

  yeastar_date_range_get_bounds (range, now, &start, &end);
  yeastar_report_request_set_start_time (self->request, start);
  yeastar_report_request_set_end_time (self->request, end);
}

static void
notify_finished (ReportsReportPage *self,
                 YeastarDownload   *download)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  const char *title = yeastar_report_type_get_title (yeastar_report_request_get_report_type (yeastar_download_get_request (download)));
  g_autoptr(GNotification) notification = NULL;

  /* Only when the user is looking elsewhere. */
  if (app == NULL || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  if (yeastar_download_get_state (download) == YEASTAR_DOWNLOAD_STATE_DONE)
    {
      g_autofree char *body = NULL;

      notification = g_notification_new (_("Report Downloaded"));
      /* Translators: %s is a report type, e.g. "Queue Performance". */
      body = g_strdup_printf (_("%s is saved as %s"), title, yeastar_download_get_file_name (download));
      g_notification_set_body (notification, body);
    }
  else
    {
      const GError *error = yeastar_download_get_error (download);

      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      notification = g_notification_new (_("Report Download Failed"));
      g_notification_set_body (notification, error != NULL ? error->message : title);
    }

  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (app, "download-finished", notification);
}

static void
download_finished_cb (ReportsReportPage  *self,
                      ReportsDownloadRow *row)
{
  g_assert (self->n_running > 0);

  self->n_running--;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
  notify_finished (self, reports_download_row_get_download (row));
}

static void
download_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);
  g_autoptr(YeastarReportRequest) request = NULL;
  g_autoptr(YeastarDownload) download = NULL;
  GtkWidget *row;

  if (self->session == NULL || !yeastar_report_request_validate (self->request, NULL, NULL))
    return;

  request = yeastar_report_request_copy (self->request);
  download = yeastar_download_new (reports_session_get_client (self->session), request, self->folder);
  row = reports_download_row_new (download);
  g_signal_connect_object (row, "finished", G_CALLBACK (download_finished_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_prepend (self->downloads_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->downloads_group), TRUE);

  self->n_running++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
  reports_download_row_start (REPORTS_DOWNLOAD_ROW (row), self->cancellable);
}

static void
step_type (ReportsReportPage *self,
           int                delta)
{
  guint count = yeastar_report_type_get_count ();
  guint index = yeastar_report_type_get_index (yeastar_report_request_get_report_type (self->request));

  index = (index + count + delta) % count;
  yeastar_report_request_set_report_type (self->request,
                                          yeastar_report_type_get_api_name (yeastar_report_type_get_nth (index)));
}

static void
next_type_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_type (REPORTS_REPORT_PAGE (widget), 1);
}

static void
previous_type_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_type (REPORTS_REPORT_PAGE (widget), -1);
}

static void
choose_type_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (REPORTS_REPORT_PAGE (widget)->type_button);
}

void
_reports_report_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.download", NULL, download_action);
  gtk_widget_class_install_action (widget_class, "report.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "report.preset", "s", preset_action);
  gtk_widget_class_install_action (widget_class, "report.choose-type", NULL, choose_type_action);
  gtk_widget_class_install_action (widget_class, "report.next-type", NULL, next_type_action);
  gtk_widget_class_install_action (widget_class, "report.previous-type", NULL, previous_type_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action_name)));
}

/* The page's shortcuts work wherever the focus is in the window, and
 * only while the page is shown (a global controller of an unmapped
 * widget does not run). Switching types is caught before the focused
 * widget sees the keys: a spin button would take Ctrl+Page Up as "to
 * the maximum", a list as "to the first row". */
void
_reports_report_page_init_shortcuts (ReportsReportPage *self)
{
  GtkEventController *controller;

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>d", "report.download");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>t", "report.choose-type");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Down", "report.next-type");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Up", "report.previous-type");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
