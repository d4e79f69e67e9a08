/* test-cli-sets.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"
#include "test-certificate.h"
#include "yeastar-simulator.h"

/*
 * Report sets as a user runs them: the real `call-reports` binary
 * (CALL_REPORTS_BINARY) spawned against two simulated PBXs started in
 * this process, with a private XDG_DATA_HOME, XDG_STATE_HOME and
 * XDG_CONFIG_HOME, no session bus (no keyring) and a systemctl stand-in
 * that records its arguments. The main context is spun while the child
 * runs, which also serves the simulators.
 *
 * /cli/sets/tls/pin-certificate runs only with CALL_REPORTS_TEST_TLS=1
 * (meson test test-cli-sets-tls): its first PBX serves https with a
 * self-signed certificate made by openssl.
 */

/* For the https case; NULL without openssl. */
static TestCertificate *cert;

#define N_TYPES 5

/* Five types: date ranges and a `time` period, switches, an enum, one
 * prepared in the background (is_async). */
static const char * const set_reports[N_TYPES][8] = {
  { "extcallstatistics", "--ext-id-list", "34,35", "--communication-type", "Inbound", "--range", "last-month", NULL },
  { "queueperformance", "--queue-id-list", "1", "--range", "last-month", NULL },
  { "ivr", "--ivr-id-list", "1", "--need-detail", "--range", "last-7-days", NULL },
  { "ringgroupstatistics", "--ring-group-id-list", "1", "--async", "--range", "yesterday", NULL },
  { "trunkactivity", "--trunk-id-list", "3", "--range", "last-month", NULL },
};

typedef struct
{
  YeastarSimulator *sims[2];
  char             *uris[2];
  char             *home;
  char             *out_dir;
  char             *secret_files[2];
  char             *systemctl_log;
  char             *systemctl;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;

  f->home = g_dir_make_tmp ("test-cli-sets-XXXXXX", &error);
  g_assert_no_error (error);
  f->out_dir = g_build_filename (f->home, "Reports", NULL);
  g_assert_cmpint (g_mkdir (f->out_dir, 0700), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      /* The PBXs' clocks in different zones, neither this computer's. */
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (i == 0 ? 3600 : -5 * 3600);
      g_autoptr(GDateTime) clock = g_date_time_new (zone, 2026, 12, 1, 0, 30, 0);
      g_autofree char *client_id = g_strdup_printf ("client-%u", i);
      g_autofree char *secret = g_strdup_printf ("Se5ret-%u-%s", i, "a1b2c3d4e5f6");
      g_autofree char *secret_file = g_strdup_printf ("secret-%u", i);

      g_autoptr(GTlsCertificate) certificate = NULL;

      if (i == 0 && data != NULL && cert != NULL)
        certificate = test_certificate_load (cert);

      f->sims[i] = yeastar_simulator_new ();
      g_object_set (f->sims[i],
                    "client-id", client_id,
                    "client-secret", secret,
                    "device-name", i == 0 ? "Main Office" : "Branch/../Depot",
                    "date-format", "YYYY/MM/DD",
                    "time-format", "HH:mm:ss",
                    "clock", clock,
                    NULL);
      g_assert_true (yeastar_simulator_start (f->sims[i], certificate, &error));
      g_assert_no_error (error);
      f->uris[i] = yeastar_simulator_dup_base_uri (f->sims[i]);

      f->secret_files[i] = g_build_filename (f->home, secret_file, NULL);
      g_file_set_contents_full (f->secret_files[i], secret, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
      g_assert_no_error (error);
    }

  f->systemctl_log = g_build_filename (f->home, "systemctl.log", NULL);
  f->systemctl = g_build_filename (f->home, "systemctl", NULL);
  script = g_strdup_printf ("#!/bin/sh\necho \"$@\" >> '%s'\n", f->systemctl_log);
  g_file_set_contents_full (f->systemctl, script, -1, G_FILE_SET_CONTENTS_NONE, 0700, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->home);

  for (guint i = 0; i < 2; i++)
    {
      if (f->sims[i] != NULL)
        yeastar_simulator_stop (f->sims[i]);
      g_clear_object (&f->sims[i]);
      g_clear_pointer (&f->uris[i], g_free);
      g_clear_pointer (&f->secret_files[i], g_free);
    }

  g_assert_cmpint (system (command), ==, 0);
  g_clear_pointer (&f->home, g_free);
  g_clear_pointer (&f->out_dir, g_free);
  g_clear_pointer (&f->systemctl_log, g_free);
  g_clear_pointer (&f->systemctl, g_free);
}

static GSubprocessLauncher *
new_launcher (Fixture *f)
{
  GSubprocessLauncher *launcher = cli_run_new_launcher (NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "CALL_REPORTS_SYSTEMCTL", f->systemctl, TRUE);

  return launcher;
}

static void
run_cliv (Fixture            *f,
          CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (f);

  cli_run_spawn (run, launcher, args, CLI_RUN_DEFAULT);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) tokens = NULL;
      g_autofree char *secret = NULL;

      if (f->sims[i] == NULL)
        continue;

      tokens = yeastar_simulator_dup_issued_tokens (f->sims[i]);
      g_object_get (f->sims[i], "client-secret", &secret, NULL);
      cli_run_assert_no_secrets (run, secret, (const char * const *) tokens);
      g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sims[i]), ==, 0);
    }
}

#define run_cli(f, run, ...) \
  G_STMT_START { \
    const char * const run_args__[] = { __VA_ARGS__, NULL }; \
    run_cliv ((f), (run), run_args__); \
  } G_STMT_END

/* A set "Pack" with both PBXs and the five reports. */
static void
create_set (Fixture    *f,
            const char *name)
{
  g_auto(CliRun) run = { 0, };

  run_cli (f, &run, "set", "create", name,
           "--server", f->uris[0], "--client-id", "client-0",
           "--server", f->uris[1], "--client-id", "client-1",
           "--output", f->out_dir);
  g_assert_cmpint (run.status, ==, 0);

  for (guint i = 0; i < N_TYPES; i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(CliRun) add = { 0, };

      g_ptr_array_add (args, (gpointer) "set");
      g_ptr_array_add (args, (gpointer) "add");
      g_ptr_array_add (args, (gpointer) name);
      g_ptr_array_add (args, (gpointer) "--type");
      for (guint a = 0; set_reports[i][a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) set_reports[i][a]);
      g_ptr_array_add (args, NULL);

      run_cliv (f, &add, (const char * const *) args->pdata);
      g_assert_cmpstr (add.err, ==, "");
      g_assert_cmpint (add.status, ==, 0);
    }
}

