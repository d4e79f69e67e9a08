/* yeastar-error.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-text.h"

struct _YeastarInvalidParam
{
  char *field;
  char *valid_msg;
  char *value;
};

G_DEFINE_BOXED_TYPE (YeastarInvalidParam, yeastar_invalid_param,
                     yeastar_invalid_param_copy, yeastar_invalid_param_free)

/* The error domain is an extended one (GLib 2.68) so that an error
 * carries its details structurally, through g_error_copy() and GTask,
 * without any side table: a 40002 error its invalid_param_list, a TLS
 * error the certificate that was refused. */
typedef struct
{
  GPtrArray       *invalid_params;
  GTlsCertificate *certificate;
  char            *fingerprint;
} YeastarErrorPrivate;

static void
yeastar_error_private_init (YeastarErrorPrivate *priv)
{
  priv->invalid_params = NULL;
  priv->certificate = NULL;
  priv->fingerprint = NULL;
}

static void
yeastar_error_private_copy (const YeastarErrorPrivate *src,
                            YeastarErrorPrivate       *dest)
{
  /* The array is never modified once attached, so it can be shared. */
  dest->invalid_params = src->invalid_params ? g_ptr_array_ref (src->invalid_params) : NULL;
  dest->certificate = src->certificate ? g_object_ref (src->certificate) : NULL;
  dest->fingerprint = g_strdup (src->fingerprint);
}

static void
yeastar_error_private_clear (YeastarErrorPrivate *priv)
{
  g_clear_pointer (&priv->invalid_params, g_ptr_array_unref);
  g_clear_object (&priv->certificate);
  g_clear_pointer (&priv->fingerprint, g_free);
}

G_DEFINE_EXTENDED_ERROR (YeastarError, yeastar_error)

YeastarInvalidParam *
yeastar_invalid_param_new (const char *field,
                           const char *valid_msg,
                           const char *value)
{
  YeastarInvalidParam *self = g_new0 (YeastarInvalidParam, 1);

  self->field = g_strdup (field ? field : "");
  self->valid_msg = g_strdup (valid_msg ? valid_msg : "");
  self->value = g_strdup (value);

  return self;
}

YeastarInvalidParam *
yeastar_invalid_param_copy (const YeastarInvalidParam *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return yeastar_invalid_param_new (self->field, self->valid_msg, self->value);
}

void
yeastar_invalid_param_free (YeastarInvalidParam *self)
{
  if (self == NULL)
    return;

  g_free (self->field);
  g_free (self->valid_msg);
  g_free (self->value);
  g_free (self);
}

const char *
yeastar_invalid_param_get_field (const YeastarInvalidParam *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->field;
}

const char *
yeastar_invalid_param_get_valid_msg (const YeastarInvalidParam *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->valid_msg;
}

const char *
yeastar_invalid_param_get_value (const YeastarInvalidParam *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->value;
}

/**
 * yeastar_error_get_invalid_params:
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable) (element-type YeastarInvalidParam):
 *   the parameters the PBX rejected, if @error is a 40002 error
 */
GPtrArray *
yeastar_error_get_invalid_params (const GError *error)
{
  YeastarErrorPrivate *priv;

  if (error == NULL || error->domain != YEASTAR_ERROR)
    return NULL;

  priv = yeastar_error_get_private (error);
  return priv ? priv->invalid_params : NULL;
}

/**
 * yeastar_error_get_certificate:
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the certificate the PBX presented,
 *   if @error is a YEASTAR_ERROR_TLS_UNTRUSTED or _TLS_CHANGED error
 */
GTlsCertificate *
yeastar_error_get_certificate (const GError *error)
{
  YeastarErrorPrivate *priv;

  if (error == NULL || error->domain != YEASTAR_ERROR)
    return NULL;

  priv = yeastar_error_get_private (error);
  return priv ? priv->certificate : NULL;
}

/**
 * yeastar_error_get_certificate_fingerprint:
 * @error: a #GError
 *
 * Returns: (nullable): the SHA-256 fingerprint of the certificate the PBX
 *   presented, as colon-separated upper-case hex pairs, if @error is a
 *   YEASTAR_ERROR_TLS_UNTRUSTED or _TLS_CHANGED error
 */
