/* yeastar-reply-json.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the library reads from the JSON of the PBX's replies: an errcode's
 * error, the menu options, the system information, a report's download
 * link. Only the network module links json-glib (docs/architecture.md,
 * "The network module"), so these readers are in it, apart from the types
 * they build (yeastar-error.c, yeastar-menu-option.c, yeastar-pbx-info.c,
 * yeastar-report-link.c), which the window uses before it loads the module. */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-menu-option.h"
#include "yeastar-pbx-info.h"
#include "yeastar-report-link.h"
#include "yeastar-text.h"

/* A string member, or NULL when it is missing or not a string: never the
 * critical json_object_get_string_member_with_default() emits for objects. */
const char *
_yeastar_json_get_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* An integer member, or @fallback when missing or not an integer. */
gint64
_yeastar_json_get_int (JsonObject *object,
                       const char *name,
                       gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static char *
describe_block_expiry (JsonNode *node)
{
  /* [INFERRED] The docs do not say what block_expire_time holds. A large
   * number is taken as a Unix time, a small one as seconds left, and a
   * string is shown as the PBX wrote it. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return yeastar_text_escape (json_node_get_string (node), -1);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value > 1000000000)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (value);

          if (when != NULL)
            return g_date_time_format (when, "%c");
        }
      else if (value > 0)
        {
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute", "in %d minutes",
                                               (gulong) ((value + 59) / 60)),
                                  (int) ((value + 59) / 60));
        }
    }

  return NULL;
}

/* 70004: the block's end, when the PBX says it. */
static GError *
ip_blocked_error (JsonObject *root)
{
  JsonNode *expiry = root ? json_object_get_member (root, "block_expire_time") : NULL;
  g_autofree char *when = expiry ? describe_block_expiry (expiry) : NULL;

  if (when != NULL)
    return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_IP_BLOCKED,
                        _("The PBX has blocked this computer’s IP address after repeated "
                          "failed logins. An administrator can remove it under Security > "
                          "Security Rules > Blocked IPs; otherwise the block ends by itself "
                          "(%s)."), when);
  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_IP_BLOCKED,
                      _("The PBX has blocked this computer’s IP address after repeated "
                        "failed logins. An administrator can remove it under Security > "
                        "Security Rules > Blocked IPs."));
}

/* One entry of a 40002 reply's invalid_param_list, or NULL if it is not
 * an object. Everything of the entry may reach a message or the CLI's
 * output: no secret may come back through it. */
static YeastarInvalidParam *
invalid_param_from_json (JsonNode           *item,
                         const char * const *secrets)
{
  JsonObject *obj;
  JsonNode *value_node;
  g_autofree char *value = NULL;
  g_autofree char *safe_field = NULL;
  g_autofree char *safe_valid_msg = NULL;
  g_autofree char *safe_value = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return NULL;

  obj = json_node_get_object (item);
  value_node = json_object_get_member (obj, "value");
  if (value_node != NULL && JSON_NODE_HOLDS_VALUE (value_node))
    {
      if (json_node_get_value_type (value_node) == G_TYPE_STRING)
        value = g_strdup (json_node_get_string (value_node));
      else if (json_node_get_value_type (value_node) == G_TYPE_INT64)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value_node));
    }

  safe_field = _yeastar_error_scrub (_yeastar_json_get_string (obj, "field"), secrets);
  safe_valid_msg = _yeastar_error_scrub (_yeastar_json_get_string (obj, "valid_msg"), secrets);
  safe_value = _yeastar_error_scrub (value, secrets);
  return yeastar_invalid_param_new (safe_field, safe_valid_msg, safe_value);
}

/* 40002: the parameters the PBX's validator refused, listed in the
 * message and kept on the error (yeastar_error_get_invalid_params()). */
