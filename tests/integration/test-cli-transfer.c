/* test-cli-transfer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-run.h"
#include "raw-server.h"
#include "yeastar-part-file.h"
#include "yeastar-simulator.h"

/*
 * `call-reports download` (the real binary, CALL_REPORTS_BINARY) against
 * the raw server in front of the simulator: a run killed mid-transfer, the
 * output folder checked before any request, the deadlines and a redirect
 * to another origin, with their exit statuses and messages.
 *
 * The raw server answers the report request itself with a fixed file
 * name, so that two runs want the same name.
 */

#define CLIENT_ID "test-client-id"
#define SECRET    "Te5t-S3cret-transfer-1a2b"
#define FILE_NAME "fixed-report.csv"
#define SLOW_SIZE 200000

typedef enum
{
  MODE_FILE,
  MODE_SLOW,            /* 1000 bytes every 100 ms */
  MODE_DRIP_HEADERS,    /* one header line a second */
  MODE_REDIRECT_OTHER,
} Mode;

typedef struct
{
  YeastarSimulator *sim;
  RawServer *raw;
  RawServer *other;
  gint mode;            /* atomic: read by the server's threads */
  char *out_dir;
} Fixture;

static const char report_body[] = "Time,IVR,Calls\n2024-03-01,Main,7\n";

static gboolean
answer_other (RawServer        *server,
              RawConnection    *connection,
              const RawRequest *request,
              gpointer          user_data)
{
  raw_connection_write (connection,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 10\r\n"
                        "Connection: close\r\n\r\nevil,data\n", -1);
  return TRUE;
}

static gboolean
answer (RawServer        *server,
        RawConnection    *connection,
        const RawRequest *request,
        gpointer          user_data)
{
  Fixture *f = user_data;
  const char *query = strchr (request->target, '?');

  if (g_str_has_suffix (request->path, "/call_report/download"))
    {
      const char *reply = "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"file\":\"" FILE_NAME "\","
                          "\"download_resource_url\":\"/api/download/" FILE_NAME "\"}";

      raw_connection_printf (connection,
                             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s", strlen (reply), reply);
      return TRUE;
    }

  if (!g_str_has_prefix (request->path, "/api/download/"))
    return FALSE;

  switch ((Mode) g_atomic_int_get (&f->mode))
    {
    case MODE_FILE:
      raw_connection_printf (connection,
                             "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s", strlen (report_body), report_body);
      break;

    case MODE_SLOW:
      {
        g_autofree char *body = g_strnfill (SLOW_SIZE, 'x');

        memcpy (body, report_body, strlen (report_body));
        raw_connection_printf (connection,
                               "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %u\r\n"
                               "Connection: close\r\n\r\n", SLOW_SIZE);
        raw_connection_drip (connection, body, SLOW_SIZE, 1000, 100);
      }
      break;

    case MODE_DRIP_HEADERS:
      raw_connection_write (connection, "HTTP/1.1 200 OK\r\n", -1);
      for (guint i = 0; i < 8; i++)
        if (!raw_connection_sleep (connection, 1000) ||
            !raw_connection_printf (connection, "X-Drip-%u: %u\r\n", i, i))
          return TRUE;
      raw_connection_printf (connection, "Content-Type: text/csv\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s", strlen (report_body), report_body);
      break;

    case MODE_REDIRECT_OTHER:
      raw_connection_printf (connection,
                             "HTTP/1.1 302 Found\r\nLocation: %s/steal%s\r\nContent-Length: 0\r\n"
                             "Connection: close\r\n\r\n",
                             raw_server_get_base_uri (f->other), query ? query : "");
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2024, 3, 14, 10, 20, 30);
  g_autoptr(GError) error = NULL;
  g_autofree char *sim_uri = NULL;

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim,
                "client-id", CLIENT_ID,
                "client-secret", SECRET,
                "date-format", "DD/MM/YYYY",
                "clock", clock,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  sim_uri = yeastar_simulator_dup_base_uri (f->sim);

  f->raw = raw_server_new (sim_uri, answer, f);
  f->other = raw_server_new (NULL, answer_other, f);
  f->out_dir = g_dir_make_tmp ("test-cli-transfer-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->raw, raw_server_free);
  g_clear_pointer (&f->other, raw_server_free);
  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  cli_run_remove_tree (f->out_dir);
  g_clear_pointer (&f->out_dir, g_free);
}

static GSubprocess *
spawn (Fixture            *f,
       const char         *output,
       const char * const *extra)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_run_new_launcher (SECRET);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "download");
  g_ptr_array_add (argv, (gpointer) "--type");
  g_ptr_array_add (argv, (gpointer) "ivr");
  g_ptr_array_add (argv, (gpointer) "--ivr-id-list");
  g_ptr_array_add (argv, (gpointer) "1");
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, (gpointer) raw_server_get_base_uri (f->raw));
  g_ptr_array_add (argv, (gpointer) "--client-id");
  g_ptr_array_add (argv, (gpointer) CLIENT_ID);
  g_ptr_array_add (argv, (gpointer) "--output");
  g_ptr_array_add (argv, (gpointer) (output != NULL ? output : f->out_dir));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, NULL);

  return cli_run_start (launcher, (const char * const *) argv->pdata);
}

