/* test-download.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "client-test-util.h"
#include "yeastar-download.h"
#include "yeastar-file-name.h"

typedef struct
{
  Fixture base;
  char *dir;
  GFile *folder;
} DownloadFixture;

static void
download_setup (DownloadFixture *f,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (&f->base, data);
  f->dir = g_dir_make_tmp ("yeastar-download-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

static GPtrArray *
list_folder (DownloadFixture *f)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
download_teardown (DownloadFixture *f,
                   gconstpointer    data)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, g_ptr_array_index (names, i), NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->folder);
  fixture_teardown (&f->base, data);
}

typedef struct
{
  guint notifies;
  gboolean saw_downloading;
  gboolean saw_preparing;
  gboolean saw_requesting;
  guint64 last_bytes;
  YeastarDownload *cancel_me;
} Progress;

static void
on_notify_bytes (YeastarDownload *download,
                 GParamSpec      *pspec,
                 Progress        *progress)
{
  guint64 bytes = yeastar_download_get_bytes_received (download);

  progress->notifies++;
  progress->last_bytes = bytes;
  if (progress->cancel_me != NULL && bytes > 0)
    yeastar_download_cancel (progress->cancel_me);
}

static void
on_notify_state (YeastarDownload *download,
                 GParamSpec      *pspec,
                 Progress        *progress)
{
  switch (yeastar_download_get_state (download))
    {
    case YEASTAR_DOWNLOAD_STATE_REQUESTING:
      progress->saw_requesting = TRUE;
      break;
    case YEASTAR_DOWNLOAD_STATE_PREPARING:
      progress->saw_preparing = TRUE;
      break;
    case YEASTAR_DOWNLOAD_STATE_DOWNLOADING:
      progress->saw_downloading = TRUE;
      break;
    case YEASTAR_DOWNLOAD_STATE_IDLE:
    case YEASTAR_DOWNLOAD_STATE_DONE:
    case YEASTAR_DOWNLOAD_STATE_FAILED:
    default:
      break;
    }
}

/* After DONE, bytes-received and total-bytes keep the final counts (the
 * window's "Saved as … (12 kB)", the CLI's --json "bytes"); after a
 * failure or a cancellation nothing was kept, and neither is progress. */
static void
assert_final_counts (YeastarDownload *download,
                     GFile           *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    {
      g_assert_cmpuint (yeastar_download_get_bytes_received (download), ==, 0);
      g_assert_cmpint (yeastar_download_get_total_bytes (download), ==, -1);
      g_assert_cmpfloat (yeastar_download_get_fraction (download), ==, -1.0);
      return;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_file_info_get_size (info), >, 0);
  g_assert_cmpuint (yeastar_download_get_bytes_received (download), ==, g_file_info_get_size (info));
  g_assert_cmpint (yeastar_download_get_total_bytes (download), ==, g_file_info_get_size (info));
  g_assert_cmpfloat (yeastar_download_get_fraction (download), ==, 1.0);
}

static GFile *
run_download (DownloadFixture       *f,
              YeastarReportRequest  *request,
              Progress              *progress,
              gboolean               cancel_on_progress,
              GError               **error)
{
  g_autoptr(YeastarDownload) download = yeastar_download_new (f->base.client, request, f->folder);
  g_autoptr(GAsyncResult) result = NULL;
  Progress local = { 0, };
  GFile *file;

  if (progress == NULL)
    progress = &local;
  if (cancel_on_progress)
    progress->cancel_me = download;

  g_signal_connect (download, "notify::bytes-received", G_CALLBACK (on_notify_bytes), progress);
  g_signal_connect (download, "notify::state", G_CALLBACK (on_notify_state), progress);

  yeastar_download_start_async (download, NULL, store_result_cb, &result);
  file = yeastar_download_start_finish (download, wait_result (&result), error);

  if (file != NULL)
    {
      g_assert_cmpint (yeastar_download_get_state (download), ==, YEASTAR_DOWNLOAD_STATE_DONE);
      g_assert_true (g_file_equal (file, yeastar_download_get_file (download)));
      g_assert_cmpfloat (yeastar_download_get_fraction (download), ==, 1.0);
    }
  else
    {
      g_assert_cmpint (yeastar_download_get_state (download), ==, YEASTAR_DOWNLOAD_STATE_FAILED);
      g_assert_nonnull (yeastar_download_get_error (download));
      assert_no_secrets (f->base.sim, yeastar_download_get_error (download));
    }
  assert_final_counts (download, file);

  g_clear_object (&result);
  spin_idle ();
  /* … and keep them while the main loop runs on. */
  assert_final_counts (download, file);
  g_assert_cmpuint (progress->last_bytes, ==, yeastar_download_get_bytes_received (download));
  return file;
}

