/* reports-add-to-set-dialog.h
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

#define REPORTS_TYPE_ADD_TO_SET_DIALOG (reports_add_to_set_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReportsAddToSetDialog, reports_add_to_set_dialog, REPORTS, ADD_TO_SET_DIALOG, AdwWindow)

/* "Add to Set…": the form's request (type, filters, IDs) and the PBX of
 * @session go into a saved set or a new one, with a relative period in
 * place of the form's dates (the one they are, when they are one).
 * "added" (const char *name) is emitted once it is saved. A new set's
 * folder is the form's (the "destination-folder" of @settings). */
ReportsAddToSetDialog *reports_add_to_set_dialog_new (GtkWindow            *parent,
                                                      ReportsSession       *session,
                                                      YeastarReportRequest *request,
                                                      GSettings            *settings);

G_END_DECLS
