/* reports-cli-options.c
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
#include "reports-cli-ids.h"
#include "reports-cli-options.h"
#include "yeastar-menu.h"
#include "yeastar-menu-option.h"
#include "yeastar-text.h"

/*
 * `call-reports options MENU [--queue-id ID]`: the IDs a report parameter
 * takes, from system/get_menuoptions. One line per option, "ID<TAB>TEXT",
 * TEXT as the PBX writes it ("1001 - Alice Martin") with its control and
 * bidi characters shown as escapes (yeastar-text.c), so that every entry
 * is one line; with --json an array of {"id", "text", "number", "name",
 * "type"} objects holding the exact texts.
 */

static void
print_json (GListModel *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  guint n = g_list_model_get_n_items (options);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);
      const char *option_text = yeastar_menu_option_get_text (option);
      g_autofree char *number = yeastar_menu_match_dup_number (option_text);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, yeastar_menu_option_get_id (option));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, option_text);
      json_builder_set_member_name (builder, "number");
      if (number != NULL)
        json_builder_add_string_value (builder, number);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, yeastar_menu_match_get_name (option_text));
      json_builder_set_member_name (builder, "type");
      if (yeastar_menu_option_get_type_name (option) != NULL)
        json_builder_add_string_value (builder, yeastar_menu_option_get_type_name (option));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  /* Exact data; DEL, C1 and bidi controls as \uXXXX for the terminal. */
  shown = yeastar_text_escape_json (text);
  g_print ("%s\n", shown);
}

static void
print_lines (GListModel *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (options);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);
      g_autofree char *id = yeastar_text_escape (yeastar_menu_option_get_id (option), -1);
      g_autofree char *text = yeastar_text_escape (yeastar_menu_option_get_text (option), -1);

      /* PBX text: a newline or a tab in a name must not forge a row. */
      g_string_append_printf (out, "%s\t%s\n", id, text);
    }

  g_print ("%s", out->str);
}

int
reports_cli_options_run (int    argc,
                         char **argv)
{
  g_autoptr(ReportsCliConnection) connection = reports_cli_connection_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue_id = NULL;
  g_autofree char *menu_list = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  YeastarMenu menu;
  GOptionEntry entries[] = {
    { "queue-id", 0, 0, G_OPTION_ARG_STRING, &queue_id,
      N_("The queue whose agents queue_agent lists (an ID, number or name)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {id, text, number, name, type} objects"), NULL },
    { NULL }
  };

  menu_list = g_strjoinv (", ", (char **) yeastar_menu_get_names ());
  context = g_option_context_new (_("MENU — list the IDs and names of a PBX menu"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  summary = g_strdup_printf (_("Prints one line per entry: the ID the report options take, a tab, "
                               "and the PBX’s text (“1001 - Alice Martin”). MENU is one of: %s."),
                             menu_list);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, reports_cli_get_exit_status_help ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  reports_cli_connection_add_options (connection, context);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return reports_cli_connection_fail (NULL, error);

  if (args[1] == NULL || args[2] != NULL)
    {
      g_printerr (_("call-reports: options takes one MENU, one of: %s\n"), menu_list);
      return REPORTS_EXIT_USAGE;
    }

  if (!yeastar_menu_from_name (args[1], TRUE, &menu))
    {
      g_autofree char *quoted = g_utf8_make_valid (args[1], -1);

      g_printerr (_("call-reports: “%s” is not a menu; use one of: %s\n"), quoted, menu_list);
      return REPORTS_EXIT_USAGE;
    }

  if (yeastar_menu_needs_queue (menu) && (queue_id == NULL || queue_id[0] == '\0'))
    {
      g_printerr (_("call-reports: --queue-id is required for queue_agent: the agents of which queue?\n"));
      return REPORTS_EXIT_USAGE;
    }

  if (!yeastar_menu_needs_queue (menu) && queue_id != NULL)
    {
      g_printerr (_("call-reports: --queue-id applies to queue_agent only\n"));
      return REPORTS_EXIT_USAGE;
    }

  if (!reports_cli_connection_check (connection, &error))
    return reports_cli_connection_fail (connection, error);

  if (!reports_cli_connection_open (connection, &error))
    return reports_cli_connection_fail (connection, error);

  if (queue_id != NULL && yeastar_menu_match_need_lookup (queue_id))
    {
      g_autoptr(GListModel) queues = reports_cli_ids_fetch_menu (connection, "queue", NULL, &error);
      char *resolved;

      if (queues == NULL)
        return reports_cli_connection_fail (connection, error);

      resolved = yeastar_menu_match_resolve ("--queue-id", queue_id, TRUE, queues, &error);
      if (resolved == NULL)
        return reports_cli_connection_fail (connection, error);

      g_free (queue_id);
      queue_id = resolved;
    }

  options = reports_cli_ids_fetch_menu (connection, yeastar_menu_get_name (menu), queue_id, &error);
  if (options == NULL)
    return reports_cli_connection_fail (connection, error);

  reports_cli_connection_close (connection);

  if (json)
    print_json (options);
  else
    print_lines (options);

  return REPORTS_EXIT_OK;
}
