/* yeastar-report-table.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "yeastar-report-table.h"

/*
 * A row is its record's bytes as the lexer made them (NUL-terminated
 * cells, one after the other) copied into an 8 MiB block, a pointer to
 * them and its number of cells: 10 bytes a row besides the text, which is
 * no longer than the file's (a NUL for each separator, no quotes). Blocks
 * are never moved or grown, so a million rows never cost a realloc copy.
 *
 * A cell is found by skipping the NULs before it (strlen, which is fast
 * on short cells): get_row() does a whole row in one pass, for readers
 * that want every cell.
 */

#define BLOCK_SIZE (8 * 1024 * 1024)
#define HUGE_PAGE  (2 * 1024 * 1024)

struct _YeastarReportTable
{
  GPtrArray   *blocks;
  gsize        block_used;
  gsize        block_size;

  const char **row_data;   /* n_rows */
  guint16     *row_cells;  /* n_rows */
  guint        n_rows;
  guint        rows_cap;
};

G_STATIC_ASSERT (YEASTAR_CSV_MAX_CELLS <= G_MAXUINT16);

/* A full block on 2 MiB boundaries, with transparent huge pages where the
 * kernel offers them on request: filling 150 MB then costs 75 page faults
 * rather than 37,500. */
static void *
block_new (gsize size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  void *block = NULL;

  if (size == BLOCK_SIZE && posix_memalign (&block, HUGE_PAGE, size) == 0)
    {
      madvise (block, size, MADV_HUGEPAGE);
      return block;
    }
#endif

  return g_malloc (size);
}

static void
block_free (gpointer block)
{
  /* posix_memalign() memory is free()d; g_malloc() is malloc() too. */
  free (block);
}

YeastarReportTable *
yeastar_report_table_new (void)
{
  YeastarReportTable *self = g_new0 (YeastarReportTable, 1);

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->rows_cap = 64;
  self->row_data = g_new (const char *, self->rows_cap);
  self->row_cells = g_new (guint16, self->rows_cap);

  return self;
}

void
yeastar_report_table_free (YeastarReportTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->blocks);
  g_free (self->row_data);
  g_free (self->row_cells);
  g_free (self);
}

/**
 * yeastar_report_table_append:
 * @record: a record of the lexer
 *
 * Returns: %FALSE when the table is full (2³² − 2 rows)
 */
gboolean
yeastar_report_table_append (YeastarReportTable     *self,
                             const YeastarCsvRecord *record)
{
  gsize length = record->n_cells > 0 ? record->starts[record->n_cells] : 0;
  char *data;

  g_return_val_if_fail (record->n_cells <= YEASTAR_CSV_MAX_CELLS, FALSE);

  if (self->n_rows >= G_MAXUINT32 - 1)
    return FALSE;

  if (self->blocks->len == 0 || self->block_used + length > self->block_size)
    {
      /* Small tables (totals) start small. */
      gsize size = self->blocks->len == 0 ? 4096 : BLOCK_SIZE;

      size = MAX (size, length);
      g_ptr_array_add (self->blocks, block_new (size));
      self->block_size = size;
      self->block_used = 0;
    }

  data = (char *) g_ptr_array_index (self->blocks, self->blocks->len - 1) + self->block_used;
  memcpy (data, record->data, length);
  self->block_used += length;

  if (self->n_rows == self->rows_cap)
    {
      self->rows_cap = self->rows_cap < G_MAXUINT32 / 2 ? self->rows_cap * 2 : G_MAXUINT32;
      self->row_data = g_renew (const char *, self->row_data, self->rows_cap);
      self->row_cells = g_renew (guint16, self->row_cells, self->rows_cap);
    }

  self->row_data[self->n_rows] = data;
  self->row_cells[self->n_rows] = (guint16) record->n_cells;
  self->n_rows++;

  return TRUE;
}

guint
yeastar_report_table_get_n_rows (const YeastarReportTable *self)
{
  return self->n_rows;
}

guint
yeastar_report_table_get_n_cells (const YeastarReportTable *self,
                                  guint                     row)
{
  g_return_val_if_fail (row < self->n_rows, 0);

  return self->row_cells[row];
}

/**
 * yeastar_report_table_get_cell:
 *
 * Returns: the cell's text, "" for a cell the row does not have
 */
const char *
yeastar_report_table_get_cell (const YeastarReportTable *self,
                               guint                     row,
                               guint                     column)
{
  const char *p;

  g_return_val_if_fail (row < self->n_rows, "");

  if (column >= self->row_cells[row])
    return "";

  p = self->row_data[row];
  for (guint i = 0; i < column; i++)
    p += strlen (p) + 1;
  return p;
}

