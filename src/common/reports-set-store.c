/* reports-set-store.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-set-store.h"

/* A set file larger than this is not a set. */
#define MAX_SET_FILE_SIZE (1024 * 1024)

#define SET_SUFFIX ".json"

GFile *
reports_set_store_dup_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "call-reports", "sets", NULL);
}

GFile *
reports_set_store_dup_file (const char *name)
{
  g_autoptr(GFile) folder = reports_set_store_dup_folder ();
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (reports_set_check_name (name, NULL), NULL);

  file_name = g_strconcat (name, SET_SUFFIX, NULL);

  return g_file_get_child (folder, file_name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

GStrv
reports_set_store_list (GError **error)
{
  g_autoptr(GFile) folder = reports_set_store_dup_folder ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while (enumerator != NULL)
    {
      GFileInfo *info = g_file_enumerator_next_file (enumerator, NULL, error);
      const char *file_name;

      if (info == NULL)
        break;

      file_name = g_file_info_get_name (info);
      if (g_str_has_suffix (file_name, SET_SUFFIX))
        {
          g_autofree char *name = g_strndup (file_name, strlen (file_name) - strlen (SET_SUFFIX));

          if (reports_set_check_name (name, NULL))
            g_ptr_array_add (names, g_steal_pointer (&name));
        }

      g_object_unref (info);
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

ReportsSet *
reports_set_load_file (GFile   *file,
                       GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_SET_FILE_SIZE)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a report set file"), display);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return reports_set_new_from_data (contents, length, error);
}

gboolean
reports_set_save_file (ReportsSet  *set,
                       GFile       *file,
                       gboolean     replace,
                       GError     **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!replace && g_file_query_exists (file, NULL))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already"), display);
      return FALSE;
    }

  /* g_file_replace_contents() writes a temporary file and renames it. */
  data = reports_set_to_data (set, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

ReportsSet *
reports_set_store_load (const char  *name,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ReportsSet) set = NULL;

  if (!reports_set_check_name (name, error))
    return NULL;

  file = reports_set_store_dup_file (name);
  set = reports_set_load_file (file, &local_error);
  if (set == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no set named “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The file name is the set's name, whatever the file says. */
  reports_set_set_name (set, name);

  return g_steal_pointer (&set);
}

gboolean
reports_set_store_save (ReportsSet  *set,
                        gboolean     replace,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);

  if (!reports_set_check_name (reports_set_get_name (set), error))
    return FALSE;

  file = reports_set_store_dup_file (reports_set_get_name (set));
  if (!reports_set_save_file (set, file, replace, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("A set named “%s” exists already"), reports_set_get_name (set));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
reports_set_store_delete (const char  *name,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!reports_set_check_name (name, error))
    return FALSE;

  file = reports_set_store_dup_file (name);
  if (!g_file_delete (file, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no set named “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