/* Waits for @process (the main context serves the simulator meanwhile). */
static void
finish_run (Fixture     *f,
            GSubprocess *process,
            CliRun      *run)
{
  g_auto(GStrv) tokens = NULL;

  cli_run_finish (run, process, CLI_RUN_MAY_DIE);

  /* Neither output ever has the secret or a token. */
  tokens = yeastar_simulator_dup_issued_tokens (f->sim);
  cli_run_assert_no_secrets (run, SECRET, (const char * const *) tokens);
}

static void
run_download (Fixture            *f,
              const char         *output,
              const char * const *extra,
              CliRun                *run)
{
  g_autoptr(GSubprocess) process = spawn (f, output, extra);

  finish_run (f, process, run);
}

static void
assert_says (const char *text,
             const char *says)
{
  if (strstr (text, says) == NULL)
    g_error ("“%s” does not say “%s”", text, says);
}

/* The names in the output folder, hidden ones too. */
static GPtrArray *
list_folder (Fixture *f)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->out_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* The size of the part in the folder, or -1 while there is none. */
static gint64
part_size (Fixture *f)
{
  g_autoptr(GPtrArray) names = list_folder (f);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (f->out_dir, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".part") && g_stat (path, &st) == 0)
        return st.st_size;
    }

  return -1;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* 4: SIGKILL mid-transfer leaves nothing visible, and the next run into
 * the same folder removes the stale part and saves the plain name. */
static void
test_killed_run (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_auto(CliRun) killed = { 0, };
  g_auto(CliRun) run = { 0, };
  g_autofree char *expected = g_build_filename (f->out_dir, FILE_NAME "\n", NULL);
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint wake_id;

  g_atomic_int_set (&f->mode, MODE_SLOW);
  process = spawn (f, NULL, NULL);

  /* Until the part has data (at most 20 s). */
  timeout_id = g_timeout_add_seconds (20, flag_cb, &timed_out);
  wake_id = g_timeout_add (50, wake_cb, NULL);   /* the server's threads do not wake it */
  while (!timed_out && part_size (f) <= 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_source_remove (wake_id);

  g_subprocess_force_exit (process);
  finish_run (f, process, &killed);
  g_assert_false (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* Nothing visible: only the hidden part of the killed run. */
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (yeastar_part_file_is_part_name (g_ptr_array_index (names, 0)));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (names, 0), "." FILE_NAME "."));
  g_clear_pointer (&names, g_ptr_array_unref);

  /* The next run: the plain name, and the stale part is gone. */
  g_atomic_int_set (&f->mode, MODE_FILE);
  run_download (f, NULL, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);

  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, FILE_NAME);
}

/* Runs the main context until the transfer's part has data (at most 20 s). */
static void
wait_for_part (Fixture *f)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (20, flag_cb, &timed_out);
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!timed_out && part_size (f) <= 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_source_remove (wake_id);
}

