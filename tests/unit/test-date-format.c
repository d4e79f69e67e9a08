/* test-date-format.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "yeastar-date-format.h"
#include "yeastar-enums.h"
#include "yeastar-error.h"

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static YeastarDateFormat *
format_new (const char *date,
            const char *time,
            const char *clock)
{
  g_autoptr(GError) error = NULL;
  YeastarDateFormat *format = yeastar_date_format_new (date, time, clock, &error);

  g_assert_no_error (error);
  g_assert_nonnull (format);

  return format;
}

/* All six date formats × 12/24 hours, for date-time and the three periods. */
static void
test_format_all (void)
{
  static const struct {
    const char *date_format;
    const char *time_format;
    const char *date_time;   /* 2026-07-31 23:59:59 */
    const char *morning;     /* 2026-01-02 03:04:05 */
    const char *day;
    const char *month;
    const char *described;
  } cases[] = {
    { "YYYY/MM/DD", "HH:mm:ss", "2026/07/31 23:59:59", "2026/01/02 03:04:05", "2026/07/31", "2026/07", "YYYY/MM/DD HH:mm:ss" },
    { "YYYY/MM/DD", "hh:mm:ss PM", "2026/07/31 11:59:59 PM", "2026/01/02 03:04:05 AM", "2026/07/31", "2026/07", "YYYY/MM/DD hh:mm:ss AM/PM" },
    { "MM/DD/YYYY", "HH:mm:ss", "07/31/2026 23:59:59", "01/02/2026 03:04:05", "07/31/2026", "07/2026", "MM/DD/YYYY HH:mm:ss" },
    { "MM/DD/YYYY", "hh:mm:ss AM", "07/31/2026 11:59:59 PM", "01/02/2026 03:04:05 AM", "07/31/2026", "07/2026", "MM/DD/YYYY hh:mm:ss AM/PM" },
    { "DD/MM/YYYY", "HH:mm:ss", "31/07/2026 23:59:59", "02/01/2026 03:04:05", "31/07/2026", "07/2026", "DD/MM/YYYY HH:mm:ss" },
    { "DD/MM/YYYY", "hh:mm:ss PM", "31/07/2026 11:59:59 PM", "02/01/2026 03:04:05 AM", "31/07/2026", "07/2026", "DD/MM/YYYY hh:mm:ss AM/PM" },
    { "YYYY-MM-DD", "HH:mm:ss", "2026-07-31 23:59:59", "2026-01-02 03:04:05", "2026-07-31", "2026-07", "YYYY-MM-DD HH:mm:ss" },
    { "YYYY-MM-DD", "hh:mm:ss AM/PM", "2026-07-31 11:59:59 PM", "2026-01-02 03:04:05 AM", "2026-07-31", "2026-07", "YYYY-MM-DD hh:mm:ss AM/PM" },
    { "MM-DD-YYYY", "HH:mm:ss", "07-31-2026 23:59:59", "01-02-2026 03:04:05", "07-31-2026", "07-2026", "MM-DD-YYYY HH:mm:ss" },
    { "MM-DD-YYYY", "hh:mm:ss PM", "07-31-2026 11:59:59 PM", "01-02-2026 03:04:05 AM", "07-31-2026", "07-2026", "MM-DD-YYYY hh:mm:ss AM/PM" },
    { "DD-MM-YYYY", "HH:mm:ss", "31-07-2026 23:59:59", "02-01-2026 03:04:05", "31-07-2026", "07-2026", "DD-MM-YYYY HH:mm:ss" },
    { "DD-MM-YYYY", "hh:mm:ss PM", "31-07-2026 11:59:59 PM", "02-01-2026 03:04:05 AM", "31-07-2026", "07-2026", "DD-MM-YYYY hh:mm:ss AM/PM" },
  };
  g_autoptr(GDateTime) late = utc (2026, 7, 31, 23, 59, 59);
  g_autoptr(GDateTime) early = utc (2026, 1, 2, 3, 4, 5);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(YeastarDateFormat) format = format_new (cases[i].date_format, cases[i].time_format, NULL);
      g_autofree char *date_time = yeastar_date_format_format_date_time (format, late);
      g_autofree char *morning = yeastar_date_format_format_date_time (format, early);
      g_autofree char *day = yeastar_date_format_format_period (format, YEASTAR_PERIOD_DAY, late);
      g_autofree char *month = yeastar_date_format_format_period (format, YEASTAR_PERIOD_MONTH, late);
      g_autofree char *year = yeastar_date_format_format_period (format, YEASTAR_PERIOD_YEAR, late);
      g_autofree char *described = yeastar_date_format_to_string (format);

      g_test_message ("%s %s", cases[i].date_format, cases[i].time_format);
      g_assert_cmpstr (date_time, ==, cases[i].date_time);
      g_assert_cmpstr (morning, ==, cases[i].morning);
      g_assert_cmpstr (day, ==, cases[i].day);
      g_assert_cmpstr (month, ==, cases[i].month);
      g_assert_cmpstr (year, ==, "2026");
      g_assert_cmpstr (described, ==, cases[i].described);
      g_assert_cmpstr (yeastar_date_format_get_system_date_format (format), ==, cases[i].date_format);
      g_assert_cmpint (yeastar_date_format_is_12_hour (format), ==, strstr (cases[i].time_format, "hh") != NULL);
      g_assert_true (yeastar_date_format_has_time (format));
    }
}