static JsonObject *
parse_summary (const char *text,
               JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static char *
secret_arg (Fixture *f,
            guint    i)
{
  return g_strdup_printf ("%s=%s", f->uris[i], f->secret_files[i]);
}

static char *read_text (const char *path);

static const char *
expected_period (const char *type)
{
  for (guint i = 0; i < N_TYPES; i++)
    {
      if (!g_str_equal (set_reports[i][0], type))
        continue;
      for (guint a = 1; set_reports[i][a] != NULL; a++)
        {
          if (g_str_equal (set_reports[i][a], "--range"))
            return set_reports[i][a + 1];
        }
    }

  g_assert_not_reached ();
}

/* Two PBXs × five types; the second PBX fails three report requests
 * mid-run. Every other report is saved, the summary says which failed
 * and why, and each PBX saw exactly one login and one del_token. */
static void
test_run_two_pbxs_one_failing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *secret1 = secret_arg (f, 1);
  g_auto(CliRun) run = { 0, };
  JsonObject *summary;
  JsonArray *files;
  guint saved[2] = { 0, 0 };
  guint failed[2] = { 0, 0 };

  create_set (f, "Pack");
  /* The first two requests succeed, the next three answer HTTP 500. */
  yeastar_simulator_inject_fault (f->sims[1], YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_NONE, 0);
  yeastar_simulator_inject_fault (f->sims[1], YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_HTTP_500, 3);

  run_cli (f, &run, "run", "Pack", "--json",
           "--client-secret-file", secret0, "--client-secret-file", secret1);

  /* HTTP 500 is the PBX rejecting the request: exit status 4. */
  g_assert_cmpint (run.status, ==, 4);

  summary = parse_summary (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (summary, "set"), ==, "Pack");
  g_assert_cmpint (json_object_get_int_member (summary, "saved"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 3);
  g_assert_false (json_object_get_boolean_member (summary, "interrupted"));
  g_assert_cmpint (json_object_get_int_member (summary, "unfinished"), ==, 0);
  files = json_object_get_array_member (summary, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2 * N_TYPES);

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *pbx = json_object_get_string_member (file, "pbx");
      const char *type = json_object_get_string_member (file, "type");
      const char *period = json_object_get_string_member (file, "period");
      guint p = g_str_equal (pbx, f->uris[0]) ? 0 : 1;

      g_assert_cmpstr (pbx, ==, f->uris[p]);
      /* PBX by PBX, in the set's order. */
      g_assert_cmpuint (p, ==, i / N_TYPES);
      g_assert_cmpstr (type, ==, set_reports[i % N_TYPES][0]);

      /* On each PBX's own clock: 2026-12-01 00:30 there. */
      if (g_str_equal (expected_period (type), "last-month"))
        g_assert_cmpstr (period, ==, "2026-11");
      else if (g_str_equal (expected_period (type), "yesterday"))
        g_assert_cmpstr (period, ==, "2026-11-30");
      else
        g_assert_cmpstr (period, ==, "2026-11-24_2026-11-30");

      if (json_object_has_member (file, "error"))
        {
          JsonObject *error = json_object_get_object_member (file, "error");

          failed[p]++;
          g_assert_cmpstr (json_object_get_string_member (file, "state"), ==, "failed");
          g_assert_false (json_object_has_member (file, "path"));
          g_assert_cmpint (json_object_get_int_member (error, "exit_status"), ==, 4);
          g_assert_cmpstr (json_object_get_string_member (error, "class"), ==, "rejected");
          g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
        }
      else
        {
          const char *path = json_object_get_string_member (file, "path");
          g_autofree char *dir = g_path_get_dirname (path);
          g_autofree char *expected_dir = g_build_filename (f->out_dir, p == 0 ? "Main Office" : "Branch_._Depot", NULL);
          g_autofree char *expected_name = g_strdup_printf ("%s-%s.csv", type, period);
          g_autofree char *name = g_path_get_basename (path);
          GStatBuf st;

          saved[p]++;
          g_assert_cmpstr (json_object_get_string_member (file, "state"), ==, "saved");
          g_assert_cmpstr (dir, ==, expected_dir);
          g_assert_cmpstr (name, ==, expected_name);
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_assert_cmpint (st.st_size, ==, json_object_get_int_member (file, "bytes"));
          g_assert_cmpint (st.st_size, >, 0);
        }
    }

  g_assert_cmpuint (saved[0], ==, N_TYPES);
  g_assert_cmpuint (failed[0], ==, 0);
  g_assert_cmpuint (saved[1], ==, 2);
  g_assert_cmpuint (failed[1], ==, 3);

  for (guint p = 0; p < 2; p++)
    {
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_REPORT), ==, N_TYPES);
    }

  /* No hidden working folder is left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->out_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "."));
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The ext_id_list or queue_id and agent_id_list of each report request
 * @sim received, one "type:values" string each, sorted. */
static GStrv
dup_sent_ids (YeastarSimulator *sim)
{
  g_auto(GStrv) queries = yeastar_simulator_dup_queries (sim, YEASTAR_SIMULATOR_REPORT);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_auto(GStrv) pairs = g_strsplit (queries[i], "&", -1);
      g_autoptr(GString) text = g_string_new (NULL);
      const char *type = "";

      for (guint p = 0; pairs[p] != NULL; p++)
        {
          if (g_str_has_prefix (pairs[p], "type="))
            type = pairs[p] + strlen ("type=");
          else if (g_str_has_prefix (pairs[p], "ext_id_list=") ||
                   g_str_has_prefix (pairs[p], "trunk_id_list=") ||
                   g_str_has_prefix (pairs[p], "queue_id=") ||
                   g_str_has_prefix (pairs[p], "agent_id_list="))
            g_string_append_printf (text, " %s", pairs[p]);
        }
      g_ptr_array_add (sent, g_strdup_printf ("%s:%s", type, text->str));
    }

  g_ptr_array_sort (sent, compare_strings);
  g_ptr_array_add (sent, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&sent), FALSE);
}

