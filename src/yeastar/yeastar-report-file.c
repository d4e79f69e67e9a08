/* yeastar-report-file.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yeastar-enums.h"
#include "yeastar-report-file.h"

/*
 * A call-report file as the PBX writes it (docs/report-files.md): some
 * preamble lines (title, period, filters), a header row, data rows, and
 * total or subtotal rows; see yeastar-csv-lexer.c for the bytes.
 *
 * The header is found among the first 64 records (at most 1 MiB): it is
 * the first of the widest records (counting fields up to the last
 * non-empty one, at least two) whose non-empty cells are all text and
 * more than half of them non-empty. Preamble lines (a title, "Period:"
 * and a value) are narrower than the table, and rows hold numbers, times
 * or durations; counting how many records share a width does not work,
 * as a report without rows has more preamble lines than table lines.
 * The records before it are the preamble, each its non-empty cells joined
 * by a space; blank ones are dropped.
 *
 * After the header, a record is
 * - skipped when it is blank or repeats the header;
 * - a total row when its first cell is empty, or starts with a word for
 *   "total" (yeastar_report_is_total_label(): Total, Subtotal, Gesamt,
 *   Summe, 合计, 总计, 小计…, in any case);
 * - a data row otherwise. A row longer than the header adds unnamed
 *   columns; a shorter one reads as empty cells.
 *
 * Each column's kind is what all of its non-empty data cells are
 * (yeastar_cell_match()), integer before decimal before percentage,
 * duration and date-time; text when they disagree or it has none. With
 * the pull API the kinds cover the rows read so far.
 */

#define LOOKAHEAD_RECORDS 64
#define LOOKAHEAD_BYTES   (1024 * 1024)

typedef struct
{
  char  *name;
  guint  match;    /* AND of the masks of the non-empty data cells */
  guint  n_values; /* non-empty data cells */
} Column;

struct _YeastarReportFile
{
  GObject              parent_instance;

  GInputStream        *stream;
  YeastarCsvLexer     *lexer;
  YeastarDateOrder     date_order;

  gboolean             header_read;
  gboolean             done;
  GStrv                preamble;
  GArray              *columns;   /* Column */
  YeastarReportTable  *pending;   /* records read after the header while looking for it */
  guint                pending_pos;
  gboolean             decimal_comma;

  YeastarReportTable  *rows;
  YeastarReportTable  *totals;
  guint32              row_starts[YEASTAR_CSV_MAX_CELLS + 1];
};

G_DEFINE_FINAL_TYPE (YeastarReportFile, yeastar_report_file, G_TYPE_OBJECT)

G_DEFINE_QUARK (yeastar-report-file-error-quark, yeastar_report_file_error)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_DATE_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

static void
yeastar_report_file_finalize (GObject *object)
{
  YeastarReportFile *self = (YeastarReportFile *) object;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->lexer, yeastar_csv_lexer_free);
  g_clear_pointer (&self->preamble, g_strfreev);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->pending, yeastar_report_table_free);
  g_clear_pointer (&self->rows, yeastar_report_table_free);
  g_clear_pointer (&self->totals, yeastar_report_table_free);

  G_OBJECT_CLASS (yeastar_report_file_parent_class)->finalize (object);
}

