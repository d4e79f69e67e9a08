/* fuzz-event.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One WebSocket text frame, as YeastarEventStream gets it: heartbeat
 * answers, the subscription acknowledgement, events with `msg` as an
 * object or as a JSON string, and event 30027 with its result, file and
 * download link, handed to a waiting request.
 */

#include "config.h"

#include "fuzz-common.h"
#include "yeastar-event-stream-private.h"
#include "yeastar-private.h"
#include "yeastar-error.h"
#include "yeastar-event-stream.h"

static void
on_wait (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  link = yeastar_event_stream_wait_report_finish (YEASTAR_EVENT_STREAM (object), result, &error);
  if (link != NULL)
    g_assert (yeastar_report_link_get_url (link)[0] == '/');
  else
    fuzz_assert_no_secret (error);
  *(gboolean *) user_data = TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static YeastarClient *client;
  g_autoptr(YeastarEventStream) stream = NULL;
  g_autoptr(GBytes) frame = NULL;
  gboolean done = FALSE;

  fuzz_init ();
  if (client == NULL)
    client = yeastar_client_new ("http://127.0.0.1:9", FUZZ_CLIENT_ID, FUZZ_SECRET, NULL);

  stream = yeastar_event_stream_new (client);
  yeastar_event_stream_wait_report_async (stream, 60, NULL, on_wait, &done);

  frame = g_bytes_new (data, size);
  _yeastar_event_stream_handle_text (stream, frame);

  /* Ends a wait the frame did not answer. */
  yeastar_event_stream_close (stream);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
