/* main.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "reports-application.h"
#include "reports-cli.h"
#include "reports-download-history.h"
#include "reports-log.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReportsApplication) app = NULL;
  g_autofree char *help_description = NULL;

  /* stdout is the command line's result: every log level to stderr. */
  reports_log_init ();

  setlocale (LC_ALL, "");
#if DEVELOPMENT_BUILD
  {
    /* build-aux/run.sh points development builds at the catalogues
     * compiled into the build tree (build/po/LANG/LC_MESSAGES). */
    const char *localedir = g_getenv ("CALL_REPORTS_LOCALEDIR");

    bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  }
#else
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands (`call-reports download …`) run headless: they must work
   * from cron with no display, so they never initialise GTK. */
  if (reports_cli_is_command (argc, argv))
    {
      int status = reports_cli_run (argc, argv);

      /* Whatever a command left in the Reports page's list is written. */
      reports_download_history_flush_default ();
      return status;
    }

  help_description = reports_cli_dup_help_description ();
  app = reports_application_new (help_description);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
