/* test-report-file.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-report-file.h"

/*
 * The report-file reader over tricky files, each read twice: in one piece
 * and through a stream that hands out a few bytes a read, so that every
 * boundary (inside a multi-byte character, a quoted field, a CRLF) is met.
 */

/* A GInputStream that returns at most `step` bytes a read. */
#define TYPE_TRICKLE_STREAM (trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TrickleStream, trickle_stream, TRICKLE, STREAM, GInputStream)

struct _TrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  gsize         step;
};

G_DEFINE_FINAL_TYPE (TrickleStream, trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
trickle_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  TrickleStream *self = TRICKLE_STREAM (stream);
  gsize size = g_bytes_get_size (self->bytes);
  gsize n = MIN (MIN (count, self->step), size - self->pos);

  memcpy (buffer, (const char *) g_bytes_get_data (self->bytes, NULL) + self->pos, n);
  self->pos += n;
  /* Vary the step: 1, 2, 3, … 7, 1, … */
  self->step = self->step % 7 + 1;
  return (gssize) n;
}

static void
trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (trickle_stream_parent_class)->finalize (object);
}

static void
trickle_stream_class_init (TrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_stream_read;
}

static void
trickle_stream_init (TrickleStream *self)
{
  self->step = 1;
}

static GInputStream *
trickle_stream_new (GBytes *bytes)
{
  TrickleStream *self = g_object_new (TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  return G_INPUT_STREAM (self);
}

static YeastarReportFile *
load_bytes (GBytes   *bytes,
            gboolean  trickle)
{
  g_autoptr(GInputStream) stream = trickle ? trickle_stream_new (bytes) : g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(YeastarReportFile) file = yeastar_report_file_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_true (yeastar_report_file_load (file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

typedef void (*CheckFunc) (YeastarReportFile *file);

/* Runs @check on @data read in one piece and trickled. */
static void
check_both (const char *data,
            gsize       length,
            CheckFunc   check)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  for (guint trickle = 0; trickle < 2; trickle++)
    {
      g_autoptr(YeastarReportFile) file = load_bytes (bytes, trickle);

      check (file);
    }
}

#define CHECK_BOTH(text, func) check_both ((text), sizeof (text) - 1, (func))

static const char *
cell (YeastarReportFile *file,
      guint              row,
      guint              column)
{
  return yeastar_report_table_get_cell (yeastar_report_file_get_rows (file), row, column);
}

static const char *
total (YeastarReportFile *file,
       guint              row,
       guint              column)
{
  return yeastar_report_table_get_cell (yeastar_report_file_get_totals (file), row, column);
}

static guint
n_rows (YeastarReportFile *file)
{
  return yeastar_report_table_get_n_rows (yeastar_report_file_get_rows (file));
}

static guint
n_totals (YeastarReportFile *file)
{
  return yeastar_report_table_get_n_rows (yeastar_report_file_get_totals (file));
}

static void
assert_kind (YeastarReportFile *file,
             guint              column,
             YeastarCellKind    kind)
{
  g_assert_cmpstr (yeastar_cell_kind_to_string (yeastar_report_file_get_column_kind (file, column)), ==,
                   yeastar_cell_kind_to_string (kind));
}

/* Preamble ----------------------------------------------------------------- */

static const char preamble_csv[] =
  "Queue Performance\n"
  "Period:,01/03/2024 12:00:00 AM - 31/03/2024 11:59:59 PM\n"
  "Queues:,\"6400, 6401\"\n"
  "\n"
  "Queue Number,Queue Name,Total Calls,Answered Rate,Average Waiting Time\n"
  "6400,Support,12,45.23%,00:01:05\n"
  "6401,Sales,3,100.00%,00:00:00\n"
  "Total,,15,,\n";

static void
check_preamble (YeastarReportFile *file)
{
  const char * const *preamble = yeastar_report_file_get_preamble (file);

  g_assert_cmpstr (yeastar_report_file_get_title (file), ==, "Queue Performance");
  g_assert_cmpuint (g_strv_length ((char **) preamble), ==, 3);
  g_assert_cmpstr (preamble[1], ==, "Period: 01/03/2024 12:00:00 AM - 31/03/2024 11:59:59 PM");
  g_assert_cmpstr (preamble[2], ==, "Queues: 6400, 6401");
  g_assert_cmpuint (yeastar_report_file_get_n_columns (file), ==, 5);
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 0), ==, "Queue Number");
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 4), ==, "Average Waiting Time");
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 0, 1), ==, "Support");
  g_assert_cmpstr (cell (file, 1, 3), ==, "100.00%");
  g_assert_cmpuint (n_totals (file), ==, 1);
  g_assert_cmpstr (total (file, 0, 2), ==, "15");
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, ',');
  g_assert_cmpint (yeastar_report_file_get_encoding (file), ==, YEASTAR_REPORT_ENCODING_UTF8);
}

