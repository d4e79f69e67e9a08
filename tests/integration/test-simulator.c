/* test-simulator.c
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

#include "yeastar-report-file.h"
#include "yeastar-report-type.h"
#include "yeastar-simulator.h"

/* The simulator driven with raw libsoup, on one thread: every request
 * spins the main context until it is done. */

typedef struct
{
  YeastarSimulator *sim;
  SoupSession      *session;
  char             *base;
  char             *token;
} Fixture;

typedef struct
{
  GBytes  *body;
  GError  *error;
  gboolean done;
} Reply;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->sim = yeastar_simulator_new ();
  g_assert_true (yeastar_simulator_start (fx->sim, NULL, &error));
  g_assert_no_error (error);
  fx->base = yeastar_simulator_dup_base_uri (fx->sim);
  g_assert_true (g_str_has_prefix (fx->base, "http://127.0.0.1:"));
  fx->session = soup_session_new_with_options ("user-agent", "OpenAPI", "timeout", 60, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->session);
  yeastar_simulator_stop (fx->sim);
  /* Let closed connections finish before checking the object goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fx->sim);
  g_free (fx->base);
  g_free (fx->token);
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reply *reply = user_data;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &reply->error);
  reply->done = TRUE;
}

static GBytes *
send_message (SoupSession  *session,
              SoupMessage  *msg,
              GError      **error)
{
  Reply reply = { NULL, NULL, FALSE };

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, &reply);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  if (reply.error != NULL)
    g_propagate_error (error, reply.error);
  return reply.body;
}

static SoupMessage *
new_message (Fixture    *fx,
             const char *method,
             const char *path,
             const char *json_body)
{
  g_autofree char *uri = g_strconcat (fx->base, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return msg;
}

/* A JSON reply as a JsonNode (object expected). */
static JsonNode *
request_json (Fixture    *fx,
              const char *method,
              const char *path,
              const char *json_body)
{
  g_autoptr(SoupMessage) msg = new_message (fx, method, path, json_body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = send_message (fx->session, msg, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                                   "application/json"));
  data = g_bytes_get_data (body, &len);
  g_assert_true (json_parser_load_from_data (parser, data, len, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
errcode_of (JsonNode *node)
{
  return json_object_get_int_member (json_node_get_object (node), "errcode");
}

static const char *
string_of (JsonNode   *node,
           const char *member)
{
  return json_object_get_string_member (json_node_get_object (node), member);
}

static char *
login (Fixture *fx)
{
  g_autoptr(JsonNode) reply = request_json (fx, "POST", "/openapi/v1.0/get_token",
                                            "{\"username\":\"demo\",\"password\":\"demo-secret\"}");

  g_assert_cmpint (errcode_of (reply), ==, 0);
  return g_strdup (string_of (reply, "access_token"));
}

/* GET path?query&access_token=<fx->token>; query is already encoded. */
static JsonNode *
api_get (Fixture    *fx,
         const char *path,
         const char *query)
{
  g_autofree char *full = NULL;

  if (fx->token == NULL)
    fx->token = login (fx);
  full = g_strdup_printf ("%s?%s%saccess_token=%s", path, query ? query : "", query ? "&" : "", fx->token);
  return request_json (fx, "GET", full, NULL);
}

static void
test_token_issue (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_auto(GStrv) issued = NULL;
  JsonObject *object;

  reply = request_json (fx, "POST", "/openapi/v1.0/get_token",
                        "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
  object = json_node_get_object (reply);
  g_assert_cmpint (errcode_of (reply), ==, 0);
  g_assert_cmpstr (string_of (reply, "errmsg"), ==, "SUCCESS");
  g_assert_cmpint (json_object_get_int_member (object, "access_token_expire_time"), ==, 1800);
  g_assert_cmpint (json_object_get_int_member (object, "refresh_token_expire_time"), ==, 86400);
  g_assert_cmpuint (strlen (string_of (reply, "access_token")), ==, 32);
  g_assert_cmpuint (strlen (string_of (reply, "refresh_token")), ==, 32);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 1);

  issued = yeastar_simulator_dup_issued_tokens (fx->sim);
  g_assert_cmpuint (g_strv_length (issued), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) issued, string_of (reply, "access_token")));

  bad = request_json (fx, "POST", "/openapi/v1.0/get_token", "{\"username\":\"demo\",\"password\":\"nope\"}");
  g_assert_cmpint (errcode_of (bad), !=, 0);
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (fx->sim), ==, 1);
  g_free (login (fx));
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (fx->sim), ==, 0);
  g_assert_cmpuint (yeastar_simulator_get_request_count (fx->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 3);
}

