/* reports-download-label.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-download-label.h"
#include "yeastar-report-type.h"

/* At most this many IDs of one field are listed; the rest are counted. */
#define MAX_IDS 3

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

/* "Queues 6, 7; Agents 3, 4, 5 and 2 more", or NULL without IDs. */
char *
reports_download_label_ids (const char *report_type,
                            GVariant   *values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < YEASTAR_N_PARAMS && values != NULL; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      g_auto(GStrv) ids = NULL;
      const char *list = NULL;
      guint n_ids;

      if ((kind != YEASTAR_VALUE_ID_LIST && kind != YEASTAR_VALUE_ID) ||
          !g_variant_lookup (values, yeastar_param_get_api_name (p), "&s", &list))
        continue;

      ids = g_strsplit (list, ",", -1);
      n_ids = g_strv_length (ids);
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s ", yeastar_param_get_title (p));
      for (guint i = 0; i < n_ids && i < MAX_IDS; i++)
        g_string_append_printf (text, i > 0 ? ", %s" : "%s", ids[i]);
      if (n_ids > MAX_IDS)
        /* Translators: after the first IDs of a list, e.g. "1, 2, 3 and 5 more". */
        g_string_append_printf (text, ngettext (" and %u more", " and %u more", n_ids - MAX_IDS), n_ids - MAX_IDS);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
