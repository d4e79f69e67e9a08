/* yeastar-reply.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-error.h"
#include "yeastar-origin.h"
#include "yeastar-private.h"

/* The checks every reply of the PBX passes, in the order the client
 * applies them: the HTTP layer (status, a web page instead of the API),
 * then the JSON envelope ({"errcode": <int>, "errmsg": <text>, …}), then
 * the errcode. The report download (yeastar-download.c) applies the same
 * envelope and errcode checks to a body that turns out not to be a file.
 * Nothing here touches a client, so that the checks run in a worker
 * thread, in the fuzz targets and in the unit tests without a network. */

gboolean
_yeastar_reply_looks_like_html (GBytes *body)
{
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  gsize i = 0;

  if (data == NULL)
    return FALSE;
  /* Skip a UTF-8 BOM and white space. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

gboolean
_yeastar_reply_is_html_type (SoupMessageHeaders *headers)
{
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  return content_type != NULL && g_ascii_strcasecmp (content_type, "text/html") == 0;
}

GError *
_yeastar_reply_new_html_error (const char *host)
{
  return g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                      _("The server at %s answered with a web page instead of the Yeastar "
                        "OpenAPI. Check the address and port, and that the API is enabled "
                        "under Integrations > API."), host);
}

/* Touches nothing but @body, so that big replies can be parsed in a
 * worker thread. */
JsonNode *
_yeastar_reply_parse_json (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);
  JsonNode *root;

  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

JsonObject *
_yeastar_reply_check_envelope (JsonNode    *root,
                               const char  *endpoint,
                               GError     **error)
{
  JsonObject *object;
  JsonNode *errcode;

  if (root == NULL)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” that is not valid JSON."), endpoint);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” that is not a JSON object."), endpoint);
      return NULL;
    }

  object = json_node_get_object (root);
  errcode = json_object_get_member (object, "errcode");
  if (errcode == NULL || !JSON_NODE_HOLDS_VALUE (errcode) ||
      json_node_get_value_type (errcode) != G_TYPE_INT64)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                   _("The PBX sent a reply to “%s” without a numeric error code."), endpoint);
      return NULL;
    }

  if (json_object_has_member (object, "errmsg"))
    {
      JsonNode *errmsg = json_object_get_member (object, "errmsg");

      if (!JSON_NODE_HOLDS_VALUE (errmsg) || json_node_get_value_type (errmsg) != G_TYPE_STRING)
        {
          g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_MALFORMED_REPLY,
                       _("The PBX sent a reply to “%s” whose error message is not text."), endpoint);
          return NULL;
        }
    }

  return json_object_ref (object);
}

JsonObject *
_yeastar_reply_parse_envelope (GBytes      *body,
                               const char  *endpoint,
                               const char  *host,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  if (_yeastar_reply_looks_like_html (body))
    {
      g_propagate_error (error, _yeastar_reply_new_html_error (host));
      return NULL;
    }

  root = _yeastar_reply_parse_json (body);
  return _yeastar_reply_check_envelope (root, endpoint, error);
}

GError *
_yeastar_reply_errcode_error (JsonObject         *envelope,
                              const char         *endpoint,
                              gboolean            during_login,
                              const char * const *secrets)
{
  return _yeastar_error_from_errcode (json_object_get_int_member (envelope, "errcode"),
                                      (_yeastar_json_get_string (envelope, "errmsg") ?: ""),
                                      envelope, endpoint, during_login, secrets);
}

JsonObject *
_yeastar_reply_check_errcode (JsonObject          *envelope,
                              const char          *endpoint,
                              gboolean             allow_processing,
                              gboolean             during_login,
                              const char * const  *secrets,
                              GError             **error)
{
  gint64 errcode = json_object_get_int_member (envelope, "errcode");

  if (errcode == 0 || (errcode == 2 && allow_processing))
    return json_object_ref (envelope);

  g_propagate_error (error, _yeastar_reply_errcode_error (envelope, endpoint, during_login, secrets));
  return NULL;
}

gboolean
_yeastar_reply_check_http (SoupMessage  *msg,
                           const char   *endpoint,
                           GUri         *origin,
                           const char   *host,
                           GError      **error)
{
  guint status = soup_message_get_status (msg);

  if (status >= 500)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_SERVER,
                   _("The PBX failed to answer “%s” (HTTP status %u). Try again later."),
                   endpoint, status);
      return FALSE;
    }

  if (status == SOUP_STATUS_REQUEST_URI_TOO_LONG)
    {
      g_propagate_error (error, _yeastar_error_new_request_too_long (endpoint));
      return FALSE;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      g_autoptr(GUri) target = yeastar_origin_redirect_target (msg, origin, host, error);

      /* Within the origin: still not what an OpenAPI call gets. */
      if (target != NULL)
        g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                     _("The server at %s redirected “%s” elsewhere on itself (HTTP status %u), "
                       "which a Yeastar PBX does not do. Check the address and port."),
                     host, endpoint, status);
      return FALSE;
    }

  if (status == 404)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                   _("The server at %s does not offer the Yeastar OpenAPI (HTTP status 404). "
                     "Check the address and port, and that the API is enabled under "
                     "Integrations > API."), host);
      return FALSE;
    }

  if (status < 200 || status >= 300)
    {
      /* [INFERRED] The PBX answers 200 even for failures; anything else
       * comes from something in front of it (proxy, other web server). */
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                   _("The server at %s answered “%s” with HTTP status %u, which a Yeastar "
                     "PBX does not send. Check the address and port."),
                   host, endpoint, status);
      return FALSE;
    }

  if (_yeastar_reply_is_html_type (soup_message_get_response_headers (msg)))
    {
      g_propagate_error (error, _yeastar_reply_new_html_error (host));
      return FALSE;
    }

  return TRUE;
}

/* The client's entry points, which the fuzz targets use. */

JsonObject *
_yeastar_client_parse_envelope (YeastarClient  *self,
                                GBytes         *body,
                                const char     *endpoint,
                                GError        **error)
{
  return _yeastar_reply_parse_envelope (body, endpoint, _yeastar_client_get_host (self), error);
}

/* The JSON part of a reply's check: the envelope, then errcode. Separate
 * so that the fuzz targets reach it without a network. */
JsonObject *
_yeastar_client_parse_reply (YeastarClient  *self,
                             GBytes         *body,
                             const char     *endpoint,
                             gboolean        allow_processing,
                             gboolean        during_login,
                             GError        **error)
{
  g_autoptr(JsonObject) root = _yeastar_client_parse_envelope (self, body, endpoint, error);

  if (root == NULL)
    return NULL;

  return _yeastar_reply_check_errcode (root, endpoint, allow_processing, during_login,
                                       _yeastar_client_get_secrets (self), error);
}
