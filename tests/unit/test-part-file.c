/* test-part-file.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "yeastar-part-file.h"

/* The hidden, locked part of a download (yeastar-part-file.c). */

typedef struct
{
  char *dir;
  GFile *folder;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-part-file-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_folder (Fixture *f)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->folder);
}

static void
write_text (YeastarPartFile *part,
            const char      *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (yeastar_part_file_get_output_stream (part), text,
                                            strlen (text), NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_names (void)
{
  g_assert_true (yeastar_part_file_is_part_name (".report.csv.a1B2c3.part"));
  g_assert_true (yeastar_part_file_is_part_name (".x.ABCDEF.part"));
  g_assert_false (yeastar_part_file_is_part_name ("report.csv.part"));
  g_assert_false (yeastar_part_file_is_part_name (".report.csv.part"));
  g_assert_false (yeastar_part_file_is_part_name (".report.csv.a1B2c.part"));
  g_assert_false (yeastar_part_file_is_part_name (".report.csv.a1-2c3.part"));
  g_assert_false (yeastar_part_file_is_part_name (".a1B2c3.part"));
  g_assert_false (yeastar_part_file_is_part_name (".report.csv.a1B2c3.partx"));
}

/* Hidden while written, and the final name only once committed. */
static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPartFile) part = yeastar_part_file_new (f->folder, "report.csv", &error);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GFile) target = g_file_get_child (f->folder, "report.csv");
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  write_text (part, "a,b\n");

  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (names, 0), ".report.csv."));
  g_assert_true (yeastar_part_file_is_part_name (g_ptr_array_index (names, 0)));
  g_assert_false (g_file_query_exists (target, NULL));

  /* On the disk first (in a worker thread), then renamed. */
  yeastar_part_file_sync_async (part, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (yeastar_part_file_sync_finish (part, result, &error));
  g_assert_no_error (error);

  g_assert_true (yeastar_part_file_commit (part, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (target, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a,b\n");

  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "report.csv");
}

/* An existing file is never replaced: the part stays for the next name. */
static void
test_commit_no_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPartFile) part = yeastar_part_file_new (f->folder, "report.csv", &error);
  g_autoptr(GFile) taken = g_file_get_child (f->folder, "report.csv");
  g_autoptr(GFile) next = g_file_get_child (f->folder, "report (2).csv");
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (g_file_peek_path (taken), "mine", -1, NULL));
  write_text (part, "new");

  g_assert_false (yeastar_part_file_commit (part, taken, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (yeastar_part_file_commit (part, next, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_load_contents (taken, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_load_contents (next, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
}

/* The free name is looked for before the transfer, and the commit takes
 * the next number when a file took that name meanwhile. */
static void
test_numbered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPartFile) part = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *taken = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *meanwhile = g_build_filename (f->dir, "report (2).csv", NULL);
  guint number = 1;

  g_assert_true (g_file_set_contents (taken, "old", -1, NULL));
  first = yeastar_part_file_dup_free_name (f->folder, "report.csv", &number);
  g_assert_cmpstr (first, ==, "report (2).csv");
  g_assert_cmpuint (number, ==, 2);

  part = yeastar_part_file_new (f->folder, "report.csv", &error);
  g_assert_no_error (error);
  write_text (part, "new");
  g_assert_true (g_file_set_contents (meanwhile, "other", -1, NULL));

  file = yeastar_part_file_commit_numbered (part, f->folder, "report.csv", number, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "report (3).csv");
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (meanwhile, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "other");
}

/* A discarded (or dropped) part leaves nothing. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YeastarPartFile *part = yeastar_part_file_new (f->folder, "report.csv", &error);
  g_autoptr(GPtrArray) names = NULL;

  g_assert_no_error (error);
  write_text (part, "half");
  yeastar_part_file_discard (part);
  g_object_unref (part);

  part = yeastar_part_file_new (f->folder, "report.csv", &error);
  g_assert_no_error (error);
  g_object_unref (part);

  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 0);
}

/* A part held locked (a running download) stays; one nobody holds (a
 * killed download) goes; other files stay whatever their names. */
static void
test_clean_stale (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPartFile) running = yeastar_part_file_new (f->folder, "running.csv", &error);
  g_autofree char *stale = g_build_filename (f->dir, ".killed.csv.Ab12Cd.part", NULL);
  g_autofree char *user_part = g_build_filename (f->dir, "notes.txt.part", NULL);
  g_autofree char *user_hidden = g_build_filename (f->dir, ".hidden", NULL);
  g_autoptr(GPtrArray) names = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (user_part, "keep", -1, NULL));
  g_assert_true (g_file_set_contents (user_hidden, "keep", -1, NULL));

  g_assert_cmpuint (yeastar_part_file_clean_stale (f->folder), ==, 1);

  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, ".hidden");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (names, 1), ".running.csv."));
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "notes.txt.part");

  /* The running part is still writable and commits. */
  write_text (running, "ok");
  {
    g_autoptr(GFile) target = g_file_get_child (f->folder, "running.csv");

    g_assert_true (yeastar_part_file_commit (running, target, &error));
    g_assert_no_error (error);
  }
}

