/* reports-report-page-actions.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-report-page-private.h"
#include "yeastar-date-range.h"
#include "yeastar-request-length.h"

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
download_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);
  g_autoptr(YeastarReportRequest) request = NULL;
  GtkWidget *row;

  if (self->session == NULL)
    return;

  /* Pressed while something is missing: the rows say what, and the
   * first of them takes the focus. */
  if (!yeastar_report_request_validate (self->request, NULL, NULL) ||
      !yeastar_report_request_check_length (self->request,
                                            yeastar_pbx_info_get_date_format (reports_session_get_pbx_info (self->session)),
                                            NULL, NULL))
    {
      self->attempted = TRUE;
      _reports_report_page_validate (self);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      row = _reports_report_page_first_invalid_row (self);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      gtk_widget_error_bell (widget);
      return;
    }

  request = yeastar_report_request_copy (self->request);
  g_signal_emit (self, _reports_report_page_signals [SIGNAL_DOWNLOAD], 0, request, self->folder);
}

static void
next_type_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  reports_type_chooser_step (REPORTS_REPORT_PAGE (widget)->type_chooser, 1);
}

static void
previous_type_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  reports_type_chooser_step (REPORTS_REPORT_PAGE (widget)->type_chooser, -1);
}

/* Ctrl+F, Ctrl+T: to the sidebar's search. */
static void
choose_type_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  reports_type_chooser_focus_search (self->type_chooser);
}

static void
show_types_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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
  gtk_widget_class_install_action (widget_class, "report.show-types", NULL, show_types_action);
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
 * the maximum", a list as "to the first row". Ctrl+O is the
 * application's Open Report File; the folder is Ctrl+Shift+O. From the
 * Reports page, the window's win.request shows this page and activates
 * the same actions (Ctrl+D, Ctrl+F, Ctrl+T, Ctrl+Shift+O). */
void
_reports_report_page_init_shortcuts (ReportsReportPage *self)
{
  GtkEventController *controller;

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>d", "report.download");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>t", "report.choose-type");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>f", "report.choose-type");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>o", "report.choose-folder");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Down", "report.next-type");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Up", "report.previous-type");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
