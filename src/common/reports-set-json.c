/* reports-set-json.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A report set's file (the format is described in reports-set.c): read
 * and written with json-glib, which only the network module links
 * (docs/architecture.md, "The network module"). The executable calls
 * these two functions through the module's stubs. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "reports-name-template.h"
#include "reports-set.h"
#include "yeastar-client.h"

/* Reading ------------------------------------------------------------ */

static gboolean
format_error (GError    **error,
              const char *member)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is the JSON member at fault, e.g. "pbxs" */
               _("Not a valid report set file: “%s” is missing or wrong"), member);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *member,
            gboolean    optional)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? "" : NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_uint (JsonObject *object,
          const char *member,
          guint       max,
          guint      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      *out = 0;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 0 || value > max)
    return FALSE;

  *out = (guint) value;

  return TRUE;
}

static gboolean
read_pbxs (ReportsSet  *self,
           JsonArray   *array,
           GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *server = NULL;
      ReportsSetPbx *pbx;
      JsonObject *object;
      const char *text;
      const char *client_id;
      const char *pin;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, "pbxs");
      object = json_node_get_object (node);

      text = get_string (object, "server", FALSE);
      client_id = get_string (object, "client_id", FALSE);
      if (text == NULL)
        return format_error (error, "server");
      if (client_id == NULL || client_id[0] == '\0')
        return format_error (error, "client_id");

      server = yeastar_client_normalize_base_uri (text, &local_error);
      if (server == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a valid report set file: %s"), local_error->message);
          return FALSE;
        }

      pbx = reports_set_pbx_new (server, client_id);

      pin = get_string (object, "pinned_certificate", TRUE);
      if (pin == NULL)
        return format_error (error, "pinned_certificate");
      if (pin[0] != '\0')
        {
          pbx->pinned_certificate = yeastar_tls_normalize_fingerprint (pin);
          if (pbx->pinned_certificate == NULL)
            {
              reports_set_pbx_free (pbx);
              return format_error (error, "pinned_certificate");
            }
        }

      reports_set_add_pbx (self, pbx);
    }

  return TRUE;
}

static gboolean
read_report (ReportsSet  *self,
             JsonObject  *object,
             GError     **error)
{
  g_autoptr(ReportsSetReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  ReportsPeriod period;
  const char *type = get_string (object, "type", FALSE);
  const char *period_text = get_string (object, "period", FALSE);
  JsonNode *params = json_object_get_member (object, "params");
  JsonNode *async = json_object_get_member (object, "async");

  if (type == NULL)
    return format_error (error, "type");
  if (period_text == NULL || !reports_period_parse (period_text, &period, NULL))
    return format_error (error, "period");

  report = reports_set_report_new (type, &period);

  if (async != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (async) || json_node_get_value_type (async) != G_TYPE_BOOLEAN)
        return format_error (error, "async");
      report->async = json_node_get_boolean (async);
    }

  if (params != NULL)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *values;

      if (!JSON_NODE_HOLDS_OBJECT (params))
        return format_error (error, "params");
      values = json_node_get_object (params);
      members = json_object_get_members (values);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *value = get_string (values, l->data, FALSE);
          YeastarParam param;

          if (!yeastar_param_from_api_name (l->data, &param))
            return format_error (error, l->data);
          if (value == NULL || !g_utf8_validate (value, -1, NULL))
            return format_error (error, l->data);
          g_free (report->values[param]);
          report->values[param] = g_strdup (value);
        }
    }

  if (!reports_set_report_check (report, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return FALSE;
    }

  reports_set_add_report (self, g_steal_pointer (&report));

  return TRUE;
}

static gboolean
read_schedule (ReportsSet  *self,
               JsonObject  *object,
               GError     **error)
{
  ReportsSchedule schedule = { 0, };
  const char *every = get_string (object, "every", FALSE);
  const char *time = get_string (object, "time", FALSE);

  if (!reports_schedule_kind_from_name (every, &schedule.kind))
    return format_error (error, "every");
  if (!reports_schedule_parse_time (time, &schedule.hour, &schedule.minute, NULL))
    return format_error (error, "time");

  if (schedule.kind == REPORTS_SCHEDULE_WEEKLY &&
      !reports_schedule_parse_weekday (get_string (object, "weekday", FALSE), &schedule.weekday, NULL))
    return format_error (error, "weekday");

  if (schedule.kind == REPORTS_SCHEDULE_MONTHLY &&
      (!get_uint (object, "day", REPORTS_SCHEDULE_MAX_DAY, &schedule.day) || schedule.day == 0))
    return format_error (error, "day");

  reports_set_set_schedule (self, &schedule);

  return TRUE;
}

