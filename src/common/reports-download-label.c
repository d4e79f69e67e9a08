/* reports-download-label.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-download-label.h"
#include "yeastar-menu-option.h"
#include "yeastar-report-type.h"
#include "yeastar-text.h"

/* At most this many names (or IDs) of one field are listed; the rest
 * are counted. */
#define MAX_IDS 2

static GDateTime *
lookup_time (GVariant   *values,
             const char *key)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = NULL;

  if (values == NULL || !g_variant_lookup (values, key, "&s", &text))
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}

static char *
format_day (GDateTime *date_time)
{
  /* Translators: a day in a report's name, as g_date_time_format () takes it: "2 November 2026". */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

static char *
format_month (GDateTime *date_time)
{
  /* Translators: a month in a report's name, as g_date_time_format () takes it: "November 2026". */
  return g_date_time_format (date_time, _("%B %Y"));
}

static gboolean
starts_day (GDateTime *date_time)
{
  return g_date_time_get_hour (date_time) == 0 && g_date_time_get_minute (date_time) == 0 &&
         g_date_time_get_second (date_time) == 0;
}

static gboolean
ends_day (GDateTime *date_time)
{
  return g_date_time_get_hour (date_time) == 23 && g_date_time_get_minute (date_time) == 59;
}

static char *
label_range (GDateTime *start,
             GDateTime *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start == NULL && end == NULL)
    return g_strdup (_("all the data"));

  if (start != NULL && end != NULL && starts_day (start) && ends_day (end))
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (end, 1);
      gboolean same_month = g_date_time_get_year (start) == g_date_time_get_year (end) &&
                            g_date_time_get_month (start) == g_date_time_get_month (end);

      if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
          g_date_time_get_day_of_year (start) == 1 && g_date_time_get_day_of_year (next) == 1)
        return g_date_time_format (start, "%Y");
      if (same_month && g_date_time_get_day_of_month (start) == 1 && g_date_time_get_day_of_month (next) == 1)
        return format_month (start);
      if (same_month && g_date_time_get_day_of_month (start) == g_date_time_get_day_of_month (end))
        return format_day (start);
    }

  start_text = start != NULL ? format_day (start) : NULL;
  end_text = end != NULL ? format_day (end) : NULL;
  if (start_text == NULL)
    /* Translators: a time range without a start; %s is a day. */
    return g_strdup_printf (_("until %s"), end_text);
  if (end_text == NULL)
    /* Translators: a time range without an end; %s is a day. */
    return g_strdup_printf (_("from %s"), start_text);
  if (g_strcmp0 (start_text, end_text) == 0)
    return g_steal_pointer (&start_text);

  /* Translators: a time range of days, e.g. "3 November 2026 – 9 November 2026". */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

/* "November 2026", "2 November 2026", "2026", "3 November 2026 – 9
 * November 2026", "all the data". */
char *
reports_download_label_period (const char *report_type,
                               GVariant   *values)
{
  const YeastarReportType *type = yeastar_report_type_lookup (report_type);
  g_autoptr(GDateTime) start = lookup_time (values, "start_time");
  g_autoptr(GDateTime) end = lookup_time (values, "end_time");
  g_autoptr(GDateTime) period = lookup_time (values, "time");
  const char *kind = NULL;

  if (type != NULL && yeastar_report_type_uses_period (type))
    {
      if (period == NULL)
        return g_strdup ("—");
      if (values != NULL)
        g_variant_lookup (values, "period_kind", "&s", &kind);
      if (g_strcmp0 (kind, "year") == 0)
        return g_date_time_format (period, "%Y");
      if (g_strcmp0 (kind, "month") == 0)
        return format_month (period);
      return format_day (period);
    }

  return label_range (start, end);
}

/* "Queue Performance, November 2026". */
char *
reports_download_label_title (const char *report_type,
                              GVariant   *values)
{
  const YeastarReportType *type = yeastar_report_type_lookup (report_type);
  g_autofree char *period = reports_download_label_period (report_type, values);

  /* Translators: a report's name: its type and its period, e.g. "Queue Performance, November 2026". */
  return g_strdup_printf (_("%s, %s"), type != NULL ? yeastar_report_type_get_title (type) : report_type, period);
}

static char *
name_key (YeastarParam  param,
          const char   *id)
{
  return g_strdup_printf ("%s/%s", yeastar_param_get_api_name (param), id);
}

