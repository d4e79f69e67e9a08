/* reports-set-deletion.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-background.h"
#include "reports-set-deletion.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-set-units.h"

/*
 * A set is deleted at once, as GNOME apps delete, and the window offers
 * Undo for a while: the set file and its state (its last runs, the files
 * retention may remove, when its schedule was turned on) are kept here as
 * they were on disk, so that Undo gives back exactly the same files.
 */

struct _ReportsSetDeletion
{
  char     *name;
  GBytes   *set_data;
  GBytes   *state_data;   /* NULL: the set had no state */
  gboolean  had_timer;
};

static GBytes *
load_bytes (GFile   *file,
            GError **error)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

ReportsSetDeletion *
reports_set_deletion_new (const char  *name,
                          GError     **error)
{
  g_autoptr(ReportsSetDeletion) self = NULL;
  g_autoptr(GFile) set_file = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (!reports_set_check_name (name, error))
    return NULL;

  self = g_new0 (ReportsSetDeletion, 1);
  self->name = g_strdup (name);

  set_file = reports_set_store_dup_file (name);
  self->set_data = load_bytes (set_file, error);
  if (self->set_data == NULL)
    return NULL;

  state_file = reports_set_state_dup_file (name);
  self->state_data = load_bytes (state_file, &local_error);
  if (self->state_data == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  self->had_timer = !reports_background_is_sandboxed () && reports_set_units_are_installed (name);

  /* What runs it first: a timer that cannot be removed leaves the set. */
  if (self->had_timer && !reports_set_units_remove (name, &local_error) && reports_set_units_are_installed (name))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  if (!reports_set_store_delete (name, error))
    {
      if (self->had_timer)
        {
          g_autoptr(ReportsSet) set = reports_set_store_load (name, NULL);

          if (set != NULL)
            reports_set_units_install (set, NULL);
        }
      return NULL;
    }

  /* Its history goes too; the files it saved stay. A state that cannot
   * be removed is only shown by `set show` of a new set of that name. */
  if (!reports_set_state_delete (name, &local_error))
    g_warning ("Could not delete the run history of “%s”: %s", name, local_error->message);

  return g_steal_pointer (&self);
}

const char *
reports_set_deletion_get_name (ReportsSetDeletion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

static gboolean
write_new (GFile   *file,
           GBytes  *bytes,
           GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written;

  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Never over a file made meanwhile. */
  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;

  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), &written, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

gboolean
reports_set_deletion_undo (ReportsSetDeletion  *self,
                           GError             **error)
{
  g_autoptr(GFile) set_file = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  set_file = reports_set_store_dup_file (self->name);
  if (!write_new (set_file, self->set_data, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("A set named “%s” exists already"), self->name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A state left by a run of another set of that name meanwhile is kept. */
  state_file = reports_set_state_dup_file (self->name);
  if (self->state_data != NULL && !write_new (state_file, self->state_data, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!self->had_timer)
    return TRUE;

  set = reports_set_store_load (self->name, error);
  return set != NULL && reports_set_units_install (set, error);
}

void
reports_set_deletion_free (ReportsSetDeletion *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_clear_pointer (&self->set_data, g_bytes_unref);
  g_clear_pointer (&self->state_data, g_bytes_unref);
  g_free (self);
}
