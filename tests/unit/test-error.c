/* test-error.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "yeastar-private.h"
#include "yeastar-error.h"

/* A 40002 reply as the PBX sends it, the secret echoed in one value. */
static GError *
parameter_error (void)
{
  static const char *secrets[] = { "s3cret-token", NULL };
  g_autoptr(JsonNode) reply = json_from_string ("{\"errcode\": 40002, \"errmsg\": \"PARAMETER ERROR\","
                                                " \"invalid_param_list\": ["
                                                "  {\"field\": \"queue_id\", \"valid_msg\": \"queue_id not exist\", \"value\": 1},"
                                                "  {\"field\": \"start_time\", \"valid_msg\": \"format error\"},"
                                                "  {\"field\": \"ivr_id\", \"valid_msg\": \"bad\", \"value\": \"x s3cret-token\"}"
                                                "]}", NULL);

  g_assert_nonnull (reply);
  return _yeastar_error_from_errcode (40002, "PARAMETER ERROR", json_node_get_object (reply),
                                      "call_report/download", FALSE, secrets);
}

static char *
name_queue (const char *api_name,
            gpointer    user_data)
{
  g_assert_cmpstr (user_data, ==, "data");
  return g_str_equal (api_name, "queue_id") ? g_strdup ("Queue") : NULL;
}

static void
test_api_names (void)
{
  g_autoptr(GError) error = parameter_error ();
  g_autoptr(GString) text = g_string_new ("Refused:");

  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER);
  g_assert_true (yeastar_error_append_invalid_params (error, text, "  ", NULL, NULL));
  g_assert_cmpstr (text->str, ==,
                   "Refused:"
                   "\n  queue_id: queue_id not exist (value “1”)"
                   "\n  start_time: format error"
                   "\n  ivr_id: bad (value “x …”)");
}

static void
test_caller_names (void)
{
  g_autoptr(GError) error = parameter_error ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (yeastar_error_append_invalid_params (error, text, "", name_queue, (gpointer) "data"));
  g_assert_true (g_str_has_prefix (text->str, "\nQueue: queue_id not exist (value “1”)\nstart_time: format error"));
  g_assert_null (strstr (text->str, "s3cret"));
}

static void
test_other_errors (void)
{
  g_autoptr(GError) io = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk full");
  g_autoptr(GError) bare = _yeastar_error_from_errcode (40002, "PARAMETER ERROR", NULL, "call_report/download",
                                                        FALSE, NULL);
  g_autoptr(GString) text = g_string_new ("unchanged");

  g_assert_false (yeastar_error_append_invalid_params (io, text, "  ", name_queue, (gpointer) "data"));
  g_assert_error (bare, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER);
  g_assert_false (yeastar_error_append_invalid_params (bare, text, "  ", NULL, NULL));
  g_assert_cmpstr (text->str, ==, "unchanged");
}

/* No character of a PBX text a terminal or a label acts upon; only the
 * message's own line breaks. */
static void
assert_inert (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f));
      g_assert_false (c == 0x202e || c == 0x2066 || c == 0x200f);
    }
}

#define HOSTILE "\x1b]0;pwned\x07\r\n9999\tAdmin\xe2\x80\xaegpj.exe\x7f\xc2\x9b\xff"
#define HOSTILE_JSON "\\u001b]0;pwned\\u0007\\r\\n9999\\tAdmin\xe2\x80\xaegpj.exe\x7f\xc2\x9b"
#define SHOWN "\\x1b]0;pwned\\x07\\r\\n9999\\tAdmin\\u202egpj.exe\\x7f\\u009b"

