/* reports-cli-download.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "reports-cli.h"
#include "reports-cli-connection.h"
#include "reports-cli-download.h"
#include "reports-cli-ids.h"
#include "reports-cli-request.h"
#include "yeastar-download.h"
#include "yeastar-menu.h"
#include "yeastar-menu-option.h"
#include "yeastar-part-file.h"
#include "yeastar-report-request.h"
#include "yeastar-text.h"

/*
 * `call-reports download --type TYPE [OPTION…]`: one report into a folder.
 *
 * The report options are made from the report-type table: one per API
 * parameter, named after it with '-' for '_' (is_async is --async), flags
 * as switches, everything else taking the API's own value. Dates are read
 * as ISO 8601 and written in the PBX's display format by the request model.
 *
 * Everything that can be checked locally is checked before the first byte
 * goes to the PBX, so that a usage error (exit status 2) sends nothing.
 * Once logged in, the run always revokes its token before it exits.
 */

typedef struct
{
  ReportsCliConnection *connection;
  /* --type, --range and the report options */
  ReportsCliRequest    *request;

  char                 *output;
  gboolean              json;
  gboolean              resolve_ids;
  int                   timeout;
  int                   header_timeout;
  gint64                min_speed;
  int                   stall_time;

  GFile                *folder;
} Download;

static void
download_free (Download *self)
{
  g_free (self->output);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->request, reports_cli_request_free);
  g_clear_pointer (&self->connection, reports_cli_connection_free);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Download, download_free)

static GOptionEntry *
build_entries (Download *self)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &self->output,
      N_("The folder to save into (default: your download folder)"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &self->json,
      N_("Print one JSON object (state, path, file_name, bytes, type, query) instead of the "
         "path; also when interrupted, marked so"), NULL },
    { "resolve-ids", 0, 0, G_OPTION_ARG_NONE, &self->resolve_ids,
      N_("Look every ID up in the PBX’s lists, numeric ones too, so that a number such as "
         "an extension number is accepted and an unknown ID is an error"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &self->timeout,
      N_("With --async, how long to wait for the PBX to prepare the report (default 300)"),
      N_("SECONDS") },
    { "header-timeout", 0, 0, G_OPTION_ARG_INT, &self->header_timeout,
      N_("Once the PBX starts to answer, how long its headers may take; 0 for no limit "
         "(default 60)"), N_("SECONDS") },
    { "min-speed", 0, 0, G_OPTION_ARG_INT64, &self->min_speed,
      N_("The slowest transfer accepted, in bytes per second averaged over --stall-time; "
         "0 for no limit (default 1024)"), N_("BYTES") },
    { "stall-time", 0, 0, G_OPTION_ARG_INT, &self->stall_time,
      N_("The window --min-speed is measured over (default 60)"), N_("SECONDS") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/* Every check that needs no PBX, in the order a user fixes them. */
static gboolean
prepare_request (Download  *self,
                 GError   **error)
{
  if (!reports_cli_request_prepare (self->request, self->resolve_ids, error))
    return FALSE;

  /* IDs given as numbers make a request that is too long now, before
   * anything is sent; names are counted once looked up. */
  if (!reports_cli_request_check_length (self->request, NULL, error))
    return FALSE;

  if (self->timeout < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--timeout: give a number of seconds above 0"));
      return FALSE;
    }
  if (self->header_timeout < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--header-timeout: give a number of seconds, or 0 for no limit"));
      return FALSE;
    }
  if (self->min_speed < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--min-speed: give a number of bytes per second, or 0 for no limit"));
      return FALSE;
    }
  if (self->stall_time <= 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--stall-time: give a number of seconds above 0"));
      return FALSE;
    }

  return TRUE;
}

/* The output folder must be usable before anything is asked of the PBX
 * (exit status 6, and not a single request sent). */
static gboolean
prepare_folder (Download  *self,
                GError   **error)
{
  if (self->output != NULL)
    self->folder = g_file_new_for_commandline_arg (self->output);
  else
    {
      const char *downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

      self->folder = g_file_new_for_path (downloads != NULL ? downloads : g_get_home_dir ());
    }

  return yeastar_part_file_check_folder (self->folder, -1, error);
}

/* Turns numbers and names into IDs, queue_id before agent_id_list (the
 * agents' menu is per queue). */
static gboolean
resolve_ids (Download  *self,
             GError   **error)
{
  YeastarReportRequest *request = reports_cli_request_get_request (self->request);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      g_autoptr(GListStore) options = NULL;
      g_autofree char *option = NULL;
      g_autofree char *resolved = NULL;
      const char * const *menus;

      if (!reports_cli_request_needs_lookup (self->request, p))
        continue;

      options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
      menus = yeastar_param_get_menus (p);

      for (guint m = 0; menus != NULL && menus[m] != NULL; m++)
        {
          g_autoptr(GListModel) model = NULL;
          const char *queue_id = NULL;

          if (yeastar_menu_name_needs_queue (menus[m]))
            queue_id = yeastar_report_request_get_value (request, YEASTAR_PARAM_QUEUE_ID);

          model = reports_cli_ids_fetch_menu (self->connection, menus[m], queue_id, error);
          if (model == NULL)
            return FALSE;

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (model, i);

              g_list_store_append (options, item);
            }
        }

      option = g_strdup_printf ("--%s", reports_cli_request_get_option (self->request, p));
      resolved = yeastar_menu_match_resolve (option, reports_cli_request_get_value (self->request, p),
                                             yeastar_param_get_value_kind (p) == YEASTAR_VALUE_ID,
                                             G_LIST_MODEL (options), error);
      if (resolved == NULL)
        return FALSE;

      yeastar_report_request_set_value (request, p, resolved);
    }

  return TRUE;
}

