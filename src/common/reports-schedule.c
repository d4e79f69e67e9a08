/* reports-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-schedule.h"

static const char * const weekday_names[] = {
  NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static const char * const calendar_weekdays[] = {
  NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

gboolean
reports_schedule_parse_time (const char  *text,
                             guint       *hour,
                             guint       *minute,
                             GError     **error)
{
  guint64 h = 0, m = 0;
  g_auto(GStrv) parts = NULL;

  if (text != NULL)
    parts = g_strsplit (text, ":", -1);

  if (parts == NULL || g_strv_length (parts) != 2 ||
      strlen (parts[0]) < 1 || strlen (parts[0]) > 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    {
      g_autofree char *quoted = g_utf8_make_valid (text != NULL ? text : "", -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a time of day; give HH:MM, e.g. 07:00"), quoted);
      return FALSE;
    }

  *hour = (guint) h;
  *minute = (guint) m;

  return TRUE;
}

gboolean
reports_schedule_parse_weekday (const char    *text,
                                GDateWeekday  *weekday,
                                GError       **error)
{
  static const char * const full_names[] = {
    NULL, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  };

  /* "mon", "Mon", "monday" */
  for (guint i = G_DATE_MONDAY; i <= G_DATE_SUNDAY && text != NULL; i++)
    {
      if (g_ascii_strcasecmp (text, weekday_names[i]) == 0 ||
          g_ascii_strcasecmp (text, full_names[i]) == 0)
        {
          *weekday = (GDateWeekday) i;
          return TRUE;
        }
    }

  {
    g_autofree char *quoted = g_utf8_make_valid (text != NULL ? text : "", -1);

    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is not a day of the week; give mon, tue, wed, thu, fri, sat or sun"), quoted);
  }

  return FALSE;
}

gboolean
reports_schedule_parse_day (const char  *text,
                            guint       *day,
                            GError     **error)
{
  guint64 n = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, REPORTS_SCHEDULE_MAX_DAY, &n, NULL))
    {
      g_autofree char *quoted = g_utf8_make_valid (text != NULL ? text : "", -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is the text given, %d the last day allowed (28) */
                   _("“%s” is not a day of the month; give 1 to %d, days every month has"),
                   quoted, REPORTS_SCHEDULE_MAX_DAY);
      return FALSE;
    }

  *day = (guint) n;

  return TRUE;
}

const char *
reports_schedule_weekday_name (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, NULL);

  return weekday_names[weekday];
}

const char *
reports_schedule_kind_name (ReportsScheduleKind kind)
{
  switch (kind)
    {
    case REPORTS_SCHEDULE_DAILY:   return "daily";
    case REPORTS_SCHEDULE_WEEKLY:  return "weekly";
    case REPORTS_SCHEDULE_MONTHLY: return "monthly";
    case REPORTS_SCHEDULE_NONE:
    default:                       return NULL;
    }
}

gboolean
reports_schedule_kind_from_name (const char          *name,
                                 ReportsScheduleKind *kind)
{
  for (ReportsScheduleKind k = REPORTS_SCHEDULE_DAILY; k <= REPORTS_SCHEDULE_MONTHLY; k++)
    {
      if (g_strcmp0 (name, reports_schedule_kind_name (k)) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

char *
reports_schedule_describe (const ReportsSchedule *self)
{
  g_autofree char *time = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  time = g_strdup_printf ("%02u:%02u", self->hour, self->minute);

  switch (self->kind)
    {
    case REPORTS_SCHEDULE_DAILY:
      /* Translators: %s is a time of day, 07:00 */
      return g_strdup_printf (_("daily at %s"), time);

    case REPORTS_SCHEDULE_WEEKLY:
      {
        /* 2024-01-01 was a Monday: its week names the days in the locale. */
        g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, self->weekday, 0, 0, 0);
        g_autofree char *name = g_date_time_format (day, "%A");

        /* Translators: %s are the day of the week and a time of day */
        return g_strdup_printf (_("weekly on %s at %s"), name, time);
      }

    case REPORTS_SCHEDULE_MONTHLY:
      /* Translators: %u is the day of the month, %s a time of day */
      return g_strdup_printf (_("monthly on day %u at %s"), self->day, time);

    case REPORTS_SCHEDULE_NONE:
    default:
      return g_strdup (_("not scheduled"));
    }
}

char *
reports_schedule_to_calendar (const ReportsSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case REPORTS_SCHEDULE_DAILY:
      return g_strdup_printf ("*-*-* %02u:%02u:00", self->hour, self->minute);

    case REPORTS_SCHEDULE_WEEKLY:
      return g_strdup_printf ("%s *-*-* %02u:%02u:00", calendar_weekdays[self->weekday],
                              self->hour, self->minute);

    case REPORTS_SCHEDULE_MONTHLY:
      return g_strdup_printf ("*-*-%02u %02u:%02u:00", self->day, self->hour, self->minute);

    case REPORTS_SCHEDULE_NONE:
    default:
      return NULL;
    }
}

static gboolean
matches_day (const ReportsSchedule *self,
             GDateTime             *day)
{
  switch (self->kind)
    {
    case REPORTS_SCHEDULE_DAILY:
      return TRUE;
    case REPORTS_SCHEDULE_WEEKLY:
      return g_date_time_get_day_of_week (day) == (int) self->weekday;
    case REPORTS_SCHEDULE_MONTHLY:
      return g_date_time_get_day_of_month (day) == (int) self->day;
    case REPORTS_SCHEDULE_NONE:
    default:
      return FALSE;
    }
}

GDateTime *
reports_schedule_next (const ReportsSchedule *self,
                       GDateTime             *after)
{
  GTimeZone *zone;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  if (self->kind == REPORTS_SCHEDULE_NONE)
    return NULL;

  zone = g_date_time_get_timezone (after);

  /* A month holds every day 1 to 28 and a week every weekday, so the
   * next firing is at most 32 days ahead. A time a daylight-saving change
   * skips is moved forward by GDateTime, as systemd does. */
  for (int offset = 0; offset <= 32; offset++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (after, offset);
      g_autoptr(GDateTime) candidate = NULL;

      if (!matches_day (self, day))
        continue;

      candidate = g_date_time_new (zone,
                                   g_date_time_get_year (day),
                                   g_date_time_get_month (day),
                                   g_date_time_get_day_of_month (day),
                                   self->hour, self->minute, 0);
      if (candidate != NULL && g_date_time_compare (candidate, after) > 0)
        return g_steal_pointer (&candidate);
    }

  return NULL;
}
