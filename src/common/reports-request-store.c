/* reports-request-store.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-request-store.h"
#include "reports-selection-store.h"

/* The values of a request as text, by API name ("a{ss}"): the non-time
 * parameters as the request holds them, start_time, end_time and time in
 * ISO 8601 (the PBX's own format is applied only when sending), and
 * period_kind. The form keeps one such dictionary per report type in
 * GSettings ("report-values"); a download's record keeps one too. */

static const char * const period_kind_names[] = { "day", "month", "year" };

static gboolean
is_id_param (YeastarParam param)
{
  YeastarValueKind kind = yeastar_param_get_value_kind (param);

  return kind == YEASTAR_VALUE_ID_LIST || kind == YEASTAR_VALUE_ID;
}

static void
add_time (GVariantBuilder *builder,
          const char      *key,
          GDateTime       *date_time)
{
  g_autofree char *text = NULL;

  if (date_time == NULL)
    return;

  text = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S");
  g_variant_builder_add (builder, "{ss}", key, text);
}

GVariant *
reports_request_values_from_request (YeastarReportRequest      *request,
                                     ReportsRequestValuesFlags  flags)
{
  const YeastarReportType *type;
  GVariantBuilder builder;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), NULL);

  type = yeastar_report_request_get_report_type (request);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *value;

      if (!yeastar_report_type_takes (type, p) || yeastar_report_request_find_param_property (p) == NULL)
        continue;
      if (is_id_param (p) && !(flags & REPORTS_REQUEST_VALUES_WITH_IDS))
        continue;

      value = yeastar_report_request_get_value (request, p);
      if (value != NULL)
        g_variant_builder_add (&builder, "{ss}", yeastar_param_get_api_name (p), value);
    }
  add_time (&builder, "start_time", yeastar_report_request_get_start_time (request));
  add_time (&builder, "end_time", yeastar_report_request_get_end_time (request));
  add_time (&builder, "time", yeastar_report_request_get_period (request));
  g_variant_builder_add (&builder, "{ss}", "period_kind",
                         period_kind_names[yeastar_report_request_get_period_kind (request)]);

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
apply_value (YeastarReportRequest      *request,
             const char                *key,
             const char                *value,
             ReportsRequestValuesFlags  flags)
{
  YeastarParam param;

  if (g_str_equal (key, "start_time") || g_str_equal (key, "end_time") || g_str_equal (key, "time"))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (value, utc);

      if (g_str_equal (key, "start_time"))
        yeastar_report_request_set_start_time (request, date_time);
      else if (g_str_equal (key, "end_time"))
        yeastar_report_request_set_end_time (request, date_time);
      else
        yeastar_report_request_set_period (request, date_time);
    }
  else if (g_str_equal (key, "period_kind"))
    {
      for (guint k = 0; k < G_N_ELEMENTS (period_kind_names); k++)
        {
          if (g_str_equal (value, period_kind_names[k]))
            yeastar_report_request_set_period_kind (request, k);
        }
    }
  else if (yeastar_param_from_api_name (key, &param) &&
           (!is_id_param (param) || (flags & REPORTS_REQUEST_VALUES_WITH_IDS)) &&
           yeastar_report_request_find_param_property (param) != NULL)
    {
      yeastar_report_request_set_value (request, param, value);
    }
}

/* Sets the values of @values ("a{ss}") on the request's current type;
 * unknown keys are skipped. FALSE if @values is not a dictionary. */
gboolean
reports_request_values_apply (YeastarReportRequest      *request,
                              GVariant                  *values,
                              ReportsRequestValuesFlags  flags)
{
  GVariantIter iter;
  const char *key;
  const char *value;

  g_return_val_if_fail (YEASTAR_IS_REPORT_REQUEST (request), FALSE);

  if (values == NULL || !g_variant_is_of_type (values, G_VARIANT_TYPE ("a{ss}")))
    return FALSE;

  g_variant_iter_init (&iter, values);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    apply_value (request, key, value, flags);

  return TRUE;
}

/* Keeps the values of the request's current type, and the type as the
 * last one used, replacing what was kept for that type. */
void
reports_request_store_save (GSettings            *settings,
                            YeastarReportRequest *request)
{
  const char *api_name;
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GVariant) values = NULL;
  GVariantBuilder all;
  GVariantIter iter;
  const char *key;
  GVariant *entry;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (request));

  api_name = yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (request));
  values = reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_DEFAULT);

  g_variant_builder_init (&all, G_VARIANT_TYPE ("a{sa{ss}}"));
  old = g_settings_get_value (settings, "report-values");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &key, &entry))
    {
      if (g_strcmp0 (key, api_name) != 0)
        g_variant_builder_add (&all, "{s@a{ss}}", key, entry);
      g_variant_unref (entry);
    }
  g_variant_builder_add (&all, "{s@a{ss}}", api_name, values);

  g_settings_set_value (settings, "report-values", g_variant_builder_end (&all));
  g_settings_set_string (settings, "report-type", api_name);
}

/* Gives the request the values kept for every type, and then the type
 * used last. Types the table does not know (any more) are skipped. */
void
reports_request_store_load (GSettings            *settings,
                            YeastarReportRequest *request)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *last_type = NULL;
  GVariantIter iter;
  const char *api_name;
  GVariant *values;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (request));

  /* Older versions kept IDs here too. */
  reports_selection_store_drop_report_values_ids (settings);

  all = g_settings_get_value (settings, "report-values");
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &api_name, &values))
    {
      if (yeastar_report_type_lookup (api_name) != NULL)
        {
          yeastar_report_request_set_report_type (request, api_name);
          reports_request_values_apply (request, values, REPORTS_REQUEST_VALUES_DEFAULT);
        }
      g_variant_unref (values);
    }

  last_type = g_settings_get_string (settings, "report-type");
  if (yeastar_report_type_lookup (last_type) != NULL)
    yeastar_report_request_set_report_type (request, last_type);
}
