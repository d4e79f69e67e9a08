/* test-client.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "client-test-util.h"
#include "yeastar-menu-option.h"

/* Addresses ------------------------------------------------------------- */

static void
test_base_uri (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "https://192.168.5.150:8088", "https://192.168.5.150:8088" },
    { "https://192.168.5.150:8088/", "https://192.168.5.150:8088" },
    { "  HTTPS://PBX.Example.com// ", "https://pbx.example.com" },
    { "pbx.example.com", "https://pbx.example.com" },
    { "192.168.1.5:8088", "https://192.168.1.5:8088" },
    { "http://127.0.0.1:1234", "http://127.0.0.1:1234" },
    { "https://example.com/pbx/", "https://example.com/pbx" },
  };
  static const char *bad[] = {
    "", "ftp://pbx", "https://", "https://user:pw@pbx", "https://pbx/?a=b", "https://pbx/#x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = yeastar_client_normalize_base_uri (cases[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = yeastar_client_normalize_base_uri (bad[i], &error);

      g_assert_null (out);
      g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
    }
}

static void
test_fingerprint_normalize (void)
{
  static const char canonical[] =
    "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
  g_autofree char *a = yeastar_tls_normalize_fingerprint ("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  g_autofree char *b = yeastar_tls_normalize_fingerprint (canonical);
  g_autofree char *c = yeastar_tls_normalize_fingerprint ("sha256 Fingerprint=ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");
  g_autofree char *short_one = yeastar_tls_normalize_fingerprint ("ABCD");
  g_autofree char *not_hex = yeastar_tls_normalize_fingerprint ("zz:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");

  g_assert_cmpstr (a, ==, canonical);
  g_assert_cmpstr (b, ==, canonical);
  g_assert_cmpstr (c, ==, canonical);
  g_assert_null (short_one);
  g_assert_null (not_hex);
}

static void
test_firmware (void)
{
  g_assert_cmpint (yeastar_firmware_compare ("37.9.0.1", "37.21.0.117"), <, 0);
  g_assert_cmpint (yeastar_firmware_compare ("37.21.0.117", "37.21.0.117"), ==, 0);
  g_assert_cmpint (yeastar_firmware_compare ("37.21.0.1170", "37.21.0.117"), >, 0);
  g_assert_true (yeastar_firmware_has_v2_reports ("37.23.0.123"));
  g_assert_true (yeastar_firmware_has_v2_reports ("83.21.0.117"));
  g_assert_true (yeastar_firmware_has_v2_reports ("84.22.0.1"));
  g_assert_false (yeastar_firmware_has_v2_reports ("84.21.0.66"));
  g_assert_false (yeastar_firmware_has_v2_reports ("37.7.0.16"));
  g_assert_false (yeastar_firmware_has_v2_reports ("X.7.0.16"));
  g_assert_false (yeastar_firmware_has_v2_reports ("99.30.0.1"));
}

/* Login and system information ------------------------------------------ */

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(YeastarPbxInfo) again = NULL;

  g_object_set (f->sim, "firmware", "37.23.0.123", "date-format", "YYYY/MM/DD",
                "time-format", "HH:mm:ss", NULL);

  info = connect_client (f);
  g_assert_cmpstr (yeastar_pbx_info_get_firmware (info), ==, "37.23.0.123");
  g_assert_cmpstr (yeastar_pbx_info_get_model (info), ==, "Yeastar P570");
  g_assert_cmpstr (yeastar_pbx_info_get_device_name (info), ==, "Demo PBX");
  g_assert_cmpstr (yeastar_pbx_info_get_serial (info), ==, "3631A2124D7E");
  g_assert_cmpstr (yeastar_pbx_info_get_date_format_string (info), ==, "YYYY/MM/DD");
  g_assert_nonnull (yeastar_pbx_info_get_date_format (info));
  g_assert_nonnull (yeastar_pbx_info_get_clock (info));
  g_assert_cmpint (yeastar_pbx_info_get_timestamp (info), >, 0);
  g_assert_cmpint (yeastar_pbx_info_get_default_api_version (info), ==, YEASTAR_API_VERSION_V2);
  g_assert_true (yeastar_pbx_info_v1_returns_empty_ranges (info));
  g_assert_true (yeastar_client_get_logged_in (f->client));

  /* Cached per connection, and no second login. */
  again = connect_client (f);
  g_assert_true (again == info);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_INFORMATION), ==, 1);
}

