/* test-date-range.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-date-range.h"

static char *
format (GDateTime *dt)
{
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
  return g_date_time_format (dt, "%F %T");
}

static void
assert_bounds (YeastarDateRange  range,
               GDateTime        *now,
               const char       *start,
               const char       *end)
{
  g_autoptr(GDateTime) start_dt = NULL;
  g_autoptr(GDateTime) end_dt = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  yeastar_date_range_get_bounds (range, now, &start_dt, &end_dt);
  start_text = format (start_dt);
  end_text = format (end_dt);
  g_assert_cmpstr (start_text, ==, start);
  g_assert_cmpstr (end_text, ==, end);
}

static void
assert_period (YeastarDateRange   range,
               GDateTime         *now,
               YeastarPeriodKind  kind,
               const char        *period)
{
  g_autoptr(GDateTime) period_dt = NULL;
  g_autofree char *period_text = NULL;
  /* Anything but the expected kind, to see it set. */
  YeastarPeriodKind found = kind == YEASTAR_PERIOD_DAY ? YEASTAR_PERIOD_YEAR : YEASTAR_PERIOD_DAY;

  g_assert_true (yeastar_date_range_get_period (range, now, &found, &period_dt));
  g_assert_cmpint (found, ==, kind);
  period_text = format (period_dt);
  g_assert_cmpstr (period_text, ==, period);
}

static void
test_names (void)
{
  const char * const *names = yeastar_date_range_get_names ();
  static const char * const expected[] = {
    "today", "yesterday", "this-week", "last-week",
    "this-month", "last-month", "this-year", "last-year",
  };
  YeastarDateRange range;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (names[i], ==, expected[i]);
      g_assert_true (yeastar_date_range_from_name (names[i], &range));
      g_assert_cmpint (range, ==, i);
    }

  /* Unknown names leave @range alone. */
  range = YEASTAR_DATE_RANGE_LAST_WEEK;
  g_assert_false (yeastar_date_range_from_name (NULL, &range));
  g_assert_false (yeastar_date_range_from_name ("", &range));
  g_assert_false (yeastar_date_range_from_name ("Today", &range));
  g_assert_false (yeastar_date_range_from_name ("this_week", &range));
  g_assert_false (yeastar_date_range_from_name ("today ", &range));
  g_assert_cmpint (range, ==, YEASTAR_DATE_RANGE_LAST_WEEK);
}

static void
test_every_preset (void)
{
  /* A Wednesday in a leap year. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 3, 13, 15, 42, 10);
  g_autoptr(GDateTime) period = NULL;
  YeastarPeriodKind kind = YEASTAR_PERIOD_YEAR;

  assert_bounds (YEASTAR_DATE_RANGE_TODAY, now, "2024-03-13 00:00:00", "2024-03-13 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_YESTERDAY, now, "2024-03-12 00:00:00", "2024-03-12 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_THIS_WEEK, now, "2024-03-11 00:00:00", "2024-03-17 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_WEEK, now, "2024-03-04 00:00:00", "2024-03-10 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_THIS_MONTH, now, "2024-03-01 00:00:00", "2024-03-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_MONTH, now, "2024-02-01 00:00:00", "2024-02-29 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_THIS_YEAR, now, "2024-01-01 00:00:00", "2024-12-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_YEAR, now, "2023-01-01 00:00:00", "2023-12-31 23:59:59");

  assert_period (YEASTAR_DATE_RANGE_TODAY, now, YEASTAR_PERIOD_DAY, "2024-03-13 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_YESTERDAY, now, YEASTAR_PERIOD_DAY, "2024-03-12 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_THIS_MONTH, now, YEASTAR_PERIOD_MONTH, "2024-03-01 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_LAST_MONTH, now, YEASTAR_PERIOD_MONTH, "2024-02-01 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_THIS_YEAR, now, YEASTAR_PERIOD_YEAR, "2024-01-01 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_LAST_YEAR, now, YEASTAR_PERIOD_YEAR, "2023-01-01 00:00:00");

  /* No period is a week: nothing is set. */
  g_assert_false (yeastar_date_range_get_period (YEASTAR_DATE_RANGE_THIS_WEEK, now, &kind, &period));
  g_assert_false (yeastar_date_range_get_period (YEASTAR_DATE_RANGE_LAST_WEEK, now, &kind, &period));
  g_assert_null (period);
  g_assert_cmpint (kind, ==, YEASTAR_PERIOD_YEAR);
}

