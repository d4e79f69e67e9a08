/* fuzz-date-format.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* YeastarDateFormat on arbitrary text. The input is up to four lines:
 * system_date_format, system_time_format, system_time and a date to parse;
 * the whole input is also tried as the v2.0 validator's Go-layout hint
 * ("valid format: 02/01/2006 03:04:05 PM").
 *
 * Invariants checked: a format's Go layout gives the same format back, and
 * what a format writes it reads back as the same time.
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-date-format.h"

static void
check_format (YeastarDateFormat *format,
              const char        *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new (utc, 2026, 2, 28, 13, 5, 9);
  g_autofree char *layout = yeastar_date_format_to_go_layout (format);
  g_autofree char *description = yeastar_date_format_to_string (format);
  g_autofree char *written = yeastar_date_format_format_date_time (format, dt);
  g_autoptr(YeastarDateFormat) again = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (layout != NULL && description != NULL && written != NULL);

  again = yeastar_date_format_new_from_go_layout (layout, &error);
  g_assert_no_error (error);
  g_assert (yeastar_date_format_equal (format, again));

  if (yeastar_date_format_has_time (format))
    {
      parsed = yeastar_date_format_parse_date_time (format, written, utc, &error);
      g_assert_no_error (error);
      g_assert (g_date_time_equal (parsed, dt));
      g_clear_pointer (&parsed, g_date_time_unref);
    }

  for (YeastarPeriodKind kind = YEASTAR_PERIOD_DAY; kind <= YEASTAR_PERIOD_YEAR; kind++)
    {
      g_autofree char *period = yeastar_date_format_format_period (format, kind, dt);

      g_assert (period != NULL);
    }

  if (text != NULL)
    {
      parsed = yeastar_date_format_parse_date_time (format, text, NULL, NULL);
      if (parsed != NULL)
        {
          g_autofree char *rewritten = yeastar_date_format_format_date_time (format, parsed);

          g_assert (rewritten != NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(YeastarDateFormat) format = NULL;
  g_autoptr(YeastarDateFormat) hinted = NULL;
  guint n;

  fuzz_init ();
  text = fuzz_dup_string (data, size);
  lines = g_strsplit (text, "\n", 4);
  n = g_strv_length (lines);

  if (n >= 2)
    {
      format = yeastar_date_format_new (lines[0], lines[1], n >= 3 ? lines[2] : NULL, NULL);
      if (format != NULL)
        check_format (format, n >= 4 ? lines[3] : NULL);
    }

  hinted = yeastar_date_format_new_from_go_layout (text, NULL);
  if (hinted != NULL)
    check_format (hinted, NULL);

  return 0;
}