static void
test_token_cap (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *token = NULL;

  for (guint i = 0; i < 8; i++)
    g_free (login (fx));
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 8);

  reply = request_json (fx, "POST", "/openapi/v1.0/get_token",
                        "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
  g_assert_cmpint (errcode_of (reply), ==, 60002);
  g_assert_cmpstr (string_of (reply, "errmsg"), ==, "MAX LIMITATION EXCEEDED");

  yeastar_simulator_expire_access_tokens (fx->sim);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 0);
  token = login (fx);
  g_assert_nonnull (token);
}

static void
test_token_refresh (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) first = request_json (fx, "POST", "/openapi/v1.0/get_token",
                                            "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
  g_autofree char *body = g_strdup_printf ("{\"refresh_token\":\"%s\"}", string_of (first, "refresh_token"));
  g_autoptr(JsonNode) second = request_json (fx, "POST", "/openapi/v1.0/refresh_token", body);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(JsonNode) dead = NULL;
  g_autofree char *body2 = NULL;

  g_assert_cmpint (errcode_of (second), ==, 0);
  g_assert_cmpstr (string_of (second, "access_token"), !=, string_of (first, "access_token"));
  g_assert_cmpstr (string_of (second, "refresh_token"), !=, string_of (first, "refresh_token"));
  /* Both access tokens live and count. */
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 2);

  again = request_json (fx, "POST", "/openapi/v1.0/refresh_token", body);
  g_assert_cmpint (errcode_of (again), ==, 10004);

  fx->token = g_strdup (string_of (first, "access_token"));
  info = api_get (fx, "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (info), ==, 0);

  yeastar_simulator_expire_refresh_tokens (fx->sim);
  body2 = g_strdup_printf ("{\"refresh_token\":\"%s\"}", string_of (second, "refresh_token"));
  dead = request_json (fx, "POST", "/openapi/v1.0/refresh_token", body2);
  g_assert_cmpint (errcode_of (dead), ==, 10004);
}

static void
test_token_del (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(JsonNode) del = api_get (fx, "/openapi/v1.0/del_token", NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) missing = NULL;

  g_assert_cmpint (errcode_of (del), ==, 0);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 0);
  after = api_get (fx, "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (after), ==, 10004);
  missing = request_json (fx, "GET", "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (missing), ==, 10004);
  g_assert_cmpstr (string_of (missing, "errmsg"), ==, "TOKEN EXPIRED");
}

static void
test_token_expiry (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_object_set (fx->sim, "access-token-lifetime", 1, NULL);
  before = api_get (fx, "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (before), ==, 0);
  g_usleep (1100 * 1000);
  after = api_get (fx, "/openapi/v1.0/system/information", NULL);
  g_assert_cmpint (errcode_of (after), ==, 10004);
}

static void
test_ip_block (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(JsonNode) blocked = NULL;
  g_autoptr(JsonNode) blocked_info = NULL;
  g_autofree char *token = NULL;

  g_object_set (fx->sim, "block-duration", 1, NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(JsonNode) reply = request_json (fx, "POST", "/openapi/v1.0/get_token",
                                                "{\"username\":\"demo\",\"password\":\"wrong\"}");

      g_assert_cmpint (errcode_of (reply), !=, 0);
      g_assert_cmpint (errcode_of (reply), !=, 70004);
    }
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (fx->sim), ==, 5);

  blocked = request_json (fx, "POST", "/openapi/v1.0/get_token",
                          "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
  g_assert_cmpint (errcode_of (blocked), ==, 70004);
  g_assert_cmpstr (string_of (blocked, "errmsg"), ==, "ACCOUNT IP BLOCKED");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (blocked), "block_expire_time"), >, 0);

  blocked_info = request_json (fx, "GET", "/openapi/v1.0/system/information?access_token=x", NULL);
  g_assert_cmpint (errcode_of (blocked_info), ==, 70004);

  g_usleep (1100 * 1000);
  token = login (fx);
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (fx->sim), ==, 0);
}

