/* reports-set-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-background.h"
#include "reports-set-schedule.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-set-units.h"

gboolean
reports_set_schedule_any (void)
{
  g_auto(GStrv) names = reports_set_store_list (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(ReportsSet) set = reports_set_store_load (names[i], NULL);

      if (set != NULL && reports_set_get_schedule (set)->kind != REPORTS_SCHEDULE_NONE)
        return TRUE;
    }

  return FALSE;
}

void
reports_set_schedule_mark_enabled (const char *name)
{
  g_autoptr(ReportsSetState) state = reports_set_state_load (name);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  state->scheduled = g_date_time_to_unix (now);
  if (!reports_set_state_save (state, name, &error))
    g_warning ("When the schedule of “%s” began could not be kept: %s", name, error->message);
}

static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!reports_background_request_finish (result, &error))
    {
      g_autofree char *message = g_strdup (error->message);

      g_clear_error (&error);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s says why the Background portal refused */
                   _("The schedule is saved, but it runs only while Call Reports is open: %s"),
                   message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
reports_set_schedule_enable_async (ReportsSet            *set,
                                   const ReportsSchedule *schedule,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enable;
  const char *name;

  g_return_if_fail (REPORTS_IS_SET (set));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (set, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_set_schedule_enable_async);

  enable = schedule != NULL && schedule->kind != REPORTS_SCHEDULE_NONE;
  name = reports_set_get_name (set);
  reports_set_set_schedule (set, enable ? schedule : NULL);

  if (!reports_set_store_save (set, TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (enable)
    reports_set_schedule_mark_enabled (name);

  if (reports_background_is_sandboxed ())
    {
      reports_background_request_async (reports_set_schedule_any (), cancellable,
                                        on_background_requested, g_steal_pointer (&task));
      return;
    }

  if (enable ? !reports_set_units_install (set, &error) : !reports_set_units_remove (name, &error))
    {
      /* Units removed, only the user manager not told: done. */
      if (!enable && !reports_set_units_are_installed (name))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

gboolean
reports_set_schedule_enable_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
