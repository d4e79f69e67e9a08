/* reports-report-page.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-session.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_REPORT_PAGE (reports_report_page_get_type ())

G_DECLARE_FINAL_TYPE (ReportsReportPage, reports_report_page, REPORTS, REPORT_PAGE, AdwBin)

/* The report form: the PBX's facts, the report type, exactly the rows the
 * type takes (built from the report-type table and bound to a
 * YeastarReportRequest, which decides what is valid), the destination
 * folder, Download, and the list of downloads. */
void                  reports_report_page_set_settings (ReportsReportPage *self,
                                                        GSettings         *settings);
void                  reports_report_page_set_session  (ReportsReportPage *self,
                                                        ReportsSession    *session);
ReportsSession       *reports_report_page_get_session  (ReportsReportPage *self);
YeastarReportRequest *reports_report_page_get_request  (ReportsReportPage *self);
/* Whether a download is still running. */
gboolean              reports_report_page_get_busy     (ReportsReportPage *self);
/* Cancels every download still running, as their Cancel buttons do. */
void                  reports_report_page_cancel_downloads (ReportsReportPage *self);

G_END_DECLS