static void
test_preamble (void)
{
  CHECK_BOTH (preamble_csv, check_preamble);
}

static void
check_no_preamble (YeastarReportFile *file)
{
  g_assert_null (yeastar_report_file_get_title (file));
  g_assert_null (yeastar_report_file_get_preamble (file)[0]);
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 0, 0), ==, "1001");
}

static void
test_no_preamble (void)
{
  CHECK_BOTH ("Extension,Calls\n1001,4\n1002,5\n", check_no_preamble);
}

/* A report without rows: its preamble lines outnumber its table's. */
static void
check_no_rows (YeastarReportFile *file)
{
  g_assert_cmpuint (g_strv_length ((char **) yeastar_report_file_get_preamble (file)), ==, 4);
  g_assert_cmpuint (yeastar_report_file_get_n_columns (file), ==, 3);
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 0), ==, "Queue");
  g_assert_cmpuint (n_rows (file), ==, 0);
  g_assert_cmpuint (n_totals (file), ==, 1);
}

static void
test_no_rows (void)
{
  CHECK_BOTH ("Queue Performance\nPeriod:,x\nQueues:,y\nStatus:,z\n\nQueue,Calls,Rate\nTotal,0,\n", check_no_rows);
}

/* Encodings ---------------------------------------------------------------- */

static void
check_bom (YeastarReportFile *file)
{
  g_assert_cmpint (yeastar_report_file_get_encoding (file), ==, YEASTAR_REPORT_ENCODING_UTF8_BOM);
  g_assert_cmpstr (yeastar_report_file_get_title (file), ==, "Informe de colas");
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 0), ==, "Agente");
  g_assert_cmpstr (cell (file, 0, 0), ==, "1021-Alexander Cano");
  g_assert_cmpstr (cell (file, 1, 0), ==, "Zoë Martínez<1022>");
}

static void
test_utf8_bom (void)
{
  CHECK_BOTH ("\xEF\xBB\xBFInforme de colas\nAgente,Contestada\n1021-Alexander Cano,4\nZoë Martínez<1022>,5\n", check_bom);
}

static void
check_utf16 (YeastarReportFile *file)
{
  g_assert_cmpint (yeastar_report_file_get_encoding (file), ==, YEASTAR_REPORT_ENCODING_UTF16LE);
  g_assert_cmpstr (yeastar_report_file_get_title (file), ==, "分机通话统计");
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 1), ==, "名称");
  g_assert_cmpstr (cell (file, 0, 1), ==, "Zürich 🎧");
  g_assert_cmpstr (cell (file, 1, 1), ==, "王芳");
  g_assert_cmpstr (total (file, 0, 0), ==, "合计");
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, '\t');
  assert_kind (file, 2, YEASTAR_CELL_KIND_DURATION);
}

static void
test_utf16le (void)
{
  static const char utf8[] = "分机通话统计\r\n分机\t名称\t通话时长\r\n1001\tZürich 🎧\t00:10:00\r\n1002\t王芳\t01:00:00\r\n合计\t\t01:10:00\r\n";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *with_bom = g_malloc (length + 2);

  g_assert_no_error (error);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, length);
  check_both (with_bom, length + 2, check_utf16);
}

static void
check_cp1252 (YeastarReportFile *file)
{
  g_assert_cmpint (yeastar_report_file_get_encoding (file), ==, YEASTAR_REPORT_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 1), ==, "Geb\xC3\xBChr");
  g_assert_cmpstr (cell (file, 0, 0), ==, "J\xC3\xBCrgen M\xC3\xBCller");
  g_assert_cmpstr (cell (file, 0, 1), ==, "12,50 \xE2\x82\xAC");
  g_assert_cmpstr (cell (file, 1, 0), ==, "\xE2\x80\x9C" "Caf\xC3\xA9" "\xE2\x80\x9D");
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, ';');
}

