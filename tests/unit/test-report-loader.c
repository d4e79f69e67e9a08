/* test-report-loader.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "yeastar-report-loader.h"

/*
 * The streaming reader: a file read in a worker thread arrives on the
 * main thread in batches (a small first one, then the rest), in order,
 * with the same cells, totals and kinds as the whole-file reader; it can
 * be cancelled; and the tables' block hand-over keeps every cell.
 */

typedef struct
{
  char    *dir;
  GFile   *file;
  GString *log;        /* the signals, in order */
  guint    batches;
  guint    first_batch_rows;
  guint    rows_seen;
  guint    totals_seen;
  guint64  last_bytes;
  gboolean progress_monotonic;
  gboolean done;
  GError  *error;
  GCancellable *cancel_after_first;
  GThread *main_thread;
  gboolean wrong_thread;  /* a signal came in another thread */
} Fixture;

/* A queue report of @n rows, one total every 1000 rows and at the end;
 * the last column turns from integer to text in the last row when
 * @late_text. */
static char *
make_report (guint    n,
             gboolean late_text)
{
  GString *s = g_string_new ("Queue Performance\r\nPeriod:,01/03/2024 - 31/03/2024\r\n\r\n"
                             "Queue,Name,Total Calls,Answered Rate,Talk Time,Code\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "%u,\"Queue, %u\",%u,%u.%02u%%,%u:%02u:%02u,%s\r\n",
                              6400 + i, i, (i * 7919) % 1000, i % 100, i % 97,
                              i % 30, i % 60, (i * 13) % 60,
                              late_text && i == n - 1 ? "n/a" : "17");
      if (i % 1000 == 999)
        g_string_append_printf (s, "Subtotal,,%u,,,\r\n", i);
    }
  g_string_append (s, "Total,,12345,,,\r\n");
  return g_string_free (s, FALSE);
}

static void
fixture_set_up (Fixture *f,
                guint    n,
                gboolean late_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = make_report (n, late_text);

  f->dir = g_dir_make_tmp ("test-report-loader-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "report.csv", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  f->file = g_file_new_for_path (path);
  f->log = g_string_new (NULL);
  f->progress_monotonic = TRUE;
}

static void
fixture_tear_down (Fixture *f)
{
  g_autofree char *path = g_file_get_path (f->file);

  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->file);
  g_string_free (f->log, TRUE);
  g_clear_error (&f->error);
  g_clear_object (&f->cancel_after_first);
}

static void
header_ready_cb (YeastarReportLoader *loader,
                 Fixture             *f)
{
  g_string_append (f->log, "H");
  if (g_thread_self () != f->main_thread)
    f->wrong_thread = TRUE;
  g_assert_true (yeastar_report_loader_is_header_ready (loader));
  g_assert_cmpuint (yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (loader)), ==, 0);
}

static void
rows_added_cb (YeastarReportLoader *loader,
               guint                position,
               guint                n_added,
               Fixture             *f)
{
  guint64 bytes = yeastar_report_loader_get_bytes_read (loader);

  g_string_append (f->log, "R");
  if (g_thread_self () != f->main_thread)
    f->wrong_thread = TRUE;
  g_assert_cmpuint (position, ==, f->rows_seen);
  g_assert_cmpuint (position + n_added, ==, yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (loader)));
  if (f->batches++ == 0)
    f->first_batch_rows = n_added;
  f->rows_seen += n_added;
  if (bytes < f->last_bytes)
    f->progress_monotonic = FALSE;
  f->last_bytes = bytes;

  if (f->cancel_after_first != NULL)
    g_cancellable_cancel (f->cancel_after_first);
}

static void
totals_added_cb (YeastarReportLoader *loader,
                 guint                position,
                 guint                n_added,
                 Fixture             *f)
{
  g_string_append (f->log, "T");
  g_assert_cmpuint (position, ==, f->totals_seen);
  f->totals_seen += n_added;
}

static void
columns_changed_cb (YeastarReportLoader *loader,
                    Fixture             *f)
{
  g_string_append (f->log, "C");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  g_string_append (f->log, "D");
  yeastar_report_loader_load_finish (YEASTAR_REPORT_LOADER (object), result, &f->error);
  f->done = TRUE;
}

