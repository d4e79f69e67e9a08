/* reports-set-notification.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-notification.h"
#include "yeastar-report-type.h"
#include "yeastar-text.h"

/* The body names at most this many failed reports. */
#define MAX_FAILURES_SHOWN 3

static char *
dup_failure (const ReportsSetResult *result)
{
  const YeastarReportType *type = yeastar_report_type_lookup (result->type);
  g_autofree char *pbx = yeastar_text_escape (result->pbx_name != NULL ? result->pbx_name : result->server, -1);
  g_autofree char *message = yeastar_text_escape (result->error->message, -1);
  g_autofree char *period = yeastar_text_escape (result->period, -1);

  /* Translators: a report type, its period, the PBX's name, and why the
   * report failed, e.g. "Queue Performance, 2026-11, Main Office: …" */
  return g_strdup_printf (_("%s, %s, %s: %s"),
                          type != NULL ? yeastar_report_type_get_title (type) : result->type,
                          period, pbx, message);
}

GVariant *
reports_set_notification_describe (ReportsSetRun *run,
                                   const GError  *error)
{
  ReportsSet *set;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_results, n_failed, n_saved, shown = 0;

  g_return_val_if_fail (REPORTS_IS_SET_RUN (run), NULL);

  set = reports_set_run_get_set (run);
  name = yeastar_text_escape (reports_set_get_name (set), -1);
  id = g_strdup_printf ("set-run-%s", reports_set_get_name (set));
  folder = reports_set_dup_output_folder (set);
  n_results = reports_set_run_get_n_results (run);
  n_failed = error != NULL ? n_results : reports_set_run_get_n_failed (run);
  n_saved = n_results - n_failed;

  if (error != NULL)
    {
      g_autofree char *message = yeastar_text_escape (error->message, -1);

      /* Translators: %s is the name of a report set */
      title = g_strdup_printf (_("The report set “%s” did not run"), name);
      g_string_append (body, message);
    }
  else if (n_failed == 0)
    {
      title = g_strdup_printf (ngettext ("%u report of “%s” saved", "%u reports of “%s” saved",
                                         n_saved),
                               n_saved, name);
      path = g_file_get_path (folder);
      {
        g_autofree char *display = g_file_get_parse_name (folder);

        /* Translators: %s is a folder */
        g_string_printf (body, _("In %s"), display);
      }
    }
  else
    {
      /* Translators: how many reports of how many failed, the set's name */
      title = g_strdup_printf (ngettext ("%u of %u reports of “%s” failed",
                                         "%u of %u reports of “%s” failed", n_results),
                               n_failed, n_results, name);

      for (guint i = 0; i < n_results; i++)
        {
          const ReportsSetResult *result = reports_set_run_get_result (run, i);
          g_autofree char *line = NULL;

          if (result->error == NULL)
            continue;
          if (shown == MAX_FAILURES_SHOWN)
            break;

          line = dup_failure (result);
          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, line);
          shown++;
        }

      if (n_failed > shown)
        {
          g_string_append_c (body, '\n');
          /* Translators: after the first failed reports, how many more */
          g_string_append_printf (body, ngettext ("and %u more", "and %u more", n_failed - shown),
                                  n_failed - shown);
        }

      if (n_saved > 0)
        {
          g_string_append_c (body, '\n');
          g_string_append_printf (body, ngettext ("%u report saved", "%u reports saved", n_saved),
                                  n_saved);
          path = g_file_get_path (folder);
        }
    }

  return g_variant_new ("(ssss)", id, title, body->str, path != NULL ? path : "");
}

GNotification *
reports_set_notification_new (GVariant *description)
{
  GNotification *notification;
  const char *title, *body, *folder;

  g_return_val_if_fail (g_variant_is_of_type (description, G_VARIANT_TYPE ("(ssss)")), NULL);

  g_variant_get (description, "(&s&s&s&s)", NULL, &title, &body, &folder);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.activate");
  if (folder[0] != '\0')
    g_notification_add_button_with_target (notification, _("Open Folder"),
                                           "app." REPORTS_SET_NOTIFICATION_OPEN_FOLDER, "s", folder);

  return notification;
}
