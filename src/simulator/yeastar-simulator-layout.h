/* yeastar-simulator-layout.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Go reference-time layouts, the notation the PBX's v2.0 validator uses in
 * its hints ("valid format: 02/01/2006 03:04:05 PM"). The simulator keeps
 * its own strict parser here, independent of the client's YeastarDateFormat,
 * so that a client bug is caught instead of being mirrored.
 */

char      *_yeastar_simulator_layout_for_date   (const char *date_format);
char      *_yeastar_simulator_layout_for_month  (const char *date_format);
char      *_yeastar_simulator_layout_for_time   (const char *time_format);
char      *_yeastar_simulator_layout_for_range  (const char *date_format,
                                                 const char *time_format);
char      *_yeastar_simulator_layout_format     (const char *layout,
                                                 GDateTime  *date_time);
GDateTime *_yeastar_simulator_layout_parse      (const char *layout,
                                                 const char *text,
                                                 GTimeZone  *tz);

G_END_DECLS
