/* reports-type-chooser.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_TYPE_CHOOSER (reports_type_chooser_get_type ())

G_DECLARE_FINAL_TYPE (ReportsTypeChooser, reports_type_chooser, REPORTS, TYPE_CHOOSER, AdwBin)

/* The sidebar of report types: the 22 types of the report-type table
 * under the PBX's groups, searchable by name. "report-type" is the
 * chosen type's API name; "activated" is emitted when the user picks a
 * type (a click, Enter in the list or in the search). */
GtkWidget  *reports_type_chooser_new             (void);
const char *reports_type_chooser_get_report_type (ReportsTypeChooser *self);
void        reports_type_chooser_set_report_type (ReportsTypeChooser *self,
                                                  const char         *api_name);
void        reports_type_chooser_step            (ReportsTypeChooser *self,
                                                  int                 delta);
void        reports_type_chooser_focus_search    (ReportsTypeChooser *self);

G_END_DECLS
