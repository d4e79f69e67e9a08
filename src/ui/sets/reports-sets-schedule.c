/* reports-sets-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-background.h"
#include "reports-set-store.h"
#include "reports-set-units.h"
#include "reports-sets-schedule.h"

/* Inside Flatpak (or with CALL_REPORTS_SCHEDULER=portal) the running
 * app's in-app scheduler runs every set of the store that has a schedule
 * (reports-scheduler.c), once the Background portal let it run in the
 * background: nothing besides the set itself is to install, move or
 * remove. Turning a schedule on or off is reports_set_schedule_enable_async()
 * in both cases. */

gboolean
reports_sets_schedule_is_enabled (const char *set_name)
{
  g_return_val_if_fail (set_name != NULL, FALSE);

  if (reports_background_is_sandboxed ())
    {
      g_autoptr(ReportsSet) set = reports_set_store_load (set_name, NULL);

      return set != NULL && reports_set_get_schedule (set)->kind != REPORTS_SCHEDULE_NONE;
    }

  return reports_set_units_are_installed (set_name);
}

gboolean
reports_sets_schedule_rename (const char  *old_name,
                              ReportsSet  *set,
                              GError     **error)
{
  g_return_val_if_fail (old_name != NULL, FALSE);
  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);

  /* In Flatpak the renamed set in the store is all the scheduler reads. */
  if (reports_background_is_sandboxed () || !reports_sets_schedule_is_enabled (old_name))
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

  if (reports_background_is_sandboxed ())
    return TRUE;

  /* The units are gone even when only systemctl failed: nothing runs it. */
  if (!reports_set_units_remove (set_name, &local_error) && reports_set_units_are_installed (set_name))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
