/* reports-set-run.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

/* At most this many downloads run at once on one PBX. */
#define REPORTS_SET_RUN_MAX_CONCURRENT 4

/**
 * ReportsSetResult:
 *
 * What became of one report of a run: on which PBX, the file saved (its
 * path and size), or the error. Filled in as the run goes.
 */
typedef struct
{
  char    *server;
  char    *client_id;
  char    *pbx_name;   /* the PBX's device name once connected, else NULL */
  char    *type;       /* API name */
  char    *period;     /* the period's label once the PBX clock is known, else its name */
  char    *path;       /* NULL until saved */
  guint64  bytes;
  GError  *error;      /* NULL unless it failed */
  gboolean done;
  /* While it downloads: the bytes received so far, and how many the file
   * has (-1 until the PBX says). */
  guint64  received;
  gint64   total;
} ReportsSetResult;

#define REPORTS_TYPE_SET_RUN (reports_set_run_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSetRun, reports_set_run, REPORTS, SET_RUN, GObject)

ReportsSetRun    *reports_set_run_new            (ReportsSet           *set);
ReportsSet       *reports_set_run_get_set        (ReportsSetRun        *self);
/* The Client Secret of a PBX of the set, found by the caller (keyring,
 * environment, file). A PBX without one fails its reports with
 * @missing_error, or a generic message. */
void              reports_set_run_set_secret     (ReportsSetRun        *self,
                                                  guint                 pbx_index,
                                                  const char           *secret);
void              reports_set_run_set_pbx_error  (ReportsSetRun        *self,
                                                  guint                 pbx_index,
                                                  const GError         *error);
/* Trusts another self-signed certificate than the one the set pins for
 * this PBX (the set's is used by default). */
void              reports_set_run_set_pinned_certificate (ReportsSetRun *self,
                                                          guint          pbx_index,
                                                          const char    *sha256);

/* One login per PBX, at most REPORTS_SET_RUN_MAX_CONCURRENT downloads at
 * once on each, every token revoked at the end. One report's failure
 * does not stop the others. Fails as a whole only when the output folder
 * cannot be used. "report-started" (guint index) is emitted as each
 * download begins, "report-progress" (guint index) as its bytes arrive
 * (ReportsSetResult.received and .total), "report-finished" (guint index)
 * as each result is filled in. */
void              reports_set_run_start_async    (ReportsSetRun        *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          reports_set_run_start_finish   (ReportsSetRun        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* One per PBX and report, PBX by PBX, in the set's order. */
guint             reports_set_run_get_n_results  (ReportsSetRun        *self);
const ReportsSetResult *reports_set_run_get_result (ReportsSetRun      *self,
                                                    guint               index);
guint             reports_set_run_get_n_failed   (ReportsSetRun        *self);
guint             reports_set_run_get_n_cancelled (ReportsSetRun       *self);
/* Cancels one report of the run, not the others: it fails with
 * G_IO_ERROR_CANCELLED, and its PBX's token is still revoked at the end. */
void              reports_set_run_cancel_report  (ReportsSetRun        *self,
                                                  guint                 index);
/* The report's request once its PBX's clock is known, else NULL. */
YeastarReportRequest *reports_set_run_get_request (ReportsSetRun      *self,
                                                   guint               index);
GCancellable     *reports_set_run_get_cancellable (ReportsSetRun       *self,
                                                   guint                index);

G_END_DECLS
