/* yeastar-async-slot.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-async-slot.h"

/* The one asynchronous report request a client may have outstanding.
 *
 * Event 30027 names no request: it carries the file and a download_id
 * that the "PROCESSING" reply (errcode 2) never mentions, and a PBX may
 * finish two reports in any order. So the client asks for one report in
 * the background at a time, and the next 30027 belongs to it. The owner
 * keeps the slot until that event arrived or its wait timed out, even
 * when the caller cancelled in between: a cancelled request's event still
 * comes, and is discarded, instead of completing the next request with
 * the wrong file.
 *
 * Requests wait for the slot in the order they asked; a cancelled waiter
 * leaves the line at once (nothing was sent for it).
 */

struct _YeastarAsyncSlot
{
  GObject parent_instance;

  GQueue waiters;   /* GTask */
  guint grant_id;
  guint busy : 1;
};

G_DEFINE_FINAL_TYPE (YeastarAsyncSlot, yeastar_async_slot, G_TYPE_OBJECT)

static gboolean
grant (gpointer user_data)
{
  g_autoptr(YeastarAsyncSlot) self = g_object_ref (user_data);
  GTask *task;

  self->grant_id = 0;

  while (!self->busy && (task = g_queue_pop_head (&self->waiters)) != NULL)
    {
      if (!g_task_return_error_if_cancelled (task))
        {
          self->busy = TRUE;
          g_task_return_boolean (task, TRUE);
        }
      g_object_unref (task);
    }

  return G_SOURCE_REMOVE;
}

/* Waiters are served from an idle, never from inside release() (which
 * may run in a finalizer) or a cancellable's handler. */
static void
schedule_grant (YeastarAsyncSlot *self)
{
  if (self->grant_id == 0)
    self->grant_id = g_idle_add (grant, self);
}

static gboolean
prune_cancelled (gpointer user_data)
{
  g_autoptr(YeastarAsyncSlot) self = user_data;
  GList *link = self->waiters.head;

  while (link != NULL)
    {
      GList *next = link->next;
      GTask *task = link->data;

      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          g_queue_delete_link (&self->waiters, link);
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
        }
      link = next;
    }

  return G_SOURCE_REMOVE;
}

static void
on_waiter_cancelled (GCancellable     *cancellable,
                     YeastarAsyncSlot *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, prune_cancelled, g_object_ref (self), NULL);
}

typedef struct
{
  GCancellable *cancellable;
  gulong cancel_id;
} Waiter;

/* Runs when the task is finalized, never inside the cancellable's
 * handler (where disconnecting would deadlock). */
static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancel_id);
  g_clear_object (&waiter->cancellable);
  g_free (waiter);
}

static void
yeastar_async_slot_dispose (GObject *object)
{
  YeastarAsyncSlot *self = (YeastarAsyncSlot *) object;

  /* Waiters hold the client, which holds the slot: none are left. */
  g_assert (g_queue_is_empty (&self->waiters));
  g_clear_handle_id (&self->grant_id, g_source_remove);

  G_OBJECT_CLASS (yeastar_async_slot_parent_class)->dispose (object);
}

static void
yeastar_async_slot_class_init (YeastarAsyncSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_async_slot_dispose;
}

static void
yeastar_async_slot_init (YeastarAsyncSlot *self)
{
  g_queue_init (&self->waiters);
}

YeastarAsyncSlot *
yeastar_async_slot_new (void)
{
  return g_object_new (YEASTAR_TYPE_ASYNC_SLOT, NULL);
}

gboolean
yeastar_async_slot_get_busy (YeastarAsyncSlot *self)
{
  g_return_val_if_fail (YEASTAR_IS_ASYNC_SLOT (self), FALSE);

  return self->busy;
}

guint
yeastar_async_slot_get_n_waiting (YeastarAsyncSlot *self)
{
  g_return_val_if_fail (YEASTAR_IS_ASYNC_SLOT (self), 0);

  return self->waiters.length;
}

void
yeastar_async_slot_acquire_async (YeastarAsyncSlot    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_ASYNC_SLOT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_async_slot_acquire_async);

  if (cancellable != NULL)
    {
      Waiter *waiter = g_new0 (Waiter, 1);

      /* The task holds the slot, so @self outlives the handler. */
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled), self, NULL);
      g_task_set_task_data (task, waiter, (GDestroyNotify) waiter_free);
    }

  g_queue_push_tail (&self->waiters, g_steal_pointer (&task));
  schedule_grant (self);
}

gboolean
yeastar_async_slot_acquire_finish (YeastarAsyncSlot  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (YEASTAR_IS_ASYNC_SLOT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * yeastar_async_slot_release:
 *
 * Gives the slot back; the next waiter gets it from an idle.
 */
void
yeastar_async_slot_release (YeastarAsyncSlot *self)
{
  g_return_if_fail (YEASTAR_IS_ASYNC_SLOT (self));
  g_return_if_fail (self->busy);

  self->busy = FALSE;
  if (!g_queue_is_empty (&self->waiters))
    schedule_grant (self);
}
