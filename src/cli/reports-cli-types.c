/* reports-cli-types.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cli.h"
#include "reports-cli-types.h"
#include "yeastar-report-type.h"

static const char *
value_kind_title (YeastarValueKind kind)
{
  switch (kind)
    {
    case YEASTAR_VALUE_DATE_TIME: return _("date and time");
    case YEASTAR_VALUE_PERIOD:    return _("day, month or year");
    case YEASTAR_VALUE_ID_LIST:   return _("list of IDs");
    case YEASTAR_VALUE_ID:        return _("ID");
    case YEASTAR_VALUE_ENUM:      return _("one of");
    case YEASTAR_VALUE_SECONDS:   return _("seconds");
    case YEASTAR_VALUE_TEXT:      return _("text");
    case YEASTAR_VALUE_FLAG:      return _("switch");
    default:                      g_assert_not_reached ();
    }
}

static void
print_type (GString                 *out,
            const YeastarReportType *type)
{
  g_string_append_printf (out, "%s\t%s (%s)\n",
                          yeastar_report_type_get_api_name (type),
                          yeastar_report_type_get_title (type),
                          yeastar_category_get_title (yeastar_report_type_get_category (type)));

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarAvailability availability = yeastar_report_type_get_availability (type, p);
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      const char * const *values;
      g_autofree char *option = NULL;

      if (availability == YEASTAR_AVAILABILITY_NONE)
        continue;

      option = reports_cli_dup_param_option (p);
      g_string_append_printf (out, "  --%-20s %-9s %s",
                              option,
                              availability == YEASTAR_AVAILABILITY_REQUIRED ? _("required") : _("optional"),
                              value_kind_title (kind));

      values = yeastar_report_type_get_enum_values (type, p);
      if (kind == YEASTAR_VALUE_ENUM && values != NULL)
        {
          g_autofree char *joined = g_strjoinv ("|", (char **) values);

          g_string_append_printf (out, " %s", joined);
        }

      g_string_append_c (out, '\n');
    }
}

int
reports_cli_types_run (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) args = NULL;

  context = g_option_context_new (_("[TYPE…] — list report types and their parameters"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Lists every call report type the PBX offers, with the options "
                                  "`call-reports download` takes for it. Give type names to list "
                                  "only those."));

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("call-reports types: %s\n", error->message);
      return REPORTS_EXIT_USAGE;
    }

  if (args[1] == NULL)
    {
      for (guint i = 0; i < yeastar_report_type_get_count (); i++)
        print_type (out, yeastar_report_type_get_nth (i));
    }
  else
    {
      for (guint i = 1; args[i] != NULL; i++)
        {
          const YeastarReportType *type = yeastar_report_type_lookup (args[i]);

          if (type == NULL)
            {
              g_printerr (_("call-reports types: unknown report type “%s”; run `call-reports types` to list them\n"),
                          args[i]);
              return REPORTS_EXIT_USAGE;
            }

          print_type (out, type);
        }
    }

  g_print ("%s", out->str);

  return REPORTS_EXIT_OK;
}
