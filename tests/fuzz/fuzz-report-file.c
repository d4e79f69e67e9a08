/* fuzz-report-file.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* YeastarReportFile on any bytes a file could hold. Whatever comes in, it
 * either fails with a GError or gives: a header, valid UTF-8 without NULs
 * in every preamble line, column name and cell, rows of at most the
 * column count, and kinds whose values parse (numbers, durations,
 * date-times); sorting by any column gives a permutation. The pull API
 * reads the same rows.
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-report-file.h"

static void
check_text (const char *text)
{
  g_assert (text != NULL);
  g_assert (g_utf8_validate (text, -1, NULL));
}

static void
check_table (YeastarReportFile  *file,
             YeastarReportTable *table)
{
  guint n_columns = yeastar_report_file_get_n_columns (file);
  guint n_rows = yeastar_report_table_get_n_rows (table);
  g_autofree const char **cells = g_new (const char *, n_columns + 1);

  for (guint r = 0; r < n_rows; r++)
    {
      g_assert (yeastar_report_table_get_n_cells (table, r) <= n_columns);
      g_assert (yeastar_report_table_get_row (table, r, cells, n_columns + 1) <= n_columns);
      g_assert (*cells[n_columns] == '\0');
      g_assert (strcmp (cells[0], yeastar_report_table_get_cell (table, r, 0)) == 0);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = cells[c];
          g_autofree char *number = NULL;
          g_autofree char *name = NULL;

          check_text (text);
          if (yeastar_cell_split_agent_label (text, &number, &name))
            {
              g_assert (*number != '\0');
              check_text (name);
            }
        }
    }
}

/* Every non-empty data cell of a typed column is a value of its kind. */
static void
check_kinds (YeastarReportFile *file)
{
  YeastarReportTable *rows = yeastar_report_file_get_rows (file);

  for (guint c = 0; c < yeastar_report_file_get_n_columns (file); c++)
    {
      YeastarCellKind kind = yeastar_report_file_get_column_kind (file, c);
      YeastarDateOrder order = yeastar_report_file_get_column_date_order (file, c);

      g_assert (strcmp (yeastar_cell_kind_to_string (kind), "") != 0);
      for (guint r = 0; r < yeastar_report_table_get_n_rows (rows); r++)
        {
          const char *text = yeastar_report_table_get_cell (rows, r, c);
          const char *p = text;
          double value;

          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '\0')
            continue;

          switch (kind)
            {
            case YEASTAR_CELL_KIND_INTEGER:
            case YEASTAR_CELL_KIND_DECIMAL:
            case YEASTAR_CELL_KIND_PERCENTAGE:
            case YEASTAR_CELL_KIND_DURATION:
              g_assert (yeastar_cell_parse_number (text, kind, &value));
              break;

            case YEASTAR_CELL_KIND_DATE_TIME:
              {
                /* Valid fields, though not always a real day (31/02). */
                g_autofree char *iso = yeastar_cell_dup_iso8601 (text, order);

                if (iso != NULL)
                  check_text (iso);
              }
              break;

            case YEASTAR_CELL_KIND_TEXT:
            default:
              break;
            }
        }

      if (yeastar_report_table_get_n_rows (rows) <= 4096)
        {
          guint n = yeastar_report_table_get_n_rows (rows);
          g_autofree guint *order_of_rows = yeastar_report_table_sort (rows, c, kind, order, c % 2 == 1);
          g_autofree gboolean *seen = g_new0 (gboolean, n + 1);

          for (guint i = 0; i < n; i++)
            {
              g_assert (order_of_rows[i] < n);
              g_assert (!seen[order_of_rows[i]]);
              seen[order_of_rows[i]] = TRUE;
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) again = NULL;
  g_autoptr(YeastarReportFile) file = NULL;
  g_autoptr(YeastarReportFile) pulled = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pull_error = NULL;
  const char * const *preamble;
  YeastarReportRow row;
  guint n_rows = 0;
  guint n_totals = 0;

  fuzz_init ();
  bytes = g_bytes_new (data, size);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  file = yeastar_report_file_new (stream);

  if (!yeastar_report_file_load (file, NULL, &error))
    {
      g_assert (error != NULL);
      g_assert (error->domain == YEASTAR_REPORT_FILE_ERROR);
      check_text (error->message);
    }
  else
    {
      g_assert (yeastar_report_file_get_n_columns (file) >= 2);
    }

  preamble = yeastar_report_file_get_preamble (file);
  for (guint i = 0; preamble[i] != NULL; i++)
    check_text (preamble[i]);
  for (guint c = 0; c < yeastar_report_file_get_n_columns (file); c++)
    check_text (yeastar_report_file_get_column_name (file, c));

  check_table (file, yeastar_report_file_get_rows (file));
  check_table (file, yeastar_report_file_get_totals (file));
  if (error == NULL)
    check_kinds (file);

  /* The pull API reads the same rows. */
  again = g_memory_input_stream_new_from_bytes (bytes);
  pulled = yeastar_report_file_new (again);
  while (yeastar_report_file_next_row (pulled, &row, NULL, &pull_error))
    {
      if (row.is_total)
        n_totals++;
      else
        n_rows++;
    }
  g_assert ((pull_error == NULL) == (error == NULL));
  if (error == NULL)
    {
      g_assert (n_rows == yeastar_report_table_get_n_rows (yeastar_report_file_get_rows (file)));
      g_assert (n_totals == yeastar_report_table_get_n_rows (yeastar_report_file_get_totals (file)));
    }

  /* The cell matcher on the raw input. */
  yeastar_cell_match ((const char *) data, size, TRUE);

  return 0;
}