static void
test_midnight_noon (void)
{
  static const struct {
    int         hour;
    int         minute;
    const char *twelve;
    const char *twenty_four;
  } cases[] = {
    { 0, 0, "2026/07/31 12:00:00 AM", "2026/07/31 00:00:00" },
    { 0, 30, "2026/07/31 12:30:00 AM", "2026/07/31 00:30:00" },
    { 1, 0, "2026/07/31 01:00:00 AM", "2026/07/31 01:00:00" },
    { 11, 59, "2026/07/31 11:59:00 AM", "2026/07/31 11:59:00" },
    { 12, 0, "2026/07/31 12:00:00 PM", "2026/07/31 12:00:00" },
    { 12, 30, "2026/07/31 12:30:00 PM", "2026/07/31 12:30:00" },
    { 13, 0, "2026/07/31 01:00:00 PM", "2026/07/31 13:00:00" },
    { 23, 0, "2026/07/31 11:00:00 PM", "2026/07/31 23:00:00" },
  };
  g_autoptr(YeastarDateFormat) twelve = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '/', TRUE);
  g_autoptr(YeastarDateFormat) twenty_four = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '/', FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = utc (2026, 7, 31, cases[i].hour, cases[i].minute, 0);
      g_autofree char *a = yeastar_date_format_format_date_time (twelve, dt);
      g_autofree char *b = yeastar_date_format_format_date_time (twenty_four, dt);
      g_autoptr(GDateTime) back_a = NULL;
      g_autoptr(GDateTime) back_b = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (a, ==, cases[i].twelve);
      g_assert_cmpstr (b, ==, cases[i].twenty_four);

      back_a = yeastar_date_format_parse_date_time (twelve, a, NULL, &error);
      g_assert_no_error (error);
      back_b = yeastar_date_format_parse_date_time (twenty_four, b, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_date_time_equal (back_a, dt));
      g_assert_true (g_date_time_equal (back_b, dt));
    }
}

/* "hh" alone is not 12-hour (docs/pbx-api.md, Dates). */
static void
test_hh_gotcha (void)
{
  g_autoptr(YeastarDateFormat) documented = format_new ("YYYY/MM/DD", "hh:mm:ss", "2025/08/22 16:44:40");
  g_autoptr(YeastarDateFormat) no_clock = format_new ("YYYY/MM/DD", "hh:mm:ss", NULL);
  g_autoptr(YeastarDateFormat) live = format_new ("DD/MM/YYYY", "hh:mm:ss PM", "30/07/2026 09:31:37 PM");
  g_autoptr(YeastarDateFormat) clock_says = format_new ("DD/MM/YYYY", "hh:mm:ss", "30/07/2026 09:31:37 PM");
  g_autoptr(YeastarDateFormat) clock_lower = format_new ("DD/MM/YYYY", "hh:mm:ss", " 30/07/2026 09:31:37 am ");
  g_autoptr(YeastarDateFormat) reference = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_DMY, '/', TRUE);
  g_autoptr(GDateTime) dt = utc (2025, 8, 22, 16, 44, 40);
  g_autofree char *text = NULL;

  g_assert_false (yeastar_date_format_is_12_hour (documented));
  g_assert_false (yeastar_date_format_is_12_hour (no_clock));
  g_assert_true (yeastar_date_format_is_12_hour (live));
  g_assert_true (yeastar_date_format_is_12_hour (clock_says));
  g_assert_true (yeastar_date_format_is_12_hour (clock_lower));
  g_assert_true (yeastar_date_format_equal (live, reference));
  g_assert_true (yeastar_date_format_equal (clock_says, reference));
  g_assert_false (yeastar_date_format_equal (documented, reference));

  text = yeastar_date_format_format_date_time (documented, dt);
  g_assert_cmpstr (text, ==, "2025/08/22 16:44:40");
}

