/* reports-row-wrap.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reports_row_wrap_titles_by_word (GtkWidget *widget);

G_END_DECLS
