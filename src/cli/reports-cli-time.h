/* reports-cli-time.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* What a date given alone stands for. */
typedef enum
{
  REPORTS_CLI_TIME_START, /* the first second of the day, 00:00:00 */
  REPORTS_CLI_TIME_END,   /* the last second of the day, 23:59:59 */
} ReportsCliTimeRole;

/* All of these take arbitrary bytes and never crash on them. Dates and
 * times are PBX wall-clock time: the GDateTime values they return are in
 * UTC only as a carrier for the fields, which are never converted. Errors
 * are G_OPTION_ERROR_BAD_VALUE and do not name the option. */
GDateTime           *reports_cli_time_parse_date_time (const char          *text,
                                                       ReportsCliTimeRole   role,
                                                       GError             **error);
GDateTime           *reports_cli_time_parse_period    (const char          *text,
                                                       YeastarPeriodKind   *kind,
                                                       GError             **error);

G_END_DECLS
