/* yeastar-report-request.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "yeastar-date-format.h"
#include "yeastar-report-type.h"

G_BEGIN_DECLS

#define YEASTAR_TYPE_REPORT_REQUEST (yeastar_report_request_get_type ())

G_DECLARE_FINAL_TYPE (YeastarReportRequest, yeastar_report_request, YEASTAR, REPORT_REQUEST, GObject)

YeastarReportRequest      *yeastar_report_request_new                 (void);
YeastarReportRequest      *yeastar_report_request_copy                (YeastarReportRequest  *self);
const YeastarReportType   *yeastar_report_request_get_report_type     (YeastarReportRequest  *self);
void                       yeastar_report_request_set_report_type     (YeastarReportRequest  *self,
                                                                       const char            *api_name);
GDateTime                 *yeastar_report_request_get_start_time      (YeastarReportRequest  *self);
void                       yeastar_report_request_set_start_time      (YeastarReportRequest  *self,
                                                                       GDateTime             *start_time);
GDateTime                 *yeastar_report_request_get_end_time        (YeastarReportRequest  *self);
void                       yeastar_report_request_set_end_time        (YeastarReportRequest  *self,
                                                                       GDateTime             *end_time);
YeastarPeriodKind          yeastar_report_request_get_period_kind     (YeastarReportRequest  *self);
void                       yeastar_report_request_set_period_kind     (YeastarReportRequest  *self,
                                                                       YeastarPeriodKind      period_kind);
GDateTime                 *yeastar_report_request_get_period          (YeastarReportRequest  *self);
void                       yeastar_report_request_set_period          (YeastarReportRequest  *self,
                                                                       GDateTime             *period);
YeastarApiVersion          yeastar_report_request_get_api_version     (YeastarReportRequest  *self);
void                       yeastar_report_request_set_api_version     (YeastarReportRequest  *self,
                                                                       YeastarApiVersion      api_version);
gboolean                   yeastar_report_request_get_async           (YeastarReportRequest  *self);
void                       yeastar_report_request_set_async           (YeastarReportRequest  *self,
                                                                       gboolean               async);
const char                *yeastar_report_request_get_value           (YeastarReportRequest  *self,
                                                                       YeastarParam           param);
void                       yeastar_report_request_set_value           (YeastarReportRequest  *self,
                                                                       YeastarParam           param,
                                                                       const char            *value);
GParamSpec                *yeastar_report_request_find_param_property (YeastarParam           param);
gboolean                   yeastar_report_request_validate            (YeastarReportRequest  *self,
                                                                       YeastarParam          *out_param,
                                                                       GError               **error);
gboolean                   yeastar_report_request_validate_param      (YeastarReportRequest  *self,
                                                                       YeastarParam           param,
                                                                       GError               **error);
char                      *yeastar_report_request_to_query            (YeastarReportRequest  *self,
                                                                       YeastarDateFormat     *format,
                                                                       GError               **error);

G_END_DECLS
