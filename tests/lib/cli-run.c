/* cli-run.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-run.h"

void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GSubprocessLauncher *
cli_run_new_launcher (const char *secret)
{
  GSubprocessLauncher *launcher;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (secret != NULL)
    g_subprocess_launcher_setenv (launcher, "CALL_REPORTS_CLIENT_SECRET", secret, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CALL_REPORTS_CLIENT_SECRET");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);

  return launcher;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
bytes_to_string (GBytes      *bytes,
                 CliRunFlags  flags)
{
  gsize size = bytes != NULL ? g_bytes_get_size (bytes) : 0;
  const char *data = size > 0 ? g_bytes_get_data (bytes, NULL) : "";

  if (!(flags & CLI_RUN_BYTES))
    g_assert_true (g_utf8_validate (data, size, NULL));

  return g_strndup (data, size);
}

GSubprocess *
cli_run_start (GSubprocessLauncher *launcher,
               const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CALL_REPORTS_BINARY");
  GSubprocess *process;

  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

void
cli_run_finish (CliRun      *run,
                GSubprocess *process,
                CliRunFlags  flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (run);
  cli_run_clear (run);

  g_subprocess_communicate_async (process, NULL, NULL, on_communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_communicate_finish (process, result, &out, &err, &error);
  g_assert_no_error (error);
  run->out = bytes_to_string (out, flags);
  run->err = bytes_to_string (err, flags);

  if (g_subprocess_get_if_exited (process))
    run->status = g_subprocess_get_exit_status (process);
  else if (flags & CLI_RUN_MAY_DIE)
    run->status = -1;
  else
    {
      g_test_message ("call-reports died; it said: %s", run->err);
      g_assert_not_reached ();
    }

  if (g_test_verbose ())
    g_printerr ("exit %d\nstdout: %s\nstderr: %s\n", run->status, run->out, run->err);
}

void
cli_run_spawn (CliRun              *run,
               GSubprocessLauncher *launcher,
               const char * const  *args,
               CliRunFlags          flags)
{
  g_autoptr(GSubprocess) process = cli_run_start (launcher, args);

  cli_run_finish (run, process, flags);
}

void
cli_run_assert_no_secrets (const CliRun       *run,
                           const char         *secret,
                           const char * const *tokens)
{
  if (secret != NULL && secret[0] != '\0')
    {
      g_assert_null (strstr (run->out, secret));
      g_assert_null (strstr (run->err, secret));
    }

  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    {
      g_assert_null (strstr (run->out, tokens[i]));
      g_assert_null (strstr (run->err, tokens[i]));
    }
}

void
cli_run_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cli_run_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