static void
test_old_firmware (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;

  g_object_set (f->sim, "firmware", "84.20.0.9", NULL);
  info = connect_client (f);
  g_assert_cmpint (yeastar_pbx_info_get_default_api_version (info), ==, YEASTAR_API_VERSION_V1);
  g_assert_false (yeastar_pbx_info_v1_returns_empty_ranges (info));
}

/* Menu options ---------------------------------------------------------- */

static GListModel *
get_menu (Fixture     *f,
          const char  *menu,
          const char  *queue_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  yeastar_client_get_menu_options_async (f->client, menu, queue_id, NULL, store_result_cb, &result);
  return yeastar_client_get_menu_options_finish (f->client, wait_result (&result), error);
}

static void
test_menu_options (Fixture       *f,
                   gconstpointer  data)
{
  static const char *menus[] = { "extension", "ext_group", "trunk", "IVR", "ring_group", "queue" };
  g_autoptr(GListModel) agents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (menus); i++)
    {
      g_autoptr(GListModel) model = NULL;
      g_autoptr(YeastarMenuOption) first = NULL;
      g_autofree char *query = NULL;
      g_autofree char *expected = g_strdup_printf ("menu=%s", menus[i]);

      yeastar_simulator_set_menu_size (f->sim, menus[i], 3 + i);
      model = get_menu (f, menus[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3 + i);
      g_assert_true (g_list_model_get_item_type (model) == YEASTAR_TYPE_MENU_OPTION);
      first = g_list_model_get_item (model, 0);
      g_assert_cmpstr (yeastar_menu_option_get_menu (first), ==, menus[i]);
      g_assert_nonnull (yeastar_menu_option_get_id (first));
      g_assert_nonnull (yeastar_menu_option_get_text (first));

      query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS);
      g_assert_cmpstr (query, ==, expected);
    }

  agents = get_menu (f, "queue_agent", "1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (agents);
  {
    g_autofree char *query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS);
    g_assert_cmpstr (query, ==, "menu=queue_agent&id=1");
  }

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
}

static void
test_menu_options_invalid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  model = get_menu (f, "queue_agent", NULL, &error);
  g_assert_null (model);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  model = get_menu (f, "no_such_menu", NULL, &error);
  g_assert_null (model);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);

  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

static void
test_menu_options_large (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarMenuOption) last = NULL;

  g_autoptr(YeastarMenuOption) first = NULL;

  /* Big enough to be parsed and made into options in worker threads. */
  yeastar_simulator_set_menu_size (f->sim, "extension", 20000);
  model = get_menu (f, "extension", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20000);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (yeastar_menu_option_get_text (first), ==, "1001 - Alice Martin");
  g_assert_cmpstr (yeastar_menu_option_get_menu (first), ==, "extension");
  last = g_list_model_get_item (model, 19999);
  g_assert_nonnull (yeastar_menu_option_get_id (last));
  g_assert_cmpstr (yeastar_menu_option_get_id (last), !=, yeastar_menu_option_get_id (first));
}

static void
test_menu_options_large_cancelled (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  yeastar_simulator_set_menu_size (f->sim, "extension", 20000);

  /* Cancelled once the PBX has answered: while the reply is read, parsed
   * or made into options in a worker thread, or after. */
  for (guint delay = 0; delay <= 100; delay += 25)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) cancelled = NULL;
      g_autoptr(GError) cancel_error = NULL;
      guint served = yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS);

      yeastar_client_get_menu_options_async (f->client, "extension", NULL, cancellable, store_result_cb, &result);
      while (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS) == served)
        g_main_context_iteration (NULL, TRUE);
      spin_for (delay);
      g_cancellable_cancel (cancellable);

      cancelled = yeastar_client_get_menu_options_finish (f->client, wait_result (&result), &cancel_error);
      g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (cancelled);
    }

  /* The client goes on as before. */
  model = get_menu (f, "extension", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20000);
}