static GError *
invalid_params_error (JsonObject         *root,
                      const char         *safe_msg,
                      const char * const *secrets)
{
  JsonNode *list_node = root ? json_object_get_member (root, "invalid_param_list") : NULL;
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) yeastar_invalid_param_free);
  g_autoptr(GString) text = g_string_new (NULL);
  GError *error;

  if (list_node != NULL && JSON_NODE_HOLDS_ARRAY (list_node))
    {
      JsonArray *list = json_node_get_array (list_node);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          YeastarInvalidParam *param = invalid_param_from_json (json_array_get_element (list, i), secrets);

          if (param != NULL)
            g_ptr_array_add (params, param);
        }
    }

  if (params->len == 0)
    return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER,
                        _("The PBX rejected a parameter of the request (%s)."), safe_msg);

  g_string_append (text, _("The PBX rejected these parameters:"));
  for (guint i = 0; i < params->len; i++)
    {
      YeastarInvalidParam *param = g_ptr_array_index (params, i);
      g_autofree char *line = _yeastar_error_scrub (yeastar_invalid_param_get_valid_msg (param), secrets);

      g_string_append_printf (text, "\n%s: %s", yeastar_invalid_param_get_field (param), line);
    }

  error = g_error_new_literal (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER, text->str);
  _yeastar_error_take_invalid_params (error, g_steal_pointer (&params));
  return error;
}

/* Builds the GError for a non-zero errcode. @during_login: the reply came
 * from get_token, where any unknown errcode means refused credentials. */
GError *
_yeastar_error_from_errcode (gint64              errcode,
                             const char         *errmsg,
                             JsonObject         *root,
                             const char         *endpoint,
                             gboolean            during_login,
                             const char * const *secrets)
{
  g_autofree char *safe_msg = _yeastar_error_scrub (errmsg ? errmsg : "", secrets);

  switch (errcode)
    {
    case 60002:
      if (during_login)
        return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_LIMIT,
                            _("The PBX already holds the maximum number of access tokens "
                              "for this API application (8). Close other programs that use "
                              "the same Client ID, or wait up to 30 minutes for old tokens "
                              "to expire, then connect again."));
      break;

    case 70004:
      return ip_blocked_error (root);

    case 70087:
      return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_IP_FORBIDDEN,
                          _("The PBX does not accept API requests from this computer’s IP "
                            "address. Add the address to the allowed IPs of the API "
                            "application under Integrations > API."));

    case 10005:
    case 70084:
      return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_PERMISSION_DENIED,
                          _("The API application is not allowed to do this (error %d). Grant "
                            "it the Call Report permission under Integrations > API on the PBX."),
                          (int) errcode);

    case 10001:
      if (!during_login)
        return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_INTERFACE_MISSING,
                            _("The PBX does not offer “%s” on this API version or firmware "
                              "(error 10001)."), endpoint);
      break;

    case 10004:
      if (!during_login)
        return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TOKEN_EXPIRED,
                            _("The PBX rejected the access token as expired even after a new "
                              "one was obtained. Check that the PBX clock is right, then try again."));
      break;

    case 40002:
      if (!during_login)
        return invalid_params_error (root, safe_msg, secrets);
      break;

    default:
      break;
    }

  if (during_login)
    return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_AUTHENTICATION_FAILED,
                        _("The PBX refused to log in (error %lld: %s). Check "
                          "that the API is enabled under Integrations > API and that the Client "
                          "ID and Client Secret are right. Every failed attempt counts towards "
                          "the PBX’s block after 5 failures."), (long long) errcode, safe_msg);

  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                      _("The PBX reported an error for “%s” (error %lld: %s)."),
                      endpoint, (long long) errcode, safe_msg);
}

/* The options of a system/get_menuoptions reply with errcode 0, as a
 * GListStore of YeastarMenuOption, or NULL and YEASTAR_ERROR_MALFORMED_REPLY. */
