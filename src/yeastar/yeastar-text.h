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

G_END_DECLS
