/* fuzz-cli-time.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line's ISO 8601 parsers (--start-time, --end-time, --time)
 * and the --range names (yeastar-date-range.c), on any bytes. What parses is a valid time whose
 * ISO form parses back to the same time.
 */

#include "config.h"

#include "fuzz-common.h"
#include "reports-cli-time.h"
#include "yeastar-date-range.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  YeastarDateRange range;
  YeastarPeriodKind kind;

  fuzz_init ();
  text = fuzz_dup_string (data, size);

  for (ReportsCliTimeRole role = REPORTS_CLI_TIME_START; role <= REPORTS_CLI_TIME_END; role++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = reports_cli_time_parse_date_time (text, role, &error);

      if (dt == NULL)
        {
          g_assert (error != NULL);
          continue;
        }

      {
        g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d",
                                                g_date_time_get_year (dt), g_date_time_get_month (dt),
                                                g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                                                g_date_time_get_minute (dt), g_date_time_get_second (dt));
        g_autoptr(GDateTime) again = NULL;

        g_assert (iso != NULL);
        again = reports_cli_time_parse_date_time (iso, role, NULL);
        g_assert (again != NULL && g_date_time_equal (again, dt));
      }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) period = reports_cli_time_parse_period (text, &kind, &error);

    g_assert ((period != NULL) == (error == NULL));
  }

  if (yeastar_date_range_from_name (text, &range))
    {
      g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 15, 10, 0, 0);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;

      yeastar_date_range_get_bounds (range, now, &start, &end);
      g_assert (start != NULL && end != NULL);
      g_assert (g_date_time_compare (start, end) < 0);
    }

  return 0;
}
