/* test-simulator-files.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "simulator-test-util.h"
#include "yeastar-report-file.h"
#include "yeastar-report-type.h"
#include "yeastar-simulator.h"

/* call_report/download's offered files: their names, the download, an
 * expired link, every report type, a large report streamed. */

#define FILE_NAME_QUERY "type=queueperformance&queue_id_list=1,2&start_time=01/07/2026%2012:00:00%20AM" \
  "&end_time=31/07/2026%2011:59:59%20PM"

/* The random-looking part of an offered name: "…-download-<stamp>-<16>.csv". */
static const char *
name_suffix (const char *name)
{
  const char *dash = strrchr (name, '-');

  g_assert_nonnull (dash);
  g_assert_cmpuint (strlen (dash), ==, strlen ("-") + 16 + strlen (".csv"));
  for (guint i = 1; i <= 16; i++)
    g_assert_true (g_ascii_isalnum (dash[i]));
  return dash + 1;
}

static void
test_file_names (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 7, 31, 10, 0, 0);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) suffixes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GBytes) first = NULL;
  Fixture other = { 0, };

  /* Two simulators with the same clock, as two demo processes started in
   * the same second, or two runs of a test; each offers the same report
   * twice, within the same second. */
  fixture_set_up (&other, NULL);
  g_object_set (fx->sim, "clock", clock, NULL);
  g_object_set (other.sim, "clock", clock, NULL);

  for (guint i = 0; i < 4; i++)
    {
      Fixture *on = i % 2 == 0 ? fx : &other;
      JsonNode *reply = api_get (on, "/openapi/v2.0/call_report/download", FILE_NAME_QUERY);
      const char *name = string_of (reply, "file");
      g_autoptr(GBytes) contents = NULL;

      g_assert_cmpint (errcode_of (reply), ==, 0);
      g_ptr_array_add (replies, reply);
      g_assert_true (g_str_has_prefix (name, "QueuePerformance-37.23.0.123-download-20260731100000-"));
      g_assert_true (g_hash_table_add (names, (char *) name));
      g_assert_true (g_hash_table_add (suffixes, (char *) name_suffix (name)));

      /* The bytes depend on the request and the clock, never on the name. */
      contents = yeastar_simulator_dup_file_contents (on->sim, name);
      g_assert_nonnull (contents);
      if (first == NULL)
        first = g_bytes_ref (contents);
      else
        g_assert_true (g_bytes_equal (first, contents));
    }

  /* Each simulator offers only its own files. */
  g_assert_null (yeastar_simulator_dup_file_contents (other.sim, string_of (g_ptr_array_index (replies, 0), "file")));

  fixture_tear_down (&other, NULL);
}

static void
test_download (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(JsonNode) reply = api_get (fx, "/openapi/v2.0/call_report/download",
                                       "type=queueperformance&queue_id_list=1,2&start_time=01/07/2026%2012:00:00%20AM"
                                       "&end_time=31/07/2026%2011:59:59%20PM");
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) no_token = NULL;
  g_autoptr(SoupMessage) unknown = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) no_token_body = NULL;
  g_autoptr(GBytes) unknown_body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *no_token_uri = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (errcode_of (reply), ==, 0);
  body = download (fx, string_of (reply, "download_resource_url"), &msg);
  expected = yeastar_simulator_dup_file_contents (fx->sim, string_of (reply, "file"));
  g_assert_nonnull (expected);
  g_assert_true (g_bytes_equal (body, expected));
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL), ==, "text/csv");
  g_assert_nonnull (strstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Content-Disposition"),
                            "attachment"));

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  lines = g_strsplit (text, "\n", -1);
  /* The preamble: title, period, filters, a blank line; then the table. */
  g_assert_cmpstr (lines[0], ==, "Queue Performance");
  g_assert_cmpstr (lines[1], ==, "Period:,01/07/2026 12:00:00 AM - 31/07/2026 11:59:59 PM");
  g_assert_cmpstr (lines[2], ==, "Queues:,\"6400 Support, 6401 Sales\"");
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_true (g_str_has_prefix (lines[4], "Queue Number,Queue Name,Total Calls"));
  g_assert_true (g_str_has_prefix (lines[5], "6400,Support,"));
  g_assert_true (g_str_has_prefix (lines[6], "6401,Sales,"));
  g_assert_true (g_str_has_prefix (lines[7], "Total,"));
  g_assert_null (lines[8 + (*lines[8] == '\0')]);

  /* No token: a JSON 10004 body instead of the file. */
  no_token_uri = g_strconcat (fx->base, string_of (reply, "download_resource_url"), NULL);
  no_token = soup_message_new ("GET", no_token_uri);
  no_token_body = send_message (fx->session, no_token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (no_token_body, NULL), "10004"));

  unknown_body = download (fx, "/api/download/nothing.csv", &unknown);
  g_assert_nonnull (strstr (g_bytes_get_data (unknown_body, NULL), "60001"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (fx->sim, YEASTAR_SIMULATOR_FILE), ==, 3);
}

