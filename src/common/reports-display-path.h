/* reports-display-path.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *reports_display_path      (const char *path);
char *reports_display_path_file (GFile      *file);

G_END_DECLS