static void
test_unknown_formats (void)
{
  static const struct {
    const char *date;
    const char *time;
  } cases[] = {
    { "YYYY.MM.DD", "HH:mm:ss" },
    { "DD/MM/YY", "HH:mm:ss" },
    { "YYYY/DD/MM", "HH:mm:ss" },
    { "YYYY/MM-DD", "HH:mm:ss" },
    { "", "HH:mm:ss" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YeastarDateFormat) format = yeastar_date_format_new (cases[i].date, cases[i].time, NULL, &error);

      g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
      g_assert_null (format);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YeastarDateFormat) format = yeastar_date_format_new ("YYYY.MM.DD", "HH:mm:ss", NULL, &error);

    g_assert_null (format);
    g_assert_nonnull (strstr (error->message, "YYYY.MM.DD"));
  }

  /* Surrounding blanks and case are tolerated. */
  {
    g_autoptr(YeastarDateFormat) format = format_new (" yyyy-mm-dd ", " HH:mm:ss ", NULL);

    g_assert_cmpint (yeastar_date_format_get_order (format), ==, YEASTAR_DATE_ORDER_YMD);
    g_assert_cmpint (yeastar_date_format_get_separator (format), ==, '-');
  }
}

/* A time format of another spelling never fails: 12 or 24 hours comes from
 * the clock's shape, else from an AM/PM marker in the format, else 24. */
