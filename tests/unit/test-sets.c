/* test-sets.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reports-display-path.h"
#include "reports-name-template.h"
#include "reports-period.h"
#include "reports-schedule.h"
#include "reports-set.h"
#include "reports-set-deletion.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-set-units.h"

/*
 * Report sets without a PBX: relative periods on the PBX's clock, file
 * names from templates, the set file, schedules and their units. Every
 * file lands in a temporary XDG_DATA_HOME / XDG_STATE_HOME /
 * XDG_CONFIG_HOME set before GLib reads them.
 */

static char *tmp_home;

static void
remove_tree (const char *path)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", path);

  g_assert_cmpint (system (command), ==, 0);
}

static GDateTime *
pbx_clock (const char *zone_id,
           int         year,
           int         month,
           int         day,
           int         hour,
           int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static void
assert_period (const char *text,
               GDateTime  *now,
               const char *start,
               const char *end,
               const char *label)
{
  g_autoptr(GDateTime) start_dt = NULL;
  g_autoptr(GDateTime) end_dt = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *label_text = NULL;
  g_autofree char *round_trip = NULL;
  ReportsPeriod period;

  g_assert_true (reports_period_parse (text, &period, NULL));
  round_trip = reports_period_to_string (&period);
  g_assert_cmpstr (round_trip, ==, text);

  reports_period_get_bounds (&period, now, &start_dt, &end_dt);
  start_text = g_date_time_format (start_dt, "%F %T");
  end_text = g_date_time_format (end_dt, "%F %T");
  label_text = reports_period_dup_label (&period, now);
  g_assert_cmpstr (start_text, ==, start);
  g_assert_cmpstr (end_text, ==, end);
  g_assert_cmpstr (label_text, ==, label);
}

static void
test_period_boundaries (void)
{
  /* The first minutes of a month and of a year. */
  g_autoptr(GDateTime) new_month = pbx_clock ("Europe/Berlin", 2026, 12, 1, 0, 5);
  g_autoptr(GDateTime) new_year = pbx_clock ("Europe/Berlin", 2027, 1, 1, 0, 0);
  /* 2026-03-29 02:00 does not exist in Berlin: the clock jumps to 03:00;
   * 2026-10-25 02:30 happens twice. */
  g_autoptr(GDateTime) spring = pbx_clock ("Europe/Berlin", 2026, 3, 29, 3, 30);
  g_autoptr(GDateTime) autumn = pbx_clock ("Europe/Berlin", 2026, 10, 25, 2, 30);
  /* The last minute of a leap February. */
  g_autoptr(GDateTime) leap = pbx_clock ("America/New_York", 2028, 2, 29, 23, 59);

  assert_period ("last-month", new_month, "2026-11-01 00:00:00", "2026-11-30 23:59:59", "2026-11");
  assert_period ("this-month", new_month, "2026-12-01 00:00:00", "2026-12-31 23:59:59", "2026-12");
  assert_period ("yesterday", new_month, "2026-11-30 00:00:00", "2026-11-30 23:59:59", "2026-11-30");
  assert_period ("last-7-days", new_month, "2026-11-24 00:00:00", "2026-11-30 23:59:59",
                 "2026-11-24_2026-11-30");

  assert_period ("last-year", new_year, "2026-01-01 00:00:00", "2026-12-31 23:59:59", "2026");
  assert_period ("last-month", new_year, "2026-12-01 00:00:00", "2026-12-31 23:59:59", "2026-12");
  assert_period ("today", new_year, "2027-01-01 00:00:00", "2027-01-01 23:59:59", "2027-01-01");
  /* 2027-01-01 is a Friday of ISO week 53 of 2026. */
  assert_period ("this-week", new_year, "2026-12-28 00:00:00", "2027-01-03 23:59:59", "2026-W53");
  assert_period ("last-week", new_year, "2026-12-21 00:00:00", "2026-12-27 23:59:59", "2026-W52");

  /* Whole days across the daylight-saving changes. */
  assert_period ("yesterday", spring, "2026-03-28 00:00:00", "2026-03-28 23:59:59", "2026-03-28");
  assert_period ("today", spring, "2026-03-29 00:00:00", "2026-03-29 23:59:59", "2026-03-29");
  assert_period ("last-2-days", autumn, "2026-10-23 00:00:00", "2026-10-24 23:59:59",
                 "2026-10-23_2026-10-24");
  assert_period ("this-week", autumn, "2026-10-19 00:00:00", "2026-10-25 23:59:59", "2026-W43");

  assert_period ("this-month", leap, "2028-02-01 00:00:00", "2028-02-29 23:59:59", "2028-02");
  assert_period ("last-366-days", leap, "2027-02-28 00:00:00", "2028-02-28 23:59:59",
                 "2027-02-28_2028-02-28");
}

/* The PBX's own date, not this computer's nor UTC's. */
static void
test_period_pbx_zone (void)
{
  /* 2026-12-31 11:30 UTC is already 2027-01-01 on Kiribati's clock (+14)
   * and still 2026-12-31 in Honolulu (-10). */
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 31, 11, 30, 0);
  g_autoptr(GTimeZone) kiribati_zone = g_time_zone_new_identifier ("Pacific/Kiritimati");
  g_autoptr(GTimeZone) honolulu_zone = g_time_zone_new_identifier ("Pacific/Honolulu");
  g_autoptr(GDateTime) kiribati = g_date_time_to_timezone (utc, kiribati_zone);
  g_autoptr(GDateTime) honolulu = g_date_time_to_timezone (utc, honolulu_zone);
  g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (14 * 3600);
  g_autoptr(GDateTime) offset_clock = g_date_time_to_timezone (utc, fixed);

  assert_period ("last-year", kiribati, "2026-01-01 00:00:00", "2026-12-31 23:59:59", "2026");
  assert_period ("last-year", honolulu, "2025-01-01 00:00:00", "2025-12-31 23:59:59", "2025");
  assert_period ("yesterday", kiribati, "2026-12-31 00:00:00", "2026-12-31 23:59:59", "2026-12-31");
  assert_period ("yesterday", honolulu, "2026-12-30 00:00:00", "2026-12-30 23:59:59", "2026-12-30");
  /* YeastarPbxInfo's clock carries a fixed offset (timestamp vs system_time). */
  assert_period ("this-month", offset_clock, "2027-01-01 00:00:00", "2027-01-31 23:59:59", "2027-01");
}

