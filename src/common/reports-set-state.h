/* reports-set-state.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set-run.h"

G_BEGIN_DECLS

/* What a set's runs leave behind, for `set show` and for retention: the
* last run's time and result, and every file the set's runs saved (so
* that retention removes those and never another file). Kept in
* $XDG_STATE_HOME/call-reports/set-runs/NAME.json (~/.local/state/…). */
typedef struct
{
  char   *path;
  gint64  saved;   /* Unix time */
} ReportsSetStateFile;

typedef struct
{
  gint64     last_run;     /* Unix time; 0: never ran */
  gint64     scheduled;    /* Unix time the schedule was last turned on; 0: unknown */
  guint      n_saved;
  guint      n_failed;     /* not counting the cancelled */
  guint      n_cancelled;  /* the run was cancelled before these ended */
  char      *message;      /* the first failure's message, or NULL */
  GPtrArray *files;        /* ReportsSetStateFile */
} ReportsSetState;

ReportsSetState *reports_set_state_new     (void);
void             reports_set_state_free    (ReportsSetState *state);
/* An empty state when the set never ran or the file is unreadable. */
ReportsSetState *reports_set_state_load    (const char      *name);
gboolean         reports_set_state_save    (ReportsSetState *state,
                                            const char      *name,
                                            GError         **error);
gboolean         reports_set_state_delete  (const char      *name,
                                            GError         **error);
/* Where the set's state is kept (it may not exist). */
GFile           *reports_set_state_dup_file (const char     *name);
/* Records a finished run at @now: its counts (a report the run's
 * cancellation stopped counted apart, not failed), first failure and
 * files. */
void             reports_set_state_record  (ReportsSetState *state,
                                            ReportsSetRun   *run,
                                            GDateTime       *now);
/* Removes the files the set saved more than @keep_months months before
 * @now (and forgets those already gone); returns how many it removed.
 * Only files in the state, only regular files, never a folder. */
guint            reports_set_state_prune   (ReportsSetState *state,
                                            guint            keep_months,
                                            GDateTime       *now);

/* Loads the set's state, records @run at @now (or, with @run_error, a
 * run that failed as a whole: every report counted failed, that error's
 * message), applies the set's retention after a run without failures,
 * and saves it. */
gboolean         reports_set_state_record_run (ReportsSetRun *run,
                                               const GError  *run_error,
                                               GDateTime     *now,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsSetState, reports_set_state_free)

G_END_DECLS
