/* test-cli-pbx.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cli-run.h"
#include "yeastar-simulator.h"

/*
 * The command line against a PBX that says unusual things, as test-cli.c
 * runs it (the real binary, spawned against a simulator in this process):
 *
 * - text with terminal sequences, line breaks and bidi controls in menu
 *   names, system/information's names, errmsg, a 40002's fields and a
 *   failed event 30027's `error`: shown escaped, one entry a line;
 * - G_MESSAGES_DEBUG=all: the --json output stays JSON;
 * - a system_time_format of an unknown spelling: connects, and `info`
 *   says how 12 or 24 hours was decided;
 * - too many IDs for one URL: refused before anything is sent, and a 414
 *   from the PBX's web server explained as "request too long".
 */

#define CLIENT_ID "test-client-id"
#define SECRET    "Te5t-S3cret-9f8e7d6c5b4a"

/* An OSC that sets the terminal's title, a colour, a CR and LF and a tab
 * that forge an `options` row, an RLO, DEL and a C1 CSI. */
#define HOSTILE "Evil\x1b]0;pwned\x07\x1b[31m\r\n9999\tAdmin\xe2\x80\xaegpj.exe\x7f\xc2\x9b"
#define SHOWN   "Evil\\x1b]0;pwned\\x07\\x1b[31m\\r\\n9999\\tAdmin\\u202egpj.exe\\x7f\\u009b"

typedef struct
{
  YeastarSimulator *sim;
  char             *base_uri;
  char             *out_dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
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
                "async-delay-ms", 50,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->base_uri = yeastar_simulator_dup_base_uri (f->sim);
  f->out_dir = g_dir_make_tmp ("test-cli-pbx-XXXXXX", &error);
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

/* Runs the binary with @args against the simulator; @debug sets
 * G_MESSAGES_DEBUG=all. The output is taken as bytes: it is checked for
 * what it must not hold. */
static void
run_cliv (Fixture            *f,
          gboolean            debug,
          CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_run_new_launcher (SECRET);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) tokens = NULL;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, f->base_uri);
  g_ptr_array_add (argv, (gpointer) "--client-id");
  g_ptr_array_add (argv, (gpointer) CLIENT_ID);
  if (g_strcmp0 (args[0], "download") == 0)
    {
      g_ptr_array_add (argv, (gpointer) "--output");
      g_ptr_array_add (argv, f->out_dir);
    }
  g_ptr_array_add (argv, NULL);

  if (debug)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");

  cli_run_spawn (run, launcher, (const char * const *) argv->pdata, CLI_RUN_BYTES);

  tokens = yeastar_simulator_dup_issued_tokens (f->sim);
  cli_run_assert_no_secrets (run, SECRET, (const char * const *) tokens);
  /* Every run revokes its token before it exits. */
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
}

#define run_cli(f, debug, run, ...) \
  G_STMT_START { \
    const char * const run_args__[] = { __VA_ARGS__, NULL }; \
    run_cliv ((f), (debug), (run), run_args__); \
  } G_STMT_END

/* Valid UTF-8 without ESC, CR, DEL, C1 or bidi controls; line breaks
 * and tabs only where @newlines allows. */
static void
assert_inert (const char *text,
              gboolean    newlines)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strchr (text, '\r'));
  g_assert_null (strchr (text, '\x07'));
  g_assert_null (strchr (text, '\x7f'));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' || c == '\t') && newlines)
        continue;
      g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
      g_assert_false (c == 0x061c || c == 0x200e || c == 0x200f);
      g_assert_false (c >= 0x202a && c <= 0x202e);
      g_assert_false (c >= 0x2066 && c <= 0x2069);
      g_assert_false (c == 0x2028 || c == 0x2029);
    }
}

/* ---------------------------------------------------------------------- */
/* PBX text                                                               */

/* A menu name with a newline and a tab: still one line per entry, each
 * "ID<TAB>TEXT"; --json keeps the exact name. */
