/* yeastar-date-range.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* The date-range presets the window and the command line (--range) share.
 * Weeks start on Monday (ISO 8601); every range covers whole days, from
 * 00:00:00 of its first day to 23:59:59 of its last, including the days of
 * this week, month or year still to come. */
typedef enum
{
  YEASTAR_DATE_RANGE_TODAY,
  YEASTAR_DATE_RANGE_YESTERDAY,
  YEASTAR_DATE_RANGE_THIS_WEEK,
  YEASTAR_DATE_RANGE_LAST_WEEK,
  YEASTAR_DATE_RANGE_THIS_MONTH,
  YEASTAR_DATE_RANGE_LAST_MONTH,
  YEASTAR_DATE_RANGE_THIS_YEAR,
  YEASTAR_DATE_RANGE_LAST_YEAR,
} YeastarDateRange;

/* Dates are PBX wall-clock time: @now is read for its wall-clock date
 * only, and the GDateTime values returned are in UTC only as a carrier
 * for the fields, which are never converted. */

/* NULL-terminated, in the order of YeastarDateRange: "today", "yesterday",
 * "this-week", "last-week", "this-month", "last-month", "this-year",
 * "last-year". */
const char * const  *yeastar_date_range_get_names  (void);
gboolean             yeastar_date_range_from_name  (const char          *name,
                                                    YeastarDateRange    *range);
void                 yeastar_date_range_get_bounds (YeastarDateRange     range,
                                                    GDateTime           *now,
                                                    GDateTime          **start,
                                                    GDateTime          **end);
/* The same range as a `time` period (a day, a month or a year); FALSE for
 * the week presets, which no period expresses. */
gboolean             yeastar_date_range_get_period (YeastarDateRange     range,
                                                    GDateTime           *now,
                                                    YeastarPeriodKind   *kind,
                                                    GDateTime          **period);
/* The @n_days whole days before @now's day (today left out, as it is not
 * over yet): "last 7 days" on a Monday is the week before. 1 to
 * %YEASTAR_DATE_RANGE_MAX_DAYS days. */
#define YEASTAR_DATE_RANGE_MAX_DAYS 366
void                 yeastar_date_range_get_last_days (guint             n_days,
                                                       GDateTime        *now,
                                                       GDateTime       **start,
                                                       GDateTime       **end);

G_END_DECLS
