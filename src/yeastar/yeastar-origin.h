/* yeastar-origin.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* How many same-origin redirects a download follows. */
#define YEASTAR_MAX_REDIRECTS 5

gboolean  yeastar_origin_equal           (GUri        *a,
                                          GUri        *b);
char     *yeastar_origin_dup_display     (GUri        *uri);
GUri     *yeastar_origin_redirect_target (SoupMessage *msg,
                                          GUri        *own,
                                          const char  *host,
                                          GError     **error);

GUri     *yeastar_origin_redirect_target_for (GUri               *from,
                                              SoupMessageHeaders *headers,
                                              guint               status,
                                              GUri               *own,
                                              const char         *host,
                                              GError            **error);

G_END_DECLS
