/* reports-downloads-page.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-download-history.h"
#include "reports-session.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_DOWNLOADS_PAGE (reports_downloads_page_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDownloadsPage, reports_downloads_page, REPORTS, DOWNLOADS_PAGE, AdwBin)

/* The Reports page: every download, newest first, kept across restarts
 * (ReportsDownloadHistory), with what can be done with each. It runs the
 * downloads the Request page asks for and emits "finished" with each
 * one's record when it ends. */
ReportsDownloadsPage *reports_downloads_page_new        (ReportsDownloadHistory *history);
void                  reports_downloads_page_set_session (ReportsDownloadsPage   *self,
                                                          ReportsSession         *session);
void                  reports_downloads_page_start      (ReportsDownloadsPage   *self,
                                                         YeastarReportRequest   *request,
                                                         GFile                  *folder);
gboolean              reports_downloads_page_get_busy   (ReportsDownloadsPage   *self);
void                  reports_downloads_page_cancel_all (ReportsDownloadsPage   *self);
/* Scrolls to the record's row and gives it the focus. */
void                  reports_downloads_page_reveal     (ReportsDownloadsPage   *self,
                                                         const char             *id);
void                  reports_downloads_page_open       (ReportsDownloadsPage   *self,
                                                         const char             *id);

G_END_DECLS
