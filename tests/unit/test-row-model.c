/* test-row-model.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "reports-report-row.h"
#include "reports-row-model.h"

/*
 * The viewer's row model over a report file read by the loader: a sort
 * and a search give the rows in the new order, the items someone holds
 * (the row widgets of a GtkColumnView) stay the same objects and show
 * the rows now at their positions, ::reordered comes before
 * ::items-changed, and no part of the change that holds a held item
 * adds more items than the held items span (GTK 4.8 asks for every item
 * such a part adds).
 */

#define N_ROWS 5000
#define CALLS  2   /* the column of Total Calls, an integer */

typedef struct
{
  guint pos, removed, added;
} Change;

typedef struct
{
  char                *dir;
  GFile               *file;
  YeastarReportLoader *loader;
  ReportsRowModel     *model;
  GArray              *changes;  /* Change */
  GString             *log;      /* "O": ::reordered, "I": ::items-changed */
} Fixture;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  yeastar_report_loader_load_finish (YEASTAR_REPORT_LOADER (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
  g_string_append_c (f->log, 'I');
}

static void
reordered_cb (ReportsRowModel *model,
              Fixture         *f)
{
  g_string_append_c (f->log, 'O');
}

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new ("Queue Performance\r\nPeriod:,01/03/2024 - 31/03/2024\r\n\r\n"
                                       "Queue,Name,Total Calls,Talk Time\r\n");
  g_autofree char *path = NULL;
  gboolean done = FALSE;

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (s, "%u,\"Queue %u\",%u,%u:%02u:%02u\r\n", 6400 + i, i, (i * 7919) % 1000,
                            i % 30, i % 60, (i * 13) % 60);
  g_string_append (s, "Total,,12345,\r\n");

  f->dir = g_dir_make_tmp ("test-row-model-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "report.csv", NULL);
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  f->file = g_file_new_for_path (path);

  f->loader = yeastar_report_loader_new (f->file);
  yeastar_report_loader_load_async (f->loader, NULL, load_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (f->loader)), ==, N_ROWS);

  f->model = reports_row_model_new (f->loader, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_ROWS);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  f->log = g_string_new (NULL);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_signal_connect (f->model, "reordered", G_CALLBACK (reordered_cb), f);
}

static void
fixture_tear_down (Fixture *f)
{
  g_autofree char *path = g_file_get_path (f->file);

  g_clear_object (&f->model);
  g_clear_object (&f->loader);
  g_clear_object (&f->file);
  g_array_unref (f->changes);
  g_string_free (f->log, TRUE);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
wait_idle (Fixture *f)
{
  while (reports_row_model_is_busy (f->model))
    g_main_context_iteration (NULL, TRUE);
}

static guint
calls_at (Fixture *f,
          guint    position)
{
  guint row = reports_row_model_get_row (f->model, position);

  return (guint) atoi (yeastar_report_table_get_cell (yeastar_report_loader_get_rows (f->loader), row, CALLS));
}

/* Held items: positions 2000…2039 (the row widgets on screen) and 7 (as
 * GTK's focus tracker may hold one). */
static GPtrArray *
hold_items (Fixture *f)
{
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (f->model), 7));
  for (guint p = 2000; p < 2040; p++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (f->model), p));
  return held;
}

static guint
held_position (guint i)
{
  return i == 0 ? 7 : 2000 + i - 1;
}

/* Every change after ::reordered; together they replace the old items
 * by the new ones; a part that holds a held position adds no more than
 * the held items span. */
static void
assert_changes (Fixture *f,
                guint    old,
                guint    n)
{
  guint removed = 0, added = 0;

  g_assert_cmpint (f->log->str[0], ==, 'O');
  g_assert_cmpuint (f->log->len, ==, 1 + f->changes->len);
  for (guint i = 0; i < f->changes->len; i++)
    {
      Change *c = &g_array_index (f->changes, Change, i);

      removed += c->removed;
      added += c->added;
      if (c->pos <= 2000 && 2000 < c->pos + c->removed)
        g_assert_cmpuint (c->added, <=, 2040 - 7);
    }
  g_assert_cmpuint (removed, ==, old);
  g_assert_cmpuint (added, ==, n);
  g_array_set_size (f->changes, 0);
  g_string_truncate (f->log, 0);
}

