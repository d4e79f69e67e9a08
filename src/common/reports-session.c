/* reports-session.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reports-session.h"

struct _ReportsSession
{
  GObject           parent_instance;

  YeastarClient    *client;
  YeastarPbxInfo   *pbx_info;
  ReportsServer    *server;
  YeastarSimulator *simulator;

  /* menu key ("extension", "queue_agent:3") → GListModel */
  GHashTable       *menus;
};

G_DEFINE_FINAL_TYPE (ReportsSession, reports_session, G_TYPE_OBJECT)

ReportsSession *
reports_session_new (YeastarClient    *client,
                     YeastarPbxInfo   *pbx_info,
                     ReportsServer    *server,
                     YeastarSimulator *simulator)
{
  ReportsSession *self;

  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (YEASTAR_IS_PBX_INFO (pbx_info), NULL);
  g_return_val_if_fail (server == NULL || REPORTS_IS_SERVER (server), NULL);
  g_return_val_if_fail (simulator == NULL || YEASTAR_IS_SIMULATOR (simulator), NULL);

  self = g_object_new (REPORTS_TYPE_SESSION, NULL);
  self->client = g_object_ref (client);
  self->pbx_info = g_object_ref (pbx_info);
  g_set_object (&self->server, server);
  g_set_object (&self->simulator, simulator);

  return self;
}

YeastarClient *
reports_session_get_client (ReportsSession *self)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), NULL);

  return self->client;
}

YeastarPbxInfo *
reports_session_get_pbx_info (ReportsSession *self)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), NULL);

  return self->pbx_info;
}

ReportsServer *
reports_session_get_server (ReportsSession *self)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), NULL);

  return self->server;
}

gboolean
reports_session_is_demo (ReportsSession *self)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), FALSE);

  return self->simulator != NULL;
}

static char *
menu_key (const char *menu,
          const char *queue_id)
{
  return queue_id != NULL ? g_strdup_printf ("%s:%s", menu, queue_id) : g_strdup (menu);
}

static void
load_menu_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportsSession *self = g_task_get_source_object (task);
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GError) error = NULL;

  options = yeastar_client_get_menu_options_finish (YEASTAR_CLIENT (object), result, &error);
  if (options == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_replace (self->menus, g_strdup (g_task_get_task_data (task)), g_object_ref (options));
  g_task_return_pointer (task, g_steal_pointer (&options), g_object_unref);
}

void
reports_session_load_menu_async (ReportsSession      *self,
                                 const char          *menu,
                                 const char          *queue_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *key;
  GListModel *cached;

  g_return_if_fail (REPORTS_IS_SESSION (self));
  g_return_if_fail (menu != NULL);

  key = menu_key (menu, queue_id);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_session_load_menu_async);
  g_task_set_task_data (task, key, g_free);

  cached = g_hash_table_lookup (self->menus, key);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }

  yeastar_client_get_menu_options_async (self->client, menu, queue_id, cancellable,
                                         load_menu_cb, g_steal_pointer (&task));
}

/* The menu's options if they were loaded already (NULL if not): how a
* download names the IDs it was asked with, without asking the PBX. */
GListModel *
reports_session_peek_menu (ReportsSession *self,
                           const char     *menu,
                           const char     *queue_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (REPORTS_IS_SESSION (self), NULL);
  g_return_val_if_fail (menu != NULL, NULL);

  key = menu_key (menu, queue_id);
  return g_hash_table_lookup (self->menus, key);
}

GListModel *
reports_session_load_menu_finish (ReportsSession  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
close_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReportsSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* Stop the demo PBX only once its token is revoked. */
  yeastar_client_disconnect_finish (YEASTAR_CLIENT (object), result, &error);
  if (self->simulator != NULL)
    yeastar_simulator_stop (self->simulator);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
reports_session_close_async (ReportsSession      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (REPORTS_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_session_close_async);
  g_hash_table_remove_all (self->menus);

  yeastar_client_disconnect_async (self->client, cancellable, close_cb, g_steal_pointer (&task));
}

gboolean
reports_session_close_finish (ReportsSession  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (REPORTS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reports_session_dispose (GObject *object)
{
  ReportsSession *self = REPORTS_SESSION (object);

  if (self->simulator != NULL)
    yeastar_simulator_stop (self->simulator);

  g_clear_pointer (&self->menus, g_hash_table_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->pbx_info);
  g_clear_object (&self->server);
  g_clear_object (&self->simulator);

  G_OBJECT_CLASS (reports_session_parent_class)->dispose (object);
}

static void
reports_session_class_init (ReportsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_session_dispose;
}

static void
reports_session_init (ReportsSession *self)
{
  self->menus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}
