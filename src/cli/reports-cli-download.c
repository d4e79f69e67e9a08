/* reports-cli-download.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-cli-download.h"
#include "reports-cli-ids.h"
#include "reports-cli-time.h"
#include "yeastar-date-range.h"
#include "yeastar-download.h"
#include "yeastar-menu-option.h"
#include "yeastar-part-file.h"
#include "yeastar-report-request.h"
#include "yeastar-request-length.h"
#include "yeastar-text.h"

/*
 * `call-reports download --type TYPE [OPTION…]`: one report into a folder.
 *
 * The report options are made from the report-type table: one per API
 * parameter, named after it with '-' for '_' (is_async is --async), flags
 * as switches, everything else taking the API's own value. Dates are read
 * as ISO 8601 and written in the PBX's display format by the request model.
 *
 * Everything that can be checked locally is checked before the first byte
 * goes to the PBX, so that a usage error (exit status 2) sends nothing.
 * Once logged in, the run always revokes its token before it exits.
 */

typedef struct
{
  ReportsCliConnection *connection;

  /* Report options, filled by GOptionContext; indexed by YeastarParam. */
  char                 *values[YEASTAR_N_PARAMS];
  gboolean              switches[YEASTAR_N_PARAMS];
  /* The option names and descriptions the entries point to. */
  char                 *names[YEASTAR_N_PARAMS];
  char                 *descriptions[YEASTAR_N_PARAMS];
  char                 *placeholders[YEASTAR_N_PARAMS];

  char                 *type_name;
  char                 *range_name;
  char                 *output;
  gboolean              json;
  gboolean              resolve_ids;
  int                   timeout;
  int                   header_timeout;
  gint64                min_speed;
  int                   stall_time;

  /* What the options became */
  YeastarReportRequest *request;
  GFile                *folder;
  gboolean              has_range;
  YeastarDateRange      range;
  gboolean              lookup[YEASTAR_N_PARAMS];
} Download;

static void
download_free (Download *self)
{
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_free (self->values[p]);
      g_free (self->names[p]);
      g_free (self->descriptions[p]);
      g_free (self->placeholders[p]);
    }

  g_free (self->type_name);
  g_free (self->range_name);
  g_free (self->output);
  g_clear_object (&self->request);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->connection, reports_cli_connection_free);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Download, download_free)

static const char *
value_kind_placeholder (YeastarValueKind kind)
{
  switch (kind)
    {
    case YEASTAR_VALUE_DATE_TIME: return _("YYYY-MM-DD[ HH:MM[:SS]]");
    case YEASTAR_VALUE_PERIOD:    return _("YYYY[-MM[-DD]]");
    case YEASTAR_VALUE_ID_LIST:   return _("ID,…");
    case YEASTAR_VALUE_ID:        return _("ID");
    case YEASTAR_VALUE_ENUM:      return _("VALUE");
    case YEASTAR_VALUE_SECONDS:   return _("SECONDS");
    case YEASTAR_VALUE_TEXT:      return _("TEXT");
    case YEASTAR_VALUE_FLAG:      return NULL;
    default:                      g_assert_not_reached ();
    }
}

/* "Inbound|Outbound|Internal": the values of an enum parameter over all
 * the types that take it. */
static char *
dup_enum_placeholder (YeastarParam param)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const char * const *type_values;

      type_values = yeastar_report_type_get_enum_values (yeastar_report_type_get_nth (i), param);
      for (guint v = 0; type_values != NULL && type_values[v] != NULL; v++)
        {
          if (!g_ptr_array_find_with_equal_func (values, type_values[v], g_str_equal, NULL))
            g_ptr_array_add (values, (gpointer) type_values[v]);
        }
    }

  if (values->len == 0)
    return g_strdup (value_kind_placeholder (YEASTAR_VALUE_ENUM));

  g_ptr_array_add (values, NULL);

  return g_strjoinv ("|", (char **) values->pdata);
}

