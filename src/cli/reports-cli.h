/* reports-cli.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* Exit statuses of the command line, shared by every subcommand. */
typedef enum
{
  REPORTS_EXIT_OK          = 0,
  REPORTS_EXIT_FAILURE     = 1,
  REPORTS_EXIT_USAGE       = 2,
  REPORTS_EXIT_AUTH        = 3,
  REPORTS_EXIT_REJECTED    = 4,
  REPORTS_EXIT_NETWORK     = 5,
  REPORTS_EXIT_FILE_SYSTEM = 6,
} ReportsExitStatus;

/* A headless subcommand: `call-reports NAME [OPTION…]`. argv[0] is the
 * subcommand's name. */
typedef struct
{
  const char *name;
  const char *summary; /* N_() */
  int       (*run)(int    argc,
                   char **argv);
} ReportsCliCommand;

gboolean                  reports_cli_is_command     (int          argc,
                                                      char       **argv);
int                       reports_cli_run            (int          argc,
                                                      char       **argv);
const ReportsCliCommand  *reports_cli_get_commands   (guint       *n_commands);
/* The exit statuses, translated, for the --help of the application and of
 * each command. */
const char               *reports_cli_get_exit_status_help (void);
/* The commands and the exit statuses, translated, for the application's
 * --help (main.c hands it to the window's application). */
char                     *reports_cli_dup_help_description (void);
/* The long option of a report parameter, without "--": the API name with
 * '-' for '_' ("ext-id-list"), and "async" for is_async. */
char                     *reports_cli_dup_param_option (YeastarParam param);

G_END_DECLS
