/* yeastar-transfer-watch.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The deadlines of one HTTP exchange with the PBX. 0 turns a limit off. */
typedef struct
{
  guint   header_timeout;  /* seconds from the answer's first byte to its last header */
  guint64 min_speed;       /* bytes per second the body must average … */
  guint   stall_time;      /* … over each window of this many seconds */
} YeastarTransferLimits;

#define YEASTAR_DEFAULT_HEADER_TIMEOUT 60
#define YEASTAR_DEFAULT_MIN_SPEED 1024
#define YEASTAR_DEFAULT_STALL_TIME 60

#define YEASTAR_TYPE_TRANSFER_WATCH (yeastar_transfer_watch_get_type ())

G_DECLARE_FINAL_TYPE (YeastarTransferWatch, yeastar_transfer_watch, YEASTAR, TRANSFER_WATCH, GObject)

YeastarTransferWatch *yeastar_transfer_watch_new             (SoupMessage                 *msg,
                                                              const char                  *host,
                                                              const YeastarTransferLimits *limits,
                                                              GCancellable                *cancellable);
GCancellable         *yeastar_transfer_watch_get_cancellable (YeastarTransferWatch        *self);
void                  yeastar_transfer_watch_response_started (YeastarTransferWatch  *self);
void                  yeastar_transfer_watch_got_headers     (YeastarTransferWatch        *self);
void                  yeastar_transfer_watch_add_bytes       (YeastarTransferWatch        *self,
                                                              gsize                        bytes);
void                  yeastar_transfer_watch_stop            (YeastarTransferWatch        *self);
const GError         *yeastar_transfer_watch_get_error       (YeastarTransferWatch        *self);
const GError         *yeastar_transfer_watch_peek_message_error (SoupMessage              *msg);

G_END_DECLS