static char *
describe_param (YeastarParam param)
{
  const char *title = yeastar_param_get_title (param);
  const char *api_name = yeastar_param_get_api_name (param);

  switch (param)
    {
    case YEASTAR_PARAM_START_TIME:
      /* Translators: %s is the API name, start_time */
      return g_strdup_printf (_("Start of the range, PBX time; a date alone is its 00:00:00 (%s)"), api_name);

    case YEASTAR_PARAM_END_TIME:
      /* Translators: %s is the API name, end_time */
      return g_strdup_printf (_("End of the range, PBX time; a date alone is its 23:59:59 (%s)"), api_name);

    case YEASTAR_PARAM_TIME:
      /* Translators: %s is the API name, time */
      return g_strdup_printf (_("The year, month or day the report covers (%s)"), api_name);

    case YEASTAR_PARAM_IS_ASYNC:
      return g_strdup (_("Let the PBX prepare the report in the background and wait for its event 30027 (is_async=1)"));

    case YEASTAR_PARAM_EXT_ID_LIST:
    case YEASTAR_PARAM_TRUNK_ID:
    case YEASTAR_PARAM_TRUNK_ID_LIST:
    case YEASTAR_PARAM_IVR_ID_LIST:
    case YEASTAR_PARAM_RING_GROUP_ID_LIST:
    case YEASTAR_PARAM_QUEUE_ID:
    case YEASTAR_PARAM_QUEUE_ID_LIST:
    case YEASTAR_PARAM_AGENT_ID_LIST:
      /* Translators: %s are a parameter's title and its API name; the IDs are those of `call-reports options` */
      return g_strdup_printf (_("%s: IDs, numbers or names as `options` lists them (%s)"), title, api_name);

    case YEASTAR_PARAM_ABANDON_TIME:
    case YEASTAR_PARAM_TALK_TIME:
    case YEASTAR_PARAM_INCLUDE_INTERNAL:
    case YEASTAR_PARAM_CALLBACK_RESULT:
    case YEASTAR_PARAM_REASON:
    case YEASTAR_PARAM_COMMUNICATION_TYPE:
    case YEASTAR_PARAM_CALL_FROM:
    case YEASTAR_PARAM_CALL_TO:
    case YEASTAR_PARAM_CALL_TO_TYPE:
    case YEASTAR_PARAM_MISS_CALL_TYPE:
    case YEASTAR_PARAM_UNRETURN_STATUS:
    case YEASTAR_PARAM_NEED_DETAIL:
    case YEASTAR_N_PARAMS:
    default:
      /* Translators: %s are a parameter's title and its API name */
      return g_strdup_printf (_("%s (%s)"), title, api_name);
    }
}

static GOptionEntry *
build_entries (Download *self)
{
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry fixed[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &self->type_name,
      N_("The report type (see `call-reports types`)"), N_("TYPE") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &self->range_name,
      N_("Fill the dates from the PBX clock: today, yesterday, this-week, last-week, "
         "this-month, last-month, this-year or last-year"), N_("PRESET") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &self->output,
      N_("The folder to save into (default: your download folder)"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &self->json,
      N_("Print one JSON object (path, file_name, bytes, type, query) instead of the path"), NULL },
    { "resolve-ids", 0, 0, G_OPTION_ARG_NONE, &self->resolve_ids,
      N_("Look every ID up in the PBX’s lists, numeric ones too, so that a number such as "
         "an extension number is accepted and an unknown ID is an error"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &self->timeout,
      N_("With --async, how long to wait for the PBX to prepare the report (default 300)"),
      N_("SECONDS") },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &self->header_timeout,
      N_("Once the PBX starts to answer, how long its headers may take; 0 for no limit "
         "(default 60)"), N_("SECONDS") },
    { "min-speed", 0, 0, G_OPTION_ARG_INT64, &self->min_speed,
      N_("The slowest transfer accepted, in bytes per second averaged over --stall-time; "
         "0 for no limit (default 1024)"), N_("BYTES") },
    { "stall-time", 0, 0, G_OPTION_ARG_INT, &self->stall_time,
      N_("The window --min-speed is measured over (default 60)"), N_("SECONDS") },
  };

  g_array_append_vals (entries, fixed, G_N_ELEMENTS (fixed));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      GOptionEntry entry = { NULL, };

      self->names[p] = reports_cli_dup_param_option (p);
      self->descriptions[p] = describe_param (p);

      entry.long_name = self->names[p];
      entry.description = self->descriptions[p];
      if (kind == YEASTAR_VALUE_ENUM)
        {
          self->placeholders[p] = dup_enum_placeholder (p);
          entry.arg_description = self->placeholders[p];
        }
      else
        entry.arg_description = value_kind_placeholder (kind);

      if (kind == YEASTAR_VALUE_FLAG)
        {
          entry.arg = G_OPTION_ARG_NONE;
          entry.arg_data = &self->switches[p];
        }
      else
        {
          entry.arg = G_OPTION_ARG_STRING;
          entry.arg_data = &self->values[p];
        }

      g_array_append_val (entries, entry);
    }

  return (GOptionEntry *) g_array_free (g_steal_pointer (&entries), FALSE);
}