static void
test_windows_1252 (void)
{
  /* "Gebühr", "Jürgen Müller", "12,50 €", “Café” in Windows-1252. */
  CHECK_BOTH ("Nebenstelle;Geb\xFChr\r\nJ\xFCrgen M\xFCller;12,50 \x80\r\n\x93" "Caf\xE9\x94;3,00 \x80\r\n", check_cp1252);
}

/* Separators and quotes ---------------------------------------------------- */

static void
check_semicolon (YeastarReportFile *file)
{
  double value = 0;

  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, ';');
  g_assert_cmpuint (yeastar_report_file_get_n_columns (file), ==, 4);
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 1), ==, "Contestada");
  assert_kind (file, 0, YEASTAR_CELL_KIND_TEXT);
  assert_kind (file, 1, YEASTAR_CELL_KIND_INTEGER);
  assert_kind (file, 2, YEASTAR_CELL_KIND_PERCENTAGE);
  assert_kind (file, 3, YEASTAR_CELL_KIND_DECIMAL);
  g_assert_true (yeastar_cell_parse_number (cell (file, 0, 3), YEASTAR_CELL_KIND_DECIMAL, &value));
  g_assert_cmpfloat_with_epsilon (value, 12.5, 1e-9);
  g_assert_cmpstr (cell (file, 1, 0), ==, "Cano, Alexander");
  g_assert_cmpuint (n_totals (file), ==, 1);
}

static void
test_semicolon (void)
{
  CHECK_BOTH ("Informe de rendimiento de agentes\n"
              "Periodo:;01/03/2024 - 31/03/2024\n"
              "Agente;Contestada;Tasa de respuesta;Importe\n"
              "1021-Alexander Cano;4;45,23%;12,50\n"
              "Cano, Alexander;5;50%;0,75\n"
              "Total general;9;47,62%;13,25\n",
              check_semicolon);
}

static void
check_quotes (YeastarReportFile *file)
{
  g_assert_cmpuint (n_rows (file), ==, 3);
  g_assert_cmpstr (cell (file, 0, 1), ==, "line one\nline two, with a comma");
  g_assert_cmpstr (cell (file, 0, 2), ==, "say \"hi\"");
  g_assert_cmpstr (cell (file, 1, 1), ==, "a\r\nb");
  g_assert_cmpstr (cell (file, 1, 2), ==, "");
  g_assert_cmpstr (cell (file, 2, 1), ==, "quote\"inside");
  g_assert_cmpstr (cell (file, 2, 2), ==, "\"");
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 2), ==, "Note, quoted");
}

static void
test_quotes (void)
{
  CHECK_BOTH ("Number,Name,\"Note, quoted\"\r\n"
              "1,\"line one\nline two, with a comma\",\"say \"\"hi\"\"\"\r\n"
              "2,\"a\r\nb\",\"\"\r\n"
              "3,quote\"inside,\"\"\"\"\r\n",
              check_quotes);
}

static void
check_tab (YeastarReportFile *file)
{
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, '\t');
  g_assert_cmpstr (cell (file, 0, 1), ==, "a, b; c");
  assert_kind (file, 2, YEASTAR_CELL_KIND_DECIMAL);
}

static void
test_tab (void)
{
  CHECK_BOTH ("Time\tNote\tAmount\n2024-03-01 10:00:00\ta, b; c\t1.5\n2024-03-02 10:00:00\tx\t2\n", check_tab);
}

static void
check_sep_line (YeastarReportFile *file)
{
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, '|');
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 1), ==, "B");
  g_assert_cmpstr (cell (file, 0, 1), ==, "2,5");
}

static void
check_sep_not_ascii (YeastarReportFile *file)
{
  /* Not a separator: the line is a preamble line, the cells stay whole. */
  g_assert_cmpint (yeastar_report_file_get_separator (file), ==, ',');
  g_assert_cmpstr (yeastar_report_file_get_title (file), ==, "sep=\xC3\xA9");
  g_assert_cmpstr (cell (file, 0, 0), ==, "\xC3\xA9t\xC3\xA9");
}

