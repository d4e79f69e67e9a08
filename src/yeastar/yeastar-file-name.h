/* yeastar-file-name.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest name, in bytes, yeastar_file_name_sanitize() returns. It
 * leaves room for " (NNNN)" and ".part" below the usual NAME_MAX of 255. */
#define YEASTAR_FILE_NAME_MAX 200

/* The name used when the server's name has nothing usable left. */
#define YEASTAR_FILE_NAME_FALLBACK "report.csv"

char *yeastar_file_name_sanitize    (const char *name);
char *yeastar_file_name_with_number (const char *sanitized,
                                     guint       number);

G_END_DECLS
