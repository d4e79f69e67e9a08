/* reports-cli-run.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-cli-run.h"
#include "reports-cli-set.h"
#include "reports-cli-set-private.h"
#include "reports-secrets.h"
#include "reports-set-notification.h"
#include "reports-set-run.h"
#include "reports-set-state.h"
#include "yeastar-client.h"
#include "yeastar-text.h"

/*
 * `call-reports run SET [--json]`: every report of the set from every PBX
 * of it (see ReportsSetRun), then the run's result in the set's state,
 * and the retention.
 *
 * The Client Secret of each PBX comes from --client-secret-file URL=FILE
 * (or FILE alone for a set of one PBX), else from $CALL_REPORTS_CLIENT_SECRET
 * for a set of one PBX, else from the keyring entry the window saved for
 * that server and Client ID.
 *
 * The exit status is that of the first report that failed, in the set's
 * order (PBX by PBX), as `download` would have exited for it; 0 when
 * every report was saved.
 *
 * --json prints the same document after SIGINT or SIGTERM, with
 * "interrupted": true and each report as it stands: saved, failed, or
 * "interrupted" (not finished, nothing of it kept).
 */

typedef struct
{
  char  *server;   /* normalised; NULL: the set's only PBX */
  char  *path;
} SecretFile;

static void
secret_file_free (SecretFile *file)
{
  g_free (file->server);
  g_free (file->path);
  g_free (file);
}

static const char *
exit_class (int status)
{
  switch (status)
    {
    case REPORTS_EXIT_USAGE:       return "usage";
    case REPORTS_EXIT_AUTH:        return "auth";
    case REPORTS_EXIT_REJECTED:    return "rejected";
    case REPORTS_EXIT_NETWORK:     return "network";
    case REPORTS_EXIT_FILE_SYSTEM: return "file-system";
    case REPORTS_EXIT_OK:          return "ok";
    case REPORTS_EXIT_FAILURE:
    default:                       return "failure";
    }
}

/* "URL=FILE" or "FILE"; the URL is normalised as the set's are. */
static GPtrArray *
parse_secret_files (char       **values,
                    ReportsSet  *set,
                    GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) secret_file_free);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      SecretFile *file = g_new0 (SecretFile, 1);
      const char *equals = strchr (values[i], '=');

      g_ptr_array_add (files, file);

      if (equals != NULL && strstr (values[i], "://") != NULL && strstr (values[i], "://") < equals)
        {
          g_autofree char *url = g_strndup (values[i], equals - values[i]);
          g_autoptr(GError) local_error = NULL;
          gboolean found = FALSE;

          file->server = yeastar_client_normalize_base_uri (url, &local_error);
          if (file->server == NULL)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--client-secret-file: %s", local_error->message);
              return NULL;
            }
          file->path = g_strdup (equals + 1);

          for (guint p = 0; p < reports_set_get_n_pbxs (set); p++)
            found |= g_str_equal (reports_set_get_pbx (set, p)->server, file->server);
          if (!found)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--client-secret-file: the set has no PBX %s"), file->server);
              return NULL;
            }
        }
      else
        {
          if (reports_set_get_n_pbxs (set) != 1 || values[1] != NULL)
            {
              g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                   _("--client-secret-file: the set has several PBXs; "
                                     "give URL=FILE for each"));
              return NULL;
            }
          file->path = g_strdup (values[i]);
        }
    }

  return g_steal_pointer (&files);
}

static const char *
find_secret_file (GPtrArray  *files,
                  const char *server)
{
  for (guint i = 0; i < files->len; i++)
    {
      SecretFile *file = g_ptr_array_index (files, i);

      if (file->server == NULL || g_str_equal (file->server, server))
        return file->path;
    }

  return NULL;
}

/* Hands each PBX its secret or the reason it has none; FALSE (nothing
 * sent) for a secret file that cannot be read. */
static gboolean
find_secrets (ReportsSetRun  *run,
              GPtrArray      *files,
              GError        **error)
{
  ReportsSet *set = reports_set_run_get_set (run);
  const char *env = g_getenv (REPORTS_CLI_SECRET_ENV);
  guint n_pbxs = reports_set_get_n_pbxs (set);

  for (guint i = 0; i < n_pbxs; i++)
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (set, i);
      const char *path = find_secret_file (files, pbx->server);
      g_autoptr(GError) keyring_error = NULL;
      g_autoptr(GError) missing = NULL;
      char *secret = NULL;

      if (path != NULL)
        {
          secret = reports_cli_read_secret_file (path, error);
          if (secret == NULL)
            return FALSE;
        }
      else if (n_pbxs == 1 && env != NULL && env[0] != '\0')
        secret = g_strdup (env);
      else
        secret = reports_secrets_lookup_sync (pbx->server, pbx->client_id, NULL, &keyring_error);

      if (secret != NULL)
        {
          reports_set_run_set_secret (run, i, secret);
          memset (secret, 0, strlen (secret));
          g_free (secret);
          continue;
        }

      if (keyring_error != NULL)
        g_set_error (&missing, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("No Client Secret for %s: give --client-secret-file %s=FILE; the "
                       "keyring could not be read (%s)"),
                     pbx->server, pbx->server, keyring_error->message);
      else
        g_set_error (&missing, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("No Client Secret for %s and Client ID %s: give --client-secret-file "
                       "%s=FILE, or save the secret for this PBX in the window (it keeps it "
                       "in the keyring)"),
                     pbx->server, pbx->client_id, pbx->server);
      reports_set_run_set_pbx_error (run, i, missing);
    }

  return TRUE;
}

