/* reports-server.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-server.h"

struct _ReportsServer
{
  GObject            parent_instance;

  char              *uri;
  char              *client_id;
  char              *pinned_certificate;
  YeastarApiVersion  api_version;
};

G_DEFINE_FINAL_TYPE (ReportsServer, reports_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URI,
  PROP_CLIENT_ID,
  PROP_PINNED_CERTIFICATE,
  PROP_API_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

ReportsServer *
reports_server_new (const char *uri,
                    const char *client_id)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  return g_object_new (REPORTS_TYPE_SERVER,
                       "uri", uri,
                       "client-id", client_id,
                       NULL);
}

const char *
reports_server_get_uri (ReportsServer *self)
{
  g_return_val_if_fail (REPORTS_IS_SERVER (self), NULL);

  return self->uri;
}

const char *
reports_server_get_client_id (ReportsServer *self)
{
  g_return_val_if_fail (REPORTS_IS_SERVER (self), NULL);

  return self->client_id;
}

const char *
reports_server_get_pinned_certificate (ReportsServer *self)
{
  g_return_val_if_fail (REPORTS_IS_SERVER (self), NULL);

  return self->pinned_certificate;
}

void
reports_server_set_pinned_certificate (ReportsServer *self,
                                       const char    *sha256)
{
  g_return_if_fail (REPORTS_IS_SERVER (self));

  if (sha256 != NULL && sha256[0] == '\0')
    sha256 = NULL;

  if (g_strcmp0 (self->pinned_certificate, sha256) != 0)
    {
      g_free (self->pinned_certificate);
      self->pinned_certificate = g_strdup (sha256);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PINNED_CERTIFICATE]);
    }
}

YeastarApiVersion
reports_server_get_api_version (ReportsServer *self)
{
  g_return_val_if_fail (REPORTS_IS_SERVER (self), YEASTAR_API_VERSION_AUTO);

  return self->api_version;
}

void
reports_server_set_api_version (ReportsServer     *self,
                                YeastarApiVersion  version)
{
  g_return_if_fail (REPORTS_IS_SERVER (self));
  g_return_if_fail (version <= YEASTAR_API_VERSION_V2);

  if (self->api_version != version)
    {
      self->api_version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_API_VERSION]);
    }
}

gboolean
reports_server_equal (ReportsServer *self,
                      const char    *uri,
                      const char    *client_id)
{
  g_return_val_if_fail (REPORTS_IS_SERVER (self), FALSE);

  return g_strcmp0 (self->uri, uri) == 0 && g_strcmp0 (self->client_id, client_id) == 0;
}

static void
reports_server_finalize (GObject *object)
{
  ReportsServer *self = REPORTS_SERVER (object);

  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->pinned_certificate, g_free);

  G_OBJECT_CLASS (reports_server_parent_class)->finalize (object);
}

static void
reports_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReportsServer *self = REPORTS_SERVER (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;

    case PROP_PINNED_CERTIFICATE:
      g_value_set_string (value, self->pinned_certificate);
      break;

    case PROP_API_VERSION:
      g_value_set_uint (value, self->api_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReportsServer *self = REPORTS_SERVER (object);

  switch (prop_id)
    {
    case PROP_URI:
      self->uri = g_value_dup_string (value);
      break;

    case PROP_CLIENT_ID:
      self->client_id = g_value_dup_string (value);
      break;

    case PROP_PINNED_CERTIFICATE:
      reports_server_set_pinned_certificate (self, g_value_get_string (value));
      break;

    case PROP_API_VERSION:
      reports_server_set_api_version (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_server_class_init (ReportsServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_server_finalize;
  object_class->get_property = reports_server_get_property;
  object_class->set_property = reports_server_set_property;

  properties [PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PINNED_CERTIFICATE] =
    g_param_spec_string ("pinned-certificate", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_API_VERSION] =
    g_param_spec_uint ("api-version", NULL, NULL,
                       YEASTAR_API_VERSION_AUTO, YEASTAR_API_VERSION_V2, YEASTAR_API_VERSION_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_server_init (ReportsServer *self)
{
}

GListStore *
reports_server_list_load (GSettings *settings)
{
  g_autoptr(GListStore) servers = g_list_store_new (REPORTS_TYPE_SERVER);
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *uri;
  const char *client_id;
  const char *pin;
  guint32 api_version;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  value = g_settings_get_value (settings, "servers");
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&su)", &uri, &client_id, &pin, &api_version))
    {
      g_autoptr(ReportsServer) server = NULL;

      if (uri[0] == '\0' || client_id[0] == '\0' || reports_server_list_find (servers, uri, client_id, NULL))
        continue;

      server = reports_server_new (uri, client_id);
      reports_server_set_pinned_certificate (server, pin);
      reports_server_set_api_version (server, MIN (api_version, YEASTAR_API_VERSION_V2));
      g_list_store_append (servers, server);
    }

  return g_steal_pointer (&servers);
}

void
reports_server_list_save (GListStore *servers,
                          GSettings  *settings)
{
  GVariantBuilder builder;
  guint n_items;

  g_return_if_fail (G_IS_LIST_STORE (servers));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sssu)"));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (servers));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsServer) server = g_list_model_get_item (G_LIST_MODEL (servers), i);

      g_variant_builder_add (&builder, "(sssu)",
                             server->uri,
                             server->client_id,
                             server->pinned_certificate ? server->pinned_certificate : "",
                             (guint32) server->api_version);
    }

  g_settings_set_value (settings, "servers", g_variant_builder_end (&builder));
}

ReportsServer *
reports_server_list_find (GListStore *servers,
                          const char *uri,
                          const char *client_id,
                          guint      *position)
{
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_STORE (servers), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (servers));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsServer) server = g_list_model_get_item (G_LIST_MODEL (servers), i);

      if (reports_server_equal (server, uri, client_id))
        {
          if (position != NULL)
            *position = i;
          return server;
        }
    }

  return NULL;
}
