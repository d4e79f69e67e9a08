/* reports-sets-util.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-state.h"
#include "reports-sets-util.h"
#include "yeastar-text.h"

/* The periods offered, in the order of the menus: the presets of Quick
 * Range, then the last N whole days. */
static const ReportsPeriod offered[] = {
  { YEASTAR_DATE_RANGE_TODAY, 0 },
  { YEASTAR_DATE_RANGE_YESTERDAY, 0 },
  { YEASTAR_DATE_RANGE_THIS_WEEK, 0 },
  { YEASTAR_DATE_RANGE_LAST_WEEK, 0 },
  { YEASTAR_DATE_RANGE_THIS_MONTH, 0 },
  { YEASTAR_DATE_RANGE_LAST_MONTH, 0 },
  { YEASTAR_DATE_RANGE_THIS_YEAR, 0 },
  { YEASTAR_DATE_RANGE_LAST_YEAR, 0 },
  { YEASTAR_DATE_RANGE_TODAY, 7 },
  { YEASTAR_DATE_RANGE_TODAY, 30 },
  { YEASTAR_DATE_RANGE_TODAY, 90 },
};

char *
reports_sets_period_title (const ReportsPeriod *period)
{
  static const char *titles[] = {
    [YEASTAR_DATE_RANGE_TODAY] = N_("Today"),
    [YEASTAR_DATE_RANGE_YESTERDAY] = N_("Yesterday"),
    [YEASTAR_DATE_RANGE_THIS_WEEK] = N_("This Week"),
    [YEASTAR_DATE_RANGE_LAST_WEEK] = N_("Last Week"),
    [YEASTAR_DATE_RANGE_THIS_MONTH] = N_("This Month"),
    [YEASTAR_DATE_RANGE_LAST_MONTH] = N_("Last Month"),
    [YEASTAR_DATE_RANGE_THIS_YEAR] = N_("This Year"),
    [YEASTAR_DATE_RANGE_LAST_YEAR] = N_("Last Year"),
  };

  g_return_val_if_fail (period != NULL, NULL);

  if (period->last_days > 0)
    /* Translators: a relative period of a report set */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u Day", "Last %u Days", period->last_days),
                            period->last_days);

  g_return_val_if_fail (period->preset < G_N_ELEMENTS (titles), NULL);

  return g_strdup (_(titles[period->preset]));
}

static gboolean
type_takes_period (const YeastarReportType *type,
                   const ReportsPeriod     *period)
{
  return !yeastar_report_type_uses_period (type) || reports_period_has_time (period);
}

void
reports_sets_period_choice_fill (GObject                 *choice,
                                 const YeastarReportType *type,
                                 const ReportsPeriod     *current)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (ReportsPeriod));
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GTK_IS_DROP_DOWN (choice) || ADW_IS_COMBO_ROW (choice));

  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      if (type == NULL || type_takes_period (type, &offered[i]))
        g_array_append_val (periods, offered[i]);
    }

  for (guint i = 0; current != NULL && i < periods->len; i++)
    {
      if (reports_period_equal (&g_array_index (periods, ReportsPeriod, i), current))
        selected = i;
    }

  /* A period written by the command line (last-14-days) stays offered. */
  if (current != NULL && selected == GTK_INVALID_LIST_POSITION)
    {
      g_array_append_val (periods, *current);
      selected = periods->len - 1;
    }

  for (guint i = 0; i < periods->len; i++)
    {
      g_autofree char *title = reports_sets_period_title (&g_array_index (periods, ReportsPeriod, i));

      gtk_string_list_append (titles, title);
    }

  g_object_set_data_full (choice, "reports-periods", periods, (GDestroyNotify) g_array_unref);
  g_object_set (choice, "model", titles, NULL);
  if (selected != GTK_INVALID_LIST_POSITION)
    g_object_set (choice, "selected", selected, NULL);
}

gboolean
reports_sets_period_choice_get (GObject       *choice,
                                ReportsPeriod *period)
{
  GArray *periods = g_object_get_data (choice, "reports-periods");
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (choice, "selected", &selected, NULL);

  if (periods == NULL || selected >= periods->len)
    return FALSE;

  *period = g_array_index (periods, ReportsPeriod, selected);

  return TRUE;
}

static gboolean
equal_or_null (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

gboolean
reports_sets_guess_period (YeastarReportRequest *request,
                           GDateTime            *now,
                           ReportsPeriod        *period)
{
  const YeastarReportType *type;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), FALSE);

  type = yeastar_report_request_get_report_type (request);
  if (now == NULL || type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (!type_takes_period (type, &offered[i]))
        continue;

      if (yeastar_report_type_uses_period (type))
        {
          YeastarPeriodKind kind;

          if (reports_period_get_time (&offered[i], now, &kind, &start) &&
              kind == yeastar_report_request_get_period_kind (request) &&
              equal_or_null (start, yeastar_report_request_get_period (request)))
            {
              *period = offered[i];
              return TRUE;
            }
          continue;
        }

      reports_period_get_bounds (&offered[i], now, &start, &end);
      if (yeastar_report_request_get_start_time (request) != NULL &&
          equal_or_null (start, yeastar_report_request_get_start_time (request)) &&
          equal_or_null (end, yeastar_report_request_get_end_time (request)))
        {
          *period = offered[i];
          return TRUE;
        }
    }

  return FALSE;
}

