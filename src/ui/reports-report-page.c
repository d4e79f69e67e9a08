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
#include "reports-report-page.h"
#include "reports-row-wrap.h"
#include "reports-selection-store.h"
#include "reports-type-chooser.h"
#include "yeastar-date-range.h"
#include "yeastar-download.h"
#include "yeastar-error.h"
#include "yeastar-request-length.h"
#include "yeastar-text.h"

struct _ReportsReportPage
{
  AdwBin                parent_instance;

  /* Owned references */
  ReportsSession       *session;
  ReportsSelectionStore *selections; /* the session's PBX's */
  YeastarReportRequest *request;
  GSettings            *settings;
  GFile                *folder;
  GPtrArray            *rows;       /* the rows of the current type, in order */
  GPtrArray            *bindings;   /* their bindings to the request */
  GHashTable           *row_params; /* row → YeastarParam + 1 */
  GCancellable         *cancellable;
  guint                 n_running;
  guint                 loading : 1;

  /* Borrowed references */
  GtkWidget            *preview_row;
  GtkWidget            *agent_row;

  /* Template widgets */
  AdwExpanderRow       *pbx_row;
  AdwActionRow         *model_row;
  AdwActionRow         *format_row;
  AdwActionRow         *clock_row;
  AdwComboRow          *api_row;
  GtkLabel             *api_warning_label;
  AdwActionRow         *type_row;
  GtkMenuButton        *type_button;
  GtkLabel             *type_label;
  ReportsTypeChooser   *type_chooser;
  AdwPreferencesGroup  *params_group;
  GtkMenuButton        *presets_button;
  GMenuModel           *presets_menu;
  GMenuModel           *period_presets_menu;
  AdwActionRow         *folder_row;
  GtkLabel             *invalid_label;
  GtkButton            *download_button;
  AdwPreferencesGroup  *downloads_group;
  GtkListBox           *downloads_list;
};

G_DEFINE_FINAL_TYPE (ReportsReportPage, reports_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void rebuild_rows (ReportsReportPage *self);

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

gboolean
reports_report_page_get_busy (ReportsReportPage *self)
{
  g_return_val_if_fail (REPORTS_IS_REPORT_PAGE (self), FALSE);

  return self->n_running > 0;
}

void
reports_report_page_cancel_downloads (ReportsReportPage *self)
{
  g_return_if_fail (REPORTS_IS_REPORT_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->downloads_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (REPORTS_IS_DOWNLOAD_ROW (child))
        reports_download_row_cancel (REPORTS_DOWNLOAD_ROW (child));
    }
}

/* Values of enum parameters ↔ the position in a combo row whose first
 * entry is "Any" (the parameter is left out). */
typedef struct
{
  const YeastarReportType *type;
  YeastarParam             param;
} EnumBinding;

static gboolean
enum_value_to_position (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  EnumBinding *data = user_data;
  const char * const *values = yeastar_report_type_get_enum_values (data->type, data->param);
  const char *value = g_value_get_string (from);

  g_value_set_uint (to, 0);
  for (guint i = 0; value != NULL && values != NULL && values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        g_value_set_uint (to, i + 1);
    }

  return TRUE;
}

static gboolean
enum_position_to_value (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  EnumBinding *data = user_data;
  const char * const *values = yeastar_report_type_get_enum_values (data->type, data->param);
  guint position = g_value_get_uint (from);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || values == NULL ||
      position > g_strv_length ((char **) values))
    g_value_set_string (to, NULL);
  else
    g_value_set_string (to, values[position - 1]);

  return TRUE;
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

static gboolean
flag_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "1") == 0);
  return TRUE;
}

static gboolean
active_to_flag (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? "1" : NULL);
  return TRUE;
}

static gboolean
seconds_to_number (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  guint64 seconds = 0;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 0, 86400 * 366, &seconds, NULL))
    return FALSE; /* keep what the user sees; validation reports it */

  g_value_set_double (to, seconds);
  return TRUE;
}

static gboolean
number_to_seconds (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint seconds = (guint) g_value_get_double (from);

  /* 0 s filters nothing: leave the parameter out. */
  if (seconds == 0)
    g_value_set_string (to, NULL);
  else
    g_value_take_string (to, g_strdup_printf ("%u", seconds));

  return TRUE;
}