static YeastarReportLoader *
load (Fixture      *f,
      guint         first_batch,
      gsize         batch_bytes,
      GCancellable *cancellable)
{
  YeastarReportLoader *loader = yeastar_report_loader_new (f->file);

  yeastar_report_loader_set_first_batch (loader, first_batch);
  yeastar_report_loader_set_batch_bytes (loader, batch_bytes);
  g_signal_connect (loader, "header-ready", G_CALLBACK (header_ready_cb), f);
  g_signal_connect (loader, "rows-added", G_CALLBACK (rows_added_cb), f);
  g_signal_connect (loader, "totals-added", G_CALLBACK (totals_added_cb), f);
  g_signal_connect (loader, "columns-changed", G_CALLBACK (columns_changed_cb), f);
  f->main_thread = g_thread_self ();
  yeastar_report_loader_load_async (loader, cancellable, load_cb, f);
  g_assert_true (yeastar_report_loader_is_loading (loader));
  /* Nobody holds the main context while the worker reads: the batches
   * must still wait for it (a window being built does the same). */
  g_usleep (G_USEC_PER_SEC / 5);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);

  return loader;
}

static void
assert_tables_equal (YeastarReportTable *a,
                     YeastarReportTable *b,
                     guint               n_columns)
{
  g_assert_cmpuint (yeastar_report_table_get_n_rows (a), ==, yeastar_report_table_get_n_rows (b));
  for (guint r = 0; r < yeastar_report_table_get_n_rows (a); r++)
    for (guint c = 0; c < n_columns; c++)
      g_assert_cmpstr (yeastar_report_table_get_cell (a, r, c), ==, yeastar_report_table_get_cell (b, r, c));
}

