/* reports-cli.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cli.h"
#include "reports-cli-download.h"
#include "reports-cli-info.h"
#include "reports-cli-options.h"
#include "reports-cli-run.h"
#include "reports-cli-set.h"
#include "reports-cli-show.h"
#include "reports-cli-types.h"

/* Every subcommand, in the order `--help` lists them. A new subcommand is
 * one row here and one reports-cli-NAME.c file. */
static const ReportsCliCommand commands[] = {
  { "download", N_("Download one call report"), reports_cli_download_run },
  { "types", N_("List the report types and the parameters each takes"), reports_cli_types_run },
  { "options", N_("List the IDs and names of a PBX menu (extensions, queues…)"), reports_cli_options_run },
  { "info", N_("Show the PBX’s model, firmware, date format, clock and API version"), reports_cli_info_run },
  { "set", N_("Create, list, show, schedule, export and import report sets"), reports_cli_set_run },
  { "run", N_("Download every report of a report set"), reports_cli_run_run },
  { "show", N_("Show a downloaded report file as a table, or as JSON"), reports_cli_show_run },
};

const char *
reports_cli_get_exit_status_help (void)
{
  return _("Exit status:\n"
           "  0  success\n"
           "  2  usage or validation error (the message names the option); nothing was sent\n"
           "  3  authentication or permission refused by the PBX\n"
           "  4  the PBX rejected the request (its errcode and each invalid field are shown)\n"
           "  5  network or TLS error\n"
           "  6  file system error (the output folder or the file)");
}

const ReportsCliCommand *
reports_cli_get_commands (guint *n_commands)
{
  g_return_val_if_fail (n_commands != NULL, NULL);

  *n_commands = G_N_ELEMENTS (commands);

  return commands;
}

char *
reports_cli_dup_help_description (void)
{
  GString *str = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (str, "\n  %-10s %s", commands[i].name, _(commands[i].summary));

  g_string_append_printf (str, "\n\n%s",
                          _("Without a command the window opens. "
                            "Run “call-reports COMMAND --help” for a command’s options."));
  g_string_append_printf (str, "\n\n%s", reports_cli_get_exit_status_help ());

  return g_string_free (str, FALSE);
}

char *
reports_cli_dup_param_option (YeastarParam param)
{
  g_return_val_if_fail (param < YEASTAR_N_PARAMS, NULL);

  if (param == YEASTAR_PARAM_IS_ASYNC)
    return g_strdup ("async");

  return g_strdelimit (g_strdup (yeastar_param_get_api_name (param)), "_", '-');
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
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (reports_cli_is_command (argc, argv), REPORTS_EXIT_USAGE);

  command = lookup_command (argv[1]);
  /* GOptionContext's "Usage:" line shows the command too. */
  prgname = g_strdup_printf ("call-reports %s", command->name);
  g_set_prgname (prgname);

  return command->run (argc - 1, argv + 1);
}