/* SIGTERM or SIGINT mid-transfer: the part is removed, nothing else is
 * saved, and the run exits with status 1 saying it was interrupted. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  const int signums[] = { SIGTERM, SIGINT };

  g_atomic_int_set (&f->mode, MODE_SLOW);

  for (guint i = 0; i < G_N_ELEMENTS (signums); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GPtrArray) names = NULL;
      g_auto(CliRun) run = { 0, };

      process = spawn (f, NULL, NULL);

      wait_for_part (f);

      g_subprocess_send_signal (process, signums[i]);
      finish_run (f, process, &run);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      assert_says (run.err, "Interrupted");

      names = list_folder (f);
      g_assert_cmpuint (names->len, ==, 0);
    }
}

/* --json and SIGTERM or SIGINT mid-transfer: still one JSON object on
 * standard output, "interrupted": true and no file (path, file_name and
 * bytes null), the query that was sent; the part is removed, and the
 * exit status and the message stay. */
static void
test_interrupted_json (Fixture       *f,
                       gconstpointer  data)
{
  const int signums[] = { SIGTERM, SIGINT };
  const char * const extra[] = { "--json", NULL };

  g_atomic_int_set (&f->mode, MODE_SLOW);

  for (guint i = 0; i < G_N_ELEMENTS (signums); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GPtrArray) names = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_auto(CliRun) run = { 0, };
      JsonObject *object;

      process = spawn (f, NULL, extra);

      wait_for_part (f);

      g_subprocess_send_signal (process, signums[i]);
      finish_run (f, process, &run);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (run.status, ==, 1);
      assert_says (run.err, "Interrupted");

      json_parser_load_from_data (parser, run.out, -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (json_object_get_boolean_member (object, "interrupted"));
      g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "interrupted");
      g_assert_true (json_object_get_null_member (object, "path"));
      g_assert_true (json_object_get_null_member (object, "file_name"));
      g_assert_true (json_object_get_null_member (object, "bytes"));
      g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "ivr");
      g_assert_nonnull (strstr (json_object_get_string_member (object, "query"), "ivr_id_list=1"));

      names = list_folder (f);
      g_assert_cmpuint (names->len, ==, 0);
    }
}

/* 13: a folder that cannot take the file fails with exit status 6 and a
 * plain message before a single request is sent. */
static void
test_folder_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->out_dir, "missing", NULL);
  g_autofree char *says = g_strdup_printf ("The folder “%s” does not exist.", missing);
  g_auto(CliRun) run = { 0, };

  run_download (f, missing, NULL, &run);
  g_assert_cmpint (run.status, ==, 6);
  assert_says (run.err, says);
  g_assert_cmpuint (raw_server_get_request_count (f->raw), ==, 0);
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

static void
test_folder_not_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (f->out_dir, "a-file", NULL);
  g_autofree char *says = g_strdup_printf ("“%s” is not a folder.", plain);
  g_auto(CliRun) run = { 0, };

  g_assert_true (g_file_set_contents (plain, "", -1, NULL));
  run_download (f, plain, NULL, &run);
  g_assert_cmpint (run.status, ==, 6);
  assert_says (run.err, says);
  g_assert_cmpuint (raw_server_get_request_count (f->raw), ==, 0);
}

/* A folder without write permission: as root (which may write
 * anywhere) the run is made as nobody with setpriv. */
