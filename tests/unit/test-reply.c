/* test-reply.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-error.h"
#include "yeastar-private.h"

/* The checks of yeastar-reply.c, which the client's calls and the report
 * download share: envelope, errcode, web pages. */

static JsonObject *
envelope (const char  *text,
          GError     **error)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  return _yeastar_reply_parse_envelope (body, "system/information", "pbx.test", error);
}

static void
test_envelope_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = envelope ("{\"errcode\": 0, \"errmsg\": \"SUCCESS\", \"x\": 1}", &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_cmpint (json_object_get_int_member (root, "x"), ==, 1);
}

static void
test_envelope_malformed (void)
{
  static const struct
  {
    const char *body;
    const char *message;
  } cases[] = {
    { "", "not valid JSON" },
    { "{\"errcode\": 0", "not valid JSON" },
    { "[0]", "not a JSON object" },
    { "{\"errmsg\": \"SUCCESS\"}", "without a numeric error code" },
    { "{\"errcode\": \"0\"}", "without a numeric error code" },
    { "{\"errcode\": 1.5}", "without a numeric error code" },
    { "{\"errcode\": 0, \"errmsg\": 7}", "error message is not text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) root = envelope (cases[i].body, &error);

      g_test_message ("body: %s", cases[i].body);
      g_assert_null (root);
      g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_nonnull (strstr (error->message, "“system/information”"));
    }
}

static void
test_envelope_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = envelope ("\xEF\xBB\xBF \n<!DOCTYPE html><p>Login</p>", &error);
  g_autoptr(GBytes) json = g_bytes_new_static ("  {\"errcode\": 0}", 16);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  g_assert_null (root);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR);
  g_assert_nonnull (strstr (error->message, "pbx.test"));
  g_assert_false (_yeastar_reply_looks_like_html (json));

  g_assert_false (_yeastar_reply_is_html_type (headers));
  soup_message_headers_replace (headers, "Content-Type", "application/json");
  g_assert_false (_yeastar_reply_is_html_type (headers));
  soup_message_headers_replace (headers, "Content-Type", "TEXT/HTML; charset=utf-8");
  g_assert_true (_yeastar_reply_is_html_type (headers));
}

static void
test_errcode (void)
{
  static const char *secrets[] = { "s3cret", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) ok = envelope ("{\"errcode\": 0}", NULL);
  g_autoptr(JsonObject) processing = envelope ("{\"errcode\": 2, \"errmsg\": \"PROCESSING\"}", NULL);
  g_autoptr(JsonObject) denied = envelope ("{\"errcode\": 10004, \"errmsg\": \"s3cret\"}", NULL);
  g_autoptr(JsonObject) root = NULL;

  root = _yeastar_reply_check_errcode (ok, "x", FALSE, FALSE, secrets, &error);
  g_assert_no_error (error);
  g_assert_true (root == ok);
  g_clear_pointer (&root, json_object_unref);

  /* errcode 2 is a success only where the caller waits for an event. */
  root = _yeastar_reply_check_errcode (processing, "x", TRUE, FALSE, secrets, &error);
  g_assert_no_error (error);
  g_assert_true (root == processing);
  g_clear_pointer (&root, json_object_unref);
  root = _yeastar_reply_check_errcode (processing, "x", FALSE, FALSE, secrets, &error);
  g_assert_null (root);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_SERVER);
  g_clear_error (&error);

  /* The same error as _yeastar_error_from_errcode(), secrets scrubbed. */
  root = _yeastar_reply_check_errcode (denied, "x", FALSE, FALSE, secrets, &error);
  g_assert_null (root);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED);
  g_assert_null (strstr (error->message, "s3cret"));
  g_clear_error (&error);

  error = _yeastar_reply_errcode_error (denied, "x", FALSE, secrets);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/reply/envelope/valid", test_envelope_valid);
  g_test_add_func ("/yeastar/reply/envelope/malformed", test_envelope_malformed);
  g_test_add_func ("/yeastar/reply/envelope/html", test_envelope_html);
  g_test_add_func ("/yeastar/reply/errcode", test_errcode);

  return g_test_run ();
}
