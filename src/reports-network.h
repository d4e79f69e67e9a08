/* reports-network.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gpointer reports_network_lookup    (gpointer   *cache,
                                    const char *name);
gboolean reports_network_is_loaded (void);

G_END_DECLS
