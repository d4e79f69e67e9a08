/* reports-report-page.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-date-time-row.h"
#include "reports-download-row.h"
#include "reports-id-list-row.h"
#include "reports-id-row.h"
#include "reports-period-row.h"
#include "reports-choice-row.h"
#include "reports-flag-row.h"
#include "reports-report-page-private.h"
#include "reports-request-store.h"
#include "reports-seconds-row.h"
#include "reports-text-row.h"
#include "reports-row-wrap.h"
#include "reports-selection-store.h"
#include "reports-type-chooser.h"
#include "yeastar-error.h"
#include "yeastar-request-length.h"
#include "yeastar-text.h"

G_DEFINE_FINAL_TYPE (ReportsReportPage, reports_report_page, ADW_TYPE_BIN)

guint _reports_report_page_signals [N_SIGNALS];

static void rebuild_rows (ReportsReportPage *self);
static void clear_rows (ReportsReportPage *self);
static void request_changed_cb (ReportsReportPage *self, GParamSpec *pspec);
static void chooser_changed_cb (ReportsReportPage *self);
static void update_api_warning (ReportsReportPage *self);
static void load_values (ReportsReportPage *self);

ReportsSession *
reports_report_page_get_session (ReportsReportPage *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_PAGE (self), NULL);

  return self->session;
}

YeastarReportRequest *
reports_report_page_get_request (ReportsReportPage *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_PAGE (self), NULL);

  return self->request;
}

/* A toast over the form, above the bar: Save Into and Download stay
 * within reach while it shows. Takes @toast, as
 * adw_toast_overlay_add_toast () does. */
void
reports_report_page_add_toast (ReportsReportPage *self,
                               AdwToast          *toast)
{
  g_return_if_fail (REPORTS_IS_REPORT_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* YeastarPeriodKind ↔ the position in the Period combo row. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position > YEASTAR_PERIOD_YEAR)
    return FALSE;

  g_value_set_enum (to, position);
  return TRUE;
}

