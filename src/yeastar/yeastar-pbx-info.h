/* yeastar-pbx-info.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-date-format.h"
#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define YEASTAR_TYPE_PBX_INFO (yeastar_pbx_info_get_type ())

G_DECLARE_FINAL_TYPE (YeastarPbxInfo, yeastar_pbx_info, YEASTAR, PBX_INFO, GObject)

const char        *yeastar_pbx_info_get_device_name            (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_model                  (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_firmware               (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_serial                 (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_date_format_string     (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_time_format_string     (YeastarPbxInfo *self);
const char        *yeastar_pbx_info_get_system_time            (YeastarPbxInfo *self);
gint64             yeastar_pbx_info_get_timestamp              (YeastarPbxInfo *self);
YeastarDateFormat *yeastar_pbx_info_get_date_format            (YeastarPbxInfo *self);
GDateTime         *yeastar_pbx_info_get_clock                  (YeastarPbxInfo *self);
YeastarApiVersion  yeastar_pbx_info_get_default_api_version    (YeastarPbxInfo *self);
gboolean           yeastar_pbx_info_v1_returns_empty_ranges    (YeastarPbxInfo *self);

int                yeastar_firmware_compare                    (const char     *a,
                                                                const char     *b);
gboolean           yeastar_firmware_has_v2_reports             (const char     *firmware);

G_END_DECLS
