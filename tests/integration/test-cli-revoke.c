/* test-cli-revoke.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-run.h"
#include "yeastar-simulator.h"

/*
 * The command line's token on its failure paths: the real `call-reports`
 * binary (CALL_REPORTS_BINARY) against a simulated PBX in this process,
 * whose main context is spun while the child runs.
 *
 * - A refused event socket (HTTP 502 on the WebSocket upgrade) still
 *   revokes the token: eight such runs would otherwise lock the API
 *   application out for 30 minutes (the PBX's cap of eight tokens).
 * - A PBX that never answers del_token holds the exit only as long as the
 *   bound ($CALL_REPORTS_REVOKE_TIMEOUT, 1 s here; 10 s by default).
 * - A second SIGTERM while the token is being revoked ends the run at once.
 */

#define CLIENT_ID "test-client-id"
#define SECRET    "Te5t-S3cret-9f8e7d6c5b4a"

typedef struct
{
  YeastarSimulator *sim;
  char             *base_uri;
  char             *out_dir;
} Fixture;

typedef struct
{
  GSubprocess  *process;
  GAsyncResult *result;
  char         *out;
  char         *err;
  int           status;
  gint64        ended;
} Child;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim,
                "client-id", CLIENT_ID,
                "client-secret", SECRET,
                "date-format", "DD/MM/YYYY",
                "time-format", "hh:mm:ss PM",
                "stall-ms", 20000,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->base_uri = yeastar_simulator_dup_base_uri (f->sim);
  f->out_dir = g_dir_make_tmp ("test-cli-revoke-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->base_uri, g_free);

  cli_run_remove_tree (f->out_dir);
  g_clear_pointer (&f->out_dir, g_free);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Child *child = user_data;

  child->ended = g_get_monotonic_time ();
  child->result = g_object_ref (result);
}

/* Starts `call-reports download …` against the simulator. */
static void
child_spawn (Fixture            *f,
             Child              *child,
             const char         *revoke_timeout,
             const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CALL_REPORTS_BINARY");

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "download");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, f->base_uri);
  g_ptr_array_add (argv, (gpointer) "--client-id");
  g_ptr_array_add (argv, (gpointer) CLIENT_ID);
  g_ptr_array_add (argv, (gpointer) "--output");
  g_ptr_array_add (argv, f->out_dir);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "CALL_REPORTS_CLIENT_SECRET", SECRET, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  if (revoke_timeout != NULL)
    g_subprocess_launcher_setenv (launcher, "CALL_REPORTS_REVOKE_TIMEOUT", revoke_timeout, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CALL_REPORTS_REVOKE_TIMEOUT");

  child->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child->process, NULL, NULL, on_communicated, child);
}

static gboolean
on_deadline (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins until @count requests reached @endpoint (or the child ended). */
static void
wait_for_requests (Fixture    *f,
                   Child      *child,
                   const char *endpoint,
                   guint       count)
{
  gboolean passed = FALSE;
  guint deadline = g_timeout_add_seconds (30, on_deadline, &passed);

  while (yeastar_simulator_get_request_count (f->sim, endpoint) < count && child->result == NULL && !passed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (passed);
  g_source_remove (deadline);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, endpoint), >=, count);
}

static void
child_wait (Child *child)
{
  g_autoptr(GError) error = NULL;

  while (child->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_communicate_utf8_finish (child->process, child->result, &child->out, &child->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child->process));
  child->status = g_subprocess_get_exit_status (child->process);
  g_test_message ("exit %d; stderr: %s", child->status, child->err);

  /* Nothing the run prints holds the secret. */
  g_assert_null (strstr (child->out, SECRET));
  g_assert_null (strstr (child->err, SECRET));
}

