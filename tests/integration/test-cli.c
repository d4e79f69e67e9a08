/* test-cli.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"
#include "reports-cli-time.h"
#include "reports-secrets.h"
#include "test-certificate.h"
#include "yeastar-client.h"
#include "yeastar-report-type.h"
#include "yeastar-simulator.h"

/*
 * The command line as a user runs it: the real `call-reports` binary
 * (CALL_REPORTS_BINARY) spawned with GSubprocess against a simulated PBX
 * started in this process, with a fixed clock and date format. The main
 * context is spun while the child runs, which also serves the simulator.
 *
 * Every run checks that neither output contains the Client Secret or any
 * token the simulator issued, and that no token is left alive.
 *
 * /cli/secret/keyring runs only with CALL_REPORTS_TEST_KEYRING=1, under
 * build-aux/ci-session.sh --keyring (meson test test-cli-keyring).
 */

#define CLIENT_ID "test-client-id"
#define SECRET    "Te5t-S3cret-9f8e7d6c5b4a"

typedef struct
{
  YeastarSimulator *sim;
  char             *base_uri;
  char             *out_dir;
} Fixture;

typedef enum
{
  RUN_CONNECT       = 1 << 0, /* add --server and --client-id */
  RUN_NO_ENV_SECRET = 1 << 1, /* leave $CALL_REPORTS_CLIENT_SECRET unset */
  RUN_KEYRING       = 1 << 2, /* keep the session bus (the keyring) */
  RUN_NO_OUTPUT     = 1 << 3, /* do not add --output (download only) */
} RunFlags;

/* A self-signed certificate for the https cases, made once per run;
 * NULL without openssl. */
static TestCertificate *cert;

static void
fixture_start (Fixture         *f,
               GTlsCertificate *certificate)
{
  g_autoptr(GDateTime) clock = g_date_time_new_utc (2024, 3, 14, 10, 20, 30);
  g_autoptr(GError) error = NULL;

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim,
                "client-id", CLIENT_ID,
                "client-secret", SECRET,
                "date-format", "DD/MM/YYYY",
                "time-format", "hh:mm:ss PM",
                "clock", clock,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, certificate, &error));
  g_assert_no_error (error);
  f->base_uri = yeastar_simulator_dup_base_uri (f->sim);
  f->out_dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_start (f, NULL);
}

/* The simulator on https with the run's self-signed certificate. */
static void
fixture_set_up_tls (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GTlsCertificate) certificate = cert != NULL ? test_certificate_load (cert) : NULL;

  fixture_start (f, certificate);
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

/* Runs the binary with @args (NULL-terminated) and fills @run. */
static void
run_cliv (Fixture            *f,
          RunFlags            flags,
          CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) tokens = NULL;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  if (flags & RUN_CONNECT)
    {
      g_ptr_array_add (argv, (gpointer) "--server");
      g_ptr_array_add (argv, f->base_uri);
      g_ptr_array_add (argv, (gpointer) "--client-id");
      g_ptr_array_add (argv, (gpointer) CLIENT_ID);
    }
  if ((flags & RUN_CONNECT) && !(flags & RUN_NO_OUTPUT) && g_strcmp0 (args[0], "download") == 0)
    {
      g_ptr_array_add (argv, (gpointer) "--output");
      g_ptr_array_add (argv, f->out_dir);
    }
  g_ptr_array_add (argv, NULL);

  launcher = cli_run_new_launcher ((flags & RUN_NO_ENV_SECRET) ? NULL : SECRET);
  /* No test but the keyring one may reach a real Secret Service. */
  if ((flags & RUN_KEYRING) && g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                  g_getenv ("DBUS_SESSION_BUS_ADDRESS"), TRUE);
  else if (flags & RUN_KEYRING)
    g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");

  cli_run_spawn (run, launcher, (const char * const *) argv->pdata, CLI_RUN_DEFAULT);

  tokens = yeastar_simulator_dup_issued_tokens (f->sim);
  cli_run_assert_no_secrets (run, SECRET, (const char * const *) tokens);
  /* Every run revokes its token before it exits. */
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
}

#define run_cli(f, flags, run, ...) \
  G_STMT_START { \
    const char * const run_args__[] = { __VA_ARGS__, NULL }; \
    run_cliv ((f), (flags), (run), run_args__); \
  } G_STMT_END