ReportsSetReport *
reports_sets_report_from_request (YeastarReportRequest *request,
                                  const ReportsPeriod  *period)
{
  const YeastarReportType *type;
  ReportsSetReport *report;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  type = yeastar_report_request_get_report_type (request);
  report = reports_set_report_new (yeastar_report_type_get_api_name (type), period);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      const char *value;

      if (!yeastar_report_type_takes (type, p) || kind == YEASTAR_VALUE_DATE_TIME ||
          kind == YEASTAR_VALUE_PERIOD || p == YEASTAR_PARAM_IS_ASYNC)
        continue;

      value = yeastar_report_request_get_value (request, p);
      if (value == NULL || value[0] == '\0' || (kind == YEASTAR_VALUE_FLAG && !g_str_equal (value, "1")))
        continue;

      report->values[p] = g_strdup (value);
    }

  report->async = yeastar_report_type_takes (type, YEASTAR_PARAM_IS_ASYNC) &&
                  yeastar_report_request_get_async (request);

  return report;
}

char *
reports_sets_describe_filters (const ReportsSetReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autofree char *value = NULL;

      if (report->values[p] == NULL)
        continue;

      if (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_FLAG)
        value = g_strdup (_("yes"));
      else if (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_ENUM)
        value = g_strdup (yeastar_param_get_enum_value_title (p, report->values[p]));
      else
        value = yeastar_text_escape (report->values[p], -1);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a filter of a report and its value, "Extensions: 1001,1002" */
      g_string_append_printf (text, _("%s: %s"), yeastar_param_get_title (p), value);
    }

  if (report->async)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("prepared in the background"));
    }

  if (text->len == 0)
    return g_strdup (_("No filters"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
reports_sets_dup_host (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (server);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

  return g_strdup (g_uri_get_host (uri));
}

char *
reports_sets_describe_set (ReportsSet *set)
{
  guint n_reports = reports_set_get_n_reports (set);
  guint n_pbxs = reports_set_get_n_pbxs (set);
  g_autofree char *reports = NULL;
  g_autofree char *pbxs = NULL;
  g_autofree char *schedule = reports_schedule_describe (reports_set_get_schedule (set));

  /* Translators: the start of "3 reports from 2 PBXs" */
  reports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_reports), n_reports);
  /* Translators: the end of "3 reports from 2 PBXs" */
  pbxs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u PBX", "from %u PBXs", n_pbxs), n_pbxs);

  /* Translators: "3 reports", "from 2 PBXs", and when it runs by itself ("not scheduled") */
  return g_strdup_printf (_("%s %s · %s"), reports, pbxs, schedule);
}

char *
reports_sets_describe_last_run (const char *name,
                                gboolean    prefix)
{
  g_autoptr(ReportsSetState) state = reports_set_state_load (name);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *result = NULL;

  if (state->last_run <= 0)
    return g_strdup (_("Never run"));

  when = g_date_time_new_from_unix_local (state->last_run);
  time = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");

  if (state->n_failed == 0)
    result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file saved", "%u files saved", state->n_saved),
                              state->n_saved);
  else
    {
      g_autofree char *message = yeastar_text_escape (state->message != NULL ? state->message : "", -1);

      result = g_strdup_printf (_("%u saved, %u failed; the first failure: %s"),
                                state->n_saved, state->n_failed, message);
    }

  if (state->n_cancelled > 0)
    {
      g_autofree char *counts = g_steal_pointer (&result);

      /* Translators: a set's run the user cancelled, and what it did
       * before ("1 file saved") */
      result = g_strdup_printf (_("Cancelled; %s"), counts);
    }

  if (!prefix)
    /* Translators: the time of a set's last run, and its result */
    return g_strdup_printf (_("%s: %s"), time, result);

  /* Translators: the time of a set's last run, and its result */
  return g_strdup_printf (_("Last run %s: %s"), time, result);
}

void
reports_sets_record_run (ReportsSetRun *run)
{
  ReportsSet *set = reports_set_run_get_set (run);
  g_autoptr(ReportsSetState) state = reports_set_state_load (reports_set_get_name (set));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  reports_set_state_record (state, run, now);

  if (reports_set_run_get_n_failed (run) == 0 && reports_set_get_keep_months (set) > 0)
    reports_set_state_prune (state, reports_set_get_keep_months (set), now);

  if (!reports_set_state_save (state, reports_set_get_name (set), &error))
    g_warning ("The result of the run of “%s” could not be recorded: %s",
               reports_set_get_name (set), error->message);
}