static gboolean
given (Download     *self,
       YeastarParam  param)
{
  return self->values[param] != NULL || self->switches[param];
}

static gboolean
usage_error (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args));
  va_end (args);

  return FALSE;
}

static char *
list_type_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, yeastar_report_type_get_api_name (yeastar_report_type_get_nth (i)));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
list_type_options (const YeastarReportType *type)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *option = NULL;

      if (!yeastar_report_type_takes (type, p))
        continue;

      option = reports_cli_dup_param_option (p);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "--%s", option);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The option to blame for a failed validation of @param. */
static const char *
option_for_param (Download     *self,
                  YeastarParam  param)
{
  if (self->has_range &&
      (param == YEASTAR_PARAM_START_TIME || param == YEASTAR_PARAM_END_TIME ||
       param == YEASTAR_PARAM_TIME))
    return "range";

  return self->names[param];
}

static gboolean
validate_request (Download  *self,
                  GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  YeastarParam param = YEASTAR_N_PARAMS;

  if (yeastar_report_request_validate (self->request, &param, &local_error))
    return TRUE;

  if (param < YEASTAR_N_PARAMS)
    return usage_error (error, "--%s: %s", option_for_param (self, param), local_error->message);

  return usage_error (error, "%s", local_error->message);
}

/* A URL the PBX's web server would refuse (HTTP 414): a usage error
 * naming the longest ID list. @format NULL: the longest date format, as
 * long as the PBX's is not known. */
static gboolean
check_length (Download           *self,
              YeastarDateFormat  *format,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  YeastarParam param = YEASTAR_N_PARAMS;

  if (yeastar_report_request_check_length (self->request, format, &param, &local_error))
    return TRUE;

  if (param < YEASTAR_N_PARAMS)
    return usage_error (error, "--%s: %s", option_for_param (self, param), local_error->message);

  return usage_error (error, "%s", local_error->message);
}