static void
test_week_edges (void)
{
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 3, 11, 0, 0, 0);
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2024, 3, 17, 23, 0, 0);

  /* Weeks start on Monday (ISO 8601), also on the Monday itself … */
  assert_bounds (YEASTAR_DATE_RANGE_THIS_WEEK, monday, "2024-03-11 00:00:00", "2024-03-17 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_WEEK, monday, "2024-03-04 00:00:00", "2024-03-10 23:59:59");
  /* … and on a Sunday, this week began six days ago. */
  assert_bounds (YEASTAR_DATE_RANGE_THIS_WEEK, sunday, "2024-03-11 00:00:00", "2024-03-17 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_WEEK, sunday, "2024-03-04 00:00:00", "2024-03-10 23:59:59");
}

static void
test_year_edges (void)
{
  /* 2024-01-01 is a Monday. */
  g_autoptr(GDateTime) new_year = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) new_year_eve = g_date_time_new_utc (2023, 12, 31, 23, 59, 59);
  g_autoptr(GDateTime) march_first = g_date_time_new_utc (2023, 3, 1, 12, 0, 0);

  assert_bounds (YEASTAR_DATE_RANGE_YESTERDAY, new_year, "2023-12-31 00:00:00", "2023-12-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_WEEK, new_year, "2023-12-25 00:00:00", "2023-12-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_MONTH, new_year, "2023-12-01 00:00:00", "2023-12-31 23:59:59");
  assert_period (YEASTAR_DATE_RANGE_LAST_MONTH, new_year, YEASTAR_PERIOD_MONTH, "2023-12-01 00:00:00");
  assert_period (YEASTAR_DATE_RANGE_YESTERDAY, new_year, YEASTAR_PERIOD_DAY, "2023-12-31 00:00:00");

  /* The week of New Year's Eve reaches into the next year. */
  assert_bounds (YEASTAR_DATE_RANGE_THIS_WEEK, new_year_eve, "2023-12-25 00:00:00", "2023-12-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_THIS_YEAR, new_year_eve, "2023-01-01 00:00:00", "2023-12-31 23:59:59");

  /* February of a common year. */
  assert_bounds (YEASTAR_DATE_RANGE_LAST_MONTH, march_first, "2023-02-01 00:00:00", "2023-02-28 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_YESTERDAY, march_first, "2023-02-28 00:00:00", "2023-02-28 23:59:59");
}

static void
test_wall_clock (void)
{
  g_autoptr(GTimeZone) ahead = g_time_zone_new_offset (14 * 3600);
  g_autoptr(GTimeZone) behind = g_time_zone_new_offset (-11 * 3600);
  g_autoptr(GDateTime) early = g_date_time_new (ahead, 2024, 3, 13, 0, 30, 0);
  g_autoptr(GDateTime) late = g_date_time_new (behind, 2024, 3, 13, 23, 30, 0);

  /* Only the PBX clock's own calendar date counts, never its UTC date. */
  assert_bounds (YEASTAR_DATE_RANGE_TODAY, early, "2024-03-13 00:00:00", "2024-03-13 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_TODAY, late, "2024-03-13 00:00:00", "2024-03-13 23:59:59");
  assert_period (YEASTAR_DATE_RANGE_THIS_MONTH, late, YEASTAR_PERIOD_MONTH, "2024-03-01 00:00:00");
}

static void
test_start_of_calendar (void)
{
  g_autoptr(GDateTime) first_day = g_date_time_new_utc (1, 1, 1, 8, 0, 0);

  /* Nothing before 0001-01-01: the range is clamped to it. */
  assert_bounds (YEASTAR_DATE_RANGE_YESTERDAY, first_day, "1-01-01 00:00:00", "1-01-01 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_MONTH, first_day, "1-01-01 00:00:00", "1-01-31 23:59:59");
  assert_bounds (YEASTAR_DATE_RANGE_LAST_YEAR, first_day, "1-01-01 00:00:00", "1-12-31 23:59:59");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/date-range/names", test_names);
  g_test_add_func ("/yeastar/date-range/every-preset", test_every_preset);
  g_test_add_func ("/yeastar/date-range/week-edges", test_week_edges);
  g_test_add_func ("/yeastar/date-range/year-edges", test_year_edges);
  g_test_add_func ("/yeastar/date-range/wall-clock", test_wall_clock);
  g_test_add_func ("/yeastar/date-range/start-of-calendar", test_start_of_calendar);

  return g_test_run ();
}
