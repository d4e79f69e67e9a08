/* yeastar-report-table.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

/**
 * yeastar_report_table_reserve:
 * @n_rows: how many rows the table is expected to hold
 *
 * Makes room for @n_rows rows' bookkeeping at once (never less than
 * there is). A table grown by doubling copies its bookkeeping at each
 * step, and a million rows' (10 MB) copied into fresh pages took tens of
 * ms of the main thread per step; room made ahead is only touched as
 * rows come.
 */
void
yeastar_report_table_reserve (YeastarReportTable *self,
                              guint               n_rows)
{
  g_return_if_fail (self != NULL);

  if (n_rows <= self->rows_cap)
    return;
  self->rows_cap = MIN (n_rows, G_MAXUINT32 - 1);
  self->row_data = g_renew (const char *, self->row_data, self->rows_cap);
  self->row_cells = g_renew (guint16, self->row_cells, self->rows_cap);
}

/* How many rows the table has room for without growing. */
guint
yeastar_report_table_get_capacity (const YeastarReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows_cap;
}

/**
 * yeastar_report_table_take_rows:
 * @other: (transfer full): a table filled by another thread
 *
 * Appends the rows of @other to @self and frees @other. Its blocks are
 * moved, not copied: a row costs 10 bytes of bookkeeping, its text stays
 * where it was. For a reader that fills small tables in a worker thread
 * and hands them to the thread that shows them.
 *
 * Returns: %FALSE (and @other is freed, its rows dropped) when @self
 *   would hold more than 2³² − 2 rows
 */