/* Queue and tokens ------------------------------------------------------ */

static void
test_sequential (Fixture       *f,
                 gconstpointer  data)
{
  GAsyncResult *results[6] = { NULL, };

  /* Six callers at once before any login: one get_token, all served. */
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    yeastar_client_get_menu_options_async (f->client, "trunk", NULL, NULL, store_result_cb, &results[i]);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = NULL;

      model = yeastar_client_get_menu_options_finish (f->client, wait_result (&results[i]), &error);
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 6);
}

static void
test_cancel_queued (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  yeastar_client_get_menu_options_async (f->client, "trunk", NULL, NULL, store_result_cb, &first);
  yeastar_client_get_menu_options_async (f->client, "queue", NULL, cancellable, store_result_cb, &second);
  g_cancellable_cancel (cancellable);

  model = yeastar_client_get_menu_options_finish (f->client, wait_result (&second), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  model = yeastar_client_get_menu_options_finish (f->client, wait_result (&first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 1);
}

static void
test_refresh_before_expiry (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  /* Renewal margin is min(60 s, lifetime / 2): 1 s here. */
  g_object_set (f->sim, "access-token-lifetime", 2, NULL);
  info = connect_client (f);
  spin_for (1200);

  model = get_menu (f, "trunk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  /* The refreshed token was accepted first time. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 1);
}

static void
test_retry_after_expired (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  info = connect_client (f);
  yeastar_simulator_expire_access_tokens (f->sim);

  model = get_menu (f, "trunk", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  /* 10004, one refresh, one retry. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 2);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
}

static void
test_retry_only_once (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  info = connect_client (f);
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS,
                                  YEASTAR_SIMULATOR_FAULT_TOKEN_EXPIRED, 0);

  model = get_menu (f, "trunk", NULL, &error);
  g_assert_null (model);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED);
  assert_no_secrets (f->sim, error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 2);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
}

static void
test_refresh_token_dead (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  info = connect_client (f);
  yeastar_simulator_expire_access_tokens (f->sim);
  yeastar_simulator_expire_refresh_tokens (f->sim);

  model = get_menu (f, "trunk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 2);
}

static void
check_login_refused (Fixture             *f,
                     YeastarSimulatorFault fault,
                     YeastarError          code,
                     const char           *must_mention)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) model = NULL;

  if (fault != YEASTAR_SIMULATOR_FAULT_NONE)
    yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_GET_TOKEN, fault, 0);

  yeastar_client_connect_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (f->client, wait_result (&result), &error);
  g_assert_null (info);
  g_assert_error (error, YEASTAR_ERROR, code);
  assert_no_secrets (f->sim, error);
  if (must_mention != NULL)
    g_assert_nonnull (strstr (error->message, must_mention));
  g_clear_error (&error);

  /* Later calls report the same refusal without logging in again. */
  model = get_menu (f, "trunk", NULL, &error);
  g_assert_error (error, YEASTAR_ERROR, code);
  g_clear_error (&error);
  g_clear_object (&model);
  model = get_menu (f, "queue", NULL, &error);
  g_assert_error (error, YEASTAR_ERROR, code);

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 0);
}

static void
test_token_cap (Fixture       *f,
                gconstpointer  data)
{
  check_login_refused (f, YEASTAR_SIMULATOR_FAULT_TOKEN_CAP, YEASTAR_ERROR_TOKEN_LIMIT, "8");
}

static void
test_ip_blocked (Fixture       *f,
                 gconstpointer  data)
{
  check_login_refused (f, YEASTAR_SIMULATOR_FAULT_IP_BLOCKED, YEASTAR_ERROR_IP_BLOCKED,
                       "Security > Security Rules > Blocked IPs");
}

static void
test_ip_forbidden (Fixture       *f,
                   gconstpointer  data)
{
  check_login_refused (f, YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN, YEASTAR_ERROR_IP_FORBIDDEN,
                       "Integrations > API");
}

static void
test_wrong_secret (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->client);
  f->client = yeastar_client_new (f->base_uri, TEST_CLIENT_ID, "wrong-secret", &error);
  g_assert_no_error (error);
  check_login_refused (f, YEASTAR_SIMULATOR_FAULT_NONE, YEASTAR_ERROR_AUTHENTICATION_FAILED, NULL);
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (f->sim), ==, 1);
}

static void
test_disconnect (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  info = connect_client (f);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 1);

  yeastar_client_disconnect_async (f->client, NULL, store_result_cb, &result);
  g_assert_true (yeastar_client_disconnect_finish (f->client, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
  g_assert_false (yeastar_client_get_logged_in (f->client));
  g_assert_null (yeastar_client_get_cached_pbx_info (f->client));
}

/* A connection that fails after the login (here: system information the
 * client cannot use) revokes its token by itself, even when the caller
 * drops the client at once, as the window does. */
static void
test_connect_fails_after_login (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  GWeakRef client_ref;
  gboolean passed = FALSE;
  guint deadline;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
  yeastar_client_connect_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (f->client, wait_result (&result), &error);
  g_assert_null (info);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);

  g_weak_ref_init (&client_ref, f->client);
  g_clear_object (&result);
  g_clear_object (&f->client);

  deadline = g_timeout_add_seconds (10, flag_timeout_cb, &passed);
  while (!passed && yeastar_simulator_get_live_token_count (f->sim) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (passed);
  g_source_remove (deadline);

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);

  /* Once the PBX answered, nothing holds the client any more. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(YeastarClient) client = g_weak_ref_get (&client_ref);

      if (client == NULL)
        break;
      g_clear_object (&client);
      spin_for (20);
    }
  g_assert_null (g_weak_ref_get (&client_ref));
  g_weak_ref_clear (&client_ref);
}

/* Reply checks ---------------------------------------------------------- */

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    YeastarSimulatorFault fault;
    YeastarError code;
  } cases[] = {
    { YEASTAR_SIMULATOR_FAULT_HTTP_500, YEASTAR_ERROR_SERVER },
    { YEASTAR_SIMULATOR_FAULT_HTML, YEASTAR_ERROR_NOT_YEASTAR },
    { YEASTAR_SIMULATOR_FAULT_TRUNCATED_JSON, YEASTAR_ERROR_MALFORMED_REPLY },
    { YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, YEASTAR_ERROR_MALFORMED_REPLY },
    { YEASTAR_SIMULATOR_FAULT_HUGE_JSON, YEASTAR_ERROR_MALFORMED_REPLY },
    { YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, YEASTAR_ERROR_PERMISSION_DENIED },
    { YEASTAR_SIMULATOR_FAULT_IP_FORBIDDEN, YEASTAR_ERROR_IP_FORBIDDEN },
    { YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, YEASTAR_ERROR_NETWORK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = NULL;

      yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS, cases[i].fault, 1);
      model = get_menu (f, "extension", NULL, &error);
      g_assert_null (model);
      if (!g_error_matches (error, YEASTAR_ERROR, cases[i].code))
        g_error ("fault %d: expected code %d, got %s", cases[i].fault, cases[i].code,
                 error ? error->message : "success");
      assert_no_secrets (f->sim, error);
    }

  /* The connection is still good afterwards. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) model = get_menu (f, "extension", NULL, &error);

    g_assert_no_error (error);
  }
}

static void
test_information_faults (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
  yeastar_client_get_pbx_info_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_get_pbx_info_finish (f->client, wait_result (&result), &error);
  g_assert_null (info);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
  g_clear_error (&error);
  g_clear_object (&result);

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_GET_TOKEN, YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
  g_clear_object (&f->client);
  f->client = yeastar_client_new (f->base_uri, TEST_CLIENT_ID, TEST_SECRET, NULL);
  yeastar_client_get_pbx_info_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_get_pbx_info_finish (f->client, wait_result (&result), &error);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
  assert_no_secrets (f->sim, error);
}

static void
test_network_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GUri) uri = g_uri_parse (f->base_uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));

  yeastar_simulator_stop (f->sim);

  yeastar_client_connect_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (f->client, wait_result (&result), &error);
  g_assert_null (info);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, host));
  assert_no_secrets (f->sim, error);
}

/* Reports --------------------------------------------------------------- */

static YeastarReportLink *
request_report (Fixture               *f,
                YeastarReportRequest  *request,
                GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  yeastar_client_request_report_async (f->client, request, NULL, store_result_cb, &result);
  return yeastar_client_request_report_finish (f->client, wait_result (&result), error);
}

static const struct {
  const char *date_format;
  const char *time_format;
  const char *start;    /* 2026-07-01 00:00:00 */
  const char *end;      /* 2026-07-31 23:59:59 */
  const char *month;    /* July 2026 */
} formats[] = {
  { "YYYY/MM/DD", "HH:mm:ss", "2026/07/01 00:00:00", "2026/07/31 23:59:59", "2026/07" },
  { "YYYY/MM/DD", "hh:mm:ss PM", "2026/07/01 12:00:00 AM", "2026/07/31 11:59:59 PM", "2026/07" },
  { "MM/DD/YYYY", "HH:mm:ss", "07/01/2026 00:00:00", "07/31/2026 23:59:59", "07/2026" },
  { "MM/DD/YYYY", "hh:mm:ss PM", "07/01/2026 12:00:00 AM", "07/31/2026 11:59:59 PM", "07/2026" },
  { "DD/MM/YYYY", "HH:mm:ss", "01/07/2026 00:00:00", "31/07/2026 23:59:59", "07/2026" },
  { "DD/MM/YYYY", "hh:mm:ss PM", "01/07/2026 12:00:00 AM", "31/07/2026 11:59:59 PM", "07/2026" },
  { "YYYY-MM-DD", "HH:mm:ss", "2026-07-01 00:00:00", "2026-07-31 23:59:59", "2026-07" },
  { "YYYY-MM-DD", "hh:mm:ss PM", "2026-07-01 12:00:00 AM", "2026-07-31 11:59:59 PM", "2026-07" },
  { "MM-DD-YYYY", "HH:mm:ss", "07-01-2026 00:00:00", "07-31-2026 23:59:59", "07-2026" },
  { "MM-DD-YYYY", "hh:mm:ss PM", "07-01-2026 12:00:00 AM", "07-31-2026 11:59:59 PM", "07-2026" },
  { "DD-MM-YYYY", "HH:mm:ss", "01-07-2026 00:00:00", "31-07-2026 23:59:59", "07-2026" },
  { "DD-MM-YYYY", "hh:mm:ss PM", "01-07-2026 12:00:00 AM", "31-07-2026 11:59:59 PM", "07-2026" },
};

/* The query the PBX must receive, built here from the table and the
 * expected date texts (not from the model's serialiser). */
static char *
expected_query (const char *type_name,
                guint       format_index)
{
  const YeastarReportType *type = yeastar_report_type_lookup (type_name);
  GString *query = g_string_new ("type=");

  g_string_append (query, type_name);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!yeastar_report_type_takes (type, p))
        continue;
      if (p == YEASTAR_PARAM_START_TIME)
        g_string_append_printf (query, "&start_time=%s", formats[format_index].start);
      else if (p == YEASTAR_PARAM_END_TIME)
        g_string_append_printf (query, "&end_time=%s", formats[format_index].end);
      else if (p == YEASTAR_PARAM_TIME)
        g_string_append_printf (query, "&time=%s", formats[format_index].month);
      else if (yeastar_report_type_requires (type, p) && kind == YEASTAR_VALUE_ID_LIST)
        g_string_append_printf (query, "&%s=1,2", yeastar_param_get_api_name (p));
      else if (yeastar_report_type_requires (type, p) && kind == YEASTAR_VALUE_ID)
        g_string_append_printf (query, "&%s=1", yeastar_param_get_api_name (p));
    }

  return g_string_free (query, FALSE);
}

