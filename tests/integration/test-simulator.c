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

#include "simulator-test-util.h"
#include "yeastar-report-file.h"
#include "yeastar-report-type.h"
#include "yeastar-simulator.h"

/*
 * The simulator driven with raw libsoup, on one thread: every request
 * spins the main context until it is done. The tests are split by
 * concern as src/simulator/ is: test-simulator-auth.c, -api.c, -files.c,
 * -events.c and -faults.c, sharing simulator-test-util.c; here https and
 * restarting.
 */

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

  test_simulator_add_auth ();
  test_simulator_add_api ();
  test_simulator_add_files ();
  test_simulator_add_events ();
  test_simulator_add_faults ();
  g_test_add_func ("/simulator/https", test_https);
  g_test_add_func ("/simulator/restart", test_restart);

  return g_test_run ();
}