static void
assert_saved_file (Fixture    *f,
                   const CliRun  *run)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  /* The path is the only line on standard output. */
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  path = g_strndup (run->out, strlen (run->out) - 1);
  g_assert_null (strchr (path, '\n'));
  g_assert_true (g_path_is_absolute (path));

  dir = g_path_get_dirname (path);
  g_assert_cmpstr (dir, ==, f->out_dir);

  name = g_path_get_basename (path);
  expected = yeastar_simulator_dup_file_contents (f->sim, name);
  g_assert_nonnull (expected);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* A valid value for every parameter @type takes (is_async left out). */
static void
add_valid_args (GPtrArray               *args,
                const YeastarReportType *type)
{
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *value = NULL;
      const char * const *values;
      char *option;

      if (p == YEASTAR_PARAM_IS_ASYNC || !yeastar_report_type_takes (type, p))
        continue;

      switch (p)
        {
        case YEASTAR_PARAM_START_TIME: value = "2024-03-01"; break;
        case YEASTAR_PARAM_END_TIME: value = "2024-03-10 18:00"; break;
        case YEASTAR_PARAM_TIME: value = "2024-03"; break;
        case YEASTAR_PARAM_EXT_ID_LIST: value = "34,35"; break;
        case YEASTAR_PARAM_TRUNK_ID: value = "3"; break;
        case YEASTAR_PARAM_TRUNK_ID_LIST: value = "3,4"; break;
        case YEASTAR_PARAM_IVR_ID_LIST: value = "1"; break;
        case YEASTAR_PARAM_RING_GROUP_ID_LIST: value = "1,2"; break;
        case YEASTAR_PARAM_QUEUE_ID: value = "1"; break;
        case YEASTAR_PARAM_QUEUE_ID_LIST: value = "1,2"; break;
        case YEASTAR_PARAM_AGENT_ID_LIST: value = "34"; break;
        case YEASTAR_PARAM_ABANDON_TIME: value = "10"; break;
        case YEASTAR_PARAM_TALK_TIME: value = "5"; break;
        case YEASTAR_PARAM_REASON: value = "Lunch"; break;
        case YEASTAR_PARAM_CALL_FROM: value = "1001"; break;
        case YEASTAR_PARAM_CALL_TO: value = "1002"; break;
        default:
          break;
        }

      option = g_strdelimit (g_strdup_printf ("--%s", yeastar_param_get_api_name (p)), "_", '-');
      g_ptr_array_add (args, option);

      if (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_FLAG)
        continue;

      if (yeastar_param_get_value_kind (p) == YEASTAR_VALUE_ENUM)
        {
          values = yeastar_report_type_get_enum_values (type, p);
          g_assert_nonnull (values);
          value = values[0];
        }

      g_assert_nonnull (value);
      g_ptr_array_add (args, g_strdup (value));
    }
}

static void
test_download_every_type (Fixture       *f,
                          gconstpointer  data)
{
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *query = NULL;
      g_autofree char *type_arg = g_strdup_printf ("type=%s", yeastar_report_type_get_api_name (type));
      g_auto(CliRun) run = { 0, };

      g_test_message ("type %s", yeastar_report_type_get_api_name (type));

      g_ptr_array_add (args, g_strdup ("download"));
      g_ptr_array_add (args, g_strdup ("--type"));
      g_ptr_array_add (args, g_strdup (yeastar_report_type_get_api_name (type)));
      add_valid_args (args, type);
      g_ptr_array_add (args, NULL);

      run_cliv (f, RUN_CONNECT, &run, (const char * const *) args->pdata);
      g_assert_cmpint (run.status, ==, 0);
      assert_saved_file (f, &run);

      query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
      g_assert_true (g_str_has_prefix (query, type_arg));
      if (yeastar_report_type_uses_range (type))
        g_assert_nonnull (strstr (query, "start_time=01/03/2024 12:00:00 AM&end_time=10/03/2024 06:00:00 PM"));
      if (yeastar_report_type_uses_period (type))
        g_assert_nonnull (strstr (query, "time=03/2024"));
      if (yeastar_report_type_takes (type, YEASTAR_PARAM_EXT_ID_LIST))
        g_assert_nonnull (strstr (query, "ext_id_list=34,35"));
      if (yeastar_report_type_takes (type, YEASTAR_PARAM_NEED_DETAIL))
        g_assert_nonnull (strstr (query, "need_detail=1"));
      g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v2.0");
    }

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==,
                    yeastar_report_type_get_count ());
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==,
                    yeastar_report_type_get_count ());
}

