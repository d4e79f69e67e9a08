/* yeastar-request-length.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-date-format.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

/* The longest request line ("GET /openapi/v2.0/call_report/download?…
 * HTTP/1.1\r\n") a PBX is taken to accept: nginx's default
 * large_client_header_buffers (4 8k). */
#define YEASTAR_MAX_REQUEST_LINE 8192

/* What the request line keeps for the access token (a P-Series token has
 * 32 characters). */
#define YEASTAR_ACCESS_TOKEN_ALLOWANCE 64

gsize    yeastar_report_request_measure       (YeastarReportRequest  *self,
                                               YeastarDateFormat     *format);
gboolean yeastar_report_request_check_length  (YeastarReportRequest  *self,
                                               YeastarDateFormat     *format,
                                               YeastarParam          *out_param,
                                               GError               **error);

G_END_DECLS