static void
test_unknown_time_formats (void)
{
  static const struct {
    const char        *time_format;
    const char        *clock;
    gboolean           twelve_hour;
    YeastarHourSource  source;
  } cases[] = {
    { "hh:mm:ss a", "14/03/2024 10:20:30 AM", TRUE, YEASTAR_HOUR_SOURCE_CLOCK },
    { "hh:mm:ss a", "14/03/2024 10:20:30 pm", TRUE, YEASTAR_HOUR_SOURCE_CLOCK },
    { "hh:mm:ss a", NULL, TRUE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "hh:mm:ss a", "", TRUE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "h:mm:ss A", NULL, TRUE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "hh:mm:ss tt", NULL, TRUE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "hh:mm:ss XM", NULL, FALSE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "HH:mm", "14/03/2024 16:20", FALSE, YEASTAR_HOUR_SOURCE_CLOCK },
    { "HH:mm", NULL, FALSE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "mm:hh:ss", NULL, FALSE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "", NULL, FALSE, YEASTAR_HOUR_SOURCE_ASSUMED },
    { "", "14/03/2024 04:20:30 PM", TRUE, YEASTAR_HOUR_SOURCE_CLOCK },
    /* A clock without AM/PM wins over a marker in an unknown format. */
    { "hh:mm:ss a", "14/03/2024 16:20:30", FALSE, YEASTAR_HOUR_SOURCE_CLOCK },
    { "\x1b[31m\n", NULL, FALSE, YEASTAR_HOUR_SOURCE_ASSUMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(YeastarDateFormat) format = format_new ("DD/MM/YYYY", cases[i].time_format, cases[i].clock);
      g_autofree char *described = yeastar_date_format_describe_hours (format);
      g_autofree char *text = NULL;
      g_autoptr(GDateTime) dt = utc (2024, 3, 14, 16, 20, 30);

      g_test_message ("time format “%s”, clock “%s”", cases[i].time_format, cases[i].clock);
      g_assert_cmpint (yeastar_date_format_is_12_hour (format), ==, cases[i].twelve_hour);
      g_assert_cmpint (yeastar_date_format_get_hour_source (format), ==, cases[i].source);
      g_assert_false (yeastar_date_format_get_time_format_known (format));
      g_assert_true (yeastar_date_format_has_time (format));
      g_assert_cmpint (yeastar_date_format_get_order (format), ==, YEASTAR_DATE_ORDER_DMY);
      g_assert_nonnull (strstr (described, cases[i].twelve_hour ? "12-hour" : "24-hour"));
      g_assert_nonnull (strstr (described, "not one this program knows"));

      text = yeastar_date_format_format_date_time (format, dt);
      g_assert_cmpstr (text, ==, cases[i].twelve_hour ? "14/03/2024 04:20:30 PM" : "14/03/2024 16:20:30");
    }

  /* The known spellings say where the hours came from. */
  {
    g_autoptr(YeastarDateFormat) pm = format_new ("DD/MM/YYYY", "hh:mm:ss PM", NULL);
    g_autoptr(YeastarDateFormat) h24 = format_new ("DD/MM/YYYY", "HH:mm:ss", "14/03/2024 16:20:30");
    g_autoptr(YeastarDateFormat) hh_clock = format_new ("DD/MM/YYYY", "hh:mm:ss", "14/03/2024 04:20:30 PM");
    g_autoptr(YeastarDateFormat) chosen = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_DMY, '/', TRUE);
    g_autoptr(YeastarDateFormat) hint = yeastar_date_format_new_from_go_layout ("valid format: 2006-01-02 15:04:05", NULL);
    g_autoptr(YeastarDateFormat) date_hint = yeastar_date_format_new_from_go_layout ("valid format: 2006-01-02", NULL);
    g_autoptr(YeastarDateFormat) corrected = yeastar_date_format_with_date_of (hh_clock, date_hint);
    g_autofree char *pm_text = yeastar_date_format_describe_hours (pm);
    g_autofree char *clock_text = yeastar_date_format_describe_hours (hh_clock);
    g_autofree char *hint_text = yeastar_date_format_describe_hours (hint);

    g_assert_cmpint (yeastar_date_format_get_hour_source (pm), ==, YEASTAR_HOUR_SOURCE_FORMAT);
    g_assert_true (yeastar_date_format_get_time_format_known (pm));
    g_assert_cmpstr (pm_text, ==, "12-hour, as the PBX’s time format says");
    g_assert_cmpint (yeastar_date_format_get_hour_source (h24), ==, YEASTAR_HOUR_SOURCE_FORMAT);
    g_assert_cmpint (yeastar_date_format_get_hour_source (hh_clock), ==, YEASTAR_HOUR_SOURCE_CLOCK);
    g_assert_true (yeastar_date_format_get_time_format_known (hh_clock));
    g_assert_cmpstr (clock_text, ==, "12-hour, from the PBX clock");
    g_assert_cmpint (yeastar_date_format_get_hour_source (chosen), ==, YEASTAR_HOUR_SOURCE_CHOSEN);
    g_assert_cmpint (yeastar_date_format_get_hour_source (hint), ==, YEASTAR_HOUR_SOURCE_PBX_HINT);
    g_assert_false (yeastar_date_format_is_12_hour (hint));
    g_assert_nonnull (strstr (hint_text, "24-hour"));

    /* A date-only hint keeps the hours and where they came from. */
    g_assert_cmpint (yeastar_date_format_get_order (corrected), ==, YEASTAR_DATE_ORDER_YMD);
    g_assert_cmpint (yeastar_date_format_get_separator (corrected), ==, '-');
    g_assert_true (yeastar_date_format_is_12_hour (corrected));
    g_assert_true (yeastar_date_format_has_time (corrected));
    g_assert_cmpint (yeastar_date_format_get_hour_source (corrected), ==, YEASTAR_HOUR_SOURCE_CLOCK);

    g_assert_cmpstr (yeastar_hour_source_to_string (YEASTAR_HOUR_SOURCE_CLOCK), ==, "clock");
    g_assert_cmpstr (yeastar_hour_source_to_string (YEASTAR_HOUR_SOURCE_ASSUMED), ==, "assumed");
    g_assert_cmpstr (yeastar_hour_source_to_string (YEASTAR_HOUR_SOURCE_PBX_HINT), ==, "pbx-hint");
  }
}

