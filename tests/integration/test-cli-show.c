/* test-cli-show.c
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
#include "yeastar-simulator.h"

/*
 * `call-reports show` as a user runs it: the real binary
 * (CALL_REPORTS_BINARY) downloads a report from a simulated PBX in this
 * process, then shows it; its JSON is checked cell by cell against the
 * file, read here independently. Tricky files are written by hand.
 */

#define CLIENT_ID "test-client-id"
#define SECRET    "Te5t-S3cret-9f8e7d6c5b4a"

typedef struct
{
  YeastarSimulator *sim;
  char             *base_uri;
  char             *dir;
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
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->base_uri = yeastar_simulator_dup_base_uri (f->sim);
  f->dir = g_dir_make_tmp ("test-cli-show-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cli_run_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);

  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->base_uri, g_free);
}

/* Runs the binary with @args; the main context serves the simulator. */
static void
run_cliv (CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_run_new_launcher (SECRET);

  cli_run_spawn (run, launcher, args, CLI_RUN_DEFAULT);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    const char * const run_args__[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), run_args__); \
  } G_STMT_END

/* Downloads a report with `call-reports download --json`: its path. */
static char *
download (Fixture    *f,
          const char *type,
          const char *option,
          const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };

  run_cli (&run, "download", "--server", f->base_uri, "--client-id", CLIENT_ID, "--output", f->dir,
           "--type", type, "--start-time", "2024-03-01", "--end-time", "2024-03-10 18:00",
           option, value, "--json");
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "path"));
}

static JsonObject *
show_json (JsonParser *parser,
           const char *path,
           const char *date_order)
{
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  JsonNode *root;

  if (date_order != NULL)
    run_cli (&run, "show", "--json", "--date-order", date_order, path);
  else
    run_cli (&run, "show", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static char **
file_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "\n"));
  contents[strlen (contents) - 1] = '\0';
  return g_strsplit (contents, "\n", -1);
}

static gint64
seconds_of (const char *duration)
{
  int h, m, s;

  g_assert_cmpint (sscanf (duration, "%d:%d:%d", &h, &m, &s), ==, 3);
  return h * 3600 + m * 60 + s;
}

/* A JSON cell against the file's text, by the column's kind. */
static void
assert_cell (JsonNode   *node,
             const char *kind,
             const char *text)
{
  if (*text == '\0')
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      return;
    }

  if (strcmp (kind, "integer") == 0)
    {
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (node), ==, g_ascii_strtoll (text, NULL, 10));
    }
  else if (strcmp (kind, "duration") == 0)
    {
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (node), ==, seconds_of (text));
    }
  else if (strcmp (kind, "percentage") == 0 || strcmp (kind, "decimal") == 0)
    {
      /* "45.23%" -> 45.23, a JSON number */
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_cmpint (json_node_get_value_type (node), !=, G_TYPE_STRING);
      g_assert_cmpfloat_with_epsilon (json_node_get_double (node), g_ascii_strtod (text, NULL), 1e-9);
    }
  else
    {
      g_assert_cmpstr (kind, ==, "text");
      g_assert_cmpstr (json_node_get_string (node), ==, text);
    }
}

