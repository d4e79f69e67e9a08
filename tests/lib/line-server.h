/* line-server.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The line protocol of the helper processes that serve a simulator to a
 * test or benchmark in another process (tests/ui/ui-simulator.c,
 * tests/bench/bench-server.c): commands on standard input, one a line,
 * each answered with one line on standard output.
 *
 * A command's words (at most `max_words`, the last one takes the rest of
 * the line) go to `func`, which returns the answer; NULL answers "unknown
 * command". "quit" or the end of standard input stops. */
typedef char *(*LineServerFunc) (char     **words,
                                 gpointer   user_data);

/* Prints `text` (NULL: an empty line) and a newline, and flushes. */
void line_server_answer (const char     *text);
/* Runs a main loop until "quit" or the end of standard input. */
void line_server_run    (guint           max_words,
                         LineServerFunc  func,
                         gpointer        user_data);

G_END_DECLS
