/* reports-set-run-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-set-run.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SET_RUN_ROW (reports_set_run_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSetRunRow, reports_set_run_row, REPORTS, SET_RUN_ROW, AdwActionRow)

/* One report of a running set: the PBX, the type, the period, and its
 * state (waiting, downloading, saved as, failed because, cancelled). */
GtkWidget *reports_set_run_row_new      (ReportsSetRun *run,
                                         guint          index);
/* Reads the result again: started, or finished. */
void       reports_set_run_row_started  (ReportsSetRunRow *self);
void       reports_set_run_row_update   (ReportsSetRunRow *self);
/* The bytes received so far, as the Reports page shows them. */
void       reports_set_run_row_progress (ReportsSetRunRow *self);
/* A run that failed as a whole (its folder cannot be used): a report
 * not done says why. */
void       reports_set_run_row_fail     (ReportsSetRunRow *self,
                                         const char       *message);
/* A run that was cancelled: a report not done says it was cancelled. */
void       reports_set_run_row_cancel   (ReportsSetRunRow *self);

G_END_DECLS