static void
test_download_then_show (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const kinds[] = {
    "integer", "text", "integer", "integer", "integer", "integer", "percentage",
    "duration", "duration", "duration", "percentage",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = download (f, "queueperformance", "--queue-id-list", "1,2");
  g_auto(GStrv) lines = file_lines (path);
  g_auto(GStrv) header = NULL;
  JsonObject *object = show_json (parser, path, NULL);
  JsonArray *preamble = json_object_get_array_member (object, "preamble");
  JsonArray *columns = json_object_get_array_member (object, "columns");
  JsonArray *rows = json_object_get_array_member (object, "rows");
  JsonArray *totals = json_object_get_array_member (object, "totals");
  guint line = 4;

  /* Title, period and filter lines, a blank line, the header. */
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, lines[0]);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Queue Performance");
  g_assert_cmpuint (json_array_get_length (preamble), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (preamble, 1), ==,
                   "Period: 01/03/2024 12:00:00 AM - 10/03/2024 06:00:00 PM");
  g_assert_cmpstr (json_array_get_string_element (preamble, 2), ==, "Queues: 6400 Support, 6401 Sales");
  g_assert_cmpstr (lines[3], ==, "");

  header = g_strsplit (lines[line++], ",", -1);
  g_assert_cmpuint (json_array_get_length (columns), ==, g_strv_length (header));
  g_assert_cmpuint (json_array_get_length (columns), ==, G_N_ELEMENTS (kinds));
  for (guint c = 0; header[c] != NULL; c++)
    {
      JsonObject *column = json_array_get_object_element (columns, c);

      g_assert_cmpstr (json_object_get_string_member (column, "name"), ==, header[c]);
      g_assert_cmpstr (json_object_get_string_member (column, "kind"), ==, kinds[c]);
    }

  /* Every data line of the file is a row, in order; the Total line is not. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint r = 0; r < json_array_get_length (rows); r++, line++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[line], ",", -1);
      JsonArray *row = json_array_get_array_element (rows, r);

      g_assert_false (g_str_has_prefix (lines[line], "Total"));
      g_assert_cmpuint (json_array_get_length (row), ==, g_strv_length (cells));
      for (guint c = 0; cells[c] != NULL; c++)
        assert_cell (json_array_get_element (row, c), kinds[c], cells[c]);
    }

  g_assert_true (g_str_has_prefix (lines[line], "Total,"));
  g_assert_cmpuint (json_array_get_length (totals), ==, 1);
  {
    g_auto(GStrv) cells = g_strsplit (lines[line], ",", -1);
    JsonArray *row = json_array_get_array_element (totals, 0);

    g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "Total");
    for (guint c = 1; cells[c] != NULL; c++)
      assert_cell (json_array_get_element (row, c), kinds[c], cells[c]);
  }
  g_assert_null (lines[line + 1]);
}

/* "05/03/2024 02:07:09 PM" -> "2024-03-05T14:07:09" (the fixture's DMY),
 * or "2024-05-03T14:07:09" read month first. */
static char *
iso_of (const char *text,
        gboolean    month_first)
{
  int d, m, y, hh, mm, ss;
  char meridiem[3] = "";

  g_assert_cmpint (sscanf (text, "%d/%d/%d %d:%d:%d %2s", &d, &m, &y, &hh, &mm, &ss, meridiem), ==, 7);
  hh = hh % 12 + (strcmp (meridiem, "PM") == 0 ? 12 : 0);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", y, month_first ? d : m, month_first ? m : d, hh, mm, ss);
}

static void
test_show_date_times (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) mdy_parser = json_parser_new ();
  g_autofree char *path = download (f, "unreturnmisscall", "--call-to-type", "Queue");
  g_auto(GStrv) lines = file_lines (path);
  JsonObject *object = show_json (parser, path, "dmy");
  JsonObject *mdy = show_json (mdy_parser, path, "mdy");
  JsonArray *rows = json_object_get_array_member (object, "rows");
  JsonArray *mdy_rows = json_object_get_array_member (mdy, "rows");
  JsonObject *time = json_array_get_object_element (json_object_get_array_member (object, "columns"), 0);
  guint line = 0;
  guint differ = 0;

  g_assert_cmpstr (json_object_get_string_member (time, "name"), ==, "Time");
  g_assert_cmpstr (json_object_get_string_member (time, "kind"), ==, "date-time");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (object, "columns"), 7), "kind"),
                   ==, "duration");

  while (!g_str_has_prefix (lines[line], "Time,"))
    line++;
  line++;

  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint r = 0; r < json_array_get_length (rows); r++, line++)
    {
      g_autofree char *time_text = g_strndup (lines[line], strcspn (lines[line], ","));
      g_autofree char *expected = iso_of (time_text, FALSE);
      g_autofree char *month_first = iso_of (time_text, TRUE);
      JsonArray *row = json_array_get_array_element (rows, r);
      JsonArray *mdy_row = json_array_get_array_element (mdy_rows, r);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, expected);
      /* Every day of the range is ≤ 12: the order given decides. */
      g_assert_cmpstr (json_array_get_string_element (mdy_row, 0), ==, month_first);
      differ += strcmp (expected, month_first) != 0;
      g_assert_cmpstr (json_array_get_string_element (row, 4), ==, "Queue");
    }
  g_assert_cmpuint (differ, >, 0);
}

