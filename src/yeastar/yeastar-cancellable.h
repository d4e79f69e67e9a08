/* yeastar-cancellable.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gulong yeastar_cancellable_chain (GCancellable *parent,
                                  GCancellable *child);

G_END_DECLS
