/* reports-cli-request.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "reports-period.h"
#include "yeastar-date-format.h"
#include "yeastar-report-request.h"

G_BEGIN_DECLS

/* The report options `download` and `set add` share: --type, --range and
 * one option per API parameter (named after it with '-' for '_', is_async
 * as --async), made from the report-type table, and their checks. Every
 * check needs no PBX: IDs given as names or numbers are marked for a
 * look-up (reports_cli_request_needs_lookup()) and stand in as "0"
 * meanwhile. */
typedef struct _ReportsCliRequest ReportsCliRequest;

typedef enum
{
  /* --range takes the presets only (download). */
  REPORTS_CLI_REQUEST_PRESETS,
  /* --range also takes last-N-days and is required (set add). */
  REPORTS_CLI_REQUEST_PERIODS,
} ReportsCliRequestRanges;

ReportsCliRequest    *reports_cli_request_new          (ReportsCliRequestRanges  ranges);
void                  reports_cli_request_free         (ReportsCliRequest       *self);
/* Adds --type, --range and the parameters' options to @context's main
 * group. */
void                  reports_cli_request_add_options  (ReportsCliRequest       *self,
                                                        GOptionContext          *context);
/* Every check that needs no PBX, in the order a user fixes them; errors
 * are G_OPTION_ERROR and name the option. */
gboolean              reports_cli_request_prepare      (ReportsCliRequest       *self,
                                                        gboolean                 resolve_ids,
                                                        GError                 **error);
/* Validates the request again, naming the option at fault. */
gboolean              reports_cli_request_validate     (ReportsCliRequest       *self,
                                                        GError                 **error);
/* The request's URL within what a PBX's web server accepts (HTTP 414);
 * @format NULL: the longest date format, while the PBX's is not known. */
gboolean              reports_cli_request_check_length (ReportsCliRequest       *self,
                                                        YeastarDateFormat       *format,
                                                        GError                 **error);
YeastarReportRequest *reports_cli_request_get_request  (ReportsCliRequest       *self);
const char           *reports_cli_request_get_type_name (ReportsCliRequest      *self);
/* Whether --range was given, and the period it named. */
gboolean              reports_cli_request_get_period   (ReportsCliRequest       *self,
                                                        ReportsPeriod           *period);
/* The text given for @param's option, or NULL. */
const char           *reports_cli_request_get_value    (ReportsCliRequest       *self,
                                                        YeastarParam             param);
gboolean              reports_cli_request_given        (ReportsCliRequest       *self,
                                                        YeastarParam             param);
/* "ext-id-list": the option of @param, without "--". */
const char           *reports_cli_request_get_option   (ReportsCliRequest       *self,
                                                        YeastarParam             param);
gboolean              reports_cli_request_needs_lookup (ReportsCliRequest       *self,
                                                        YeastarParam             param);
/* Fills the dates from the PBX clock @now when --range was given. */
void                  reports_cli_request_apply_range  (ReportsCliRequest       *self,
                                                        GDateTime               *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsCliRequest, reports_cli_request_free)

G_END_DECLS
