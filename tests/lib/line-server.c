/* line-server.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "line-server.h"

typedef struct
{
  GMainLoop      *loop;
  guint           max_words;
  LineServerFunc  func;
  gpointer        user_data;
} LineServer;

void
line_server_answer (const char *text)
{
  printf ("%s\n", text != NULL ? text : "");
  fflush (stdout);
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *input = G_DATA_INPUT_STREAM (object);
  LineServer *server = user_data;
  g_autofree char *line = NULL;
  g_autofree char *reply = NULL;
  g_auto(GStrv) words = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (input, result, NULL, NULL);
  if (line == NULL)
    {
      g_main_loop_quit (server->loop);
      return;
    }

  words = g_strsplit (g_strstrip (line), " ", server->max_words);
  if (g_strcmp0 (words[0], "quit") == 0)
    {
      g_main_loop_quit (server->loop);
      return;
    }

  reply = server->func (words, server->user_data);
  line_server_answer (reply != NULL ? reply : "unknown command");

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, read_line_cb, server);
}

void
line_server_run (guint          max_words,
                 LineServerFunc func,
                 gpointer       user_data)
{
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) input = g_data_input_stream_new (stdin_stream);
  LineServer server = { g_main_loop_new (NULL, FALSE), max_words, func, user_data };

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, read_line_cb, &server);
  g_main_loop_run (server.loop);
  g_main_loop_unref (server.loop);
}
