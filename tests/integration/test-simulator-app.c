/* test-simulator-app.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The simulator the installed app links for --demo (simulator_app_dep):
 * built without YEASTAR_SIMULATOR_TEST_HOOKS, so it has none of the test
 * hooks, yet it is still a working PBX. */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "yeastar-simulator.h"

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
#error "test-simulator-app must link the app's simulator (simulator_app_dep)"
#endif

static void
test_no_test_hooks (void)
{
  static const char * const hooks[] = {
    "hostile-text", "hostile-file-name", "stall-ms", "huge-json-size",
  };
  g_autoptr(GTypeClass) klass = g_type_class_ref (YEASTAR_TYPE_SIMULATOR);

  for (guint i = 0; i < G_N_ELEMENTS (hooks); i++)
    {
      g_test_message ("property %s", hooks[i]);
      g_assert_null (g_object_class_find_property (G_OBJECT_CLASS (klass), hooks[i]));
    }

  /* What --demo shows is still there. */
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), "device-name"));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), "max-request-line"));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_serves_demo (void)
{
  static const char credentials[] = "{\"username\":\"demo\",\"password\":\"demo-secret\"}";
  g_autoptr(YeastarSimulator) simulator = yeastar_simulator_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;

  g_assert_true (yeastar_simulator_start (simulator, NULL, &error));
  g_assert_no_error (error);

  base = yeastar_simulator_dup_base_uri (simulator);
  uri = g_strconcat (base, "/openapi/v1.0/get_token", NULL);
  msg = soup_message_new (SOUP_METHOD_POST, uri);
  request = g_bytes_new_static (credentials, strlen (credentials));
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "User-Agent", "test-simulator-app");
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_true (g_str_has_prefix (text, "{\"errcode\":0,"));
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (simulator), ==, 1);

  yeastar_simulator_stop (simulator);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/simulator/app/no-test-hooks", test_no_test_hooks);
  g_test_add_func ("/simulator/app/serves-demo", test_serves_demo);

  return g_test_run ();
}
