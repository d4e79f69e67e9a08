/* test-requests.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What one report costs the PBX: with a valid token, a report is exactly
 * two requests, call_report/download and the file. The login, the system
 * information and the menu options are not fetched again per report.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "client-test-util.h"
#include "yeastar-download.h"

typedef struct
{
  guint total;
  guint token;
  guint refresh;
  guint information;
  guint menu;
  guint report;
  guint file;
} Counts;

static Counts
take_counts (YeastarSimulator *sim)
{
  Counts counts = {
    yeastar_simulator_get_total_request_count (sim),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_GET_TOKEN),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_REFRESH_TOKEN),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_INFORMATION),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_MENU_OPTIONS),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_REPORT),
    yeastar_simulator_get_request_count (sim, YEASTAR_SIMULATOR_FILE),
  };

  return counts;
}

static void
download_one (Fixture *f,
              GFile   *folder)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("extcallstatistics");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_client_download_report_async (f->client, request, folder, NULL, store_result_cb, &result);
  file = yeastar_client_download_report_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

static void
assert_two_requests (const Counts *before,
                     const Counts *after)
{
  g_assert_cmpuint (after->total - before->total, ==, 2);
  g_assert_cmpuint (after->report - before->report, ==, 1);
  g_assert_cmpuint (after->file - before->file, ==, 1);
  g_assert_cmpuint (after->token, ==, before->token);
  g_assert_cmpuint (after->refresh, ==, before->refresh);
  g_assert_cmpuint (after->information, ==, before->information);
  g_assert_cmpuint (after->menu, ==, before->menu);
}

static void
test_per_report (void)
{
  Fixture f = { 0, };
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  Counts start, first, second, third;

  fixture_start (&f, NULL);
  dir = g_dir_make_tmp ("yeastar-requests-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (dir);

  /* Connected as the window is: logged in, information read, and a menu
   * loaded for the ID selector. */
  start = take_counts (f.sim);
  info = connect_client (&f);
  yeastar_client_get_menu_options_async (f.client, "extension", NULL, NULL, store_result_cb, &result);
  options = yeastar_client_get_menu_options_finish (f.client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);   /* it holds the client */
  first = take_counts (f.sim);
  g_assert_cmpuint (first.total - start.total, ==, 3);

  /* The first report after connecting, and every one after it. */
  download_one (&f, folder);
  second = take_counts (f.sim);
  assert_two_requests (&first, &second);

  download_one (&f, folder);
  third = take_counts (f.sim);
  assert_two_requests (&second, &third);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  fixture_teardown (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/client/requests/per-report", test_per_report);

  return g_test_run ();
}
