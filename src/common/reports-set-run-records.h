/* reports-set-run-records.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-download-history.h"
#include "reports-set-run.h"

G_BEGIN_DECLS

/* Lists every report of @run in @history, the Reports page's list, as a
 * record with the set's name, before the run starts; each record follows
 * its report (bytes received, saved file or error). Cancelling a record's
 * cancellable cancels that report only. */
void                   reports_set_run_records_attach (ReportsSetRun          *run,
                                                       ReportsDownloadHistory *history);
/* NULL when @run is not attached. */
ReportsDownloadRecord *reports_set_run_records_get    (ReportsSetRun          *run,
                                                       guint                   index);
/* The run failed as a whole (reports_set_run_start_finish ()): the
 * reports that did not finish failed with @error, or were cancelled
 * when @error is G_IO_ERROR_CANCELLED. */
void                   reports_set_run_records_fail   (ReportsSetRun          *run,
                                                       const GError           *error);

/* The set to run again one report of a set run that @record lists: the
 * set as saved now, with only the record's PBX and report. An error when
 * the set, its PBX or the report is gone. */
ReportsSet            *reports_set_run_records_dup_retry_set (ReportsDownloadRecord  *record,
                                                              GError                **error);

G_END_DECLS