static void
test_period_parse_errors (void)
{
  const char *bad[] = { "", "last-0-days", "last-367-days", "last--1-days", "last-x-days",
                        "last-days", "fortnight", "LAST-MONTH", "last-7-days ", NULL };
  ReportsPeriod period;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("period “%s”", bad[i]);
      g_assert_false (reports_period_parse (bad[i], &period, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, "last-N-days"));
    }

  g_assert_true (reports_period_parse ("last-week", &period, NULL));
  g_assert_false (reports_period_has_time (&period));
  g_assert_true (reports_period_parse ("last-30-days", &period, NULL));
  g_assert_false (reports_period_has_time (&period));
  g_assert_true (reports_period_parse ("last-month", &period, NULL));
  g_assert_true (reports_period_has_time (&period));
}

static void
assert_expands (const char *name_template,
                const char *pbx,
                const char *expected)
{
  ReportsNameValues values = { pbx, "pbx.example.com", "queueperformance", "2026-11", "Monthly" };
  g_autofree char *path = NULL;

  g_assert_true (reports_name_template_check (name_template, NULL));
  path = reports_name_template_expand (name_template, &values);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_template_expand (void)
{
  assert_expands (REPORTS_NAME_TEMPLATE_DEFAULT, "Main Office", "Main Office/queueperformance-2026-11.csv");
  assert_expands ("{set}/{host}/{period}/{type}.csv", "x", "Monthly/pbx.example.com/2026-11/queueperformance.csv");
  /* A value never adds a folder nor climbs out of one. */
  assert_expands ("{pbx}/{type}.csv", "../../etc", "_._etc/queueperformance.csv");
  assert_expands ("{pbx}/{type}.csv", "..", "queueperformance.csv");
  assert_expands ("{pbx}/{type}.csv", "/", "_/queueperformance.csv");
  assert_expands ("{pbx}/{type}.csv", "a\\b", "a_b/queueperformance.csv");
  /* Control and invisible characters go; leading dots go (no hidden names). */
  assert_expands ("{pbx}/{type}.csv", "Main\x1b[31m\tOffice\u202e", "Main[31mOffice/queueperformance.csv");
  assert_expands ("{pbx}/{type}.csv", ".hidden", "hidden/queueperformance.csv");
  /* An empty value leaves no empty folder; an empty file name a safe one. */
  assert_expands ("{pbx}/{type}.csv", "", "queueperformance.csv");
  assert_expands ("reports/{pbx}", "", "reports/report.csv");
  /* Characters other systems refuse. */
  assert_expands ("{pbx}/{type}.csv", "A:B*C?", "A_B_C_/queueperformance.csv");
}

static void
test_template_check (void)
{
  const char *bad[] = { "", "/abs/{type}.csv", "~/x.csv", "../{type}.csv", "a/../b.csv", "./x.csv",
                        "{pbx}/", "{nope}.csv", "{type.csv", "\xff.csv", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_strescape (bad[i], NULL);

      /* Escaped: "\xff" raw is not UTF-8, which TAP readers refuse. */
      g_test_message ("template “%s”", shown);
      g_assert_false (reports_name_template_check (bad[i], &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }
}

static void
write_file (GFile      *file,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* A second report of the same name becomes "NAME (2)"; nothing is replaced. */
static void
test_template_collision (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-sets-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *source_name = g_strdup_printf ("source-%u", i);
      g_autofree char *text = g_strdup_printf ("report %u", i);
      g_autoptr(GFile) source = g_file_get_child (folder, source_name);
      g_autoptr(GFile) target = NULL;
      g_autoptr(GFile) saved = NULL;
      g_autofree char *saved_name = NULL;
      g_autofree char *contents = NULL;

      write_file (source, text);
      target = reports_name_template_prepare (folder, "Main Office/queueperformance-2026-11.csv", &error);
      g_assert_no_error (error);
      saved = reports_name_template_link (source, target, &error);
      g_assert_no_error (error);

      saved_name = g_file_get_basename (saved);
      g_assert_cmpstr (saved_name, ==, i == 1 ? "queueperformance-2026-11.csv"
                       : i == 2 ? "queueperformance-2026-11 (2).csv" : "queueperformance-2026-11 (3).csv");
      contents = read_file (saved);
      g_assert_cmpstr (contents, ==, text);
      g_assert_false (g_file_query_exists (source, NULL));
    }

  {
    g_autoptr(GFile) first = g_file_resolve_relative_path (folder, "Main Office/queueperformance-2026-11.csv");
    g_autofree char *contents = read_file (first);

    g_assert_cmpstr (contents, ==, "report 1");
  }

  remove_tree (dir);
}

static ReportsSet *
make_set (void)
{
  ReportsSet *set = reports_set_new ("Monthly “pack”");
  ReportsSetReport *report;
  ReportsPeriod period;
  ReportsSchedule schedule = { REPORTS_SCHEDULE_WEEKLY, G_DATE_MONDAY, 0, 7, 5 };

  reports_set_set_output (set, "/srv/reports");
  reports_set_set_name_template (set, "{set}/{pbx}/{type}-{period}.csv");
  reports_set_set_keep_months (set, 24);
  reports_set_set_schedule (set, &schedule);
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new ("https://pbx.example.com:8088", "abc")));
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new ("https://10.0.0.2", "def")));
  g_assert_false (reports_set_add_pbx (set, reports_set_pbx_new ("https://10.0.0.2", "def")));

  g_assert_true (reports_period_parse ("last-month", &period, NULL));
  report = reports_set_report_new ("queueperformance", &period);
  report->values[YEASTAR_PARAM_QUEUE_ID_LIST] = g_strdup ("1,2");
  reports_set_add_report (set, report);

  g_assert_true (reports_period_parse ("last-14-days", &period, NULL));
  report = reports_set_report_new ("extcallstatistics", &period);
  report->values[YEASTAR_PARAM_EXT_ID_LIST] = g_strdup ("34");
  reports_set_add_report (set, report);

  return set;
}