static void
on_report_finished (ReportsSetRun *run,
                    guint          index,
                    gpointer       user_data)
{
  const ReportsSetResult *result = reports_set_run_get_result (run, index);
  gboolean *progress = user_data;

  if (!*progress)
    return;

  if (result->error != NULL)
    /* Translators: a report type, a period, a PBX's address */
    g_printerr (_("Failed: %s %s from %s\n"), result->type, result->period, result->server);
  else
    g_printerr (_("Saved %s\n"), result->path);
}

typedef enum
{
  RESULT_SAVED,
  RESULT_FAILED,
  RESULT_INTERRUPTED,
  N_RESULT_STATES
} ResultState;

static const char * const result_state_names[N_RESULT_STATES] = { "saved", "failed", "interrupted" };

/* @interrupted: SIGINT or SIGTERM stopped the run; a report it stopped,
 * or never started, is interrupted (its partial file, if any, was
 * removed). */
static ResultState
result_state (const ReportsSetResult *result,
              gboolean                interrupted)
{
  if (interrupted &&
      (result->error != NULL ? g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                             : result->path == NULL))
    return RESULT_INTERRUPTED;

  return result->error != NULL ? RESULT_FAILED : RESULT_SAVED;
}

static void
add_error (JsonBuilder  *builder,
           const GError *error)
{
  int status = reports_cli_exit_status_for_error (error);

  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_set_member_name (builder, "exit_status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "class");
  json_builder_add_string_value (builder, exit_class (status));
  json_builder_end_object (builder);
}

/* @interrupted: SIGINT or SIGTERM stopped the run; the reports it
 * stopped are "interrupted", with neither a path nor an error. */
static void
print_json (ReportsSetRun *run,
            gboolean       interrupted)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  ReportsSet *set = reports_set_run_get_set (run);
  guint n_results = reports_set_run_get_n_results (run);
  guint counts[N_RESULT_STATES] = { 0, };

  for (guint i = 0; i < n_results; i++)
    counts[result_state (reports_set_run_get_result (run, i), interrupted)]++;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "set");
  json_builder_add_string_value (builder, reports_set_get_name (set));
  json_builder_set_member_name (builder, "interrupted");
  json_builder_add_boolean_value (builder, interrupted);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_int_value (builder, counts[RESULT_SAVED]);
  json_builder_set_member_name (builder, "failed");
  json_builder_add_int_value (builder, counts[RESULT_FAILED]);
  json_builder_set_member_name (builder, "unfinished");
  json_builder_add_int_value (builder, counts[RESULT_INTERRUPTED]);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_results; i++)
    {
      const ReportsSetResult *result = reports_set_run_get_result (run, i);
      ResultState state = result_state (result, interrupted);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pbx");
      json_builder_add_string_value (builder, result->server);
      json_builder_set_member_name (builder, "pbx_name");
      if (result->pbx_name != NULL)
        json_builder_add_string_value (builder, result->pbx_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, result->type);
      json_builder_set_member_name (builder, "period");
      json_builder_add_string_value (builder, result->period);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, result_state_names[state]);

      if (state == RESULT_SAVED)
        {
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, result->path);
          json_builder_set_member_name (builder, "bytes");
          json_builder_add_int_value (builder, (gint64) result->bytes);
        }
      else if (state == RESULT_FAILED)
        {
          add_error (builder, result->error);
        }

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Exact data; DEL, C1 and bidi controls of the PBX's texts (its name,
   * its error messages) as \uXXXX for the terminal. */
  shown = yeastar_text_escape_json (text);
  g_print ("%s\n", shown);
}

static void
print_text (ReportsSetRun *run)
{
  for (guint i = 0; i < reports_set_run_get_n_results (run); i++)
    {
      const ReportsSetResult *result = reports_set_run_get_result (run, i);

      if (result->error == NULL)
        g_print ("%s\n", result->path);
      else
        /* Translators: a report type, a period, a PBX's address, and why it failed */
        g_printerr (_("call-reports: %s %s from %s failed: %s\n"),
                    result->type, result->period, result->server, result->error->message);
    }
}

/* Records the run and, after a run without failures, applies the
 * retention; a failure here is told but changes no exit status. */
static void
record_run (ReportsSetRun *run)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!reports_set_state_record_run (run, NULL, now, &error))
    g_printerr (_("call-reports: warning: the run’s result could not be recorded: %s\n"),
                error->message);
}

/* --notify: the run's notification, from a GApplication of the app's ID
 * on the session bus (GLib sends it to the desktop's notification
 * server), or, when the window's instance already holds that ID, by that
 * instance. Never changes the exit status. */
