/* yeastar-report-link.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * YeastarReportLink:
 *
 * Where a generated report can be fetched: the PBX's `file` name and the
 * `download_resource_url` path (valid for 30 minutes). Immutable.
 */
typedef struct _YeastarReportLink YeastarReportLink;

#define YEASTAR_TYPE_REPORT_LINK (yeastar_report_link_get_type ())

GType              yeastar_report_link_get_type        (void) G_GNUC_CONST;
YeastarReportLink *yeastar_report_link_new             (const char        *file,
                                                        const char        *download_resource_url);
YeastarReportLink *yeastar_report_link_copy            (const YeastarReportLink *self);
void               yeastar_report_link_free            (YeastarReportLink *self);
const char        *yeastar_report_link_get_file        (const YeastarReportLink *self);
const char        *yeastar_report_link_get_url         (const YeastarReportLink *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarReportLink, yeastar_report_link_free)

G_END_DECLS