/**
 * yeastar_report_table_get_row:
 * @cells: (out caller-allocates) (array length=n_columns): the cells
 * @n_columns: how many to fill; "" beyond the row's cells
 *
 * Returns: the row's number of cells
 */
guint
yeastar_report_table_get_row (const YeastarReportTable  *self,
                              guint                      row,
                              const char               **cells,
                              guint                      n_columns)
{
  const char *p;
  guint n;

  g_return_val_if_fail (row < self->n_rows, 0);

  p = self->row_data[row];
  n = self->row_cells[row];
  for (guint i = 0; i < n_columns; i++)
    {
      if (i < n)
        {
          cells[i] = p;
          p += strlen (p) + 1;
        }
      else
        {
          cells[i] = "";
        }
    }

  return n;
}

/* Bytes held, for the statistics of a benchmark. */
gsize
yeastar_report_table_get_size (const YeastarReportTable *self)
{
  gsize size = self->rows_cap * (sizeof (char *) + sizeof (guint16));

  for (guint i = 0; i < self->blocks->len; i++)
    size += i + 1 < self->blocks->len ? BLOCK_SIZE : self->block_size;
  return size;
}

typedef struct
{
  const YeastarReportTable *table;
  guint                     column;
  double                   *numbers;
  char                    **texts;
  gboolean                  descending;
} SortData;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortData *data = user_data;
  guint ra = *(const guint *) a;
  guint rb = *(const guint *) b;
  int result;

  if (data->numbers != NULL)
    {
      double x = data->numbers[ra];
      double y = data->numbers[rb];

      /* Empty cells last, whatever the direction. */
      if (isnan (x) || isnan (y))
        return isnan (x) - isnan (y);
      result = (x > y) - (x < y);
    }
  else if (data->texts != NULL)
    {
      const char *x = data->texts[ra];
      const char *y = data->texts[rb];

      if (x == NULL || y == NULL)
        return (x == NULL) - (y == NULL);
      result = strcmp (x, y);
    }
  else
    {
      const char *x = yeastar_report_table_get_cell (data->table, ra, data->column);
      const char *y = yeastar_report_table_get_cell (data->table, rb, data->column);

      if (*x == '\0' || *y == '\0')
        return (*x == '\0') - (*y == '\0');
      result = strcmp (x, y);
    }

  return data->descending ? -result : result;
}

/**
 * yeastar_report_table_sort:
 * @column: the column to sort by
 * @kind: its kind: numbers, durations and percentages sort by value,
 *   date-times by time, text by its bytes (UTF-8 code point order)
 * @order: the column's date order, for date-times
 * @descending: largest first
 *
 * A stable sort; empty and unreadable cells come last either way.
 *
 * Returns: (transfer full): the row indices in sorted order, n_rows of them
 */
guint *
yeastar_report_table_sort (const YeastarReportTable *self,
                           guint                     column,
                           YeastarCellKind           kind,
                           YeastarDateOrder          order,
                           gboolean                  descending)
{
  SortData data = { self, column, NULL, NULL, descending };
  guint *indices = g_new (guint, MAX (self->n_rows, 1));

  for (guint i = 0; i < self->n_rows; i++)
    indices[i] = i;

  switch (kind)
    {
    case YEASTAR_CELL_KIND_INTEGER:
    case YEASTAR_CELL_KIND_DECIMAL:
    case YEASTAR_CELL_KIND_PERCENTAGE:
    case YEASTAR_CELL_KIND_DURATION:
      data.numbers = g_new (double, MAX (self->n_rows, 1));
      for (guint i = 0; i < self->n_rows; i++)
        if (!yeastar_cell_parse_number (yeastar_report_table_get_cell (self, i, column), kind, &data.numbers[i]))
          data.numbers[i] = NAN;
      break;

    case YEASTAR_CELL_KIND_DATE_TIME:
      data.texts = g_new (char *, MAX (self->n_rows, 1));
      for (guint i = 0; i < self->n_rows; i++)
        data.texts[i] = yeastar_cell_dup_iso8601 (yeastar_report_table_get_cell (self, i, column), order);
      break;

    case YEASTAR_CELL_KIND_TEXT:
    default:
      break;
    }

  g_qsort_with_data (indices, (gint) self->n_rows, sizeof (guint), compare_rows, &data);

  g_free (data.numbers);
  if (data.texts != NULL)
    for (guint i = 0; i < self->n_rows; i++)
      g_free (data.texts[i]);
  g_free (data.texts);

  return indices;
}
