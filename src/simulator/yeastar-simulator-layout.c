/* yeastar-simulator-layout.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-simulator-layout.h"

/* The Go layout elements the PBX uses: 2006 (year), 01 (month), 02 (day),
 * 15 (24-hour hour), 03 (12-hour hour), 04 (minute), 05 (second) and PM
 * (meridiem). Everything else is literal. */
typedef enum
{
  ELEMENT_LITERAL,
  ELEMENT_YEAR,
  ELEMENT_MONTH,
  ELEMENT_DAY,
  ELEMENT_HOUR24,
  ELEMENT_HOUR12,
  ELEMENT_MINUTE,
  ELEMENT_SECOND,
  ELEMENT_MERIDIEM,
} Element;

static const struct
{
  const char *text;
  Element     element;
} elements[] = {
  { "2006", ELEMENT_YEAR },
  { "01", ELEMENT_MONTH },
  { "02", ELEMENT_DAY },
  { "15", ELEMENT_HOUR24 },
  { "03", ELEMENT_HOUR12 },
  { "04", ELEMENT_MINUTE },
  { "05", ELEMENT_SECOND },
  { "PM", ELEMENT_MERIDIEM },
};

static Element
next_element (const char **layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      gsize len = strlen (elements[i].text);

      if (strncmp (*layout, elements[i].text, len) == 0)
        {
          *layout += len;
          return elements[i].element;
        }
    }

  return ELEMENT_LITERAL;
}

/* A lone "a" or "A" at @p: the AM/PM marker of Java-style patterns
 * ("hh:mm:ss a"), which a PBX may report as its time format. */
static gboolean
is_lone_a (const char *format,
           const char *p)
{
  return (*p == 'a' || *p == 'A') &&
         (p == format || !g_ascii_isalpha (p[-1])) &&
         !g_ascii_isalpha (p[1]);
}

static gboolean
uses_meridiem (const char *time_format)
{
  g_autofree char *upper = g_ascii_strup (time_format, -1);

  /* "hh" alone does not mean 12-hour: the vendor's own example pairs
   * "hh:mm:ss" with "16:44:40". Only an AM/PM marker does. */
  if (strstr (upper, "AM") != NULL || strstr (upper, "PM") != NULL)
    return TRUE;

  for (const char *p = time_format; *p != '\0'; p++)
    if (is_lone_a (time_format, p))
      return TRUE;

  return FALSE;
}

/* PBX display-format tokens and their Go layout elements. "hh" is the
 * only one that depends on the meridiem flag. */
static const struct
{
  const char *token;
  const char *element;
} tokens[] = {
  { "YYYY", "2006" },
  { "MM", "01" },
  { "DD", "02" },
  { "HH", "15" },
  { "mm", "04" },
  { "ss", "05" },
  { "AM", "PM" },
  { "PM", "PM" },
  { "am", "PM" },
  { "pm", "PM" },
};

static void
append_converted (GString    *layout,
                  const char *format,
                  gboolean    twelve_hour)
{
  const char *p = format;

  while (*p != '\0')
    {
      gboolean matched = FALSE;

      if (g_str_has_prefix (p, "hh"))
        {
          g_string_append (layout, twelve_hour ? "03" : "15");
          p += 2;
          continue;
        }

      if (is_lone_a (format, p))
        {
          g_string_append (layout, "PM");
          p++;
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (tokens) && !matched; i++)
        {
          gsize len = strlen (tokens[i].token);

          if (strncmp (p, tokens[i].token, len) == 0)
            {
              g_string_append (layout, tokens[i].element);
              p += len;
              matched = TRUE;
            }
        }

      if (!matched)
        g_string_append_c (layout, *p++);
    }
}

char *
_yeastar_simulator_layout_for_date (const char *date_format)
{
  GString *layout = g_string_new (NULL);

  g_assert (date_format != NULL);

  append_converted (layout, date_format, FALSE);
  return g_string_free (layout, FALSE);
}

/* The month of a period report: the date layout without its day and one
 * separator next to it ("02/01/2006" -> "01/2006", "2006-01-02" -> "2006-01"). */
char *
_yeastar_simulator_layout_for_month (const char *date_format)
{
  g_autofree char *date = _yeastar_simulator_layout_for_date (date_format);
  GString *layout = g_string_new (NULL);
  const char *p = date;
  char separator = '/';
  gboolean have_separator = FALSE;
  gboolean first = TRUE;

  while (*p != '\0')
    {
      const char *start = p;
      Element element = next_element (&p);

      if (element == ELEMENT_LITERAL)
        {
          if (!have_separator)
            separator = *p, have_separator = TRUE;
          p++;
          continue;
        }

      if (element == ELEMENT_DAY)
        continue;

      if (!first)
        g_string_append_c (layout, separator);
      g_string_append_len (layout, start, p - start);
      first = FALSE;
    }

  return g_string_free (layout, FALSE);
}

