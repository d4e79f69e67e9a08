/* yeastar-date-format.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-date-format.h"
#include "yeastar-error.h"
#include "yeastar-text.h"

/*
 * The PBX wants start_time/end_time in its display format, e.g.
 * "31/07/2026 11:59:59 PM", and `time` in its date format. Everything here
 * is formatted and parsed by hand, with ASCII digits and a literal "AM" or
 * "PM", so neither the user's locale nor strftime's meridiem conversion can
 * change what is sent (tests/unit/test-date-format.c checks this file never
 * formats with strftime or GDateTime's format function).
 *
 * Two sources tell the format:
 *
 * - system/information: system_date_format (one of six patterns) and
 *   system_time_format. The token "hh" does NOT mean 12-hour: a documented
 *   PBX reports "hh:mm:ss" with a 24-hour system_time. It is 12-hour only
 *   when system_time_format contains AM/PM or system_time ends in AM/PM.
 *   A time format of another spelling ("hh:mm:ss a", "h:mm A") never stops
 *   a connection: then system_time's shape decides (AM/PM at its end or
 *   not), and without system_time an AM/PM marker in the format does,
 *   else 24 hours is assumed. get_hour_source() tells which it was, for
 *   `info` and the window to show.
 *
 * - the v2.0 validator's message, a Go reference-time layout:
 *   "start_time format invalid, valid format: 02/01/2006 03:04:05 PM".
 */

struct _YeastarDateFormat
{
  gatomicrefcount   ref_count;
  YeastarDateOrder  order;
  char              separator;
  YeastarHourSource hour_source;
  guint             twelve_hour : 1;
  guint             has_time : 1;
  guint             time_format_known : 1;
};

G_DEFINE_BOXED_TYPE (YeastarDateFormat, yeastar_date_format,
                     yeastar_date_format_ref, yeastar_date_format_unref)

/* Longest piece of untrusted input quoted back in an error message. */
#define MAX_QUOTED 64

static const char separators[] = { '/', '-' };