/* Numbers and names are kept as given and resolved on each PBX at each
 * run. The second PBX numbers its extensions from 200 and its queues from
 * 10, and calls its first extension, extension group and queue "Sales":
 * the same names are other IDs there, "alice martin" is nobody, and
 * "Sales" is two entries. Each failing report fails alone, with the PBX
 * and the name in its message; each menu is fetched once per PBX (the
 * agents once per queue), after the one login. */
static void
test_run_names_per_pbx (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const reports[][10] = {
    { "extcallstatistics", "--ext-id-list", "Bruno Ball, 1003 - Chloé Schmidt", "--range", "last-month", NULL },
    { "extcallstatistics", "--ext-id-list", "alice martin", "--range", "last-month", NULL },
    { "extcallstatistics", "--ext-id-list", "Sales", "--range", "last-month", NULL },
    { "trunkactivity", "--trunk-id-list", "3", "--range", "last-month", NULL },
    { "queueagentlogintime", "--queue-id", "Billing", "--agent-id-list", "Ines Kowalski", "--range", "last-month", NULL },
  };
  static const char * const sent_0[] = {
    "extcallstatistics: ext_id_list=1",
    "extcallstatistics: ext_id_list=34",
    "extcallstatistics: ext_id_list=35,36",
    "queueagentlogintime: queue_id=3 agent_id_list=42",
    "trunkactivity: trunk_id_list=3",
    NULL
  };
  static const char * const sent_1[] = {
    "extcallstatistics: ext_id_list=201,202",
    "queueagentlogintime: queue_id=12 agent_id_list=208",
    "trunkactivity: trunk_id_list=3",
    NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *secret1 = secret_arg (f, 1);
  g_autofree char *stored = g_build_filename (f->home, "call-reports", "sets", "Names.json", NULL);
  g_autofree char *stored_text = NULL;
  g_auto(GStrv) sent0 = NULL;
  g_auto(GStrv) sent1 = NULL;
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) show = { 0, };
  g_auto(CliRun) run = { 0, };
  g_auto(CliRun) text_run = { 0, };
  JsonObject *summary;
  JsonArray *files;

  yeastar_simulator_set_menu_first_id (f->sims[1], "extension", 200);
  yeastar_simulator_set_menu_first_id (f->sims[1], "queue", 10);
  g_object_set (f->sims[1], "hostile-text", "Sales", NULL);

  run_cli (f, &create, "set", "create", "Names",
           "--server", f->uris[0], "--client-id", "client-0",
           "--server", f->uris[1], "--client-id", "client-1",
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(CliRun) add = { 0, };

      g_ptr_array_add (args, (gpointer) "set");
      g_ptr_array_add (args, (gpointer) "add");
      g_ptr_array_add (args, (gpointer) "Names");
      g_ptr_array_add (args, (gpointer) "--type");
      for (guint a = 0; reports[i][a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) reports[i][a]);
      g_ptr_array_add (args, NULL);

      run_cliv (f, &add, (const char * const *) args->pdata);
      g_assert_cmpstr (add.err, ==, "");
      g_assert_cmpint (add.status, ==, 0);
    }

  /* Adding asks no PBX anything. */
  for (guint p = 0; p < 2; p++)
    g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sims[p]), ==, 0);

  /* The file and `set show` keep what was given. */
  g_assert_true (g_file_get_contents (stored, &stored_text, NULL, NULL));
  g_assert_nonnull (strstr (stored_text, "\"ext_id_list\" : \"Bruno Ball, 1003 - Chloé Schmidt\""));
  g_assert_nonnull (strstr (stored_text, "\"queue_id\" : \"Billing\""));
  g_assert_nonnull (strstr (stored_text, "\"agent_id_list\" : \"Ines Kowalski\""));
  run_cli (f, &show, "set", "show", "Names");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "ext_id_list=alice martin"));
  g_assert_nonnull (strstr (show.out, "queue_id=Billing agent_id_list=Ines Kowalski"));

  run_cli (f, &run, "run", "Names", "--json",
           "--client-secret-file", secret0, "--client-secret-file", secret1);
  g_assert_cmpint (run.status, ==, 2);

  summary = parse_summary (run.out, parser);
  g_assert_cmpint (json_object_get_int_member (summary, "saved"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 2);
  files = json_object_get_array_member (summary, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2 * G_N_ELEMENTS (reports));

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      guint r = i % G_N_ELEMENTS (reports);
      JsonObject *error;
      const char *message;

      if (i < G_N_ELEMENTS (reports) || (r != 1 && r != 2))
        {
          g_assert_false (json_object_has_member (file, "error"));
          g_assert_true (g_file_test (json_object_get_string_member (file, "path"), G_FILE_TEST_IS_REGULAR));
          continue;
        }

      g_assert_cmpstr (json_object_get_string_member (file, "pbx"), ==, f->uris[1]);
      g_assert_false (json_object_has_member (file, "path"));
      error = json_object_get_object_member (file, "error");
      message = json_object_get_string_member (error, "message");
      g_assert_true (g_str_has_prefix (message, "Branch/../Depot: ext_id_list: "));
      g_assert_cmpint (json_object_get_int_member (error, "exit_status"), ==, 2);
      if (r == 1)
        {
          g_assert_nonnull (strstr (message, "“alice martin” is no ID, number or name the PBX knows"));
          /* The candidates are this PBX's. */
          g_assert_nonnull (strstr (message, "\n  201\t1002 - Bruno Ball"));
        }
      else
        {
          g_assert_nonnull (strstr (message, "“Sales” matches more than one entry"));
          g_assert_nonnull (strstr (message, "\n  200\t1001 - Sales"));
          g_assert_nonnull (strstr (message, "\n  1\tSales"));
        }
    }

  /* Each PBX got the IDs it knows: the names resolved on it. */
  sent0 = dup_sent_ids (f->sims[0]);
  sent1 = dup_sent_ids (f->sims[1]);
  g_assert_cmpstrv (sent0, sent_0);
  g_assert_cmpstrv (sent1, sent_1);

  for (guint p = 0; p < 2; p++)
    {
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
      /* extension, ext_group, queue, and the agents of one queue. */
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[p], YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 4);
    }

  /* Without --json, the reason on standard error, with its PBX. */
  run_cli (f, &text_run, "run", "Names",
           "--client-secret-file", secret0, "--client-secret-file", secret1);
  g_assert_cmpint (text_run.status, ==, 2);
  g_assert_nonnull (strstr (text_run.err, "“alice martin” is no ID, number or name the PBX knows"));
  g_assert_nonnull (strstr (text_run.err, "“Sales” matches more than one entry"));
}

