/* reports-sets-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-store.h"
#include "reports-set-units.h"
#include "reports-sets-schedule.h"

static gboolean
in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
not_in_flatpak (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Schedules are not available in the Flatpak yet; run the set from "
                         "here, or schedule it with the command line outside the sandbox"));
  return FALSE;
}

gboolean
reports_sets_schedule_apply (ReportsSet             *set,
                             const ReportsSchedule  *schedule,
                             GError                **error)
{
  gboolean enable;

  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);

  enable = schedule != NULL && schedule->kind != REPORTS_SCHEDULE_NONE;
  if (enable && in_flatpak ())
    return not_in_flatpak (error);

  reports_set_set_schedule (set, enable ? schedule : NULL);
  if (!reports_set_store_save (set, TRUE, error))
    return FALSE;

  if (in_flatpak ())
    return TRUE;

  if (enable)
    return reports_set_units_install (set, error);

  return reports_sets_schedule_remove (reports_set_get_name (set), error);
}

gboolean
reports_sets_schedule_is_enabled (const char *set_name)
{
  g_return_val_if_fail (set_name != NULL, FALSE);

  if (in_flatpak ())
    return FALSE;

  return reports_set_units_are_installed (set_name);
}

gboolean
reports_sets_schedule_rename (const char  *old_name,
                              ReportsSet  *set,
                              GError     **error)
{
  g_return_val_if_fail (old_name != NULL, FALSE);
  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);

  if (!reports_sets_schedule_is_enabled (old_name))
    return TRUE;

  if (!reports_sets_schedule_remove (old_name, error))
    return FALSE;

  return reports_set_units_install (set, error);
}

gboolean
reports_sets_schedule_remove (const char  *set_name,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (set_name != NULL, FALSE);

  if (in_flatpak ())
    return TRUE;

  /* The units are gone even when only systemctl failed: nothing runs it. */
  if (!reports_set_units_remove (set_name, &local_error) && reports_set_units_are_installed (set_name))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
