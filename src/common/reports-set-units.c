/* reports-set-units.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-set-units.h"

#define UNIT_PREFIX "call-reports-set-"

char *
reports_set_units_dup_name (const char *set_name)
{
  GString *name = g_string_new (UNIT_PREFIX);

  g_return_val_if_fail (set_name != NULL, NULL);

  /* As systemd-escape: [A-Za-z0-9:_.] stay (a leading '.' does not),
   * every other byte becomes \xHH. */
  for (const char *p = set_name; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == ':' || c == '_' || (c == '.' && p != set_name))
        g_string_append_c (name, (char) c);
      else
        g_string_append_printf (name, "\\x%02x", c);
    }

  return g_string_free (name, FALSE);
}

GFile *
reports_set_units_dup_folder (void)
{
  return g_file_new_build_filename (g_get_user_config_dir (), "systemd", "user", NULL);
}

/* Text in a unit file: '%' starts a specifier. */
static void
append_unit_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append (out, "%%");
      else
        g_string_append_c (out, *p);
    }
}

/* One word of an ExecStart= line, quoted: '\' and '"' escaped, '%' and
 * '$' doubled (specifiers and environment variables). */
static void
append_exec_word (GString    *out,
                  const char *word)
{
  g_string_append_c (out, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '"':  g_string_append (out, "\\\""); break;
        case '%':  g_string_append (out, "%%"); break;
        case '$':  g_string_append (out, "$$"); break;
        default:   g_string_append_c (out, *p); break;
        }
    }
  g_string_append_c (out, '"');
}

char *
reports_set_units_dup_timer (ReportsSet *set)
{
  g_autofree char *calendar = NULL;
  GString *out;

  g_return_val_if_fail (REPORTS_IS_SET (set), NULL);

  calendar = reports_schedule_to_calendar (reports_set_get_schedule (set));
  g_return_val_if_fail (calendar != NULL, NULL);

  out = g_string_new ("# Written by call-reports set schedule; removed by set unschedule.\n"
                      "[Unit]\nDescription=Call Reports: schedule of the report set ");
  append_unit_text (out, reports_set_get_name (set));
  g_string_append_printf (out,
                          "\n\n[Timer]\nOnCalendar=%s\n"
                          "# A run missed while the computer was off happens at the next start.\n"
                          "Persistent=true\n\n"
                          "[Install]\nWantedBy=timers.target\n",
                          calendar);

  return g_string_free (out, FALSE);
}

char *
reports_set_units_dup_service (ReportsSet *set,
                               const char *binary)
{
  GString *out;

  g_return_val_if_fail (REPORTS_IS_SET (set), NULL);
  g_return_val_if_fail (binary != NULL, NULL);

  out = g_string_new ("# Written by call-reports set schedule; removed by set unschedule.\n"
                      "[Unit]\nDescription=Call Reports: run the report set ");
  append_unit_text (out, reports_set_get_name (set));
  g_string_append (out, "\n\n[Service]\nType=oneshot\nExecStart=");
  append_exec_word (out, binary);
  g_string_append (out, " run --quiet --notify ");
  append_exec_word (out, reports_set_get_name (set));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

char *
reports_set_units_dup_binary (GError **error)
{
  g_autofree char *path = g_file_read_link ("/proc/self/exe", error);

  return g_steal_pointer (&path);
}

static gboolean
systemctl (GError **error,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;
  const char *program = g_getenv ("CALL_REPORTS_SYSTEMCTL");
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) (program != NULL && program[0] != '\0' ? program : "systemctl"));
  g_ptr_array_add (argv, (gpointer) "--user");
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL)
    return FALSE;

  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, error))
    return FALSE;

  if (!g_subprocess_get_successful (process))
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) argv->pdata + 1);

      g_strstrip (err);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: a systemctl command line and what it said */
                   _("“systemctl %s” failed (is there a systemd user manager in this session?): %s"),
                   joined, err[0] != '\0' ? err : _("no reason given"));
      return FALSE;
    }

  return TRUE;
}

static GFile *
dup_unit_file (const char *set_name,
               const char *suffix)
{
  g_autoptr(GFile) folder = reports_set_units_dup_folder ();
  g_autofree char *name = reports_set_units_dup_name (set_name);
  g_autofree char *file_name = g_strconcat (name, suffix, NULL);

  return g_file_get_child (folder, file_name);
}

gboolean
reports_set_units_are_installed (const char *set_name)
{
  g_autoptr(GFile) timer = dup_unit_file (set_name, ".timer");

  return g_file_query_exists (timer, NULL);
}

gboolean
reports_set_units_install (ReportsSet  *set,
                           GError     **error)
{
  g_autoptr(GFile) folder = reports_set_units_dup_folder ();
  g_autoptr(GFile) timer_file = NULL;
  g_autoptr(GFile) service_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *timer = NULL;
  g_autofree char *service = NULL;
  g_autofree char *timer_name = NULL;

  g_return_val_if_fail (REPORTS_IS_SET (set), FALSE);

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Inside Flatpak the window schedules sets; systemd timers are "
                             "for call-reports installed on the system"));
      return FALSE;
    }

  binary = reports_set_units_dup_binary (error);
  if (binary == NULL)
    return FALSE;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  timer = reports_set_units_dup_timer (set);
  service = reports_set_units_dup_service (set, binary);
  timer_file = dup_unit_file (reports_set_get_name (set), ".timer");
  service_file = dup_unit_file (reports_set_get_name (set), ".service");

  if (!g_file_replace_contents (service_file, service, strlen (service), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, error) ||
      !g_file_replace_contents (timer_file, timer, strlen (timer), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, error))
    return FALSE;

  timer_name = g_file_get_basename (timer_file);

  return systemctl (error, "daemon-reload", NULL) &&
         systemctl (error, "enable", "--now", timer_name, NULL);
}

gboolean
reports_set_units_remove (const char  *set_name,
                          GError     **error)
{
  g_autoptr(GFile) timer_file = dup_unit_file (set_name, ".timer");
  g_autoptr(GFile) service_file = dup_unit_file (set_name, ".service");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *timer_name = g_file_get_basename (timer_file);
  gboolean had_timer = g_file_query_exists (timer_file, NULL);

  if (!had_timer && !g_file_query_exists (service_file, NULL))
    return TRUE;

  /* The files go even when there is no user manager to tell; its error
   * is told after. */
  if (had_timer)
    systemctl (&local_error, "disable", "--now", timer_name, NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) delete_error = NULL;
      GFile *file = i == 0 ? timer_file : service_file;

      if (!g_file_delete (file, NULL, &delete_error) &&
          !g_error_matches (delete_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&delete_error));
          return FALSE;
        }
    }

  if (local_error == NULL)
    systemctl (&local_error, "daemon-reload", NULL);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