/* Many batches: the same file as the whole-file reader sees it. */
static void
test_batches (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;
  g_autoptr(YeastarReportFile) whole = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size;

  fixture_set_up (&f, 20000, FALSE);
  loader = load (&f, 50, 64 * 1024, NULL);
  g_assert_no_error (f.error);
  g_assert_false (yeastar_report_loader_is_loading (loader));

  whole = yeastar_report_file_open (f.file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (yeastar_report_file_load (whole, NULL, &error));
  g_assert_no_error (error);

  /* The header first, a small first batch, many more, the end last. */
  g_assert_cmpint (f.log->str[0], ==, 'H');
  g_assert_cmpint (f.log->str[f.log->len - 1], ==, 'D');
  g_assert_cmpuint (f.first_batch_rows, ==, 50);
  g_assert_cmpuint (f.batches, >, 10);
  g_assert_cmpuint (f.rows_seen, ==, 20000);
  g_assert_cmpuint (f.totals_seen, ==, 21);
  g_assert_true (f.progress_monotonic);
  g_assert_false (f.wrong_thread);

  size = yeastar_report_loader_get_size (loader);
  g_assert_cmpuint (size, >, 0);
  g_assert_cmpuint (yeastar_report_loader_get_bytes_read (loader), ==, size);
  g_assert_cmpfloat (yeastar_report_loader_get_fraction (loader), ==, 1.0);

  g_assert_cmpstr (yeastar_report_loader_get_title (loader), ==, "Queue Performance");
  g_assert_cmpstr (yeastar_report_loader_get_preamble (loader)[1], ==, "Period: 01/03/2024 - 31/03/2024");
  g_assert_cmpuint (yeastar_report_loader_get_n_columns (loader), ==, 6);
  for (guint c = 0; c < 6; c++)
    {
      g_assert_cmpstr (yeastar_report_loader_get_column_name (loader, c), ==,
                       yeastar_report_file_get_column_name (whole, c));
      g_assert_cmpint (yeastar_report_loader_get_column_kind (loader, c), ==,
                       yeastar_report_file_get_column_kind (whole, c));
    }
  g_assert_cmpint (yeastar_report_loader_get_column_kind (loader, 3), ==, YEASTAR_CELL_KIND_PERCENTAGE);
  g_assert_cmpint (yeastar_report_loader_get_column_kind (loader, 4), ==, YEASTAR_CELL_KIND_DURATION);

  assert_tables_equal (yeastar_report_loader_get_rows (loader), yeastar_report_file_get_rows (whole), 6);
  assert_tables_equal (yeastar_report_loader_get_totals (loader), yeastar_report_file_get_totals (whole), 6);
  g_assert_cmpstr (yeastar_report_table_get_cell (yeastar_report_loader_get_rows (loader), 19999, 1), ==,
                   "Queue, 19999");

  fixture_tear_down (&f);
}

/* The rows' table is given room for the whole file once a batch of full
 * size says how long a row is, instead of doubling as the rows come (a
 * doubling of a million rows' bookkeeping copied 10 MB into fresh pages
 * on the main thread, tens of ms). */
static void
test_reserves_rows (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;
  YeastarReportTable *rows;

  fixture_set_up (&f, 20000, FALSE);
  loader = load (&f, 50, 64 * 1024, NULL);
  g_assert_no_error (f.error);

  rows = yeastar_report_loader_get_rows (loader);
  g_test_message ("rows %u, room for %u", yeastar_report_table_get_n_rows (rows),
                  yeastar_report_table_get_capacity (rows));
  g_assert_cmpuint (yeastar_report_table_get_n_rows (rows), ==, 20000);
  /* Doubling from 64 rows ends at 32,768; the estimate from the second
   * batch (the rows' numbers grow longer, and the subtotals take bytes
   * but no rows of the table) is about 29,800. */
  g_assert_cmpuint (yeastar_report_table_get_capacity (rows), >=, 20000);
  g_assert_cmpuint (yeastar_report_table_get_capacity (rows), <=, 20000 * 3 / 2);

  fixture_tear_down (&f);
}

/* A kind that changes in the last row is announced before the end. */
static void
test_kind_changes (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;

  fixture_set_up (&f, 3000, TRUE);
  loader = load (&f, 10, 16 * 1024, NULL);
  g_assert_no_error (f.error);
  g_assert_nonnull (strchr (f.log->str, 'C'));
  g_assert_cmpint (yeastar_report_loader_get_column_kind (loader, 5), ==, YEASTAR_CELL_KIND_TEXT);
  fixture_tear_down (&f);
}

/* A small file: one batch, which is the task's result. */
static void
test_small (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;

  fixture_set_up (&f, 5, FALSE);
  loader = load (&f, 200, 1024 * 1024, NULL);
  g_assert_no_error (f.error);
  g_assert_cmpstr (f.log->str, ==, "HRTD");
  g_assert_cmpuint (f.rows_seen, ==, 5);
  fixture_tear_down (&f);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context for @ms: whatever the worker sends meanwhile
 * arrives. */
static void
iterate_for (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, set_flag_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

static YeastarReportLoader *
start_paused (Fixture      *f,
              guint         pause_ms,
              GCancellable *cancellable)
{
  YeastarReportLoader *loader = yeastar_report_loader_new (f->file);

  yeastar_report_loader_set_first_batch (loader, 50);
  yeastar_report_loader_set_batch_bytes (loader, 16 * 1024);
  yeastar_report_loader_set_first_batch_pause (loader, pause_ms);
  g_signal_connect (loader, "rows-added", G_CALLBACK (rows_added_cb), f);
  f->main_thread = g_thread_self ();
  yeastar_report_loader_load_async (loader, cancellable, load_cb, f);
  while (f->batches == 0 && !f->done)
    g_main_context_iteration (NULL, TRUE);
  return loader;
}

/* Paused after the first batch: nothing more until resumed, then every
 * row. */
static void
test_first_batch_pause (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;

  fixture_set_up (&f, 20000, FALSE);
  /* Longer than the test's time limit: only the resume ends the pause. */
  loader = start_paused (&f, 10 * 60 * 1000, NULL);
  g_assert_cmpuint (f.rows_seen, ==, 50);
  iterate_for (300);
  g_assert_cmpuint (f.batches, ==, 1);
  g_assert_cmpuint (f.rows_seen, ==, 50);
  g_assert_true (yeastar_report_loader_is_loading (loader));

  yeastar_report_loader_resume (loader);
  while (!f.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (f.error);
  g_assert_cmpuint (f.batches, >, 10);
  g_assert_cmpuint (f.rows_seen, ==, 20000);
  /* Once over, resuming again does nothing. */
  yeastar_report_loader_resume (loader);
  fixture_tear_down (&f);
}

/* Cancelled while paused: the worker stops waiting at once. */
static void
test_first_batch_pause_cancel (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  fixture_set_up (&f, 20000, FALSE);
  loader = start_paused (&f, 10 * 60 * 1000, cancellable);
  g_cancellable_cancel (cancellable);
  while (!f.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f.rows_seen, ==, 50);
  fixture_tear_down (&f);
}

/* Never resumed: the worker goes on after the pause's time. */
static void
test_first_batch_pause_times_out (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;

  fixture_set_up (&f, 20000, FALSE);
  loader = start_paused (&f, 50, NULL);
  while (!f.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (f.error);
  g_assert_cmpuint (f.rows_seen, ==, 20000);
  fixture_tear_down (&f);
}

/* Cancelled after the first batch: the error, and nothing more arrives. */
static void
test_cancel (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  fixture_set_up (&f, 50000, FALSE);
  f.cancel_after_first = g_object_ref (cancellable);
  loader = load (&f, 100, 32 * 1024, cancellable);
  g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f.batches, ==, 1);
  g_assert_cmpuint (f.rows_seen, ==, 100);
  g_assert_false (yeastar_report_loader_is_loading (loader));
  fixture_tear_down (&f);
}

static void
test_not_a_report (void)
{
  Fixture f = { 0 };
  g_autoptr(YeastarReportLoader) loader = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f, 1, FALSE);
  path = g_file_get_path (f.file);
  g_file_set_contents (path, "{\"errcode\":10004}\n", -1, &error);
  g_assert_no_error (error);
  loader = load (&f, 10, 1024, NULL);
  g_assert_error (f.error, YEASTAR_REPORT_FILE_ERROR, YEASTAR_REPORT_FILE_ERROR_NOT_A_REPORT);
  g_assert_cmpstr (f.log->str, ==, "D");
  g_assert_false (yeastar_report_loader_is_header_ready (loader));
  fixture_tear_down (&f);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/report.csv");
  g_autoptr(YeastarReportLoader) loader = yeastar_report_loader_new (file);
  Fixture f = { 0 };

  f.log = g_string_new (NULL);
  yeastar_report_loader_load_async (loader, NULL, load_cb, &f);
  while (!f.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (f.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_string_free (f.log, TRUE);
  g_clear_error (&f.error);
}

/* take_rows keeps every cell, and the table goes on appending after. */
static void
test_take_rows (void)
{
  g_autoptr(YeastarReportTable) a = yeastar_report_table_new ();
  guint32 starts[3];

  /* Room made ahead keeps nothing from working. */
  yeastar_report_table_reserve (a, 2500);
  g_assert_cmpuint (yeastar_report_table_get_capacity (a), ==, 2500);
  char data[64];
  YeastarCsvRecord record = { data, starts, 2, 0 };

  for (guint part = 0; part < 4; part++)
    {
      YeastarReportTable *b = yeastar_report_table_new ();

      for (guint i = 0; i < 1000; i++)
        {
          int n = g_snprintf (data, sizeof data, "r%u", part * 1000 + i);

          starts[0] = 0;
          starts[1] = (guint32) n + 1;
          memcpy (data + n + 1, "x", 2);
          starts[2] = starts[1] + 2;
          g_assert_true (yeastar_report_table_append (b, &record));
        }
      g_assert_true (yeastar_report_table_take_rows (a, b));
    }
  memcpy (data, "end\0y", 6);
  starts[0] = 0;
  starts[1] = 4;
  starts[2] = 6;
  g_assert_true (yeastar_report_table_append (a, &record));

  g_assert_cmpuint (yeastar_report_table_get_n_rows (a), ==, 4001);
  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *expected = g_strdup_printf ("r%u", i);

      g_assert_cmpstr (yeastar_report_table_get_cell (a, i, 0), ==, expected);
      g_assert_cmpstr (yeastar_report_table_get_cell (a, i, 1), ==, "x");
    }
  g_assert_cmpstr (yeastar_report_table_get_cell (a, 4000, 0), ==, "end");
  g_assert_cmpstr (yeastar_report_table_get_cell (a, 4000, 1), ==, "y");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/report-loader/batches", test_batches);
  g_test_add_func ("/yeastar/report-loader/reserves-rows", test_reserves_rows);
  g_test_add_func ("/yeastar/report-loader/kind-changes", test_kind_changes);
  g_test_add_func ("/yeastar/report-loader/small", test_small);
  g_test_add_func ("/yeastar/report-loader/cancel", test_cancel);
  g_test_add_func ("/yeastar/report-loader/first-batch-pause", test_first_batch_pause);
  g_test_add_func ("/yeastar/report-loader/first-batch-pause-cancel", test_first_batch_pause_cancel);
  g_test_add_func ("/yeastar/report-loader/first-batch-pause-times-out", test_first_batch_pause_times_out);
  g_test_add_func ("/yeastar/report-loader/not-a-report", test_not_a_report);
  g_test_add_func ("/yeastar/report-loader/missing-file", test_missing_file);
  g_test_add_func ("/yeastar/report-loader/take-rows", test_take_rows);

  return g_test_run ();
}
