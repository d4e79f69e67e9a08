/* yeastar-event-stream-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yeastar-event-stream.h"

G_BEGIN_DECLS

/* What the socket's "message" handler does with one text frame; for the
 * fuzz target. */
void _yeastar_event_stream_handle_text (YeastarEventStream *self,
                                        GBytes             *message);

G_END_DECLS