static void
test_report_queries (void)
{
  for (guint fi = 0; fi < G_N_ELEMENTS (formats); fi++)
    {
      Fixture fixture = { 0, };
      Fixture *f = &fixture;

      fixture_setup (f, NULL);
      g_object_set (f->sim, "date-format", formats[fi].date_format,
                    "time-format", formats[fi].time_format, NULL);

      for (guint i = 0; i < yeastar_report_type_get_count (); i++)
        {
          const char *name = yeastar_report_type_get_api_name (yeastar_report_type_get_nth (i));
          g_autoptr(YeastarReportRequest) request = new_full_request (name);
          g_autoptr(YeastarReportLink) link = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *query = NULL;
          g_autofree char *expected = expected_query (name, fi);

          link = request_report (f, request, &error);
          g_assert_no_error (error);
          g_assert_nonnull (link);
          g_assert_true (g_str_has_prefix (yeastar_report_link_get_url (link), "/api/download/"));
          g_assert_cmpstr (yeastar_report_link_get_file (link), !=, "");

          query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
          if (g_strcmp0 (query, expected) != 0)
            g_error ("%s %s %s:\n got      %s\n expected %s", name, formats[fi].date_format,
                     formats[fi].time_format, query, expected);
          g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v2.0");
        }

      /* Accepted first time every time: no format correction was needed. */
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==,
                        yeastar_report_type_get_count ());
      fixture_teardown (f, NULL);
    }
}