static void
test_expired_link (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  g_object_set (fx->sim, "link-lifetime", 0, NULL);
  reply = api_get (fx, "/openapi/v1.0/call_report/download", "type=ivr&ivr_id_list=1");
  body = download (fx, string_of (reply, "download_resource_url"), &msg);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                                   "application/json"));
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "60001"));
}

/* A valid v2.0 query for every type, from the table alone. */
static void
test_all_types (Fixture       *fx,
                gconstpointer  data)
{
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);
      g_autoptr(GString) query = g_string_new ("type=");
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *text = NULL;

      g_string_append (query, yeastar_report_type_get_api_name (type));
      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          const char *name = yeastar_param_get_api_name (p);

          if (!yeastar_report_type_takes (type, p))
            continue;
          if (p == YEASTAR_PARAM_START_TIME)
            g_string_append_printf (query, "&%s=01/07/2026%%2012:00:00%%20AM", name);
          else if (p == YEASTAR_PARAM_END_TIME)
            g_string_append_printf (query, "&%s=31/07/2026%%2011:59:59%%20PM", name);
          else if (p == YEASTAR_PARAM_TIME)
            g_string_append_printf (query, "&%s=30/07/2026", name);
          else if (p == YEASTAR_PARAM_EXT_ID_LIST || p == YEASTAR_PARAM_AGENT_ID_LIST)
            g_string_append_printf (query, "&%s=34,35", name);
          else if (p == YEASTAR_PARAM_TRUNK_ID || p == YEASTAR_PARAM_TRUNK_ID_LIST)
            g_string_append_printf (query, "&%s=3", name);
          else if (yeastar_report_type_requires (type, p))
            g_string_append_printf (query, "&%s=1", name);
        }

      reply = api_get (fx, "/openapi/v2.0/call_report/download", query->str);
      g_assert_cmpint (errcode_of (reply), ==, 0);
      body = download (fx, string_of (reply, "download_resource_url"), &msg);
      text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_test_message ("%s: %s…", yeastar_report_type_get_api_name (type), text);
      g_assert_nonnull (strstr (text, "\nTotal,"));
      /* Title, period, a blank line, header, at least one row, totals. */
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

        g_assert_cmpuint (g_strv_length (lines), >=, 7);
        g_assert_true (g_str_has_prefix (lines[1], "Period:,"));
      }
      /* And the reader finds the same: the preamble, the header, rows and the total. */
      {
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
        g_autoptr(YeastarReportFile) file = yeastar_report_file_new (stream);
        g_autoptr(GError) error = NULL;

        g_assert_true (yeastar_report_file_load (file, NULL, &error));
        g_assert_no_error (error);
        g_assert_nonnull (yeastar_report_file_get_title (file));
        g_assert_true (g_str_has_prefix (yeastar_report_file_get_preamble (file)[1], "Period: "));
        g_assert_nonnull (strstr (text, yeastar_report_file_get_column_name (file, 0)));
        g_assert_cmpuint (yeastar_report_table_get_n_rows (yeastar_report_file_get_rows (file)), >=, 1);
        g_assert_cmpuint (yeastar_report_table_get_n_rows (yeastar_report_file_get_totals (file)), ==, 1);
        g_assert_cmpstr (yeastar_report_table_get_cell (yeastar_report_file_get_totals (file), 0, 0), ==, "Total");
      }
    }
}


static void
test_large_report (Fixture       *fx,
                   gconstpointer  data)
{
  const guint64 size = 256 * 1024 * 1024 + 12345;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  gint64 start;
  guint64 length;

  g_object_set (fx->sim, "report-size", size, NULL);
  reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=extcallstatistics&ext_id_list=34");
  g_assert_cmpint (errcode_of (reply), ==, 0);
  g_assert_null (yeastar_simulator_dup_file_contents (fx->sim, string_of (reply, "file")));

  start = g_get_monotonic_time ();
  length = stream_length (fx, string_of (reply, "download_resource_url"), &head, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, size);
  /* The preamble, then the header. */
  g_assert_true (g_str_has_prefix (head, "Extension Call Statistics\nPeriod:,"));
  g_assert_nonnull (strstr (head, "\n\nExtension Number,"));
  g_test_message ("%" G_GUINT64_FORMAT " bytes at %.0f MB/s", length,
                  length / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC) / 1e6);
}

void
test_simulator_add_files (void)
{
  SIMULATOR_TEST_ADD ("report/download", test_download);
  SIMULATOR_TEST_ADD ("report/file-names", test_file_names);
  SIMULATOR_TEST_ADD ("report/expired-link", test_expired_link);
  SIMULATOR_TEST_ADD ("report/all-types", test_all_types);
  SIMULATOR_TEST_ADD ("report/large", test_large_report);
}
