/* test-error.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "yeastar-client-private.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/invalid-params/api-names", test_api_names);
  g_test_add_func ("/error/invalid-params/caller-names", test_caller_names);
  g_test_add_func ("/error/invalid-params/other-errors", test_other_errors);

  return g_test_run ();
}
