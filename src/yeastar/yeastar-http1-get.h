/* yeastar-http1-get.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "yeastar-transfer-watch.h"

G_BEGIN_DECLS

/* A strict decoder of a chunked body (RFC 9112, section 7.1). */
typedef struct
{
  guint   state;
  guint64 remaining;      /* of the current chunk's data */
  gsize   line_length;    /* of the current size or trailer line */
  gsize   trailer_length; /* of all trailer lines */
  guint   digits : 1;     /* the size line has a digit */
} YeastarChunkDecoder;

/* The longest size line (with its extensions) and trailer section. */
#define YEASTAR_CHUNK_MAX_LINE 4096
#define YEASTAR_CHUNK_MAX_TRAILERS (64 * 1024)

void     yeastar_chunk_decoder_init    (YeastarChunkDecoder *self);
gboolean yeastar_chunk_decoder_decode  (YeastarChunkDecoder *self,
                                        const guint8        *input,
                                        gsize                input_length,
                                        gsize               *input_used,
                                        guint8              *output,
                                        gsize                output_size,
                                        gsize               *output_length,
                                        GError             **error);
gboolean yeastar_chunk_decoder_is_done (const YeastarChunkDecoder *self);

#define YEASTAR_TYPE_HTTP1_GET (yeastar_http1_get_get_type ())

G_DECLARE_FINAL_TYPE (YeastarHttp1Get, yeastar_http1_get, YEASTAR, HTTP1_GET, GInputStream)

void          yeastar_http1_get_send_async  (SoupMessage          *msg,
                                             const char           *user_agent,
                                             guint                 io_timeout,
                                             YeastarTransferWatch *watch,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GInputStream *yeastar_http1_get_send_finish (GAsyncResult         *result,
                                             GError              **error);
guint         yeastar_http1_get_get_status  (YeastarHttp1Get      *self);

G_END_DECLS