static void
yeastar_report_file_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YeastarReportFile *self = YEASTAR_REPORT_FILE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;

    case PROP_DATE_ORDER:
      g_value_set_enum (value, self->date_order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_file_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YeastarReportFile *self = YEASTAR_REPORT_FILE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;

    case PROP_DATE_ORDER:
      yeastar_report_file_set_date_order (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yeastar_report_file_class_init (YeastarReportFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_report_file_finalize;
  object_class->get_property = yeastar_report_file_get_property;
  object_class->set_property = yeastar_report_file_set_property;

  /**
   * YeastarReportFile:stream:
   *
   * The file's bytes, read once from start to end.
   */
  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL,
                         G_TYPE_INPUT_STREAM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * YeastarReportFile:date-order:
   *
   * The PBX's date order, for date-time columns whose cells fit more than
   * one (every day ≤ 12). YMD by default.
   */
  properties[PROP_DATE_ORDER] =
    g_param_spec_enum ("date-order", NULL, NULL,
                       YEASTAR_TYPE_DATE_ORDER, YEASTAR_DATE_ORDER_YMD,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yeastar_report_file_init (YeastarReportFile *self)
{
  self->date_order = YEASTAR_DATE_ORDER_YMD;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = yeastar_report_table_new ();
  self->totals = yeastar_report_table_new ();
}

/**
 * yeastar_report_file_new:
 * @stream: the report file's bytes
 *
 * Nothing is read until yeastar_report_file_read_header(),
 * yeastar_report_file_next_row() or yeastar_report_file_load().
 */
YeastarReportFile *
yeastar_report_file_new (GInputStream *stream)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  return g_object_new (YEASTAR_TYPE_REPORT_FILE, "stream", stream, NULL);
}

/**
 * yeastar_report_file_open:
 *
 * Opens @file and reads up to its header.
 *
 * Returns: (transfer full) (nullable): the report file
 */
YeastarReportFile *
yeastar_report_file_open (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(YeastarReportFile) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  self = yeastar_report_file_new (G_INPUT_STREAM (stream));
  if (!yeastar_report_file_read_header (self, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
yeastar_report_file_set_date_order (YeastarReportFile *self,
                                    YeastarDateOrder   order)
{
  g_return_if_fail (YEASTAR_IS_REPORT_FILE (self));
  g_return_if_fail (order <= YEASTAR_DATE_ORDER_DMY);

  if (self->date_order == order)
    return;

  self->date_order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_ORDER]);
}

static inline const char *
record_cell (const YeastarCsvRecord *record,
             guint                   i)
{
  return i < record->n_cells ? record->data + record->starts[i] : "";
}

static inline gsize
record_cell_length (const YeastarCsvRecord *record,
                    guint                   i)
{
  return i < record->n_cells ? record->starts[i + 1] - record->starts[i] - 1 : 0;
}

const char *
yeastar_report_row_get_cell (const YeastarReportRow *row,
                             guint                   column)
{
  g_return_val_if_fail (row != NULL, "");

  return record_cell (&row->record, column);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t')
      return FALSE;
  return TRUE;
}

/* Fields up to the last non-empty one. */
static guint
record_width (const YeastarCsvRecord *record)
{
  guint width = record->n_cells;

  while (width > 0 && is_blank (record_cell (record, width - 1), record_cell_length (record, width - 1)))
    width--;
  return width;
}

static void
table_record (const YeastarReportTable *table,
              guint                     row,
              guint32                  *starts,
              YeastarCsvRecord         *record)
{
  guint n = yeastar_report_table_get_n_cells (table, row);
  const char *data = yeastar_report_table_get_cell (table, row, 0);
  const char *p = data;

  /* The cells of a row are contiguous in the table. */
  starts[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      p += strlen (p) + 1;
      starts[i + 1] = (guint32) (p - data);
    }
  record->data = data;
  record->starts = starts;
  record->n_cells = n;
  record->line = 0;
}

static const char * const total_words[] = {
  "total", "totals", "subtotal", "sub-total", "totale", "totaal", "totaux", "totales",
  "gesamt", "summe", "gesamtsumme", "zwischensumme", "suma", "somme",
  "合计", "总计", "小计", "合計", "總計", "小計", "итого", "toplam", "razem", "celkem",
};

/**
 * yeastar_report_is_total_label:
 * @text: the first cell of a row
 *
 * Returns: whether a row starting with @text is a total or subtotal row:
 *   @text is empty, or its first word (up to a space or ':') is a word for
 *   "total", or it starts with "Grand Total"
 */
gboolean
yeastar_report_is_total_label (const char *text)
{
  g_autofree char *word = NULL;
  g_autofree char *folded = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == ' ' || *text == '\t')
    text++;
  if (*text == '\0')
    return TRUE;

  /* Most rows start with a number, a time or a date. */
  if (g_ascii_isdigit (*text) || *text == '+' || *text == '-')
    return FALSE;

  length = strcspn (text, " :\t(");
  if (length > 32)
    return FALSE;
  word = g_utf8_make_valid (text, (gssize) length);
  folded = g_utf8_casefold (word, -1);
  for (guint i = 0; i < G_N_ELEMENTS (total_words); i++)
    if (strcmp (folded, total_words[i]) == 0)
      return TRUE;

  return g_ascii_strncasecmp (text, "grand total", strlen ("grand total")) == 0;
}

static gboolean
looks_like_markup (const YeastarCsvRecord *record)
{
  const char *first = record_cell (record, 0);

  while (*first == ' ' || *first == '\t')
    first++;
  return *first == '{' || *first == '[' || *first == '<';
}

/* Every non-empty cell of the first @width is text. */
static gboolean
is_header_candidate (const YeastarCsvRecord *record,
                     guint                   width,
                     gboolean                decimal_comma)
{
  guint non_empty = 0;

  for (guint i = 0; i < width; i++)
    {
      gsize length = record_cell_length (record, i);

      if (is_blank (record_cell (record, i), length))
        continue;
      non_empty++;
      if (yeastar_cell_match (record_cell (record, i), length, decimal_comma) != 0)
        return FALSE;
    }

  return non_empty * 2 > width;
}

static void
add_columns (YeastarReportFile      *self,
             const YeastarCsvRecord *header,
             guint                   width)
{
  for (guint i = self->columns->len; i < width; i++)
    {
      Column column = { NULL, YEASTAR_CELL_MATCH_ANY, 0 };

      column.name = g_strstrip (g_strdup (header != NULL ? record_cell (header, i) : ""));
      g_array_append_val (self->columns, column);
    }
}

static char *
preamble_line (const YeastarCsvRecord *record)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < record->n_cells; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (record_cell (record, i)));

      if (*cell == '\0')
        continue;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, cell);
    }

  return g_string_free (line, FALSE);
}

