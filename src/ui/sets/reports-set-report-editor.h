/* reports-set-report-editor.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-set.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SET_REPORT_EDITOR (reports_set_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSetReportEditor, reports_set_report_editor, REPORTS, SET_REPORT_EDITOR, AdwWindow)

/* The filters of one report of a set, as a simple form: a text row per
 * ID list, ID, number or text (the API's values: IDs as `call-reports
 * options` lists them), a choice per enumeration, a switch per flag. The
 * values are checked as the report form checks them. "saved" is emitted
 * when Save is pressed and every value is right; then
 * reports_set_report_editor_apply() writes them into a report. */
ReportsSetReportEditor *reports_set_report_editor_new   (GtkWindow              *parent,
                                                         const ReportsSetReport *report);
void                    reports_set_report_editor_apply (ReportsSetReportEditor *self,
                                                         ReportsSetReport       *report);

G_END_DECLS