static void
test_user_agent (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(SoupSession) bare = soup_session_new ();
  g_autoptr(SoupMessage) msg = new_message (fx, "POST", "/openapi/v1.0/get_token",
                                            "{\"username\":\"demo\",\"password\":\"demo-secret\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = send_message (bare, msg, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"errcode\":-1"));
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (fx->sim), ==, 0);
}

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

static GBytes *
download (Fixture      *fx,
          const char   *link,
          SoupMessage **out_msg)
{
  g_autofree char *path = g_strdup_printf ("%s?access_token=%s", link, fx->token);
  SoupMessage *msg = new_message (fx, "GET", path, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *body = send_message (fx->session, msg, &error);

  g_assert_no_error (error);
  *out_msg = msg;
  return body;
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

typedef struct
{
  GInputStream *stream;
  GError       *error;
  gboolean      done;
} Opened;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opened *opened = user_data;

  opened->stream = soup_session_send_finish (SOUP_SESSION (object), result, &opened->error);
  opened->done = TRUE;
}

typedef struct
{
  gssize   n;
  GError  *error;
  gboolean done;
} ReadResult;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReadResult *read = user_data;

  read->n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &read->error);
  read->done = TRUE;
}

/* Streams a link, counting bytes without keeping them. */
static guint64
stream_length (Fixture     *fx,
               const char  *link,
               char       **head,
               GError     **error)
{
  g_autofree char *uri = g_strdup_printf ("%s%s?access_token=%s", fx->base, link, fx->token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autofree guint8 *buffer = g_malloc (1024 * 1024);
  Opened opened = { NULL, NULL, FALSE };
  guint64 total = 0;

  soup_session_send_async (fx->session, msg, G_PRIORITY_DEFAULT, NULL, opened_cb, &opened);
  while (!opened.done)
    g_main_context_iteration (NULL, TRUE);
  if (opened.error != NULL)
    {
      g_propagate_error (error, opened.error);
      return 0;
    }

  for (;;)
    {
      ReadResult read = { 0, NULL, FALSE };

      g_input_stream_read_async (opened.stream, buffer, 1024 * 1024, G_PRIORITY_DEFAULT, NULL, read_cb, &read);
      while (!read.done)
        g_main_context_iteration (NULL, TRUE);
      if (read.error != NULL)
        {
          g_propagate_error (error, read.error);
          break;
        }
      if (read.n == 0)
        break;
      if (total == 0 && head != NULL)
        *head = g_strndup ((char *) buffer, MIN (read.n, 512));
      total += read.n;
    }

  g_object_unref (opened.stream);
  return total;
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

/* WebSocket */

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  gboolean                 done;
  GPtrArray               *messages;
  gboolean                 closed;
} Socket;

static void
socket_message_cb (SoupWebsocketConnection *connection,
                   int                      type,
                   GBytes                  *message,
                   Socket                  *socket)
{
  g_ptr_array_add (socket->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
socket_closed_cb (SoupWebsocketConnection *connection,
                  Socket                  *socket)
{
  socket->closed = TRUE;
}

static void
socket_connected_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Socket *socket = user_data;

  socket->connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &socket->error);
  socket->done = TRUE;
}

static void
socket_open (Fixture    *fx,
             Socket     *socket,
             const char *token)
{
  g_autofree char *uri = g_strdup_printf ("%s/openapi/v1.0/subscribe?access_token=%s", fx->base, token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  memset (socket, 0, sizeof *socket);
  socket->messages = g_ptr_array_new_with_free_func (g_free);
  soup_session_websocket_connect_async (fx->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        socket_connected_cb, socket);
  while (!socket->done)
    g_main_context_iteration (NULL, TRUE);

  if (socket->connection != NULL)
    {
      g_signal_connect (socket->connection, "message", G_CALLBACK (socket_message_cb), socket);
      g_signal_connect (socket->connection, "closed", G_CALLBACK (socket_closed_cb), socket);
    }
}

static void
socket_wait (Socket *socket,
             guint   n_messages)
{
  while (socket->messages->len < n_messages && !socket->closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (socket->messages->len, >=, n_messages);
}

static void
socket_close (Socket *socket)
{
  if (socket->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (socket->connection, socket);
      if (soup_websocket_connection_get_state (socket->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (socket->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&socket->connection);
    }
  g_clear_error (&socket->error);
  g_clear_pointer (&socket->messages, g_ptr_array_unref);
}

static JsonObject *
event_msg (const char *text,
           JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *event;
  JsonNode *msg;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  *root = json_node_copy (json_parser_get_root (parser));
  event = json_node_get_object (*root);
  g_assert_cmpint (json_object_get_int_member (event, "type"), ==, 30027);
  g_assert_cmpstr (json_object_get_string_member (event, "sn"), !=, NULL);
  msg = json_object_get_member (event, "msg");

  if (JSON_NODE_HOLDS_VALUE (msg))
    {
      g_autoptr(JsonParser) inner = json_parser_new ();

      g_assert_true (json_parser_load_from_data (inner, json_node_get_string (msg), -1, NULL));
      json_object_set_member (event, "msg", json_node_copy (json_parser_get_root (inner)));
    }

  return json_object_get_object_member (event, "msg");
}

static void
test_websocket (Fixture       *fx,
                gconstpointer  data)
{
  Socket socket;
  Socket rejected;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) reply2 = NULL;
  g_autoptr(JsonNode) reply3 = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autoptr(JsonNode) root3 = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonObject *event;

  fx->token = login (fx);
  g_object_set (fx->sim, "async-delay-ms", 50, NULL);

  socket_open (fx, &rejected, "not-a-token");
  g_assert_null (rejected.connection);
  g_assert_nonnull (rejected.error);
  socket_close (&rejected);

  socket_open (fx, &socket, fx->token);
  g_assert_no_error (socket.error);
  soup_websocket_connection_send_text (socket.connection, "{\"topic_list\":[30027]}");
  socket_wait (&socket, 1);
  g_assert_cmpstr (g_ptr_array_index (socket.messages, 0), ==, "{\"errcode\":0,\"errmsg\":\"SUCCESS\"}");
  soup_websocket_connection_send_text (socket.connection, "heartbeat");
  socket_wait (&socket, 2);
  g_assert_cmpstr (g_ptr_array_index (socket.messages, 1), ==, "heartbeat response");
  g_assert_cmpuint (yeastar_simulator_get_heartbeat_count (fx->sim), ==, 1);

  reply = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  g_assert_cmpint (errcode_of (reply), ==, 2);
  g_assert_cmpstr (string_of (reply, "errmsg"), ==, "PROCESSING");
  socket_wait (&socket, 3);
  event = event_msg (g_ptr_array_index (socket.messages, 2), &root);
  g_assert_cmpstr (json_object_get_string_member (event, "key"), ==, "report_download");
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "success");
  g_assert_cmpstr (json_object_get_string_member (event, "error"), ==, "");
  g_assert_cmpint (json_object_get_int_member (event, "download_id"), ==, 1);
  body = download (fx, json_object_get_string_member (event, "download_resource_url"), &msg);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (body, NULL), "IVR Report\nPeriod:,"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), "\n\nIVR Number,"));

  g_object_set (fx->sim, "event-msg-as-string", TRUE, NULL);
  reply2 = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  socket_wait (&socket, 4);
  g_assert_true (strstr (g_ptr_array_index (socket.messages, 3), "\"msg\":\"{") != NULL);
  event = event_msg (g_ptr_array_index (socket.messages, 3), &root2);
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "success");

  yeastar_simulator_inject_fault (fx->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);
  reply3 = api_get (fx, "/openapi/v2.0/call_report/download", "type=ivr&ivr_id_list=1&is_async=1");
  g_assert_cmpint (errcode_of (reply3), ==, 2);
  socket_wait (&socket, 5);
  event = event_msg (g_ptr_array_index (socket.messages, 4), &root3);
  g_assert_cmpstr (json_object_get_string_member (event, "result"), ==, "failure");
  g_assert_cmpstr (json_object_get_string_member (event, "error"), !=, "");

  socket_close (&socket);
}