/* Without --json: each saved path on standard output, each failure on
 * standard error with its PBX, type and reason; `set show` tells the
 * result; a second run never replaces a file. */
static void
test_run_text_and_again (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *secret1 = secret_arg (f, 1);
  g_autofree char *again = g_build_filename (f->out_dir, "Main Office", "queueperformance-2026-11 (2).csv", NULL);
  g_auto(CliRun) first = { 0, };
  g_auto(CliRun) second = { 0, };
  g_auto(CliRun) show = { 0, };
  g_auto(GStrv) lines = NULL;

  create_set (f, "Pack");
  yeastar_simulator_inject_fault (f->sims[1], YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_DROP_MID_BODY, 0);

  run_cli (f, &first, "run", "Pack", "--client-secret-file", secret0, "--client-secret-file", secret1);
  g_assert_cmpint (first.status, ==, 5);
  lines = g_strsplit (g_strstrip (first.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_TYPES);
  for (guint i = 0; i < N_TYPES; i++)
    g_assert_true (g_str_has_prefix (lines[i], f->out_dir));
  for (guint i = 0; i < N_TYPES; i++)
    {
      g_autofree char *line = g_strdup_printf ("call-reports: %s %s from %s failed: ",
                                               set_reports[i][0], i == 3 ? "2026-11-30"
                                               : i == 2 ? "2026-11-24_2026-11-30" : "2026-11",
                                               f->uris[1]);

      g_assert_nonnull (strstr (first.err, line));
    }
  /* No partial file of the dropped downloads is left. */
  {
    g_autofree char *branch = g_build_filename (f->out_dir, "Branch_._Depot", NULL);
    g_autoptr(GDir) dir = g_dir_open (branch, 0, NULL);

    g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
  }

  run_cli (f, &show, "set", "show", "Pack");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "5 saved, 5 failed; the first failure: "));

  yeastar_simulator_clear_faults (f->sims[1]);
  run_cli (f, &second, "run", "Pack", "--client-secret-file", secret0, "--client-secret-file", secret1);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, again));
  g_assert_true (g_file_test (again, G_FILE_TEST_IS_REGULAR));
}

/* A PBX that cannot be reached or has no secret fails its own reports
 * with the reason; the other PBX's are saved. */
static void
test_run_pbx_unavailable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *secret1 = secret_arg (f, 1);
  g_auto(CliRun) no_secret = { 0, };
  g_auto(CliRun) gone = { 0, };
  JsonObject *summary;
  JsonArray *files;

  create_set (f, "Pack");

  /* No secret for the second PBX: no file, no environment, no keyring. */
  run_cli (f, &no_secret, "run", "Pack", "--json", "--client-secret-file", secret0);
  g_assert_cmpint (no_secret.status, ==, 2);
  summary = parse_summary (no_secret.out, parser);
  g_assert_cmpint (json_object_get_int_member (summary, "saved"), ==, N_TYPES);
  files = json_object_get_array_member (summary, "files");
  for (guint i = N_TYPES; i < 2 * N_TYPES; i++)
    {
      JsonObject *error = json_object_get_object_member (json_array_get_object_element (files, i), "error");

      g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), "No Client Secret"));
      g_assert_cmpstr (json_object_get_string_member (error, "class"), ==, "usage");
    }
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[1], YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);

  /* The second PBX is gone (deleted, or its address no longer answers). */
  yeastar_simulator_stop (f->sims[1]);
  g_clear_object (&f->sims[1]);
  run_cli (f, &gone, "run", "Pack", "--json", "--client-secret-file", secret0,
           "--client-secret-file", secret1);
  g_assert_cmpint (gone.status, ==, 5);
  summary = parse_summary (gone.out, parser2);
  g_assert_cmpint (json_object_get_int_member (summary, "saved"), ==, N_TYPES);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, N_TYPES);
  files = json_object_get_array_member (summary, "files");
  for (guint i = N_TYPES; i < 2 * N_TYPES; i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      JsonObject *error = json_object_get_object_member (file, "error");

      g_assert_cmpstr (json_object_get_string_member (error, "class"), ==, "network");
      g_assert_true (json_object_get_null_member (file, "pbx_name"));
    }

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_GET_TOKEN), ==, 2);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_DEL_TOKEN), ==, 2);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* --keep-months: after a run without failures the files the set saved
 * more than N months ago go; a file the set did not save stays, however
 * old, and so does everything after a run with a failure. */