const char *
yeastar_error_get_certificate_fingerprint (const GError *error)
{
  YeastarErrorPrivate *priv;

  if (error == NULL || error->domain != YEASTAR_ERROR)
    return NULL;

  priv = yeastar_error_get_private (error);
  return priv ? priv->fingerprint : NULL;
}

void
_yeastar_error_set_certificate (GError          *error,
                                GTlsCertificate *certificate,
                                const char      *fingerprint)
{
  YeastarErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == YEASTAR_ERROR);

  priv = yeastar_error_get_private (error);
  g_set_object (&priv->certificate, certificate);
  g_free (priv->fingerprint);
  priv->fingerprint = g_strdup (fingerprint);
}

/**
 * yeastar_error_append_invalid_params:
 * @error: a #GError
 * @text: where to append
 * @indent: what each line starts with
 * @name_func: (scope call) (nullable): names a field for the reader
 * @user_data: for @name_func
 *
 * The command line and the window each list the fields a PBX refused,
 * naming them as their user knows them: by option or by form title.
 *
 * Returns: whether @error named a field
 */
gboolean
yeastar_error_append_invalid_params (const GError         *error,
                                     GString              *text,
                                     const char           *indent,
                                     YeastarFieldNameFunc  name_func,
                                     gpointer              user_data)
{
  GPtrArray *params = yeastar_error_get_invalid_params (error);

  g_return_val_if_fail (text != NULL, FALSE);

  if (params == NULL || params->len == 0)
    return FALSE;

  for (guint i = 0; i < params->len; i++)
    {
      YeastarInvalidParam *param = g_ptr_array_index (params, i);
      g_autofree char *name = name_func != NULL ? name_func (param->field, user_data) : NULL;

      g_string_append_printf (text, "\n%s%s: %s", indent != NULL ? indent : "",
                              name != NULL ? name : param->field, param->valid_msg);
      if (param->value != NULL)
        /* Translators: the value the PBX rejected, after its message. */
        g_string_append_printf (text, _(" (value “%s”)"), param->value);
    }

  return TRUE;
}

/* Replaces every occurrence of each secret in @text, and the value of any
 * "access_token=" or "refresh_token=" found in it, by "…", then shows its
 * control, bidi and invalid UTF-8 characters as escapes (yeastar-text.c).
 * Used on the few foreign texts (PBX errmsg, 40002 entries, event 30027's
 * `error`, GLib causes) that end up in a message. */
char *
_yeastar_error_scrub (const char         *text,
                      const char * const *secrets)
{
  static const char * const keys[] = { "access_token=", "refresh_token=", NULL };
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;

  out = g_string_new (text);

  for (guint i = 0; secrets != NULL && secrets[i] != NULL; i++)
    if (secrets[i][0] != '\0')
      g_string_replace (out, secrets[i], "…", 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *found;
      gsize from = 0;

      while ((found = strstr (out->str + from, keys[i])) != NULL)
        {
          gsize start = (found - out->str) + strlen (keys[i]);
          gsize end = start;

          while (end < out->len && out->str[end] != '&' && out->str[end] != ' ' &&
                 out->str[end] != '"' && out->str[end] != '\'' && out->str[end] != '\n')
            end++;
          g_string_erase (out, start, end - start);
          g_string_insert (out, start, "…");
          from = start + strlen ("…");
        }
    }

  return yeastar_text_escape (out->str, out->len);
}

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

/* HTTP 414 from the web server in front of the API: the URL, which holds
 * every parameter and ID list, is longer than it takes. Not a wrong
 * address, as any other unexpected status would suggest. */
GError *
_yeastar_error_new_request_too_long (const char *endpoint)
{
  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                      _("The PBX refused “%s” as too long (request too long, HTTP status 414): "
                        "the request names too many IDs. Choose groups instead of single "
                        "entries (for example extension groups instead of extensions), or "
                        "download the report in parts with fewer IDs each."),
                      endpoint);
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
      g_autofree char *line = _yeastar_error_scrub (param->valid_msg, secrets);

      g_string_append_printf (text, "\n%s: %s", param->field, line);
    }

  error = g_error_new_literal (YEASTAR_ERROR, YEASTAR_ERROR_INVALID_PARAMETER, text->str);
  yeastar_error_get_private (error)->invalid_params = g_steal_pointer (&params);
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
