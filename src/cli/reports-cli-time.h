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

/* The --range presets. Weeks start on Monday (ISO 8601); every range
 * covers whole days, from 00:00:00 of its first day to 23:59:59 of its
 * last, including the days of this week, month or year still to come. */
typedef enum
{
  REPORTS_CLI_RANGE_TODAY,
  REPORTS_CLI_RANGE_YESTERDAY,
  REPORTS_CLI_RANGE_THIS_WEEK,
  REPORTS_CLI_RANGE_LAST_WEEK,
  REPORTS_CLI_RANGE_THIS_MONTH,
  REPORTS_CLI_RANGE_LAST_MONTH,
  REPORTS_CLI_RANGE_THIS_YEAR,
  REPORTS_CLI_RANGE_LAST_YEAR,
} ReportsCliRange;

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

gboolean             reports_cli_range_from_name      (const char          *name,
                                                       ReportsCliRange     *range);
/* NULL-terminated, in the order of ReportsCliRange. */
const char * const  *reports_cli_range_get_names      (void);
/* @now: the PBX clock; only its wall-clock date is used. */
void                 reports_cli_range_get_bounds     (ReportsCliRange      range,
                                                       GDateTime           *now,
                                                       GDateTime          **start,
                                                       GDateTime          **end);
/* The same range as a `time` period (a day, a month or a year); FALSE for
 * the week presets, which no period expresses. */
gboolean             reports_cli_range_get_period     (ReportsCliRange      range,
                                                       GDateTime           *now,
                                                       YeastarPeriodKind   *kind,
                                                       GDateTime          **period);

G_END_DECLS
