/* reports-log.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-log.h"
#include "yeastar-text.h"

/*
 * Where log messages go, for the window and the command line alike.
 *
 * GLib's default writer prints debug, info and message levels to stdout.
 * The command line's stdout is its result (a path, or JSON with --json),
 * which a script reads: with G_MESSAGES_DEBUG=all a debug line there
 * would break it. So every level goes to stderr (or the journal, when
 * stderr is connected to it); G_MESSAGES_DEBUG still chooses which debug
 * messages are written.
 *
 * Each line of a message is also shown with its control and bidi
 * characters escaped (yeastar-text.c): the API layer already escapes the
 * PBX's texts before they reach a message, and this is the second lock,
 * for any other text that might quote them.
 */

static char *
escape_lines (const char *message,
              gssize      length)
{
  GString *out;
  const char *p;
  const char *end;

  if (length < 0)
    length = strlen (message);

  out = g_string_sized_new (length + 1);
  p = message;
  end = message + length;

  for (;;)
    {
      const char *newline = memchr (p, '\n', end - p);
      g_autofree char *line = yeastar_text_escape (p, (newline != NULL ? newline : end) - p);

      g_string_append (out, line);
      if (newline == NULL)
        break;
      g_string_append_c (out, '\n');
      p = newline + 1;
    }

  return g_string_free (out, FALSE);
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  g_autofree GLogField *copy = g_new (GLogField, n_fields);
  g_autofree char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      copy[i] = fields[i];

      if (message == NULL && g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].value != NULL)
        {
          message = escape_lines (fields[i].value, fields[i].length);
          copy[i].value = message;
          copy[i].length = -1;
        }
    }

  return g_log_writer_default (log_level, copy, n_fields, user_data);
}

/* Call first in main(), before anything logs. */
void
reports_log_init (void)
{
  g_log_writer_default_set_use_stderr (TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);
}
