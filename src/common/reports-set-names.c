/* reports-set-names.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-names.h"
#include "yeastar-menu-match.h"
#include "yeastar-menu-option.h"
#include "yeastar-menu.h"
#include "yeastar-text.h"

/*
 * A set keeps the numbers and names it was given, since the same name may
 * be a different ID on each of its PBXs. They are resolved here, on each
 * PBX at every run, with the rules `call-reports download` follows
 * (yeastar-menu-match.c). The reports of a PBX are resolved side by side:
 * each pass over them collects the menus they need, which are then
 * fetched once each, so that a run asks each PBX for each menu (and each
 * queue's agents) at most once.
 */

typedef struct
{
  char       *menu;
  char       *queue_id;   /* nullable */
  GListModel *options;    /* NULL until fetched */
  GError     *error;      /* the fetch's failure */
} Menu;

struct _ReportsSetNames
{
  YeastarClient *client;
  char          *pbx_label;
  GHashTable    *menus;    /* Menu by "menu\x1fqueue_id" */
  GPtrArray     *pending;  /* borrowed Menu, not fetched yet */
  GTask         *task;
};

static void
menu_free (Menu *menu)
{
  g_free (menu->menu);
  g_free (menu->queue_id);
  g_clear_object (&menu->options);
  g_clear_error (&menu->error);
  g_free (menu);
}

ReportsSetNames *
reports_set_names_new (YeastarClient *client,
                       const char    *pbx_label)
{
  ReportsSetNames *self;

  g_return_val_if_fail (YEASTAR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (pbx_label != NULL, NULL);

  self = g_new0 (ReportsSetNames, 1);
  self->client = g_object_ref (client);
  self->pbx_label = yeastar_text_escape (pbx_label, -1);
  self->menus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) menu_free);
  self->pending = g_ptr_array_new ();

  return self;
}

void
reports_set_names_free (ReportsSetNames *self)
{
  if (self == NULL)
    return;

  g_assert (self->task == NULL);

  g_clear_object (&self->client);
  g_free (self->pbx_label);
  g_clear_pointer (&self->menus, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_free (self);
}

/* The menu, asked for if it is new. */
static Menu *
get_menu (ReportsSetNames *self,
          const char      *name,
          const char      *queue_id)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", name, queue_id != NULL ? queue_id : "");
  Menu *menu = g_hash_table_lookup (self->menus, key);

  if (menu == NULL)
    {
      menu = g_new0 (Menu, 1);
      menu->menu = g_strdup (name);
      menu->queue_id = g_strdup (queue_id);
      g_hash_table_insert (self->menus, g_steal_pointer (&key), menu);
      g_ptr_array_add (self->pending, menu);
    }

  return menu;
}

/* The options of every menu @param takes, merged; NULL when one is not
 * fetched yet (@error unset) or failed (@error set). */
static GListModel *
dup_options (ReportsSetNames  *self,
             YeastarParam      param,
             char            **values,
             GError          **error)
{
  const char * const *menus = yeastar_param_get_menus (param);
  g_autoptr(GListStore) options = g_list_store_new (YEASTAR_TYPE_MENU_OPTION);
  gboolean missing = FALSE;

  for (guint m = 0; menus != NULL && menus[m] != NULL; m++)
    {
      const char *queue_id = NULL;
      Menu *menu;

      /* The agents' menu is the agents of the report's queue, resolved
       * before (queue_id comes first). */
      if (yeastar_menu_name_needs_queue (menus[m]))
        queue_id = values[YEASTAR_PARAM_QUEUE_ID];

      menu = get_menu (self, menus[m], queue_id);
      if (menu->error != NULL)
        {
          g_set_error (error, menu->error->domain, menu->error->code,
                       /* Translators: a PBX, a menu's API name (extension) and why */
                       _("%s: the %s list could not be read: %s"),
                       self->pbx_label, menu->menu, menu->error->message);
          return NULL;
        }
      if (menu->options == NULL)
        {
          missing = TRUE;
          continue;
        }

      for (guint i = 0; i < g_list_model_get_n_items (menu->options); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (menu->options, i);

          g_list_store_append (options, item);
        }
    }

  return missing ? NULL : G_LIST_MODEL (g_steal_pointer (&options));
}

ReportsSetNamesStatus
reports_set_names_resolve (ReportsSetNames         *self,
                           const ReportsSetReport  *report,
                           char                   **values,
                           GError                 **error)
{
  g_return_val_if_fail (self != NULL, REPORTS_SET_NAMES_FAILED);
  g_return_val_if_fail (report != NULL, REPORTS_SET_NAMES_FAILED);
  g_return_val_if_fail (values != NULL, REPORTS_SET_NAMES_FAILED);

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      g_autoptr(GListModel) options = NULL;
      g_autoptr(GError) local_error = NULL;
      char *ids;

      if (report->values[p] == NULL || values[p] != NULL)
        continue;

      if ((kind != YEASTAR_VALUE_ID && kind != YEASTAR_VALUE_ID_LIST) ||
          !yeastar_menu_match_need_lookup (report->values[p]))
        {
          values[p] = g_strdup (report->values[p]);
          continue;
        }

      options = dup_options (self, p, values, &local_error);
      if (options == NULL && local_error == NULL)
        return REPORTS_SET_NAMES_NEED_MENUS;
      if (options == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return REPORTS_SET_NAMES_FAILED;
        }

      ids = yeastar_menu_match_resolve (yeastar_param_get_api_name (p), report->values[p],
                                        kind == YEASTAR_VALUE_ID, options, &local_error);
      if (ids == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                       self->pbx_label, local_error->message);
          return REPORTS_SET_NAMES_FAILED;
        }
      values[p] = ids;
    }

  return REPORTS_SET_NAMES_RESOLVED;
}

gboolean
reports_set_names_has_pending (ReportsSetNames *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->pending->len > 0;
}

static void fetch_next (ReportsSetNames *self);

static void
on_menu_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReportsSetNames *self = user_data;
  Menu *menu = g_ptr_array_steal_index (self->pending, 0);

  menu->options = yeastar_client_get_menu_options_finish (YEASTAR_CLIENT (source), result, &menu->error);
  fetch_next (self);
}

static void
fetch_next (ReportsSetNames *self)
{
  Menu *menu;

  if (self->pending->len == 0)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      g_task_return_boolean (task, TRUE);
      return;
    }

  menu = g_ptr_array_index (self->pending, 0);
  yeastar_client_get_menu_options_async (self->client, menu->menu, menu->queue_id,
                                         g_task_get_cancellable (self->task),
                                         on_menu_fetched, self);
}

void
reports_set_names_fetch_async (ReportsSetNames     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, reports_set_names_fetch_async);
  fetch_next (self);
}

void
reports_set_names_fetch_finish (ReportsSetNames *self,
                                GAsyncResult    *result)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_task_is_valid (result, NULL));

  g_task_propagate_boolean (G_TASK (result), NULL);
}