static void
add_row (ReportsReportPage *self,
         GtkWidget         *row,
         YeastarParam       param)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);

  if (param < YEASTAR_N_PARAMS && yeastar_report_type_requires (type, param))
    {
      g_autofree char *title = NULL;

      /* Translators: the title of a required field; %s is its name. */
      title = g_strdup_printf (_("%s (required)"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }

  /* Titles and subtitles are plain text: a report type's title ("Queue
   * AVG Waiting & Talking Time") or PBX text in a message is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  reports_row_wrap_titles_by_word (row);
  if (ADW_IS_COMBO_ROW (row))
    reports_combo_row_show_full_items (ADW_COMBO_ROW (row));

  if (ADW_IS_ACTION_ROW (row) && !REPORTS_IS_ID_LIST_ROW (row))
    g_object_set_data_full (G_OBJECT (row), "normal-subtitle",
                            g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), g_free);

  g_hash_table_insert (self->row_params, row, GUINT_TO_POINTER (param + 1));
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->params_group, row);
}

static void
bind (ReportsReportPage *self,
      GObject           *target,
      const char        *target_property,
      const char        *source_property,
      GBindingTransformFunc to,
      GBindingTransformFunc from,
      gpointer           user_data,
      GDestroyNotify     notify)
{
  GBinding *binding;

  binding = g_object_bind_property_full (self->request, source_property,
                                         target, target_property,
                                         G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                         to, from, user_data, notify);
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static YeastarParam
row_param (ReportsReportPage *self,
           GtkWidget         *row)
{
  guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_params, row));

  return stored > 0 ? stored - 1 : YEASTAR_N_PARAMS;
}

/* The user chose IDs: keep them for this PBX, by menu kind. */
static void
selection_changed_cb (ReportsReportPage *self,
                      GParamSpec        *pspec,
                      ReportsIdListRow  *row)
{
  YeastarParam param = row_param (self, GTK_WIDGET (row));

  if (self->selections != NULL && param < YEASTAR_N_PARAMS)
    reports_selection_store_set_selection (self->selections, yeastar_param_get_menus (param),
                                           reports_id_list_row_get_selection (row));
}

static void
id_changed_cb (ReportsReportPage *self,
               GParamSpec        *pspec,
               ReportsIdRow      *row)
{
  YeastarParam param = row_param (self, GTK_WIDGET (row));
  const char *ids[] = { reports_id_row_get_value (row), NULL };

  if (self->selections != NULL && param < YEASTAR_N_PARAMS)
    reports_selection_store_set_ids (self->selections, yeastar_param_get_api_name (param), ids);
}

static gboolean
is_id_param (YeastarParam param)
{
  YeastarValueKind kind = yeastar_param_get_value_kind (param);

  return kind == YEASTAR_VALUE_ID_LIST || kind == YEASTAR_VALUE_ID;
}

static GtkWidget *
create_id_list_row (ReportsReportPage *self,
                    YeastarParam       param)
{
  GParamSpec *pspec = yeastar_report_request_find_param_property (param);
  g_autoptr(GVariant) selection = NULL;
  GtkWidget *row;

  /* The pairs chosen on this PBX; the request gets their IDs. */
  row = reports_id_list_row_new (self->session, param);
  selection = reports_selection_store_dup_selection (self->selections, yeastar_param_get_menus (param));
  reports_id_list_row_set_selection (REPORTS_ID_LIST_ROW (row), selection);
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (row, "value", self->request, pspec->name,
                                                         G_BINDING_SYNC_CREATE)));
  g_signal_connect_object (row, "notify::selection", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (param == YEASTAR_PARAM_AGENT_ID_LIST)
    self->agent_row = row;

  return row;
}

static GtkWidget *
create_id_row (ReportsReportPage *self,
               YeastarParam       param)
{
  GParamSpec *pspec = yeastar_report_request_find_param_property (param);
  g_auto(GStrv) ids = reports_selection_store_dup_ids (self->selections, yeastar_param_get_api_name (param));
  GtkWidget *row;

  yeastar_report_request_set_value (self->request, param, ids[0]);
  row = reports_id_row_new (self->session, param);
  bind (self, G_OBJECT (row), "value", pspec->name, NULL, NULL, NULL, NULL);
  g_signal_connect_object (row, "notify::value", G_CALLBACK (id_changed_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
create_param_row (ReportsReportPage *self,
                  YeastarParam       param)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);
  GParamSpec *pspec = yeastar_report_request_find_param_property (param);
  GtkWidget *row = NULL;

  g_assert (pspec != NULL);

  switch (yeastar_param_get_value_kind (param))
    {
    case YEASTAR_VALUE_ID_LIST:
      return create_id_list_row (self, param);

    case YEASTAR_VALUE_ID:
      return create_id_row (self, param);

    case YEASTAR_VALUE_ENUM:
      row = reports_choice_row_new (type, param);
      break;

    case YEASTAR_VALUE_SECONDS:
      row = reports_seconds_row_new (param);
      break;

    case YEASTAR_VALUE_FLAG:
      row = reports_flag_row_new (param);
      break;

    case YEASTAR_VALUE_TEXT:
      row = reports_text_row_new (param);
      break;

    case YEASTAR_VALUE_DATE_TIME:
    case YEASTAR_VALUE_PERIOD:
    default:
      g_assert_not_reached ();
    }

  /* Every row of a value kind has a "value": the parameter's API value,
   * NULL when left out. */
  bind (self, G_OBJECT (row), "value", pspec->name, NULL, NULL, NULL, NULL);
  return row;
}

static void
update_preview (ReportsReportPage *self)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);
  YeastarDateFormat *format;
  g_autofree char *text = NULL;
  g_autofree char *hours = NULL;

  if (self->preview_row == NULL || self->session == NULL)
    return;

  /* The PBX's format, or the one its validator asked for since. */
  format = yeastar_client_get_date_format (reports_session_get_client (self->session));
  if (format == NULL)
    format = yeastar_pbx_info_get_date_format (reports_session_get_pbx_info (self->session));

  if (yeastar_report_type_uses_range (type))
    {
      GDateTime *start = yeastar_report_request_get_start_time (self->request);
      GDateTime *end = yeastar_report_request_get_end_time (self->request);
      g_autofree char *start_text = start != NULL ? yeastar_date_format_format_date_time (format, start) : NULL;
      g_autofree char *end_text = end != NULL ? yeastar_date_format_format_date_time (format, end) : NULL;

      if (start_text == NULL && end_text == NULL)
        text = g_strdup (_("No time range: the PBX reports all the data it has"));
      else
        text = g_strdup_printf ("start_time=%s\nend_time=%s",
                                start_text != NULL ? start_text : "—",
                                end_text != NULL ? end_text : "—");
    }
  else
    {
      GDateTime *period = yeastar_report_request_get_period (self->request);
      g_autofree char *period_text = NULL;

      if (period != NULL)
        period_text = yeastar_date_format_format_period (format,
                                                         yeastar_report_request_get_period_kind (self->request),
                                                         period);
      text = g_strdup_printf ("time=%s", period_text != NULL ? period_text : "—");
    }

  /* How 12 or 24 hours was decided, when the PBX's time format did not
   * say it: from its clock, assumed, or from a validator's hint. */
  if (yeastar_report_type_uses_range (type) &&
      yeastar_date_format_get_hour_source (format) != YEASTAR_HOUR_SOURCE_FORMAT &&
      yeastar_date_format_get_hour_source (format) != YEASTAR_HOUR_SOURCE_CHOSEN)
    {
      g_autofree char *with_hours = NULL;

      hours = yeastar_date_format_describe_hours (format);
      with_hours = g_strdup_printf ("%s\n%s", text, hours);
      g_free (text);
      text = g_steal_pointer (&with_hours);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preview_row), text);
  g_object_set_data_full (G_OBJECT (self->preview_row), "normal-subtitle", g_strdup (text), g_free);
}