/* "Queues: Sales, Support; Agents: 1001 - Alice Martin, 1002 - Bruno Ball,
 * 1003 - Chloé Schmidt and 2 more", or NULL without IDs. The PBX's names
 * of the IDs as @names ("a{ss}", from reports_download_label_collect_names ())
 * has them, escaped; an ID without a name (or a record kept before the
 * names were) is shown as itself. */
char *
reports_download_label_ids (const char *report_type,
                            GVariant   *values,
                            GVariant   *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS && values != NULL; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      g_autoptr(GString) list_text = g_string_new (NULL);
      g_autofree char *field = NULL;
      g_auto(GStrv) ids = NULL;
      const char *list = NULL;
      guint n_ids;

      if ((kind != YEASTAR_VALUE_ID_LIST && kind != YEASTAR_VALUE_ID) ||
          !g_variant_lookup (values, yeastar_param_get_api_name (p), "&s", &list))
        continue;

      ids = g_strsplit (list, ",", -1);
      n_ids = g_strv_length (ids);
      for (guint i = 0; i < n_ids && i < MAX_IDS; i++)
        {
          g_autofree char *key = name_key (p, ids[i]);
          g_autofree char *escaped = NULL;
          const char *name = NULL;

          if (names == NULL || !g_variant_lookup (names, key, "&s", &name) || name[0] == '\0')
            name = ids[i];
          escaped = yeastar_text_escape (name, -1);
          if (i > 0)
            /* Translators: between the names of a list, e.g. "Sales, Support". */
            g_string_append (list_text, _(", "));
          g_string_append (list_text, escaped);
        }
      if (n_ids > MAX_IDS)
        /* Translators: after the first IDs of a list, e.g. "1, 2, 3 and 5 more". */
        g_string_append_printf (list_text, ngettext (" and %u more", " and %u more", n_ids - MAX_IDS), n_ids - MAX_IDS);

      if (text->len > 0)
        /* Translators: between the fields of a download's IDs, e.g. "Queues: Sales; Agents: 1001 - Alice Martin". */
        g_string_append (text, _("; "));
      /* Translators: a field and what was chosen in it, e.g. "Queues: Sales, Support and 3 more". */
      field = g_strdup_printf (_("%s: %s"), yeastar_param_get_title (p), list_text->str);
      g_string_append (text, field);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
lookup_name (GListModel *options,
             const char *id)
{
  guint n_options = options != NULL ? g_list_model_get_n_items (options) : 0;

  for (guint i = 0; i < n_options; i++)
    {
      g_autoptr(YeastarMenuOption) option = g_list_model_get_item (options, i);

      if (g_strcmp0 (yeastar_menu_option_get_id (option), id) == 0)
        return yeastar_menu_option_get_text (option);
    }

  return NULL;
}

/* The names the PBX gave the IDs of @values, as far as @peek_menu has
 * the menus (the window's session has those the form loaded for its ID
 * rows): "a{ss}" of "api_name/ID" → the name, as the PBX wrote it
 * (escaped when shown). */
GVariant *
reports_download_label_collect_names (GVariant                *values,
                                      ReportsDownloadPeekMenu  peek_menu,
                                      gpointer                 user_data)
{
  GVariantBuilder builder;
  const char *queue_id = NULL;

  g_return_val_if_fail (peek_menu != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  if (values != NULL)
    g_variant_lookup (values, yeastar_param_get_api_name (YEASTAR_PARAM_QUEUE_ID), "&s", &queue_id);

  for (guint p = 0; p < YEASTAR_N_PARAMS && values != NULL; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      const char * const *menus = yeastar_param_get_menus (p);
      const char *single[] = { yeastar_param_get_menu (p), NULL };
      g_auto(GStrv) ids = NULL;
      const char *list = NULL;

      if ((kind != YEASTAR_VALUE_ID_LIST && kind != YEASTAR_VALUE_ID) ||
          !g_variant_lookup (values, yeastar_param_get_api_name (p), "&s", &list))
        continue;
      if (menus == NULL)
        menus = single;

      ids = g_strsplit (list, ",", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autofree char *key = name_key (p, ids[i]);
          const char *name = NULL;

          for (guint m = 0; menus[m] != NULL && name == NULL; m++)
            name = lookup_name (peek_menu (menus[m], yeastar_param_needs_queue (p) ? queue_id : NULL, user_data),
                                ids[i]);
          if (name != NULL)
            g_variant_builder_add (&builder, "{ss}", key, name);
        }
    }

  return g_variant_builder_end (&builder);
}