static void
test_download_async (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *query = NULL;

  run_cli (f, RUN_CONNECT, &run, "download", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month", "--async", "--timeout", "30");
  g_assert_cmpint (run.status, ==, 0);
  assert_saved_file (f, &run);

  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "is_async=1"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE), >=, 1);
}

static void
test_download_api_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1", "--api", "v1");
  g_assert_cmpint (run.status, ==, 0);
  assert_saved_file (f, &run);
  g_assert_cmpstr (yeastar_simulator_get_last_api_version (f->sim), ==, "v1.0");
}

/* Local validation: exit 2, the option named, nothing sent. */
static const struct
{
  const char *args[12];
  const char *message;
  gboolean    connect;
} validation_cases[] = {
  { { "download", "--ext-id-list", "34" }, "--type", TRUE },
  { { "download", "--type", "nosuchreport" }, "--type: “nosuchreport”", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--trunk-id", "3" }, "--trunk-id", TRUE },
  { { "download", "--type", "extcallstatistics" }, "--ext-id-list", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--start-time", "2024-02-30" }, "--start-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--start-time", "yesterday", "--end-time", "2024-03-01" }, "--start-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--start-time", "2024-03-01", "--end-time", "2024-03-01 25:00" }, "--end-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--start-time", "2024-03-02", "--end-time", "2024-03-01" }, "--start-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--end-time", "2024-03-01" }, "--start-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--start-time", "2024-03-01" }, "--end-time", TRUE },
  { { "download", "--type", "queueavgwaittalktime", "--queue-id-list", "1" }, "--time", TRUE },
  { { "download", "--type", "queueavgwaittalktime", "--queue-id-list", "1", "--time", "2024-3" }, "--time", TRUE },
  { { "download", "--type", "queueavgwaittalktime", "--queue-id-list", "1", "--range", "this-week" }, "--range", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--range", "fortnight" }, "--range", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--range", "today", "--start-time", "2024-03-01" }, "--range", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34,,35" }, "--ext-id-list", TRUE },
  { { "download", "--type", "queueperformance", "--queue-id-list", "1", "--abandon-time", "-5" }, "--abandon-time", TRUE },
  { { "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--communication-type", "Sideways" }, "--communication-type", TRUE },
  { { "download", "--type", "unreturnmisscall", "--unreturn-status", "3" }, "--unreturn-status", TRUE },
  { { "download", "--type", "unreturnmisscall", "--call-from", "10\00701" }, "--call-from", TRUE },
  { { "download", "--type", "queuesatisfaction", "--queue-id", "1,2" }, "--queue-id", TRUE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--api", "v3" }, "--api", TRUE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--pin-certificate", "12:34" }, "--pin-certificate", TRUE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--timeout", "-1" }, "--timeout", TRUE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--demo", "--server", "http://127.0.0.1:1" }, "--demo", FALSE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--client-id", "x" }, "--server", FALSE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--server", "http://127.0.0.1:1" }, "--client-id", FALSE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--server", "ftp://" }, "--server", FALSE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "--client-secret", SECRET }, "--client-secret", TRUE },
  { { "download", "--type", "ivr", "--ivr-id-list", "1", "extra" }, "extra", TRUE },
  { { "options", "queue_agent" }, "--queue-id", TRUE },
  { { "options", "voicemail" }, "voicemail", TRUE },
  { { "options", "queue", "--queue-id", "1" }, "--queue-id", TRUE },
  { { "info", "now" }, "now", TRUE },
};

static void
test_validation_errors (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_auto(CliRun) run = { 0, };

      g_test_message ("case %u: %s", i, validation_cases[i].message);
      run_cliv (f, validation_cases[i].connect ? RUN_CONNECT : 0, &run, validation_cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "call-reports"));
      g_assert_nonnull (strstr (run.err, validation_cases[i].message));
      g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
    }
}