gboolean
yeastar_report_table_take_rows (YeastarReportTable *self,
                                YeastarReportTable *other)
{
  guint needed;

  g_return_val_if_fail (self != NULL && other != NULL && self != other, FALSE);

  if (other->n_rows > G_MAXUINT32 - 1 - self->n_rows)
    {
      yeastar_report_table_free (other);
      return FALSE;
    }

  needed = self->n_rows + other->n_rows;
  if (needed > self->rows_cap)
    {
      while (self->rows_cap < needed)
        self->rows_cap = self->rows_cap < G_MAXUINT32 / 2 ? self->rows_cap * 2 : G_MAXUINT32;
      self->row_data = g_renew (const char *, self->row_data, self->rows_cap);
      self->row_cells = g_renew (guint16, self->row_cells, self->rows_cap);
    }
  memcpy (self->row_data + self->n_rows, other->row_data, other->n_rows * sizeof (const char *));
  memcpy (self->row_cells + self->n_rows, other->row_cells, other->n_rows * sizeof (guint16));
  self->n_rows = needed;

  /* The blocks move over; the last one of @other is where @self goes on
   * appending, so that its free space is not lost. */
  if (other->blocks->len > 0)
    {
      gpointer last = NULL;

      if (self->blocks->len > 0)
        last = g_ptr_array_steal_index (self->blocks, self->blocks->len - 1);
      for (guint i = 0; i < other->blocks->len; i++)
        g_ptr_array_add (self->blocks, other->blocks->pdata[i]);
      if (last != NULL)
        g_ptr_array_insert (self->blocks, (int) (self->blocks->len - other->blocks->len), last);
      self->block_used = other->block_used;
      self->block_size = other->block_size;
      g_ptr_array_set_free_func (other->blocks, NULL);
    }

  yeastar_report_table_free (other);
  return TRUE;
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

/* A row's sort key and its index; for text the index breaks ties, so
 * that qsort() gives the order of a stable sort. Numbers go through a
 * radix sort, which is stable. */
typedef struct
{
  union
  {
    double      number;
    const char *text;
  };
  guint         index;
} Keyed;

static int
compare_texts (const void *a,
               const void *b)
{
  const Keyed *x = a;
  const Keyed *y = b;
  int result = strcmp (x->text, y->text);

  return result != 0 ? result : (x->index > y->index) - (x->index < y->index);
}

static int
compare_texts_descending (const void *a,
                          const void *b)
{
  const Keyed *x = a;
  const Keyed *y = b;
  int result = strcmp (y->text, x->text);

  return result != 0 ? result : (x->index > y->index) - (x->index < y->index);
}

/* A double's bits as an unsigned integer of the same order. */
static inline guint64
order_bits (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (bits & G_GUINT64_CONSTANT (0x8000000000000000)) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

typedef struct
{
  guint64 key;
  guint   index;
} Radix;

/* A least-significant-digit radix sort of @n keys, a byte a pass: stable,
 * linear, and passes where every key has the same byte are skipped (the
 * high bytes of durations and counts). */
static void
radix_sort (Radix *items,
            gsize  n)
{
  g_autofree Radix *other = g_new (Radix, MAX (n, 1));
  Radix *from = items;
  Radix *to = other;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize counts[256] = { 0 };
      gsize offset = 0;
      gboolean skip = FALSE;

      for (gsize i = 0; i < n; i++)
        counts[(from[i].key >> shift) & 0xFF]++;
      for (guint b = 0; b < 256; b++)
        {
          gsize count = counts[b];

          if (count == n)
            skip = TRUE;
          counts[b] = offset;
          offset += count;
        }
      if (skip)
        continue;

      for (gsize i = 0; i < n; i++)
        to[counts[(from[i].key >> shift) & 0xFF]++] = from[i];

      {
        Radix *t = from;

        from = to;
        to = t;
      }
    }

  if (from != items)
    memcpy (items, from, n * sizeof (Radix));
}

/* "2024-03-01T10:00:00" as 20240301100000, exact in a double. */
static gboolean
date_time_key (const char       *text,
               YeastarDateOrder  order,
               double           *key)
{
  g_autofree char *iso = yeastar_cell_dup_iso8601 (text, order);
  gint64 value = 0;
  guint digits = 0;

  if (iso == NULL)
    return FALSE;
  for (const char *p = iso; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        value = value * 10 + (*p - '0');
        digits++;
      }
  /* A date alone sorts as its midnight. */
  for (; digits < 14; digits++)
    value *= 10;
  *key = (double) value;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  while (*text == ' ' || *text == '\t')
    text++;
  return *text == '\0';
}

/**
 * yeastar_report_table_sort:
 * @column: the column to sort by
 * @kind: its kind: numbers, durations and percentages sort by value,
 *   date-times by time, text by its bytes (UTF-8 code point order)
 * @order: the column's date order, for date-times
 * @descending: largest first
 *
 * A stable sort; empty cells, and cells that are not of @kind, come last
 * either way, in their order.
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
  g_autofree Keyed *keyed = g_new (Keyed, MAX (self->n_rows, 1));
  guint *indices = g_new (guint, MAX (self->n_rows, 1));
  gboolean numeric = kind != YEASTAR_CELL_KIND_TEXT;
  guint n_keyed = 0;
  guint n_last = 0;

  /* The rows without a key go to the end of indices, in order. */
  for (guint i = 0; i < self->n_rows; i++)
    {
      const char *text = yeastar_report_table_get_cell (self, i, column);
      gboolean ok;

      keyed[n_keyed].index = i;
      switch (kind)
        {
        case YEASTAR_CELL_KIND_INTEGER:
        case YEASTAR_CELL_KIND_DECIMAL:
        case YEASTAR_CELL_KIND_PERCENTAGE:
        case YEASTAR_CELL_KIND_DURATION:
          ok = yeastar_cell_parse_number (text, kind, &keyed[n_keyed].number);
          break;

        case YEASTAR_CELL_KIND_DATE_TIME:
          ok = date_time_key (text, order, &keyed[n_keyed].number);
          break;

        case YEASTAR_CELL_KIND_TEXT:
        default:
          keyed[n_keyed].text = text;
          ok = !is_blank (text);
          break;
        }

      if (ok)
        n_keyed++;
      else
        indices[self->n_rows - ++n_last] = i;
    }

  if (numeric)
    {
      g_autofree Radix *items = g_new (Radix, MAX (n_keyed, 1));

      for (guint i = 0; i < n_keyed; i++)
        {
          guint64 bits = order_bits (keyed[i].number);

          items[i].key = descending ? ~bits : bits;
          items[i].index = keyed[i].index;
        }
      g_clear_pointer (&keyed, g_free);
      radix_sort (items, n_keyed);
      for (guint i = 0; i < n_keyed; i++)
        indices[i] = items[i].index;
    }
  else
    {
      qsort (keyed, n_keyed, sizeof (Keyed), descending ? compare_texts_descending : compare_texts);
      for (guint i = 0; i < n_keyed; i++)
        indices[i] = keyed[i].index;
    }

  /* They were written from the end: put them back in order. */
  for (guint a = n_keyed, b = self->n_rows; b > a + 1; a++, b--)
    {
      guint t = indices[a];

      indices[a] = indices[b - 1];
      indices[b - 1] = t;
    }

  return indices;
}