static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "",
                                  -1);

  /* Plain rows show the reason under their title. */
  if (ADW_IS_ACTION_ROW (row) && !REPORTS_IS_ID_LIST_ROW (row) && !ADW_IS_COMBO_ROW (row))
    {
      const char *normal = g_object_get_data (G_OBJECT (row), "normal-subtitle");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message != NULL ? message : normal);
    }
}

static gboolean
is_missing (ReportsReportPage *self,
            YeastarParam       param)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);

  if (!yeastar_report_type_requires (type, param))
    return FALSE;
  if (param == YEASTAR_PARAM_TIME)
    return yeastar_report_request_get_period (self->request) == NULL;
  if (yeastar_report_request_find_param_property (param) == NULL)
    return FALSE;

  return yeastar_report_request_get_value (self->request, param) == NULL;
}

/* A message in the form's words: the rows' titles, never the API's
 * parameter names ("Extensions (ext_id_list) is required" says
 * "Choose Extensions"). */
static char *
form_message (ReportsReportPage *self,
              YeastarParam       param,
              const GError      *error)
{
  GString *text;

  if (param < YEASTAR_N_PARAMS && is_missing (self, param))
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (param);

      if (kind == YEASTAR_VALUE_ID_LIST || kind == YEASTAR_VALUE_ID)
        /* Translators: %s is a field of the form, e.g. "Extensions". */
        return g_strdup_printf (_("Choose %s to download this report"), yeastar_param_get_title (param));
      /* Translators: %s is a field of the form, e.g. "Period". */
      return g_strdup_printf (_("Fill in %s to download this report"), yeastar_param_get_title (param));
    }

  text = g_string_new (error->message);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *api = g_strdup_printf (" (%s)", yeastar_param_get_api_name (p));

      g_string_replace (text, api, "", 0);
    }

  return g_string_free (text, FALSE);
}

