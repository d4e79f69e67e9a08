/* reports-bench.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reports_bench_watch_first_frame (GtkWindow *window);

G_END_DECLS
