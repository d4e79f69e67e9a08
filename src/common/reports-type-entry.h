/* reports-type-entry.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_TYPE_ENTRY (reports_type_entry_get_type ())

G_DECLARE_FINAL_TYPE (ReportsTypeEntry, reports_type_entry, REPORTS, TYPE_ENTRY, GObject)

/* A line of the report-type chooser: a category heading, or a report
 * type under it. */
ReportsTypeEntry        *reports_type_entry_new_heading   (YeastarCategory          category);
ReportsTypeEntry        *reports_type_entry_new_type      (const YeastarReportType *type);
gboolean                 reports_type_entry_is_heading    (ReportsTypeEntry        *self);
YeastarCategory          reports_type_entry_get_category  (ReportsTypeEntry        *self);
/* NULL for a heading. */
const YeastarReportType *reports_type_entry_get_report_type (ReportsTypeEntry      *self);
const char              *reports_type_entry_get_title     (ReportsTypeEntry        *self);
/* Whether the type's title or API name contains @folded_needle. */
gboolean                 reports_type_entry_matches       (ReportsTypeEntry        *self,
                                                           const char              *folded_needle);

G_END_DECLS