static void
test_run_retention (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *old_tracked = g_build_filename (f->out_dir, "old-report.csv", NULL);
  g_autofree char *recent_tracked = g_build_filename (f->out_dir, "recent-report.csv", NULL);
  g_autofree char *untracked = g_build_filename (f->out_dir, "mine.csv", NULL);
  g_autofree char *state_dir = g_build_filename (f->home, "call-reports", "set-runs", NULL);
  g_autofree char *state_path = g_build_filename (state_dir, "Keep.json", NULL);
  g_autofree char *state = NULL;
  g_autofree char *state_after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_months (now, -3);
  g_autoptr(GDateTime) lately = g_date_time_add_days (now, -20);
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) add = { 0, };
  g_auto(CliRun) failing = { 0, };
  g_auto(CliRun) run = { 0, };

  run_cli (f, &create, "set", "create", "Keep", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir, "--keep-months", "2");
  g_assert_cmpint (create.status, ==, 0);
  run_cli (f, &add, "set", "add", "Keep", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  g_assert_cmpint (add.status, ==, 0);

  /* What earlier runs left: two files of the set's, one of the user's. */
  g_assert_true (g_file_set_contents (old_tracked, "old", -1, NULL));
  g_assert_true (g_file_set_contents (recent_tracked, "recent", -1, NULL));
  g_assert_true (g_file_set_contents (untracked, "mine", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (state_dir, 0700), ==, 0);
  state = g_strdup_printf ("{\"version\": 1, \"last_run\": %" G_GINT64_FORMAT ", \"saved\": 2, "
                           "\"failed\": 0, \"files\": [{\"path\": \"%s\", \"saved\": %" G_GINT64_FORMAT "}, "
                           "{\"path\": \"%s\", \"saved\": %" G_GINT64_FORMAT "}]}",
                           g_date_time_to_unix (lately), old_tracked, g_date_time_to_unix (long_ago),
                           recent_tracked, g_date_time_to_unix (lately));
  g_assert_true (g_file_set_contents (state_path, state, -1, NULL));

  /* A run with a failure removes nothing. */
  yeastar_simulator_inject_fault (f->sims[0], YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_HTTP_500, 1);
  run_cli (f, &failing, "run", "Keep", "--client-secret-file", secret0);
  g_assert_cmpint (failing.status, ==, 4);
  g_assert_true (g_file_test (old_tracked, G_FILE_TEST_EXISTS));

  run_cli (f, &run, "run", "Keep", "--client-secret-file", secret0);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test (old_tracked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent_tracked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (untracked, G_FILE_TEST_EXISTS));

  /* The new file is tracked, the removed one forgotten. */
  state_after = read_text (state_path);
  g_assert_null (strstr (state_after, "old-report.csv"));
  g_assert_nonnull (strstr (state_after, "recent-report.csv"));
  g_assert_nonnull (strstr (state_after, "queueperformance-2026-11.csv"));
  g_assert_null (strstr (state_after, "mine.csv"));
}

/* Files stream side by side while the PBX prepares the next report (one
 * at a time: one token, one request in flight): twelve files the PBX
 * takes 1 s each to send are not fetched one after another (12 s), and
 * never more than 4 at once (at least 3 s). libsoup keeps 2 connections
 * to a host, so 2 at once is what this measures (about 6 s). Their twelve
 * files share one name and all are kept. */
static void
test_run_concurrency (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *secret0 = secret_arg (f, 0);
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  gint64 start, elapsed;

  run_cli (f, &create, "set", "create", "Twelve", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);
  for (guint i = 0; i < 12; i++)
    {
      g_auto(CliRun) add = { 0, };

      run_cli (f, &add, "set", "add", "Twelve", "--type", "queueperformance", "--queue-id-list", "1",
               "--range", "last-month");
      g_assert_cmpint (add.status, ==, 0);
    }

  g_object_set (f->sims[0], "stall-ms", 1000, NULL);
  yeastar_simulator_inject_fault (f->sims[0], YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_STALL, 0);
  start = g_get_monotonic_time ();
  run_cli (f, &run, "run", "Twelve", "--client-secret-file", secret0);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("12 files of 1 s: %.2f s", elapsed / 1e6);

  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup ("queueperformance-2026-11.csv")
                                     : g_strdup_printf ("queueperformance-2026-11 (%u).csv", i + 1);
      g_autofree char *path = g_build_filename (f->out_dir, "Main Office", name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_strv_contains ((const char * const *) lines, path));
    }

  g_assert_cmpint (elapsed, >=, 3 * G_USEC_PER_SEC - 100 * 1000);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The names under @path, hidden ones too, as paths below it. */
static void
list_tree (const char *path,
           GPtrArray  *names)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_ptr_array_add (names, g_strdup (child));
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        list_tree (child, names);
    }
}

/* SIGINT or SIGTERM while the PBX holds the file back: the run is
 * cancelled at once (not when the PBX answers, 60 s later), nothing is
 * left in the output folder (no partial file, no temporary folder), the
 * token is revoked, and the run exits with status 1 saying so. */
static void
test_run_interrupted (Fixture       *f,
                      gconstpointer  data)
{
  const int signums[] = { SIGTERM, SIGINT };
  g_autofree char *secret0 = secret_arg (f, 0);
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) add = { 0, };

  run_cli (f, &create, "set", "create", "Held", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);
  run_cli (f, &add, "set", "add", "Held", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  g_assert_cmpint (add.status, ==, 0);
  g_object_set (f->sims[0], "stall-ms", 60000, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (signums); i++)
    {
      const char *args[] = { "run", "Held", "--client-secret-file", secret0, NULL };
      g_autoptr(GSubprocessLauncher) launcher = new_launcher (f);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
      g_auto(CliRun) run = { 0, };
      guint files = yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE);
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      gint64 sent;
      guint wake_id;

      yeastar_simulator_inject_fault (f->sims[0], YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_STALL, 1);
      process = cli_run_start (launcher, args);

      /* Until the PBX holds the file's request. */
      wake_id = g_timeout_add (50, wake_cb, NULL);
      while (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE) == files &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake_id);
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE), ==, files + 1);

      sent = g_get_monotonic_time ();
      g_subprocess_send_signal (process, signums[i]);
      cli_run_finish (&run, process, CLI_RUN_DEFAULT);

      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpint (g_get_monotonic_time () - sent, <, 10 * G_USEC_PER_SEC);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "interrupted; the reports not finished were not saved"));
      list_tree (f->out_dir, left);
      g_assert_cmpuint (left->len, ==, 0);
      g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sims[0]), ==, 0);
    }
}

/* The visible regular files under @path (not the hidden parts). */
static guint
count_visible_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_visible_files (child);
      else
        n++;
    }

  return n;
}

/* --json and SIGTERM or SIGINT after one report of two was saved, while
 * the PBX holds the other's file: still one JSON document on standard
 * output, "interrupted": true, the saved report with its path (the file
 * is there, whole), the held one "interrupted" without a path, nothing
 * else left in the folder; the exit status and the message stay. */
