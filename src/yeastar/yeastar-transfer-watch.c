/* yeastar-transfer-watch.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-cancellable.h"
#include "yeastar-error.h"
#include "yeastar-transfer-watch.h"

/* Deadlines for one exchange. libsoup's own timeout restarts with every
 * byte, so a server (or a proxy) that drips one header line or one body
 * byte a second never ends. The watch adds two limits:
 *
 * - the headers: from the first byte of the answer, all its headers
 *   must have arrived within header_timeout seconds. The wait for the
 *   first byte stays libsoup's (the session's timeout), because a
 *   synchronous report may take the PBX a minute or two to prepare
 *   before it answers at all.
 * - the body: over every window of stall_time seconds it must average
 *   min_speed bytes per second.
 *
 * When a limit is broken, the watch records a YEASTAR_ERROR_TIMEOUT and
 * cancels its own cancellable, which the exchange uses for its I/O;
 * _yeastar_client_transport_error() then reports that error instead of
 * "cancelled" (it finds it on the message). The caller's cancellable
 * cancels the watch's too.
 */

#define TICK_MS 200
#define MESSAGE_ERROR_KEY "yeastar-transfer-error"

struct _YeastarTransferWatch
{
  GObject parent_instance;

  SoupMessage *msg;       /* weak: the exchange owns it */
  char *host;
  YeastarTransferLimits limits;

  GCancellable *cancellable;
  GCancellable *parent;
  gulong parent_id;
  gulong headers_id;
  GSource *tick;

  gint64 first_byte;      /* monotonic, 0 until the answer starts */
  gboolean got_headers;
  gint64 window_start;
  guint64 window_bytes;
  GError *error;
};

G_DEFINE_FINAL_TYPE (YeastarTransferWatch, yeastar_transfer_watch, G_TYPE_OBJECT)

static void
fail (YeastarTransferWatch *self,
      GError               *error)
{
  self->error = error;
  if (self->msg != NULL)
    g_object_set_data_full (G_OBJECT (self->msg), MESSAGE_ERROR_KEY,
                            g_error_copy (error), (GDestroyNotify) g_error_free);
  yeastar_transfer_watch_stop (self);
  g_cancellable_cancel (self->cancellable);
}

static gboolean
on_tick (gpointer user_data)
{
  YeastarTransferWatch *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (!self->got_headers)
    {
      SoupMessageMetrics *metrics = self->msg ? soup_message_get_metrics (self->msg) : NULL;

      if (self->first_byte == 0 && metrics != NULL &&
          soup_message_metrics_get_response_start (metrics) != 0)
        self->first_byte = now;

      if (self->limits.header_timeout > 0 && self->first_byte != 0 &&
          now - self->first_byte >= (gint64) self->limits.header_timeout * G_USEC_PER_SEC)
        {
          fail (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The PBX at %s started to answer but did not finish "
                                                "its headers within %u second; the transfer was stopped.",
                                                "The PBX at %s started to answer but did not finish "
                                                "its headers within %u seconds; the transfer was stopped.",
                                                self->limits.header_timeout),
                                   self->host, self->limits.header_timeout));
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  if (self->limits.min_speed > 0 && self->limits.stall_time > 0 &&
      now - self->window_start >= (gint64) self->limits.stall_time * G_USEC_PER_SEC)
    {
      if (self->window_bytes < self->limits.min_speed * self->limits.stall_time)
        {
          g_autofree char *speed = g_format_size (self->limits.min_speed);

          fail (self, g_error_new (YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT,
                                   /* Translators: %s are the host and a size, e.g. "1.0 kB" */
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The transfer from the PBX at %s was slower than %s "
                                                "per second for %u second; it was stopped.",
                                                "The transfer from the PBX at %s was slower than %s "
                                                "per second for %u seconds; it was stopped.",
                                                self->limits.stall_time),
                                   self->host, speed, self->limits.stall_time));
          return G_SOURCE_REMOVE;
        }
      self->window_start = now;
      self->window_bytes = 0;
    }

  return G_SOURCE_CONTINUE;
}

/* For an exchange libsoup does not make (yeastar-http1-get.c): the
 * first byte of the answer arrived. */
void
yeastar_transfer_watch_response_started (YeastarTransferWatch *self)
{
  g_return_if_fail (YEASTAR_IS_TRANSFER_WATCH (self));

  if (self->first_byte == 0)
    self->first_byte = g_get_monotonic_time ();
}

/* … and all its headers (not those of an informational answer). */
void
yeastar_transfer_watch_got_headers (YeastarTransferWatch *self)
{
  g_return_if_fail (YEASTAR_IS_TRANSFER_WATCH (self));

  self->got_headers = TRUE;
  self->window_start = g_get_monotonic_time ();
  self->window_bytes = 0;
}

