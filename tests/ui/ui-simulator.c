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
#include <locale.h>

#include "line-server.h"
#include "yeastar-simulator.h"

static YeastarSimulator *simulator;

static char *
command_cb (char     **words,
            gpointer   user_data)
{
  if (g_strcmp0 (words[0], "dump") == 0 && words[1] != NULL && words[2] != NULL)
    {
      g_autoptr(GBytes) bytes = yeastar_simulator_dup_file_contents (simulator, words[1]);

      if (bytes != NULL &&
          g_file_set_contents (words[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        return g_strdup ("ok");
      return g_strdup ("missing");
    }
  else if (g_strcmp0 (words[0], "count") == 0 && words[1] != NULL)
    return g_strdup_printf ("%u", yeastar_simulator_get_request_count (simulator, words[1]));
  else if (g_strcmp0 (words[0], "query") == 0 && words[1] != NULL)
    {
      char *query = yeastar_simulator_dup_last_query (simulator, words[1]);

      return query != NULL ? query : g_strdup ("");
    }
  else if (g_strcmp0 (words[0], "reject") == 0 && words[1] != NULL)
    {
      yeastar_simulator_inject_fault (simulator, words[1], YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR, 1);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "stall") == 0 && words[1] != NULL)
    {
      guint64 ms = 0;

      /* The next reply of that endpoint waits `stall-ms` (30 s), or the
       * milliseconds given. */
      if (words[2] != NULL && g_ascii_string_to_unsigned (words[2], 10, 1, G_MAXINT32, &ms, NULL))
        g_object_set (simulator, "stall-ms", (guint) ms, NULL);
      yeastar_simulator_inject_fault (simulator, words[1], YEASTAR_SIMULATOR_FAULT_STALL, 1);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "live") == 0)
    return g_strdup_printf ("%u", yeastar_simulator_get_live_token_count (simulator));
  else if (g_strcmp0 (words[0], "break") == 0 && words[1] != NULL)
    {
      yeastar_simulator_inject_fault (simulator, words[1], YEASTAR_SIMULATOR_FAULT_WRONG_TYPES, 1);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "hold") == 0)
    {
      yeastar_simulator_hold_events (simulator);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "held") == 0)
    return g_strdup_printf ("%u", yeastar_simulator_get_held_event_count (simulator));
  else if (g_strcmp0 (words[0], "release") == 0)
    {
      yeastar_simulator_release_events (simulator);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "size") == 0 && words[1] != NULL && words[2] != NULL)
    {
      guint64 size = 0;

      if (!g_ascii_string_to_unsigned (words[2], 10, 0, 20000, &size, NULL))
        return g_strdup ("bad size");
      yeastar_simulator_set_menu_size (simulator, words[1], size);
      return g_strdup ("ok");
    }
  else if (g_strcmp0 (words[0], "tokens") == 0)
    {
      g_auto(GStrv) tokens = yeastar_simulator_dup_issued_tokens (simulator);

      return g_strjoinv (" ", tokens);
    }
  else if (g_strcmp0 (words[0], "name") == 0 && words[1] != NULL && words[2] != NULL &&
           (g_str_equal (words[1], "model") || g_str_equal (words[1], "device-name")))
    {
      g_autofree char *text = g_strjoinv (" ", words + 2);

      g_object_set (simulator, words[1], text, NULL);
      return g_strdup ("ok");
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
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
  line_server_answer (uri);
  line_server_run (3, command_cb, NULL);

  yeastar_simulator_stop (simulator);
  g_clear_object (&simulator);

  return 0;
}