static void
test_run_interrupted_json (Fixture       *f,
                           gconstpointer  data)
{
  const int signums[] = { SIGTERM, SIGINT };
  g_autofree char *secret0 = secret_arg (f, 0);
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) add1 = { 0, };
  g_auto(CliRun) add2 = { 0, };

  run_cli (f, &create, "set", "create", "Held", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);
  run_cli (f, &add1, "set", "add", "Held", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  g_assert_cmpint (add1.status, ==, 0);
  run_cli (f, &add2, "set", "add", "Held", "--type", "trunkactivity", "--trunk-id-list", "3",
           "--range", "last-month");
  g_assert_cmpint (add2.status, ==, 0);
  g_object_set (f->sims[0], "stall-ms", 60000, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (signums); i++)
    {
      const char *args[] = { "run", "Held", "--json", "--client-secret-file", secret0, NULL };
      g_autoptr(GSubprocessLauncher) launcher = new_launcher (f);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
      g_auto(CliRun) run = { 0, };
      guint requests = yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE);
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      g_autofree char *saved_path = NULL;
      JsonObject *summary;
      JsonArray *files;
      guint n_saved = 0;
      guint n_interrupted = 0;
      guint wake_id;

      yeastar_simulator_inject_fault (f->sims[0], YEASTAR_SIMULATOR_FILE, YEASTAR_SIMULATOR_FAULT_STALL, 1);
      process = cli_run_start (launcher, args);

      /* Until the PBX holds one file and the other is saved. */
      wake_id = g_timeout_add (50, wake_cb, NULL);
      while ((yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE) < requests + 2 ||
              count_visible_files (f->out_dir) < 1) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake_id);
      g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_FILE), ==, requests + 2);
      g_assert_cmpuint (count_visible_files (f->out_dir), ==, 1);

      g_subprocess_send_signal (process, signums[i]);
      cli_run_finish (&run, process, CLI_RUN_DEFAULT);

      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "interrupted; the reports not finished were not saved"));

      summary = parse_summary (run.out, parser);
      g_assert_cmpstr (json_object_get_string_member (summary, "set"), ==, "Held");
      g_assert_true (json_object_get_boolean_member (summary, "interrupted"));
      g_assert_cmpint (json_object_get_int_member (summary, "saved"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (summary, "unfinished"), ==, 1);
      files = json_object_get_array_member (summary, "files");
      g_assert_cmpuint (json_array_get_length (files), ==, 2);

      for (guint r = 0; r < json_array_get_length (files); r++)
        {
          JsonObject *file = json_array_get_object_element (files, r);
          const char *state = json_object_get_string_member (file, "state");

          g_assert_cmpstr (json_object_get_string_member (file, "pbx"), ==, f->uris[0]);
          g_assert_cmpstr (json_object_get_string_member (file, "type"), ==,
                           r == 0 ? "queueperformance" : "trunkactivity");
          g_assert_false (json_object_has_member (file, "error"));

          if (g_str_equal (state, "saved"))
            {
              const char *path = json_object_get_string_member (file, "path");
              GStatBuf st;

              n_saved++;
              g_assert_true (g_str_has_prefix (path, f->out_dir));
              g_assert_cmpint (g_stat (path, &st), ==, 0);
              g_assert_cmpint (st.st_size, >, 0);
              g_assert_cmpint (st.st_size, ==, json_object_get_int_member (file, "bytes"));
              saved_path = g_strdup (path);
            }
          else
            {
              n_interrupted++;
              g_assert_cmpstr (state, ==, "interrupted");
              g_assert_false (json_object_has_member (file, "path"));
              g_assert_false (json_object_has_member (file, "bytes"));
            }
        }

      g_assert_cmpuint (n_saved, ==, 1);
      g_assert_cmpuint (n_interrupted, ==, 1);

      /* The saved file and its folders only: no part, no temporary folder. */
      list_tree (f->out_dir, left);
      for (guint l = 0; l < left->len; l++)
        {
          const char *name = g_ptr_array_index (left, l);

          g_assert_true (g_str_equal (name, saved_path) ||
                         (g_file_test (name, G_FILE_TEST_IS_DIR) && g_str_has_prefix (saved_path, name)));
        }
      g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sims[0]), ==, 0);

      /* The next round starts from an empty folder. */
      g_assert_cmpint (g_unlink (saved_path), ==, 0);
      for (guint l = left->len; l > 0; l--)
        {
          const char *name = g_ptr_array_index (left, l - 1);

          if (g_file_test (name, G_FILE_TEST_IS_DIR))
            g_assert_cmpint (g_rmdir (name), ==, 0);
        }
    }
}

/* A PBX with a self-signed certificate: refused until the set pins its
 * fingerprint, then used; the pin is in the set file, not a secret. */
