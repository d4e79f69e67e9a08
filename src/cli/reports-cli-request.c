/* reports-cli-request.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cli.h"
#include "reports-cli-ids.h"
#include "reports-cli-request.h"
#include "reports-cli-time.h"
#include "yeastar-date-range.h"
#include "yeastar-request-length.h"

/*
 * The report options are made from the report-type table: one per API
 * parameter, named after it with '-' for '_' (is_async is --async), flags
 * as switches, everything else taking the API's own value. Dates are read
 * as ISO 8601 and written in the PBX's display format by the request model.
 */

struct _ReportsCliRequest
{
  ReportsCliRequestRanges  ranges;

  /* Filled by GOptionContext; indexed by YeastarParam. */
  char                    *values[YEASTAR_N_PARAMS];
  gboolean                 switches[YEASTAR_N_PARAMS];
  /* The option names and descriptions the entries point to. */
  char                    *names[YEASTAR_N_PARAMS];
  char                    *descriptions[YEASTAR_N_PARAMS];
  char                    *placeholders[YEASTAR_N_PARAMS];

  char                    *type_name;
  char                    *range_name;

  /* What the options became */
  YeastarReportRequest    *request;
  gboolean                 has_range;
  ReportsPeriod            range;
  gboolean                 lookup[YEASTAR_N_PARAMS];
};

ReportsCliRequest *
reports_cli_request_new (ReportsCliRequestRanges ranges)
{
  ReportsCliRequest *self = g_new0 (ReportsCliRequest, 1);

  self->ranges = ranges;

  return self;
}

void
reports_cli_request_free (ReportsCliRequest *self)
{
  if (self == NULL)
    return;

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_free (self->values[p]);
      g_free (self->names[p]);
      g_free (self->descriptions[p]);
      g_free (self->placeholders[p]);
    }

  g_free (self->type_name);
  g_free (self->range_name);
  g_clear_object (&self->request);
  g_free (self);
}

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

/* A set keeps the IDs, numbers and names it is given and resolves the
 * numbers and names on each of its PBXs at each run (reports-set-names.c). */
static char *
describe_param (YeastarParam            param,
                ReportsCliRequestRanges ranges)
{
  if (ranges == REPORTS_CLI_REQUEST_PERIODS
      && yeastar_param_get_menu (param) != NULL)
    /* Translators: %s are a parameter's title and its API name */
    return g_strdup_printf (_("%s: IDs, numbers or names, the last two looked up on each PBX at each run (%s)"),
                            yeastar_param_get_title (param), yeastar_param_get_api_name (param));

  return yeastar_param_dup_description (param);
}