static void
test_text_options (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(CliRun) run = { 0, };
  g_auto(CliRun) json = { 0, };
  JsonArray *array;

  g_object_set (f->sim, "hostile-text", HOSTILE, NULL);
  yeastar_simulator_set_menu_size (f->sim, "extension", 5);

  run_cli (f, FALSE, &run, "options", "extension");
  g_assert_cmpint (run.status, ==, 0);
  assert_inert (run.out, TRUE);
  assert_inert (run.err, TRUE);

  g_assert_true (g_str_has_suffix (run.out, "\n"));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5 + 1);
  for (guint i = 0; i < 5; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      g_assert_nonnull (tab);
      g_assert_null (strchr (tab + 1, '\t'));
    }
  g_assert_nonnull (strstr (lines[0], "\t1001 - " SHOWN));
  g_assert_null (strstr (lines[1], "9999"));

  run_cli (f, FALSE, &json, "options", "extension", "--json");
  g_assert_cmpint (json.status, ==, 0);
  /* Exact data, written with JSON escapes: nothing raw for a terminal. */
  assert_inert (json.out, TRUE);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "text"), ==,
                   "1001 - " HOSTILE);
}

/* Names from system/information: escaped in `info`, exact in --json. */
static void
test_text_info (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  g_auto(CliRun) json = { 0, };
  JsonObject *object;

  g_object_set (f->sim, "device-name", HOSTILE, "model", HOSTILE, "serial", HOSTILE, NULL);

  run_cli (f, FALSE, &run, "info");
  g_assert_cmpint (run.status, ==, 0);
  assert_inert (run.out, TRUE);
  g_assert_nonnull (strstr (run.out, SHOWN "\n"));
  g_assert_null (strstr (run.out, "\n9999"));

  run_cli (f, FALSE, &json, "info", "--json");
  g_assert_cmpint (json.status, ==, 0);
  assert_inert (json.out, TRUE);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "device_name"), ==, HOSTILE);
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, HOSTILE);
}

/* errmsg of a refused login and of a failed call, escaped in the message. */
static void
test_text_errmsg (Fixture       *f,
                  gconstpointer  data)
{
  g_object_set (f->sim, "hostile-text", HOSTILE, NULL);

  {
    g_auto(CliRun) run = { 0, };

    yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_GET_TOKEN, YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT, 1);
    run_cli (f, FALSE, &run, "info");
    g_assert_cmpint (run.status, ==, 3);
    g_assert_cmpstr (run.out, ==, "");
    assert_inert (run.err, TRUE);
    g_assert_nonnull (strstr (run.err, SHOWN));
  }

  {
    g_auto(CliRun) run = { 0, };

    yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_INFORMATION, YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT, 1);
    run_cli (f, FALSE, &run, "info");
    g_assert_cmpint (run.status, ==, 4);
    assert_inert (run.err, TRUE);
    g_assert_nonnull (strstr (run.err, SHOWN));
  }

  {
    g_auto(CliRun) run = { 0, };

    yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_MENU_OPTIONS, YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT, 1);
    run_cli (f, FALSE, &run, "options", "queue");
    g_assert_cmpint (run.status, ==, 4);
    assert_inert (run.err, TRUE);
    g_assert_nonnull (strstr (run.err, SHOWN));
  }
}

/* A 40002 whose field, valid_msg and value are hostile: one line per
 * refused field, nothing raw. */
static void
test_text_parameter_error (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;

  g_object_set (f->sim, "hostile-text", HOSTILE, NULL);
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT, 1);

  run_cli (f, FALSE, &run, "download", "--type", "extcallstatistics", "--ext-id-list", "34");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  assert_inert (run.err, TRUE);
  g_assert_nonnull (strstr (run.err, SHOWN ": " SHOWN));
  /* "call-reports: The PBX rejected …:" and the one field. */
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
}

