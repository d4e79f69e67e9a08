/* reports-row-wrap.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void reports_row_wrap_titles_by_word   (GtkWidget   *widget);
void reports_combo_row_show_full_items (AdwComboRow *row);

G_END_DECLS
