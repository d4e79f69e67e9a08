/* test-secret-scan.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the client's flows (login, information, menu options, a report, an
 * async report over the event stream, downloads, a token renewal, failures
 * and the revocation) with every debug message on, captures everything
 * that is logged (GLib, GIO and libsoup domains included), every error
 * message and every file written, and then looks for each token the
 * simulator issued and for the Client Secret in all of it. Any hit fails.
 */

#include "config.h"

#include "client-test-util.h"
#include "yeastar-download.h"

static GString *captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append_printf (captured, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
      else
        g_string_append_printf (captured, "%s=%.*s\n", fields[i].key, (int) fields[i].length,
                                (const char *) fields[i].value);
    }
  return G_LOG_WRITER_HANDLED;
}

static void
remember_error (const GError *error)
{
  if (error != NULL)
    g_string_append_printf (captured, "error=%s\n", error->message);
}

static void
download (Fixture  *f,
          GFile    *folder,
          gboolean  async)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("extcallstatistics");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_report_request_set_async (request, async);
  yeastar_client_download_report_async (f->client, request, folder, NULL, store_result_cb, &result);
  file = yeastar_client_download_report_finish (f->client, wait_result (&result), &error);
  remember_error (error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

static void
append_folder (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_string_append_printf (captured, "file=%s\n", name);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_string_append_len (captured, contents, len);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
test_scan (void)
{
  Fixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("yeastar-scan-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_auto(GStrv) tokens = NULL;

  g_assert_no_error (error);
  fixture_start (&f, NULL);
  g_object_set (f.sim, "access-token-lifetime", 4, "async-delay-ms", 50, NULL);

  info = connect_client (&f);

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) options = NULL;

    yeastar_client_get_menu_options_async (f.client, "extension", NULL, NULL, store_result_cb, &result);
    options = yeastar_client_get_menu_options_finish (f.client, wait_result (&result), &error);
    g_assert_no_error (error);
  }

  download (&f, folder, FALSE);
  download (&f, folder, TRUE);

  /* A renewal (half the 4 s lifetime), then a 10004 and its retry. */
  spin_for (2200);
  download (&f, folder, FALSE);
  yeastar_simulator_expire_access_tokens (f.sim);
  download (&f, folder, FALSE);

  /* Failures whose messages could carry what the PBX echoes. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) options = NULL;

    yeastar_simulator_inject_fault (f.sim, YEASTAR_SIMULATOR_MENU_OPTIONS, YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, 1);
    yeastar_client_get_menu_options_async (f.client, "trunk", NULL, NULL, store_result_cb, &result);
    options = yeastar_client_get_menu_options_finish (f.client, wait_result (&result), &error);
    g_assert_nonnull (error);
    remember_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;

    yeastar_client_disconnect_async (f.client, NULL, store_result_cb, &result);
    yeastar_client_disconnect_finish (f.client, wait_result (&result), &error);
    g_assert_no_error (error);
  }

  append_folder (dir);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  /* The scan: every token issued, and the secret. */
  tokens = yeastar_simulator_dup_issued_tokens (f.sim);
  g_assert_cmpuint (g_strv_length (tokens), >=, 6);
  g_test_message ("scanned %" G_GSIZE_FORMAT " bytes of logs, errors and files for %u tokens and the secret",
                  captured->len, g_strv_length (tokens));
  g_assert_null (strstr (captured->str, TEST_SECRET));
  for (guint i = 0; tokens[i] != NULL; i++)
    if (strstr (captured->str, tokens[i]) != NULL)
      g_error ("token %u of %u found in the captured output", i, g_strv_length (tokens));

  /* The scan itself works: the debug log did capture the flows. */
  g_assert_nonnull (strstr (captured->str, "get_token"));
  g_assert_nonnull (strstr (captured->str, "refresh_token"));

  fixture_teardown (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/yeastar/secrets/scan", test_scan);
  status = g_test_run ();

  g_string_free (captured, TRUE);
  return status;
}