static GOptionEntry *
build_entries (ReportsCliRequest *self)
{
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry fixed[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &self->type_name,
      N_("The report type (see `call-reports types`)"), N_("TYPE") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &self->range_name,
      N_("Fill the dates from the PBX clock: today, yesterday, this-week, last-week, "
         "this-month, last-month, this-year or last-year"), N_("PRESET") },
  };
  const GOptionEntry periods[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &self->type_name,
      N_("The report type (see `call-reports types`)"), N_("TYPE") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &self->range_name,
      N_("The period, counted from the PBX clock at each run: today, yesterday, this-week, "
         "last-week, this-month, last-month, this-year, last-year or last-N-days (the N "
         "days before today)"), N_("PERIOD") },
  };

  if (self->ranges == REPORTS_CLI_REQUEST_PERIODS)
    g_array_append_vals (entries, periods, G_N_ELEMENTS (periods));
  else
    g_array_append_vals (entries, fixed, G_N_ELEMENTS (fixed));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      GOptionEntry entry = { NULL, };

      self->names[p] = reports_cli_dup_param_option (p);
      self->descriptions[p] = describe_param (p, self->ranges);

      entry.long_name = self->names[p];
      entry.description = self->descriptions[p];
      /* --range gives a set's dates; the dates themselves are refused. */
      if (self->ranges == REPORTS_CLI_REQUEST_PERIODS &&
          (kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD))
        entry.flags |= G_OPTION_FLAG_HIDDEN;
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
given (ReportsCliRequest *self,
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
option_for_param (ReportsCliRequest *self,
                  YeastarParam  param)
{
  if (self->has_range &&
      (param == YEASTAR_PARAM_START_TIME || param == YEASTAR_PARAM_END_TIME ||
       param == YEASTAR_PARAM_TIME))
    return "range";

  return self->names[param];
}

static gboolean
validate_request (ReportsCliRequest  *self,
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

/* The report type of --type, and no option it does not take. */
static const YeastarReportType *
check_type (ReportsCliRequest  *self,
            GError            **error)
{
  const YeastarReportType *type;

  if (self->type_name == NULL)
    {
      g_autofree char *names = list_type_names ();

      usage_error (error, _("--type is missing: give one of %s"), names);
      return NULL;
    }

  type = yeastar_report_type_lookup (self->type_name);
  if (type == NULL)
    {
      g_autofree char *names = list_type_names ();
      g_autofree char *quoted = g_utf8_make_valid (self->type_name, -1);

      usage_error (error, _("--type: “%s” is not a report type; give one of %s"), quoted, names);
      return NULL;
    }

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (given (self, p) && !yeastar_report_type_takes (type, p))
        {
          g_autofree char *accepted = list_type_options (type);

          usage_error (error,
                       /* Translators: an option, a report type's API name and title, and the options it takes */
                       _("--%s is not an option of %s (%s), which takes %s"),
                       self->names[p], yeastar_report_type_get_api_name (type),
                       yeastar_report_type_get_title (type), accepted);
          return NULL;
        }
    }

  return type;
}

/* --range: a preset (or, for a set, a period) turned into stand-in
 * dates until the PBX's clock is known. */
static gboolean
apply_range (ReportsCliRequest        *self,
             const YeastarReportType  *type,
             GError                  **error)
{
  gboolean uses_period = yeastar_report_type_uses_period (type);
  g_autoptr(GDateTime) placeholder = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  YeastarPeriodKind kind;
  g_autoptr(GDateTime) period = NULL;

  if (self->ranges == REPORTS_CLI_REQUEST_PERIODS)
    {
      g_autoptr(GError) local_error = NULL;

      if (!reports_period_parse (self->range_name, &self->range, &local_error))
        return usage_error (error, "--range: %s", local_error->message);
    }
  else if (yeastar_date_range_from_name (self->range_name, &self->range.preset))
    self->range.last_days = 0;
  else
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

  if (uses_period && self->range.last_days > 0)
    return usage_error (error,
                        _("--range: %s covers a day, a month or a year (--time), not a number of days"),
                        yeastar_report_type_get_api_name (type));

  if (uses_period && !reports_period_get_time (&self->range, placeholder, &kind, &period))
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

      reports_period_get_bounds (&self->range, placeholder, &start, &end);
      yeastar_report_request_set_start_time (self->request, start);
      yeastar_report_request_set_end_time (self->request, end);
    }

  return TRUE;
}

/* --start-time, --end-time and --time. */
static gboolean
apply_times (ReportsCliRequest  *self,
             GError            **error)
{
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

  return TRUE;
}

/* The other values: flags, IDs (or stand-ins until the PBX's lists are
 * known), texts. */
static void
apply_values (ReportsCliRequest *self,
              gboolean           resolve_ids)
{
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
          (resolve_ids || yeastar_menu_match_need_lookup (self->values[p])))
        {
          /* Checked once the PBX's lists are known; a stand-in ID meanwhile
           * lets the rest of the request be validated now. */
          self->lookup[p] = TRUE;
          yeastar_report_request_set_value (self->request, p, "0");
          continue;
        }

      yeastar_report_request_set_value (self->request, p, self->values[p]);
    }
}

