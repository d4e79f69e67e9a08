/* reports-viewer-window.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yeastar-report-loader.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_VIEWER_WINDOW (reports_viewer_window_get_type ())

G_DECLARE_FINAL_TYPE (ReportsViewerWindow, reports_viewer_window, REPORTS, VIEWER_WINDOW, AdwWindow)

ReportsViewerWindow *reports_viewer_window_new      (GtkApplication      *application,
                                                     GFile               *file);
void                 reports_viewer_window_present_when_ready (ReportsViewerWindow *self);
GFile               *reports_viewer_window_get_file (ReportsViewerWindow *self);
YeastarReportLoader *reports_viewer_window_get_loader (ReportsViewerWindow *self);
GtkWidget           *reports_viewer_window_get_report_view (ReportsViewerWindow *self);
GtkWidget           *reports_viewer_window_get_chart (ReportsViewerWindow *self);

G_END_DECLS
