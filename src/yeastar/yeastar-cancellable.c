/* yeastar-cancellable.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-cancellable.h"

static void
cancel_child (GCancellable *parent,
              gpointer      child)
{
  g_cancellable_cancel (G_CANCELLABLE (child));
}

/**
 * yeastar_cancellable_chain:
 * @parent: the caller's cancellable
 * @child: a cancellable of one part of the caller's work
 *
 * Cancels @child when @parent is cancelled, at once if it already is;
 * @child is kept alive until the handler is disconnected. (The handler
 * gets @parent as its first argument, so connecting g_cancellable_cancel()
 * itself would cancel @parent again and never @child.)
 *
 * Returns: the handler's ID for g_cancellable_disconnect(), 0 if @parent
 *   was already cancelled
 */
gulong
yeastar_cancellable_chain (GCancellable *parent,
                           GCancellable *child)
{
  g_return_val_if_fail (G_IS_CANCELLABLE (parent), 0);
  g_return_val_if_fail (G_IS_CANCELLABLE (child), 0);

  return g_cancellable_connect (parent, G_CALLBACK (cancel_child), g_object_ref (child), g_object_unref);
}
