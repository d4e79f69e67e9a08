/* yeastar-text.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *yeastar_text_escape      (const char *text,
                                gssize      length);
char *yeastar_text_escape_json (const char *json);
/* Whether @text is a whole number: one or more ASCII digits and nothing
 * else (no sign, no space). @length -1: up to the NUL. */
gboolean yeastar_text_is_digits (const char *text,
                                 gssize      length);

G_END_DECLS