/* Every check that needs no PBX, in the order a user fixes them. */
static gboolean
prepare_request (Download  *self,
                 GError   **error)
{
  const YeastarReportType *type;
  gboolean uses_period;

  if (self->type_name == NULL)
    {
      g_autofree char *names = list_type_names ();

      return usage_error (error, _("--type is missing: give one of %s"), names);
    }

  type = yeastar_report_type_lookup (self->type_name);
  if (type == NULL)
    {
      g_autofree char *names = list_type_names ();
      g_autofree char *quoted = g_utf8_make_valid (self->type_name, -1);

      return usage_error (error, _("--type: “%s” is not a report type; give one of %s"), quoted, names);
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (given (self, p) && !yeastar_report_type_takes (type, p))
        {
          g_autofree char *accepted = list_type_options (type);

          return usage_error (error,
                              /* Translators: an option, a report type's API name and title, and the options it takes */
                              _("--%s is not an option of %s (%s), which takes %s"),
                              self->names[p], yeastar_report_type_get_api_name (type),
                              yeastar_report_type_get_title (type), accepted);
        }
    }

  uses_period = yeastar_report_type_uses_period (type);

  self->request = yeastar_report_request_new ();
  yeastar_report_request_set_report_type (self->request, yeastar_report_type_get_api_name (type));

  if (self->range_name != NULL)
    {
      g_autoptr(GDateTime) placeholder = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
      YeastarPeriodKind kind;
      g_autoptr(GDateTime) period = NULL;

      if (!yeastar_date_range_from_name (self->range_name, &self->range))
        {
          g_autofree char *names = g_strjoinv (", ", (char **) yeastar_date_range_get_names ());
          g_autofree char *quoted = g_utf8_make_valid (self->range_name, -1);

          return usage_error (error, _("--range: “%s” is not a preset; give one of %s"), quoted, names);
        }

      if (given (self, YEASTAR_PARAM_START_TIME) || given (self, YEASTAR_PARAM_END_TIME) ||
          given (self, YEASTAR_PARAM_TIME))
        return usage_error (error, _("--range fills the dates itself; leave out --start-time, --end-time and --time"));

      if (!uses_period && !yeastar_report_type_uses_range (type))
        return usage_error (error, _("--range: %s takes no dates"), yeastar_report_type_get_api_name (type));

      if (uses_period && !yeastar_date_range_get_period (self->range, placeholder, &kind, &period))
        return usage_error (error,
                            _("--range: %s covers a day, a month or a year (--time), not a week"),
                            yeastar_report_type_get_api_name (type));

      self->has_range = TRUE;

      /* Stand-ins until the PBX clock is known, so that validation sees
       * the dates as given. */
      if (uses_period)
        {
          yeastar_report_request_set_period_kind (self->request, kind);
          yeastar_report_request_set_period (self->request, period);
        }
      else
        {
          g_autoptr(GDateTime) start = NULL;
          g_autoptr(GDateTime) end = NULL;

          yeastar_date_range_get_bounds (self->range, placeholder, &start, &end);
          yeastar_report_request_set_start_time (self->request, start);
          yeastar_report_request_set_end_time (self->request, end);
        }
    }

  if (self->values[YEASTAR_PARAM_START_TIME] != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) start = reports_cli_time_parse_date_time (self->values[YEASTAR_PARAM_START_TIME],
                                                                     REPORTS_CLI_TIME_START, &local_error);

      if (start == NULL)
        return usage_error (error, "--start-time: %s", local_error->message);
      yeastar_report_request_set_start_time (self->request, start);
    }

  if (self->values[YEASTAR_PARAM_END_TIME] != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) end = reports_cli_time_parse_date_time (self->values[YEASTAR_PARAM_END_TIME],
                                                                   REPORTS_CLI_TIME_END, &local_error);

      if (end == NULL)
        return usage_error (error, "--end-time: %s", local_error->message);
      yeastar_report_request_set_end_time (self->request, end);
    }

  if (self->values[YEASTAR_PARAM_TIME] != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) period = NULL;
      YeastarPeriodKind kind;

      period = reports_cli_time_parse_period (self->values[YEASTAR_PARAM_TIME], &kind, &local_error);
      if (period == NULL)
        return usage_error (error, "--time: %s", local_error->message);
      yeastar_report_request_set_period_kind (self->request, kind);
      yeastar_report_request_set_period (self->request, period);
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!given (self, p) || kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD)
        continue;

      if (p == YEASTAR_PARAM_IS_ASYNC)
        {
          yeastar_report_request_set_async (self->request, TRUE);
          continue;
        }

      if (kind == YEASTAR_VALUE_FLAG)
        {
          yeastar_report_request_set_value (self->request, p, "1");
          continue;
        }

      if ((kind == YEASTAR_VALUE_ID || kind == YEASTAR_VALUE_ID_LIST) &&
          (self->resolve_ids || reports_cli_ids_need_lookup (self->values[p])))
        {
          /* Checked once the PBX's lists are known; a stand-in ID meanwhile
           * lets the rest of the request be validated now. */
          self->lookup[p] = TRUE;
          yeastar_report_request_set_value (self->request, p, "0");
          continue;
        }

      yeastar_report_request_set_value (self->request, p, self->values[p]);
    }

  if (!validate_request (self, error))
    return FALSE;

  /* IDs given as numbers make a request that is too long now, before
   * anything is sent; names are counted once looked up. */
  if (!check_length (self, NULL, error))
    return FALSE;

  if (self->timeout < 0)
    return usage_error (error, _("--timeout: give a number of seconds above 0"));
  if (self->header_timeout < 0)
    return usage_error (error, _("--header-timeout: give a number of seconds, or 0 for no limit"));
  if (self->min_speed < 0)
    return usage_error (error, _("--min-speed: give a number of bytes per second, or 0 for no limit"));
  if (self->stall_time <= 0)
    return usage_error (error, _("--stall-time: give a number of seconds above 0"));

  return TRUE;
}

/* The output folder must be usable before anything is asked of the PBX
 * (exit status 6, and not a single request sent). */