static void
test_report_invalid_local (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  /* queueperformance without its queue_id_list. */
  yeastar_report_request_set_report_type (request, "queueperformance");
  link = request_report (f, request, &error);
  g_assert_null (link);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

static void
test_report_api_version (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueperformance");
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (f->sim, "firmware", "83.20.0.50", NULL);
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v1.0");
  g_clear_pointer (&link, yeastar_report_link_free);

  yeastar_client_set_api_version (f->client, YEASTAR_API_VERSION_V2);
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v2.0");
  g_clear_pointer (&link, yeastar_report_link_free);

  /* The request's own choice wins over the client's. */
  yeastar_report_request_set_api_version (request, YEASTAR_API_VERSION_V1);
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v1.0");
}

static void
test_report_format_correction (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueperformance");
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autofree char *query = NULL;

  g_object_set (f->sim, "date-format", "YYYY/MM/DD", "time-format", "HH:mm:ss", NULL);
  info = connect_client (f);

  /* The administrator changes the display format after we read it: the
   * v2.0 validator answers 40002 with the layout it wants. */
  g_object_set (f->sim, "date-format", "DD/MM/YYYY", "time-format", "hh:mm:ss PM", NULL);
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 2);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/07/2026 12:00:00 AM"));
  g_clear_pointer (&link, yeastar_report_link_free);

  /* Remembered: the next request is right first time. */
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 3);
}

