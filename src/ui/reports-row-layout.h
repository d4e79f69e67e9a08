/* reports-row-layout.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_ROW_LAYOUT (reports_row_layout_get_type ())

G_DECLARE_FINAL_TYPE (ReportsRowLayout, reports_row_layout, REPORTS, ROW_LAYOUT, GtkLayoutManager)

GtkLayoutManager *reports_row_layout_new     (GtkLayoutManager *box_layout,
                                              GtkWidget        *centered);
gboolean          reports_row_layout_install (AdwActionRow     *row);

G_END_DECLS