static void
child_clear (Child *child)
{
  g_clear_object (&child->process);
  g_clear_object (&child->result);
  g_clear_pointer (&child->out, g_free);
  g_clear_pointer (&child->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Child, child_clear)

/* A proxy answers the WebSocket upgrade with 502: the run fails with the
 * network status and says why, and the token it got is revoked. */
static void
test_refused_event_socket (Fixture       *f,
                           gconstpointer  data)
{
  const char *args[] = { "--type", "queueperformance", "--queue-id-list", "1", "--range", "last-month",
                         "--async", "--timeout", "30", NULL };
  g_auto(Child) child = { 0, };

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE, YEASTAR_SIMULATOR_FAULT_HTTP_502, 0);

  child_spawn (f, &child, NULL, args);
  child_wait (&child);

  g_assert_cmpint (child.status, ==, 5);
  g_assert_cmpstr (child.out, ==, "");
  g_assert_nonnull (strstr (child.err, "refused the event connection (HTTP status 502)"));
  g_assert_null (strstr (child.err, "warning"));

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
  /* Nothing was asked for without a subscription. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 0);
}

/* Eight refused runs in a row leave no token behind, so a ninth can
 * still log in (the PBX's cap is eight live tokens). */
static void
test_refused_event_socket_repeated (Fixture       *f,
                                    gconstpointer  data)
{
  const char *args[] = { "--type", "queueperformance", "--queue-id-list", "1", "--range", "last-month",
                         "--async", "--timeout", "30", NULL };

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE, YEASTAR_SIMULATOR_FAULT_HTTP_502, 8);

  for (guint i = 0; i < 9; i++)
    {
      g_auto(Child) child = { 0, };

      child_spawn (f, &child, NULL, args);
      child_wait (&child);
      g_assert_cmpint (child.status, ==, i < 8 ? 5 : 0);
      g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
    }

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 9);
}

/* A PBX that takes del_token but never answers it: the report is saved
 * and the run ends once the bound passed, with a warning. */
static void
test_revoke_bounded (Fixture       *f,
                     gconstpointer  data)
{
  const char *args[] = { "--type", "extcallstatistics", "--ext-id-list", "34", NULL };
  g_auto(Child) child = { 0, };
  gint64 started;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN, YEASTAR_SIMULATOR_FAULT_STALL, 0);

  started = g_get_monotonic_time ();
  child_spawn (f, &child, "1", args);
  child_wait (&child);

  g_assert_cmpint (child.status, ==, 0);
  g_assert_true (g_str_has_prefix (child.out, f->out_dir));
  g_assert_nonnull (strstr (child.err, "did not revoke the access token in time (1 s)"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
  /* The stall is 20 s; the bound 1 s. */
  g_assert_cmpint (child.ended - started, <, 8 * G_USEC_PER_SEC);
}

/* SIGTERM while the PBX prepares the report interrupts the run, which
 * then revokes its token; a second SIGTERM while the PBX does not answer
 * the revocation ends the process at once, with 128 + SIGTERM. */
static void
test_second_signal (Fixture       *f,
                    gconstpointer  data)
{
  const char *args[] = { "--type", "extcallstatistics", "--ext-id-list", "34", NULL };
  g_auto(Child) child = { 0, };
  gint64 second;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_STALL, 0);
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN, YEASTAR_SIMULATOR_FAULT_STALL, 0);

  /* The default bound (10 s): only the signal can end the run sooner. */
  child_spawn (f, &child, NULL, args);
  wait_for_requests (f, &child, YEASTAR_SIMULATOR_REPORT, 1);
  g_subprocess_send_signal (child.process, SIGTERM);

  wait_for_requests (f, &child, YEASTAR_SIMULATOR_DEL_TOKEN, 1);
  g_assert_null (child.result);
  second = g_get_monotonic_time ();
  g_subprocess_send_signal (child.process, SIGTERM);
  child_wait (&child);

  g_assert_cmpint (child.status, ==, 128 + SIGTERM);
  g_assert_cmpint (child.ended - second, <, 3 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (child.err, "Interrupted"));
  g_assert_nonnull (strstr (child.err, "the access token was not revoked"));
  g_assert_cmpstr (child.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/revoke/refused-event-socket", test_refused_event_socket);
  ADD ("/cli/revoke/refused-event-socket-repeated", test_refused_event_socket_repeated);
  ADD ("/cli/revoke/bounded", test_revoke_bounded);
  ADD ("/cli/revoke/second-signal", test_second_signal);

#undef ADD

  return g_test_run ();
}