/**
 * yeastar_report_file_read_header:
 *
 * Detects the encoding and separator and reads the preamble and the
 * header. Called by the other readers when needed; calling it again does
 * nothing.
 *
 * Returns: %FALSE on a read error, or %YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT
 *   when there is no header row
 */
gboolean
yeastar_report_file_read_header (YeastarReportFile  *self,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autoptr(YeastarReportTable) lookahead = yeastar_report_table_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) preamble = g_strv_builder_new ();
  YeastarCsvRecord record;
  gsize bytes = 0;
  guint widths[LOOKAHEAD_RECORDS] = { 0 };
  guint n = 0;
  guint width = 0;
  guint header = G_MAXUINT;

  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->header_read)
    return TRUE;

  if (self->lexer == NULL)
    {
      self->lexer = yeastar_csv_lexer_new (self->stream);
      if (!yeastar_csv_lexer_start (self->lexer, cancellable, error))
        return FALSE;
      self->decimal_comma = yeastar_csv_lexer_get_separator (self->lexer) != ',';
    }

  while (n < LOOKAHEAD_RECORDS && bytes < LOOKAHEAD_BYTES &&
         yeastar_csv_lexer_next (self->lexer, &record, cancellable, &local_error))
    {
      if (n == 0 && looks_like_markup (&record))
        break;
      widths[n] = record_width (&record);
      bytes += record.starts[record.n_cells];
      if (!yeastar_report_table_append (lookahead, &record))
        break;
      n++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The header: the first of the widest records of column titles. */
  for (guint i = 0; i < n; i++)
    {
      YeastarCsvRecord candidate;

      if (widths[i] < 2 || widths[i] <= width)
        continue;
      table_record (lookahead, i, self->row_starts, &candidate);
      if (is_header_candidate (&candidate, widths[i], self->decimal_comma))
        {
          header = i;
          width = widths[i];
        }
    }

  if (header == G_MAXUINT)
    {
      g_set_error_literal (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT,
                           _("Not a call report: no row of column titles was found at its start"));
      return FALSE;
    }

  for (guint i = 0; i < header; i++)
    {
      YeastarCsvRecord line;
      g_autofree char *text = NULL;

      table_record (lookahead, i, self->row_starts, &line);
      text = preamble_line (&line);
      if (*text != '\0')
        g_strv_builder_add (preamble, text);
    }
  self->preamble = g_strv_builder_end (preamble);

  {
    YeastarCsvRecord head;

    table_record (lookahead, header, self->row_starts, &head);
    add_columns (self, &head, width);
  }

  /* The rows read while looking are served first. */
  self->pending = g_steal_pointer (&lookahead);
  self->pending_pos = header + 1;
  self->header_read = TRUE;

  return TRUE;
}

