/* bench-report-parse.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-report-parse FILE [COLUMN]: reads a report file completely with
 * YeastarReportFile (as `call-reports show` and the viewer do) and
 * prints, for build-aux/bench.sh:
 *
 *   parse-us N        the whole read, from opening the file
 *   parse-cpu-us N    the CPU time it took (on a shared machine)
 *   rows N TOTALS     data and total rows
 *   sort-us N KIND    with COLUMN: yeastar_report_table_sort() by it
 *   sort-cpu-us N     and its CPU time
 *
 * Peak memory is measured around it by GNU time.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "yeastar-report-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(YeastarReportFile) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 parsed;
  clock_t cpu;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: bench-report-parse FILE [COLUMN]\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  cpu = clock ();
  report = yeastar_report_file_open (file, NULL, &error);
  if (report == NULL || !yeastar_report_file_load (report, NULL, &error))
    {
      g_printerr ("bench-report-parse: %s\n", error->message);
      return 1;
    }
  parsed = g_get_monotonic_time ();
  cpu = clock () - cpu;

  g_print ("parse-us %" G_GINT64_FORMAT "\n", parsed - start);
  g_print ("parse-cpu-us %.0f\n", (double) cpu * 1e6 / CLOCKS_PER_SEC);
  g_print ("rows %u %u\n", yeastar_report_table_get_n_rows (yeastar_report_file_get_rows (report)),
           yeastar_report_table_get_n_rows (yeastar_report_file_get_totals (report)));

  if (argc == 3)
    {
      guint column = (guint) atoi (argv[2]);
      g_autofree guint *order = NULL;

      g_assert (column < yeastar_report_file_get_n_columns (report));
      start = g_get_monotonic_time ();
      cpu = clock ();
      order = yeastar_report_table_sort (yeastar_report_file_get_rows (report), column,
                                         yeastar_report_file_get_column_kind (report, column),
                                         yeastar_report_file_get_column_date_order (report, column),
                                         TRUE);
      g_print ("sort-us %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time () - start,
               yeastar_cell_kind_to_string (yeastar_report_file_get_column_kind (report, column)));
      g_print ("sort-cpu-us %.0f\n", (double) (clock () - cpu) * 1e6 / CLOCKS_PER_SEC);
    }

  return 0;
}