static YeastarDateFormat *
date_format_new (YeastarDateOrder order,
                 char             separator,
                 gboolean         twelve_hour,
                 gboolean         has_time)
{
  YeastarDateFormat *self = g_new0 (YeastarDateFormat, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->order = order;
  self->separator = separator;
  self->twelve_hour = !!twelve_hour;
  self->has_time = !!has_time;
  self->hour_source = YEASTAR_HOUR_SOURCE_CHOSEN;
  self->time_format_known = TRUE;

  return self;
}

/* Untrusted text, made safe to show: control characters escaped, valid
 * UTF-8 and bounded. */
static char *
quote_input (const char *text)
{
  g_autofree char *escaped = yeastar_text_escape (text, -1);

  if (g_utf8_strlen (escaped, -1) > MAX_QUOTED)
    {
      g_autofree char *cut = g_utf8_substring (escaped, 0, MAX_QUOTED);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&escaped);
}

/* "YYYY/MM/DD" etc.: the system_date_format spelling of order + sep. */
static char *
date_pattern (YeastarDateOrder order,
              char             sep)
{
  switch (order)
    {
    case YEASTAR_DATE_ORDER_YMD:
      return g_strdup_printf ("YYYY%cMM%cDD", sep, sep);
    case YEASTAR_DATE_ORDER_MDY:
      return g_strdup_printf ("MM%cDD%cYYYY", sep, sep);
    case YEASTAR_DATE_ORDER_DMY:
      return g_strdup_printf ("DD%cMM%cYYYY", sep, sep);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_date_pattern (const char       *text,
                    YeastarDateOrder *order,
                    char             *sep)
{
  for (guint o = YEASTAR_DATE_ORDER_YMD; o <= YEASTAR_DATE_ORDER_DMY; o++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
        {
          g_autofree char *pattern = date_pattern (o, separators[s]);

          if (g_ascii_strcasecmp (pattern, text) == 0)
            {
              *order = o;
              *sep = separators[s];
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
ends_with_meridiem (const char *text)
{
  gsize len = strlen (text);

  return len >= 2 &&
         (g_ascii_strcasecmp (text + len - 2, "AM") == 0 ||
          g_ascii_strcasecmp (text + len - 2, "PM") == 0);
}

/* An AM/PM marker in a time format of unknown spelling: "AM", "PM",
 * "tt" (.NET) or a lone "a"/"A" (Java, ICU, moment.js). */
static gboolean
mentions_meridiem (const char *format)
{
  g_autofree char *lower = g_ascii_strdown (format, -1);
  gsize len = strlen (lower);

  if (strstr (lower, "am") != NULL || strstr (lower, "pm") != NULL || strstr (lower, "tt") != NULL)
    return TRUE;

  for (gsize i = 0; i < len; i++)
    {
      if (lower[i] == 'a' &&
          (i == 0 || !g_ascii_isalpha (lower[i - 1])) &&
          (i + 1 == len || !g_ascii_isalpha (lower[i + 1])))
        return TRUE;
    }

  return FALSE;
}

YeastarDateFormat *
yeastar_date_format_new (const char  *system_date_format,
                         const char  *system_time_format,
                         const char  *system_time,
                         GError     **error)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *clock = NULL;
  YeastarDateFormat *self;
  YeastarDateOrder order;
  char sep;
  gboolean twelve_hour = FALSE;
  gboolean known = FALSE;
  YeastarHourSource source = YEASTAR_HOUR_SOURCE_ASSUMED;
  const char *rest;

  g_return_val_if_fail (system_date_format != NULL, NULL);
  g_return_val_if_fail (system_time_format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  date = g_strstrip (g_strdup (system_date_format));
  if (!parse_date_pattern (date, &order, &sep))
    {
      g_autofree char *quoted = quote_input (date);

      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX uses an unknown date format “%s”"),
                   quoted);
      return NULL;
    }

  /* "hh:mm:ss", "HH:mm:ss", "hh:mm:ss PM", "hh:mm:ss AM/PM" */
  time = g_strstrip (g_strdup (system_time_format));
  if (system_time != NULL)
    clock = g_strstrip (g_strdup (system_time));

  if (g_ascii_strncasecmp (time, "hh:mm:ss", strlen ("hh:mm:ss")) == 0)
    {
      rest = time + strlen ("hh:mm:ss");
      while (*rest == ' ')
        rest++;

      if (*rest == '\0')
        {
          /* "hh" is no proof of 12 hours; a clock with AM/PM is. */
          if (clock != NULL && ends_with_meridiem (clock))
            {
              twelve_hour = TRUE;
              source = YEASTAR_HOUR_SOURCE_CLOCK;
            }
          else
            {
              twelve_hour = FALSE;
              source = YEASTAR_HOUR_SOURCE_FORMAT;
            }
          known = TRUE;
        }
      else if (g_ascii_strcasecmp (rest, "AM") == 0 ||
               g_ascii_strcasecmp (rest, "PM") == 0 ||
               g_ascii_strcasecmp (rest, "AM/PM") == 0)
        {
          twelve_hour = TRUE;
          source = YEASTAR_HOUR_SOURCE_FORMAT;
          known = TRUE;
        }
    }

  if (!known)
    {
      /* A spelling this program does not know: the clock's shape, else
       * the format's own AM/PM marker, else 24 hours. */
      if (clock != NULL && clock[0] != '\0')
        {
          twelve_hour = ends_with_meridiem (clock);
          source = YEASTAR_HOUR_SOURCE_CLOCK;
        }
      else
        {
          twelve_hour = mentions_meridiem (time);
          source = YEASTAR_HOUR_SOURCE_ASSUMED;
        }
    }

  self = date_format_new (order, sep, twelve_hour, TRUE);
  self->hour_source = source;
  self->time_format_known = known;

  return self;
}

static char *
go_layout (YeastarDateOrder order,
           char             sep,
           gboolean         twelve_hour,
           gboolean         has_time)
{
  const char *time = "";

  if (has_time)
    time = twelve_hour ? " 03:04:05 PM" : " 15:04:05";

  switch (order)
    {
    case YEASTAR_DATE_ORDER_YMD:
      return g_strdup_printf ("2006%c01%c02%s", sep, sep, time);
    case YEASTAR_DATE_ORDER_MDY:
      return g_strdup_printf ("01%c02%c2006%s", sep, sep, time);
    case YEASTAR_DATE_ORDER_DMY:
      return g_strdup_printf ("02%c01%c2006%s", sep, sep, time);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Accepts a whole validator message ("… valid format: <layout>") or a bare
 * layout. Only the layouts that one of the six PBX date formats, with or
 * without a 12- or 24-hour time, produce are accepted; anything else,
 * including valid Go layouts the PBX never uses, is an error. A date-only
 * layout gives a format without time (has_time() is FALSE, is_12_hour() is
 * FALSE). */
YeastarDateFormat *
yeastar_date_format_new_from_go_layout (const char  *text,
                                        GError     **error)
{
  static const char marker[] = "valid format:";
  g_autofree char *lower = NULL;
  g_autofree char *layout = NULL;
  const char *found;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* g_ascii_strdown () only touches ASCII bytes, so offsets match. */
  lower = g_ascii_strdown (text, -1);
  found = strstr (lower, marker);
  if (found != NULL)
    layout = g_strdup (text + (found - lower) + strlen (marker));
  else
    layout = g_strdup (text);
  g_strstrip (layout);

  for (guint o = YEASTAR_DATE_ORDER_YMD; o <= YEASTAR_DATE_ORDER_DMY; o++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
        {
          /* 0: date only, 1: 24-hour, 2: 12-hour */
          for (guint t = 0; t < 3; t++)
            {
              g_autofree char *candidate = go_layout (o, separators[s], t == 2, t > 0);

              if (g_str_equal (candidate, layout))
                {
                  YeastarDateFormat *self = date_format_new (o, separators[s], t == 2, t > 0);

                  self->hour_source = YEASTAR_HOUR_SOURCE_PBX_HINT;
                  return self;
                }
            }
        }
    }

  {
    g_autofree char *quoted = quote_input (layout);

    g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                 _("“%s” is not a date and time layout the PBX is known to use"),
                 quoted);
  }

  return NULL;
}

/* A format with a time, for @order, '/' or '-' and 12/24 hours. */
YeastarDateFormat *
yeastar_date_format_new_full (YeastarDateOrder order,
                              char             separator,
                              gboolean         twelve_hour)
{
  g_return_val_if_fail (order <= YEASTAR_DATE_ORDER_DMY, NULL);
  g_return_val_if_fail (separator == '/' || separator == '-', NULL);

  return date_format_new (order, separator, twelve_hour, TRUE);
}

YeastarDateFormat *
yeastar_date_format_ref (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
yeastar_date_format_unref (YeastarDateFormat *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

YeastarDateOrder
yeastar_date_format_get_order (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, YEASTAR_DATE_ORDER_YMD);

  return self->order;
}

/* '/' or '-' */
char
yeastar_date_format_get_separator (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, '/');

  return self->separator;
}

gboolean
yeastar_date_format_is_12_hour (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->twelve_hour;
}

/* FALSE only for a format made from a date-only Go layout. */
gboolean
yeastar_date_format_has_time (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_time;
}

YeastarHourSource
yeastar_date_format_get_hour_source (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, YEASTAR_HOUR_SOURCE_CHOSEN);

  return self->hour_source;
}

/* FALSE when system_time_format had a spelling this program does not
 * know, and 12/24 hours came from the clock or was assumed. */
gboolean
yeastar_date_format_get_time_format_known (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->time_format_known;
}

/* For --json: "format", "clock", "assumed", "pbx-hint", "chosen". */
const char *
yeastar_hour_source_to_string (YeastarHourSource source)
{
  switch (source)
    {
    case YEASTAR_HOUR_SOURCE_FORMAT:
      return "format";
    case YEASTAR_HOUR_SOURCE_CLOCK:
      return "clock";
    case YEASTAR_HOUR_SOURCE_ASSUMED:
      return "assumed";
    case YEASTAR_HOUR_SOURCE_PBX_HINT:
      return "pbx-hint";
    case YEASTAR_HOUR_SOURCE_CHOSEN:
      return "chosen";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* For people: whether times are sent with 12 or 24 hours, and why, e.g.
 * "12-hour, from the PBX clock (its time format is not one this program
 * knows)". */
char *
yeastar_date_format_describe_hours (YeastarDateFormat *self)
{
  const char *hours;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->has_time)
    return g_strdup (_("no time of day"));

  hours = self->twelve_hour ? _("12-hour") : _("24-hour");

  switch (self->hour_source)
    {
    case YEASTAR_HOUR_SOURCE_FORMAT:
      /* Translators: %s is "12-hour" or "24-hour" */
      return g_strdup_printf (_("%s, as the PBX’s time format says"), hours);
    case YEASTAR_HOUR_SOURCE_CLOCK:
      if (!self->time_format_known)
        /* Translators: %s is "12-hour" or "24-hour" */
        return g_strdup_printf (_("%s, from the PBX clock (its time format is not one this program knows)"), hours);
      /* Translators: %s is "12-hour" or "24-hour" */
      return g_strdup_printf (_("%s, from the PBX clock"), hours);
    case YEASTAR_HOUR_SOURCE_ASSUMED:
      /* Translators: %s is "12-hour" or "24-hour" */
      return g_strdup_printf (_("%s, assumed (the PBX’s time format is not one this program knows)"), hours);
    case YEASTAR_HOUR_SOURCE_PBX_HINT:
      /* Translators: %s is "12-hour" or "24-hour" */
      return g_strdup_printf (_("%s, as the PBX asked for when it refused a request"), hours);
    case YEASTAR_HOUR_SOURCE_CHOSEN:
    default:
      return g_strdup (hours);
    }
}

/* @self's hours with the date order and separator of @date: what a
 * date-only hint corrects. */
YeastarDateFormat *
yeastar_date_format_with_date_of (YeastarDateFormat *self,
                                  YeastarDateFormat *date)
{
  YeastarDateFormat *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  result = date_format_new (date->order, date->separator, self->twelve_hour, self->has_time);
  result->hour_source = self->hour_source;
  result->time_format_known = self->time_format_known;

  return result;
}

/* The system_date_format spelling, e.g. "DD/MM/YYYY". */
const char *
yeastar_date_format_get_system_date_format (YeastarDateFormat *self)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  pattern = date_pattern (self->order, self->separator);

  return g_intern_string (pattern);
}

/* The layout the v2.0 validator would quote, e.g. "02/01/2006 03:04:05 PM". */
char *
yeastar_date_format_to_go_layout (YeastarDateFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return go_layout (self->order, self->separator, self->twelve_hour, self->has_time);
}

/* For people: "DD/MM/YYYY hh:mm:ss AM/PM", "YYYY-MM-DD HH:mm:ss". */
char *
yeastar_date_format_to_string (YeastarDateFormat *self)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  pattern = date_pattern (self->order, self->separator);

  if (!self->has_time)
    return g_steal_pointer (&pattern);

  return g_strconcat (pattern,
                      self->twelve_hour ? " hh:mm:ss AM/PM" : " HH:mm:ss",
                      NULL);
}

/* Compares what is sent: date order, separator, 12/24 hours, time or not. */
gboolean
yeastar_date_format_equal (YeastarDateFormat *a,
                           YeastarDateFormat *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->order == b->order &&
         a->separator == b->separator &&
         a->twelve_hour == b->twelve_hour &&
         a->has_time == b->has_time;
}

static char *
format_date (YeastarDateFormat *self,
             int                year,
             int                month,
             int                day)
{
  char sep = self->separator;

  switch (self->order)
    {
    case YEASTAR_DATE_ORDER_YMD:
      return g_strdup_printf ("%04d%c%02d%c%02d", year, sep, month, sep, day);
    case YEASTAR_DATE_ORDER_MDY:
      return g_strdup_printf ("%02d%c%02d%c%04d", month, sep, day, sep, year);
    case YEASTAR_DATE_ORDER_DMY:
      return g_strdup_printf ("%02d%c%02d%c%04d", day, sep, month, sep, year);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The wall-clock fields of @dt in its own time zone; convert @dt to the
 * PBX's time zone first if needed. A format without time (from a date-only
 * Go layout) gives the date only. */
char *
yeastar_date_format_format_date_time (YeastarDateFormat *self,
                                      GDateTime         *dt)
{
  g_autofree char *date = NULL;
  int hour;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dt != NULL, NULL);

  date = format_date (self,
                      g_date_time_get_year (dt),
                      g_date_time_get_month (dt),
                      g_date_time_get_day_of_month (dt));

  if (!self->has_time)
    return g_steal_pointer (&date);

  hour = g_date_time_get_hour (dt);

  if (self->twelve_hour)
    return g_strdup_printf ("%s %02d:%02d:%02d %s",
                            date,
                            hour % 12 == 0 ? 12 : hour % 12,
                            g_date_time_get_minute (dt),
                            g_date_time_get_second (dt),
                            hour < 12 ? "AM" : "PM");

  return g_strdup_printf ("%s %02d:%02d:%02d",
                          date,
                          hour,
                          g_date_time_get_minute (dt),
                          g_date_time_get_second (dt));
}

/* The `time` parameter. The page documents only YYYY/MM/DD (by hour),
 * YYYY/MM (by day) and YYYY (by month) and says the format follows the PBX
 * date format. We keep the PBX field order and separator and drop the
 * missing field: a day is the full date ("31/07/2026"); a month is year and
 * month in the PBX order, "2026/07" or "2026-07" when the year comes first,
 * "07/2026" for both DD/MM/YYYY and MM/DD/YYYY (the month precedes the year
 * in both); a year is "2026". */
char *
yeastar_date_format_format_period (YeastarDateFormat *self,
                                   YeastarPeriodKind  kind,
                                   GDateTime         *dt)
{
  int year;
  int month;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dt != NULL, NULL);

  year = g_date_time_get_year (dt);
  month = g_date_time_get_month (dt);

  switch (kind)
    {
    case YEASTAR_PERIOD_DAY:
      return format_date (self, year, month, g_date_time_get_day_of_month (dt));

    case YEASTAR_PERIOD_MONTH:
      if (self->order == YEASTAR_DATE_ORDER_YMD)
        return g_strdup_printf ("%04d%c%02d", year, self->separator, month);
      return g_strdup_printf ("%02d%c%04d", month, self->separator, year);

    case YEASTAR_PERIOD_YEAR:
      return g_strdup_printf ("%04d", year);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Exactly @n ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      char c = (*p)[i];

      if (!g_ascii_isdigit (c))
        return FALSE;
      value = value * 10 + (c - '0');
    }

  *p += n;
  *out = value;

  return TRUE;
}

static gboolean
read_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;

  (*p)++;

  return TRUE;
}

/* Strict: exactly this format, zero-padded fields, optional surrounding
 * blanks, every field range-checked. @tz is the time zone of the text; NULL
 * means UTC, which is what computing the PBX's UTC offset as
 * parse (system_time) - timestamp wants. */
GDateTime *
yeastar_date_format_parse_date_time (YeastarDateFormat  *self,
                                     const char         *text,
                                     GTimeZone          *tz,
                                     GError            **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  GDateTime *dt;
  const char *p;
  int fields[3];
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = text;
  while (*p == ' ')
    p++;

  for (guint i = 0; i < 3; i++)
    {
      gboolean year_field;

      year_field = (self->order == YEASTAR_DATE_ORDER_YMD) ? (i == 0) : (i == 2);

      if (i > 0 && !read_char (&p, self->separator))
        goto malformed;
      if (!read_digits (&p, year_field ? 4 : 2, &fields[i]))
        goto malformed;
    }

  switch (self->order)
    {
    case YEASTAR_DATE_ORDER_YMD:
      year = fields[0];
      month = fields[1];
      day = fields[2];
      break;
    case YEASTAR_DATE_ORDER_MDY:
      month = fields[0];
      day = fields[1];
      year = fields[2];
      break;
    case YEASTAR_DATE_ORDER_DMY:
      day = fields[0];
      month = fields[1];
      year = fields[2];
      break;
    default:
      g_assert_not_reached ();
    }

  if (self->has_time)
    {
      if (!read_char (&p, ' ') ||
          !read_digits (&p, 2, &hour) ||
          !read_char (&p, ':') ||
          !read_digits (&p, 2, &minute) ||
          !read_char (&p, ':') ||
          !read_digits (&p, 2, &second))
        goto malformed;

      if (self->twelve_hour)
        {
          gboolean pm;

          if (!read_char (&p, ' '))
            goto malformed;

          if (g_ascii_strncasecmp (p, "AM", 2) == 0)
            pm = FALSE;
          else if (g_ascii_strncasecmp (p, "PM", 2) == 0)
            pm = TRUE;
          else
            goto malformed;
          p += 2;

          if (hour < 1 || hour > 12)
            goto malformed;
          hour = (hour % 12) + (pm ? 12 : 0);
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    goto malformed;

  if (year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      hour > 23 || minute > 59 || second > 59)
    goto malformed;

  if (tz == NULL)
    tz = utc = g_time_zone_new_utc ();

  dt = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (dt == NULL)
    goto malformed;

  return dt;

malformed:
  {
    g_autofree char *quoted = quote_input (text);
    g_autofree char *expected = yeastar_date_format_to_string (self);

    g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                 _("“%s” is not a valid date and time in the PBX format %s"),
                 quoted, expected);
    return NULL;
  }
}