static void
test_no_secret (Fixture       *f,
                gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  run_cli (f, RUN_CONNECT | RUN_NO_ENV_SECRET, &run, "info");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--client-secret-file"));
  g_assert_nonnull (strstr (run.err, "CALL_REPORTS_CLIENT_SECRET"));
  g_assert_nonnull (strstr (run.err, "keyring"));
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

static void
test_output_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *missing = g_build_filename (f->out_dir, "no-such-folder", NULL);

  run_cli (f, RUN_CONNECT | RUN_NO_OUTPUT, &run, "download", "--type", "ivr", "--ivr-id-list", "1",
           "--output", missing);
  g_assert_cmpint (run.status, ==, 6);
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

static void
test_output_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  /* /proc refuses new files even to root, unlike a read-only mode. */
  run_cli (f, RUN_CONNECT | RUN_NO_OUTPUT, &run, "download", "--type", "ivr", "--ivr-id-list", "1",
           "--output", "/proc");
  g_assert_cmpint (run.status, ==, 6);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

static void
test_exit_auth (Fixture       *f,
                gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  g_object_set (f->sim, "client-secret", "another-secret", NULL);
  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (yeastar_simulator_get_failed_login_count (f->sim), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 0);
}

static void
test_exit_permission (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_ACCESS_DENIED, 0);
  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

static void
test_exit_rejected (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 0);
  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

static void
test_exit_parameter_error (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  /* What only the PBX can reject, such as an ID it does not have, is
   * shown field by field, with the option that sets it and the value. */
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR, 0);
  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err,
                            "The PBX rejected the request (errcode 40002 PARAMETER ERROR):\n"
                            "  ivr_id_list (--ivr-id-list): ivr_id_list not exist (value “1”)"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
}

