/* yeastar-tls.c
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
#include "yeastar-tls.h"

/* The certificate fingerprints the user compares and the client pins,
 * and how a certificate is judged and a refusal reported. */

/**
 * yeastar_tls_certificate_dup_fingerprint:
 * @certificate: a certificate
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the DER encoding as
 *   upper-case hex pairs separated by colons, as
 *   `openssl x509 -fingerprint -sha256` prints it
 */
char *
yeastar_tls_certificate_dup_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  out = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);

  return g_string_free (out, FALSE);
}
/* What a message's "accept-certificate" handler decides: a certificate
 * the system does not trust is accepted only if it is the pinned one and
 * @msg goes to the PBX's @origin (messages never leave it, see
 * yeastar-origin.c; this is the second lock). */
gboolean
_yeastar_tls_accept_certificate (SoupMessage     *msg,
                                 GTlsCertificate *certificate,
                                 const char      *pinned,
                                 GUri            *origin)
{
  g_autofree char *fingerprint = yeastar_tls_certificate_dup_fingerprint (certificate);

  if (fingerprint != NULL && pinned != NULL && g_str_equal (fingerprint, pinned) &&
      origin != NULL && yeastar_origin_equal (soup_message_get_uri (msg), origin))
    return TRUE;

  /* Remember what was refused, for the error message. Only refusals are
   * recorded, so a later network error is never mistaken for TLS. */
  g_object_set_data_full (G_OBJECT (msg), "yeastar-refused-fingerprint",
                          g_steal_pointer (&fingerprint), g_free);
  g_object_set_data_full (G_OBJECT (msg), "yeastar-refused-certificate",
                          g_object_ref (certificate), g_object_unref);
  return FALSE;
}

/* The error for a certificate _yeastar_tls_accept_certificate() refused
 * on @msg, carrying the certificate; NULL when it refused none. */
GError *
_yeastar_tls_refusal_error (SoupMessage *msg,
                            const char  *host,
                            const char  *pinned)
{
  const char *refused = msg ? g_object_get_data (G_OBJECT (msg), "yeastar-refused-fingerprint") : NULL;
  GError *tls_error;

  if (refused == NULL)
    return NULL;

  if (pinned != NULL)
    tls_error = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TLS_CHANGED,
                             _("Warning: the PBX at %s now shows a different certificate than "
                               "the one you accepted. Someone may be intercepting the connection. "
                               "Do not continue unless the administrator replaced the certificate.\n"
                               "Accepted SHA-256 fingerprint: %s\n"
                               "Presented SHA-256 fingerprint: %s"),
                             host, pinned, refused);
  else
    tls_error = g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TLS_UNTRUSTED,
                             _("The certificate of the PBX at %s is not trusted (it is probably "
                               "self-signed). Compare its SHA-256 fingerprint with the one shown "
                               "on the PBX before accepting it:\n%s"),
                             host, refused);
  _yeastar_error_set_certificate (tls_error,
                                  g_object_get_data (G_OBJECT (msg), "yeastar-refused-certificate"),
                                  refused);
  return tls_error;
}
