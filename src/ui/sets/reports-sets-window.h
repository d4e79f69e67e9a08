/* reports-sets-window.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_SETS_WINDOW (reports_sets_window_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSetsWindow, reports_sets_window, REPORTS, SETS_WINDOW, AdwWindow)

/* The Report Sets window of @parent (one per main window): the saved sets,
 * each opened to edit and run it; new, import, duplicate, export and
 * delete. With @name, that set is opened. @settings holds the saved PBXs
 * and the default folder. */
ReportsSetsWindow *reports_sets_window_present (GtkWindow  *parent,
                                                GSettings  *settings,
                                                const char *name);

/* Reads the sets again in the Report Sets window of @parent, if it is
 * open: after a set was changed elsewhere (Add to Set…). */
void               reports_sets_window_reload  (GtkWindow  *parent);
void               reports_sets_window_add_toast (ReportsSetsWindow *self,
                                                  AdwToast          *toast);

G_END_DECLS
