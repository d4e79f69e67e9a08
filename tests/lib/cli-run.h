/* cli-run.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One run of the call-reports binary that $CALL_REPORTS_BINARY names. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

typedef enum
{
  CLI_RUN_DEFAULT = 0,
  /* Take the output as bytes: do not require it to be UTF-8. */
  CLI_RUN_BYTES   = 1 << 0,
  /* The binary may be killed: its status is then -1. */
  CLI_RUN_MAY_DIE = 1 << 1,
} CliRunFlags;

void                 cli_run_clear        (CliRun              *run);

/* A launcher whose children see @secret (or, when NULL, no secret) in
 * CALL_REPORTS_CLIENT_SECRET, and no session bus, so that no test but
 * the keyring one reaches a real Secret Service. */
GSubprocessLauncher *cli_run_new_launcher (const char          *secret);

/* Starts the binary with @args (NULL-terminated, without the binary)
 * from @launcher. */
GSubprocess         *cli_run_start        (GSubprocessLauncher *launcher,
                                           const char * const  *args);

/* Waits for @process, iterating the thread-default main context meanwhile
 * (it may serve a simulator), and fills @run. The binary must exit, not
 * die, unless @flags has CLI_RUN_MAY_DIE. */
void                 cli_run_finish       (CliRun              *run,
                                           GSubprocess         *process,
                                           CliRunFlags          flags);

/* cli_run_start() and cli_run_finish(). */
void                 cli_run_spawn        (CliRun              *run,
                                           GSubprocessLauncher *launcher,
                                           const char * const  *args,
                                           CliRunFlags          flags);

/* Neither output of @run holds @secret or any of @tokens. */
void                 cli_run_assert_no_secrets (const CliRun        *run,
                                                const char          *secret,
                                                const char * const  *tokens);

/* Removes @path and everything below it, as far as it can. */
void                 cli_run_remove_tree  (const char          *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

G_END_DECLS
