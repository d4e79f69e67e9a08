/* reports-seconds-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SECONDS_ROW (reports_seconds_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSecondsRow, reports_seconds_row, REPORTS, SECONDS_ROW, AdwActionRow)

GtkWidget  *reports_seconds_row_new       (YeastarParam param);
const char *reports_seconds_row_get_value (ReportsSecondsRow *self);
void        reports_seconds_row_set_value (ReportsSecondsRow *self,
                                           const char *value);

G_END_DECLS
