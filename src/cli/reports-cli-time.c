/* reports-cli-time.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-cli-time.h"

/*
 * The command line takes dates and times in ISO 8601, as PBX wall-clock
 * time, and the PBX wants them in its own display format. This file only
 * reads ISO 8601; yeastar-date-format.c writes the PBX's format.
 *
 * Accepted, with surrounding blanks ignored:
 *   2022-04-01              a day (its first or last second, by role)
 *   2022-04-01 08:30        minutes, with a space, "T" or "t" between
 *   2022-04-01T08:30:15     seconds
 * and for periods: 2022, 2022-04, 2022-04-01.
 *
 * The text is untrusted (it will be fuzzed): it is read byte by byte with
 * explicit bounds, never with sscanf or strtol, and only a sanitised,
 * bounded copy of it is quoted back in an error message.
 */

/* Longest piece of input quoted back in an error message, in characters. */
#define MAX_QUOTED 40

typedef struct
{
  const char *p;
  const char *end;
} Scanner;

/* A copy of @text fit to quote in a message: valid UTF-8, control
 * characters replaced, at most MAX_QUOTED characters. */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;
  guint count = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (count == MAX_QUOTED)
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);

      count++;
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static void
scanner_init (Scanner    *scanner,
              const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  scanner->p = start;
  scanner->end = end;
}

static gboolean
scanner_done (const Scanner *scanner)
{
  return scanner->p == scanner->end;
}

/* Reads exactly @n_digits ASCII digits. */
static gboolean
scanner_number (Scanner *scanner,
                guint    n_digits,
                int     *value)
{
  int result = 0;

  if ((gsize) (scanner->end - scanner->p) < n_digits)
    return FALSE;

  for (guint i = 0; i < n_digits; i++)
    {
      char c = scanner->p[i];

      if (!g_ascii_isdigit (c))
        return FALSE;
      result = result * 10 + (c - '0');
    }

  scanner->p += n_digits;
  *value = result;

  return TRUE;
}

static gboolean
scanner_char (Scanner    *scanner,
              const char *accepted)
{
  if (scanner->p == scanner->end || strchr (accepted, *scanner->p) == NULL ||
      *scanner->p == '\0')
    return FALSE;

  scanner->p++;

  return TRUE;
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

GDateTime *
reports_cli_time_parse_date_time (const char          *text,
                                  ReportsCliTimeRole   role,
                                  GError             **error)
{
  Scanner scanner;
  int year, month, day;
  int hour = 0, minute = 0, second = 0;
  gboolean has_time = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  scanner_init (&scanner, text);

  ok = scanner_number (&scanner, 4, &year) &&
       scanner_char (&scanner, "-") &&
       scanner_number (&scanner, 2, &month) &&
       scanner_char (&scanner, "-") &&
       scanner_number (&scanner, 2, &day);

  if (ok && !scanner_done (&scanner))
    {
      has_time = TRUE;
      ok = scanner_char (&scanner, " Tt") &&
           scanner_number (&scanner, 2, &hour) &&
           scanner_char (&scanner, ":") &&
           scanner_number (&scanner, 2, &minute);

      if (ok && !scanner_done (&scanner))
        ok = scanner_char (&scanner, ":") &&
             scanner_number (&scanner, 2, &second);
    }

  if (!ok || !scanner_done (&scanner))
    {
      g_autofree char *quoted = quote_input (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date and time in ISO 8601 form: write "
                     "YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM or a date YYYY-MM-DD alone"),
                   quoted);
      return NULL;
    }

  if (!valid_date (year, month, day))
    {
      g_autofree char *quoted = quote_input (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a day of the calendar"), quoted);
      return NULL;
    }

  if (hour > 23 || minute > 59 || second > 59)
    {
      g_autofree char *quoted = quote_input (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a time of day (00:00:00 to 23:59:59)"), quoted);
      return NULL;
    }

  if (!has_time && role == REPORTS_CLI_TIME_END)
    {
      hour = 23;
      minute = 59;
      second = 59;
    }

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

GDateTime *
reports_cli_time_parse_period (const char         *text,
                               YeastarPeriodKind  *kind,
                               GError            **error)
{
  Scanner scanner;
  YeastarPeriodKind found = YEASTAR_PERIOD_YEAR;
  int year, month = 1, day = 1;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  scanner_init (&scanner, text);

  ok = scanner_number (&scanner, 4, &year);

  if (ok && !scanner_done (&scanner))
    {
      found = YEASTAR_PERIOD_MONTH;
      ok = scanner_char (&scanner, "-") && scanner_number (&scanner, 2, &month);

      if (ok && !scanner_done (&scanner))
        {
          found = YEASTAR_PERIOD_DAY;
          ok = scanner_char (&scanner, "-") && scanner_number (&scanner, 2, &day);
        }
    }

  if (!ok || !scanner_done (&scanner))
    {
      g_autofree char *quoted = quote_input (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a period: write a year YYYY, a month YYYY-MM or a day YYYY-MM-DD"),
                   quoted);
      return NULL;
    }

  if (!valid_date (year, month, day))
    {
      g_autofree char *quoted = quote_input (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not in the calendar"), quoted);
      return NULL;
    }

  *kind = found;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}