char *
_yeastar_simulator_layout_for_time (const char *time_format)
{
  GString *layout = g_string_new (NULL);

  g_assert (time_format != NULL);

  append_converted (layout, time_format, uses_meridiem (time_format));
  return g_string_free (layout, FALSE);
}

char *
_yeastar_simulator_layout_for_range (const char *date_format,
                                     const char *time_format)
{
  g_autofree char *date = _yeastar_simulator_layout_for_date (date_format);
  g_autofree char *time = _yeastar_simulator_layout_for_time (time_format);

  return g_strdup_printf ("%s %s", date, time);
}

char *
_yeastar_simulator_layout_format (const char *layout,
                                  GDateTime  *date_time)
{
  GString *text = g_string_new (NULL);
  const char *p = layout;

  g_assert (layout != NULL);
  g_assert (date_time != NULL);

  while (*p != '\0')
    {
      int hour = g_date_time_get_hour (date_time);

      switch (next_element (&p))
        {
        case ELEMENT_YEAR:
          g_string_append_printf (text, "%04d", g_date_time_get_year (date_time));
          break;
        case ELEMENT_MONTH:
          g_string_append_printf (text, "%02d", g_date_time_get_month (date_time));
          break;
        case ELEMENT_DAY:
          g_string_append_printf (text, "%02d", g_date_time_get_day_of_month (date_time));
          break;
        case ELEMENT_HOUR24:
          g_string_append_printf (text, "%02d", hour);
          break;
        case ELEMENT_HOUR12:
          g_string_append_printf (text, "%02d", hour % 12 == 0 ? 12 : hour % 12);
          break;
        case ELEMENT_MINUTE:
          g_string_append_printf (text, "%02d", g_date_time_get_minute (date_time));
          break;
        case ELEMENT_SECOND:
          g_string_append_printf (text, "%02d", g_date_time_get_second (date_time));
          break;
        case ELEMENT_MERIDIEM:
          /* Always literal AM/PM, whatever the locale. */
          g_string_append (text, hour < 12 ? "AM" : "PM");
          break;
        case ELEMENT_LITERAL:
        default:
          g_string_append_c (text, *p++);
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_number (const char **text,
              guint        min_digits,
              guint        max_digits,
              int          min,
              int          max,
              int         *value)
{
  guint n = 0;
  int result = 0;

  while (n < max_digits && g_ascii_isdigit ((*text)[n]))
    {
      result = result * 10 + ((*text)[n] - '0');
      n++;
    }

  if (n < min_digits || result < min || result > max)
    return FALSE;

  *text += n;
  *value = result;
  return TRUE;
}

/* Strict: every element must be there with its exact width (Go also
 * accepts a one-digit "15" hour, and so do we), literals must match, and
 * nothing may follow. Unlike Go we refuse hour 00 in 12-hour layouts: a
 * client that sends it formatted with %H where %I was due. */
GDateTime *
_yeastar_simulator_layout_parse (const char *layout,
                                 const char *text,
                                 GTimeZone  *tz)
{
  const char *p = layout;
  const char *t = text;
  int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int meridiem = -1;

  g_assert (layout != NULL);
  g_assert (tz != NULL);

  if (text == NULL)
    return NULL;

  while (*p != '\0')
    {
      const char *literal = p;
      gboolean ok = TRUE;

      switch (next_element (&p))
        {
        case ELEMENT_YEAR:
          ok = parse_number (&t, 4, 4, 1, 9999, &year);
          break;
        case ELEMENT_MONTH:
          ok = parse_number (&t, 2, 2, 1, 12, &month);
          break;
        case ELEMENT_DAY:
          ok = parse_number (&t, 2, 2, 1, 31, &day);
          break;
        case ELEMENT_HOUR24:
          ok = parse_number (&t, 1, 2, 0, 23, &hour);
          break;
        case ELEMENT_HOUR12:
          ok = parse_number (&t, 2, 2, 1, 12, &hour);
          break;
        case ELEMENT_MINUTE:
          ok = parse_number (&t, 2, 2, 0, 59, &minute);
          break;
        case ELEMENT_SECOND:
          ok = parse_number (&t, 2, 2, 0, 59, &second);
          break;
        case ELEMENT_MERIDIEM:
          if (strncmp (t, "AM", 2) == 0)
            meridiem = 0;
          else if (strncmp (t, "PM", 2) == 0)
            meridiem = 1;
          else
            ok = FALSE;
          t += ok ? 2 : 0;
          break;
        case ELEMENT_LITERAL:
        default:
          ok = (*t == *literal);
          t += ok ? 1 : 0;
          p = literal + 1;
          break;
        }

      if (!ok)
        return NULL;
    }

  if (*t != '\0')
    return NULL;

  if (meridiem == 0 && hour == 12)
    hour = 0;
  else if (meridiem == 1 && hour < 12)
    hour += 12;

  /* NULL for a day the month does not have (31/04). */
  return g_date_time_new (tz, year, month, day, hour, minute, second);
}