static gboolean
text_to_entry (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
entry_to_text (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && text[0] != '\0' ? text : NULL);
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
create_param_row (ReportsReportPage *self,
                  YeastarParam       param)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);
  GParamSpec *pspec = yeastar_report_request_find_param_property (param);
  const char *title = yeastar_param_get_title (param);
  GtkWidget *row = NULL;

  g_assert (pspec != NULL);

  switch (yeastar_param_get_value_kind (param))
    {
    case YEASTAR_VALUE_ID_LIST:
      {
        g_autoptr(GVariant) selection = NULL;

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
      }
      break;

    case YEASTAR_VALUE_ID:
      {
        g_auto(GStrv) ids = reports_selection_store_dup_ids (self->selections, yeastar_param_get_api_name (param));

        yeastar_report_request_set_value (self->request, param, ids[0]);
        row = reports_id_row_new (self->session, param);
        bind (self, G_OBJECT (row), "value", pspec->name, NULL, NULL, NULL, NULL);
        g_signal_connect_object (row, "notify::value", G_CALLBACK (id_changed_cb), self, G_CONNECT_SWAPPED);
      }
      break;

    case YEASTAR_VALUE_ENUM:
      {
        const char * const *values = yeastar_report_type_get_enum_values (type, param);
        g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
        EnumBinding *data = g_new0 (EnumBinding, 1);

        /* Translators: the choice that leaves a filter out. */
        gtk_string_list_append (titles, C_("filter", "Any"));
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          {
            const char *value_title = yeastar_param_get_enum_value_title (param, values[i]);

            gtk_string_list_append (titles, value_title != NULL ? value_title : values[i]);
          }

        row = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
        data->type = type;
        data->param = param;
        bind (self, G_OBJECT (row), "selected", pspec->name,
              enum_value_to_position, enum_position_to_value, data, g_free);
      }
      break;

    case YEASTAR_VALUE_SECONDS:
      {
        GtkWidget *spin = gtk_spin_button_new_with_range (0, 86400, 1);

        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), yeastar_param_get_subtitle (param));
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
        bind (self, G_OBJECT (spin), "value", pspec->name, seconds_to_number, number_to_seconds, NULL, NULL);
      }
      break;

    case YEASTAR_VALUE_FLAG:
      {
        GtkWidget *toggle = gtk_switch_new ();

        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        if (yeastar_param_get_subtitle (param) != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), yeastar_param_get_subtitle (param));
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        bind (self, G_OBJECT (toggle), "active", pspec->name, flag_to_active, active_to_flag, NULL, NULL);
      }
      break;

    case YEASTAR_VALUE_TEXT:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      bind (self, G_OBJECT (row), "text", pspec->name, text_to_entry, entry_to_text, NULL, NULL);
      break;

    case YEASTAR_VALUE_DATE_TIME:
    case YEASTAR_VALUE_PERIOD:
    default:
      g_assert_not_reached ();
    }

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

static void
validate (ReportsReportPage *self)
{
  g_autoptr(GError) error = NULL;
  YeastarParam param = YEASTAR_N_PARAMS;
  gboolean valid;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_params, row));
      g_autoptr(GError) row_error = NULL;

      if (stored == 0 || stored - 1 >= YEASTAR_N_PARAMS)
        continue;

      yeastar_report_request_validate_param (self->request, stored - 1, &row_error);
      set_row_error (row, row_error != NULL ? row_error->message : NULL);
    }

  valid = yeastar_report_request_validate (self->request, &param, &error);

  /* Too many IDs for one URL (HTTP 414): say so before anything is sent. */
  if (valid && self->session != NULL)
    valid = yeastar_report_request_check_length (self->request,
                                                 yeastar_pbx_info_get_date_format (reports_session_get_pbx_info (self->session)),
                                                 &param, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.download", valid && self->session != NULL);
  gtk_label_set_text (self->invalid_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_label), error != NULL);
}

static char *
format_iso (GDateTime *date_time)
{
  return date_time != NULL ? g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S") : NULL;
}

