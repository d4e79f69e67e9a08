/* reports-cli-info.c
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
#include "reports-cli-info.h"
#include "yeastar-text.h"

/*
 * `call-reports info`: what the PBX says about itself (system/information)
 * and what the program makes of it: the display format dates are written
 * in, the PBX clock that --range counts from, and the API version reports
 * are requested on.
 */

static const char *
api_version_name (YeastarApiVersion version)
{
  switch (version)
    {
    case YEASTAR_API_VERSION_V1:
      return "v1.0";

    case YEASTAR_API_VERSION_V2:
      return "v2.0";

    case YEASTAR_API_VERSION_AUTO:
    default:
      return "auto";
    }
}

static char *
format_clock (GDateTime *clock)
{
  if (clock == NULL)
    return NULL;

  return g_date_time_format (clock, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (YeastarPbxInfo    *info,
            YeastarApiVersion  version,
            gboolean           v1_empty)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *clock = format_clock (yeastar_pbx_info_get_clock (info));
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "model", yeastar_pbx_info_get_model (info));
  add_string (builder, "firmware", yeastar_pbx_info_get_firmware (info));
  add_string (builder, "device_name", yeastar_pbx_info_get_device_name (info));
  add_string (builder, "serial", yeastar_pbx_info_get_serial (info));
  add_string (builder, "date_format", yeastar_pbx_info_get_date_format_string (info));
  add_string (builder, "time_format", yeastar_pbx_info_get_time_format_string (info));
  add_string (builder, "system_time", yeastar_pbx_info_get_system_time (info));
  add_string (builder, "clock", clock);
  /* How report times are sent, and what told 12 or 24 hours. */
  {
    YeastarDateFormat *format = yeastar_pbx_info_get_date_format (info);
    g_autofree char *sent = yeastar_date_format_to_string (format);

    add_string (builder, "sent_format", sent);
    json_builder_set_member_name (builder, "twelve_hour");
    json_builder_add_boolean_value (builder, yeastar_date_format_is_12_hour (format));
    add_string (builder, "hours_from", yeastar_hour_source_to_string (yeastar_date_format_get_hour_source (format)));
    json_builder_set_member_name (builder, "time_format_known");
    json_builder_add_boolean_value (builder, yeastar_date_format_get_time_format_known (format));
  }
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, yeastar_pbx_info_get_timestamp (info));
  add_string (builder, "api_version", api_version_name (version));
  json_builder_set_member_name (builder, "v1_returns_empty_ranges");
  json_builder_add_boolean_value (builder, v1_empty);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  /* Exact data; DEL, C1 and bidi controls as \uXXXX for the terminal. */
  shown = yeastar_text_escape_json (text);
  g_print ("%s\n", shown);
}

static void
add_line (GString    *out,
          const char *label,
          const char *value)
{
  g_autofree char *shown = yeastar_text_escape (value, -1);

  /* The PBX's names are data: never a terminal sequence or a new line. */
  g_string_append_printf (out, "%-18s %s\n", label, shown != NULL ? shown : "—");
}

static void
print_text (YeastarPbxInfo    *info,
            YeastarApiVersion  version,
            gboolean           forced,
            gboolean           v1_empty)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *clock = format_clock (yeastar_pbx_info_get_clock (info));
  g_autofree char *date_time = g_strdup_printf ("%s %s",
                                                yeastar_pbx_info_get_date_format_string (info),
                                                yeastar_pbx_info_get_time_format_string (info));
  g_autofree char *api = NULL;
  g_autofree char *sent = yeastar_date_format_to_string (yeastar_pbx_info_get_date_format (info));
  g_autofree char *hours = yeastar_date_format_describe_hours (yeastar_pbx_info_get_date_format (info));

  if (forced)
    /* Translators: %s is an API version, v1.0 or v2.0 */
    api = g_strdup_printf (_("%s (chosen with --api)"), api_version_name (version));
  else
    /* Translators: %s is an API version, v1.0 or v2.0 */
    api = g_strdup_printf (_("%s (from the firmware)"), api_version_name (version));

  add_line (out, _("Model:"), yeastar_pbx_info_get_model (info));
  add_line (out, _("Firmware:"), yeastar_pbx_info_get_firmware (info));
  add_line (out, _("Device name:"), yeastar_pbx_info_get_device_name (info));
  add_line (out, _("Serial number:"), yeastar_pbx_info_get_serial (info));
  add_line (out, _("Date format:"), date_time);
  add_line (out, _("Sent as:"), sent);
  add_line (out, _("Hours:"), hours);
  add_line (out, _("PBX clock:"), yeastar_pbx_info_get_system_time (info));
  add_line (out, _("PBX clock (ISO):"), clock);
  add_line (out, _("Report API:"), api);

  if (version == YEASTAR_API_VERSION_V1 && v1_empty)
    g_string_append (out, _("Warning: this firmware keeps its current report data on v2.0; v1.0 "
                            "answers a start/end time window with an empty report.\n"));

  g_print ("%s", out->str);
}

int
reports_cli_info_run (int    argc,
                      char **argv)
{
  g_autoptr(ReportsCliConnection) connection = reports_cli_connection_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  YeastarApiVersion version;
  gboolean forced;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— show the PBX’s model, firmware, date format and clock"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Shows what the PBX reports about itself, the date format "
                                  "reports are requested in, its clock (which --range counts "
                                  "from) and the API version reports are requested on."));
  g_option_context_set_description (context, reports_cli_get_exit_status_help ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  reports_cli_connection_add_options (connection, context);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return reports_cli_connection_fail (NULL, error);

  if (args[1] != NULL)
    {
      g_autofree char *quoted = g_utf8_make_valid (args[1], -1);

      g_printerr (_("call-reports: info takes no argument, but “%s” was given\n"), quoted);
      return REPORTS_EXIT_USAGE;
    }

  if (!reports_cli_connection_check (connection, &error))
    return reports_cli_connection_fail (connection, error);

  if (!reports_cli_connection_open (connection, &error))
    return reports_cli_connection_fail (connection, error);

  info = g_object_ref (reports_cli_connection_get_pbx_info (connection));
  version = reports_cli_connection_get_api_version (connection);
  forced = yeastar_client_get_api_version (reports_cli_connection_get_client (connection)) != YEASTAR_API_VERSION_AUTO;

  reports_cli_connection_close (connection);

  if (json)
    print_json (info, version, yeastar_pbx_info_v1_returns_empty_ranges (info));
  else
    print_text (info, version, forced, yeastar_pbx_info_v1_returns_empty_ranges (info));

  return REPORTS_EXIT_OK;
}