static gboolean
repeats_header (YeastarReportFile      *self,
                const YeastarCsvRecord *record)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      const char *cell = record_cell (record, i);
      gsize length = record_cell_length (record, i);
      const char *name = g_array_index (self->columns, Column, i).name;

      while (length > 0 && (*cell == ' ' || *cell == '\t'))
        cell++, length--;
      while (length > 0 && (cell[length - 1] == ' ' || cell[length - 1] == '\t'))
        length--;
      if (strlen (name) != length || memcmp (cell, name, length) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_kinds (YeastarReportFile      *self,
              const YeastarCsvRecord *record)
{
  Column *columns = (Column *) (gpointer) self->columns->data;

  for (guint i = 0; i < record->n_cells; i++)
    {
      const char *cell = record->data + record->starts[i];
      gsize length = record->starts[i + 1] - record->starts[i] - 1;

      if (length == 0 || (*cell == ' ' && is_blank (cell, length)))
        continue;
      columns[i].n_values++;
      if (columns[i].match != 0)
        columns[i].match &= yeastar_cell_match (cell, length, self->decimal_comma);
    }
}

/**
 * yeastar_report_file_next_row:
 * @row: (out): the next data or total row
 *
 * The pull API, for a reader that fills its own model (from a worker
 * thread: a YeastarReportFile is used by one thread at a time). Reads the
 * header first if needed. Rows read this way are not stored in the
 * tables of yeastar_report_file_get_rows().
 *
 * Returns: %TRUE with a row; %FALSE at the end (@error unset) or on error
 */
gboolean
yeastar_report_file_next_row (YeastarReportFile  *self,
                              YeastarReportRow   *row,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!yeastar_report_file_read_header (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      YeastarCsvRecord *record = &row->record;
      guint width;

      if (self->done)
        return FALSE;

      if (self->pending != NULL && self->pending_pos < yeastar_report_table_get_n_rows (self->pending))
        {
          table_record (self->pending, self->pending_pos++, self->row_starts, record);
        }
      else
        {
          g_clear_pointer (&self->pending, yeastar_report_table_free);
          if (!yeastar_csv_lexer_next (self->lexer, record, cancellable, error))
            {
              self->done = TRUE;
              return FALSE;
            }
        }

      width = record_width (record);
      if (width == 0 || repeats_header (self, record))
        continue;

      if (record->n_cells > self->columns->len)
        add_columns (self, NULL, record->n_cells);

      row->is_total = yeastar_report_is_total_label (record_cell (record, 0));
      if (!row->is_total)
        update_kinds (self, record);

      return TRUE;
    }
}

/**
 * yeastar_report_file_load:
 *
 * Reads the whole file into yeastar_report_file_get_rows() and
 * yeastar_report_file_get_totals().
 */
gboolean
yeastar_report_file_load (YeastarReportFile  *self,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  YeastarReportRow row;

  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (yeastar_report_file_next_row (self, &row, cancellable, &local_error))
    {
      if (!yeastar_report_table_append (row.is_total ? self->totals : self->rows, &row.record))
        {
          g_set_error_literal (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_TOO_LARGE,
                               _("The report has more cells than can be held"));
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (yeastar_report_file_load (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * yeastar_report_file_load_async:
 *
 * yeastar_report_file_load() in a worker thread. Do not use @self until
 * the callback runs.
 */
void
yeastar_report_file_load_async (YeastarReportFile   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_REPORT_FILE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_report_file_load_async);
  g_task_run_in_thread (task, load_thread);
}

gboolean
yeastar_report_file_load_finish (YeastarReportFile  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

YeastarReportEncoding
yeastar_report_file_get_encoding (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), YEASTAR_REPORT_ENCODING_UTF8);

  return self->lexer != NULL ? yeastar_csv_lexer_get_encoding (self->lexer) : YEASTAR_REPORT_ENCODING_UTF8;
}

char
yeastar_report_file_get_separator (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), ',');

  return self->lexer != NULL ? yeastar_csv_lexer_get_separator (self->lexer) : ',';
}

/**
 * yeastar_report_file_get_title:
 *
 * Returns: (nullable): the first preamble line, %NULL without a preamble
 */
const char *
yeastar_report_file_get_title (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), NULL);

  return self->preamble != NULL ? self->preamble[0] : NULL;
}