static void
test_tls_pin_certificate (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *secret0 = secret_arg (f, 0);
  g_autofree char *pin = NULL;
  g_autofree char *stored = g_build_filename (f->home, "call-reports", "sets", "Tls.json", NULL);
  g_autofree char *text = NULL;
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) add = { 0, };
  g_auto(CliRun) untrusted = { 0, };
  g_auto(CliRun) bad_pin = { 0, };
  g_auto(CliRun) other_server = { 0, };
  g_auto(CliRun) pinned_create = { 0, };
  g_auto(CliRun) pinned_add = { 0, };
  g_auto(CliRun) pinned = { 0, };

  if (cert == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }
  g_assert_true (g_str_has_prefix (f->uris[0], "https://"));

  run_cli (f, &create, "set", "create", "Plain", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir);
  run_cli (f, &add, "set", "add", "Plain", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  run_cli (f, &untrusted, "run", "Plain", "--client-secret-file", secret0);
  g_assert_cmpint (untrusted.status, ==, 5);
  g_assert_nonnull (strstr (untrusted.err, cert->openssl_fingerprint));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);

  run_cli (f, &bad_pin, "set", "create", "Tls", "--server", f->uris[0], "--client-id", "client-0",
           "--pin-certificate", "abc");
  g_assert_cmpint (bad_pin.status, ==, 2);
  g_assert_nonnull (strstr (bad_pin.err, "SHA-256"));

  pin = g_strdup_printf ("%s=%s", f->uris[1], cert->openssl_fingerprint);
  run_cli (f, &other_server, "set", "create", "Tls", "--server", f->uris[0], "--client-id", "client-0",
           "--pin-certificate", pin);
  g_assert_cmpint (other_server.status, ==, 2);
  g_assert_nonnull (strstr (other_server.err, "names no --server"));

  g_free (pin);
  pin = g_strdup_printf ("%s=%s", f->uris[0], cert->openssl_fingerprint);
  run_cli (f, &pinned_create, "set", "create", "Tls", "--server", f->uris[0], "--client-id", "client-0",
           "--server", f->uris[1], "--client-id", "client-1",
           "--pin-certificate", pin, "--output", f->out_dir);
  g_assert_cmpint (pinned_create.status, ==, 0);
  run_cli (f, &pinned_add, "set", "add", "Tls", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  g_assert_cmpint (pinned_add.status, ==, 0);
  text = read_text (stored);
  g_assert_nonnull (strstr (text, "\"pinned_certificate\""));

  /* Only the second PBX's secret is missing: the first is saved over
   * https, the second fails for want of a secret. */
  run_cli (f, &pinned, "run", "Tls", "--client-secret-file", secret0);
  g_assert_cmpint (pinned.status, ==, 2);
  g_assert_nonnull (strstr (pinned.out, "Main Office"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sims[0], YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

/* create, add, list, show, export, import, delete, and their errors. */
static void
test_set_commands (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *exported = g_build_filename (f->home, "pack.json", NULL);
  g_autofree char *stored = g_build_filename (f->home, "call-reports", "sets", "Pack.json", NULL);
  g_autofree char *copy = g_build_filename (f->home, "call-reports", "sets", "Copy.json", NULL);
  g_autofree char *exported_text = NULL;
  g_autofree char *stored_text = NULL;
  g_autofree char *copy_text = NULL;
  g_auto(CliRun) list = { 0, };
  g_auto(CliRun) show = { 0, };
  g_auto(CliRun) export = { 0, };
  g_auto(CliRun) export_again = { 0, };
  g_auto(CliRun) import = { 0, };
  g_auto(CliRun) import_again = { 0, };
  g_auto(CliRun) import_bad = { 0, };
  g_auto(CliRun) duplicate = { 0, };
  g_auto(CliRun) bad_add = { 0, };
  g_auto(CliRun) bad_name = { 0, };
  g_auto(CliRun) bad_template = { 0, };
  g_auto(CliRun) week_period = { 0, };
  g_auto(CliRun) by_name = { 0, };
  g_auto(CliRun) add_help = { 0, };
  g_auto(CliRun) remove = { 0, };
  g_auto(CliRun) del = { 0, };
  g_auto(CliRun) unknown = { 0, };
  g_auto(CliRun) list_json = { 0, };

  create_set (f, "Pack");

  run_cli (f, &duplicate, "set", "create", "Pack", "--server", f->uris[0], "--client-id", "x");
  g_assert_cmpint (duplicate.status, ==, 2);
  g_assert_nonnull (strstr (duplicate.err, "exists already"));

  run_cli (f, &bad_name, "set", "create", "../evil", "--server", f->uris[0], "--client-id", "x");
  g_assert_cmpint (bad_name.status, ==, 2);

  run_cli (f, &bad_template, "set", "create", "T", "--server", f->uris[0], "--client-id", "x",
           "--name-template", "../{type}.csv");
  g_assert_cmpint (bad_template.status, ==, 2);
  g_assert_nonnull (strstr (bad_template.err, "--name-template: "));

  run_cli (f, &bad_add, "set", "add", "Pack", "--type", "extcallstatistics", "--queue-id", "1",
           "--range", "today");
  g_assert_cmpint (bad_add.status, ==, 2);
  g_assert_nonnull (strstr (bad_add.err, "--queue-id is not an option of extcallstatistics"));

  run_cli (f, &week_period, "set", "add", "Pack", "--type", "trunkactivity", "--trunk-id-list", "3",
           "--range", "last-30-days");
  g_assert_cmpint (week_period.status, ==, 2);
  g_assert_nonnull (strstr (week_period.err, "not a number of days"));

  /* Names are kept for each run to look up, but must have a form. */
  run_cli (f, &by_name, "set", "add", "Pack", "--type", "queueperformance", "--queue-id-list", "Sales,,Billing",
           "--range", "last-month");
  g_assert_cmpint (by_name.status, ==, 2);
  g_assert_nonnull (strstr (by_name.err, "--queue-id-list contains an empty item"));

  /* Its help says how names are taken, and no dates besides --range. */
  run_cli (f, &add_help, "set", "add", "--help");
  g_assert_cmpint (add_help.status, ==, 0);
  g_assert_nonnull (strstr (add_help.out, "Queues: IDs, numbers or names, the last two looked up on each PBX at each run"));
  g_assert_null (strstr (add_help.out, "as `options` lists them"));
  g_assert_null (strstr (add_help.out, "--start-time"));
  g_assert_nonnull (strstr (add_help.out, "--range=PERIOD"));

  /* Too many IDs for the PBX's web server: refused now, not at each run. */
  {
    g_autoptr(GString) ids = g_string_new ("1");
    g_auto(CliRun) too_long = { 0, };

    for (guint i = 2; i <= 4000; i++)
      g_string_append_printf (ids, ",%u", 100000 + i);
    run_cli (f, &too_long, "set", "add", "Pack", "--type", "extcallstatistics", "--ext-id-list", ids->str,
             "--range", "today");
    g_assert_cmpint (too_long.status, ==, 2);
    g_assert_nonnull (strstr (too_long.err, "HTTP 414"));
  }

  run_cli (f, &list, "set", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "Pack\n");

  run_cli (f, &show, "set", "show", "Pack");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "2. queueperformance last-month queue_id_list=1\n"));
  g_assert_nonnull (strstr (show.out, f->uris[1]));
  g_assert_nonnull (strstr (show.out, "never"));

  run_cli (f, &export, "set", "export", "Pack", exported);
  g_assert_cmpint (export.status, ==, 0);
  exported_text = read_text (exported);
  stored_text = read_text (stored);
  g_assert_cmpstr (exported_text, ==, stored_text);
  g_assert_null (strstr (exported_text, "Se5ret"));

  run_cli (f, &export_again, "set", "export", "Pack", exported);
  g_assert_cmpint (export_again.status, ==, 2);

  run_cli (f, &import_again, "set", "import", exported);
  g_assert_cmpint (import_again.status, ==, 2);
  g_assert_nonnull (strstr (import_again.err, "exists already"));

  run_cli (f, &import, "set", "import", exported, "--name", "Copy");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "Copy\n");
  copy_text = read_text (copy);
  {
    /* The same set under another name, byte for byte otherwise. */
    g_autoptr(GString) expected = g_string_new (stored_text);

    g_string_replace (expected, "\"name\" : \"Pack\"", "\"name\" : \"Copy\"", 1);
    g_assert_cmpstr (copy_text, ==, expected->str);
  }

  g_file_set_contents (exported, "{\"version\": 1, \"name\": \"x\", \"pbxs\": [], \"reports\": [{\"type\": \"nope\", \"period\": \"today\"}]}", -1, NULL);
  run_cli (f, &import_bad, "set", "import", exported);
  g_assert_cmpint (import_bad.status, ==, 2);
  g_assert_nonnull (strstr (import_bad.err, "“nope” is not a report type"));

  run_cli (f, &remove, "set", "remove", "Copy", "2");
  g_assert_cmpint (remove.status, ==, 0);

  run_cli (f, &list_json, "set", "list", "--json");
  g_assert_cmpint (list_json.status, ==, 0);
  {
    JsonArray *sets;

    json_parser_load_from_data (parser, list_json.out, -1, NULL);
    sets = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (sets), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sets, 0), "name"), ==, "Copy");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sets, 0), "reports"), ==, N_TYPES - 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sets, 1), "pbxs"), ==, 2);
  }

  run_cli (f, &del, "set", "delete", "Copy");
  g_assert_cmpint (del.status, ==, 0);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  run_cli (f, &unknown, "run", "Copy");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "There is no set named “Copy”"));
}