void
_reports_report_page_validate (ReportsReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  YeastarParam param = YEASTAR_N_PARAMS;
  gboolean valid;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_params, row));
      g_autoptr(GError) row_error = NULL;
      g_autofree char *row_message = NULL;

      if (stored == 0 || stored - 1 >= YEASTAR_N_PARAMS)
        continue;

      /* Before the first Download, a required row that is still empty is
       * not an error: its title says "required". */
      if (!yeastar_report_request_validate_param (self->request, stored - 1, &row_error) &&
          (self->attempted || !is_missing (self, stored - 1)))
        row_message = form_message (self, stored - 1, row_error);
      set_row_error (row, row_message);
    }

  valid = yeastar_report_request_validate (self->request, &param, &error);

  /* Too many IDs for one URL (HTTP 414): say so before anything is sent. */
  if (valid && self->session != NULL)
    valid = yeastar_report_request_check_length (self->request,
                                                 yeastar_pbx_info_get_date_format (reports_session_get_pbx_info (self->session)),
                                                 &param, &error);

  /* Download stays enabled while something is missing (pressing it shows
   * what, GNOME HIG style); the bar says what it waits for. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.download", self->session != NULL);
  if (error != NULL)
    message = form_message (self, param, error);
  gtk_label_set_text (self->invalid_label, message != NULL ? message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->invalid_label), message);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_label), message != NULL);
  if (self->attempted && message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->invalid_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->invalid_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->invalid_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->invalid_label), "dim-label");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->download_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "",
                                  -1);
}

/* The first row whose value the request refuses, to take the focus after
 * a Download that could not start. */
GtkWidget *
_reports_report_page_first_invalid_row (ReportsReportPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_has_css_class (row, "error"))
        return row;
    }

  return NULL;
}

static void
save_values (ReportsReportPage *self)
{
  if (self->settings != NULL && !self->loading)
    reports_request_store_save (self->settings, self->request);
}

static void
load_values (ReportsReportPage *self)
{
  self->loading = TRUE;
  reports_request_store_load (self->settings, self->request);
  self->loading = FALSE;
}

static void
queue_id_changed_cb (ReportsReportPage *self)
{
  if (self->agent_row != NULL)
    reports_id_list_row_set_queue_id (REPORTS_ID_LIST_ROW (self->agent_row),
                                      yeastar_report_request_get_value (self->request, YEASTAR_PARAM_QUEUE_ID));
}

static void
clear_rows (ReportsReportPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->params_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_params);

  self->preview_row = NULL;
  self->agent_row = NULL;
}

