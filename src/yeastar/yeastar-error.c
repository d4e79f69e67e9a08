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

/* Keeps @params (of YeastarInvalidParam) on a 40002 @error, for
 * yeastar_error_get_invalid_params(): the reader of the reply is in the
 * network module (yeastar-reply-json.c), the error's private data here. */
void
_yeastar_error_take_invalid_params (GError    *error,
                                    GPtrArray *params)
{
  g_return_if_fail (error != NULL && error->domain == YEASTAR_ERROR);

  g_clear_pointer (&yeastar_error_get_private (error)->invalid_params, g_ptr_array_unref);
  yeastar_error_get_private (error)->invalid_params = params;
}
