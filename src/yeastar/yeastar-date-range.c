/* yeastar-date-range.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-date-range.h"

/*
 * "This week", "last month" and the like, counted from the PBX clock. The
 * arithmetic is done on GDate, which knows nothing of time zones or
 * daylight saving, so a range is always whole calendar days whatever the
 * zone the caller's GDateTime is in. At the start of the calendar (year 1)
 * a range that would begin before it is clamped to it.
 */

static const char * const range_names[] = {
  "today",
  "yesterday",
  "this-week",
  "last-week",
  "this-month",
  "last-month",
  "this-year",
  "last-year",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (range_names) == YEASTAR_DATE_RANGE_LAST_YEAR + 2);

const char * const *
yeastar_date_range_get_names (void)
{
  return range_names;
}

gboolean
yeastar_date_range_from_name (const char       *name,
                              YeastarDateRange *range)
{
  g_return_val_if_fail (range != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; range_names[i] != NULL; i++)
    {
      if (strcmp (range_names[i], name) == 0)
        {
          *range = (YeastarDateRange) i;
          return TRUE;
        }
    }

  return FALSE;
}

static GDateTime *
date_time_from_date (const GDate *date,
                     int          hour,
                     int          minute,
                     int          second)
{
  return g_date_time_new_utc (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              hour, minute, second);
}

static void
date_from_date_time (GDate     *date,
                     GDateTime *dt)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

/* The first and last day of @range around @today. */
static void
range_get_days (YeastarDateRange  range,
                const GDate      *today,
                GDate            *first,
                GDate            *last)
{
  GDateYear year;
  GDateMonth month;

  g_assert (today != NULL);
  g_assert (first != NULL);
  g_assert (last != NULL);

  year = g_date_get_year (today);
  month = g_date_get_month (today);
  *first = *today;
  *last = *today;

  switch (range)
    {
    case YEASTAR_DATE_RANGE_TODAY:
      break;

    case YEASTAR_DATE_RANGE_YESTERDAY:
      if (g_date_get_julian (today) > 1)
        g_date_subtract_days (first, 1);
      *last = *first;
      break;

    case YEASTAR_DATE_RANGE_THIS_WEEK:
    case YEASTAR_DATE_RANGE_LAST_WEEK:
      {
        /* GDateWeekday: Monday is 1, Sunday 7. */
        guint since_monday = g_date_get_weekday (today) - G_DATE_MONDAY;

        if (range == YEASTAR_DATE_RANGE_LAST_WEEK)
          since_monday += 7;
        if (g_date_get_julian (today) > since_monday)
          g_date_subtract_days (first, since_monday);
        *last = *first;
        g_date_add_days (last, 6);
      }
      break;

    case YEASTAR_DATE_RANGE_THIS_MONTH:
    case YEASTAR_DATE_RANGE_LAST_MONTH:
      g_date_set_dmy (first, 1, month, year);
      if (range == YEASTAR_DATE_RANGE_LAST_MONTH && g_date_get_julian (first) > 31)
        g_date_subtract_months (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first),
                                                      g_date_get_year (first)));
      break;

    case YEASTAR_DATE_RANGE_THIS_YEAR:
    case YEASTAR_DATE_RANGE_LAST_YEAR:
      if (range == YEASTAR_DATE_RANGE_LAST_YEAR && year > 1)
        year--;
      g_date_set_dmy (first, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (last, 31, G_DATE_DECEMBER, year);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * yeastar_date_range_get_bounds:
 * @range: a preset
 * @now: the PBX clock
 * @start: (out) (transfer full): 00:00:00 of the range's first day
 * @end: (out) (transfer full): 23:59:59 of the range's last day
 */
void
yeastar_date_range_get_bounds (YeastarDateRange   range,
                               GDateTime         *now,
                               GDateTime        **start,
                               GDateTime        **end)
{
  GDate today, first, last;

  g_return_if_fail (range <= YEASTAR_DATE_RANGE_LAST_YEAR);
  g_return_if_fail (now != NULL);
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  date_from_date_time (&today, now);
  range_get_days (range, &today, &first, &last);

  *start = date_time_from_date (&first, 0, 0, 0);
  *end = date_time_from_date (&last, 23, 59, 59);
}

/**
 * yeastar_date_range_get_period:
 * @range: a preset
 * @now: the PBX clock
 * @kind: (out): a day, a month or a year
 * @period: (out) (transfer full): 00:00:00 of the period's first day
 *
 * Returns: %FALSE, and sets nothing, for the week presets
 */
gboolean
yeastar_date_range_get_period (YeastarDateRange    range,
                               GDateTime          *now,
                               YeastarPeriodKind  *kind,
                               GDateTime         **period)
{
  GDate today, first, last;

  g_return_val_if_fail (range <= YEASTAR_DATE_RANGE_LAST_YEAR, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  switch (range)
    {
    case YEASTAR_DATE_RANGE_TODAY:
    case YEASTAR_DATE_RANGE_YESTERDAY:
      *kind = YEASTAR_PERIOD_DAY;
      break;

    case YEASTAR_DATE_RANGE_THIS_MONTH:
    case YEASTAR_DATE_RANGE_LAST_MONTH:
      *kind = YEASTAR_PERIOD_MONTH;
      break;

    case YEASTAR_DATE_RANGE_THIS_YEAR:
    case YEASTAR_DATE_RANGE_LAST_YEAR:
      *kind = YEASTAR_PERIOD_YEAR;
      break;

    case YEASTAR_DATE_RANGE_THIS_WEEK:
    case YEASTAR_DATE_RANGE_LAST_WEEK:
      return FALSE;

    default:
      g_assert_not_reached ();
    }

  date_from_date_time (&today, now);
  range_get_days (range, &today, &first, &last);
  *period = date_time_from_date (&first, 0, 0, 0);

  return TRUE;
}

/**
 * yeastar_date_range_get_last_days:
 * @n_days: how many days, 1 to %YEASTAR_DATE_RANGE_MAX_DAYS
 * @now: the PBX clock
 * @start: (out) (transfer full): 00:00:00 of the first of the days
 * @end: (out) (transfer full): 23:59:59 of yesterday
 */
void
yeastar_date_range_get_last_days (guint       n_days,
                                  GDateTime  *now,
                                  GDateTime **start,
                                  GDateTime **end)
{
  GDate first, last;

  g_return_if_fail (n_days >= 1 && n_days <= YEASTAR_DATE_RANGE_MAX_DAYS);
  g_return_if_fail (now != NULL);
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  date_from_date_time (&last, now);
  if (g_date_get_julian (&last) > 1)
    g_date_subtract_days (&last, 1);
  first = last;
  if (g_date_get_julian (&first) > n_days - 1)
    g_date_subtract_days (&first, n_days - 1);
  else
    g_date_set_julian (&first, 1);

  *start = date_time_from_date (&first, 0, 0, 0);
  *end = date_time_from_date (&last, 23, 59, 59);
}