static void
rebuild_rows (ReportsReportPage *self)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);

  clear_rows (self);

  gtk_label_set_text (self->type_title_label, yeastar_report_type_get_title (type));
  gtk_label_set_text (self->type_description_label, yeastar_report_type_get_description (type));
  /* Required rows are marked red only once Download was pressed. */
  self->attempted = FALSE;
  /* Quick Range fills From and To, or the period: the week presets have
   * no period, so period types get a menu without them. */
  gtk_widget_set_visible (GTK_WIDGET (self->presets_button),
                          yeastar_report_type_uses_range (type) || yeastar_report_type_uses_period (type));
  gtk_menu_button_set_menu_model (self->presets_button,
                                  yeastar_report_type_uses_period (type) ? self->period_presets_menu : self->presets_menu);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->presets_button),
                               yeastar_report_type_uses_period (type) ?
                               _("Fill the period from the PBX clock") :
                               _("Fill From and To from the PBX clock"));

  /* The IDs come from this PBX's selections, through the rows; nothing
   * of another PBX's stays in the request. */
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (is_id_param (p) && yeastar_report_request_find_param_property (p) != NULL)
        yeastar_report_request_set_value (self->request, p, NULL);
    }

  if (self->session == NULL)
    return;

  /* A period type starts on the current day, month or year of the PBX
   * clock, not on an empty period (which showed the year 0). */
  if (yeastar_report_type_uses_period (type) && yeastar_report_request_get_period (self->request) == NULL)
    _reports_report_page_set_current_period (self);

  if (yeastar_report_type_uses_range (type))
    {
      GtkWidget *from = reports_date_time_row_new (C_("time range", "From"));
      GtkWidget *to = reports_date_time_row_new (C_("time range", "To"));

      reports_date_time_row_set_end_of_day (REPORTS_DATE_TIME_ROW (to), TRUE);

      bind (self, G_OBJECT (from), "date-time", "start-time", NULL, NULL, NULL, NULL);
      bind (self, G_OBJECT (to), "date-time", "end-time", NULL, NULL, NULL, NULL);
      add_row (self, from, YEASTAR_PARAM_START_TIME);
      add_row (self, to, YEASTAR_PARAM_END_TIME);
    }
  else if (yeastar_report_type_uses_period (type))
    {
      GtkWidget *kind = adw_combo_row_new ();
      GtkWidget *period = reports_period_row_new ();
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      gtk_string_list_append (kinds, _("A Day, by Hour"));
      gtk_string_list_append (kinds, _("A Month, by Day"));
      gtk_string_list_append (kinds, _("A Year, by Month"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Period"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
      bind (self, G_OBJECT (kind), "selected", "period-kind", enum_to_position, position_to_enum, NULL, NULL);
      add_row (self, kind, YEASTAR_N_PARAMS);

      bind (self, G_OBJECT (period), "period-kind", "period-kind", NULL, NULL, NULL, NULL);
      bind (self, G_OBJECT (period), "period", "period", NULL, NULL, NULL, NULL);
      add_row (self, period, YEASTAR_PARAM_TIME);
    }

  self->preview_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Sent to the PBX as"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->preview_row), 0);
  gtk_widget_add_css_class (self->preview_row, "property");
  add_row (self, self->preview_row, YEASTAR_N_PARAMS);
  update_preview (self);

  /* Every other parameter the type takes, in the table's order. */
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!yeastar_report_type_takes (type, p) ||
          kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD)
        continue;

      add_row (self, create_param_row (self, p), p);
    }

  queue_id_changed_cb (self);
  _reports_report_page_validate (self);
}

static void
request_changed_cb (ReportsReportPage *self,
                    GParamSpec        *pspec)
{
  if (g_strcmp0 (pspec->name, "report-type") == 0)
    {
      reports_type_chooser_set_report_type (self->type_chooser,
                                            yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (self->request)));
      rebuild_rows (self);
    }
  else if (g_strcmp0 (pspec->name, "queue-id") == 0)
    queue_id_changed_cb (self);

  update_preview (self);
  _reports_report_page_validate (self);
  save_values (self);
}

static void
chooser_changed_cb (ReportsReportPage *self)
{
  const char *api_name = reports_type_chooser_get_report_type (self->type_chooser);

  if (api_name != NULL)
    yeastar_report_request_set_report_type (self->request, api_name);
}

/* Folded (under about 600 pixels), the page shows the sidebar or the
 * form; choosing a type goes to the form, and its back button returns. */