static void
test_pin_certificate (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *lower = NULL;
  g_auto(CliRun) untrusted = { 0, };
  g_auto(CliRun) pinned = { 0, };
  g_auto(CliRun) other = { 0, };
  g_auto(CliRun) malformed = { 0, };

  if (cert == NULL)
    {
      g_test_skip ("openssl could not make a certificate");
      return;
    }
  g_assert_true (g_str_has_prefix (f->base_uri, "https://"));

  /* Not pinned: refused before anything is sent, and the message gives
   * the fingerprint to check and pin. */
  run_cli (f, RUN_CONNECT, &untrusted, "info");
  g_assert_cmpint (untrusted.status, ==, 5);
  g_assert_nonnull (strstr (untrusted.err, cert->openssl_fingerprint));
  g_assert_nonnull (strstr (untrusted.err, "--pin-certificate"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);

  /* Pinned, as openssl prints it but in lower case: connects. */
  lower = g_ascii_strdown (cert->openssl_fingerprint, -1);
  run_cli (f, RUN_CONNECT, &pinned, "info", "--pin-certificate", lower);
  g_assert_cmpint (pinned.status, ==, 0);
  g_assert_nonnull (strstr (pinned.out, "37.23.0.123"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);

  /* Another certificate's fingerprint: refused, nothing sent. */
  run_cli (f, RUN_CONNECT, &other, "info", "--pin-certificate",
           "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
  g_assert_cmpint (other.status, ==, 5);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);

  /* Not a fingerprint at all: a usage error that says what to give. */
  run_cli (f, RUN_CONNECT, &malformed, "info", "--pin-certificate", "abc");
  g_assert_cmpint (malformed.status, ==, 2);
  g_assert_nonnull (strstr (malformed.err, "SHA-256"));
}

static void
test_exit_network (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_auto(CliRun) run = { 0, };
  guint16 port;

  /* A port that was free a moment ago and has nobody listening now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  server = g_strdup_printf ("http://127.0.0.1:%u", port);

  run_cli (f, 0, &run, "info", "--server", server, "--client-id", CLIENT_ID);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_cmpstr (run.out, ==, "");
}

static char *
resolved_query (Fixture    *f,
                const char *option,
                const char *value,
                gboolean    resolve_all,
                int         expected_status,
                char      **err)
{
  g_auto(CliRun) run = { 0, };

  if (resolve_all)
    run_cli (f, RUN_CONNECT, &run, "download", "--type", "extcallstatistics", option, value,
             "--resolve-ids");
  else
    run_cli (f, RUN_CONNECT, &run, "download", "--type", "extcallstatistics", option, value);

  g_assert_cmpint (run.status, ==, expected_status);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);

  if (expected_status != 0)
    return NULL;

  return yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
}

static void
test_ids_by_name_and_number (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *query = NULL;
  g_autofree char *err = NULL;
  g_auto(CliRun) run = { 0, };

  /* Digits alone are IDs: no menu is fetched. */
  query = resolved_query (f, "--ext-id-list", "34,35", FALSE, 0, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&ext_id_list=34,35");
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS), ==, 0);
  g_clear_pointer (&query, g_free);

  /* By name (either case), and a group's name. */
  query = resolved_query (f, "--ext-id-list", "bruno ball,Support", FALSE, 0, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&ext_id_list=35,2");
  g_clear_pointer (&query, g_free);

  /* By number, beside a name, and by the whole text. */
  query = resolved_query (f, "--ext-id-list", "1003,1004 - David Rossi", FALSE, 0, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&ext_id_list=36,37");
  g_clear_pointer (&query, g_free);

  /* By number alone with --resolve-ids; an ID stays an ID. */
  query = resolved_query (f, "--ext-id-list", "1005,34", TRUE, 0, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&ext_id_list=38,34");
  g_clear_pointer (&query, g_free);

  /* Unknown: exit 2 with the candidates. */
  resolved_query (f, "--ext-id-list", "Nobody Here", FALSE, 2, &err);
  g_assert_nonnull (strstr (err, "--ext-id-list"));
  g_assert_nonnull (strstr (err, "34\t1001 - Alice Martin"));
  g_clear_pointer (&err, g_free);

  /* An unknown numeric ID is an error only with --resolve-ids. */
  resolved_query (f, "--ext-id-list", "9999", TRUE, 2, &err);
  g_assert_nonnull (strstr (err, "“9999”"));
  g_clear_pointer (&err, g_free);

  /* A queue by name, then its agents by number. */
  run_cli (f, RUN_CONNECT, &run, "download", "--type", "queueagentperformance",
           "--queue-id", "Sales", "--agent-id-list", "Emma Dubois,1006", "--range", "today");
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&query, g_free);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "&queue_id=2&"));
  g_assert_nonnull (strstr (query, "&agent_id_list=38,39"));
}

static void
test_ids_ambiguous (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;

  /* The 599th extension has the first one's name again. */
  yeastar_simulator_set_menu_size (f->sim, "extension", 599);
  resolved_query (f, "--ext-id-list", "Alice Martin", FALSE, 2, &err);
  g_assert_nonnull (strstr (err, "more than one"));
  g_assert_nonnull (strstr (err, "34\t1001 - Alice Martin"));
  g_assert_nonnull (strstr (err, "632\t1599 - Alice Martin"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 0);
}

static const struct
{
  const char *range;
  const char *start;
  const char *end;
  const char *period;
} range_cases[] = {
  /* The clock is Thursday 14 March 2024, 10:20:30. */
  { "today", "14/03/2024 12:00:00 AM", "14/03/2024 11:59:59 PM", "time=14/03/2024" },
  { "yesterday", "13/03/2024 12:00:00 AM", "13/03/2024 11:59:59 PM", "time=13/03/2024" },
  { "this-week", "11/03/2024 12:00:00 AM", "17/03/2024 11:59:59 PM", NULL },
  { "last-week", "04/03/2024 12:00:00 AM", "10/03/2024 11:59:59 PM", NULL },
  { "this-month", "01/03/2024 12:00:00 AM", "31/03/2024 11:59:59 PM", "time=03/2024" },
  { "last-month", "01/02/2024 12:00:00 AM", "29/02/2024 11:59:59 PM", "time=02/2024" },
  { "this-year", "01/01/2024 12:00:00 AM", "31/12/2024 11:59:59 PM", "time=2024" },
  { "last-year", "01/01/2023 12:00:00 AM", "31/12/2023 11:59:59 PM", "time=2023" },
};

static void
test_range_presets (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (range_cases); i++)
    {
      g_auto(CliRun) run = { 0, };
      g_auto(CliRun) period_run = { 0, };
      g_autofree char *query = NULL;
      g_autofree char *expected = NULL;

      g_test_message ("range %s", range_cases[i].range);

      run_cli (f, RUN_CONNECT, &run, "download", "--type", "extcallstatistics", "--ext-id-list", "34",
               "--range", range_cases[i].range);
      g_assert_cmpint (run.status, ==, 0);
      query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
      expected = g_strdup_printf ("type=extcallstatistics&start_time=%s&end_time=%s&ext_id_list=34",
                                  range_cases[i].start, range_cases[i].end);
      g_assert_cmpstr (query, ==, expected);
      g_clear_pointer (&query, g_free);
      g_clear_pointer (&expected, g_free);

      run_cli (f, RUN_CONNECT, &period_run, "download", "--type", "queueavgwaittalktime",
               "--queue-id-list", "1", "--range", range_cases[i].range);
      if (range_cases[i].period == NULL)
        {
          g_assert_cmpint (period_run.status, ==, 2);
          continue;
        }

      g_assert_cmpint (period_run.status, ==, 0);
      query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
      expected = g_strdup_printf ("type=queueavgwaittalktime&%s&queue_id_list=1", range_cases[i].period);
      g_assert_cmpstr (query, ==, expected);
    }
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_auto(CliRun) run = { 0, };
  JsonObject *object;
  const char *path;
  const char *query;

  run_cli (f, RUN_CONNECT, &run, "download", "--type", "extcallstatistics", "--ext-id-list", "34",
           "--start-time", "2024-03-01T08:00", "--end-time", "2024-03-01 17:30:15",
           "--communication-type", "Inbound", "--json");
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));

  path = json_object_get_string_member (object, "path");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  expected = yeastar_simulator_dup_file_contents (f->sim, json_object_get_string_member (object, "file_name"));
  g_assert_nonnull (expected);
  g_assert_cmpint (json_object_get_int_member (object, "bytes"), ==, g_bytes_get_size (expected));
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "extcallstatistics");

  query = json_object_get_string_member (object, "query");
  g_assert_null (strstr (query, "access_token"));
  g_assert_cmpstr (query, ==,
                   "type=extcallstatistics&start_time=01/03/2024%2008:00:00%20AM"
                   "&end_time=01/03/2024%2005:30:15%20PM&ext_id_list=34&communication_type=Inbound");
}

