/* test-tls.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "client-test-util.h"
#include "test-certificate.h"
#include "yeastar-download.h"

/* The run's self-signed certificate. */
static TestCertificate *cert;

static void
tls_setup (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = test_certificate_load (cert);

  fixture_start (f, certificate);
  g_assert_true (g_str_has_prefix (f->base_uri, "https://"));
}

static GError *
try_connect (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  GError *error = NULL;

  yeastar_client_connect_async (f->client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (f->client, wait_result (&result), &error);
  g_assert_true ((info == NULL) == (error != NULL));
  return error;
}

/* The window reads the refused certificate from the error itself, never
 * from its (translated) message; a copy keeps it. */
static void
assert_certificate_on_error (const GError *error)
{
  g_autoptr(GError) copy = g_error_copy (error);
  g_autoptr(GTlsCertificate) expected = test_certificate_load (cert);
  GTlsCertificate *certificate = yeastar_error_get_certificate (copy);

  g_assert_cmpstr (yeastar_error_get_certificate_fingerprint (error), ==, cert->openssl_fingerprint);
  g_assert_cmpstr (yeastar_error_get_certificate_fingerprint (copy), ==, cert->openssl_fingerprint);
  g_assert_nonnull (certificate);
  g_assert_true (g_tls_certificate_is_same (certificate, expected));
}

static void
test_fingerprint (void)
{
  g_autoptr(GTlsCertificate) certificate = test_certificate_load (cert);
  g_autofree char *fingerprint = NULL;

  fingerprint = yeastar_tls_certificate_dup_fingerprint (certificate);
  g_assert_cmpstr (fingerprint, ==, cert->openssl_fingerprint);
}

static void
test_untrusted (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = try_connect (f);

  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, cert->openssl_fingerprint));
  assert_certificate_on_error (error);
  assert_no_secrets (f->sim, error);
  /* Nothing, in particular not the secret, reached the server. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);
}

static void
test_pinned (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *lower = g_ascii_strdown (cert->openssl_fingerprint, -1);
  g_autoptr(GString) bare = g_string_new (lower);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  /* Any case, with or without colons. */
  g_string_replace (bare, ":", "", 0);
  g_assert_false (yeastar_client_set_pinned_certificate (f->client, "not a fingerprint"));
  g_assert_true (yeastar_client_set_pinned_certificate (f->client, bare->str));
  g_assert_cmpstr (yeastar_client_get_pinned_certificate (f->client), ==, cert->openssl_fingerprint);

  error = try_connect (f);
  g_assert_no_error (error);

  /* The WebSocket (wss) and the download use the same pin. */
  dir = g_dir_make_tmp ("yeastar-tls-dl-XXXXXX", NULL);
  folder = g_file_new_for_path (dir);
  yeastar_report_request_set_async (request, TRUE);
  yeastar_client_download_report_async (f->client, request, folder, NULL, store_result_cb, &result);
  file = yeastar_client_download_report_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE), ==, 1);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  static const char other[] =
    "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
  g_autoptr(GError) error = NULL;

  g_assert_true (yeastar_client_set_pinned_certificate (f->client, other));
  error = try_connect (f);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TLS_CHANGED);
  g_assert_nonnull (strstr (error->message, cert->openssl_fingerprint));
  g_assert_nonnull (strstr (error->message, other));
  assert_certificate_on_error (error);
  assert_no_secrets (f->sim, error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  cert = test_certificate_new ();
  if (cert == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return g_test_run ();
    }

  g_test_add_func ("/yeastar/client/tls/fingerprint", test_fingerprint);
  g_test_add ("/yeastar/client/tls/untrusted", Fixture, NULL, tls_setup, test_untrusted, fixture_teardown);
  g_test_add ("/yeastar/client/tls/pinned", Fixture, NULL, tls_setup, test_pinned, fixture_teardown);
  g_test_add ("/yeastar/client/tls/changed", Fixture, NULL, tls_setup, test_changed, fixture_teardown);

  ret = g_test_run ();
  g_clear_pointer (&cert, test_certificate_free);
  return ret;
}
