/* reports-flag-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_FLAG_ROW (reports_flag_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsFlagRow, reports_flag_row, REPORTS, FLAG_ROW, AdwActionRow)

GtkWidget  *reports_flag_row_new       (YeastarParam param);
const char *reports_flag_row_get_value (ReportsFlagRow *self);
void        reports_flag_row_set_value (ReportsFlagRow *self,
                                        const char *value);

G_END_DECLS