/**
 * yeastar_report_file_get_preamble:
 *
 * Returns: (transfer none): the lines before the header, the title first
 */
const char * const *
yeastar_report_file_get_preamble (YeastarReportFile *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), none);

  return self->preamble != NULL ? (const char * const *) self->preamble : none;
}

guint
yeastar_report_file_get_n_columns (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), 0);

  return self->columns->len;
}

/**
 * yeastar_report_file_get_column_name:
 *
 * Returns: the header's title of @column; "" for a column the header
 *   does not name
 */
const char *
yeastar_report_file_get_column_name (YeastarReportFile *self,
                                     guint              column)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), "");
  g_return_val_if_fail (column < self->columns->len, "");

  return g_array_index (self->columns, Column, column).name;
}

YeastarCellKind
yeastar_report_file_get_column_kind (YeastarReportFile *self,
                                     guint              column)
{
  const Column *c;
  YeastarDateOrder order;

  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), YEASTAR_CELL_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, YEASTAR_CELL_KIND_TEXT);

  c = &g_array_index (self->columns, Column, column);
  if (c->n_values == 0)
    return YEASTAR_CELL_KIND_TEXT;

  return yeastar_cell_kind_from_match (c->match, &order, self->date_order);
}

YeastarDateOrder
yeastar_report_file_get_column_date_order (YeastarReportFile *self,
                                           guint              column)
{
  const Column *c;
  YeastarDateOrder order;

  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), YEASTAR_DATE_ORDER_YMD);
  g_return_val_if_fail (column < self->columns->len, YEASTAR_DATE_ORDER_YMD);

  c = &g_array_index (self->columns, Column, column);
  yeastar_cell_kind_from_match (c->n_values > 0 ? c->match : 0, &order, self->date_order);

  return order;
}

/**
 * yeastar_report_file_get_rows:
 *
 * Returns: (transfer none): the data rows yeastar_report_file_load() read
 */
YeastarReportTable *
yeastar_report_file_get_rows (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), NULL);

  return self->rows;
}

/**
 * yeastar_report_file_get_totals:
 *
 * Returns: (transfer none): the total and subtotal rows
 */
YeastarReportTable *
yeastar_report_file_get_totals (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), NULL);

  return self->totals;
}

/* For a progress bar: compare with the file's size. */
guint64
yeastar_report_file_get_bytes_read (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), 0);

  return self->lexer != NULL ? yeastar_csv_lexer_get_bytes_read (self->lexer) : 0;
}

/**
 * yeastar_report_file_is_truncated:
 *
 * Returns: whether the file ended inside a quoted field (its last row is
 *   kept as far as it goes)
 */
gboolean
yeastar_report_file_is_truncated (YeastarReportFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_REPORT_FILE (self), FALSE);

  return self->lexer != NULL && yeastar_csv_lexer_is_truncated (self->lexer);
}