/* Event 30027 with result "failure" and a hostile `error`. */
static void
test_text_report_failed (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };

  g_object_set (f->sim, "hostile-text", HOSTILE, NULL);
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);

  run_cli (f, FALSE, &run, "download", "--type", "queueperformance", "--queue-id-list", "1",
           "--async", "--timeout", "30");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  assert_inert (run.err, TRUE);
  g_assert_nonnull (strstr (run.err, SHOWN));
  g_assert_null (strchr (g_strchomp (run.err), '\n'));
}

/* ---------------------------------------------------------------------- */
/* Debug logging                                                          */

static void
assert_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  if (error != NULL)
    g_test_message ("stdout: %s", text);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
}

/* With G_MESSAGES_DEBUG=all, debug lines go to stderr: stdout is JSON. */
static void
test_debug_json (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(CliRun) download = { 0, };
  g_auto(CliRun) options = { 0, };
  g_auto(CliRun) info = { 0, };

  run_cli (f, TRUE, &download, "download", "--type", "extcallstatistics", "--ext-id-list", "34", "--json");
  g_assert_cmpint (download.status, ==, 0);
  assert_json (download.out);
  /* The debug log was on, and went to stderr. */
  g_assert_nonnull (strstr (download.err, "DEBUG"));

  run_cli (f, TRUE, &options, "options", "extension", "--json");
  g_assert_cmpint (options.status, ==, 0);
  assert_json (options.out);
  g_assert_nonnull (strstr (options.err, "DEBUG"));

  run_cli (f, TRUE, &info, "info", "--json");
  g_assert_cmpint (info.status, ==, 0);
  assert_json (info.out);
  g_assert_nonnull (strstr (info.err, "DEBUG"));
}

/* ---------------------------------------------------------------------- */
/* An unknown system_time_format                                          */

/* "hh:mm:ss a" with a clock "14/03/2024 10:20:30 AM": connects, 12-hour
 * from the clock, shown in `info`, and reports are asked for with AM/PM. */
static void
test_unknown_time_format (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_auto(CliRun) info = { 0, };
  g_auto(CliRun) json = { 0, };
  g_auto(CliRun) download = { 0, };
  JsonObject *object;

  g_object_set (f->sim, "time-format", "hh:mm:ss a", NULL);

  run_cli (f, FALSE, &info, "info");
  g_assert_cmpint (info.status, ==, 0);
  g_assert_cmpstr (info.err, ==, "");
  g_assert_nonnull (strstr (info.out, "hh:mm:ss a\n"));
  g_assert_nonnull (strstr (info.out, "DD/MM/YYYY hh:mm:ss AM/PM\n"));
  g_assert_nonnull (strstr (info.out, "12-hour, from the PBX clock (its time format is not one this program knows)\n"));

  run_cli (f, FALSE, &json, "info", "--json");
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "time_format"), ==, "hh:mm:ss a");
  g_assert_cmpstr (json_object_get_string_member (object, "sent_format"), ==, "DD/MM/YYYY hh:mm:ss AM/PM");
  g_assert_true (json_object_get_boolean_member (object, "twelve_hour"));
  g_assert_cmpstr (json_object_get_string_member (object, "hours_from"), ==, "clock");
  g_assert_false (json_object_get_boolean_member (object, "time_format_known"));

  run_cli (f, FALSE, &download, "download", "--type", "extcallstatistics", "--ext-id-list", "34",
           "--start-time", "2024-03-01", "--end-time", "2024-03-10 18:00");
  g_assert_cmpint (download.status, ==, 0);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/03/2024 12:00:00 AM&end_time=10/03/2024 06:00:00 PM"));
}

