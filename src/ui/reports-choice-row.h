/* reports-choice-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_CHOICE_ROW (reports_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsChoiceRow, reports_choice_row, REPORTS, CHOICE_ROW, AdwComboRow)

GtkWidget  *reports_choice_row_new       (const YeastarReportType *type,
                                          YeastarParam             param);
const char *reports_choice_row_get_value (ReportsChoiceRow *self);
void        reports_choice_row_set_value (ReportsChoiceRow *self,
                                          const char *value);

G_END_DECLS