static void
test_go_layout_valid (void)
{
  static const struct {
    const char       *text;
    YeastarDateOrder  order;
    char              separator;
    gboolean          twelve_hour;
    gboolean          has_time;
  } cases[] = {
    { "start_time format invalid, valid format: 02/01/2006 03:04:05 PM", YEASTAR_DATE_ORDER_DMY, '/', TRUE, TRUE },
    { "end_time format invalid, valid format:01/02/2006 15:04:05", YEASTAR_DATE_ORDER_MDY, '/', FALSE, TRUE },
    { "Valid Format: 2006-01-02 15:04:05  ", YEASTAR_DATE_ORDER_YMD, '-', FALSE, TRUE },
    { "2006-01-02 15:04:05", YEASTAR_DATE_ORDER_YMD, '-', FALSE, TRUE },
    { "2006/01/02 03:04:05 PM", YEASTAR_DATE_ORDER_YMD, '/', TRUE, TRUE },
    { "01-02-2006 03:04:05 PM", YEASTAR_DATE_ORDER_MDY, '-', TRUE, TRUE },
    { "02-01-2006 15:04:05", YEASTAR_DATE_ORDER_DMY, '-', FALSE, TRUE },
    { "01/02/2006", YEASTAR_DATE_ORDER_MDY, '/', FALSE, FALSE },
    { "time format invalid, valid format: 2006/01/02", YEASTAR_DATE_ORDER_YMD, '/', FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_from_go_layout (cases[i].text, &error);
      g_autoptr(YeastarDateFormat) again = NULL;
      g_autofree char *layout = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpint (yeastar_date_format_get_order (format), ==, cases[i].order);
      g_assert_cmpint (yeastar_date_format_get_separator (format), ==, cases[i].separator);
      g_assert_cmpint (yeastar_date_format_is_12_hour (format), ==, cases[i].twelve_hour);
      g_assert_cmpint (yeastar_date_format_has_time (format), ==, cases[i].has_time);

      /* to_go_layout () round-trips. */
      layout = yeastar_date_format_to_go_layout (format);
      again = yeastar_date_format_new_from_go_layout (layout, &error);
      g_assert_no_error (error);
      g_assert_true (yeastar_date_format_equal (format, again));
    }

  /* The live P570's hint agrees with its system/information. */
  {
    g_autoptr(YeastarDateFormat) hint = yeastar_date_format_new_from_go_layout ("valid format: 02/01/2006 03:04:05 PM", NULL);
    g_autoptr(YeastarDateFormat) info = format_new ("DD/MM/YYYY", "hh:mm:ss PM", "30/07/2026 09:31:37 PM");

    g_assert_true (yeastar_date_format_equal (hint, info));
  }

  /* A date-only format formats dates only. */
  {
    g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_from_go_layout ("02-01-2006", NULL);
    g_autoptr(GDateTime) dt = utc (2026, 7, 31, 23, 0, 0);
    g_autofree char *text = yeastar_date_format_format_date_time (format, dt);
    g_autofree char *described = yeastar_date_format_to_string (format);

    g_assert_cmpstr (text, ==, "31-07-2026");
    g_assert_cmpstr (described, ==, "DD-MM-YYYY");
  }
}

static void
test_go_layout_invalid (void)
{
  static const char * const cases[] = {
    "",
    " ",
    "valid format:",
    "valid format: ",
    "start_time format invalid",
    "02/01/2006 03:04:05",        /* 12-hour hours without PM */
    "02/01/2006 15:04:05 PM",     /* 24-hour hours with PM */
    "02/01/2006 03:04:05 pm",
    "02/01/2006 03:04",
    "02/01/2006 03:04:0",
    "02/01/200",
    "02/01",
    "2006",
    "02.01.2006 15:04:05",
    "02/01-2006 15:04:05",
    "2006/02/01 15:04:05",        /* YDM is not a PBX format */
    "Mon Jan 2 15:04:05 MST 2006",
    "02/01/2006T15:04:05",
    "02/01/2006 15:04:05 extra",
    "\xff\xfe\x01 valid format: \xc3",
    "valid format: 02/01/2006 03:04:05 PM\n02/01/2006",
    "DD/MM/YYYY hh:mm:ss",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_from_go_layout (cases[i], &error);

      g_assert_null (format);
      g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* Every truncation of a valid message fails cleanly, except where it is
   * itself a valid (date-only) layout. */
  {
    const char *message = "start_time format invalid, valid format: 02/01/2006 03:04:05 PM";
    gsize len = strlen (message);

    for (gsize n = 0; n < len; n++)
      {
        g_autofree char *prefix = g_strndup (message, n);
        g_autofree char *chomped = g_strchomp (g_strndup (message, n));
        g_autoptr(GError) error = NULL;
        g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_from_go_layout (prefix, &error);

        /* "… 02/01/2006" and "… 02/01/2006 " are date-only layouts. */
        if (g_str_has_suffix (chomped, "2006"))
          {
            g_assert_no_error (error);
            g_assert_false (yeastar_date_format_has_time (format));
          }
        else
          {
            g_assert_null (format);
            g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
          }
      }
  }

  /* Random bytes never crash and are rejected. */
  {
    GRand *rand = g_rand_new_with_seed (42);

    for (guint i = 0; i < 2000; i++)
      {
        char buffer[48];
        guint len = g_rand_int_range (rand, 0, sizeof buffer);
        g_autoptr(GError) error = NULL;
        g_autoptr(YeastarDateFormat) format = NULL;

        for (guint j = 0; j < len; j++)
          buffer[j] = (char) g_rand_int_range (rand, 1, 256);
        buffer[len] = '\0';

        format = yeastar_date_format_new_from_go_layout (buffer, &error);
        g_assert_null (format);
        g_assert_nonnull (error);
      }

    g_rand_free (rand);
  }

  /* Long input is quoted back bounded. */
  {
    g_autofree char *long_text = g_strnfill (100000, 'x');
    g_autoptr(GError) error = NULL;
    g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_from_go_layout (long_text, &error);

    g_assert_null (format);
    g_assert_cmpuint (strlen (error->message), <, 256);
  }
}

static void
test_parse (void)
{
  g_autoptr(YeastarDateFormat) dmy12 = format_new ("DD/MM/YYYY", "hh:mm:ss PM", NULL);
  g_autoptr(YeastarDateFormat) ymd24 = format_new ("YYYY-MM-DD", "HH:mm:ss", NULL);
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) expected = utc (2026, 7, 30, 21, 31, 37);
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const bad_dmy12[] = {
    "",
    "30/07/2026",
    "30/07/2026 21:31:37",          /* 24-hour in a 12-hour format */
    "30/07/2026 00:31:37 AM",       /* no hour 0 in 12-hour */
    "30/07/2026 13:31:37 PM",
    "30/07/2026 09:31:37 XM",
    "30/07/2026 09:31:37 PMX",
    "30/07/2026 9:31:37 PM",
    "2026/07/30 09:31:37 PM",
    "31/02/2026 09:31:37 PM",
    "29/02/2025 09:31:37 PM",
    "30/13/2026 09:31:37 PM",
    "00/07/2026 09:31:37 PM",
    "30/07/0000 09:31:37 PM",
    "30/07/2026 09:60:37 PM",
    "30/07/2026 09:31:60 PM",
    "30-07-2026 09:31:37 PM",
    "30/07/2026  09:31:37 PM",
    "3O/07/2026 09:31:37 PM",
    "30/07/2026 09:31:37 P",
  };
  static const char * const bad_ymd24[] = {
    "2026-07-30 24:00:00",
    "2026-07-30 21:31:37 PM",
    "2026-07-30 -1:31:37",
    "2026-07-30",
  };

  dt = yeastar_date_format_parse_date_time (dmy12, "30/07/2026 09:31:37 PM", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (dt, expected));
  g_clear_pointer (&dt, g_date_time_unref);

  /* Blanks around and a lower-case meridiem are fine. */
  dt = yeastar_date_format_parse_date_time (dmy12, " 30/07/2026 09:31:37 pm ", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (dt, expected));
  g_clear_pointer (&dt, g_date_time_unref);

  dt = yeastar_date_format_parse_date_time (ymd24, "2028-02-29 00:00:00", plus2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, 29);
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 2 * G_TIME_SPAN_HOUR);
  g_clear_pointer (&dt, g_date_time_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dmy12); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) bad = yeastar_date_format_parse_date_time (dmy12, bad_dmy12[i], NULL, &local_error);

      g_test_message ("%s", bad_dmy12[i]);
      g_assert_null (bad);
      g_assert_error (local_error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_ymd24); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) bad = yeastar_date_format_parse_date_time (ymd24, bad_ymd24[i], NULL, &local_error);

      g_test_message ("%s", bad_ymd24[i]);
      g_assert_null (bad);
      g_assert_error (local_error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
    }
}