static void
assert_inside_folder (DownloadFixture *f,
                      GFile           *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  g_assert_true (g_file_equal (parent, f->folder));
  g_assert_cmpint (name[0], !=, '.');
  g_assert_false (g_str_has_suffix (name, ".part"));
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
assert_folder_empty (DownloadFixture *f)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  if (names->len > 0)
    g_error ("folder not empty: %s", (char *) g_ptr_array_index (names, 0));
}

static void
test_basic (DownloadFixture *f,
            gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueperformance");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gsize len = 0;
  Progress progress = { 0, };

  file = run_download (f, request, &progress, FALSE, &error);
  g_assert_no_error (error);
  assert_inside_folder (f, file);
  g_assert_true (progress.saw_requesting);
  g_assert_true (progress.saw_downloading);
  g_assert_false (progress.saw_preparing);
  g_assert_cmpuint (progress.notifies, >, 0);

  name = g_file_get_basename (file);
  expected = yeastar_simulator_dup_file_contents (f->base.sim, name);
  g_assert_nonnull (expected);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &len, NULL, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (progress.last_bytes, ==, len);

  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 1);
}

static void
test_large (DownloadFixture *f,
            gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("extcallbillingdetails");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  Progress progress = { 0, };

  g_object_set (f->base.sim, "report-size", 8 * 1024 * 1024, NULL);
  file = run_download (f, request, &progress, FALSE, &error);
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), ==, 8 * 1024 * 1024);
  g_assert_cmpuint (progress.last_bytes, ==, 8 * 1024 * 1024);
}

static void
test_async (DownloadFixture *f,
            gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueagentperformance");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  Progress progress = { 0, };

  yeastar_report_request_set_async (request, TRUE);
  file = run_download (f, request, &progress, FALSE, &error);
  g_assert_no_error (error);
  assert_inside_folder (f, file);
  g_assert_true (progress.saw_preparing);
}

static void
test_dropped (DownloadFixture *f,
              gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  /* Large enough that part of the body is written before the drop. */
  g_object_set (f->base.sim, "report-size", 2 * 1024 * 1024, NULL);
  yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, 1);
  file = run_download (f, request, NULL, FALSE, &error);
  g_assert_null (file);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK);
  assert_folder_empty (f);
}

static void
test_dropped_small (DownloadFixture *f,
                    gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, 1);
  file = run_download (f, request, NULL, FALSE, &error);
  g_assert_null (file);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK);
  assert_folder_empty (f);
}

