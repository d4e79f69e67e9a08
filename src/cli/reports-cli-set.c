/* reports-cli-set.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-cli-request.h"
#include "reports-cli-set.h"
#include "reports-cli-set-private.h"
#include "reports-name-template.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-set-units.h"
#include "yeastar-client.h"
#include "yeastar-menu-match.h"
#include "yeastar-text.h"

/*
 * `call-reports set SUBCOMMAND …`: report sets, kept one file a set in
 * $XDG_DATA_HOME/call-reports/sets/ (see reports-set-store.h). Nothing
 * here talks to a PBX; `call-reports run SET` does.
 */

typedef struct
{
  const char *name;
  const char *parameters;  /* N_() */
  const char *summary;     /* N_() */
  int       (*run)(int    argc,
                   char **argv);
} SetCommand;

int
reports_cli_set_fail (const GError *error)
{
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  g_printerr ("call-reports: %s\n", message);

  /* No such set or file, a name taken, a set file that is not valid:
   * input to fix, nothing was changed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return REPORTS_EXIT_USAGE;

  return reports_cli_exit_status_for_error (error);
}

int
reports_cli_set_usage (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("call-reports: %s\n", message);

  return REPORTS_EXIT_USAGE;
}

ReportsSet *
reports_cli_set_load (const char *name,
                      int        *status)
{
  g_autoptr(GError) error = NULL;
  ReportsSet *set;

  set = reports_set_store_load (name, &error);
  if (set == NULL)
    *status = reports_cli_set_fail (error);

  return set;
}

static GOptionContext *
new_context (const char *parameters,
             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, reports_cli_get_exit_status_help ());

  return context;
}

/* Parses @argv into @args; on failure prints why. */
static gboolean
parse (GOptionContext   *context,
       char            **argv,
       guint             n_args,
       GStrv            *args,
       int              *status)
{
  g_autoptr(GError) error = NULL;

  *args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = reports_cli_set_fail (error);
      return FALSE;
    }

  if (g_strv_length (*args) != n_args + 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_auto(GStrv) lines = g_strsplit (help, "\n", 2);

      *status = reports_cli_set_usage (_("wrong number of arguments; %s"), g_strstrip (lines[0]));
      return FALSE;
    }

  return TRUE;
}

/* set create -------------------------------------------------------- */

