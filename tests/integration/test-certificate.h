/* test-certificate.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* A self-signed certificate for 127.0.0.1, made with openssl for one test
 * run, with the SHA-256 fingerprint openssl prints for it. */
typedef struct
{
  char *dir;
  char *cert_path;
  char *key_path;
  char *openssl_fingerprint; /* "AB:CD:…" */
} TestCertificate;

static inline void
test_certificate_free (TestCertificate *self)
{
  if (self == NULL)
    return;

  if (self->cert_path != NULL)
    g_unlink (self->cert_path);
  if (self->key_path != NULL)
    g_unlink (self->key_path);
  if (self->dir != NULL)
    g_rmdir (self->dir);
  g_free (self->cert_path);
  g_free (self->key_path);
  g_free (self->dir);
  g_free (self->openssl_fingerprint);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestCertificate, test_certificate_free)

/* NULL when openssl is missing or fails. */
static inline TestCertificate *
test_certificate_new (void)
{
  g_autoptr(TestCertificate) self = g_new0 (TestCertificate, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *req_argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
    "-keyout", NULL, "-out", NULL, NULL,
  };
  const char *fp_argv[] = {
    "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", NULL, NULL,
  };

  self->dir = g_dir_make_tmp ("yeastar-tls-XXXXXX", &error);
  g_assert_no_error (error);
  self->cert_path = g_build_filename (self->dir, "cert.pem", NULL);
  self->key_path = g_build_filename (self->dir, "key.pem", NULL);
  req_argv[13] = self->key_path;
  req_argv[15] = self->cert_path;
  fp_argv[6] = self->cert_path;

  if (!g_spawn_sync (NULL, (char **) req_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;

  if (!g_spawn_sync (NULL, (char **) fp_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) ||
      strchr (out, '=') == NULL)
    return NULL;

  /* "sha256 Fingerprint=AB:CD:…" (the prefix's case varies by version). */
  g_strstrip (out);
  self->openssl_fingerprint = g_strdup (strchr (out, '=') + 1);

  return g_steal_pointer (&self);
}

static inline GTlsCertificate *
test_certificate_load (TestCertificate *self)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_files (self->cert_path, self->key_path, &error);

  g_assert_no_error (error);
  return certificate;
}