static void
test_sort_keeps_items (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) held = NULL;

  fixture_set_up (&f);
  held = hold_items (&f);

  reports_row_model_set_sort (f.model, CALLS, FALSE);
  g_assert_true (reports_row_model_is_busy (f.model));
  wait_idle (&f);
  assert_changes (&f, N_ROWS, N_ROWS);

  /* Smallest first, by number. */
  for (guint p = 1; p < N_ROWS; p++)
    g_assert_cmpuint (calls_at (&f, p - 1), <=, calls_at (&f, p));

  /* The held items are the model's items at their positions, showing
   * the rows now there. */
  for (guint i = 0; i < held->len; i++)
    {
      guint p = held_position (i);
      g_autoptr(ReportsReportRow) item = g_list_model_get_item (G_LIST_MODEL (f.model), p);

      g_assert_true (item == held->pdata[i]);
      g_assert_cmpuint (reports_report_row_get_index (item), ==, reports_row_model_get_row (f.model, p));
    }

  /* Largest first. */
  reports_row_model_set_sort (f.model, CALLS, TRUE);
  wait_idle (&f);
  assert_changes (&f, N_ROWS, N_ROWS);
  for (guint p = 1; p < N_ROWS; p++)
    g_assert_cmpuint (calls_at (&f, p - 1), >=, calls_at (&f, p));
  for (guint i = 0; i < held->len; i++)
    g_assert_cmpuint (reports_report_row_get_index (held->pdata[i]), ==,
                      reports_row_model_get_row (f.model, held_position (i)));

  /* The file's order again. */
  reports_row_model_set_sort (f.model, -1, FALSE);
  wait_idle (&f);
  assert_changes (&f, N_ROWS, N_ROWS);
  for (guint i = 0; i < held->len; i++)
    g_assert_cmpuint (reports_report_row_get_index (held->pdata[i]), ==, held_position (i));

  fixture_tear_down (&f);
}

/* A search leaves fewer rows: the held items past its end are let go,
 * the others show the matching rows; its end gives back every row. */
static void
test_search_keeps_items (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) held = NULL;
  guint n;

  fixture_set_up (&f);
  held = hold_items (&f);

  /* "Queue 1…" : 1, 10–19, 100–199, 1000–1999: 1111 rows. */
  reports_row_model_set_search (f.model, "queue 1");
  wait_idle (&f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f.model));
  g_assert_cmpuint (n, ==, 1111);
  /* The rows past the end go first, adding nothing where the items let
   * go were; the part over the item kept at 7 adds that one item. */
  {
    Change *c = &g_array_index (f.changes, Change, 0);

    g_assert_cmpuint (c->pos, ==, n);
    g_assert_cmpuint (c->removed, ==, N_ROWS - n);
    g_assert_cmpuint (c->added, ==, 0);
    for (guint i = 1; i < f.changes->len; i++)
      {
        c = &g_array_index (f.changes, Change, i);
        if (c->pos <= 7 && 7 < c->pos + c->removed)
          g_assert_cmpuint (c->added, ==, 1);
      }
  }
  assert_changes (&f, N_ROWS, n);
  {
    g_autoptr(ReportsReportRow) item = g_list_model_get_item (G_LIST_MODEL (f.model), 7);

    g_assert_true (item == held->pdata[0]);
    g_assert_cmpuint (reports_report_row_get_index (item), ==, reports_row_model_get_row (f.model, 7));
    g_assert_cmpuint (reports_row_model_get_row (f.model, 7), ==, 16);
  }

  reports_row_model_set_search (f.model, NULL);
  wait_idle (&f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.model)), ==, N_ROWS);
  assert_changes (&f, n, N_ROWS);
  {
    g_autoptr(ReportsReportRow) item = g_list_model_get_item (G_LIST_MODEL (f.model), 2000);

    /* Let go while past the end: a new item, of the row in its place. */
    g_assert_true (item != held->pdata[1]);
    g_assert_cmpuint (reports_report_row_get_index (item), ==, 2000);
  }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-model/sort-keeps-items", test_sort_keeps_items);
  g_test_add_func ("/row-model/search-keeps-items", test_search_keeps_items);

  return g_test_run ();
}