/* The same PBX with a 24-hour clock: 24 hours, from the clock. */
static void
test_unknown_time_format_24 (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *query = NULL;
  g_auto(CliRun) info = { 0, };
  g_auto(CliRun) download = { 0, };

  g_object_set (f->sim, "time-format", "HH:mm:ss (24h)", NULL);

  run_cli (f, FALSE, &info, "info");
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "DD/MM/YYYY HH:mm:ss\n"));
  g_assert_nonnull (strstr (info.out, "24-hour, from the PBX clock"));

  run_cli (f, FALSE, &download, "download", "--type", "extcallstatistics", "--ext-id-list", "34",
           "--start-time", "2024-03-01", "--end-time", "2024-03-10 18:00", "--api", "v1");
  g_assert_cmpint (download.status, ==, 0);
  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_nonnull (strstr (query, "start_time=01/03/2024 00:00:00&end_time=10/03/2024 18:00:00"));
}

/* ---------------------------------------------------------------------- */
/* Too many IDs                                                           */

static char *
id_list (guint n)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? "," : "", 10000 + i);

  return g_string_free (list, FALSE);
}

/* 2,000 extension IDs: a usage error naming the option, nothing sent. */
static void
test_too_many_ids (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *ids = id_list (2000);
  g_auto(CliRun) run = { 0, };

  run_cli (f, FALSE, &run, "download", "--type", "extcallstatistics", "--ext-id-list", ids);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "call-reports: --ext-id-list: "));
  g_assert_nonnull (strstr (run.err, "2000 IDs"));
  g_assert_nonnull (strstr (run.err, "request too long"));
  g_assert_nonnull (strstr (run.err, "extension groups"));
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

/* A web server with a shorter limit than the client's answers 414: the
 * message says "request too long" and names the IDs, not the address. */
static void
test_uri_too_long (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *ids = id_list (300);
  g_auto(CliRun) run = { 0, };

  g_object_set (f->sim, "max-request-line", 1024, NULL);

  run_cli (f, FALSE, &run, "download", "--type", "extcallstatistics", "--ext-id-list", ids);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "request too long"));
  g_assert_nonnull (strstr (run.err, "414"));
  g_assert_null (strstr (run.err, "address"));
  /* The web server refused it: the API never saw the report request. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 0);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The simulator's own 8 KiB limit, as nginx: a request line of 8192 bytes
 * passes, one of 8193 is answered 414. */
static void
test_simulator_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  const char *prefix = "/openapi/v1.0/system/information?access_token=";
  /* "GET " + target + " HTTP/1.1\r\n" */
  gsize overhead = strlen ("GET ") + strlen (prefix) + strlen (" HTTP/1.1\r\n");

  for (guint extra = 0; extra < 2; extra++)
    {
      g_autofree char *padding = g_strnfill (8192 - overhead + extra, 'x');
      g_autofree char *uri = g_strconcat (f->base_uri, prefix, padding, NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;

      g_autoptr(GAsyncResult) result = NULL;

      /* The simulator answers from this thread's main context. */
      soup_message_headers_replace (soup_message_get_request_headers (msg), "User-Agent", "OpenAPI");
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      body = soup_session_send_and_read_finish (session, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, extra == 0 ? SOUP_STATUS_OK : 414);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/pbx/text/options", test_text_options);
  ADD ("/cli/pbx/text/info", test_text_info);
  ADD ("/cli/pbx/text/errmsg", test_text_errmsg);
  ADD ("/cli/pbx/text/parameter-error", test_text_parameter_error);
  ADD ("/cli/pbx/text/report-failed", test_text_report_failed);
  ADD ("/cli/pbx/debug/json", test_debug_json);
  ADD ("/cli/pbx/time-format/unknown", test_unknown_time_format);
  ADD ("/cli/pbx/time-format/unknown-24", test_unknown_time_format_24);
  ADD ("/cli/pbx/ids/too-many", test_too_many_ids);
  ADD ("/cli/pbx/ids/uri-too-long", test_uri_too_long);
  ADD ("/cli/pbx/ids/simulator-limit", test_simulator_limit);

#undef ADD

  return g_test_run ();
}