static void
test_info_and_options (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) info = { 0, };
  g_auto(CliRun) info_json = { 0, };
  g_auto(CliRun) extensions = { 0, };
  g_auto(CliRun) agents = { 0, };
  JsonObject *object;

  run_cli (f, RUN_CONNECT, &info, "info");
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "37.23.0.123"));
  g_assert_nonnull (strstr (info.out, "DD/MM/YYYY hh:mm:ss PM"));
  g_assert_nonnull (strstr (info.out, "14/03/2024 10:20:30 AM"));
  g_assert_nonnull (strstr (info.out, "v2.0"));

  run_cli (f, RUN_CONNECT, &info_json, "info", "--json", "--api", "v1");
  g_assert_cmpint (info_json.status, ==, 0);
  json_parser_load_from_data (parser, info_json.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "api_version"), ==, "v1.0");
  g_assert_cmpstr (json_object_get_string_member (object, "clock"), ==, "2024-03-14T10:20:30+00:00");
  g_assert_true (json_object_get_boolean_member (object, "v1_returns_empty_ranges"));

  run_cli (f, RUN_CONNECT, &extensions, "options", "extension");
  g_assert_cmpint (extensions.status, ==, 0);
  g_assert_true (g_str_has_prefix (extensions.out, "34\t1001 - Alice Martin\n35\t1002 - Bruno Ball\n"));

  run_cli (f, RUN_CONNECT, &agents, "options", "queue_agent", "--queue-id", "Support", "--json");
  g_assert_cmpint (agents.status, ==, 0);
  json_parser_load_from_data (parser, agents.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), >, 0);
}

