/* bench-server.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The simulated PBX of build-aux/bench.sh, in its own process so that the
 * programs measured (call-reports, curl) share nothing with it but
 * loopback. Credentials: "demo" / "demo-secret".
 *
 *   bench-server [--report-size BYTES] [--extensions N]
 *
 * It prints its base URI on the first line of standard output, then
 * answers commands read from standard input, one a line, each with one
 * line:
 *
 *   size BYTES      the size of the report files offered from now on: "ok"
 *   delay MS        the time the PBX takes to prepare a report in the
 *                   background (is_async) before its event 30027, from now
 *                   on, as a real PBX takes (default 200): "ok"
 *   link            ask for a report, as a client of its own, and print
 *                   its file's full URL with a valid access_token (for curl)
 *   count ENDPOINT  the number of requests to ENDPOINT so far
 *   total           the number of requests so far
 *   requests        connect a new client, then download two reports with
 *                   it (natural size): "connect=N first=N second=N
 *                   info=N menu=N token=N", the requests of the connection
 *                   and of each report, and those of each kind that the two
 *                   reports caused
 *   quit            stop
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "line-server.h"
#include "yeastar-private.h"
#include "yeastar-client.h"
#include "yeastar-download.h"
#include "yeastar-simulator.h"

static YeastarSimulator *simulator;
static YeastarClient *link_client;
static char *base_uri;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop (and so the simulator) until @result is set. */
static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static YeastarReportRequest *
new_request (void)
{
  YeastarReportRequest *request = yeastar_report_request_new ();

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1");
  return request;
}

static YeastarClient *
new_client (GError **error)
{
  return yeastar_client_new (base_uri, "demo", "demo-secret", error);
}

static char *
make_link (GError **error)
{
  g_autoptr(YeastarReportRequest) request = new_request ();
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) token_result = NULL;
  g_autofree char *token = NULL;
  const char *url;

  if (link_client == NULL && (link_client = new_client (error)) == NULL)
    return NULL;

  yeastar_client_request_report_async (link_client, request, NULL, store_result_cb, &result);
  link = yeastar_client_request_report_finish (link_client, wait_result (&result), error);
  if (link == NULL)
    return NULL;

  _yeastar_client_get_access_token_async (link_client, NULL, store_result_cb, &token_result);
  token = _yeastar_client_get_access_token_finish (link_client, wait_result (&token_result), NULL, error);
  if (token == NULL)
    return NULL;

  url = yeastar_report_link_get_url (link);
  return g_strdup_printf ("%s%s%caccess_token=%s", base_uri, url, strchr (url, '?') ? '&' : '?', token);
}

static gboolean
download_one (YeastarClient *client,
              GFile         *folder,
              GError       **error)
{
  g_autoptr(YeastarReportRequest) request = new_request ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;

  yeastar_client_download_report_async (client, request, folder, NULL, store_result_cb, &result);
  file = yeastar_client_download_report_finish (client, wait_result (&result), error);
  if (file == NULL)
    return FALSE;
  g_file_delete (file, NULL, NULL);
  return TRUE;
}

static char *
count_requests (GError **error)
{
  g_autoptr(YeastarClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = NULL;
  guint64 saved_size = 0;
  guint start, connected, first, second;
  guint info_before, menu_before, token_before;
  gboolean ok;

  client = new_client (error);
  dir = g_dir_make_tmp ("call-reports-bench-XXXXXX", error);
  if (client == NULL || dir == NULL)
    return NULL;
  folder = g_file_new_for_path (dir);
  g_object_get (simulator, "report-size", &saved_size, NULL);
  g_object_set (simulator, "report-size", (guint64) 0, NULL);

  start = yeastar_simulator_get_total_request_count (simulator);
  yeastar_client_connect_async (client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (client, wait_result (&result), error);
  if (info == NULL)
    return NULL;
  connected = yeastar_simulator_get_total_request_count (simulator);

  info_before = yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_INFORMATION);
  menu_before = yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_MENU_OPTIONS);
  token_before = yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_GET_TOKEN) +
                 yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_REFRESH_TOKEN);

  ok = download_one (client, folder, error);
  first = yeastar_simulator_get_total_request_count (simulator);
  ok = ok && download_one (client, folder, error);
  second = yeastar_simulator_get_total_request_count (simulator);

  g_object_set (simulator, "report-size", saved_size, NULL);
  g_rmdir (dir);
  if (!ok)
    return NULL;

  return g_strdup_printf ("connect=%u first=%u second=%u info=%u menu=%u token=%u",
                          connected - start, first - connected, second - first,
                          yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_INFORMATION) - info_before,
                          yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_MENU_OPTIONS) - menu_before,
                          yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_GET_TOKEN) +
                          yeastar_simulator_get_request_count (simulator, YEASTAR_SIMULATOR_REFRESH_TOKEN) -
                          token_before);
}

static char *
command_cb (char     **words,
            gpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  char *reply;

  if (g_strcmp0 (words[0], "size") == 0 && words[1] != NULL)
    {
      g_object_set (simulator, "report-size", g_ascii_strtoull (words[1], NULL, 10), NULL);
      reply = g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "delay") == 0 && words[1] != NULL)
    {
      guint64 ms = g_ascii_strtoull (words[1], NULL, 10);

      g_object_set (simulator, "async-delay-ms", (guint) MIN (ms, G_MAXINT32), NULL);
      reply = g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "link") == 0)
    reply = make_link (&error);
  else if (g_strcmp0 (words[0], "count") == 0 && words[1] != NULL)
    reply = g_strdup_printf ("%u", yeastar_simulator_get_request_count (simulator, words[1]));
  else if (g_strcmp0 (words[0], "total") == 0)
    reply = g_strdup_printf ("%u", yeastar_simulator_get_total_request_count (simulator));
  else if (g_strcmp0 (words[0], "requests") == 0)
    reply = count_requests (&error);
  else
    return NULL;

  if (reply == NULL)
    reply = g_strdup_printf ("error %s", error != NULL ? error->message : "");
  return reply;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report_size = 0;
  int extensions = 0;
  GOptionEntry entries[] = {
    { "report-size", 0, 0, G_OPTION_ARG_INT64, &report_size, "Size of each report file", "BYTES" },
    { "extensions", 0, 0, G_OPTION_ARG_INT, &extensions, "Number of extensions", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  simulator = yeastar_simulator_new ();
  g_object_set (simulator, "report-size", (guint64) MAX (report_size, 0), NULL);
  if (extensions > 0)
    yeastar_simulator_set_menu_size (simulator, "extension", extensions);
  if (!yeastar_simulator_start (simulator, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  base_uri = yeastar_simulator_dup_base_uri (simulator);
  line_server_answer (base_uri);
  line_server_run (2, command_cb, NULL);

  g_clear_object (&link_client);
  yeastar_simulator_stop (simulator);
  g_clear_object (&simulator);
  g_clear_pointer (&base_uri, g_free);

  return 0;
}
