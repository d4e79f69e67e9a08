/* reports-cli.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cli.h"
#include "reports-cli-types.h"

/* Every subcommand, in the order `--help` lists them. A new subcommand is
 * one row here and one reports-cli-NAME.c file. */
static const ReportsCliCommand commands[] = {
  { "types", N_("List the report types and the parameters each takes"), reports_cli_types_run },
};

const ReportsCliCommand *
reports_cli_get_commands (guint *n_commands)
{
  g_return_val_if_fail (n_commands != NULL, NULL);

  *n_commands = G_N_ELEMENTS (commands);

  return commands;
}

static const ReportsCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

gboolean
reports_cli_is_command (int    argc,
                        char **argv)
{
  return argc > 1 && lookup_command (argv[1]) != NULL;
}

int
reports_cli_run (int    argc,
                 char **argv)
{
  const ReportsCliCommand *command;

  g_return_val_if_fail (reports_cli_is_command (argc, argv), REPORTS_EXIT_USAGE);

  command = lookup_command (argv[1]);
  g_set_prgname ("call-reports");

  return command->run (argc - 1, argv + 1);
}
