/* yeastar-event-stream.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "yeastar-client.h"

G_BEGIN_DECLS

#define YEASTAR_EVENT_REPORT_DOWNLOAD 30027

#define YEASTAR_TYPE_EVENT_STREAM (yeastar_event_stream_get_type ())

G_DECLARE_FINAL_TYPE (YeastarEventStream, yeastar_event_stream, YEASTAR, EVENT_STREAM, GObject)

YeastarEventStream *yeastar_event_stream_new                    (YeastarClient        *client);
YeastarClient      *yeastar_event_stream_get_client             (YeastarEventStream   *self);
guint               yeastar_event_stream_get_heartbeat_interval (YeastarEventStream   *self);
void                yeastar_event_stream_set_heartbeat_interval (YeastarEventStream   *self,
                                                                 guint                 milliseconds);
gboolean            yeastar_event_stream_get_connected          (YeastarEventStream   *self);
/* Connects and subscribes to event 30027; completes once the PBX
 * acknowledged the subscription. Reconnects by itself afterwards. */
void                yeastar_event_stream_open_async             (YeastarEventStream   *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean            yeastar_event_stream_open_finish            (YeastarEventStream   *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
/* Waits for the next event 30027 that no earlier waiter took. Start the
 * wait BEFORE sending the request the event answers. */
void                yeastar_event_stream_wait_report_async      (YeastarEventStream   *self,
                                                                 guint                 timeout_seconds,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
YeastarReportLink  *yeastar_event_stream_wait_report_finish     (YeastarEventStream   *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
void                yeastar_event_stream_close                  (YeastarEventStream   *self);

G_END_DECLS