static gboolean
prepare_folder (Download  *self,
                GError   **error)
{
  if (self->output != NULL)
    self->folder = g_file_new_for_commandline_arg (self->output);
  else
    {
      const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

      self->folder = g_file_new_for_path (downloads != NULL ? downloads : g_get_home_dir ());
    }

  return yeastar_part_file_check_folder (self->folder, -1, error);
}

/* Turns numbers and names into IDs, queue_id before agent_id_list (the
 * agents' menu is per queue). */
static gboolean
resolve_ids (Download  *self,
             GError   **error)
{
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autoptr(GListStore) options = NULL;
      g_autofree char *option = NULL;
      g_autofree char *resolved = NULL;
      const char * const *menus;

      if (!self->lookup[p])
        continue;

      options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
      menus = yeastar_param_get_menus (p);

      for (guint m = 0; menus != NULL && menus[m] != NULL; m++)
        {
          g_autoptr(GListModel) model = NULL;
          const char *queue_id = NULL;

          if (g_str_equal (menus[m], "queue_agent"))
            queue_id = yeastar_report_request_get_value (self->request, YEASTAR_PARAM_QUEUE_ID);

          model = reports_cli_ids_fetch_menu (self->connection, menus[m], queue_id, error);
          if (model == NULL)
            return FALSE;

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (model, i);

              g_list_store_append (options, item);
            }
        }

      option = g_strdup_printf ("--%s", self->names[p]);
      resolved = reports_cli_ids_resolve (option, self->values[p],
                                          yeastar_param_get_value_kind (p) == YEASTAR_VALUE_ID,
                                          G_LIST_MODEL (options), error);
      if (resolved == NULL)
        return FALSE;

      yeastar_report_request_set_value (self->request, p, resolved);
    }

  return TRUE;
}

static void
apply_range (Download *self)
{
  YeastarPbxInfo *info = reports_cli_connection_get_pbx_info (self->connection);
  g_autoptr(GDateTime) now = NULL;

  if (!self->has_range)
    return;

  if (yeastar_pbx_info_get_clock (info) != NULL)
    now = g_date_time_ref (yeastar_pbx_info_get_clock (info));
  else
    {
      g_printerr (_("call-reports: warning: the PBX did not tell its clock; --range counts from this computer’s clock\n"));
      now = g_date_time_new_now_local ();
    }

  if (yeastar_report_type_uses_period (yeastar_report_request_get_report_type (self->request)))
    {
      g_autoptr(GDateTime) period = NULL;
      YeastarPeriodKind kind;

      if (yeastar_date_range_get_period (self->range, now, &kind, &period))
        {
          yeastar_report_request_set_period_kind (self->request, kind);
          yeastar_report_request_set_period (self->request, period);
        }
    }
  else
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      yeastar_date_range_get_bounds (self->range, now, &start, &end);
      yeastar_report_request_set_start_time (self->request, start);
      yeastar_report_request_set_end_time (self->request, end);
    }
}

static void
on_state_changed (YeastarDownload *download,
                  GParamSpec      *pspec,
                  Download        *self)
{
  switch (yeastar_download_get_state (download))
    {
    case YEASTAR_DOWNLOAD_STATE_REQUESTING:
      reports_cli_connection_progress (self->connection, _("Requesting the report…"));
      break;

    case YEASTAR_DOWNLOAD_STATE_PREPARING:
      reports_cli_connection_progress (self->connection,
                                       _("Waiting for the PBX to prepare the report (event 30027)…"));
      break;

    case YEASTAR_DOWNLOAD_STATE_DOWNLOADING:
      reports_cli_connection_progress (self->connection, _("Downloading %s…"),
                                       yeastar_download_get_file_name (download));
      break;

    case YEASTAR_DOWNLOAD_STATE_IDLE:
    case YEASTAR_DOWNLOAD_STATE_DONE:
    case YEASTAR_DOWNLOAD_STATE_FAILED:
    default:
      break;
    }
}

static void
print_json (Download *self,
            GFile    *file,
            guint64   size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *query = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  YeastarPbxInfo *info = reports_cli_connection_get_pbx_info (self->connection);

  /* The query as it was sent, without the access token (to_query never
   * includes it). */
  query = yeastar_report_request_to_query (self->request, yeastar_pbx_info_get_date_format (info), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, (gint64) size);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, self->type_name);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Exact data; DEL, C1 and bidi controls as \uXXXX for the terminal. */
  shown = yeastar_text_escape_json (text);
  g_print ("%s\n", shown);
}