/* errmsg, every 40002 text and block_expire_time reach messages escaped. */
static void
test_hostile_text (void)
{
  g_autoptr(GError) login = _yeastar_error_from_errcode (20002, HOSTILE, NULL, "get_token", TRUE, NULL);
  g_autoptr(GError) server = _yeastar_error_from_errcode (-1, HOSTILE, NULL, "system/information", FALSE, NULL);
  g_autoptr(JsonNode) reply = json_from_string ("{\"errcode\": 40002, \"errmsg\": \"" HOSTILE_JSON "\","
                                                " \"block_expire_time\": \"" HOSTILE_JSON "\","
                                                " \"invalid_param_list\": [{\"field\": \"" HOSTILE_JSON "\","
                                                " \"valid_msg\": \"" HOSTILE_JSON "\", \"value\": \"" HOSTILE_JSON "\"}]}",
                                                NULL);
  g_autoptr(GError) params = NULL;
  g_autoptr(GError) blocked = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *list;

  g_assert_nonnull (reply);
  params = _yeastar_error_from_errcode (40002, HOSTILE, json_node_get_object (reply), "call_report/download", FALSE, NULL);
  blocked = _yeastar_error_from_errcode (70004, HOSTILE, json_node_get_object (reply), "get_token", TRUE, NULL);

  g_assert_null (strchr (login->message, '\n'));
  g_assert_null (strchr (server->message, '\n'));
  assert_inert (login->message);
  g_assert_nonnull (strstr (login->message, SHOWN "\\xff"));
  assert_inert (server->message);
  g_assert_nonnull (strstr (server->message, SHOWN));
  assert_inert (blocked->message);
  g_assert_nonnull (strstr (blocked->message, SHOWN));

  g_assert_error (params, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER);
  assert_inert (params->message);
  g_assert_cmpstr (params->message, ==, "The PBX rejected these parameters:\n" SHOWN ": " SHOWN);
  list = yeastar_error_get_invalid_params (params);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (yeastar_invalid_param_get_field (g_ptr_array_index (list, 0)), ==, SHOWN);
  g_assert_cmpstr (yeastar_invalid_param_get_valid_msg (g_ptr_array_index (list, 0)), ==, SHOWN);
  g_assert_cmpstr (yeastar_invalid_param_get_value (g_ptr_array_index (list, 0)), ==, SHOWN);
  g_assert_true (yeastar_error_append_invalid_params (params, text, "  ", NULL, NULL));
  /* One line per refused field: the PBX's newline does not add one. */
  g_assert_cmpstr (text->str, ==, "\n  " SHOWN ": " SHOWN " (value “" SHOWN "”)");
}

/* HTTP 414 is "request too long", with advice about the IDs, never the
 * "check the address" of other unexpected statuses. */
static void
test_request_too_long (void)
{
  g_autoptr(GError) error = _yeastar_error_new_request_too_long ("call_report/download");

  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "request too long"));
  g_assert_nonnull (strstr (error->message, "414"));
  g_assert_nonnull (strstr (error->message, "groups"));
  g_assert_null (strstr (error->message, "address"));
}

/* When an IP block ends is said in plain words, not as the API's field. */
static void
test_block_expiry_words (void)
{
  g_autoptr(JsonNode) reply = json_from_string ("{\"errcode\": 70004, \"block_expire_time\": 600}", NULL);
  g_autoptr(GError) blocked = NULL;

  g_assert_nonnull (reply);
  blocked = _yeastar_error_from_errcode (70004, "ACCOUNT IP BLOCKED", json_node_get_object (reply), "get_token", TRUE, NULL);
  g_assert_error (blocked, YEASTAR_ERROR, YEASTAR_ERROR_IP_BLOCKED);
  g_assert_null (strstr (blocked->message, "block_expire_time"));
  g_assert_nonnull (strstr (blocked->message, "the block ends by itself (in 10 minutes)."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/error/invalid-params/api-names", test_api_names);
  g_test_add_func ("/yeastar/error/invalid-params/caller-names", test_caller_names);
  g_test_add_func ("/yeastar/error/invalid-params/other-errors", test_other_errors);
  g_test_add_func ("/yeastar/error/hostile-text", test_hostile_text);
  g_test_add_func ("/yeastar/error/block-expiry-words", test_block_expiry_words);
  g_test_add_func ("/yeastar/error/request-too-long", test_request_too_long);

  return g_test_run ();
}
