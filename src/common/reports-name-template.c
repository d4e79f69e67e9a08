/* reports-name-template.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "reports-name-template.h"
#include "yeastar-file-name.h"

/* How many "NAME (N)" variants are tried before giving up. */
#define MAX_NUMBER 9999

static const char * const placeholders[] = { "pbx", "host", "type", "period", "set", NULL };

gboolean
reports_name_template_check (const char  *name_template,
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  const char *p;

  if (name_template == NULL || name_template[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The file-name template is empty"));
      return FALSE;
    }

  if (!g_utf8_validate (name_template, -1, NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The file-name template is not valid UTF-8"));
      return FALSE;
    }

  if (name_template[0] == '/' || name_template[0] == '~')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The file-name template must be a relative path below the set’s folder"));
      return FALSE;
    }

  parts = g_strsplit (name_template, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "..") || g_str_equal (parts[i], "."))
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("The file-name template may not contain “.” or “..” folders"));
          return FALSE;
        }

      if (parts[i + 1] == NULL && parts[i][0] == '\0')
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("The file-name template must end with a file name"));
          return FALSE;
        }
    }

  for (p = strchr (name_template, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *close = strchr (p, '}');
      g_autofree char *name = NULL;

      if (close == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("The file-name template has a “{” without its “}”"));
          return FALSE;
        }

      name = g_strndup (p + 1, close - p - 1);
      if (!g_strv_contains (placeholders, name))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is the unknown placeholder; the list is not translated */
                       _("The file-name template has an unknown placeholder “{%s}”; "
                         "use {pbx}, {host}, {type}, {period} or {set}"), name);
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
lookup_value (const ReportsNameValues *values,
              const char              *name)
{
  if (g_str_equal (name, "pbx"))
    return values->pbx;
  if (g_str_equal (name, "host"))
    return values->host;
  if (g_str_equal (name, "type"))
    return values->type;
  if (g_str_equal (name, "period"))
    return values->period;
  if (g_str_equal (name, "set"))
    return values->set;

  return NULL;
}

/* A value never adds a folder: its separators become '_'. */
static void
append_value (GString    *out,
              const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    g_string_append_c (out, (*p == '/' || *p == '\\') ? '_' : *p);
}

/* A folder or file name as yeastar_file_name_sanitize() makes a
 * downloaded file's; NULL when nothing usable is left. */
static char *
sanitize_part (const char *part)
{
  g_autofree char *safe = NULL;

  safe = yeastar_file_name_sanitize (part);
  if (g_str_equal (safe, YEASTAR_FILE_NAME_FALLBACK) && !g_str_equal (part, YEASTAR_FILE_NAME_FALLBACK))
    return NULL;

  return g_steal_pointer (&safe);
}

char *
reports_name_template_expand (const char              *name_template,
                              const ReportsNameValues *values)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  const char *p;

  g_return_val_if_fail (name_template != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  for (p = name_template; *p != '\0'; p++)
    {
      const char *close;

      if (*p == '{' && (close = strchr (p, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);

          if (g_strv_contains (placeholders, name))
            {
              append_value (raw, lookup_value (values, name));
              p = close;
              continue;
            }
        }

      g_string_append_c (raw, *p == '\\' ? '_' : *p);
    }

  parts = g_strsplit (raw->str, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *safe = NULL;
      gboolean last = parts[i + 1] == NULL;

      safe = sanitize_part (parts[i]);
      if (safe == NULL && last)
        safe = g_strdup (YEASTAR_FILE_NAME_FALLBACK);
      if (safe == NULL)
        continue;

      if (out->len > 0)
        g_string_append_c (out, '/');
      g_string_append (out, safe);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

GFile *
reports_name_template_prepare (GFile       *folder,
                               const char  *relative,
                               GError     **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (relative != NULL, NULL);

  target = g_file_resolve_relative_path (folder, relative);
  parent = g_file_get_parent (target);
  if (!g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&target);
}

GFile *
reports_name_template_link (GFile   *source,
                            GFile   *target,
                            GError **error)
{
  g_autofree char *source_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (target), NULL);

  source_path = g_file_get_path (source);
  name = g_file_get_basename (target);
  parent = g_file_get_parent (target);

  for (guint number = 1; number <= MAX_NUMBER; number++)
    {
      g_autofree char *numbered = yeastar_file_name_with_number (name, number);
      g_autoptr(GFile) candidate = g_file_get_child (parent, numbered);
      g_autofree char *path = g_file_get_path (candidate);
      int saved_errno;

      /* link() never replaces a file: EEXIST says the name is taken. */
      if (link (source_path, path) == 0)
        {
          g_unlink (source_path);
          return g_steal_pointer (&candidate);
        }

      saved_errno = errno;
      if (saved_errno != EEXIST)
        {
          g_autofree char *display = g_file_get_parse_name (candidate);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Could not save “%s”: too many files of that name"), name);

  return NULL;
}
