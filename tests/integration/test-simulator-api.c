/* test-simulator-api.c
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

/* system/information, the menus of get_menuoptions, and the v2.0
 * validator of call_report/download. */

static void
test_information (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2026, 7, 30, 21, 31, 37);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) reply24 = NULL;
  g_autoptr(JsonNode) v2 = NULL;
  JsonObject *info;

  g_object_set (fx->sim, "clock", clock, NULL);
  reply = api_get (fx, "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (reply), ==, 0);
  info = json_object_get_object_member (json_node_get_object (reply), "data");
  g_assert_cmpstr (json_object_get_string_member (info, "system_time"), ==, "30/07/2026 09:31:37 PM");
  g_assert_cmpstr (json_object_get_string_member (info, "system_date_format"), ==, "DD/MM/YYYY");
  g_assert_cmpstr (json_object_get_string_member (info, "system_time_format"), ==, "hh:mm:ss PM");
  g_assert_cmpstr (json_object_get_string_member (info, "firmware_version"), ==, "37.23.0.123");
  g_assert_cmpstr (json_object_get_string_member (info, "model_name"), ==, "Yeastar P570");
  g_assert_cmpstr (json_object_get_string_member (info, "device_name"), ==, "Demo PBX");
  g_assert_cmpint (json_object_get_int_member (info, "timestamp"), ==, g_date_time_to_unix (clock));
  g_assert_true (json_object_has_member (info, "sn"));
  g_assert_true (json_object_has_member (info, "up_time"));

  g_object_set (fx->sim, "date-format", "YYYY-MM-DD", "time-format", "HH:mm:ss", NULL);
  reply24 = api_get (fx, "/openapi/v1.0/system/information", NULL);
  info = json_object_get_object_member (json_node_get_object (reply24), "data");
  g_assert_cmpstr (json_object_get_string_member (info, "system_time"), ==, "2026-07-30 21:31:37");

  v2 = api_get (fx, "/openapi/v2.0/system/information", NULL);
  g_assert_cmpint (errcode_of (v2), ==, 10001);
}

static guint
menu_length (JsonNode *reply)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (reply), "data"));
}

static void
test_menu_options (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) extensions = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=extension");
  g_autoptr(JsonNode) trunks = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=trunk");
  g_autoptr(JsonNode) queues = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=queue");
  g_autoptr(JsonNode) no_id = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=queue_agent");
  g_autoptr(JsonNode) agents = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=queue_agent&id=1");
  g_autoptr(JsonNode) unknown = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=nonsense");
  g_autoptr(JsonNode) many = NULL;
  JsonObject *first;
  gint64 start;

  g_assert_cmpint (errcode_of (extensions), ==, 0);
  g_assert_cmpuint (menu_length (extensions), ==, 12);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (extensions), "data"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "1001 - Alice Martin");
  g_assert_cmpstr (json_object_get_string_member (first, "value"), ==, "34");

  g_assert_cmpuint (menu_length (trunks), ==, 2);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (trunks), "data"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "SIP-Trunk-1");
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "SIP");

  g_assert_cmpuint (menu_length (queues), ==, 3);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (queues), "data"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "6400 - Support");
  g_assert_cmpstr (json_object_get_string_member (first, "value"), ==, "1");

  g_assert_cmpint (errcode_of (no_id), ==, 40002);
  g_assert_cmpuint (menu_length (agents), ==, 4);
  g_assert_cmpint (errcode_of (unknown), ==, 40002);
  {
    g_autofree char *last_query = yeastar_simulator_dup_last_query (fx->sim, YEASTAR_SIMULATOR_MENU_OPTIONS);

    g_assert_cmpstr (last_query, ==, "menu=nonsense");
  }

  yeastar_simulator_set_menu_size (fx->sim, "extension", 20000);
  start = g_get_monotonic_time ();
  many = api_get (fx, "/openapi/v1.0/system/get_menuoptions", "menu=extension");
  g_test_message ("20,000 extensions: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (menu_length (many), ==, 20000);
}

static JsonObject *
first_invalid (JsonNode *reply)
{
  JsonArray *list = json_object_get_array_member (json_node_get_object (reply), "invalid_param_list");

  g_assert_cmpuint (json_array_get_length (list), >=, 1);
  return json_array_get_object_element (list, 0);
}

