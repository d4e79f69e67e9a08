/* raw-server.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A small HTTP/1.1 server on raw sockets for the faults a SoupServer
 * cannot produce: a chunked body cut at a chunk boundary, malformed
 * chunking, header lines dripped one a second, a redirect to another
 * origin. It listens on 127.0.0.1 only, serves each connection in a
 * thread of its own, and stops when freed (or by itself after
 * RAW_SERVER_LIFETIME_S, should a test forget it).
 *
 * Each request goes to the handler, in the connection's thread. A
 * handler that returns FALSE leaves the request to the upstream server
 * given to raw_server_new() (e.g. the simulator), to which it is
 * forwarded as is; without one, it is answered 404. The connection is
 * closed once the handler (or the upstream's answer) is done.
 */

#define RAW_SERVER_LIFETIME_S 300

typedef struct _RawServer RawServer;
typedef struct _RawConnection RawConnection;

typedef struct
{
  const char *method;
  const char *target;   /* path and query, as sent */
  const char *path;     /* without the query */
  const char *headers;  /* the header lines, CRLF-separated */
} RawRequest;

typedef gboolean (*RawServerHandler) (RawServer        *server,
                                      RawConnection    *connection,
                                      const RawRequest *request,
                                      gpointer          user_data);

RawServer  *raw_server_new               (const char        *upstream_base_uri,
                                          RawServerHandler   handler,
                                          gpointer           user_data);
void        raw_server_free              (RawServer         *server);
const char *raw_server_get_base_uri      (RawServer         *server);
guint       raw_server_get_request_count (RawServer         *server);
/* "METHOD TARGET" of every request so far, in order. */
GStrv       raw_server_dup_requests      (RawServer         *server);

/* These return FALSE once the peer is gone or the server stops. */
gboolean    raw_connection_write         (RawConnection     *connection,
                                          const char        *data,
                                          gssize             length);
gboolean    raw_connection_printf        (RawConnection     *connection,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (2, 3);
gboolean    raw_connection_sleep         (RawConnection     *connection,
                                          guint              ms);
/* Writes @data @step bytes at a time, @interval_ms apart. */
gboolean    raw_connection_drip          (RawConnection     *connection,
                                          const char        *data,
                                          gssize             length,
                                          gsize              step,
                                          guint              interval_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawServer, raw_server_free)

G_END_DECLS