static void
on_got_headers (SoupMessage          *msg,
                YeastarTransferWatch *self)
{
  /* Informational (1xx) answers are headers too, but not the answer. */
  if (SOUP_STATUS_IS_INFORMATIONAL (soup_message_get_status (msg)))
    return;

  yeastar_transfer_watch_got_headers (self);
}

/* Counts body bytes for the speed limit. */
void
yeastar_transfer_watch_add_bytes (YeastarTransferWatch *self,
                                  gsize                 bytes)
{
  g_return_if_fail (YEASTAR_IS_TRANSFER_WATCH (self));
  self->window_bytes += bytes;
}

/* The exchange is over (body read, or failed): no more deadlines. */
void
yeastar_transfer_watch_stop (YeastarTransferWatch *self)
{
  g_return_if_fail (YEASTAR_IS_TRANSFER_WATCH (self));

  if (self->tick != NULL)
    g_source_destroy (self->tick);
  g_clear_pointer (&self->tick, g_source_unref);
  if (self->msg != NULL && self->headers_id != 0)
    g_signal_handler_disconnect (self->msg, self->headers_id);
  self->headers_id = 0;
}

/* What the exchange's I/O must use as its cancellable. */
GCancellable *
yeastar_transfer_watch_get_cancellable (YeastarTransferWatch *self)
{
  g_return_val_if_fail (YEASTAR_IS_TRANSFER_WATCH (self), NULL);
  return self->cancellable;
}

const GError *
yeastar_transfer_watch_get_error (YeastarTransferWatch *self)
{
  g_return_val_if_fail (YEASTAR_IS_TRANSFER_WATCH (self), NULL);
  return self->error;
}

/* The deadline a message's watch ran out on, if any. */
const GError *
yeastar_transfer_watch_peek_message_error (SoupMessage *msg)
{
  return msg != NULL ? g_object_get_data (G_OBJECT (msg), MESSAGE_ERROR_KEY) : NULL;
}

static void
yeastar_transfer_watch_dispose (GObject *object)
{
  YeastarTransferWatch *self = (YeastarTransferWatch *) object;

  yeastar_transfer_watch_stop (self);
  if (self->parent_id != 0)
    g_cancellable_disconnect (self->parent, self->parent_id);
  self->parent_id = 0;
  g_clear_object (&self->parent);
  g_clear_weak_pointer (&self->msg);

  G_OBJECT_CLASS (yeastar_transfer_watch_parent_class)->dispose (object);
}

static void
yeastar_transfer_watch_finalize (GObject *object)
{
  YeastarTransferWatch *self = (YeastarTransferWatch *) object;

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->host);

  G_OBJECT_CLASS (yeastar_transfer_watch_parent_class)->finalize (object);
}

static void
yeastar_transfer_watch_class_init (YeastarTransferWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yeastar_transfer_watch_dispose;
  object_class->finalize = yeastar_transfer_watch_finalize;
}

static void
yeastar_transfer_watch_init (YeastarTransferWatch *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * yeastar_transfer_watch_new:
 * @msg: a message about to be sent
 * @host: the PBX's host, for the messages
 * @limits: the deadlines
 * @cancellable: (nullable): the caller's cancellable
 *
 * Watches @msg from now on, in the thread-default main context. Send
 * @msg and read its body with yeastar_transfer_watch_get_cancellable(),
 * count the body with yeastar_transfer_watch_add_bytes(), and stop the
 * watch when the body is read.
 */
YeastarTransferWatch *
yeastar_transfer_watch_new (SoupMessage                 *msg,
                            const char                  *host,
                            const YeastarTransferLimits *limits,
                            GCancellable                *cancellable)
{
  YeastarTransferWatch *self;

  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_object_new (YEASTAR_TYPE_TRANSFER_WATCH, NULL);
  g_set_weak_pointer (&self->msg, msg);
  self->host = g_strdup (host);
  self->limits = *limits;

  /* The first byte of the answer is known from the metrics. */
  soup_message_add_flags (msg, SOUP_MESSAGE_COLLECT_METRICS);
  self->headers_id = g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), self);

  if (cancellable != NULL)
    {
      self->parent = g_object_ref (cancellable);
      self->parent_id = yeastar_cancellable_chain (cancellable, self->cancellable);
    }

  self->tick = g_timeout_source_new (TICK_MS);
  g_source_set_callback (self->tick, on_tick, self, NULL);
  g_source_set_static_name (self->tick, "[yeastar] transfer deadlines");
  g_source_attach (self->tick, g_main_context_get_thread_default ());

  return self;
}
