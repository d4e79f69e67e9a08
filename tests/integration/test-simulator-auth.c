/* test-simulator-auth.c
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

/* Tokens, their cap and renewal, the IP block after failed logins, the
 * User-Agent check. */

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

void
test_simulator_add_auth (void)
{
  SIMULATOR_TEST_ADD ("token/issue", test_token_issue);
  SIMULATOR_TEST_ADD ("token/cap", test_token_cap);
  SIMULATOR_TEST_ADD ("token/refresh", test_token_refresh);
  SIMULATOR_TEST_ADD ("token/del", test_token_del);
  SIMULATOR_TEST_ADD ("token/expiry", test_token_expiry);
  SIMULATOR_TEST_ADD ("token/ip-block", test_ip_block);
  SIMULATOR_TEST_ADD ("user-agent", test_user_agent);
}