static void
apply_range (Download *self)
{
  YeastarPbxInfo *info = reports_cli_connection_get_pbx_info (self->connection);
  g_autoptr(GDateTime) now = NULL;

  if (!reports_cli_request_get_period (self->request, NULL))
    return;

  if (yeastar_pbx_info_get_clock (info) != NULL)
    now = g_date_time_ref (yeastar_pbx_info_get_clock (info));
  else
    {
      g_printerr (_("call-reports: warning: the PBX did not tell its clock; --range counts from this computer’s clock\n"));
      now = g_date_time_new_now_local ();
    }

  reports_cli_request_apply_range (self->request, now);
}

static void
on_state_changed (YeastarDownload *download,
                  GParamSpec      *pspec,
                  Download        *self)
{
  switch (yeastar_download_get_state (download))
    {
    case YEASTAR_DOWNLOAD_STATE_REQUESTING:
      reports_cli_connection_progress (self->connection, _("Requesting the report…"));
      break;

    case YEASTAR_DOWNLOAD_STATE_PREPARING:
      reports_cli_connection_progress (self->connection,
                                       _("Waiting for the PBX to prepare the report (event 30027)…"));
      break;

    case YEASTAR_DOWNLOAD_STATE_DOWNLOADING:
      reports_cli_connection_progress (self->connection, _("Downloading %s…"),
                                       yeastar_download_get_file_name (download));
      break;

    case YEASTAR_DOWNLOAD_STATE_IDLE:
    case YEASTAR_DOWNLOAD_STATE_DONE:
    case YEASTAR_DOWNLOAD_STATE_FAILED:
    default:
      break;
    }
}

/* @file NULL: SIGINT or SIGTERM stopped the download; no file was kept,
 * and "query" is null unless the request was sent. */
static void
print_json (Download *self,
            GFile    *file,
            guint64   size,
            gboolean  sent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *query = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  YeastarPbxInfo *info = reports_cli_connection_get_pbx_info (self->connection);

  /* The query as it was sent, without the access token (to_query never
   * includes it). */
  if (sent && info != NULL)
    query = yeastar_report_request_to_query (reports_cli_request_get_request (self->request),
                                             yeastar_pbx_info_get_date_format (info), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "interrupted");
  json_builder_add_boolean_value (builder, file == NULL);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, file != NULL ? "saved" : "interrupted");
  json_builder_set_member_name (builder, "path");
  if (path != NULL)
    json_builder_add_string_value (builder, path);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "file_name");
  if (name != NULL)
    json_builder_add_string_value (builder, name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "bytes");
  if (file != NULL)
    json_builder_add_int_value (builder, (gint64) size);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, reports_cli_request_get_type_name (self->request));
  json_builder_set_member_name (builder, "query");
  if (query != NULL)
    json_builder_add_string_value (builder, query);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Exact data; DEL, C1 and bidi controls as \uXXXX for the terminal. */
  shown = yeastar_text_escape_json (text);
  g_print ("%s\n", shown);
}

static int
fail (Download     *self,
      const GError *error)
{
  return reports_cli_connection_fail (self->connection, error);
}

/* A failure once the PBX may have been asked: after SIGINT or SIGTERM,
* --json still prints its object, with no file; the message and the
* exit status are those of fail (). @sent: the report was requested. */
static int
fail_connected (Download     *self,
                const GError *error,
                gboolean      sent)
{
  if (self->json &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (reports_cli_connection_get_cancellable (self->connection)))
    print_json (self, NULL, 0, sent);

  return fail (self, error);
}

