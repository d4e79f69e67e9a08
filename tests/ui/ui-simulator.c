/* ui-simulator.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A simulated PBX in its own process for the UI tests, which drive the
 * real window as a user would and then compare the saved files with what
 * the PBX served.
 *
 *   ui-simulator [--cert FILE --key FILE] [--extensions N] [--first-id MENU=ID …]
 *                [--time-format FORMAT] [--device-name NAME] [--hostile-text TEXT]
 *
 * It prints its base URI on the first line of standard output, then reads
 * commands on standard input, one a line, and answers each on one line:
 *
 *   dump NAME PATH   write the bytes of offered file NAME to PATH: "ok" or "missing"
 *   count ENDPOINT   the number of requests to ENDPOINT
 *   query ENDPOINT   the last query to ENDPOINT, without the token
 *   tokens           every token issued so far, separated by spaces
 *   name PROP TEXT   set a text the PBX reports ("model", "device-name"), spaces and all: "ok"
 *   live             the number of access tokens still live (not revoked)
 *   break ENDPOINT   the next reply of ENDPOINT has members of the wrong type: "ok"
 *   hold             hold events 30027 until released: "ok"
 *   held             the number of events 30027 held
 *   release          send the held events, in order: "ok"
 *   size MENU N      MENU has N options from now on: "ok"
 *   reject ENDPOINT  the next request to ENDPOINT is refused with errcode
 *                    40002, naming its first ID parameter: "ok"
 *   quit             stop
 */

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <locale.h>
#include <stdio.h>

#include "yeastar-simulator.h"

static YeastarSimulator *simulator;
static GMainLoop *loop;

static void
answer (const char *text)
{
  g_print ("%s\n", text != NULL ? text : "");
  fflush (stdout);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *input = G_DATA_INPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) words = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (input, result, NULL, &error);
  if (line == NULL)
    {
      g_main_loop_quit (loop);
      return;
    }

  words = g_strsplit (g_strstrip (line), " ", 3);
  if (g_strcmp0 (words[0], "quit") == 0)
    {
      g_main_loop_quit (loop);
      return;
    }
  else if (g_strcmp0 (words[0], "dump") == 0 && words[1] != NULL && words[2] != NULL)
    {
      g_autoptr(GBytes) bytes = yeastar_simulator_dup_file_contents (simulator, words[1]);

      if (bytes != NULL &&
          g_file_set_contents (words[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        answer ("ok");
      else
        answer ("missing");
    }
  else if (g_strcmp0 (words[0], "count") == 0 && words[1] != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%u", yeastar_simulator_get_request_count (simulator, words[1]));

      answer (count);
    }
  else if (g_strcmp0 (words[0], "query") == 0 && words[1] != NULL)
    {
      g_autofree char *query = yeastar_simulator_dup_last_query (simulator, words[1]);

      answer (query);
    }
  else if (g_strcmp0 (words[0], "reject") == 0 && words[1] != NULL)
    {
      yeastar_simulator_inject_fault (simulator, words[1], YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR, 1);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "live") == 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", yeastar_simulator_get_live_token_count (simulator));

      answer (count);
    }
  else if (g_strcmp0 (words[0], "break") == 0 && words[1] != NULL)
    {
      yeastar_simulator_inject_fault (simulator, words[1], YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "hold") == 0)
    {
      yeastar_simulator_hold_events (simulator);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "held") == 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", yeastar_simulator_get_held_event_count (simulator));

      answer (count);
    }
  else if (g_strcmp0 (words[0], "release") == 0)
    {
      yeastar_simulator_release_events (simulator);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "size") == 0 && words[1] != NULL && words[2] != NULL)
    {
      guint64 size = 0;

      if (g_ascii_string_to_unsigned (words[2], 10, 0, 20000, &size, NULL))
        {
          yeastar_simulator_set_menu_size (simulator, words[1], size);
          answer ("ok");
        }
      else
        answer ("bad size");
    }
  else if (g_strcmp0 (words[0], "tokens") == 0)
    {
      g_auto(GStrv) tokens = yeastar_simulator_dup_issued_tokens (simulator);
      g_autofree char *joined = g_strjoinv (" ", tokens);

      answer (joined);
    }
  else if (g_strcmp0 (words[0], "name") == 0 && words[1] != NULL && words[2] != NULL &&
           (g_str_equal (words[1], "model") || g_str_equal (words[1], "device-name")))
    {
      g_autofree char *text = g_strjoinv (" ", words + 2);

      g_object_set (simulator, words[1], text, NULL);
      answer ("ok");
    }
  else
    answer ("unknown command");

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, read_line_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) first_ids = NULL;
  g_autofree char *time_format = NULL;
  g_autofree char *device_name = NULL;
  g_autofree char *hostile_text = NULL;
  int extensions = 0;
  GOptionEntry entries[] = {
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &cert_file, "PEM certificate for https", "FILE" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_file, "PEM private key for https", "FILE" },
    { "extensions", 0, 0, G_OPTION_ARG_INT, &extensions, "Number of extensions", "N" },
    { "first-id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &first_ids, "The ID of a menu's first option", "MENU=ID" },
    { "time-format", 0, 0, G_OPTION_ARG_STRING, &time_format, "system_time_format", "FORMAT" },
    { "device-name", 0, 0, G_OPTION_ARG_STRING, &device_name, "device_name", "NAME" },
    { "hostile-text", 0, 0, G_OPTION_ARG_STRING, &hostile_text, "The simulator's hostile-text", "TEXT" },
    { NULL }
  };

  /* Texts with any character in the arguments: UTF-8, not ASCII. */
  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (cert_file != NULL)
    {
      certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
      if (certificate == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  simulator = yeastar_simulator_new ();
  if (extensions > 0)
    yeastar_simulator_set_menu_size (simulator, "extension", extensions);
  for (guint i = 0; first_ids != NULL && first_ids[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (first_ids[i], "=", 2);
      guint64 id = 0;

      if (parts[0] == NULL || parts[1] == NULL ||
          !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT32 / 2, &id, &error))
        {
          g_printerr ("--first-id %s: expected MENU=ID\n", first_ids[i]);
          return 2;
        }
      yeastar_simulator_set_menu_first_id (simulator, parts[0], id);
    }
  g_object_set (simulator, "async-delay-ms", 500, NULL);
  if (time_format != NULL)
    g_object_set (simulator, "time-format", time_format, NULL);
  if (device_name != NULL)
    g_object_set (simulator, "device-name", device_name, NULL);
  if (hostile_text != NULL)
    g_object_set (simulator, "hostile-text", hostile_text, NULL);
  if (!yeastar_simulator_start (simulator, certificate, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  uri = yeastar_simulator_dup_base_uri (simulator);
  answer (uri);

  loop = g_main_loop_new (NULL, FALSE);
  stdin_stream = g_unix_input_stream_new (0, FALSE);
  input = g_data_input_stream_new (stdin_stream);
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, read_line_cb, NULL);
  g_main_loop_run (loop);

  yeastar_simulator_stop (simulator);
  g_clear_object (&simulator);
  g_clear_pointer (&loop, g_main_loop_unref);

  return 0;
}