/* The units `set schedule` writes, what it asks of systemctl, and that
 * systemd-analyze verify accepts them. */
static void
test_schedule_units (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *units = g_build_filename (f->home, "systemd", "user", NULL);
  g_autofree char *timer_path = g_build_filename (units, "call-reports-set-Pack\\x20\\x231.timer", NULL);
  g_autofree char *service_path = g_build_filename (units, "call-reports-set-Pack\\x20\\x231.service", NULL);
  g_autofree char *timer = NULL;
  g_autofree char *service = NULL;
  g_autofree char *log = NULL;
  g_autofree char *analyze = NULL;
  g_auto(CliRun) schedule = { 0, };
  g_auto(CliRun) show = { 0, };
  g_auto(CliRun) bad = { 0, };
  g_auto(CliRun) unschedule = { 0, };
  g_auto(CliRun) create = { 0, };

  run_cli (f, &create, "set", "create", "Pack #1", "--server", f->uris[0], "--client-id", "client-0",
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);

  run_cli (f, &bad, "set", "schedule", "Pack #1", "--monthly", "31", "07:00");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--monthly: "));

  run_cli (f, &schedule, "set", "schedule", "Pack #1", "--weekly", "mon", "07:30");
  g_assert_cmpint (schedule.status, ==, 0);

  timer = read_text (timer_path);
  service = read_text (service_path);
  g_assert_nonnull (strstr (timer, "\nOnCalendar=Mon *-*-* 07:30:00\n"));
  g_assert_nonnull (strstr (timer, "\nPersistent=true\n"));
  g_assert_nonnull (strstr (service, "ExecStart=\""));
  g_assert_nonnull (strstr (service, "\" run --quiet --notify \"Pack #1\"\n"));

  log = read_text (f->systemctl_log);
  g_assert_cmpstr (log, ==, "--user daemon-reload\n--user enable --now call-reports-set-Pack\\x20\\x231.timer\n");

  run_cli (f, &show, "set", "show", "Pack #1");
  g_assert_nonnull (strstr (show.out, "weekly on Monday at 07:30"));
  g_assert_nonnull (strstr (show.out, "Next run:"));
  g_assert_null (strstr (show.out, "not installed"));

  /* systemd-analyze verify, on copies whose ExecStart is a binary that
   * exists (the test's own call-reports). */
  analyze = g_find_program_in_path ("systemd-analyze");
  if (analyze != NULL)
    {
      g_autofree char *copies = g_build_filename (f->home, "verify", NULL);
      g_autofree char *timer_copy = g_build_filename (copies, "call-reports-set-Pack.timer", NULL);
      g_autofree char *service_copy = g_build_filename (copies, "call-reports-set-Pack.service", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int wait_status = 0;
      const char *argv[] = { "systemd-analyze", "verify", timer_copy, service_copy, NULL };

      g_assert_cmpint (g_mkdir (copies, 0700), ==, 0);
      g_assert_true (g_file_set_contents (timer_copy, timer, -1, NULL));
      g_assert_true (g_file_set_contents (service_copy, service, -1, NULL));
      g_spawn_sync (copies, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    &out, &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("systemd-analyze verify: %s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_cmpstr (err, ==, "");
    }
  else
    g_test_message ("systemd-analyze is not installed: not verified");

  run_cli (f, &unschedule, "set", "unschedule", "Pack #1");
  g_assert_cmpint (unschedule.status, ==, 0);
  g_assert_false (g_file_test (timer_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (service_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&log, g_free);
  log = read_text (f->systemctl_log);
  g_assert_true (g_str_has_suffix (log, "--user disable --now call-reports-set-Pack\\x20\\x231.timer\n"
                                   "--user daemon-reload\n"));
}

/* No user manager: the units are written, the message says why the
 * timer is not enabled. */
static void
test_schedule_no_manager (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n");
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) schedule = { 0, };

  g_file_set_contents_full (f->systemctl, script, -1, G_FILE_SET_CONTENTS_NONE, 0700, NULL);
  run_cli (f, &create, "set", "create", "Pack", "--server", f->uris[0], "--client-id", "client-0");
  run_cli (f, &schedule, "set", "schedule", "Pack", "--daily", "07:00");
  g_assert_cmpint (schedule.status, ==, 1);
  g_assert_nonnull (strstr (schedule.err, "the timer is not enabled"));
  g_assert_nonnull (strstr (schedule.err, "Failed to connect to bus: No medium found"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/sets/run/two-pbxs-one-failing", test_run_two_pbxs_one_failing);
  ADD ("/cli/sets/run/text-and-again", test_run_text_and_again);
  ADD ("/cli/sets/run/pbx-unavailable", test_run_pbx_unavailable);
  ADD ("/cli/sets/run/retention", test_run_retention);
  ADD ("/cli/sets/run/concurrency", test_run_concurrency);
  ADD ("/cli/sets/run/names-per-pbx", test_run_names_per_pbx);
  ADD ("/cli/sets/run/interrupted", test_run_interrupted);
  ADD ("/cli/sets/run/interrupted-json", test_run_interrupted_json);
  ADD ("/cli/sets/commands", test_set_commands);
  ADD ("/cli/sets/schedule/units", test_schedule_units);
  ADD ("/cli/sets/schedule/no-manager", test_schedule_no_manager);

  if (g_strcmp0 (g_getenv ("CALL_REPORTS_TEST_TLS"), "1") == 0)
    {
      cert = test_certificate_new ();
      g_test_add ("/cli/sets/tls/pin-certificate", Fixture, "tls", fixture_set_up,
                  test_tls_pin_certificate, fixture_tear_down);
    }

  status = g_test_run ();
  g_clear_pointer (&cert, test_certificate_free);

  return status;
}