static void
test_report_format_correction_date_only (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) period = new_full_request ("queueavgwaittalktime");
  g_autoptr(YeastarReportRequest) range = new_full_request ("queueperformance");
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 7, 15, 0, 0, 0);
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autofree char *query = NULL;

  g_object_set (f->sim, "date-format", "YYYY/MM/DD", "time-format", "hh:mm:ss PM", NULL);
  info = connect_client (f);

  /* The display format changes to DD/MM/YYYY: a day report's first guess
   * is wrong, and the validator's hint for `time` has no time in it. */
  g_object_set (f->sim, "date-format", "DD/MM/YYYY", NULL);
  yeastar_report_request_set_period_kind (period, YEASTAR_PERIOD_DAY);
  yeastar_report_request_set_period (period, day);
  link = request_report (f, period, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 2);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "time=15/07/2026"));
  g_clear_pointer (&link, yeastar_report_link_free);
  g_clear_pointer (&query, g_free);

  /* Only the date order and separator were learnt: a range report still
   * sends its times, in 12-hour form, and is right first time. */
  link = request_report (f, range, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 3);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/07/2026 12:00:00 AM&end_time=31/07/2026 11:59:59 PM"));
  g_clear_pointer (&link, yeastar_report_link_free);
  g_clear_pointer (&query, g_free);

  /* Nor does v1.0, which has no validator to correct it (a wrong format
   * there gives an empty report). */
  yeastar_report_request_set_api_version (range, YEASTAR_API_VERSION_V1);
  link = request_report (f, range, &error);
  g_assert_no_error (error);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/07/2026 12:00:00 AM&end_time=31/07/2026 11:59:59 PM"));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A time format this program does not know ("hh:mm:ss a") connects, with
 * 12 hours from the PBX clock; when the administrator then switches to 24
 * hours, the v2.0 validator's layout corrects it, and the client says so. */