/* --server and --client-id, pair by pair. */
static int
add_pbxs (ReportsSet  *set,
          char       **servers,
          char       **client_ids)
{
  for (guint i = 0; servers[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *server = yeastar_client_normalize_base_uri (servers[i], &error);

      if (server == NULL)
        return reports_cli_set_usage ("--server: %s", error->message);
      if (client_ids[i][0] == '\0')
        return reports_cli_set_usage (_("--client-id is empty"));

      if (!reports_set_add_pbx (set, reports_set_pbx_new (server, client_ids[i])))
        return reports_cli_set_usage (_("%s with Client ID %s is given twice"), server, client_ids[i]);
    }

  return REPORTS_EXIT_OK;
}

/* One --pin-certificate: URL=SHA256, or SHA256 alone for one PBX. */
static int
pin_certificate (ReportsSet *set,
                 const char *pin)
{
  const char *equals = strrchr (pin, '=');
  g_autofree char *server = NULL;
  g_autofree char *fingerprint = NULL;
  ReportsSetPbx *pbx = NULL;

  if (equals != NULL)
    {
      g_autofree char *url = g_strndup (pin, equals - pin);

      server = yeastar_client_normalize_base_uri (url, NULL);
      fingerprint = yeastar_tls_normalize_fingerprint (equals + 1);
    }
  else if (reports_set_get_n_pbxs (set) == 1)
    {
      server = g_strdup (reports_set_get_pbx (set, 0)->server);
      fingerprint = yeastar_tls_normalize_fingerprint (pin);
    }
  else
    return reports_cli_set_usage (_("--pin-certificate: the set has several PBXs; give URL=SHA256"));

  for (guint p = 0; server != NULL && p < reports_set_get_n_pbxs (set); p++)
    {
      if (g_str_equal (reports_set_get_pbx (set, p)->server, server))
        pbx = (ReportsSetPbx *) reports_set_get_pbx (set, p);
    }

  if (pbx == NULL)
    return reports_cli_set_usage (_("--pin-certificate: “%s” names no --server of the set"), pin);
  if (fingerprint == NULL)
    return reports_cli_set_usage (_("--pin-certificate: not a SHA-256 fingerprint; give the 64 "
                                    "hexadecimal digits, with or without colons, as the TLS "
                                    "error or `openssl x509 -fingerprint -sha256` print them"));

  g_free (pbx->pinned_certificate);
  pbx->pinned_certificate = g_steal_pointer (&fingerprint);

  return REPORTS_EXIT_OK;
}

static int
set_create (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) servers = NULL;
  g_auto(GStrv) client_ids = NULL;
  g_auto(GStrv) pins = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name_template = NULL;
  int keep_months = 0;
  int status = REPORTS_EXIT_OK;
  int added;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING_ARRAY, &servers,
      N_("A PBX’s address; give it once per PBX, each followed by its --client-id"), N_("URL") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &client_ids,
      N_("The Client ID of the API application of the --server before it"), N_("ID") },
    { "pin-certificate", 0, 0, G_OPTION_ARG_STRING_ARRAY, &pins,
      N_("Trust the self-signed certificate of the PBX at URL with this SHA-256 fingerprint "
         "(SHA256 alone for a set of one PBX)"), N_("URL=SHA256") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder the set’s files go to (default: your download folder)"), N_("DIR") },
    { "name-template", 0, 0, G_OPTION_ARG_STRING, &name_template,
      N_("The files’ names below the folder, with {pbx}, {host}, {type}, {period} and {set} "
         "(default: {pbx}/{type}-{period}.csv)"), N_("TEMPLATE") },
    { "keep-months", 0, 0, G_OPTION_ARG_INT, &keep_months,
      N_("After a run without failures, remove the files the set saved more than N months ago "
         "(default 0: keep every file)"), N_("N") },
    { NULL }
  };

  context = new_context (_("NAME --server URL --client-id ID [--server URL --client-id ID]… — create a set"),
                         _("Creates an empty report set for one or more PBXs; `set add` adds its "
                           "reports. The set keeps no Client Secret: `run` finds it as `download` "
                           "does."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, argv, 1, &args, &status))
    return status;

  if (!reports_set_check_name (args[1], &error))
    return reports_cli_set_fail (error);

  if (servers == NULL)
    return reports_cli_set_usage (_("--server is missing: give each PBX’s address and --client-id"));

  if (client_ids == NULL || g_strv_length (servers) != g_strv_length (client_ids))
    return reports_cli_set_usage (_("give one --client-id after each --server"));

  if (keep_months < 0)
    return reports_cli_set_usage (_("--keep-months: give a number of months, or 0 to keep every file"));

  if (name_template != NULL && !reports_name_template_check (name_template, &error))
    {
      g_prefix_error (&error, "--name-template: ");
      return reports_cli_set_fail (error);
    }

  set = reports_set_new (args[1]);
  reports_set_set_name_template (set, name_template);
  reports_set_set_keep_months (set, (guint) keep_months);

  if (output != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (output);
      g_autofree char *path = g_file_get_path (folder);

      if (!g_file_query_exists (folder, NULL))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_printerr (_("call-reports: warning: the folder “%s” does not exist yet; "
                        "runs fail until it does\n"), display);
        }
      reports_set_set_output (set, path);
    }

  added = add_pbxs (set, servers, client_ids);
  for (guint i = 0; added == REPORTS_EXIT_OK && pins != NULL && pins[i] != NULL; i++)
    added = pin_certificate (set, pins[i]);
  if (added != REPORTS_EXIT_OK)
    return added;

  if (!reports_set_store_save (set, FALSE, &error))
    return reports_cli_set_fail (error);

  return REPORTS_EXIT_OK;
}

/* set add ----------------------------------------------------------- */

