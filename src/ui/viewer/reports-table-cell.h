/* reports-table-cell.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_TABLE_CELL (reports_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (ReportsTableCell, reports_table_cell, REPORTS, TABLE_CELL, GtkWidget)

GtkWidget  *reports_table_cell_new        (PangoContext     *context);
const char *reports_table_cell_get_text   (ReportsTableCell *self);
void        reports_table_cell_set_text   (ReportsTableCell *self,
                                           const char       *text);
float       reports_table_cell_get_xalign (ReportsTableCell *self);
void        reports_table_cell_set_xalign (ReportsTableCell *self,
                                           float             xalign);

G_END_DECLS