ReportsSet *
reports_set_new_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ReportsSet) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *name;
  const char *output;
  const char *name_template;
  guint version = 0;
  guint keep_months = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return format_error (error, "version"), NULL;
  root = json_node_get_object (node);

  if (!get_uint (root, "version", G_MAXINT, &version) || version == 0)
    return format_error (error, "version"), NULL;
  if (version > REPORTS_SET_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This report set file is of version %u, made by a later version of "
                     "Call Reports; this one reads version %d"), version, REPORTS_SET_VERSION);
      return NULL;
    }

  name = get_string (root, "name", FALSE);
  if (!reports_set_check_name (name, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Not a valid report set file: %s"), local_error->message);
      return NULL;
    }

  self = reports_set_new (name);

  output = get_string (root, "output", TRUE);
  if (output == NULL || (output[0] != '\0' && !g_path_is_absolute (output)))
    return format_error (error, "output"), NULL;
  reports_set_set_output (self, output);

  name_template = get_string (root, "name_template", TRUE);
  if (name_template == NULL)
    return format_error (error, "name_template"), NULL;
  if (name_template[0] != '\0')
    {
      if (!reports_name_template_check (name_template, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Not a valid report set file: %s"), local_error->message);
          return NULL;
        }
      reports_set_set_name_template (self, name_template);
    }

  if (!get_uint (root, "keep_months", REPORTS_SET_MAX_KEEP_MONTHS, &keep_months))
    return format_error (error, "keep_months"), NULL;
  reports_set_set_keep_months (self, keep_months);

  node = json_object_get_member (root, "pbxs");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return format_error (error, "pbxs"), NULL;
  if (!read_pbxs (self, json_node_get_array (node), error))
    return NULL;

  node = json_object_get_member (root, "reports");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return format_error (error, "reports"), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return format_error (error, "reports"), NULL;
      if (!read_report (self, json_node_get_object (element), error))
        return NULL;
    }

  node = json_object_get_member (root, "schedule");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, "schedule"), NULL;
      if (!read_schedule (self, json_node_get_object (node), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* Writing ------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
write_report (JsonBuilder            *builder,
              const ReportsSetReport *report)
{
  g_autofree char *period = reports_period_to_string (&report->period);
  gboolean has_params = FALSE;

  json_builder_begin_object (builder);
  add_string (builder, "type", report->type);
  add_string (builder, "period", period);
  json_builder_set_member_name (builder, "async");
  json_builder_add_boolean_value (builder, report->async);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (report->values[p] == NULL)
        continue;

      if (!has_params)
        {
          json_builder_set_member_name (builder, "params");
          json_builder_begin_object (builder);
          has_params = TRUE;
        }

      add_string (builder, yeastar_param_get_api_name (p), report->values[p]);
    }

  if (has_params)
    json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
write_schedule (JsonBuilder           *builder,
                const ReportsSchedule *schedule)
{
  g_autofree char *time = g_strdup_printf ("%02u:%02u", schedule->hour, schedule->minute);

  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  add_string (builder, "every", reports_schedule_kind_name (schedule->kind));
  if (schedule->kind == REPORTS_SCHEDULE_WEEKLY)
    add_string (builder, "weekday", reports_schedule_weekday_name (schedule->weekday));
  if (schedule->kind == REPORTS_SCHEDULE_MONTHLY)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, schedule->day);
    }
  add_string (builder, "time", time);
  json_builder_end_object (builder);
}

char *
reports_set_to_data (ReportsSet *self,
                     gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;
  char *data;

  g_return_val_if_fail (REPORTS_IS_SET (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, REPORTS_SET_VERSION);
  add_string (builder, "name", reports_set_get_name (self));
  if (reports_set_get_output (self) != NULL)
    add_string (builder, "output", reports_set_get_output (self));
  add_string (builder, "name_template", reports_set_get_name_template (self));
  json_builder_set_member_name (builder, "keep_months");
  json_builder_add_int_value (builder, reports_set_get_keep_months (self));

  json_builder_set_member_name (builder, "pbxs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reports_set_get_n_pbxs (self); i++)
    {
      const ReportsSetPbx *pbx = reports_set_get_pbx (self, i);

      json_builder_begin_object (builder);
      add_string (builder, "server", pbx->server);
      add_string (builder, "client_id", pbx->client_id);
      if (pbx->pinned_certificate != NULL)
        add_string (builder, "pinned_certificate", pbx->pinned_certificate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reports_set_get_n_reports (self); i++)
    write_report (builder, reports_set_get_report (self, i));
  json_builder_end_array (builder);

  if (reports_set_get_schedule (self)->kind != REPORTS_SCHEDULE_NONE)
    write_schedule (builder, reports_set_get_schedule (self));

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = g_string_new (NULL);
  data = json_generator_to_data (generator, NULL);
  g_string_append (text, data);
  g_string_append_c (text, '\n');
  g_free (data);

  if (length != NULL)
    *length = text->len;

  return g_string_free (text, FALSE);
}