static void
test_sep_line (void)
{
  CHECK_BOTH ("sep=|\r\nA|B\r\n1|2,5\r\n", check_sep_line);
  CHECK_BOTH ("sep=\xC3\xA9\nA,B\n\xC3\xA9t\xC3\xA9,1\n", check_sep_not_ascii);
}

/* Totals ------------------------------------------------------------------- */

static void
check_totals (YeastarReportFile *file)
{
  g_assert_cmpuint (n_rows (file), ==, 3);
  g_assert_cmpstr (cell (file, 0, 0), ==, "6400");
  g_assert_cmpstr (cell (file, 1, 0), ==, "Totally Fine Queue");
  g_assert_cmpstr (cell (file, 2, 0), ==, "6401");
  g_assert_cmpuint (n_totals (file), ==, 5);
  g_assert_cmpstr (total (file, 0, 0), ==, "Subtotal:");
  g_assert_cmpstr (total (file, 1, 0), ==, "");
  g_assert_cmpstr (total (file, 1, 1), ==, "7");
  g_assert_cmpstr (total (file, 2, 0), ==, "GESAMT");
  g_assert_cmpstr (total (file, 3, 0), ==, "总计");
  g_assert_cmpstr (total (file, 4, 0), ==, "Grand Total");
  /* Totals never decide a column's kind. */
  assert_kind (file, 1, YEASTAR_CELL_KIND_INTEGER);
}

static void
test_totals (void)
{
  CHECK_BOTH ("Queue,Calls\n"
              "6400,3\n"
              "Subtotal:,3\n"
              "Totally Fine Queue,4\n"
              ",7\n"
              "\n"
              "Queue,Calls\n"
              "6401,1\n"
              "GESAMT,n/a\n"
              "总计,8\n"
              "Grand Total,8\n",
              check_totals);
}

/* Truncation and malformed input ------------------------------------------- */

static void
check_no_final_newline (YeastarReportFile *file)
{
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 1, 1), ==, "5");
  g_assert_false (yeastar_report_file_is_truncated (file));
}

static void
check_open_quote (YeastarReportFile *file)
{
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 1, 1), ==, "cut off\nhere");
  g_assert_true (yeastar_report_file_is_truncated (file));
}

static void
check_short_row (YeastarReportFile *file)
{
  const char *cells[4] = { NULL, };

  g_assert_cmpuint (yeastar_report_table_get_row (yeastar_report_file_get_rows (file), 0, cells, 4), ==, 3);
  g_assert_cmpstr (cells[2], ==, "3");
  g_assert_cmpstr (cells[3], ==, "");
  g_assert_cmpuint (yeastar_report_table_get_row (yeastar_report_file_get_rows (file), 1, cells, 3), ==, 1);
  g_assert_cmpstr (cells[0], ==, "10");
  g_assert_cmpstr (cells[1], ==, "");
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 1, 0), ==, "10");
  g_assert_cmpstr (cell (file, 1, 1), ==, "");
  g_assert_cmpstr (cell (file, 1, 2), ==, "");
}

static void
test_truncated (void)
{
  CHECK_BOTH ("Ext,Calls\n1001,4\n1002,5", check_no_final_newline);
  CHECK_BOTH ("Ext,Name\n1001,x\n1002,\"cut off\nhere", check_open_quote);
  CHECK_BOTH ("A,B,C\n1,2,3\n10", check_short_row);
}

