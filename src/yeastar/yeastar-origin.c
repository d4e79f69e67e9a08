/* yeastar-origin.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-error.h"
#include "yeastar-origin.h"

/* The PBX's origin: scheme, host and port of the configured address.
 *
 * The access token (in the query of every request) and a pinned
 * certificate belong to that origin only. libsoup would follow a 30x to
 * anywhere, even from https to http, with the token in the query when
 * the Location carries it; so every message is sent with
 * SOUP_MESSAGE_NO_REDIRECT and the answer is judged here:
 *
 * - a redirect to another origin is refused, and the message names the
 *   other server;
 * - a redirect within the origin is followed by a download (at most
 *   YEASTAR_MAX_REDIRECTS times; the new request carries only what the
 *   Location says) and refused for the API calls, which the OpenAPI never
 *   redirects.
 */

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return 443;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0)
    return 80;
  return -1;
}

/* Same scheme, host and port. */
gboolean
yeastar_origin_equal (GUri *a,
                      GUri *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         effective_port (a) == effective_port (b);
}

/* "http://other.example:8080": the origin alone, never a path or query
 * (which may hold a token); control characters are escaped. */
char *
yeastar_origin_dup_display (GUri *uri)
{
  g_autofree char *text = NULL;
  GString *out;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_uri_get_port (uri) > 0)
    text = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri) ?: "",
                            g_uri_get_port (uri));
  else
    text = g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri) ?: "");

  out = g_string_new (NULL);
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p >= 0x7F)
        g_string_append_printf (out, "%%%02X", *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * yeastar_origin_redirect_target:
 * @msg: a message answered with a 30x
 * @own: the PBX's address
 * @host: the PBX's host, for the messages
 *
 * Returns: (transfer full) (nullable): where @msg is redirected to, when
 *   that is within @own's origin; otherwise %NULL with @error telling why
 */
GUri *
yeastar_origin_redirect_target (SoupMessage  *msg,
                                GUri         *own,
                                const char   *host,
                                GError      **error)
{
  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);

  return yeastar_origin_redirect_target_for (soup_message_get_uri (msg),
                                             soup_message_get_response_headers (msg),
                                             soup_message_get_status (msg), own, host, error);
}

/**
 * yeastar_origin_redirect_target_for:
 * @from: the URI that was asked for
 * @headers: the answer's headers
 * @status: the answer's status
 *
 * As yeastar_origin_redirect_target(), for an answer libsoup did not
 * read (yeastar-http1-get.c).
 */
GUri *
yeastar_origin_redirect_target_for (GUri               *from,
                                    SoupMessageHeaders *headers,
                                    guint               status,
                                    GUri               *own,
                                    const char         *host,
                                    GError            **error)
{
  const char *location;
  g_autoptr(GUri) target = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (own != NULL, NULL);

  location = soup_message_headers_get_one (headers, "Location");
  if (location != NULL)
    target = g_uri_parse_relative (from, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || g_uri_get_host (target) == NULL)
    {
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NOT_YEASTAR,
                   _("The server at %s answered with a redirect (HTTP status %u) without a "
                     "usable address. Check the address and port."),
                   host, status);
      return NULL;
    }
  if (!yeastar_origin_equal (target, own))
    {
      display = yeastar_origin_dup_display (target);
      g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_NETWORK,
                   _("The server at %s redirected the request to another server, %s. It was "
                     "not followed: the access token and the accepted certificate belong to "
                     "the PBX’s own address only. Check the address and port, or ask the "
                     "administrator about the redirect."),
                   host, display);
      return NULL;
    }

  return g_steal_pointer (&target);
}