GListStore *
_yeastar_menu_options_new_from_json (const char  *menu,
                                     JsonObject  *root,
                                     GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonNode *data;
  JsonArray *array;
  guint n;

  data = json_object_get_member (root, "data");
  store = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);

  /* [INFERRED] An empty menu may come without `data` or with null. */
  if (data == NULL || JSON_NODE_HOLDS_NULL (data))
    return g_steal_pointer (&store);

  if (!JSON_NODE_HOLDS_ARRAY (data))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s list of “%s” options is not a list."), menu);
      return NULL;
    }

  array = json_node_get_array (data);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      JsonNode *value;
      JsonNode *text;
      JsonNode *type;
      g_autofree char *id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto malformed;
      item = json_node_get_object (node);
      value = json_object_get_member (item, "value");
      text = json_object_get_member (item, "text");
      type = json_object_get_member (item, "type");

      /* `value` is documented as a string; accept an integer too. */
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        id = g_strdup (json_node_get_string (value));
      else if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        goto malformed;

      if (text == NULL || !JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
        goto malformed;
      if (type != NULL && !JSON_NODE_HOLDS_NULL (type) &&
          (!JSON_NODE_HOLDS_VALUE (type) || json_node_get_value_type (type) != G_TYPE_STRING))
        goto malformed;

      g_ptr_array_add (items,
                       yeastar_menu_option_new (menu, id, json_node_get_string (text),
                                                type && JSON_NODE_HOLDS_VALUE (type) ? json_node_get_string (type) : NULL));
    }

  /* One items-changed for the whole list, however long. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&store);

malformed:
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
               _("The PBX’s list of “%s” options has an entry without a usable ID or name."),
               menu);
  return NULL;
}

static gboolean
pbx_info_get_string (JsonObject  *data,
                     const char  *name,
                     gboolean     required,
                     char       **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (data, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    }

  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
               _("The PBX’s system information has no usable “%s”."), name);
  return FALSE;
}

/* The information of a system/information reply with errcode 0. */
YeastarPbxInfo *
_yeastar_pbx_info_new_from_json (JsonObject  *data,
                                 GError     **error)
{
  YeastarPbxInfoFields fields = { NULL, };
  JsonNode *timestamp;

  g_return_val_if_fail (data != NULL, NULL);

  if (!pbx_info_get_string (data, "firmware_version", TRUE, &fields.firmware, error) ||
      !pbx_info_get_string (data, "system_date_format", TRUE, &fields.date_format, error) ||
      !pbx_info_get_string (data, "system_time_format", TRUE, &fields.time_format, error) ||
      !pbx_info_get_string (data, "system_time", FALSE, &fields.system_time, error) ||
      !pbx_info_get_string (data, "device_name", FALSE, &fields.device_name, error) ||
      !pbx_info_get_string (data, "model_name", FALSE, &fields.model, error) ||
      !pbx_info_get_string (data, "sn", FALSE, &fields.serial, error))
    {
      _yeastar_pbx_info_fields_clear (&fields);
      return NULL;
    }

  timestamp = json_object_get_member (data, "timestamp");
  if (timestamp != NULL && JSON_NODE_HOLDS_VALUE (timestamp) &&
      json_node_get_value_type (timestamp) == G_TYPE_INT64)
    fields.timestamp = json_node_get_int (timestamp);
  else if (timestamp != NULL && !JSON_NODE_HOLDS_NULL (timestamp))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s system information has no usable “%s”."), "timestamp");
      _yeastar_pbx_info_fields_clear (&fields);
      return NULL;
    }

  return _yeastar_pbx_info_new_take (&fields, error);
}

/* The link of a call_report/download reply with errcode 0. */
YeastarReportLink *
_yeastar_report_link_new_from_json (JsonObject  *root,
                                    GError     **error)
{
  const char *file = _yeastar_json_get_string (root, "file");
  const char *url = _yeastar_json_get_string (root, "download_resource_url");

  if (url == NULL || url[0] != '/' ||
      (json_object_has_member (root, "file") && file == NULL))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX’s answer has no usable download link for the report."));
      return NULL;
    }

  return yeastar_report_link_new (file, url);
}