/* Every check that needs no PBX, in the order a user fixes them. */
gboolean
reports_cli_request_prepare (ReportsCliRequest  *self,
                             gboolean            resolve_ids,
                             GError            **error)
{
  const YeastarReportType *type = check_type (self, error);

  if (type == NULL)
    return FALSE;

  self->request = yeastar_report_request_new ();
  yeastar_report_request_set_report_type (self->request, yeastar_report_type_get_api_name (type));

  if (self->range_name == NULL && self->ranges == REPORTS_CLI_REQUEST_PERIODS)
    return usage_error (error, _("--range is missing: a set keeps a period, e.g. --range last-month"));

  if (self->range_name != NULL && !apply_range (self, type, error))
    return FALSE;

  if (!apply_times (self, error))
    return FALSE;

  apply_values (self, resolve_ids);
  return validate_request (self, error);
}

void
reports_cli_request_apply_range (ReportsCliRequest *self,
                                 GDateTime         *now)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (now != NULL);

  if (!self->has_range)
    return;

  if (yeastar_report_type_uses_period (yeastar_report_request_get_report_type (self->request)))
    {
      g_autoptr(GDateTime) period = NULL;
      YeastarPeriodKind kind;

      if (reports_period_get_time (&self->range, now, &kind, &period))
        {
          yeastar_report_request_set_period_kind (self->request, kind);
          yeastar_report_request_set_period (self->request, period);
        }
    }
  else
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      reports_period_get_bounds (&self->range, now, &start, &end);
      yeastar_report_request_set_start_time (self->request, start);
      yeastar_report_request_set_end_time (self->request, end);
    }
}

void
reports_cli_request_add_options (ReportsCliRequest *self,
                                 GOptionContext    *context)
{
  g_autofree GOptionEntry *entries = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (context != NULL);

  /* The entries are copied; the strings they point to are self's. */
  entries = build_entries (self);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
reports_cli_request_validate (ReportsCliRequest  *self,
                              GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return validate_request (self, error);
}

/* A URL the PBX's web server would refuse (HTTP 414): a usage error
 * naming the longest ID list. @format NULL: the longest date format, as
 * long as the PBX's is not known. */
gboolean
reports_cli_request_check_length (ReportsCliRequest  *self,
                                  YeastarDateFormat  *format,
                                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  YeastarParam param = YEASTAR_N_PARAMS;

  g_return_val_if_fail (self != NULL, FALSE);

  if (yeastar_report_request_check_length (self->request, format, &param, &local_error))
    return TRUE;

  if (param < YEASTAR_N_PARAMS)
    return usage_error (error, "--%s: %s", option_for_param (self, param), local_error->message);

  return usage_error (error, "%s", local_error->message);
}

YeastarReportRequest *
reports_cli_request_get_request (ReportsCliRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->request;
}

const char *
reports_cli_request_get_type_name (ReportsCliRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->type_name;
}

gboolean
reports_cli_request_get_period (ReportsCliRequest *self,
                                ReportsPeriod     *period)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_range && period != NULL)
    *period = self->range;

  return self->has_range;
}

const char *
reports_cli_request_get_value (ReportsCliRequest *self,
                               YeastarParam       param)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (param < YEASTAR_N_PARAMS, NULL);

  return self->values[param];
}

gboolean
reports_cli_request_given (ReportsCliRequest *self,
                           YeastarParam       param)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (param < YEASTAR_N_PARAMS, FALSE);

  return given (self, param);
}

const char *
reports_cli_request_get_option (ReportsCliRequest *self,
                                YeastarParam       param)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (param < YEASTAR_N_PARAMS, NULL);

  return self->names[param];
}

gboolean
reports_cli_request_needs_lookup (ReportsCliRequest *self,
                                  YeastarParam       param)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (param < YEASTAR_N_PARAMS, FALSE);

  return self->lookup[param];
}
