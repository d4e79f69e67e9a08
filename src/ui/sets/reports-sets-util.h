/* reports-sets-util.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-set-run.h"
#include "reports-set.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

/* What the report-set windows share: the relative periods they offer,
 * a report of a set made from the form's request, and words for people. */

/* "Last Month", "Last 7 Days"…, translated. */
char             *reports_sets_period_title        (const ReportsPeriod     *period);
/* Fills @choice (a GtkDropDown or an AdwComboRow) with the periods @type
 * can take (the presets, and the last 7, 30 and 90 days for a range
 * type), plus @current if it is none of them, and selects @current. */
void              reports_sets_period_choice_fill  (GObject                 *choice,
                                                    const YeastarReportType *type,
                                                    const ReportsPeriod     *current);
gboolean          reports_sets_period_choice_get   (GObject                 *choice,
                                                    ReportsPeriod           *period);
/* The relative period the form's dates are on the PBX's clock @now, if
 * they are one of the periods offered. */
gboolean          reports_sets_guess_period        (YeastarReportRequest    *request,
                                                    GDateTime               *now,
                                                    ReportsPeriod           *period);
/* The form's request as a report of a set: its type, filters and IDs;
 * the dates become @period. */
ReportsSetReport *reports_sets_report_from_request (YeastarReportRequest    *request,
                                                    const ReportsPeriod     *period);
/* "Extensions: 1001, 1002 · Communication type: Inbound", or "No filters". */
char             *reports_sets_describe_filters    (const ReportsSetReport  *report);
/* The host of a PBX's address, for titles. */
char             *reports_sets_dup_host            (const char              *server);
/* "3 reports from 2 PBXs · daily at 07:00". */
char             *reports_sets_describe_set        (ReportsSet              *set);
/* "Last run 2026-12-01 07:00: 3 files saved" (without @prefix
 * "2026-12-01 07:00: 3 files saved"), or "Never run". */
char             *reports_sets_describe_last_run   (const char              *name,
                                                    gboolean                 prefix);
/* Records a finished run in the set's state, and after a run without
 * failures applies its retention, as `call-reports run` does. */
void              reports_sets_record_run          (ReportsSetRun           *run);

G_END_DECLS