static void
test_set_round_trip (void)
{
  g_autoptr(ReportsSet) set = make_set ();
  g_autoptr(ReportsSet) read = NULL;
  g_autoptr(ReportsSet) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *data3 = NULL;
  g_auto(GStrv) names = NULL;
  gsize length = 0;

  data = reports_set_to_data (set, &length);
  read = reports_set_new_from_data (data, length, &error);
  g_assert_no_error (error);
  data2 = reports_set_to_data (read, NULL);
  g_assert_cmpstr (data, ==, data2);

  g_assert_cmpstr (reports_set_get_name (read), ==, "Monthly “pack”");
  g_assert_cmpstr (reports_set_get_output (read), ==, "/srv/reports");
  g_assert_cmpuint (reports_set_get_keep_months (read), ==, 24);
  g_assert_cmpuint (reports_set_get_n_pbxs (read), ==, 2);
  g_assert_cmpstr (reports_set_get_pbx (read, 1)->client_id, ==, "def");
  g_assert_cmpuint (reports_set_get_n_reports (read), ==, 2);
  g_assert_cmpstr (reports_set_get_report (read, 0)->values[YEASTAR_PARAM_QUEUE_ID_LIST], ==, "1,2");
  g_assert_cmpuint (reports_set_get_report (read, 1)->period.last_days, ==, 14);
  g_assert_cmpint (reports_set_get_schedule (read)->kind, ==, REPORTS_SCHEDULE_WEEKLY);
  g_assert_cmpint (reports_set_get_schedule (read)->weekday, ==, G_DATE_MONDAY);
  g_assert_null (strstr (data, "secret"));

  /* Through the store, in the temporary XDG_DATA_HOME. */
  g_assert_true (reports_set_store_save (set, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (reports_set_store_save (set, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  loaded = reports_set_store_load ("Monthly “pack”", &error);
  g_assert_no_error (error);
  data3 = reports_set_to_data (loaded, NULL);
  g_assert_cmpstr (data, ==, data3);

  names = reports_set_store_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Monthly “pack”");

  g_assert_true (reports_set_store_delete ("Monthly “pack”", &error));
  g_assert_no_error (error);
  g_assert_null (reports_set_store_load ("Monthly “pack”", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Monthly “pack”"));
}

/* Numbers and names are kept as given, for each PBX to resolve at each
 * run; a file of numeric IDs, as sets were written before, reads as it
 * did. */
static void
test_set_file_names (void)
{
  const char *old =
    "{\"version\": 1, \"name\": \"Old\", \"pbxs\": [{\"server\": \"https://pbx.example\", \"client_id\": \"a\"}],"
    " \"reports\": [{\"type\": \"extcallstatistics\", \"period\": \"last-month\", \"params\": {\"ext_id_list\": \"34,35\"}}]}";
  g_autoptr(ReportsSet) set = reports_set_new ("Names");
  g_autoptr(ReportsSet) read = NULL;
  g_autoptr(ReportsSet) old_set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  ReportsSetReport *report;
  ReportsPeriod period;

  g_assert_true (reports_period_parse ("last-month", &period, NULL));
  report = reports_set_report_new ("extcallstatistics", &period);
  report->values[YEASTAR_PARAM_EXT_ID_LIST] = g_strdup ("Alice Martin, 1003 - Chloé Schmidt,34");
  reports_set_add_report (set, report);
  report = reports_set_report_new ("queueagentlogintime", &period);
  report->values[YEASTAR_PARAM_QUEUE_ID] = g_strdup ("Billing");
  report->values[YEASTAR_PARAM_AGENT_ID_LIST] = g_strdup ("ines kowalski");
  reports_set_add_report (set, report);

  data = reports_set_to_data (set, NULL);
  read = reports_set_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  data2 = reports_set_to_data (read, NULL);
  g_assert_cmpstr (data, ==, data2);
  g_assert_cmpstr (reports_set_get_report (read, 0)->values[YEASTAR_PARAM_EXT_ID_LIST], ==,
                   "Alice Martin, 1003 - Chloé Schmidt,34");
  g_assert_cmpstr (reports_set_get_report (read, 1)->values[YEASTAR_PARAM_QUEUE_ID], ==, "Billing");
  g_assert_cmpstr (reports_set_get_report (read, 1)->values[YEASTAR_PARAM_AGENT_ID_LIST], ==, "ines kowalski");

  old_set = reports_set_new_from_data (old, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reports_set_get_report (old_set, 0)->values[YEASTAR_PARAM_EXT_ID_LIST], ==, "34,35");
}

static void
test_set_file_errors (void)
{
  const struct {
    const char *json;
    const char *needle;
  } cases[] = {
    { "[]", "version" },
    { "{\"version\": 2, \"name\": \"x\", \"pbxs\": [], \"reports\": []}", "version 2" },
    { "{\"version\": 1, \"name\": \"../x\", \"pbxs\": [], \"reports\": []}", "set name" },
    { "{\"version\": 1, \"name\": \"x\", \"reports\": []}", "pbxs" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [{\"server\": \"ftp://x\", \"client_id\": \"a\"}], \"reports\": []}", "ftp" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [{\"server\": \"https://x\"}], \"reports\": []}", "client_id" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"name_template\": \"/etc/{type}\", \"reports\": []}", "relative" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"output\": \"relative/dir\", \"reports\": []}", "output" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [{\"type\": \"nope\", \"period\": \"today\"}]}", "nope" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [{\"type\": \"trunkactivity\", \"period\": \"last-week\"}]}", "last-week" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [{\"type\": \"extcallstatistics\", \"period\": \"today\", \"params\": {\"queue_id\": \"1\"}}]}", "queue_id" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [{\"type\": \"extcallstatistics\", \"period\": \"today\", \"params\": {\"start_time\": \"1\"}}]}", "start_time" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [], \"schedule\": {\"every\": \"monthly\", \"day\": 31, \"time\": \"07:00\"}}", "day" },
    { "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [], \"schedule\": {\"every\": \"daily\", \"time\": \"24:00\"}}", "time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReportsSet) set = NULL;

      g_test_message ("set file %s", cases[i].json);
      set = reports_set_new_from_data (cases[i].json, -1, &error);
      g_assert_null (set);
      g_assert_nonnull (error);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

static void
test_set_names (void)
{
  const char *bad[] = { "", ".hidden", "-rf", "a/b", "a\\b", "tab\there", "bidi\u202e", NULL };
  g_autofree char *longest = g_strnfill (REPORTS_SET_NAME_MAX, 'x');
  g_autofree char *too_long = g_strnfill (REPORTS_SET_NAME_MAX + 1, 'x');

  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (reports_set_check_name (bad[i], NULL));
  g_assert_false (reports_set_check_name (too_long, NULL));
  g_assert_true (reports_set_check_name (longest, NULL));
  g_assert_true (reports_set_check_name ("Monthly pack (Büro 2)", NULL));
}

static void
assert_next (const ReportsSchedule *schedule,
             GDateTime             *after,
             const char            *expected)
{
  g_autoptr(GDateTime) next = reports_schedule_next (schedule, after);
  g_autofree char *text = g_date_time_format (next, "%F %T %a");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_schedule (void)
{
  ReportsSchedule daily = { REPORTS_SCHEDULE_DAILY, 0, 0, 7, 0 };
  ReportsSchedule weekly = { REPORTS_SCHEDULE_WEEKLY, G_DATE_MONDAY, 0, 7, 30 };
  ReportsSchedule monthly = { REPORTS_SCHEDULE_MONTHLY, 0, 1, 6, 5 };
  g_autoptr(GDateTime) wednesday = pbx_clock ("Europe/Berlin", 2026, 12, 2, 7, 0);
  g_autoptr(GDateTime) new_year_eve = pbx_clock ("Europe/Berlin", 2026, 12, 31, 23, 0);
  g_autofree char *calendar_daily = reports_schedule_to_calendar (&daily);
  g_autofree char *calendar_weekly = reports_schedule_to_calendar (&weekly);
  g_autofree char *calendar_monthly = reports_schedule_to_calendar (&monthly);
  guint hour, minute, day;
  GDateWeekday weekday;

  g_assert_cmpstr (calendar_daily, ==, "*-*-* 07:00:00");
  g_assert_cmpstr (calendar_weekly, ==, "Mon *-*-* 07:30:00");
  g_assert_cmpstr (calendar_monthly, ==, "*-*-01 06:05:00");

  /* Strictly after: 07:00 on the dot is the next day's. */
  assert_next (&daily, wednesday, "2026-12-03 07:00:00 Thu");
  assert_next (&weekly, wednesday, "2026-12-07 07:30:00 Mon");
  assert_next (&monthly, wednesday, "2027-01-01 06:05:00 Fri");
  assert_next (&monthly, new_year_eve, "2027-01-01 06:05:00 Fri");

  g_assert_true (reports_schedule_parse_time ("7:05", &hour, &minute, NULL));
  g_assert_cmpuint (hour, ==, 7);
  g_assert_cmpuint (minute, ==, 5);
  g_assert_false (reports_schedule_parse_time ("24:00", &hour, &minute, NULL));
  g_assert_false (reports_schedule_parse_time ("07:5", &hour, &minute, NULL));
  g_assert_false (reports_schedule_parse_time ("0700", &hour, &minute, NULL));
  g_assert_true (reports_schedule_parse_weekday ("Sunday", &weekday, NULL));
  g_assert_cmpint (weekday, ==, G_DATE_SUNDAY);
  g_assert_false (reports_schedule_parse_weekday ("mo", &weekday, NULL));
  g_assert_true (reports_schedule_parse_day ("28", &day, NULL));
  g_assert_false (reports_schedule_parse_day ("29", &day, NULL));
  g_assert_false (reports_schedule_parse_day ("0", &day, NULL));
}

static void
test_units_text (void)
{
  g_autoptr(ReportsSet) set = make_set ();
  g_autofree char *unit_name = reports_set_units_dup_name ("Monthly “pack” 50%");
  g_autofree char *timer = NULL;
  g_autofree char *service = NULL;

  g_assert_cmpstr (unit_name, ==,
                   "call-reports-set-Monthly\\x20\\xe2\\x80\\x9cpack\\xe2\\x80\\x9d\\x2050\\x25");

  reports_set_set_name (set, "50% \"off\" $HOME\\x");
  timer = reports_set_units_dup_timer (set);
  service = reports_set_units_dup_service (set, "/usr/bin/call-reports");

  g_assert_nonnull (strstr (timer, "\nOnCalendar=Mon *-*-* 07:05:00\n"));
  g_assert_nonnull (strstr (timer, "\nPersistent=true\n"));
  g_assert_nonnull (strstr (timer, "\nWantedBy=timers.target\n"));
  g_assert_nonnull (strstr (timer, "Description=Call Reports: schedule of the report set 50%% \"off\" $HOME\\x\n"));
  g_assert_nonnull (strstr (service, "\nType=oneshot\n"));
  g_assert_nonnull (strstr (service,
                            "\nExecStart=\"/usr/bin/call-reports\" run --quiet --notify \"50%% \\\"off\\\" $$HOME\\\\x\"\n"));
}

/* Retention removes only the files the set saved, and only old ones. */
static void
test_state_prune (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-sets-XXXXXX", NULL);
  g_autoptr(ReportsSetState) state = reports_set_state_new ();
  g_autoptr(ReportsSetState) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  const struct {
    const char *name;
    int         months_ago;
    gboolean    tracked;
    gboolean    kept;
  } files[] = {
    { "old-tracked.csv", 25, TRUE, FALSE },
    { "recent-tracked.csv", 23, TRUE, TRUE },
    { "old-untracked.csv", 30, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GDateTime) saved = g_date_time_add_months (now, -files[i].months_ago);

      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
      if (files[i].tracked)
        {
          ReportsSetStateFile *file = g_new0 (ReportsSetStateFile, 1);

          file->path = g_strdup (path);
          file->saved = g_date_time_to_unix (saved);
          g_ptr_array_add (state->files, file);
        }
    }

  /* A tracked file that is gone is forgotten, not an error. */
  {
    ReportsSetStateFile *file = g_new0 (ReportsSetStateFile, 1);

    file->path = g_build_filename (dir, "gone.csv", NULL);
    file->saved = 0;
    g_ptr_array_add (state->files, file);
  }

  g_assert_cmpuint (reports_set_state_prune (state, 0, now), ==, 0);
  g_assert_cmpuint (reports_set_state_prune (state, 24, now), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, files[i].kept);
    }
  g_assert_cmpuint (state->files->len, ==, 1);

  state->last_run = g_date_time_to_unix (now);
  state->n_saved = 3;
  g_assert_true (reports_set_state_save (state, "Monthly", &error));
  g_assert_no_error (error);
  loaded = reports_set_state_load ("Monthly");
  g_assert_cmpint (loaded->last_run, ==, state->last_run);
  g_assert_cmpuint (loaded->n_saved, ==, 3);
  g_assert_cmpuint (loaded->files->len, ==, 1);

  remove_tree (dir);
}

/* Deleting a set takes its file, its state and its timer at once; Undo
 * gives back the same bytes and the timer; a set made meanwhile under the
 * name is not replaced; forgetting the copy keeps the deletion. */
static void
test_deletion (void)
{
  g_autoptr(ReportsSet) set = reports_set_new ("Deleted Pack");
  g_autoptr(ReportsSet) other = reports_set_new ("Deleted Pack");
  g_autoptr(ReportsSetState) state = reports_set_state_new ();
  g_autoptr(ReportsSetDeletion) deletion = NULL;
  g_autoptr(GFile) set_file = reports_set_store_dup_file ("Deleted Pack");
  g_autoptr(GFile) state_file = reports_set_state_dup_file ("Deleted Pack");
  g_autoptr(GError) error = NULL;
  g_autofree char *set_before = NULL;
  g_autofree char *state_before = NULL;
  g_autofree char *set_after = NULL;
  g_autofree char *state_after = NULL;
  ReportsSchedule daily = { REPORTS_SCHEDULE_DAILY, 0, 0, 7, 0 };
  ReportsPeriod period;

  g_setenv ("CALL_REPORTS_SCHEDULER", "systemd", TRUE);
  g_setenv ("CALL_REPORTS_SYSTEMCTL", "/bin/true", TRUE);

  g_assert_true (reports_period_parse ("last-month", &period, NULL));
  reports_set_add_report (set, reports_set_report_new ("ivr", &period));
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new ("https://192.0.2.1:8088", "client")));
  reports_set_set_schedule (set, &daily);
  g_assert_true (reports_set_store_save (set, FALSE, &error));
  g_assert_no_error (error);
  state->last_run = 1764572400;
  state->scheduled = 1764486000;
  state->n_saved = 1;
  g_assert_true (reports_set_state_save (state, "Deleted Pack", &error));
  g_assert_no_error (error);
  g_assert_true (reports_set_units_install (set, &error));
  g_assert_no_error (error);
  g_assert_true (reports_set_units_are_installed ("Deleted Pack"));
  set_before = read_file (set_file);
  state_before = read_file (state_file);
  g_assert_nonnull (set_before);
  g_assert_nonnull (state_before);

  deletion = reports_set_deletion_new ("Deleted Pack", &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpstr (reports_set_deletion_get_name (deletion), ==, "Deleted Pack");
  g_assert_false (g_file_query_exists (set_file, NULL));
  g_assert_false (g_file_query_exists (state_file, NULL));
  g_assert_false (reports_set_units_are_installed ("Deleted Pack"));

  g_assert_true (reports_set_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  set_after = read_file (set_file);
  state_after = read_file (state_file);
  g_assert_cmpstr (set_after, ==, set_before);
  g_assert_cmpstr (state_after, ==, state_before);
  g_assert_true (reports_set_units_are_installed ("Deleted Pack"));
  g_clear_pointer (&deletion, reports_set_deletion_free);

  /* A set of that name made meanwhile stays as it is. */
  deletion = reports_set_deletion_new ("Deleted Pack", &error);
  g_assert_no_error (error);
  g_assert_true (reports_set_store_save (other, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&set_after, g_free);
  set_after = read_file (set_file);
  g_assert_false (reports_set_deletion_undo (deletion, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&state_after, g_free);
  state_after = read_file (set_file);
  g_assert_cmpstr (state_after, ==, set_after);
  g_clear_pointer (&deletion, reports_set_deletion_free);

  /* Committed: forgetting the copy leaves the set deleted. */
  deletion = reports_set_deletion_new ("Deleted Pack", &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, reports_set_deletion_free);
  g_assert_false (g_file_query_exists (set_file, NULL));

  /* A set that is not there is an error, and nothing else goes. */
  deletion = reports_set_deletion_new ("Deleted Pack", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (deletion);

  g_unsetenv ("CALL_REPORTS_SYSTEMCTL");
  g_unsetenv ("CALL_REPORTS_SCHEDULER");
}

/* What the window and the in-app scheduler say of a PBX without a
 * secret, and the host a report's row shows until the PBX answers. */
static void
test_pbx_texts (void)
{
  ReportsSetPbx pbx = { (char *) "https://pbx.example.com:8088", (char *) "Client 7", NULL };
  g_autoptr(GError) lookup = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "the keyring is locked");
  g_autoptr(GError) missing = reports_set_pbx_new_missing_secret_error (&pbx, NULL);
  g_autoptr(GError) unread = reports_set_pbx_new_missing_secret_error (&pbx, lookup);
  g_autofree char *host = reports_set_server_dup_host (pbx.server);
  g_autofree char *not_uri = reports_set_server_dup_host ("not an address");

  g_assert_error (missing, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (missing->message, ==, "No Client Secret for https://pbx.example.com:8088 and Client ID "
                   "Client 7 in the keyring: connect to it once with Remember This PBX");
  g_assert_error (unread, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (unread->message, ==, "No Client Secret for https://pbx.example.com:8088: the keyring "
                   "could not be read (the keyring is locked)");
  g_assert_cmpstr (host, ==, "pbx.example.com");
  g_assert_cmpstr (not_uri, ==, "not an address");
}

/* Paths in the home folder are shown from "~", the GNOME way; others,
 * and a folder whose name only starts like the home folder's, whole. */
static void
test_display_path (void)
{
  const char *home = g_get_home_dir ();
  g_autofree char *reports = g_build_filename (home, "Reports", "Main Office", "x.csv", NULL);
  g_autofree char *sibling = g_strconcat (home, "2", G_DIR_SEPARATOR_S, "Reports", NULL);
  g_autofree char *shown = NULL;
  g_autoptr(GFile) folder = g_file_new_build_filename (home, "Reports", NULL);

  g_assert_true (g_path_is_absolute (home) && strcmp (home, "/") != 0);

  shown = reports_display_path (reports);
  g_assert_cmpstr (shown, ==, "~/Reports/Main Office/x.csv");
  g_clear_pointer (&shown, g_free);

  shown = reports_display_path (home);
  g_assert_cmpstr (shown, ==, "~");
  g_clear_pointer (&shown, g_free);

  shown = reports_display_path (sibling);
  g_assert_cmpstr (shown, ==, sibling);
  g_clear_pointer (&shown, g_free);

  shown = reports_display_path ("/srv/reports/x.csv");
  g_assert_cmpstr (shown, ==, "/srv/reports/x.csv");
  g_clear_pointer (&shown, g_free);

  shown = reports_display_path_file (folder);
  g_assert_cmpstr (shown, ==, "~/Reports");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib caches the user directories. */
  tmp_home = g_dir_make_tmp ("test-sets-home-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/sets/period/boundaries", test_period_boundaries);
  g_test_add_func ("/common/sets/period/pbx-zone", test_period_pbx_zone);
  g_test_add_func ("/common/sets/period/parse-errors", test_period_parse_errors);
  g_test_add_func ("/common/sets/template/expand", test_template_expand);
  g_test_add_func ("/common/sets/template/check", test_template_check);
  g_test_add_func ("/common/sets/template/collision", test_template_collision);
  g_test_add_func ("/common/sets/file/round-trip", test_set_round_trip);
  g_test_add_func ("/common/sets/file/names", test_set_file_names);
  g_test_add_func ("/common/sets/file/errors", test_set_file_errors);
  g_test_add_func ("/common/sets/names", test_set_names);
  g_test_add_func ("/common/sets/schedule", test_schedule);
  g_test_add_func ("/common/sets/units/text", test_units_text);
  g_test_add_func ("/common/sets/state/prune", test_state_prune);
  g_test_add_func ("/common/sets/deletion", test_deletion);
  g_test_add_func ("/common/sets/pbx-texts", test_pbx_texts);
  g_test_add_func ("/common/display-path", test_display_path);

  status = g_test_run ();

  remove_tree (tmp_home);
  g_free (tmp_home);

  return status;
}
