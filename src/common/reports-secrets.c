/* reports-secrets.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "reports-secrets.h"

static const SecretSchema *
get_schema (void)
{
  /* The schema name is the base application ID so that the stable and the
   * development profile find the same secrets. */
  static const SecretSchema schema = {
    .name = BASE_ID ".ClientSecret",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = "server", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = "client-id", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };

  return &schema;
}

/* libsecret hands out passwords in non-pageable memory that only
 * secret_password_free() may release; the rest of the app uses g_free(). */
static char *
steal_password (char *password)
{
  char *copy;

  if (password == NULL)
    return NULL;

  copy = g_strdup (password);
  secret_password_free (password);

  return copy;
}

void
reports_secrets_store_async (const char          *server,
                             const char          *client_id,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (client_id != NULL);
  g_return_if_fail (secret != NULL);

  /* Translators: the label of the keyring entry; %s is a PBX address. */
  label = g_strdup_printf (_("Call Reports: Client Secret for %s"), server);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, callback, user_data,
                         "server", server,
                         "client-id", client_id,
                         NULL);
}

gboolean
reports_secrets_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
reports_secrets_lookup_async (const char          *server,
                              const char          *client_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (server != NULL);
  g_return_if_fail (client_id != NULL);

  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "server", server,
                          "client-id", client_id,
                          NULL);
}

char *
reports_secrets_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  return steal_password (secret_password_lookup_finish (result, error));
}

char *
reports_secrets_lookup_sync (const char    *server,
                             const char    *client_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  return steal_password (secret_password_lookup_sync (get_schema (), cancellable, error,
                                                      "server", server,
                                                      "client-id", client_id,
                                                      NULL));
}

void
reports_secrets_clear_async (const char          *server,
                             const char          *client_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (server != NULL);
  g_return_if_fail (client_id != NULL);

  secret_password_clear (get_schema (), cancellable, callback, user_data,
                         "server", server,
                         "client-id", client_id,
                         NULL);
}

gboolean
reports_secrets_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Nothing to remove is not an error: the secret is gone either way. */
  if (!secret_password_clear_finish (result, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