static int
set_add (int    argc,
         char **argv)
{
  g_autoptr(ReportsCliRequest) request = reports_cli_request_new (REPORTS_CLI_REQUEST_PERIODS);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const YeastarReportType *type;
  ReportsPeriod period;
  int status = REPORTS_EXIT_OK;

  context = new_context (_("NAME --type TYPE --range PERIOD [OPTION…] — add a report to a set"),
                         _("Adds one report to the set, with the options of `download`; its "
                           "dates are a period counted from the PBX clock at each run. The ID "
                           "options take IDs, numbers or names, kept as given: a value of IDs "
                           "only is sent to every PBX as it is, and numbers and names are looked "
                           "up on each PBX at each run, so that one name may stand for a "
                           "different ID on each."));
  reports_cli_request_add_options (request, context);
  if (!parse (context, argv, 1, &args, &status))
    return status;

  set = reports_cli_set_load (args[1], &status);
  if (set == NULL)
    return status;

  /* A request too long for the PBX's web server (HTTP 414) is refused
   * now, with the longest date format, as download refuses it. */
  if (!reports_cli_request_prepare (request, FALSE, &error) ||
      !reports_cli_request_check_length (request, NULL, &error))
    return reports_cli_set_fail (error);

  type = yeastar_report_request_get_report_type (reports_cli_request_get_request (request));
  reports_cli_request_get_period (request, &period);
  report = reports_set_report_new (yeastar_report_type_get_api_name (type), &period);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);

      if (!reports_cli_request_given (request, p) ||
          kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD)
        continue;

      /* Numbers and names are kept as given and resolved on each PBX
       * at each run; only their form is checked now. */
      if (reports_cli_request_needs_lookup (request, p))
        {
          g_autofree char *option = g_strdup_printf ("--%s", reports_cli_request_get_option (request, p));

          if (!yeastar_menu_match_check_items (option, reports_cli_request_get_value (request, p),
                                               kind == YEASTAR_VALUE_ID, &error))
            return reports_cli_set_fail (error);
        }

      if (p == YEASTAR_PARAM_IS_ASYNC)
        report->async = TRUE;
      else if (kind == YEASTAR_VALUE_FLAG)
        report->values[p] = g_strdup ("1");
      else
        report->values[p] = g_strdup (reports_cli_request_get_value (request, p));
    }

  if (!reports_set_report_check (report, &error))
    return reports_cli_set_fail (error);

  reports_set_add_report (set, g_steal_pointer (&report));

  if (!reports_set_store_save (set, TRUE, &error))
    return reports_cli_set_fail (error);

  return REPORTS_EXIT_OK;
}

/* set remove -------------------------------------------------------- */

static int
set_remove (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  guint64 index = 0;
  int status = REPORTS_EXIT_OK;

  context = new_context (_("NAME N — remove a set’s Nth report"),
                         _("Removes the report numbered N in `set show`."));
  if (!parse (context, argv, 2, &args, &status))
    return status;

  set = reports_cli_set_load (args[1], &status);
  if (set == NULL)
    return status;

  if (!g_ascii_string_to_unsigned (args[2], 10, 1, G_MAXUINT, &index, NULL) ||
      !reports_set_remove_report (set, (guint) index - 1))
    return reports_cli_set_usage (_("“%s” is not the number of a report of the set; "
                                    "`set show` numbers them"), args[2]);

  if (!reports_set_store_save (set, TRUE, &error))
    return reports_cli_set_fail (error);

  return REPORTS_EXIT_OK;
}

/* set list ---------------------------------------------------------- */

static int
set_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) names = NULL;
  gboolean json = FALSE;
  int status = REPORTS_EXIT_OK;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of the sets (name, pbxs, reports, schedule)"), NULL },
    { NULL }
  };

  context = new_context (_("— list the report sets"), _("Lists the report sets, one name a line."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, argv, 0, &args, &status))
    return status;

  names = reports_set_store_list (&error);
  if (names == NULL)
    return reports_cli_set_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autoptr(ReportsSet) set = reports_set_store_load (names[i], NULL);
          const char *every;

          if (set == NULL)
            continue;

          every = reports_schedule_kind_name (reports_set_get_schedule (set)->kind);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, names[i]);
          json_builder_set_member_name (builder, "pbxs");
          json_builder_add_int_value (builder, reports_set_get_n_pbxs (set));
          json_builder_set_member_name (builder, "reports");
          json_builder_add_int_value (builder, reports_set_get_n_reports (set));
          json_builder_set_member_name (builder, "schedule");
          if (every != NULL)
            json_builder_add_string_value (builder, every);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      for (guint i = 0; names[i] != NULL; i++)
        g_print ("%s\n", names[i]);
    }

  return REPORTS_EXIT_OK;
}