static int
fail (Download     *self,
      const GError *error)
{
  return reports_cli_connection_fail (self->connection, error);
}

int
reports_cli_download_run (int    argc,
                          char **argv)
{
  g_autoptr(Download) self = g_new0 (Download, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(YeastarDownload) download = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *description = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size_text = NULL;
  g_auto(GStrv) args = NULL;
  guint64 size;

  self->connection = reports_cli_connection_new ();
  self->header_timeout = YEASTAR_DEFAULT_HEADER_TIMEOUT;
  self->min_speed = YEASTAR_DEFAULT_MIN_SPEED;
  self->stall_time = YEASTAR_DEFAULT_STALL_TIME;

  context = g_option_context_new (_("--type TYPE — download one call report"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Downloads one report into the output folder and prints the saved "
                                  "file’s full path. The report options are the API’s parameters; "
                                  "`call-reports types TYPE` lists those a type takes. Dates are PBX "
                                  "wall-clock time in ISO 8601 (2022-04-01 00:00:00, 2022-04-01T00:00, "
                                  "or 2022-04-01 alone). --range counts from the PBX clock; weeks "
                                  "start on Monday and every range covers whole days, up to 23:59:59 "
                                  "of its last day."));
  description = g_strdup_printf ("%s\n\n%s",
                                 _("The Client Secret comes from --client-secret-file, else from "
                                   "$" REPORTS_CLI_SECRET_ENV ", else from the keyring entry the "
                                   "window saved for this server and Client ID; never from an "
                                   "option value."),
                                 reports_cli_get_exit_status_help ());
  g_option_context_set_description (context, description);

  entries = build_entries (self);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  reports_cli_connection_add_options (self->connection, context);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return fail (self, error);

  if (args[1] != NULL)
    {
      g_autofree char *quoted = g_utf8_make_valid (args[1], -1);

      g_printerr (_("call-reports: download takes options only, but “%s” was given\n"), quoted);
      return REPORTS_EXIT_USAGE;
    }

  if (!prepare_request (self, &error) ||
      !reports_cli_connection_check (self->connection, &error) ||
      !prepare_folder (self, &error))
    return fail (self, error);

  {
    YeastarTransferLimits limits = {
      .header_timeout = (guint) self->header_timeout,
      .min_speed = (guint64) self->min_speed,
      .stall_time = (guint) self->stall_time,
    };

    reports_cli_connection_set_transfer_limits (self->connection, &limits);
  }

  if (!reports_cli_connection_open (self->connection, &error))
    return fail (self, error);

  if (self->timeout > 0)
    yeastar_client_set_report_timeout (reports_cli_connection_get_client (self->connection),
                                       (guint) self->timeout);

  if (!resolve_ids (self, &error))
    return fail (self, error);

  apply_range (self);

  if (!validate_request (self, &error) ||
      !check_length (self, yeastar_pbx_info_get_date_format (reports_cli_connection_get_pbx_info (self->connection)),
                     &error))
    return fail (self, error);

  download = yeastar_download_new (reports_cli_connection_get_client (self->connection),
                                   self->request, self->folder);
  g_signal_connect (download, "notify::state", G_CALLBACK (on_state_changed), self);
  yeastar_download_start_async (download,
                                reports_cli_connection_get_cancellable (self->connection),
                                reports_cli_store_result, &result);
  reports_cli_wait (&result);

  file = yeastar_download_start_finish (download, result, &error);
  g_signal_handlers_disconnect_by_func (download, on_state_changed, self);
  if (file == NULL)
    return fail (self, error);

  path = g_file_get_path (file);

  /* Every byte received was saved, and the count stays once done. */
  size = yeastar_download_get_bytes_received (download);
  size_text = g_format_size (size);
  /* Translators: %s is a size, e.g. "12.3 kB" */
  reports_cli_connection_progress (self->connection, _("Saved %s"), size_text);

  if (self->json)
    print_json (self, file, size);
  else
    g_print ("%s\n", path);

  reports_cli_connection_close (self->connection);

  return REPORTS_EXIT_OK;
}