static void
folded_cb (ReportsReportPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
type_activated_cb (ReportsReportPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
update_api_warning (ReportsReportPage *self)
{
  YeastarPbxInfo *info;
  YeastarApiVersion version;

  if (self->session == NULL)
    return;

  info = reports_session_get_pbx_info (self->session);
  version = yeastar_report_request_get_api_version (self->request);
  if (version == YEASTAR_API_VERSION_AUTO)
    version = yeastar_pbx_info_get_default_api_version (info);

  gtk_widget_set_visible (GTK_WIDGET (self->api_warning_label),
                          version == YEASTAR_API_VERSION_V1 && yeastar_pbx_info_v1_returns_empty_ranges (info));
}

static void
api_version_changed_cb (ReportsReportPage *self)
{
  YeastarApiVersion version = adw_combo_row_get_selected (self->api_row);
  ReportsServer *server;

  if (self->session == NULL || version > YEASTAR_API_VERSION_V2)
    return;

  yeastar_report_request_set_api_version (self->request, version);
  yeastar_client_set_api_version (reports_session_get_client (self->session), version);

  server = reports_session_get_server (self->session);
  if (server != NULL && self->settings != NULL && reports_server_get_api_version (server) != version)
    {
      g_autoptr(GListStore) servers = reports_server_list_load (self->settings);
      ReportsServer *saved = reports_server_list_find (servers,
                                                       reports_server_get_uri (server),
                                                       reports_server_get_client_id (server),
                                                       NULL);

      reports_server_set_api_version (server, version);
      if (saved != NULL)
        {
          reports_server_set_api_version (saved, version);
          reports_server_list_save (servers, self->settings);
        }
    }

  update_api_warning (self);
}

static void
update_pbx_rows (ReportsReportPage *self)
{
  YeastarPbxInfo *info = reports_session_get_pbx_info (self->session);
  YeastarApiVersion default_version = yeastar_pbx_info_get_default_api_version (info);
  g_autoptr(GtkStringList) versions = gtk_string_list_new (NULL);
  g_autofree char *model = NULL;
  g_autofree char *format = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *title = NULL;
  g_autofree char *clock = NULL;
  ReportsServer *server = reports_session_get_server (self->session);
  /* The PBX's texts are shown with their control and bidi characters as
   * escapes; the rows take no markup (see the .ui). */
  g_autofree char *device_name = yeastar_text_escape (yeastar_pbx_info_get_device_name (info), -1);
  g_autofree char *model_name = yeastar_text_escape (yeastar_pbx_info_get_model (info), -1);
  g_autofree char *firmware = yeastar_text_escape (yeastar_pbx_info_get_firmware (info), -1);
  g_autofree char *serial = yeastar_text_escape (yeastar_pbx_info_get_serial (info), -1);

  if (reports_session_is_demo (self->session))
    /* Translators: %s is the simulated PBX's name. */
    title = g_strdup_printf (_("%s (demo)"), device_name);
  else
    title = g_strdup (device_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pbx_row), title);
  adw_expander_row_set_subtitle (self->pbx_row, yeastar_client_get_base_uri (reports_session_get_client (self->session)));

  /* Translators: model and firmware, e.g. "Yeastar P570, firmware 37.23.0.123 (serial 3631A2124XXX)". */
  model = g_strdup_printf (_("%s, firmware %s (serial %s)"),
                           model_name, firmware, serial);
  adw_action_row_set_subtitle (self->model_row, model);
  {
    YeastarDateFormat *date_format = yeastar_pbx_info_get_date_format (info);
    YeastarHourSource source = yeastar_date_format_get_hour_source (date_format);
    g_autofree char *sent = yeastar_date_format_to_string (date_format);

    /* How 12 or 24 hours was decided, when the time format did not say. */
    if (source != YEASTAR_HOUR_SOURCE_FORMAT && source != YEASTAR_HOUR_SOURCE_CHOSEN)
      {
        g_autofree char *hours = yeastar_date_format_describe_hours (date_format);

        /* Translators: a date format and how 12 or 24 hours was decided, e.g.
         * "DD/MM/YYYY hh:mm:ss AM/PM (12-hour, from the PBX clock)" */
        format = g_strdup_printf (_("%s (%s)"), sent, hours);
      }
    else
      format = g_steal_pointer (&sent);
  }
  adw_action_row_set_subtitle (self->format_row, format);
  clock = yeastar_text_escape (yeastar_pbx_info_get_system_time (info), -1);
  adw_action_row_set_subtitle (self->clock_row, clock);

  /* Translators: the automatic API version, e.g. "Automatic (v2.0)". */
  automatic = g_strdup_printf (_("Automatic (%s)"), default_version == YEASTAR_API_VERSION_V2 ? "v2.0" : "v1.0");
  gtk_string_list_append (versions, automatic);
  gtk_string_list_append (versions, _("v1.0, for data from before the upgrade"));
  gtk_string_list_append (versions, "v2.0");
  adw_combo_row_set_model (self->api_row, G_LIST_MODEL (versions));
  adw_combo_row_set_selected (self->api_row,
                              server != NULL ? reports_server_get_api_version (server) : YEASTAR_API_VERSION_AUTO);
}

void
reports_report_page_set_session (ReportsReportPage *self,
                                 ReportsSession    *session)
{
  g_return_if_fail (REPORTS_IS_REPORT_PAGE (self));
  g_return_if_fail (session == NULL || REPORTS_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_object (&self->selections);
  if (session != NULL)
    {
      YeastarClient *client = reports_session_get_client (session);

      /* Kept across restarts only for a PBX the user remembers. */
      self->selections = reports_selection_store_new (reports_session_get_server (session) != NULL ? self->settings : NULL,
                                                      yeastar_client_get_base_uri (client),
                                                      yeastar_client_get_client_id (client));
      update_pbx_rows (self);
      /* A v2.0 hint corrects the format for the connection: the preview
       * follows. */
      g_signal_connect_object (reports_session_get_client (session), "notify::date-format",
                               G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
    }

  rebuild_rows (self);
  update_api_warning (self);
}

GFile *
_reports_report_page_default_folder (void)
{
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  return g_file_new_for_path (downloads != NULL ? downloads : g_get_home_dir ());
}

void
_reports_report_page_set_folder (ReportsReportPage *self,
                                 GFile             *folder)
{
  g_autofree char *path = g_file_get_path (folder);

  g_set_object (&self->folder, folder);
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *tooltip = NULL;

  /* Translators: the tooltip of the folder button; %s is a folder's path. */
  tooltip = g_strdup_printf (_("Save Into %s"), path != NULL ? path : g_file_peek_path (folder));
  adw_button_content_set_label (self->folder_content, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, path != NULL ? path : "",
                                  -1);
}

void
reports_report_page_set_settings (ReportsReportPage *self,
                                  GSettings         *settings)
{
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (REPORTS_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);

  folder_path = g_settings_get_string (settings, "destination-folder");
  folder = folder_path[0] != '\0' ? g_file_new_for_path (folder_path) : _reports_report_page_default_folder ();
  _reports_report_page_set_folder (self, folder);

  load_values (self);
  _reports_report_page_init_shortcuts (self);
  /* Folded, the page shows the form first; its back button leads to the
   * types. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  folded_cb (self);
  rebuild_rows (self);
}

static void
reports_report_page_dispose (GObject *object)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  if (self->bindings != NULL)
    clear_rows (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_REPORT_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->selections);
  g_clear_object (&self->request);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->row_params, g_hash_table_unref);

  G_OBJECT_CLASS (reports_report_page_parent_class)->dispose (object);
}

static void
reports_report_page_class_init (ReportsReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_report_page_dispose;

  /* A download asked for: a copy of the request, and the folder. */
  _reports_report_page_signals [SIGNAL_DOWNLOAD] =
    g_signal_new ("download",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, YEASTAR_TYPE_REPORT_REQUEST, G_TYPE_FILE);

  g_type_ensure (REPORTS_TYPE_TYPE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, pbx_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, model_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, clock_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, api_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, api_warning_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_title_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_description_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_chooser);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, params_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, presets_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, presets_menu);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, period_presets_menu);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, folder_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, folder_content);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, invalid_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, download_button);
  gtk_widget_class_bind_template_callback (widget_class, api_version_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_activated_cb);

  _reports_report_page_class_init_actions (widget_class);
}

static void
reports_report_page_init (ReportsReportPage *self)
{
  g_autoptr(GFile) folder = _reports_report_page_default_folder ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child is not bound: AdwBin disposes it, after
   * gtk_widget_dispose_template () cleared the bound ones. */
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
  reports_row_wrap_titles_by_word (GTK_WIDGET (self));
  reports_combo_row_show_full_items (self->api_row);

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_params = g_hash_table_new (NULL, NULL);
  self->request = yeastar_report_request_new ();
  _reports_report_page_set_folder (self, folder);

  g_signal_connect_object (self->request, "notify", G_CALLBACK (request_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_chooser, "notify::report-type", G_CALLBACK (chooser_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reports_type_chooser_set_report_type (self->type_chooser,
                                        yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (self->request)));
  _reports_report_page_init_shortcuts (self);
  /* Folded, the page shows the form first; its back button leads to the
   * types. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  folded_cb (self);
  rebuild_rows (self);
}
