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

/* The Request page: a sidebar of report types, and for the chosen one
 * its title, description and exactly the rows the type takes (built from
 * the report-type table and bound to a YeastarReportRequest, which
 * decides what is valid), the PBX's facts, and a bar with the
 * destination folder and Download. Download emits "download" with a copy
 * of the request and the folder: the Reports page runs it. */
void                  reports_report_page_set_settings (ReportsReportPage *self,
                                                        GSettings         *settings);
void                  reports_report_page_set_session  (ReportsReportPage *self,
                                                        ReportsSession    *session);
ReportsSession       *reports_report_page_get_session  (ReportsReportPage *self);
YeastarReportRequest *reports_report_page_get_request  (ReportsReportPage *self);
void                  reports_report_page_add_toast    (ReportsReportPage *self,
                                                        AdwToast          *toast);

G_END_DECLS
