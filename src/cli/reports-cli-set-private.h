/* reports-cli-set-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "reports-set.h"

G_BEGIN_DECLS

/* What `set`, `set schedule` and `run` share, all three in the network
 * module: not in reports-cli-set.h, whose functions the executable calls
 * through stubs (reports_cli_set_usage() is variadic and could not have
 * one). */

/* The subcommands, in the order `set --help` lists them (for the shell
 * completions): the name, and its summary through @summary (N_()). NULL
 * past the last. */
const char *reports_cli_set_get_subcommand (guint         index,
                                            const char  **summary);

/* For the subcommands in other files (reports-cli-set-schedule.c). */
int   reports_cli_set_schedule_run   (int          argc,
                                      char       **argv);
int   reports_cli_set_unschedule_run (int          argc,
                                      char       **argv);
/* Loads the set NAME for a subcommand; on failure prints why and sets
 * *status. */
ReportsSet *reports_cli_set_load   (const char  *name,
                                    int         *status);
/* Prints "call-reports: MESSAGE" and returns the exit status. */
int   reports_cli_set_fail         (const GError *error);
/* Prints a usage error naming the subcommand's --help. */
int   reports_cli_set_usage        (const char   *format,
                                    ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
