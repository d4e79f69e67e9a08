/* test-simulator-faults.c
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

/* Fault injection and hostile names. */

/* Faults */

static GBytes *
raw_get (Fixture      *fx,
         const char   *path,
         SoupMessage **out_msg,
         GError      **error)
{
  g_autofree char *full = NULL;

  if (fx->token == NULL)
    fx->token = login (fx);
  full = g_strdup_printf ("%s?access_token=%s", path, fx->token);
  *out_msg = new_message (fx, "GET", full, NULL);
  return send_message (fx->session, *out_msg, error);
}

/* libsoup 3.2 does not fail a body that ends before its Content-Length:
 * either an error, or fewer bytes than promised. */
static void
assert_dropped (SoupMessage *msg,
                GBytes      *body,
                GError      *error)
{
  if (error != NULL)
    return;

  g_assert_nonnull (body);
  g_assert_cmpint (g_bytes_get_size (body), <,
                   soup_message_headers_get_content_length (soup_message_get_response_headers (msg)));
}

static void
test_faults (Fixture       *fx,
             gconstpointer  data)
{
  const char *info = "/openapi/v1.0/system/information";
  static const struct
  {
    YeastarSimulatorFault fault;
    int                   errcode;
  } errcode_faults[] = {
    { YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED, 10004 },
    { YEASTAR_SIMULATOR_FAULT_TOKEN_CAP, 60002 },
    { YEASTAR_SIMULATOR_FAULT_IP_BLOCKED, 70004 },
    { YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN, 70087 },
    { YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, 10005 },
  };

  fx->token = login (fx);

  for (guint i = 0; i < G_N_ELEMENTS (errcode_faults); i++)
    {
      g_autoptr(JsonNode) faulted = NULL;
      g_autoptr(JsonNode) normal = NULL;

      yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, errcode_faults[i].fault, 1);
      faulted = api_get (fx, info, NULL);
      g_assert_cmpint (errcode_of (faulted), ==, errcode_faults[i].errcode);
      normal = api_get (fx, info, NULL);
      g_assert_cmpint (errcode_of (normal), ==, 0);
    }

  /* HTTP 500, HTML, truncated JSON. */
  {
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_HTTP_500, 1);
    body = raw_get (fx, info, &msg, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 500);
  }
  {
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_HTML, 1);
    body = raw_get (fx, info, &msg, &error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                                     "text/html"));
  }
  {
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON, 1);
    body = raw_get (fx, info, &msg, &error);
    g_assert_false (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  }
  /* Wrong types on the report. */
  {
    g_autoptr(JsonNode) reply = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
    reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1");
    g_assert_false (JSON_NODE_HOLDS_VALUE (json_object_get_member (json_node_get_object (reply), "file")) &&
                    json_node_get_value_type (json_object_get_member (json_node_get_object (reply), "file")) == G_TYPE_STRING);
  }
  /* Dropped mid-body: JSON and file. */
  {
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, 1);
    body = raw_get (fx, info, &msg, &error);
    assert_dropped (msg, body, error);
  }
  {
    g_autoptr(JsonNode) reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1");
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, 1);
    body = raw_get (fx, string_of (reply, "download_resource_url"), &msg, &error);
    assert_dropped (msg, body, error);
  }
  /* Stall. */
  {
    g_autoptr(JsonNode) reply = NULL;
    gint64 start = g_get_monotonic_time ();

    g_object_set (fx->sim, "stall-ms", 300, NULL);
    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_STALL, 1);
    reply = api_get (fx, info, NULL);
    g_assert_cmpint (errcode_of (reply), ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  }
  /* Huge JSON, streamed. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *head = NULL;
    guint64 length;

    g_object_set (fx->sim, "huge-json-size", (guint64) 8 * 1024 * 1024, NULL);
    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_HUGE_JSON, 1);
    length = stream_length (fx, info, &head, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (length, >=, 8 * 1024 * 1024 - 256 * 1024);
    g_assert_true (g_str_has_prefix (head, "{\"errcode\":0,"));
  }
  /* Link expired, JSON instead of file. */
  {
    g_autoptr(JsonNode) reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1");
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(SoupMessage) msg2 = NULL;
    g_autoptr(SoupMessage) msg3 = NULL;
    g_autoptr(GBytes) expired = NULL;
    g_autoptr(GBytes) json = NULL;
    g_autoptr(GBytes) file = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED, 1);
    expired = download (fx, string_of (reply, "download_resource_url"), &msg);
    g_assert_nonnull (strstr (g_bytes_get_data (expired, NULL), "60001"));

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_JSON_INSTEAD_OF_FILE, 1);
    json = download (fx, string_of (reply, "download_resource_url"), &msg2);
    g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (soup_message_get_response_headers (msg2), NULL),
                                     "application/json"));

    /* The counts ran out: the file again. */
    file = download (fx, string_of (reply, "download_resource_url"), &msg3);
    g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg3), NULL), ==, "text/csv");
  }
  /* A fault until cleared. */
  {
    g_autoptr(JsonNode) one = NULL;
    g_autoptr(JsonNode) two = NULL;
    g_autoptr(JsonNode) cleared = NULL;

    yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, 0);
    one = api_get (fx, info, NULL);
    two = api_get (fx, info, NULL);
    g_assert_cmpint (errcode_of (one), ==, 10005);
    g_assert_cmpint (errcode_of (two), ==, 10005);
    yeastar_simulator_clear_faults (fx->sim);
    cleared = api_get (fx, info, NULL);
    g_assert_cmpint (errcode_of (cleared), ==, 0);
  }
}

static void
test_hostile_names (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (300, 'a');
  const char *names[] = { "../x.csv", ".bashrc", "a/b.csv", "tab\there\x01.csv", "quote\"and space.csv", long_name };

  fx->token = login (fx);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) expected = NULL;

      g_object_set (fx->sim, "hostile-file-name", names[i], NULL);
      yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME, 1);
      reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1");
      g_assert_cmpstr (string_of (reply, "file"), ==, names[i]);
      body = download (fx, string_of (reply, "download_resource_url"), &msg);
      g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL), ==, "text/csv");
      expected = yeastar_simulator_dup_file_contents (fx->sim, names[i]);
      g_assert_true (g_bytes_equal (body, expected));
    }
}

void
test_simulator_add_faults (void)
{
  SIMULATOR_TEST_ADD ("faults", test_faults);
  SIMULATOR_TEST_ADD ("faults/hostile-names", test_hostile_names);
}