static void
notify_run (ReportsSetRun *run)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GVariant) description = g_variant_ref_sink (reports_set_notification_describe (run, NULL));
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr (_("call-reports: warning: no notification: %s\n"), error->message);
      return;
    }

  bus = g_application_get_dbus_connection (app);
  if (bus == NULL)
    {
      g_printerr (_("call-reports: warning: no notification: there is no session bus\n"));
      return;
    }

  if (g_application_get_is_remote (app))
    g_action_group_activate_action (G_ACTION_GROUP (app), REPORTS_SET_NOTIFICATION_SHOW, description);
  else
    {
      g_autoptr(GNotification) notification = reports_set_notification_new (description);
      const char *id = NULL;

      g_variant_get_child (description, 0, "&s", &id);
      g_application_send_notification (app, id, notification);
    }

  /* The messages are queued; the process ends right after. */
  if (!g_dbus_connection_flush_sync (bus, NULL, &error))
    g_printerr (_("call-reports: warning: no notification: %s\n"), error->message);
}

static gboolean
on_signal (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));

  return G_SOURCE_CONTINUE;
}

int
reports_cli_run_run (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(ReportsSetRun) run = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) secret_files = NULL;
  gboolean json = FALSE;
  gboolean quiet = FALSE;
  gboolean notify = FALSE;
  gboolean progress;
  guint sigint_source, sigterm_source;
  int status = REPORTS_EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object: every file (state, path, type, pbx, period, bytes) or its "
         "error (message, exit_status, class); also when interrupted, marked so"), NULL },
    { "client-secret-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &secret_files,
      N_("Read the Client Secret of the PBX at URL from FILE; once per PBX (FILE alone for a "
         "set of one PBX)"), N_("URL=FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print no progress on standard error"), NULL },
    { "notify", 0, 0, G_OPTION_ARG_NONE, &notify,
      N_("Show a desktop notification when the run is done: what was saved, or which reports "
         "failed and why (the scheduled runs use it)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("SET — download every report of a set"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Downloads every report of the set from every PBX of it (one "
                                  "login per PBX, up to 4 downloads at once on each) and prints "
                                  "each saved file’s path. A report that fails does not stop the "
                                  "others; each failure is told with its reason."));
  description = g_strdup_printf ("%s\n\n%s",
                                 _("The Client Secret of each PBX comes from --client-secret-file "
                                   "URL=FILE, else (for a set of one PBX) from "
                                   "$CALL_REPORTS_CLIENT_SECRET, else from the keyring entry the "
                                   "window saved for that server and Client ID. The exit status "
                                   "is that of the first report that failed."),
                                 reports_cli_get_exit_status_help ());
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return reports_cli_set_fail (error);

  if (g_strv_length (args) != 2)
    return reports_cli_set_usage (_("give the NAME of one set; `call-reports set list` lists them"));

  set = reports_cli_set_load (args[1], &status);
  if (set == NULL)
    return status;

  if (reports_set_get_n_pbxs (set) == 0 || reports_set_get_n_reports (set) == 0)
    return reports_cli_set_usage (_("the set “%s” has no reports yet; add them with `call-reports set add`"),
                                  reports_set_get_name (set));

  files = parse_secret_files (secret_files, set, &error);
  if (files == NULL)
    return reports_cli_set_fail (error);

  run = reports_set_run_new (set);
  if (!find_secrets (run, files, &error))
    return reports_cli_set_fail (error);

  progress = !quiet && !json && isatty (STDERR_FILENO);
  g_signal_connect (run, "report-finished", G_CALLBACK (on_report_finished), &progress);

  sigint_source = g_unix_signal_add (SIGINT, on_signal, cancellable);
  sigterm_source = g_unix_signal_add (SIGTERM, on_signal, cancellable);

  reports_set_run_start_async (run, cancellable, reports_cli_store_result, &result);
  reports_cli_wait (&result);

  g_source_remove (sigint_source);
  g_source_remove (sigterm_source);

  /* SIGINT or SIGTERM: the reports saved before it stay, whole; those
   * under way were cancelled and their partial files removed. The run is
   * not recorded. --json still prints its document, each report as it
   * stands. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      if (json)
        print_json (run, TRUE);
      else
        for (guint i = 0; i < reports_set_run_get_n_results (run); i++)
          {
            const ReportsSetResult *r = reports_set_run_get_result (run, i);

            if (result_state (r, TRUE) == RESULT_SAVED)
              g_print ("%s\n", r->path);
          }
      g_printerr (_("call-reports: interrupted; the reports not finished were not saved\n"));
      return REPORTS_EXIT_FAILURE;
    }

  if (!reports_set_run_start_finish (run, result, &error))
    return reports_cli_set_fail (error);

  record_run (run);

  if (notify)
    notify_run (run);

  if (json)
    print_json (run, FALSE);
  else
    print_text (run);

  for (guint i = 0; i < reports_set_run_get_n_results (run); i++)
    {
      const ReportsSetResult *r = reports_set_run_get_result (run, i);

      if (r->error != NULL)
        return reports_cli_exit_status_for_error (r->error);
    }

  return REPORTS_EXIT_OK;
}