static GDateTime *
parse_iso (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static const char * const period_kind_names[] = { "day", "month", "year" };

static void set_current_period (ReportsReportPage *self);

/* Keeps the values of the current type in GSettings, so that they come
 * back after a restart. */
static void
save_values (ReportsReportPage *self)
{
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);
  const char *api_name = yeastar_report_type_get_api_name (type);
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder all;
  GVariantBuilder values;
  GVariantIter iter;
  const char *key;
  GVariant *entry;
  g_autofree char *start = format_iso (yeastar_report_request_get_start_time (self->request));
  g_autofree char *end = format_iso (yeastar_report_request_get_end_time (self->request));
  g_autofree char *period = format_iso (yeastar_report_request_get_period (self->request));

  if (self->settings == NULL || self->loading)
    return;

  g_variant_builder_init (&values, G_VARIANT_TYPE ("a{ss}"));
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *value;

      /* IDs belong to one PBX: ReportsSelectionStore keeps them. */
      if (!yeastar_report_type_takes (type, p) || yeastar_report_request_find_param_property (p) == NULL ||
          is_id_param (p))
        continue;

      value = yeastar_report_request_get_value (self->request, p);
      if (value != NULL)
        g_variant_builder_add (&values, "{ss}", yeastar_param_get_api_name (p), value);
    }
  if (start != NULL)
    g_variant_builder_add (&values, "{ss}", "start_time", start);
  if (end != NULL)
    g_variant_builder_add (&values, "{ss}", "end_time", end);
  if (period != NULL)
    g_variant_builder_add (&values, "{ss}", "time", period);
  g_variant_builder_add (&values, "{ss}", "period_kind",
                         period_kind_names[yeastar_report_request_get_period_kind (self->request)]);

  g_variant_builder_init (&all, G_VARIANT_TYPE ("a{sa{ss}}"));
  old = g_settings_get_value (self->settings, "report-values");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &key, &entry))
    {
      if (g_strcmp0 (key, api_name) != 0)
        g_variant_builder_add (&all, "{s@a{ss}}", key, entry);
      g_variant_unref (entry);
    }
  g_variant_builder_add (&all, "{sa{ss}}", api_name, &values);

  g_settings_set_value (self->settings, "report-values", g_variant_builder_end (&all));
  g_settings_set_string (self->settings, "report-type", api_name);
}

static void
load_values (ReportsReportPage *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *last_type = g_settings_get_string (self->settings, "report-type");
  GVariantIter iter;
  const char *api_name;
  GVariant *values;

  reports_selection_store_drop_report_values_ids (self->settings);
  all = g_settings_get_value (self->settings, "report-values");

  self->loading = TRUE;

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &api_name, &values))
    {
      GVariantIter value_iter;
      const char *key;
      const char *value;

      if (yeastar_report_type_lookup (api_name) != NULL)
        {
          yeastar_report_request_set_report_type (self->request, api_name);

          g_variant_iter_init (&value_iter, values);
          while (g_variant_iter_next (&value_iter, "{&s&s}", &key, &value))
            {
              YeastarParam param;

              if (g_str_equal (key, "start_time") || g_str_equal (key, "end_time") || g_str_equal (key, "time"))
                {
                  g_autoptr(GDateTime) date_time = parse_iso (value);

                  if (g_str_equal (key, "start_time"))
                    yeastar_report_request_set_start_time (self->request, date_time);
                  else if (g_str_equal (key, "end_time"))
                    yeastar_report_request_set_end_time (self->request, date_time);
                  else
                    yeastar_report_request_set_period (self->request, date_time);
                }
              else if (g_str_equal (key, "period_kind"))
                {
                  for (guint k = 0; k < G_N_ELEMENTS (period_kind_names); k++)
                    if (g_str_equal (value, period_kind_names[k]))
                      yeastar_report_request_set_period_kind (self->request, k);
                }
              else if (yeastar_param_from_api_name (key, &param) && !is_id_param (param) &&
                       yeastar_report_request_find_param_property (param) != NULL)
                {
                  yeastar_report_request_set_value (self->request, param, value);
                }
            }
        }

      g_variant_unref (values);
    }

  if (yeastar_report_type_lookup (last_type) != NULL)
    yeastar_report_request_set_report_type (self->request, last_type);

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

  gtk_label_set_text (self->type_label, yeastar_report_type_get_title (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, yeastar_report_type_get_title (type),
                                  -1);
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
    set_current_period (self);

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
  validate (self);
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
  validate (self);
  save_values (self);
}

