/* reports-cli-set-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-background.h"
#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-cli-set.h"
#include "reports-cli-set-private.h"
#include "reports-set-schedule.h"
#include "reports-set-store.h"
#include "reports-set-units.h"

/*
 * `call-reports set schedule NAME --daily HH:MM | --weekly DAY HH:MM |
 * --monthly N HH:MM` and `set unschedule NAME`: the schedule is saved in
 * the set, and a systemd user timer runs `call-reports run NAME` (see
 * reports-set-units.h). The arguments are read by hand: GOptionContext
 * has no option of two values.
 */

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "--help-all");
}

static void
print_schedule_help (void)
{
  /* The options as GOptionContext prints them, for the shell completions. */
  g_print ("%s\n  call-reports set schedule %s\n\n%s\n\n%s\n  %-28s %s\n  %-28s %s\n  %-28s %s\n\n%s\n\n%s\n",
           _("Usage:"),
           _("NAME --daily HH:MM | --weekly DAY HH:MM | --monthly N HH:MM"),
           _("Runs the set by itself, in this computer’s local time: every day, every week on "
             "DAY (mon … sun), or every month on day N (1 to 28). A systemd user timer runs "
             "`call-reports run NAME`; a run missed while the computer was off happens at "
             "the next start, once. The Client Secrets come from the keyring."),
           _("Options:"),
           "--daily HH:MM", _("Every day at HH:MM"),
           "--weekly DAY HH:MM", _("Every week on DAY (mon … sun) at HH:MM"),
           "--monthly N HH:MM", _("Every month on day N (1 to 28) at HH:MM"),
           _("Inside Flatpak the app runs the set itself instead, in the background and "
             "from the next login on, as the Background portal allows it."),
           reports_cli_get_exit_status_help ());
}

/* Inside Flatpak: the Background portal and the app's own scheduler
 * (reports-set-schedule.h) instead of systemd units. */
static int
enable_in_sandbox (ReportsSet            *set,
                   const ReportsSchedule *schedule)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  reports_set_schedule_enable_async (set, schedule, NULL, reports_cli_store_result, &result);
  reports_cli_wait (&result);
  if (!reports_set_schedule_enable_finish (result, &error))
    {
      g_printerr ("call-reports: %s\n", error->message);
      return REPORTS_EXIT_FAILURE;
    }

  if (schedule != NULL)
    {
      g_autofree char *description = reports_schedule_describe (schedule);

      g_print ("%s\n", description);
    }

  return REPORTS_EXIT_OK;
}

int
reports_cli_set_schedule_run (int    argc,
                              char **argv)
{
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  ReportsSchedule schedule = { 0, };
  const char *time = NULL;
  int status = REPORTS_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      if (is_help (argv[i]))
        {
          print_schedule_help ();
          return REPORTS_EXIT_OK;
        }
    }

  if (argc == 4 && g_str_equal (argv[2], "--daily"))
    {
      schedule.kind = REPORTS_SCHEDULE_DAILY;
      time = argv[3];
    }
  else if (argc == 5 && g_str_equal (argv[2], "--weekly"))
    {
      schedule.kind = REPORTS_SCHEDULE_WEEKLY;
      if (!reports_schedule_parse_weekday (argv[3], &schedule.weekday, &error))
        return reports_cli_set_usage ("--weekly: %s", error->message);
      time = argv[4];
    }
  else if (argc == 5 && g_str_equal (argv[2], "--monthly"))
    {
      schedule.kind = REPORTS_SCHEDULE_MONTHLY;
      if (!reports_schedule_parse_day (argv[3], &schedule.day, &error))
        return reports_cli_set_usage ("--monthly: %s", error->message);
      time = argv[4];
    }
  else
    return reports_cli_set_usage (_("give NAME and one of --daily HH:MM, --weekly DAY HH:MM "
                                    "or --monthly N HH:MM"));

  if (!reports_schedule_parse_time (time, &schedule.hour, &schedule.minute, &error))
    return reports_cli_set_usage ("%s: %s", argv[2], error->message);

  set = reports_cli_set_load (argv[1], &status);
  if (set == NULL)
    return status;

  if (reports_background_is_sandboxed ())
    return enable_in_sandbox (set, &schedule);

  reports_set_set_schedule (set, &schedule);
  if (!reports_set_store_save (set, TRUE, &error))
    return reports_cli_set_fail (error);
  reports_set_schedule_mark_enabled (reports_set_get_name (set));

  if (!reports_set_units_install (set, &error))
    {
      g_autoptr(GFile) folder = reports_set_units_dup_folder ();
      g_autofree char *path = g_file_get_path (folder);

      /* Translators: the folder of the systemd units, then why systemctl failed */
      g_printerr (_("call-reports: the schedule is saved and its units are in %s, but the "
                    "timer is not enabled: %s\n"), path, error->message);
      return REPORTS_EXIT_FAILURE;
    }

  description = reports_schedule_describe (&schedule);
  g_print ("%s\n", description);

  return REPORTS_EXIT_OK;
}

int
reports_cli_set_unschedule_run (int    argc,
                                char **argv)
{
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  int status = REPORTS_EXIT_OK;

  if (argc == 2 && is_help (argv[1]))
    {
      g_print ("%s\n  call-reports set unschedule %s\n\n%s\n\n%s\n",
               _("Usage:"), _("NAME"),
               _("Disables and removes the set’s systemd user timer; the set stays."),
               reports_cli_get_exit_status_help ());
      return REPORTS_EXIT_OK;
    }

  if (argc != 2)
    return reports_cli_set_usage (_("give the NAME of the set"));

  set = reports_cli_set_load (argv[1], &status);
  if (set == NULL)
    return status;

  if (reports_background_is_sandboxed ())
    return enable_in_sandbox (set, NULL);

  reports_set_set_schedule (set, NULL);
  if (!reports_set_store_save (set, TRUE, &error))
    return reports_cli_set_fail (error);

  if (!reports_set_units_remove (argv[1], &error))
    {
      /* The units are gone; only the user manager could not be told. */
      if (!reports_set_units_are_installed (argv[1]))
        {
          g_printerr (_("call-reports: warning: %s\n"), error->message);
          return REPORTS_EXIT_OK;
        }

      return reports_cli_set_fail (error);
    }

  return REPORTS_EXIT_OK;
}
