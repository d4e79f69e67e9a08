/* yeastar-async-slot.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YEASTAR_TYPE_ASYNC_SLOT (yeastar_async_slot_get_type ())

G_DECLARE_FINAL_TYPE (YeastarAsyncSlot, yeastar_async_slot, YEASTAR, ASYNC_SLOT, GObject)

YeastarAsyncSlot *yeastar_async_slot_new            (void);
gboolean          yeastar_async_slot_get_busy       (YeastarAsyncSlot     *self);
guint             yeastar_async_slot_get_n_waiting  (YeastarAsyncSlot     *self);
/* Completes once the slot is the caller's, in the order asked; the caller
 * then owns it until yeastar_async_slot_release(). */
void              yeastar_async_slot_acquire_async  (YeastarAsyncSlot     *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          yeastar_async_slot_acquire_finish (YeastarAsyncSlot     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void              yeastar_async_slot_release        (YeastarAsyncSlot     *self);

G_END_DECLS
