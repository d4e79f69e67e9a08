/* reports-display-path.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-display-path.h"

/* How the windows show a folder or a file of the computer: as UTF-8
 * (g_filename_display_name()), with the home folder as "~", the way
 * GNOME's Files and file chooser write it ("~/Reports/Main Office"). A
 * path outside the home folder is shown whole. */

/**
 * reports_display_path:
 * @path: an absolute path in the file system's encoding
 *
 * Returns: (transfer full): @path to show, with a leading home folder
 *   written "~"
 */
char *
reports_display_path (const char *path)
{
  g_autofree char *home = NULL;
  g_autofree char *display = NULL;
  gsize home_len;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  home = g_filename_display_name (g_get_home_dir ());

  /* "/" as the home folder (some service accounts) shortens nothing. */
  while (strlen (home) > 1 && g_str_has_suffix (home, "/"))
    home[strlen (home) - 1] = '\0';
  home_len = strlen (home);
  if (home_len <= 1 || strncmp (display, home, home_len) != 0)
    return g_steal_pointer (&display);

  if (display[home_len] == '\0')
    return g_strdup ("~");
  if (display[home_len] == '/')
    return g_strconcat ("~", display + home_len, NULL);

  /* "/home/ann2" is not in "/home/ann". */
  return g_steal_pointer (&display);
}

/**
 * reports_display_path_file:
 * @file: a file
 *
 * Returns: (transfer full): reports_display_path() of @file's path, or
 *   its parse name when it has none (a URI)
 */
char *
reports_display_path_file (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_get_parse_name (file);

  return reports_display_path (path);
}
