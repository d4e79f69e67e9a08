/* reports-period-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_PERIOD_ROW (reports_period_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsPeriodRow, reports_period_row, REPORTS, PERIOD_ROW, AdwActionRow)

/* The `time` of a period report: one day (by hour), one month (by day) or
* one year (by month), each with a picker that fits it. "period" is a
* GDateTime in UTC at midnight of the first day of the period, or NULL. */
GtkWidget         *reports_period_row_new             (void);
YeastarPeriodKind  reports_period_row_get_period_kind (ReportsPeriodRow  *self);
void               reports_period_row_set_period_kind (ReportsPeriodRow  *self,
                                                       YeastarPeriodKind  kind);
GDateTime         *reports_period_row_get_period      (ReportsPeriodRow  *self);
void               reports_period_row_set_period      (ReportsPeriodRow  *self,
                                                       GDateTime         *period);

G_END_DECLS