/* Formatting then parsing gives back the same time, for every format and
 * every hour of a day. */
static void
test_round_trip (void)
{
  for (guint order = YEASTAR_DATE_ORDER_YMD; order <= YEASTAR_DATE_ORDER_DMY; order++)
    {
      for (guint s = 0; s < 2; s++)
        {
          for (guint twelve = 0; twelve < 2; twelve++)
            {
              g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_full (order, s ? '-' : '/', twelve);

              for (int hour = 0; hour < 24; hour++)
                {
                  g_autoptr(GDateTime) dt = utc (1999, 12, 31, hour, 7, 9);
                  g_autofree char *text = yeastar_date_format_format_date_time (format, dt);
                  g_autoptr(GError) error = NULL;
                  g_autoptr(GDateTime) back = yeastar_date_format_parse_date_time (format, text, NULL, &error);

                  g_assert_no_error (error);
                  g_assert_true (g_date_time_equal (dt, back));
                }
            }
        }
    }
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

/* Compiles el_GR.UTF-8 into @dir with localedef, whose %p is "πμ"/"μμ".
 * FALSE if that is not possible here. */
static gboolean
compile_greek_locale (const char *dir)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *output = g_build_filename (dir, "el_GR.UTF-8", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-i", "el_GR", "-f", "UTF-8", NULL, NULL };
  int status = 0;

  if (localedef == NULL)
    return FALSE;

  argv[0] = localedef;
  argv[5] = output;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("localedef: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The meridiem is literal AM/PM whatever the locale, where %p would give
 * "μμ" in Greek and nothing at all in many locales. */
static void
test_locale_independent (void)
{
  g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_MDY, '/', TRUE);
  g_autoptr(GDateTime) dt = utc (2026, 7, 31, 23, 59, 59);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *source_path = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;

  /* The source never uses strftime-style formatting for what it sends. */
  source_path = g_test_build_filename (G_TEST_DIST, "..", "src", "yeastar", "yeastar-date-format.c", NULL);
  g_file_get_contents (source_path, &source, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (source, "%p"));
  g_assert_null (strstr (source, "g_date_time_format"));
  g_assert_null (strstr (source, "strftime ("));

  tmp = g_dir_make_tmp ("test-date-format-XXXXXX", &error);
  g_assert_no_error (error);

  if (!compile_greek_locale (tmp))
    {
      remove_tree (tmp);
      g_test_skip ("cannot compile a non-English locale with localedef");
      return;
    }

  g_setenv ("LOCPATH", tmp, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "el_GR.UTF-8"));

  {
    /* The locale is in effect: %p is not "PM" here. */
    g_autofree char *meridiem = g_date_time_format (dt, "%p");

    g_assert_cmpstr (meridiem, !=, "PM");
  }

  text = yeastar_date_format_format_date_time (format, dt);

  setlocale (LC_ALL, saved);
  g_unsetenv ("LOCPATH");
  remove_tree (tmp);

  g_assert_cmpstr (text, ==, "07/31/2026 11:59:59 PM");
}

static void
test_boxed (void)
{
  g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_DMY, '-', FALSE);
  YeastarDateFormat *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (YEASTAR_TYPE_DATE_FORMAT));
  g_assert_true (G_TYPE_IS_ENUM (YEASTAR_TYPE_DATE_ORDER));

  g_value_init (&value, YEASTAR_TYPE_DATE_FORMAT);
  g_value_set_boxed (&value, format);
  copy = g_value_get_boxed (&value);
  /* A boxed copy is a new reference to the same immutable value. */
  g_assert_true (copy == format);
  g_value_unset (&value);

  g_assert_cmpint (yeastar_date_format_get_order (format), ==, YEASTAR_DATE_ORDER_DMY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/date-format/format-all", test_format_all);
  g_test_add_func ("/yeastar/date-format/midnight-noon", test_midnight_noon);
  g_test_add_func ("/yeastar/date-format/hh-gotcha", test_hh_gotcha);
  g_test_add_func ("/yeastar/date-format/unknown-formats", test_unknown_formats);
  g_test_add_func ("/yeastar/date-format/unknown-time-formats", test_unknown_time_formats);
  g_test_add_func ("/yeastar/date-format/go-layout/valid", test_go_layout_valid);
  g_test_add_func ("/yeastar/date-format/go-layout/invalid", test_go_layout_invalid);
  g_test_add_func ("/yeastar/date-format/parse", test_parse);
  g_test_add_func ("/yeastar/date-format/round-trip", test_round_trip);
  g_test_add_func ("/yeastar/date-format/locale-independent", test_locale_independent);
  g_test_add_func ("/yeastar/date-format/boxed", test_boxed);

  return g_test_run ();
}