static void
test_secret_from_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->out_dir, "secret", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  g_auto(CliRun) empty = { 0, };

  /* As `echo SECRET > file` writes it: one trailing newline. */
  g_file_set_contents (file, SECRET "\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (file, 0600);

  run_cli (f, RUN_CONNECT | RUN_NO_ENV_SECRET, &run, "download", "--type", "ivr", "--ivr-id-list", "1",
           "--client-secret-file", file);
  g_assert_cmpint (run.status, ==, 0);
  g_remove (file);
  assert_saved_file (f, &run);

  /* A missing file is a usage error naming the option. */
  run_cli (f, RUN_CONNECT, &empty, "info", "--client-secret-file", file);
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "--client-secret-file"));
}

static void
test_secret_from_env (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  run_cli (f, RUN_CONNECT, &run, "download", "--type", "ivr", "--ivr-id-list", "1", "--quiet");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_saved_file (f, &run);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_secret_from_keyring (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = yeastar_client_normalize_base_uri (f->base_uri, &error);
  g_auto(CliRun) run = { 0, };
  gboolean stored;

  g_assert_no_error (error);

  /* Stored the way the window stores it. */
  reports_secrets_store_async (server, CLIENT_ID, SECRET, NULL, on_stored, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stored = reports_secrets_store_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (stored);

  run_cli (f, RUN_CONNECT | RUN_NO_ENV_SECRET | RUN_KEYRING, &run,
           "download", "--type", "ivr", "--ivr-id-list", "1");
  g_assert_cmpint (run.status, ==, 0);
  assert_saved_file (f, &run);
}

static void
test_demo (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("CALL_REPORTS_BINARY"), "options", "queue", "--demo", NULL };

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, "\t6400 - Support\n"));
}

/* The network module (src/reports-network.c) that cannot be loaded, as
 * missing and as a file that is no library: a message naming it and
 * dlerror()'s reason, exit status 1, no crash and no secret. Development
 * builds take its path from CALL_REPORTS_NETWORK_MODULE for this test. */
static void
test_network_module_unloadable (void)
{
#if !DEVELOPMENT_BUILD
  /* Only development builds read CALL_REPORTS_NETWORK_MODULE (the ASan
   * and valgrind checks build without -Ddevelopment=true). */
  g_test_skip ("needs a development build");
  return;
#else
  g_autofree char *dir = g_dir_make_tmp ("call-reports-module-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.so", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.so", NULL);
  const char *paths[] = { missing, garbage };
  const char *args[] = { "download", "--server", "http://127.0.0.1:9/", "--client-id", CLIENT_ID,
                         "--type", "ivr", "--ivr-id-list", "1", "--output", dir, "--quiet", NULL };

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (garbage, "not a shared object\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = cli_run_new_launcher (SECRET);
      g_auto(CliRun) run = { 0, };
      g_autofree char *expected = g_strdup_printf ("call-reports: cannot load the network module %s: ", paths[i]);

      g_subprocess_launcher_setenv (launcher, "CALL_REPORTS_NETWORK_MODULE", paths[i], TRUE);
      cli_run_spawn (&run, launcher, args, CLI_RUN_DEFAULT);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, expected));
      /* dlerror() names the file too. */
      g_assert_nonnull (strstr (run.err + strlen (expected), paths[i]));
      cli_run_assert_no_secrets (&run, SECRET, NULL);
    }

  cli_run_remove_tree (dir);
#endif
}