static void
test_cancel (DownloadFixture *f,
             gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_object_set (f->base.sim, "report-size", 256 * 1024 * 1024, NULL);
  file = run_download (f, request, NULL, TRUE, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_folder_empty (f);
}

static void
test_hostile_names (DownloadFixture *f,
                    gconstpointer    data)
{
  g_autofree char *long_name = NULL;
  const char *names[] = { "../x.csv", ".bashrc", "a/b.csv", "ctl\x01\x1b[31m\nname.csv",
                          "..\\..\\win.csv", NULL, };
  GString *builder = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append_c (builder, 'a' + (i % 26));
  g_string_append (builder, ".csv");
  long_name = g_string_free (builder, FALSE);
  names[G_N_ELEMENTS (names) - 1] = long_name;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *base = NULL;
      g_autofree char *expected = yeastar_file_name_sanitize (names[i]);

      g_object_set (f->base.sim, "hostile-file-name", names[i], NULL);
      yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_REPORT,
                                      YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME, 1);
      file = run_download (f, request, NULL, FALSE, &error);
      if (file == NULL)
        g_error ("%s: %s", names[i], error->message);
      assert_inside_folder (f, file);
      base = g_file_get_basename (file);
      g_assert_cmpstr (base, ==, expected);
      g_assert_cmpuint (strlen (base), <=, YEASTAR_FILE_NAME_MAX);
      g_assert_true (g_file_delete (file, NULL, NULL));
    }

  assert_folder_empty (f);
}

static void
test_no_overwrite (DownloadFixture *f,
                   gconstpointer    data)
{
  g_autofree char *existing = g_build_filename (f->dir, "fixed.csv", NULL);
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_object_set (f->base.sim, "hostile-file-name", "fixed.csv", NULL);

  for (guint n = 2; n <= 3; n++)
    {
      g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *base = NULL;
      g_autofree char *expected = g_strdup_printf ("fixed (%u).csv", n);

      yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_REPORT,
                                      YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME, 1);
      file = run_download (f, request, NULL, FALSE, &error);
      g_assert_no_error (error);
      base = g_file_get_basename (file);
      g_assert_cmpstr (base, ==, expected);
    }

  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "keep me");
}

static void
test_expired_link (DownloadFixture *f,
                   gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  /* Expired once: asked for again, then downloaded. */
  yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED, 1);
  file = run_download (f, request, NULL, FALSE, &error);
  g_assert_no_error (error);
  assert_inside_folder (f, file);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->base.sim, YEASTAR_SIMULATOR_REPORT), ==, 2);
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_clear_object (&file);

  /* Expired every time: only one more request, then the error. */
  yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED, 0);
  file = run_download (f, request, NULL, FALSE, &error);
  g_assert_null (file);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_LINK_EXPIRED);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->base.sim, YEASTAR_SIMULATOR_REPORT), ==, 4);
  assert_folder_empty (f);
}

static void
test_json_instead_of_file (DownloadFixture *f,
                           gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_simulator_inject_fault (f->base.sim, YEASTAR_SIMULATOR_FILE,
                                  YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE, 1);
  file = run_download (f, request, NULL, FALSE, &error);
  g_assert_null (file);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_A_FILE);
  assert_folder_empty (f);
}

static void
test_link_only (DownloadFixture *f,
                gconstpointer    data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(YeastarDownload) download = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_client_request_report_async (f->base.client, request, NULL, store_result_cb, &result);
  link = yeastar_client_request_report_finish (f->base.client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  download = yeastar_download_new_for_link (f->base.client, link, f->folder);
  yeastar_download_start_async (download, NULL, store_result_cb, &result);
  file = yeastar_download_start_finish (download, wait_result (&result), &error);
  g_assert_no_error (error);
  assert_inside_folder (f, file);
  g_assert_cmpstr (yeastar_download_get_file_name (download), ==, yeastar_report_link_get_file (link));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/yeastar/client/download/" path, DownloadFixture, NULL, download_setup, func, download_teardown)

  ADD ("basic", test_basic);
  ADD ("large", test_large);
  ADD ("async", test_async);
  ADD ("dropped", test_dropped);
  ADD ("dropped-small", test_dropped_small);
  ADD ("cancel", test_cancel);
  ADD ("hostile-names", test_hostile_names);
  ADD ("no-overwrite", test_no_overwrite);
  ADD ("expired-link", test_expired_link);
  ADD ("json-instead-of-file", test_json_instead_of_file);
  ADD ("link-only", test_link_only);

#undef ADD

  return g_test_run ();
}
