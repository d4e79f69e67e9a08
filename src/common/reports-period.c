/* reports-period.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "reports-period.h"

/*
 * The date arithmetic is yeastar-date-range.c's: this file only adds the
 * names, the "last-N-days" form and the labels of file names. Every date
 * is PBX wall-clock time, so a PBX in another time zone than this
 * computer, or a daylight-saving change, never shifts a day.
 */

#define LAST_PREFIX "last-"
#define DAYS_SUFFIX "-days"

gboolean
reports_period_parse (const char     *text,
                      ReportsPeriod  *period,
                      GError        **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (text != NULL && yeastar_date_range_from_name (text, &period->preset))
    {
      period->last_days = 0;
      return TRUE;
    }

  /* "last-days" has the prefix and the suffix overlapping: no number. */
  if (text != NULL && strlen (text) > strlen (LAST_PREFIX) + strlen (DAYS_SUFFIX) &&
      g_str_has_prefix (text, LAST_PREFIX) && g_str_has_suffix (text, DAYS_SUFFIX))
    {
      g_autofree char *number = g_strndup (text + strlen (LAST_PREFIX),
                                           strlen (text) - strlen (LAST_PREFIX) - strlen (DAYS_SUFFIX));
      guint64 n = 0;

      if (g_ascii_string_to_unsigned (number, 10, 1, YEASTAR_DATE_RANGE_MAX_DAYS, &n, NULL))
        {
          period->preset = YEASTAR_DATE_RANGE_TODAY;
          period->last_days = (guint) n;
          return TRUE;
        }
    }

  {
    g_autofree char *names = g_strjoinv (", ", (char **) yeastar_date_range_get_names ());
    g_autofree char *quoted = g_utf8_make_valid (text != NULL ? text : "", -1);

    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: %s are the text given, the preset names, and the largest N */
                 _("“%s” is not a period; give one of %s, or last-N-days with N from 1 to %d"),
                 quoted, names, YEASTAR_DATE_RANGE_MAX_DAYS);
  }

  return FALSE;
}

char *
reports_period_to_string (const ReportsPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->last_days > 0)
    return g_strdup_printf (LAST_PREFIX "%u" DAYS_SUFFIX, period->last_days);

  return g_strdup (yeastar_date_range_get_names ()[period->preset]);
}

gboolean
reports_period_equal (const ReportsPeriod *a,
                      const ReportsPeriod *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->last_days > 0 || b->last_days > 0)
    return a->last_days == b->last_days;

  return a->preset == b->preset;
}

gboolean
reports_period_has_time (const ReportsPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  return period->last_days == 0 &&
         period->preset != YEASTAR_DATE_RANGE_THIS_WEEK &&
         period->preset != YEASTAR_DATE_RANGE_LAST_WEEK;
}

void
reports_period_get_bounds (const ReportsPeriod  *period,
                           GDateTime            *now,
                           GDateTime           **start,
                           GDateTime           **end)
{
  g_return_if_fail (period != NULL);

  if (period->last_days > 0)
    yeastar_date_range_get_last_days (period->last_days, now, start, end);
  else
    yeastar_date_range_get_bounds (period->preset, now, start, end);
}

gboolean
reports_period_get_time (const ReportsPeriod  *period,
                         GDateTime            *now,
                         YeastarPeriodKind    *kind,
                         GDateTime           **time)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!reports_period_has_time (period))
    return FALSE;

  return yeastar_date_range_get_period (period->preset, now, kind, time);
}

char *
reports_period_dup_label (const ReportsPeriod *period,
                          GDateTime           *now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  reports_period_get_bounds (period, now, &start, &end);

  if (period->last_days > 0)
    {
      g_autofree char *first = g_date_time_format (start, "%Y-%m-%d");
      g_autofree char *last = g_date_time_format (end, "%Y-%m-%d");

      return g_strdup_printf ("%s_%s", first, last);
    }

  switch (period->preset)
    {
    case YEASTAR_DATE_RANGE_TODAY:
    case YEASTAR_DATE_RANGE_YESTERDAY:
      return g_date_time_format (start, "%Y-%m-%d");

    case YEASTAR_DATE_RANGE_THIS_WEEK:
    case YEASTAR_DATE_RANGE_LAST_WEEK:
      /* The ISO 8601 week-numbering year and week of the Monday. */
      return g_date_time_format (start, "%G-W%V");

    case YEASTAR_DATE_RANGE_THIS_MONTH:
    case YEASTAR_DATE_RANGE_LAST_MONTH:
      return g_date_time_format (start, "%Y-%m");

    case YEASTAR_DATE_RANGE_THIS_YEAR:
    case YEASTAR_DATE_RANGE_LAST_YEAR:
      return g_date_time_format (start, "%Y");

    default:
      g_assert_not_reached ();
    }
}