static void
check_nul (YeastarReportFile *file)
{
  g_assert_cmpuint (n_rows (file), ==, 2);
  g_assert_cmpstr (cell (file, 0, 1), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpstr (cell (file, 1, 1), ==, "\xEF\xBF\xBD" "ok");
  g_assert_cmpstr (cell (file, 0, 2), ==, "\xC3\xA9t\xC3\xA9");
  g_assert_cmpint (yeastar_report_file_get_encoding (file), ==, YEASTAR_REPORT_ENCODING_UTF8);
}

static void
test_nul_and_invalid (void)
{
  /* Valid UTF-8 at the start, then a stray byte: U+FFFD, not Windows-1252. */
  static const char data[] = "Ext,Name,Note\n1,a\0b,\xC3\xA9t\xC3\xA9\n2,\xFFok,x\n";

  check_both (data, sizeof data - 1, check_nul);
}

static void
check_extra_column (YeastarReportFile *file)
{
  g_assert_cmpuint (yeastar_report_file_get_n_columns (file), ==, 3);
  g_assert_cmpstr (yeastar_report_file_get_column_name (file, 2), ==, "");
  g_assert_cmpstr (cell (file, 1, 2), ==, "extra");
}

static void
test_extra_column (void)
{
  CHECK_BOTH ("A,B\n1,2\n3,4,extra\n5,6\n", check_extra_column);
}

static void
assert_not_a_report (const char *data,
                     gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(YeastarReportFile) file = yeastar_report_file_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_false (yeastar_report_file_load (file, NULL, &error));
  g_assert_error (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT);
}

static void
test_not_a_report (void)
{
  assert_not_a_report ("", 0);
  assert_not_a_report ("\xEF\xBB\xBF", 3);
  assert_not_a_report ("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}", 32);
  assert_not_a_report ("just one line of text\nand another\n", 34);
  assert_not_a_report ("1,2,3\n4,5,6\n", 12);
  assert_not_a_report ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}

static void
test_too_large (void)
{
  gsize size = YEASTAR_CSV_MAX_RECORD + 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(YeastarReportFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char head[] = "A,B\n1,\"never closed";

  memset (data, 'x', size);
  memcpy (data, head, sizeof head - 1);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  file = yeastar_report_file_new (stream);

  g_assert_false (yeastar_report_file_load (file, NULL, &error));
  g_assert_error (error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

/* Kinds -------------------------------------------------------------------- */

static void
check_kinds (YeastarReportFile *file)
{
  g_autofree char *iso = NULL;
  double value = 0;

  assert_kind (file, 0, YEASTAR_CELL_KIND_DATE_TIME);
  g_assert_cmpint (yeastar_report_file_get_column_date_order (file, 0), ==, YEASTAR_DATE_ORDER_DMY);
  assert_kind (file, 1, YEASTAR_CELL_KIND_TEXT);     /* 007: an extension */
  assert_kind (file, 2, YEASTAR_CELL_KIND_INTEGER);  /* with an empty cell */
  assert_kind (file, 3, YEASTAR_CELL_KIND_DURATION);
  assert_kind (file, 4, YEASTAR_CELL_KIND_PERCENTAGE);
  assert_kind (file, 5, YEASTAR_CELL_KIND_DECIMAL);
  assert_kind (file, 6, YEASTAR_CELL_KIND_TEXT);     /* mixed */
  assert_kind (file, 7, YEASTAR_CELL_KIND_TEXT);     /* only empty cells */
  assert_kind (file, 8, YEASTAR_CELL_KIND_TEXT);     /* +4930…: a phone number */
  assert_kind (file, 9, YEASTAR_CELL_KIND_DATE_TIME);

  iso = yeastar_cell_dup_iso8601 (cell (file, 1, 0), YEASTAR_DATE_ORDER_DMY);
  g_assert_cmpstr (iso, ==, "2024-03-14T23:05:09");
  g_clear_pointer (&iso, g_free);
  iso = yeastar_cell_dup_iso8601 (cell (file, 0, 9), YEASTAR_DATE_ORDER_YMD);
  g_assert_cmpstr (iso, ==, "2024-03-01");

  g_assert_true (yeastar_cell_parse_number (cell (file, 1, 3), YEASTAR_CELL_KIND_DURATION, &value));
  g_assert_cmpfloat (value, ==, 123 * 3600 + 4 * 60 + 5);
  g_assert_true (yeastar_cell_parse_number (cell (file, 0, 4), YEASTAR_CELL_KIND_PERCENTAGE, &value));
  g_assert_cmpfloat_with_epsilon (value, 45.23, 1e-9);
  g_assert_true (yeastar_cell_parse_number (cell (file, 1, 5), YEASTAR_CELL_KIND_DECIMAL, &value));
  g_assert_cmpfloat_with_epsilon (value, -3, 1e-9);
  g_assert_cmpstr (cell (file, 1, 2), ==, "");
}

static void
test_kinds (void)
{
  CHECK_BOTH ("Time,Ext,Calls,Talk,Rate,Amount,Mixed,Empty,Phone,Day\n"
              "01/03/2024 09:00:00 AM,007,3,00:01:05,45.23%,1.25,12,,+4930123,2024-03-01\n"
              "14/03/2024 11:05:09 PM,1001,,123:04:05,0.00%,-3,abc,,+4930124,2024-03-02\n",
              check_kinds);
}

static void
test_cell_values (void)
{
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *iso = NULL;
  double value;

  g_assert_cmpuint (yeastar_cell_match ("12:60:00", 8, FALSE), ==, 0);
  g_assert_cmpuint (yeastar_cell_match ("1.5.2024", 8, FALSE), ==, YEASTAR_CELL_MATCH_DATE_MDY | YEASTAR_CELL_MATCH_DATE_DMY);
  g_assert_cmpuint (yeastar_cell_match ("1.5.20245", 9, FALSE), ==, 0);
  g_assert_cmpuint (yeastar_cell_match ("31.12.2024", 10, FALSE), ==, YEASTAR_CELL_MATCH_DATE_DMY);
  g_assert_cmpuint (yeastar_cell_match ("12,5", 4, FALSE), ==, 0);
  g_assert_cmpuint (yeastar_cell_match ("12,5", 4, TRUE), ==, YEASTAR_CELL_MATCH_DECIMAL);
  g_assert_cmpuint (yeastar_cell_match (" 42 ", 4, FALSE), ==, YEASTAR_CELL_MATCH_INTEGER | YEASTAR_CELL_MATCH_DECIMAL);
  g_assert_cmpuint (yeastar_cell_match ("1234567890123456789", 19, FALSE), ==, 0);
  g_assert_false (yeastar_cell_parse_number ("abc", YEASTAR_CELL_KIND_INTEGER, &value));
  g_assert_null (yeastar_cell_dup_iso8601 ("31/02/2024", YEASTAR_DATE_ORDER_DMY));
  iso = yeastar_cell_dup_iso8601 ("03/14/2024 12:00:00 AM", YEASTAR_DATE_ORDER_MDY);
  g_assert_cmpstr (iso, ==, "2024-03-14T00:00:00");

  g_assert_true (yeastar_cell_split_agent_label ("1021-Alexander Cano", &number, &name));
  g_assert_cmpstr (number, ==, "1021");
  g_assert_cmpstr (name, ==, "Alexander Cano");
  g_clear_pointer (&number, g_free);
  g_clear_pointer (&name, g_free);
  g_assert_true (yeastar_cell_split_agent_label ("Alexander Cano<1021>", &number, &name));
  g_assert_cmpstr (number, ==, "1021");
  g_assert_cmpstr (name, ==, "Alexander Cano");
  g_assert_false (yeastar_cell_split_agent_label ("Alexander Cano", NULL, NULL));
  g_assert_false (yeastar_cell_split_agent_label ("2024-03-01", NULL, NULL) && FALSE);
}

/* The APIs ----------------------------------------------------------------- */

static void
test_pull (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (preamble_csv, sizeof preamble_csv - 1);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(YeastarReportFile) file = yeastar_report_file_new (stream);
  g_autoptr(GError) error = NULL;
  YeastarReportRow row;
  guint n = 0;

  g_assert_true (yeastar_report_file_read_header (file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_report_file_get_n_columns (file), ==, 5);

  while (yeastar_report_file_next_row (file, &row, NULL, &error))
    {
      g_assert_cmpint (row.is_total, ==, n == 2);
      if (n == 0)
        g_assert_cmpstr (yeastar_report_row_get_cell (&row, 1), ==, "Support");
      g_assert_cmpstr (yeastar_report_row_get_cell (&row, 99), ==, "");
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  /* The pull API leaves the tables to its caller. */
  g_assert_cmpuint (n_rows (file), ==, 0);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = yeastar_report_file_load_finish (YEASTAR_REPORT_FILE (object), result, error);

  g_assert_true (ok || *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

static void
test_load_async (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (preamble_csv, sizeof preamble_csv - 1);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(YeastarReportFile) file = yeastar_report_file_new (stream);
  g_autoptr(GError) error = NULL;

  yeastar_report_file_load_async (file, NULL, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  check_preamble (file);
}

static void
test_sort (void)
{
  static const char csv[] =
    "Agent,Talk,Rate,Name,When\n"
    "a,01:00:00,5%,b,02/03/2024 10:00:00\n"
    "b,00:00:59,,a,01/03/2024 10:00:00\n"
    "c,10:00:00,50.5%,c,13/03/2024 09:00:00\n"
    "d,,7%,a,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(YeastarReportFile) file = load_bytes (bytes, FALSE);
  YeastarReportTable *rows = yeastar_report_file_get_rows (file);
  g_autofree guint *by_talk = NULL;
  g_autofree guint *by_rate = NULL;
  g_autofree guint *by_name = NULL;
  g_autofree guint *by_time = NULL;

  by_talk = yeastar_report_table_sort (rows, 1, yeastar_report_file_get_column_kind (file, 1), 0, FALSE);
  g_assert_cmpuint (by_talk[0], ==, 1);
  g_assert_cmpuint (by_talk[1], ==, 0);
  g_assert_cmpuint (by_talk[2], ==, 2);
  g_assert_cmpuint (by_talk[3], ==, 3);

  /* Descending, and the empty cell still last. */
  by_rate = yeastar_report_table_sort (rows, 2, yeastar_report_file_get_column_kind (file, 2), 0, TRUE);
  g_assert_cmpuint (by_rate[0], ==, 2);
  g_assert_cmpuint (by_rate[1], ==, 3);
  g_assert_cmpuint (by_rate[2], ==, 0);
  g_assert_cmpuint (by_rate[3], ==, 1);

  /* By time, not by text: 13/03 after 02/03. */
  g_assert_cmpint (yeastar_report_file_get_column_kind (file, 4), ==, YEASTAR_CELL_KIND_DATE_TIME);
  by_time = yeastar_report_table_sort (rows, 4, YEASTAR_CELL_KIND_DATE_TIME,
                                       yeastar_report_file_get_column_date_order (file, 4), FALSE);
  g_assert_cmpuint (by_time[0], ==, 1);
  g_assert_cmpuint (by_time[1], ==, 0);
  g_assert_cmpuint (by_time[2], ==, 2);
  g_assert_cmpuint (by_time[3], ==, 3);

  /* Stable: equal names keep their order. */
  by_name = yeastar_report_table_sort (rows, 3, YEASTAR_CELL_KIND_TEXT, 0, FALSE);
  g_assert_cmpuint (by_name[0], ==, 1);
  g_assert_cmpuint (by_name[1], ==, 3);
  g_assert_cmpuint (by_name[2], ==, 0);
  g_assert_cmpuint (by_name[3], ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/report-file/preamble", test_preamble);
  g_test_add_func ("/yeastar/report-file/no-preamble", test_no_preamble);
  g_test_add_func ("/yeastar/report-file/no-rows", test_no_rows);
  g_test_add_func ("/yeastar/report-file/utf8-bom", test_utf8_bom);
  g_test_add_func ("/yeastar/report-file/utf16le", test_utf16le);
  g_test_add_func ("/yeastar/report-file/windows-1252", test_windows_1252);
  g_test_add_func ("/yeastar/report-file/semicolon", test_semicolon);
  g_test_add_func ("/yeastar/report-file/quotes", test_quotes);
  g_test_add_func ("/yeastar/report-file/tab", test_tab);
  g_test_add_func ("/yeastar/report-file/sep-line", test_sep_line);
  g_test_add_func ("/yeastar/report-file/totals", test_totals);
  g_test_add_func ("/yeastar/report-file/truncated", test_truncated);
  g_test_add_func ("/yeastar/report-file/nul-and-invalid", test_nul_and_invalid);
  g_test_add_func ("/yeastar/report-file/extra-column", test_extra_column);
  g_test_add_func ("/yeastar/report-file/not-a-report", test_not_a_report);
  g_test_add_func ("/yeastar/report-file/too-large", test_too_large);
  g_test_add_func ("/yeastar/report-file/kinds", test_kinds);
  g_test_add_func ("/yeastar/report-file/cell-values", test_cell_values);
  g_test_add_func ("/yeastar/report-file/pull", test_pull);
  g_test_add_func ("/yeastar/report-file/load-async", test_load_async);
  g_test_add_func ("/yeastar/report-file/sort", test_sort);

  return g_test_run ();
}