static void
test_websocket_idle (Fixture       *fx,
                     gconstpointer  data)
{
  Socket socket;

  fx->token = login (fx);
  g_object_set (fx->sim, "websocket-idle-ms", 200, NULL);
  socket_open (fx, &socket, fx->token);
  g_assert_no_error (socket.error);
  while (!socket.closed)
    g_main_context_iteration (NULL, TRUE);
  socket_close (&socket);
}

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

static gboolean
accept_any_certificate_cb (SoupMessage          *msg,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  return TRUE;
}

static void
test_https (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *dir = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(YeastarSimulator) sim = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) request = g_bytes_new_static ("{\"username\":\"demo\",\"password\":\"demo-secret\"}", 44);
  int status = -1;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  dir = g_dir_make_tmp ("test-simulator-XXXXXX", &error);
  g_assert_no_error (error);
  cert_path = g_build_filename (dir, "cert.pem", NULL);
  key_path = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = {
      openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key_path, "-out", cert_path,
      "-days", "1", "-subj", "/CN=127.0.0.1", NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
  }
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);

  sim = yeastar_simulator_new ();
  g_assert_true (yeastar_simulator_start (sim, certificate, &error));
  base = yeastar_simulator_dup_base_uri (sim);
  g_assert_true (g_str_has_prefix (base, "https://127.0.0.1:"));

  session = soup_session_new_with_options ("user-agent", "OpenAPI", NULL);
  uri = g_strconcat (base, "/openapi/v1.0/get_token", NULL);
  msg = soup_message_new ("POST", uri);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_certificate_cb), NULL);
  body = send_message (session, msg, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"errcode\":0"));

  g_clear_object (&session);
  yeastar_simulator_stop (sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (dir);
}