/* The options and help of `call-reports download`. */
static GOptionContext *
new_option_context (Download      *self,
                    GOptionEntry **entries)
{
  GOptionContext *context = g_option_context_new (_("--type TYPE — download one call report"));
  g_autofree char *description = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Downloads one report into the output folder and prints the saved "
                                  "file’s full path. The report options are the API’s parameters; "
                                  "`call-reports types TYPE` lists those a type takes. Dates are PBX "
                                  "wall-clock time in ISO 8601 (2022-04-01 00:00:00, 2022-04-01T00:00, "
                                  "or 2022-04-01 alone). --range counts from the PBX clock; weeks "
                                  "start on Monday and every range covers whole days, up to 23:59:59 "
                                  "of its last day."));
  description = g_strdup_printf ("%s\n\n%s",
                                 _("The Client Secret comes from --client-secret-file, else from "
                                   "$" REPORTS_CLI_SECRET_ENV ", else from the keyring entry the "
                                   "window saved for this server and Client ID; never from an "
                                   "option value."),
                                 reports_cli_get_exit_status_help ());
  g_option_context_set_description (context, description);

  reports_cli_request_add_options (self->request, context);
  *entries = build_entries (self);
  g_option_context_add_main_entries (context, *entries, GETTEXT_PACKAGE);
  reports_cli_connection_add_options (self->connection, context);

  return context;
}

/* Connects with the options' limits, then makes the request complete:
 * IDs looked up, --range from the PBX clock, checked again. */
static gboolean
connect_and_complete (Download  *self,
                      GError   **error)
{
  YeastarTransferLimits limits = {
    .header_timeout = (guint) self->header_timeout,
    .min_speed = (guint64) self->min_speed,
    .stall_time = (guint) self->stall_time,
  };

  reports_cli_connection_set_transfer_limits (self->connection, &limits);

  if (!reports_cli_connection_open (self->connection, error))
    return FALSE;

  if (self->timeout > 0)
    yeastar_client_set_report_timeout (reports_cli_connection_get_client (self->connection),
                                       (guint) self->timeout);

  if (!resolve_ids (self, error))
    return FALSE;

  apply_range (self);

  return reports_cli_request_validate (self->request, error) &&
         reports_cli_request_check_length (self->request,
                                           yeastar_pbx_info_get_date_format (reports_cli_connection_get_pbx_info (self->connection)),
                                           error);
}

/* The saved file's path (or the JSON of --json). */
static void
print_saved (Download        *self,
             YeastarDownload *download,
             GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *size_text = NULL;
  guint64 size;

  /* Every byte received was saved, and the count stays once done. */
  size = yeastar_download_get_bytes_received (download);
  size_text = g_format_size (size);
  /* Translators: %s is a size, e.g. "12.3 kB" */
  reports_cli_connection_progress (self->connection, _("Saved %s"), size_text);

  if (self->json)
    print_json (self, file, size, TRUE);
  else
    g_print ("%s\n", path);
}

int
reports_cli_download_run (int    argc,
                          char **argv)
{
  g_autoptr(Download) self = g_new0 (Download, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(YeastarDownload) download = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_auto(GStrv) args = NULL;

  self->connection = reports_cli_connection_new ();
  self->header_timeout = YEASTAR_DEFAULT_HEADER_TIMEOUT;
  self->min_speed = YEASTAR_DEFAULT_MIN_SPEED;
  self->stall_time = YEASTAR_DEFAULT_STALL_TIME;
  self->request = reports_cli_request_new (REPORTS_CLI_REQUEST_PRESETS);

  context = new_option_context (self, &entries);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return fail (self, error);

  if (args[1] != NULL)
    {
      g_autofree char *quoted = g_utf8_make_valid (args[1], -1);

      g_printerr (_("call-reports: download takes options only, but “%s” was given\n"), quoted);
      return REPORTS_EXIT_USAGE;
    }

  if (!prepare_request (self, &error) ||
      !reports_cli_connection_check (self->connection, &error) ||
      !prepare_folder (self, &error))
    return fail (self, error);

  if (!connect_and_complete (self, &error))
    return fail_connected (self, error, FALSE);

  download = yeastar_download_new (reports_cli_connection_get_client (self->connection),
                                   reports_cli_request_get_request (self->request), self->folder);
  g_signal_connect (download, "notify::state", G_CALLBACK (on_state_changed), self);
  yeastar_download_start_async (download,
                                reports_cli_connection_get_cancellable (self->connection),
                                reports_cli_store_result, &result);
  reports_cli_wait (&result);

  file = yeastar_download_start_finish (download, result, &error);
  g_signal_handlers_disconnect_by_func (download, on_state_changed, self);
  if (file == NULL)
    return fail_connected (self, error, TRUE);

  print_saved (self, download, file);
  reports_cli_connection_close (self->connection);

  return REPORTS_EXIT_OK;
}