/* set show ---------------------------------------------------------- */

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static int
set_show (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(ReportsSetState) state = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) args = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *schedule = NULL;
  const ReportsSchedule *when;
  int status = REPORTS_EXIT_OK;

  context = new_context (_("NAME — show a report set"),
                         _("Shows the set’s PBXs, reports, folder, schedule, and its last run."));
  if (!parse (context, argv, 1, &args, &status))
    return status;

  set = reports_cli_set_load (args[1], &status);
  if (set == NULL)
    return status;

  file = reports_set_store_dup_file (args[1]);
  path = g_file_get_path (file);
  folder = reports_set_dup_output_folder (set);
  folder_path = g_file_get_path (folder);

  g_string_append_printf (out, "%-16s %s\n", _("Set:"), reports_set_get_name (set));
  g_string_append_printf (out, "%-16s %s\n", _("File:"), path);
  g_string_append_printf (out, "%-16s %s\n", _("Folder:"), folder_path);
  g_string_append_printf (out, "%-16s %s\n", _("File names:"), reports_set_get_name_template (set));
  if (reports_set_get_keep_months (set) > 0)
    g_string_append_printf (out, "%-16s %u\n", _("Keep months:"), reports_set_get_keep_months (set));

  for (guint i = 0; i < reports_set_get_n_pbxs (set); i++)
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (set, i);

      /* Translators: a PBX's address and its Client ID */
      g_string_append_printf (out, "%-16s %s (%s %s)\n", i == 0 ? _("PBX:") : "",
                              pbx->server, _("Client ID"), pbx->client_id);
      if (pbx->pinned_certificate != NULL)
        g_string_append_printf (out, "%-16s   %s %s\n", "", _("pinned certificate"), pbx->pinned_certificate);
    }

  for (guint i = 0; i < reports_set_get_n_reports (set); i++)
    {
      const ReportsSetReport *report = reports_set_get_report (set, i);
      g_autofree char *period = reports_period_to_string (&report->period);

      g_string_append_printf (out, "%-16s %u. %s %s", i == 0 ? _("Reports:") : "", i + 1, report->type, period);
      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          g_autofree char *value = NULL;

          /* As given: IDs, numbers or names (a hand-edited file's too). */
          if (report->values[p] == NULL)
            continue;
          value = yeastar_text_escape (report->values[p], -1);
          g_string_append_printf (out, " %s=%s", yeastar_param_get_api_name (p), value);
        }
      if (report->async)
        g_string_append (out, " is_async=1");
      g_string_append_c (out, '\n');
    }

  when = reports_set_get_schedule (set);
  schedule = reports_schedule_describe (when);
  g_string_append_printf (out, "%-16s %s\n", _("Schedule:"), schedule);
  if (when->kind != REPORTS_SCHEDULE_NONE)
    {
      if (reports_set_units_are_installed (args[1]))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(GDateTime) next = reports_schedule_next (when, now);
          g_autofree char *next_text = g_date_time_format (next, "%Y-%m-%d %H:%M");

          g_string_append_printf (out, "%-16s %s\n", _("Next run:"), next_text);
        }
      else
        g_string_append_printf (out, "%-16s %s\n", _("Next run:"),
                                _("none: the timer is not installed (run `set schedule` again)"));
    }

  state = reports_set_state_load (args[1]);
  if (state->last_run > 0)
    {
      g_autofree char *last = format_time (state->last_run);

      g_string_append_printf (out, "%-16s %s\n", _("Last run:"), last);
      g_autofree char *result = NULL;

      if (state->n_failed == 0)
        /* Translators: %u is a number of files */
        result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file saved", "%u files saved",
                                               state->n_saved),
                                  state->n_saved);
      else
        {
          g_autofree char *message = g_utf8_make_valid (state->message != NULL ? state->message : "", -1);

          /* Translators: numbers of files saved and failed, then the first failure's message */
          result = g_strdup_printf (_("%u saved, %u failed; the first failure: %s"),
                                    state->n_saved, state->n_failed, message);
        }
      if (state->n_cancelled > 0)
        {
          g_autofree char *counts = g_steal_pointer (&result);

          /* Translators: a set's run the user cancelled, and what it did
           * before ("1 file saved") */
          result = g_strdup_printf (_("Cancelled; %s"), counts);
        }
      g_string_append_printf (out, "%-16s %s\n", _("Result:"), result);
    }
  else
    g_string_append_printf (out, "%-16s %s\n", _("Last run:"), _("never"));

  g_print ("%s", out->str);

  return REPORTS_EXIT_OK;
}

/* set delete, export, import ----------------------------------------- */

static int
set_delete (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status = REPORTS_EXIT_OK;

  context = new_context (_("NAME — delete a report set"),
                         _("Deletes the set, its schedule and its run history; the files it "
                           "saved stay."));
  if (!parse (context, argv, 1, &args, &status))
    return status;

  if (!reports_set_store_delete (args[1], &error))
    return reports_cli_set_fail (error);

  if (!reports_set_units_remove (args[1], &error))
    {
      g_printerr (_("call-reports: warning: %s\n"), error->message);
      g_clear_error (&error);
    }

  if (!reports_set_state_delete (args[1], &error))
    g_printerr (_("call-reports: warning: %s\n"), error->message);

  return REPORTS_EXIT_OK;
}