static int
count (const char *haystack,
       const char *needle)
{
  int n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The display column where @needle starts in @line. */
static glong
column_of (const char *line,
           const char *needle)
{
  const char *at = strstr (line, needle);
  glong width = 0;

  g_assert_nonnull (at);
  for (const char *p = line; p < at; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
test_show_table (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = download (f, "queueperformance", "--queue-id-list", "1,2");
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "show", path);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);

  /* The preamble as a header, a blank line, the table, a rule, the totals. */
  g_assert_cmpstr (lines[0], ==, "Queue Performance");
  g_assert_cmpstr (lines[1], ==, "Period: 01/03/2024 12:00:00 AM - 10/03/2024 06:00:00 PM");
  g_assert_cmpstr (lines[2], ==, "Queues: 6400 Support, 6401 Sales");
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_true (g_str_has_prefix (lines[4], "Queue Number  Queue Name  Total Calls"));
  g_assert_true (g_str_has_prefix (lines[5], "────────────  ──────────"));
  g_assert_true (g_str_has_suffix (lines[6], "%"));
  g_assert_cmpint (column_of (lines[6], "Support"), ==, column_of (lines[4], "Queue Name"));
  g_assert_cmpint (column_of (lines[7], "Sales"), ==, column_of (lines[4], "Queue Name"));
  /* Numbers to the right: the last digit under the title's last letter. */
  g_assert_cmpint (column_of (lines[6], "6400") + 4, ==, column_of (lines[4], "Queue Number") + 12);
  g_assert_cmpstr (lines[8], ==, lines[5]);
  g_assert_true (g_str_has_prefix (lines[9], "Total "));
  g_assert_cmpstr (lines[10], ==, "");
  g_assert_null (lines[11]);
}

/* PBX text with escapes, bidi controls and wide characters. */
static void
test_show_tricky (Fixture       *f,
                  gconstpointer  data)
{
  static const char csv[] =
    "\xEF\xBB\xBF" "Agent Report \x1B[2J\n"
    "Period:;01/03/2024 - 31/03/2024\n"
    "Agente;Nombre;Contestada;Tasa\n"
    "1021;\"王芳\";4;45,23%\n"
    "1022;\"evil\xE2\x80\xAE" "fdp.exe\x07\r\nnext line\";5;50%\n"
    "1023;\"C1 \xC2\x9B" "control\";;\n"
    ";;9;47,62%\n";
  g_autofree char *path = g_build_filename (f->dir, "tricky.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  JsonObject *object;
  JsonArray *rows;

  g_file_set_contents (path, csv, sizeof csv - 1, &error);
  g_assert_no_error (error);

  run_cli (&run, "show", path);
  g_assert_cmpint (run.status, ==, 0);
  /* No control character of the file reaches the terminal raw. */
  g_assert_null (strchr (run.out, '\x1B'));
  g_assert_null (strchr (run.out, '\x07'));
  g_assert_null (strchr (run.out, '\r'));
  g_assert_null (strstr (run.out, "\xE2\x80\xAE"));
  g_assert_null (strstr (run.out, "\xC2\x9B"));
  g_assert_nonnull (strstr (run.out, "Agent Report \\x1b[2J\n"));
  g_assert_nonnull (strstr (run.out, "evil\\u202efdp.exe\\x07\\r\\nnext line"));
  g_assert_nonnull (strstr (run.out, "C1 \\x9bcontrol"));
  g_assert_cmpint (count (run.out, "\n"), ==, 2 + 1 + 2 + 3 + 2);

  /* Wide characters count twice: the next column still lines up. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[3], "Agente"));
  g_assert_cmpint (column_of (lines[5], "4 "), ==, column_of (lines[3], "Contestada") + 9);
  g_assert_cmpint (column_of (lines[6], "5 "), ==, column_of (lines[3], "Contestada") + 9);

  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  object = show_json (parser, path, NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Agent Report \x1B[2J");
  rows = json_object_get_array_member (object, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 1), ==, "王芳");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 1), ==,
                   "evil\xE2\x80\xAE" "fdp.exe\x07\r\nnext line");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_array_get_array_element (rows, 0), 3), 45.23, 1e-9);
  g_assert_true (json_array_get_null_element (json_array_get_array_element (rows, 2), 2));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "totals")), ==, 1);
}

static void
test_show_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *json = g_build_filename (f->dir, "reply.csv", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (json, "{\"errcode\":10004,\"errmsg\":\"FAILURE\"}", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);

  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "exactly one report file"));
  }
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show", json, empty);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show", "--date-order", "ydm", json);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--date-order"));
  }
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show", missing);
    g_assert_cmpint (run.status, ==, 6);
    g_assert_nonnull (strstr (run.err, "cannot read"));
    g_assert_nonnull (strstr (run.err, "missing.csv"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show", "--json", json);
    g_assert_cmpint (run.status, ==, 6);
    g_assert_nonnull (strstr (run.err, "is not a call report"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(CliRun) run = { 0, };

    run_cli (&run, "show", empty);
    g_assert_cmpint (run.status, ==, 6);
    g_assert_nonnull (strstr (run.err, "is not a call report"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/show/download-then-json", test_download_then_show);
  ADD ("/cli/show/date-times", test_show_date_times);
  ADD ("/cli/show/table", test_show_table);
  ADD ("/cli/show/tricky", test_show_tricky);
  ADD ("/cli/show/errors", test_show_errors);

#undef ADD

  return g_test_run ();
}
