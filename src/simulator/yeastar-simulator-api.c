/* yeastar-simulator-api.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "yeastar-report-type.h"
#include "yeastar-simulator-faults.h"
#include "yeastar-simulator-layout.h"
#include "yeastar-simulator-private.h"
#include "yeastar-text.h"

/* system/information, system/get_menuoptions and call_report/download,
 * with the v2.0 parameter validator (docs/pbx-api.md, Report API versions,
 * Dates, ID lists). */

/* system/information and get_menuoptions */

void
_yeastar_simulator_handle_information (YeastarSimulator  *self,
                                       SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (0);
  g_autoptr(GDateTime) now = _yeastar_simulator_dup_now (self);
  g_autofree char *layout = _yeastar_simulator_layout_for_range (self->date_format, self->time_format);
  g_autofree char *system_time = _yeastar_simulator_layout_format (layout, now);
  gint64 up_time = (g_get_monotonic_time () - self->created_at) / G_USEC_PER_SEC;

  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, self->device_name);
  json_builder_set_member_name (builder, "model_name");
  json_builder_add_string_value (builder, self->model);
  json_builder_set_member_name (builder, "sn");
  json_builder_add_string_value (builder, self->serial);
  json_builder_set_member_name (builder, "firmware_version");
  json_builder_add_string_value (builder, self->firmware);
  json_builder_set_member_name (builder, "system_time");
  json_builder_add_string_value (builder, system_time);
  /* A PBX that has been up for three days. */
  json_builder_set_member_name (builder, "up_time");
  json_builder_add_int_value (builder, 3 * 86400 + up_time);
  json_builder_set_member_name (builder, "system_date_format");
  json_builder_add_string_value (builder, self->date_format);
  json_builder_set_member_name (builder, "system_time_format");
  json_builder_add_string_value (builder, self->time_format);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, g_date_time_to_unix (now));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
}

static void
add_invalid (JsonBuilder *builder,
             const char  *field,
             const char  *value,
             const char  *valid_msg)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "valid_msg");
  json_builder_add_string_value (builder, valid_msg);
  if (value != NULL)
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

static void
reply_invalid_param_full (SoupServerMessage *msg,
                          const char        *errmsg,
                          const char        *field,
                          const char        *valid_msg,
                          const char        *value)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply_text (40002, errmsg);

  json_builder_set_member_name (builder, "invalid_param_list");
  json_builder_begin_array (builder);
  add_invalid (builder, field, value, valid_msg);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  _yeastar_simulator_reply_builder (msg, builder);
}

static void
reply_invalid_param_value (SoupServerMessage *msg,
                           const char        *field,
                           const char        *valid_msg,
                           const char        *value)
{
  reply_invalid_param_full (msg, _yeastar_simulator_errmsg_for (40002), field, valid_msg, value);
}

static void
reply_invalid_param (SoupServerMessage *msg,
                     const char        *field,
                     const char        *valid_msg)
{
  reply_invalid_param_value (msg, field, valid_msg, NULL);
}