static int
set_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status = REPORTS_EXIT_OK;

  context = new_context (_("NAME FILE — write a set to a file"),
                         _("Writes the set to FILE, to share it; it holds no secret. "
                           "An existing FILE is never replaced."));
  if (!parse (context, argv, 2, &args, &status))
    return status;

  set = reports_cli_set_load (args[1], &status);
  if (set == NULL)
    return status;

  file = g_file_new_for_commandline_arg (args[2]);
  if (!reports_set_save_file (set, file, FALSE, &error))
    return reports_cli_set_fail (error);

  return REPORTS_EXIT_OK;
}

static int
set_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *name = NULL;
  gboolean replace = FALSE;
  int status = REPORTS_EXIT_OK;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("Save the set under this name instead of the one in the file"), N_("NAME") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a set of the same name"), NULL },
    { NULL }
  };

  context = new_context (_("FILE — add a set from a file"),
                         _("Reads a set file (as `set export` writes it), checks all of it, "
                           "and saves it among your sets. Its schedule is kept but not "
                           "enabled: run `set schedule` to enable it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, argv, 1, &args, &status))
    return status;

  file = g_file_new_for_commandline_arg (args[1]);
  set = reports_set_load_file (file, &error);
  if (set == NULL)
    return reports_cli_set_fail (error);

  if (name != NULL)
    {
      if (!reports_set_check_name (name, &error))
        return reports_cli_set_fail (error);
      reports_set_set_name (set, name);
    }

  if (!reports_set_store_save (set, replace, &error))
    return reports_cli_set_fail (error);

  g_print ("%s\n", reports_set_get_name (set));

  return REPORTS_EXIT_OK;
}

/* The table --------------------------------------------------------- */

static const SetCommand set_commands[] = {
  { "create", N_("NAME --server URL --client-id ID…"), N_("Create a set for one or more PBXs"), set_create },
  { "add", N_("NAME --type TYPE --range PERIOD [OPTION…]"), N_("Add a report to a set"), set_add },
  { "remove", N_("NAME N"), N_("Remove a set’s Nth report"), set_remove },
  { "list", N_("[--json]"), N_("List the sets"), set_list },
  { "show", N_("NAME"), N_("Show a set, its schedule and its last run"), set_show },
  { "delete", N_("NAME"), N_("Delete a set"), set_delete },
  { "export", N_("NAME FILE"), N_("Write a set to a file"), set_export },
  { "import", N_("FILE [--name NAME] [--replace]"), N_("Add a set from a file"), set_import },
  { "schedule", N_("NAME --daily HH:MM | --weekly DAY HH:MM | --monthly N HH:MM"),
    N_("Run a set by itself (a systemd user timer)"), reports_cli_set_schedule_run },
  { "unschedule", N_("NAME"), N_("Stop running a set by itself"), reports_cli_set_unschedule_run },
};

const char *
reports_cli_set_get_subcommand (guint        index,
                                const char **summary)
{
  if (index >= G_N_ELEMENTS (set_commands))
    return NULL;

  if (summary != NULL)
    *summary = set_commands[index].summary;

  return set_commands[index].name;
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n  call-reports set %s\n\n%s\n",
                          _("Usage:"), _("SUBCOMMAND [OPTION…]"),
                          _("Report sets: named lists of reports with relative periods, for one "
                            "or more PBXs, run with `call-reports run NAME`."));
  for (guint i = 0; i < G_N_ELEMENTS (set_commands); i++)
    g_string_append_printf (out, "\n  %-10s %s\n  %-10s   %s %s\n",
                            set_commands[i].name, _(set_commands[i].summary),
                            "", set_commands[i].name, _(set_commands[i].parameters));
  g_string_append_printf (out, "\n%s\n\n%s\n",
                          _("Run “call-reports set SUBCOMMAND --help” for a subcommand’s options."),
                          reports_cli_get_exit_status_help ());
  g_print ("%s", out->str);
}

int
reports_cli_set_run (int    argc,
                     char **argv)
{
  g_autofree char *prgname = NULL;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "--help-all") ||
      g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help ();
      return argc < 2 ? REPORTS_EXIT_USAGE : REPORTS_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (set_commands); i++)
    {
      if (g_str_equal (argv[1], set_commands[i].name))
        {
          prgname = g_strdup_printf ("call-reports set %s", set_commands[i].name);
          g_set_prgname (prgname);
          return set_commands[i].run (argc - 1, argv + 1);
        }
    }

  {
    g_autofree char *quoted = g_utf8_make_valid (argv[1], -1);

    return reports_cli_set_usage (_("“%s” is not a subcommand of set; run “call-reports set --help”"),
                                  quoted);
  }
}
