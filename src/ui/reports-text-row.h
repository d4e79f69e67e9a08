/* reports-text-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_TEXT_ROW (reports_text_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsTextRow, reports_text_row, REPORTS, TEXT_ROW, AdwEntryRow)

GtkWidget  *reports_text_row_new       (YeastarParam param);
const char *reports_text_row_get_value (ReportsTextRow *self);
void        reports_text_row_set_value (ReportsTextRow *self,
                                        const char *value);

G_END_DECLS