static void
chooser_changed_cb (ReportsReportPage *self)
{
  const char *api_name = reports_type_chooser_get_report_type (self->type_chooser);

  if (api_name != NULL)
    yeastar_report_request_set_report_type (self->request, api_name);
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

static GFile *
default_folder (void)
{
  const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  return g_file_new_for_path (downloads != NULL ? downloads : g_get_home_dir ());
}

static void
set_folder (ReportsReportPage *self,
            GFile             *folder)
{
  g_autofree char *path = NULL;

  g_set_object (&self->folder, folder);
  path = g_file_get_path (folder);
  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : g_file_peek_path (folder));
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
  folder = folder_path[0] != '\0' ? g_file_new_for_path (folder_path) : default_folder ();
  set_folder (self, folder);

  load_values (self);
  rebuild_rows (self);
}

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

  set_folder (self, folder);
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

static void
set_current_period (ReportsReportPage *self)
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

static YeastarReportRequest *
snapshot_request (ReportsReportPage *self)
{
  YeastarReportRequest *copy = yeastar_report_request_new ();
  const YeastarReportType *type = yeastar_report_request_get_report_type (self->request);

  yeastar_report_request_set_report_type (copy, yeastar_report_type_get_api_name (type));
  yeastar_report_request_set_start_time (copy, yeastar_report_request_get_start_time (self->request));
  yeastar_report_request_set_end_time (copy, yeastar_report_request_get_end_time (self->request));
  yeastar_report_request_set_period_kind (copy, yeastar_report_request_get_period_kind (self->request));
  yeastar_report_request_set_period (copy, yeastar_report_request_get_period (self->request));
  yeastar_report_request_set_api_version (copy, yeastar_report_request_get_api_version (self->request));
  yeastar_report_request_set_async (copy, yeastar_report_request_get_async (self->request));
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (yeastar_report_type_takes (type, p) && yeastar_report_request_find_param_property (p) != NULL)
        yeastar_report_request_set_value (copy, p, yeastar_report_request_get_value (self->request, p));
    }

  return copy;
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

  request = snapshot_request (self);
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
reports_report_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReportsReportPage *self = REPORTS_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, reports_report_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_report_page_class_init (ReportsReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_report_page_dispose;
  object_class->get_property = reports_report_page_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REPORTS_TYPE_TYPE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, pbx_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, model_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, clock_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, api_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, api_warning_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, type_chooser);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, params_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, presets_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, presets_menu);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, period_presets_menu);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, invalid_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, download_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, downloads_group);
  gtk_widget_class_bind_template_child (widget_class, ReportsReportPage, downloads_list);
  gtk_widget_class_bind_template_callback (widget_class, api_version_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.download", NULL, download_action);
  gtk_widget_class_install_action (widget_class, "report.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "report.preset", "s", preset_action);
  gtk_widget_class_install_action (widget_class, "report.choose-type", NULL, choose_type_action);
  gtk_widget_class_install_action (widget_class, "report.next-type", NULL, next_type_action);
  gtk_widget_class_install_action (widget_class, "report.previous-type", NULL, previous_type_action);

}

static void
reports_report_page_init (ReportsReportPage *self)
{
  g_autoptr(GFile) folder = default_folder ();

  gtk_widget_init_template (GTK_WIDGET (self));
  reports_row_wrap_titles_by_word (GTK_WIDGET (self));
  reports_combo_row_show_full_items (self->api_row);

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_params = g_hash_table_new (NULL, NULL);
  self->request = yeastar_report_request_new ();
  set_folder (self, folder);

  g_signal_connect_object (self->request, "notify", G_CALLBACK (request_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_chooser, "notify::report-type", G_CALLBACK (chooser_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reports_type_chooser_set_report_type (self->type_chooser,
                                        yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (self->request)));
  rebuild_rows (self);
}