static void
test_folder_not_writable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = g_build_filename (f->out_dir, "locked", NULL);
  g_autofree char *says = g_strdup_printf ("You do not have permission to save files in the folder “%s”.",
                                           locked);
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_auto(CliRun) run = { 0, };

  if (geteuid () == 0 && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv");
      return;
    }

  g_assert_cmpint (g_chmod (f->out_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);

  if (geteuid () == 0)
    {
      g_ptr_array_add (argv, setpriv);
      g_ptr_array_add (argv, (gpointer) "--reuid=65534");
      g_ptr_array_add (argv, (gpointer) "--regid=65534");
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
    }
  g_ptr_array_add (argv, (gpointer) g_getenv ("CALL_REPORTS_BINARY"));
  g_ptr_array_add (argv, (gpointer) "download");
  g_ptr_array_add (argv, (gpointer) "--type");
  g_ptr_array_add (argv, (gpointer) "ivr");
  g_ptr_array_add (argv, (gpointer) "--ivr-id-list");
  g_ptr_array_add (argv, (gpointer) "1");
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, (gpointer) raw_server_get_base_uri (f->raw));
  g_ptr_array_add (argv, (gpointer) "--client-id");
  g_ptr_array_add (argv, (gpointer) CLIENT_ID);
  g_ptr_array_add (argv, (gpointer) "--output");
  g_ptr_array_add (argv, locked);
  g_ptr_array_add (argv, NULL);

  launcher = cli_run_new_launcher (SECRET);
  g_subprocess_launcher_setenv (launcher, "HOME", locked, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  finish_run (f, process, &run);

  g_assert_cmpint (run.status, ==, 6);
  assert_says (run.err, says);
  g_assert_cmpuint (raw_server_get_request_count (f->raw), ==, 0);
}

/* 7: dripped headers end at --header-timeout with exit status 5. */
static void
test_header_timeout (Fixture       *f,
                     gconstpointer  data)
{
  const char * const extra[] = { "--header-timeout", "2", NULL };
  g_auto(CliRun) run = { 0, };
  g_autoptr(GPtrArray) names = NULL;
  gint64 start = g_get_monotonic_time ();

  g_atomic_int_set (&f->mode, MODE_DRIP_HEADERS);
  run_download (f, NULL, extra, &run);
  g_assert_cmpint (run.status, ==, 5);
  assert_says (run.err, "did not finish its headers within 2 seconds");
  /* 2 s, not the 8 s of the whole drip */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 7 * G_USEC_PER_SEC);
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 0);
}

/* … and a body below --min-speed over --stall-time. */
static void
test_min_speed (Fixture       *f,
                gconstpointer  data)
{
  /* 10 kB/s against a minimum of 50 kB/s over 1 s */
  const char * const extra[] = { "--min-speed", "50000", "--stall-time", "1", NULL };
  g_auto(CliRun) run = { 0, };
  g_autoptr(GPtrArray) names = NULL;

  g_atomic_int_set (&f->mode, MODE_SLOW);
  run_download (f, NULL, extra, &run);
  g_assert_cmpint (run.status, ==, 5);
  assert_says (run.err, "per second for 1 second; it was stopped.");
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 0);
}

/* The limits are checked before anything is sent. */
static void
test_bad_limits (Fixture       *f,
                 gconstpointer  data)
{
  const char * const extra[] = { "--stall-time", "0", NULL };
  g_auto(CliRun) run = { 0, };

  run_download (f, NULL, extra, &run);
  g_assert_cmpint (run.status, ==, 2);
  assert_says (run.err, "--stall-time");
  g_assert_cmpuint (raw_server_get_request_count (f->raw), ==, 0);
}

/* 5: a redirect to another origin: exit status 5, the other server named
 * and never asked. */
static void
test_redirect_other (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_autoptr(GPtrArray) names = NULL;

  g_atomic_int_set (&f->mode, MODE_REDIRECT_OTHER);
  run_download (f, NULL, NULL, &run);
  g_assert_cmpint (run.status, ==, 5);
  assert_says (run.err, "redirected the request to another server");
  assert_says (run.err, raw_server_get_base_uri (f->other));
  g_assert_cmpuint (raw_server_get_request_count (f->other), ==, 0);
  names = list_folder (f);
  g_assert_cmpuint (names->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/transfer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("killed-run", test_killed_run);
  ADD ("interrupted", test_interrupted);
  ADD ("interrupted-json", test_interrupted_json);
  ADD ("folder/missing", test_folder_missing);
  ADD ("folder/not-a-folder", test_folder_not_folder);
  ADD ("folder/not-writable", test_folder_not_writable);
  ADD ("deadline/headers", test_header_timeout);
  ADD ("deadline/min-speed", test_min_speed);
  ADD ("deadline/bad-limits", test_bad_limits);
  ADD ("redirect/other-origin", test_redirect_other);

#undef ADD

  return g_test_run ();
}
