/* yeastar-normalize.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A PBX address and a certificate fingerprint as the user typed them,
 * normalized. Pure text functions of yeastar-client.h and yeastar-tls.h
 * that need no libsoup: they are in the executable, not the network
 * module (docs/architecture.md), as reading a report set calls them. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yeastar-client.h"
#include "yeastar-error.h"
#include "yeastar-tls.h"

/**
 * yeastar_client_normalize_base_uri:
 * @text: what the user typed: "https://pbx:8088", "pbx.example.com", …
 *
 * Accepts http and https only; without a scheme, https is assumed. Drops
 * trailing slashes; refuses user info, a query or a fragment.
 *
 * Returns: (transfer full) (nullable): e.g. "https://192.168.5.150:8088"
 */
char *
yeastar_client_normalize_base_uri (const char  *text,
                                   GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) out = NULL;
  const char *scheme;
  const char *path;

  if (text == NULL)
    goto invalid;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    goto invalid;

  with_scheme = strstr (stripped, "://") ? g_strdup (stripped) : g_strconcat ("https://", stripped, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    goto invalid;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    goto invalid;
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    goto invalid;

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s://", g_ascii_strcasecmp (scheme, "http") == 0 ? "http" : "https");
  if (strchr (g_uri_get_host (uri), ':') != NULL)
    g_string_append_printf (out, "[%s]", g_uri_get_host (uri));   /* IPv6 literal */
  else
    {
      g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
      g_string_append (out, host);
    }
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (out, ":%d", g_uri_get_port (uri));

  /* A path prefix is kept (a PBX behind a reverse proxy), minus slashes. */
  path = g_uri_get_path (uri);
  g_string_append (out, path);
  while (out->len > 0 && out->str[out->len - 1] == '/')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);

invalid:
  g_set_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
               _("“%s” is not a PBX address. Use https://address:8088 for a PBX on the "
                 "premises or https://name.yeastarcloud.com for a cloud PBX."),
               text ? text : "");
  return NULL;
}


/**
 * yeastar_tls_normalize_fingerprint:
 * @text: a SHA-256 fingerprint in hex, with or without ':' (or spaces),
 *   in any case, optionally prefixed "SHA256 Fingerprint="
 *
 * Returns: (transfer full) (nullable): the canonical form, or NULL if
 *   @text is not 32 bytes of hex
 */
char *
yeastar_tls_normalize_fingerprint (const char *text)
{
  const char *p;
  GString *hex;
  GString *out;

  if (text == NULL)
    return NULL;

  p = strchr (text, '=');
  if (p != NULL)
    text = p + 1;

  hex = g_string_new (NULL);
  for (p = text; *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '-')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (hex, TRUE);
          return NULL;
        }
      g_string_append_c (hex, g_ascii_toupper (*p));
    }

  if (hex->len != 64)
    {
      g_string_free (hex, TRUE);
      return NULL;
    }

  out = g_string_sized_new (96);
  for (guint i = 0; i < 64; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_len (out, hex->str + i, 2);
    }
  g_string_free (hex, TRUE);

  return g_string_free (out, FALSE);
}