void
_yeastar_simulator_handle_menu_options (YeastarSimulator  *self,
                                        SoupServerMessage *msg,
                                        GArray            *params)
{
  const char *menu_name = _yeastar_simulator_lookup_param (params, "menu");
  const char *id = _yeastar_simulator_lookup_param (params, "id");
  YeastarSimulatorMenu menu;
  guint queue = 0;
  GString *json;

  if (menu_name == NULL || *menu_name == '\0')
    {
      reply_invalid_param (msg, "menu", "menu must required");
      return;
    }

  json = g_string_sized_new (4096);
  g_string_append (json, "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":");

  if (_yeastar_simulator_menu_from_name (menu_name, &menu))
    {
      if (yeastar_menu_needs_queue ((YeastarMenu) menu))
        {
          if (id == NULL || *id == '\0')
            {
              g_string_free (json, TRUE);
              reply_invalid_param (msg, "id", "id must required when menu is queue_agent");
              return;
            }

          /* An unknown queue has no agents: an empty list, like the PBX
           * answers a bogus ID elsewhere. */
          if (!_yeastar_simulator_menu_lookup_id (&self->menus, YEASTAR_SIMULATOR_MENU_QUEUE, id, &queue))
            {
              g_string_append (json, "[]}");
              _yeastar_simulator_reply_json (msg, json->str);
              g_string_free (json, TRUE);
              return;
            }
        }

      /* A GString, not a JsonNode per option: 20,000 extensions in a few ms. */
      _yeastar_simulator_menu_append_json (&self->menus, menu, queue, json);
    }
  else if (_yeastar_simulator_menu_is_empty_known (menu_name))
    {
      g_string_append (json, "[]");
    }
  else
    {
      g_autofree char *valid_msg = g_strdup_printf ("menu value invalid: %s", menu_name);

      g_string_free (json, TRUE);
      reply_invalid_param (msg, "menu", valid_msg);
      return;
    }

  g_string_append_c (json, '}');
  _yeastar_simulator_reply_json (msg, json->str);
  g_string_free (json, TRUE);
}

/* call_report/download */

static char *
period_layout_for (YeastarSimulator *self,
                   const char       *text)
{
  guint separators = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      separators++;

  /* The hint names the layout of the period the text looks like. */
  if (separators == 0 && strlen (text) <= 4)
    return g_strdup ("2006");
  if (separators == 1)
    return _yeastar_simulator_layout_for_month (self->date_format);
  return _yeastar_simulator_layout_for_date (self->date_format);
}

/* The v2.0 validator, driven by the report-type table. Returns FALSE and
 * replies 40002 with invalid_param_list when a parameter is wrong. */
static gboolean
validate_v2 (YeastarSimulator        *self,
             SoupServerMessage       *msg,
             const YeastarReportType *type,
             GArray                  *params)
{
  g_autoptr(JsonBuilder) builder = _yeastar_simulator_begin_reply (40002);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autofree char *range_layout = _yeastar_simulator_layout_for_range (self->date_format,
                                                                       self->time_format);
  const char *type_name = yeastar_report_type_get_api_name (type);
  guint n_invalid = 0;

  json_builder_set_member_name (builder, "invalid_param_list");
  json_builder_begin_array (builder);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      const char *name = yeastar_param_get_api_name (p);
      const char *value = _yeastar_simulator_lookup_param (params, name);
      g_autofree char *valid_msg = NULL;
      g_autofree char *layout = NULL;
      g_autoptr(GDateTime) parsed = NULL;
      const char * const *allowed;

      if (value == NULL || *value == '\0')
        {
          if (yeastar_report_type_requires (type, p))
            valid_msg = g_strdup_printf ("%s must required when type is %s", name, type_name);
          value = NULL;
        }
      else if (!yeastar_report_type_takes (type, p))
        {
          /* The PBX ignores parameters the type does not take, as it
           * ignores any unknown query parameter. */
        }
      else
        {
          switch (yeastar_param_get_value_kind (p))
            {
            case YEASTAR_VALUE_DATE_TIME:
              parsed = _yeastar_simulator_layout_parse (range_layout, value, tz);
              if (parsed == NULL)
                valid_msg = g_strdup_printf ("%s format invalid, valid format: %s", name, range_layout);
              break;

            case YEASTAR_VALUE_PERIOD:
              layout = period_layout_for (self, value);
              parsed = _yeastar_simulator_layout_parse (layout, value, tz);
              if (parsed == NULL)
                valid_msg = g_strdup_printf ("%s format invalid, valid format: %s", name, layout);
              break;

            case YEASTAR_VALUE_ENUM:
              allowed = yeastar_report_type_get_enum_values (type, p);
              if (allowed != NULL && !g_strv_contains (allowed, value))
                {
                  g_autofree char *list = g_strjoinv (" ", (char **) allowed);

                  /* go-playground/validator's wording for oneof. */
                  valid_msg = g_strdup_printf ("%s must be one of [%s]", name, list);
                }
              break;

            case YEASTAR_VALUE_FLAG:
              if (strcmp (value, "0") != 0 && strcmp (value, "1") != 0)
                valid_msg = g_strdup_printf ("%s must be one of [0 1]", name);
              break;

            case YEASTAR_VALUE_SECONDS:
              if (!yeastar_text_is_digits (value, -1))
                valid_msg = g_strdup_printf ("%s must be a non-negative integer", name);
              break;

            case YEASTAR_VALUE_ID_LIST:
            case YEASTAR_VALUE_ID:
            case YEASTAR_VALUE_TEXT:
            default:
              /* IDs are not validated: a bogus ID gives an empty report. */
              break;
            }
        }

      if (valid_msg != NULL)
        {
          add_invalid (builder, name, value, valid_msg);
          n_invalid++;
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (n_invalid == 0)
    return TRUE;

  _yeastar_simulator_reply_builder (msg, builder);
  return FALSE;
}

void
_yeastar_simulator_handle_report (YeastarSimulator      *self,
                                  SoupServerMessage     *msg,
                                  GArray                *params,
                                  gboolean               v2,
                                  YeastarSimulatorFault  fault)
{
  const char *type_name = _yeastar_simulator_lookup_param (params, "type");
  const YeastarReportType *type;
  g_autofree char *name = NULL;
  OfferedFile *file;
  gboolean is_async;

  if (type_name == NULL || *type_name == '\0')
    {
      /* v2.0 validates; v1.0 cannot build a report without a type. */
      if (v2)
        reply_invalid_param (msg, "type", "type must required");
      else
        _yeastar_simulator_reply_error (msg, -2);
      return;
    }

  /* An unknown type crashes the report module on real firmware, on both
   * API versions: -2, not 40002. */
  type = yeastar_report_type_lookup (type_name);
  if (type == NULL)
    {
      _yeastar_simulator_reply_error (msg, -2);
      return;
    }

  /* v1.0 takes anything (and on a real PBX quietly answers with an empty
   * report when the format is wrong). */
  if (v2 && !validate_v2 (self, msg, type, params))
    return;

#ifdef YEASTAR_SIMULATOR_TEST_HOOKS
  /* Free text with control characters in every text of a 40002 reply. */
  if (fault == YEASTAR_SIMULATOR_FAULT_HOSTILE_TEXT)
    {
      const char *text = _yeastar_simulator_hostile_text (self);

      reply_invalid_param_full (msg, text, text, text, text);
      return;
    }
#endif

  /* A rejection that only the PBX can make, such as an ID it does not
  * have: the first ID list of the request. [INFERRED] the wording. */
  if (fault == YEASTAR_SIMULATOR_FAULT_PARAMETER_ERROR)
    {
      for (guint i = 0; i < params->len; i++)
        {
          const Param *param = &g_array_index (params, Param, i);

          if (g_str_has_suffix (param->name, "_id_list") || g_str_has_suffix (param->name, "_id"))
            {
              g_autofree char *valid_msg = g_strdup_printf ("%s not exist", param->name);

              reply_invalid_param_value (msg, param->name, valid_msg, param->value);
              return;
            }
        }
      reply_invalid_param (msg, "type", "type invalid");
      return;
    }

  is_async = g_strcmp0 (_yeastar_simulator_lookup_param (params, "is_async"), "1") == 0;

  if (fault == YEASTAR_SIMULATOR_FAULT_REPORT_FAILED && !is_async)
    {
      _yeastar_simulator_reply_error (msg, -1);
      return;
    }

  if (fault == YEASTAR_SIMULATOR_FAULT_HOSTILE_FILE_NAME)
    name = g_strdup (self->hostile_file_name && *self->hostile_file_name ? self->hostile_file_name : "../x.csv");
  else
    name = _yeastar_simulator_new_file_name (self, type);

  file = _yeastar_simulator_offer_file (self, type, params, name);
  if (fault == YEASTAR_SIMULATOR_FAULT_LINK_EXPIRED)
    file->expires = 0;

  if (is_async)
    {
      _yeastar_simulator_schedule_event (self, file, fault == YEASTAR_SIMULATOR_FAULT_REPORT_FAILED);
      _yeastar_simulator_reply_error (msg, 2);
      return;
    }

  _yeastar_simulator_reply_file_link (msg, file);
}