/* The pure parser, which will be fuzzed: accepted forms and garbage. */
static void
test_time_parser (void)
{
  static const struct
  {
    const char *text;
    ReportsCliTimeRole role;
    const char *expected;
  } good[] = {
    { "2022-04-01 00:00:00", REPORTS_CLI_TIME_END, "2022-04-01 00:00:00" },
    { "2022-04-01T13:05", REPORTS_CLI_TIME_START, "2022-04-01 13:05:00" },
    { " 2022-04-01 ", REPORTS_CLI_TIME_START, "2022-04-01 00:00:00" },
    { "2022-04-01", REPORTS_CLI_TIME_END, "2022-04-01 23:59:59" },
    { "2024-02-29", REPORTS_CLI_TIME_END, "2024-02-29 23:59:59" },
  };
  static const char *bad[] = {
    "", " ", "2022", "2022-4-01", "2022-04-01T", "2022-04-01 24:00", "2022-04-01 12:60",
    "2022-04-01 12:00:60", "2023-02-29", "0000-01-01", "2022-04-01Z", "2022-04-01 12:00+02:00",
    "２０２２-04-01", "2022-04-01\n12:00", "9999-99-99", "2022-04-01 12:00:00.5",
  };
  YeastarPeriodKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = reports_cli_time_parse_date_time (good[i].text, good[i].role, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
      g_assert_cmpstr (text, ==, good[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = reports_cli_time_parse_date_time (bad[i], REPORTS_CLI_TIME_START, &error);

      g_assert_null (dt);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  {
    g_autoptr(GDateTime) year = reports_cli_time_parse_period ("2023", &kind, NULL);

    g_assert_nonnull (year);
    g_assert_cmpint (kind, ==, YEASTAR_PERIOD_YEAR);
  }
  {
    g_autoptr(GDateTime) month = reports_cli_time_parse_period ("2023-11", &kind, NULL);

    g_assert_cmpint (kind, ==, YEASTAR_PERIOD_MONTH);
    g_assert_cmpint (g_date_time_get_month (month), ==, 11);
  }
  g_assert_null (reports_cli_time_parse_period ("2023-13", &kind, NULL));
  g_assert_null (reports_cli_time_parse_period ("2023-02-30", &kind, NULL));
  g_assert_null (reports_cli_time_parse_period ("23", &kind, NULL));

  /* Random bytes, including invalid UTF-8, never crash and always give
   * a displayable message. */
  for (guint round = 0; round < 20000; round++)
    {
      char buffer[24];
      guint length = g_test_rand_int_range (0, sizeof buffer);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = NULL;
      g_autoptr(GDateTime) period = NULL;

      for (guint i = 0; i < length; i++)
        buffer[i] = (char) g_test_rand_int_range (1, 256);
      buffer[length] = '\0';

      dt = reports_cli_time_parse_date_time (buffer, REPORTS_CLI_TIME_END, &error);
      g_assert_true (dt != NULL || g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
      period = reports_cli_time_parse_period (buffer, &kind, &error);
      g_assert_true (period != NULL || g_utf8_validate (error->message, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/time/parser", test_time_parser);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/network-module/unloadable", test_network_module_unloadable);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/download/every-type", test_download_every_type);
  ADD ("/cli/download/async", test_download_async);
  ADD ("/cli/download/api-v1", test_download_api_v1);
  ADD ("/cli/download/json", test_json);
  ADD ("/cli/validation/errors", test_validation_errors);
  ADD ("/cli/validation/no-secret", test_no_secret);
  ADD ("/cli/exit/auth", test_exit_auth);
  ADD ("/cli/exit/permission", test_exit_permission);
  ADD ("/cli/exit/rejected", test_exit_rejected);
  ADD ("/cli/exit/parameter-error", test_exit_parameter_error);
  ADD ("/cli/exit/network", test_exit_network);
  ADD ("/cli/exit/output-missing", test_output_missing);
  ADD ("/cli/exit/output-unwritable", test_output_unwritable);
  ADD ("/cli/ids/name-and-number", test_ids_by_name_and_number);
  ADD ("/cli/ids/ambiguous", test_ids_ambiguous);
  ADD ("/cli/range/presets", test_range_presets);
  ADD ("/cli/info-and-options", test_info_and_options);
  ADD ("/cli/secret/env", test_secret_from_env);
  ADD ("/cli/secret/file", test_secret_from_file);
  if (g_strcmp0 (g_getenv ("CALL_REPORTS_TEST_KEYRING"), "1") == 0)
    ADD ("/cli/secret/keyring", test_secret_from_keyring);

#undef ADD

  /* A test of its own (test-cli-tls), as the sanitizer run has to leave
   * leak detection off once GnuTLS is loaded (build-aux/check-asan.sh). */
  if (g_strcmp0 (g_getenv ("CALL_REPORTS_TEST_TLS"), "1") == 0)
    {
      cert = test_certificate_new ();
      g_test_add ("/cli/tls/pin-certificate", Fixture, NULL, fixture_set_up_tls, test_pin_certificate,
                  fixture_tear_down);
    }

  ret = g_test_run ();
  g_clear_pointer (&cert, test_certificate_free);

  return ret;
}