static void
test_report_format_unknown_time (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("queueperformance");
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autofree char *query = NULL;
  YeastarDateFormat *format;
  guint notified = 0;

  g_object_set (f->sim, "date-format", "DD/MM/YYYY", "time-format", "hh:mm:ss a", NULL);
  info = connect_client (f);
  g_assert_nonnull (info);
  format = yeastar_client_get_date_format (f->client);
  g_assert_true (format == yeastar_pbx_info_get_date_format (info));
  g_assert_true (yeastar_date_format_is_12_hour (format));
  g_assert_cmpint (yeastar_date_format_get_hour_source (format), ==, YEASTAR_HOUR_SOURCE_CLOCK);
  g_assert_false (yeastar_date_format_get_time_format_known (format));

  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 1);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/07/2026 12:00:00 AM"));
  g_clear_pointer (&link, yeastar_report_link_free);
  g_clear_pointer (&query, g_free);

  g_signal_connect (f->client, "notify::date-format", G_CALLBACK (count_notify), &notified);
  g_object_set (f->sim, "time-format", "HH:mm:ss", NULL);
  link = request_report (f, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 3);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/07/2026 00:00:00"));

  g_assert_cmpuint (notified, ==, 1);
  format = yeastar_client_get_date_format (f->client);
  g_assert_false (yeastar_date_format_is_12_hour (format));
  g_assert_cmpint (yeastar_date_format_get_hour_source (format), ==, YEASTAR_HOUR_SOURCE_PBX_HINT);
  g_signal_handlers_disconnect_by_func (f->client, count_notify, &notified);
}

static void
test_report_failed_sync (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);
  link = request_report (f, request, &error);
  g_assert_null (link);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "-1"));
  assert_no_secrets (f->sim, error);
  g_clear_error (&error);

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
  link = request_report (f, request, &error);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/yeastar/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/yeastar/client/base-uri", test_base_uri);
  g_test_add_func ("/yeastar/client/fingerprint-normalize", test_fingerprint_normalize);
  g_test_add_func ("/yeastar/client/firmware", test_firmware);
  ADD ("connect", test_connect);
  ADD ("old-firmware", test_old_firmware);
  ADD ("menu-options", test_menu_options);
  ADD ("menu-options/invalid", test_menu_options_invalid);
  ADD ("menu-options/large", test_menu_options_large);
  ADD ("menu-options/large-cancelled", test_menu_options_large_cancelled);
  ADD ("sequential", test_sequential);
  ADD ("cancel-queued", test_cancel_queued);
  ADD ("token/refresh-before-expiry", test_refresh_before_expiry);
  ADD ("token/retry-after-expired", test_retry_after_expired);
  ADD ("token/retry-only-once", test_retry_only_once);
  ADD ("token/refresh-token-dead", test_refresh_token_dead);
  ADD ("token/cap", test_token_cap);
  ADD ("token/ip-blocked", test_ip_blocked);
  ADD ("token/ip-forbidden", test_ip_forbidden);
  ADD ("token/wrong-secret", test_wrong_secret);
  ADD ("disconnect", test_disconnect);
  ADD ("connect-fails-after-login", test_connect_fails_after_login);
  ADD ("faults", test_faults);
  ADD ("faults/information", test_information_faults);
  ADD ("faults/network", test_network_error);
  g_test_add_func ("/yeastar/client/report/queries", test_report_queries);
  ADD ("report/invalid-local", test_report_invalid_local);
  ADD ("report/api-version", test_report_api_version);
  ADD ("report/format-correction", test_report_format_correction);
  ADD ("report/format-correction-date-only", test_report_format_correction_date_only);
  ADD ("report/format-unknown-time", test_report_format_unknown_time);
  ADD ("report/failed-sync", test_report_failed_sync);

#undef ADD

  return g_test_run ();
}