static void
test_validator (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(JsonNode) missing = api_get (fx, "/openapi/v2.0/call_report/download", "type=extcallstatistics");
  g_autoptr(JsonNode) bad_format = api_get (fx, "/openapi/v2.0/call_report/download",
                                            "type=extcallstatistics&ext_id_list=34&start_time=2026/07/01%2000:00:00");
  g_autoptr(JsonNode) bad_period = api_get (fx, "/openapi/v2.0/call_report/download",
                                            "type=queueavgwaittalktime&queue_id_list=1&time=2026/07");
  g_autoptr(JsonNode) no_time = api_get (fx, "/openapi/v2.0/call_report/download",
                                         "type=queueavgwaittalktime&queue_id_list=1");
  g_autoptr(JsonNode) bad_enum = api_get (fx, "/openapi/v2.0/call_report/download",
                                          "type=trunkactivity&trunk_id_list=3&time=07/2026&communication_type=Internal");
  g_autoptr(JsonNode) unknown = api_get (fx, "/openapi/v2.0/call_report/download", "type=bogus");
  g_autoptr(JsonNode) good = api_get (fx, "/openapi/v2.0/call_report/download",
                                      "type=extcallstatistics&ext_id_list=34,35&start_time=01/07/2026%2012:00:00%20AM"
                                      "&end_time=31/07/2026%2011:59:59%20PM");
  g_autoptr(JsonNode) v1 = NULL;
  g_autofree char *query = NULL;
  JsonObject *invalid;

  g_assert_cmpint (errcode_of (missing), ==, 40002);
  g_assert_cmpstr (string_of (missing, "errmsg"), ==, "PARAMETER ERROR");
  invalid = first_invalid (missing);
  g_assert_cmpstr (json_object_get_string_member (invalid, "field"), ==, "ext_id_list");
  g_assert_cmpstr (json_object_get_string_member (invalid, "valid_msg"), ==,
                   "ext_id_list must required when type is extcallstatistics");

  g_assert_cmpint (errcode_of (bad_format), ==, 40002);
  invalid = first_invalid (bad_format);
  g_assert_cmpstr (json_object_get_string_member (invalid, "field"), ==, "start_time");
  g_assert_cmpstr (json_object_get_string_member (invalid, "valid_msg"), ==,
                   "start_time format invalid, valid format: 02/01/2006 03:04:05 PM");

  g_assert_cmpint (errcode_of (bad_period), ==, 40002);
  g_assert_cmpstr (json_object_get_string_member (first_invalid (bad_period), "valid_msg"), ==,
                   "time format invalid, valid format: 01/2006");
  g_assert_cmpint (errcode_of (no_time), ==, 40002);
  g_assert_cmpstr (json_object_get_string_member (first_invalid (no_time), "valid_msg"), ==,
                   "time must required when type is queueavgwaittalktime");
  g_assert_cmpint (errcode_of (bad_enum), ==, 40002);
  g_assert_cmpstr (json_object_get_string_member (first_invalid (bad_enum), "field"), ==, "communication_type");

  g_assert_cmpint (errcode_of (unknown), ==, -2);
  g_assert_cmpstr (string_of (unknown, "errmsg"), ==, "INTERNAL SERVER ERROR");

  g_assert_cmpint (errcode_of (good), ==, 0);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (fx->sim), ==, "v2.0");
  query = yeastar_simulator_dup_last_query (fx->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_cmpstr (query, ==,
                   "type=extcallstatistics&ext_id_list=34,35&start_time=01/07/2026 12:00:00 AM"
                   "&end_time=31/07/2026 11:59:59 PM");
  g_assert_true (g_str_has_prefix (string_of (good, "file"), "ExtensionCallStatistics-37.23.0.123-download-"));
  g_assert_true (g_str_has_suffix (string_of (good, "file"), ".csv"));
  g_assert_true (g_str_has_prefix (string_of (good, "download_resource_url"), "/api/download/"));

  /* v1.0 does not validate. */
  v1 = api_get (fx, "/openapi/v1.0/call_report/download", "type=extcallstatistics&start_time=garbage");
  g_assert_cmpint (errcode_of (v1), ==, 0);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (fx->sim), ==, "v1.0");
}

void
test_simulator_add_api (void)
{
  SIMULATOR_TEST_ADD ("information", test_information);
  SIMULATOR_TEST_ADD ("menu-options", test_menu_options);
  SIMULATOR_TEST_ADD ("report/validator", test_validator);
}