/* A part whose writer died: its lock went with its process. */
static void
test_clean_after_kill (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) names = NULL;
  int fd;

  path = g_build_filename (f->dir, ".report.csv.XXXXXX.part", NULL);
  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  /* Locked by this "process": kept. */
  {
    int other = g_open (path, O_RDONLY, 0);

    g_assert_cmpint (flock (other, LOCK_EX | LOCK_NB), !=, 0);
    close (other);
  }
  g_assert_cmpuint (yeastar_part_file_clean_stale (f->folder), ==, 0);

  /* Its writer gone: removed. */
  close (fd);
  g_assert_cmpuint (yeastar_part_file_clean_stale (f->folder), ==, 1);
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 0);
}

/* Folder errors in plain words, never GLib's text or the part's name. */
static void
test_folder_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain-file", NULL);
  g_autoptr(GFile) missing_folder = g_file_new_for_path (missing);
  g_autoptr(GFile) plain_folder = g_file_new_for_path (plain);
  g_autofree char *expected = NULL;
  YeastarPartFile *part;

  g_assert_true (yeastar_part_file_check_folder (f->folder, 10, NULL));

  g_assert_false (yeastar_part_file_check_folder (missing_folder, -1, &error));
  expected = g_strdup_printf ("The folder “%s” does not exist.", missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  part = yeastar_part_file_new (missing_folder, "report.csv", &error);
  g_assert_null (part);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  g_assert_true (g_file_set_contents (plain, "", -1, NULL));
  g_assert_false (yeastar_part_file_check_folder (plain_folder, -1, &error));
  expected = g_strdup_printf ("“%s” is not a folder.", plain);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  g_assert_false (yeastar_part_file_check_folder (f->folder, G_GINT64_CONSTANT (1) << 60, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, "There is not enough room in the folder"));
  g_clear_error (&error);

  /* The plain words for what the checks cannot provoke here. */
  error = yeastar_part_file_folder_error (f->folder, EROFS);
  expected = g_strdup_printf ("The folder “%s” is read-only.", f->dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  error = yeastar_part_file_folder_error (f->folder, ENOSPC);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_null (strstr (error->message, ".part"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/part-file/names", test_names);
  g_test_add ("/yeastar/part-file/commit", Fixture, NULL, setup, test_commit, teardown);
  g_test_add ("/yeastar/part-file/commit-no-replace", Fixture, NULL, setup, test_commit_no_replace, teardown);
  g_test_add ("/yeastar/part-file/numbered", Fixture, NULL, setup, test_numbered, teardown);
  g_test_add ("/yeastar/part-file/discard", Fixture, NULL, setup, test_discard, teardown);
  g_test_add ("/yeastar/part-file/clean-stale", Fixture, NULL, setup, test_clean_stale, teardown);
  g_test_add ("/yeastar/part-file/clean-after-kill", Fixture, NULL, setup, test_clean_after_kill, teardown);
  g_test_add ("/yeastar/part-file/folder-errors", Fixture, NULL, setup, test_folder_errors, teardown);

  return g_test_run ();
}
