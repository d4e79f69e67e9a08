/* reports-request-store.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-report-request.h"

G_BEGIN_DECLS

typedef enum
{
  REPORTS_REQUEST_VALUES_DEFAULT = 0,
  /* IDs belong to one PBX: the form leaves them to ReportsSelectionStore,
   * a download's record keeps them. */
  REPORTS_REQUEST_VALUES_WITH_IDS = 1 << 0,
} ReportsRequestValuesFlags;

GVariant *reports_request_values_from_request (YeastarReportRequest      *request,
                                               ReportsRequestValuesFlags  flags);
gboolean  reports_request_values_apply        (YeastarReportRequest      *request,
                                               GVariant                  *values,
                                               ReportsRequestValuesFlags  flags);

void      reports_request_store_save          (GSettings                 *settings,
                                               YeastarReportRequest      *request);
void      reports_request_store_load          (GSettings                 *settings,
                                               YeastarReportRequest      *request);

G_END_DECLS
