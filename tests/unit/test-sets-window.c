/* test-sets-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What "Add to Set…" makes of the form: the relative period its dates
 * are on the PBX's clock (or none), and the report it keeps (type,
 * filters, IDs; never the dates). */

#include "config.h"

#include "reports-sets-util.h"

static GDateTime *
pbx_now (void)
{
  /* A Wednesday, on the PBX's wall clock (a UTC carrier). */
  return g_date_time_new_utc (2026, 12, 2, 10, 30, 0);
}

static YeastarReportRequest *
range_request (int sy, int sm, int sd, int ey, int em, int ed)
{
  YeastarReportRequest *request = yeastar_report_request_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (sy, sm, sd, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (ey, em, ed, 23, 59, 59);

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);

  return request;
}

static void
check_range (int                   sy,
             int                   sm,
             int                   sd,
             int                   ey,
             int                   em,
             int                   ed,
             const char           *expected)
{
  g_autoptr(YeastarReportRequest) request = range_request (sy, sm, sd, ey, em, ed);
  g_autoptr(GDateTime) now = pbx_now ();
  ReportsPeriod period = { 0, };
  gboolean found = reports_sets_guess_period (request, now, &period);

  if (expected == NULL)
    g_assert_false (found);
  else
    {
      g_autofree char *name = NULL;

      g_assert_true (found);
      name = reports_period_to_string (&period);
      g_assert_cmpstr (name, ==, expected);
    }
}

static void
test_guess_range (void)
{
  check_range (2026, 11, 1, 2026, 11, 30, "last-month");
  check_range (2026, 12, 1, 2026, 12, 1, "yesterday");
  check_range (2026, 12, 2, 2026, 12, 2, "today");
  check_range (2026, 11, 30, 2026, 12, 6, "this-week");
  check_range (2026, 11, 23, 2026, 11, 29, "last-week");
  check_range (2025, 1, 1, 2025, 12, 31, "last-year");
  check_range (2026, 11, 25, 2026, 12, 1, "last-7-days");
  check_range (2026, 11, 2, 2026, 12, 1, "last-30-days");
  /* Dates that are no period offered: none is guessed. */
  check_range (2026, 11, 3, 2026, 11, 30, NULL);
  check_range (2026, 11, 1, 2026, 11, 29, NULL);
}

static void
test_guess_no_dates (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GDateTime) now = pbx_now ();
  ReportsPeriod period = { 0, };

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  g_assert_false (reports_sets_guess_period (request, now, &period));
  /* Without the PBX's clock, nothing is guessed. */
  g_assert_false (reports_sets_guess_period (request, NULL, &period));
}

static void
check_period (YeastarPeriodKind  kind,
              int                y,
              int                m,
              int                d,
              const char        *expected)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GDateTime) time = g_date_time_new_utc (y, m, d, 0, 0, 0);
  g_autoptr(GDateTime) now = pbx_now ();
  ReportsPeriod period = { 0, };
  gboolean found;

  yeastar_report_request_set_report_type (request, "extcallactivity");
  yeastar_report_request_set_period_kind (request, kind);
  yeastar_report_request_set_period (request, time);
  found = reports_sets_guess_period (request, now, &period);

  if (expected == NULL)
    g_assert_false (found);
  else
    {
      g_autofree char *name = NULL;

      g_assert_true (found);
      name = reports_period_to_string (&period);
      g_assert_cmpstr (name, ==, expected);
    }
}

static void
test_guess_period_type (void)
{
  check_period (YEASTAR_PERIOD_MONTH, 2026, 11, 1, "last-month");
  check_period (YEASTAR_PERIOD_MONTH, 2026, 12, 1, "this-month");
  check_period (YEASTAR_PERIOD_DAY, 2026, 12, 2, "today");
  check_period (YEASTAR_PERIOD_DAY, 2026, 12, 1, "yesterday");
  check_period (YEASTAR_PERIOD_YEAR, 2025, 1, 1, "last-year");
  /* A day a month ago is no period a set offers. */
  check_period (YEASTAR_PERIOD_DAY, 2026, 11, 2, NULL);
  check_period (YEASTAR_PERIOD_MONTH, 2026, 10, 1, NULL);
}

static void
test_report_from_request (void)
{
  g_autoptr(YeastarReportRequest) request = range_request (2026, 11, 1, 2026, 11, 30);
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ReportsPeriod period = { YEASTAR_DATE_RANGE_LAST_MONTH, 0 };
  g_autofree char *filters = NULL;

  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1001,1002");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Inbound");
  yeastar_report_request_set_async (request, TRUE);

  report = reports_sets_report_from_request (request, &period);
  g_assert_cmpstr (report->type, ==, "extcallstatistics");
  g_assert_true (reports_period_equal (&report->period, &period));
  g_assert_cmpstr (report->values[YEASTAR_PARAM_EXT_ID_LIST], ==, "1001,1002");
  g_assert_cmpstr (report->values[YEASTAR_PARAM_COMMUNICATION_TYPE], ==, "Inbound");
  /* The dates become the period; async is a field of its own. */
  g_assert_null (report->values[YEASTAR_PARAM_START_TIME]);
  g_assert_null (report->values[YEASTAR_PARAM_END_TIME]);
  g_assert_null (report->values[YEASTAR_PARAM_IS_ASYNC]);
  g_assert_true (report->async);
  g_assert_true (reports_set_report_check (report, &error));
  g_assert_no_error (error);

  filters = reports_sets_describe_filters (report);
  g_assert_nonnull (strstr (filters, "Extensions: 1001,1002"));
  g_assert_nonnull (strstr (filters, "Communication type: Inbound"));
}

static void
test_report_without_filters (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(ReportsSetReport) report = NULL;
  g_autofree char *filters = NULL;
  ReportsPeriod period = { YEASTAR_DATE_RANGE_YESTERDAY, 0 };

  yeastar_report_request_set_report_type (request, "unreturnmisscall");
  report = reports_sets_report_from_request (request, &period);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    g_assert_null (report->values[p]);
  g_assert_false (report->async);

  filters = reports_sets_describe_filters (report);
  g_assert_cmpstr (filters, ==, "No filters");
}

static void
test_period_title (void)
{
  ReportsPeriod last_month = { YEASTAR_DATE_RANGE_LAST_MONTH, 0 };
  ReportsPeriod last_days = { YEASTAR_DATE_RANGE_TODAY, 14 };
  g_autofree char *a = reports_sets_period_title (&last_month);
  g_autofree char *b = reports_sets_period_title (&last_days);

  g_assert_cmpstr (a, ==, "Last Month");
  g_assert_cmpstr (b, ==, "Last 14 Days");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sets-window/guess/range", test_guess_range);
  g_test_add_func ("/sets-window/guess/no-dates", test_guess_no_dates);
  g_test_add_func ("/sets-window/guess/period-type", test_guess_period_type);
  g_test_add_func ("/sets-window/report/from-request", test_report_from_request);
  g_test_add_func ("/sets-window/report/without-filters", test_report_without_filters);
  g_test_add_func ("/sets-window/period-title", test_period_title);

  return g_test_run ();
}
