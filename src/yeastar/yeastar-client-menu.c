/* yeastar-client-menu.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-client-private.h"
#include "yeastar-error.h"
#include "yeastar-menu.h"
#include "yeastar-menu-option.h"

/* system/get_menuoptions of YeastarClient: the options of one menu
 * (extensions, queues, a queue's agents, …), built in a worker thread. */

typedef struct
{
  char       *menu;
  JsonObject *root;
} BuildOptions;

static void
build_options_free (BuildOptions *data)
{
  g_free (data->menu);
  g_clear_pointer (&data->root, json_object_unref);
  g_free (data);
}

/* Making 20,000 options and freeing their JSON take about 60 ms: in a
 * worker thread, like the parsing, whose task holds no client either. */
static void
build_options_thread (GTask        *build,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  BuildOptions *data = task_data;
  GError *error = NULL;
  GListStore *store;

  store = _yeastar_menu_options_new_from_json (data->menu, data->root, &error);
  g_clear_pointer (&data->root, json_object_unref);

  if (store == NULL)
    g_task_return_error (build, error);
  else
    g_task_return_pointer (build, store, g_object_unref);
}

static void
on_options_built (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GListStore *store;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
on_menu_options (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  YeastarClient *self = YEASTAR_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) build = NULL;
  GCancellable *cancellable;
  BuildOptions *data;
  JsonObject *root;

  root = _yeastar_client_call_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (BuildOptions, 1);
  data->menu = g_strdup (g_task_get_task_data (task));
  data->root = root;
  cancellable = g_task_get_cancellable (task);
  build = g_task_new (NULL, cancellable, on_options_built, g_steal_pointer (&task));
  g_task_set_source_tag (build, on_menu_options);
  g_task_set_task_data (build, data, (GDestroyNotify) build_options_free);
  g_task_run_in_thread (build, build_options_thread);
}

void
yeastar_client_get_menu_options_async (YeastarClient       *self,
                                       const char          *menu,
                                       const char          *queue_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = NULL;
  g_autofree char *escaped_id = NULL;
  YeastarMenu known;

  g_return_if_fail (YEASTAR_IS_CLIENT (self));
  g_return_if_fail (menu != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_client_get_menu_options_async);
  g_task_set_task_data (task, g_strdup (menu), g_free);

  if (!yeastar_menu_from_name (menu, FALSE, &known))
    {
      g_task_return_new_error (task, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                               _("“%s” is not a list of options this program knows."), menu);
      return;
    }

  if (yeastar_menu_needs_queue (known))
    {
      if (queue_id == NULL || queue_id[0] == '\0')
        {
          g_task_return_new_error (task, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST,
                                   _("Choose a queue to list its agents."));
          return;
        }
      escaped_id = g_uri_escape_string (queue_id, NULL, FALSE);
      query = g_strdup_printf ("menu=%s&id=%s", menu, escaped_id);
    }
  else
    query = g_strdup_printf ("menu=%s", menu);

  _yeastar_client_call_async (self, "GET", YEASTAR_API_VERSION_V1, "system/get_menuoptions", query, FALSE,
                              cancellable, on_menu_options, g_steal_pointer (&task));
}

/**
 * yeastar_client_get_menu_options_finish:
 *
 * Returns: (transfer full): a #GListModel of #YeastarMenuOption
 */
GListModel *
yeastar_client_get_menu_options_finish (YeastarClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (YEASTAR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
