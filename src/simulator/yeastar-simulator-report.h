/* yeastar-simulator-report.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-report-type.h"
#include "yeastar-simulator-menu.h"

G_BEGIN_DECLS

/* Everything a report file is derived from. The same input gives the same
 * bytes: no randomness, no wall clock beyond `now`. */
typedef struct
{
  const YeastarReportType     *type;
  GHashTable                  *params;       /* API name -> value */
  const YeastarSimulatorMenus *menus;
  const char                  *date_format;  /* PBX system_date_format */
  const char                  *time_format;  /* PBX system_time_format */
  GDateTime                   *now;          /* PBX wall clock */
} YeastarSimulatorReportInput;

/* "QueueSatisfaction": the report part of the file name. */
const char *_yeastar_simulator_report_get_stem   (const YeastarReportType           *type);
GBytes     *_yeastar_simulator_report_generate   (const YeastarSimulatorReportInput *input);
/* For report-size: the preamble and header lines, and a block of whole data lines of at
 * least min_block_size bytes that repeats to any length. */
void        _yeastar_simulator_report_get_parts  (const YeastarSimulatorReportInput *input,
                                                  gsize                              min_block_size,
                                                  GBytes                           **header,
                                                  GBytes                           **block);

G_END_DECLS
