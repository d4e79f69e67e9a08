/* reports-set-state.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "reports-set-state.h"

static void
state_file_free (ReportsSetStateFile *file)
{
  g_free (file->path);
  g_free (file);
}

ReportsSetState *
reports_set_state_new (void)
{
  ReportsSetState *state = g_new0 (ReportsSetState, 1);

  state->files = g_ptr_array_new_with_free_func ((GDestroyNotify) state_file_free);

  return state;
}

void
reports_set_state_free (ReportsSetState *state)
{
  if (state == NULL)
    return;

  g_free (state->message);
  g_ptr_array_unref (state->files);
  g_free (state);
}

static char *
dup_state_path (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".json", NULL);

  /* A folder of its own, so that a state never lands on a set file even
   * when XDG_STATE_HOME and XDG_DATA_HOME are the same folder. */
  return g_build_filename (g_get_user_state_dir (), "call-reports", "set-runs", file_name, NULL);
}

GFile *
reports_set_state_dup_file (const char *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = dup_state_path (name);
  return g_file_new_for_path (path);
}

gboolean
reports_set_state_delete (const char  *name,
                          GError     **error)
{
  g_autofree char *path = dup_state_path (name);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

void
reports_set_state_record (ReportsSetState *state,
                          ReportsSetRun   *run,
                          GDateTime       *now)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (REPORTS_IS_SET_RUN (run));
  g_return_if_fail (now != NULL);

  state->last_run = g_date_time_to_unix (now);
  state->n_saved = 0;
  state->n_failed = 0;
  state->n_cancelled = 0;
  g_clear_pointer (&state->message, g_free);

  for (guint i = 0; i < reports_set_run_get_n_results (run); i++)
    {
      const ReportsSetResult *result = reports_set_run_get_result (run, i);

      if (result->path != NULL)
        {
          ReportsSetStateFile *file = g_new0 (ReportsSetStateFile, 1);

          file->path = g_strdup (result->path);
          file->saved = state->last_run;
          g_ptr_array_add (state->files, file);
          state->n_saved++;
        }
      else if (g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        state->n_cancelled++;
      else if (result->error != NULL)
        {
          if (state->message == NULL)
            state->message = g_strdup (result->error->message);
          state->n_failed++;
        }
    }
}

guint
reports_set_state_prune (ReportsSetState *state,
                         guint            keep_months,
                         GDateTime       *now)
{
  g_autoptr(GDateTime) limit = NULL;
  gint64 limit_unix;
  guint removed = 0;

  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  if (keep_months == 0)
    return 0;

  limit = g_date_time_add_months (now, -(int) keep_months);
  limit_unix = g_date_time_to_unix (limit);

  for (guint i = state->files->len; i > 0; i--)
    {
      ReportsSetStateFile *file = g_ptr_array_index (state->files, i - 1);
      GStatBuf st;

      if (g_lstat (file->path, &st) != 0)
        {
          /* Gone already (moved or removed by hand): forget it. */
          g_ptr_array_remove_index (state->files, i - 1);
          continue;
        }

      if (file->saved >= limit_unix || !S_ISREG (st.st_mode))
        continue;

      if (g_unlink (file->path) == 0)
        {
          removed++;
          g_ptr_array_remove_index (state->files, i - 1);
        }
    }

  return removed;
}

gboolean
reports_set_state_record_run (ReportsSetRun  *run,
                              const GError   *run_error,
                              GDateTime      *now,
                              GError        **error)
{
  ReportsSet *set;
  g_autoptr(ReportsSetState) state = NULL;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (run), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  set = reports_set_run_get_set (run);
  state = reports_set_state_load (reports_set_get_name (set));

  if (run_error != NULL)
    {
      state->last_run = g_date_time_to_unix (now);
      state->n_saved = 0;
      state->n_cancelled = 0;
      state->n_failed = reports_set_run_get_n_results (run);
      g_free (state->message);
      state->message = g_strdup (run_error->message);
    }
  else
    {
      reports_set_state_record (state, run, now);

      if (reports_set_run_get_n_failed (run) == 0 && reports_set_get_keep_months (set) > 0)
        reports_set_state_prune (state, reports_set_get_keep_months (set), now);
    }

  return reports_set_state_save (state, reports_set_get_name (set), error);
}