static void
test_restart (void)
{
  g_autoptr(YeastarSimulator) sim = yeastar_simulator_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (yeastar_simulator_start (sim, NULL, &error));
  g_assert_false (yeastar_simulator_start (sim, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  yeastar_simulator_stop (sim);
  g_assert_null (yeastar_simulator_dup_base_uri (sim));
  g_clear_error (&error);
  g_assert_true (yeastar_simulator_start (sim, NULL, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/simulator/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("token/issue", test_token_issue);
  ADD ("token/cap", test_token_cap);
  ADD ("token/refresh", test_token_refresh);
  ADD ("token/del", test_token_del);
  ADD ("token/expiry", test_token_expiry);
  ADD ("token/ip-block", test_ip_block);
  ADD ("user-agent", test_user_agent);
  ADD ("information", test_information);
  ADD ("menu-options", test_menu_options);
  ADD ("report/validator", test_validator);
  ADD ("report/download", test_download);
  ADD ("report/file-names", test_file_names);
  ADD ("report/expired-link", test_expired_link);
  ADD ("report/all-types", test_all_types);
  ADD ("report/large", test_large_report);
  ADD ("websocket/events", test_websocket);
  ADD ("websocket/idle", test_websocket_idle);
  ADD ("faults", test_faults);
  ADD ("faults/hostile-names", test_hostile_names);
  g_test_add_func ("/simulator/https", test_https);
  g_test_add_func ("/simulator/restart", test_restart);

  return g_test_run ();
}
