/* reports-period.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yeastar-date-range.h"
#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* A relative period of a report set: one of the date-range presets
 * ("today" … "last-year", see yeastar-date-range.h), or "last-N-days"
 * (the N whole days before today). It is resolved on the PBX's clock
 * when the set runs. */
typedef struct
{
  YeastarDateRange preset;
  guint            last_days;   /* > 0: "last-N-days", @preset unused */
} ReportsPeriod;

gboolean  reports_period_parse       (const char          *text,
                                      ReportsPeriod       *period,
                                      GError             **error);
char     *reports_period_to_string   (const ReportsPeriod *period);
gboolean  reports_period_equal       (const ReportsPeriod *a,
                                      const ReportsPeriod *b);
/* Whether a type that takes a `time` (a day, a month or a year) can be
 * given this period: not the weeks, not last-N-days. */
gboolean  reports_period_has_time    (const ReportsPeriod *period);
/* Wall-clock bounds on the PBX's clock @now (UTC carriers, as
 * yeastar_date_range_get_bounds() returns them). */
void      reports_period_get_bounds  (const ReportsPeriod *period,
                                      GDateTime           *now,
                                      GDateTime          **start,
                                      GDateTime          **end);
gboolean  reports_period_get_time    (const ReportsPeriod *period,
                                      GDateTime           *now,
                                      YeastarPeriodKind   *kind,
                                      GDateTime          **time);
/* The label {period} of a file-name template becomes: 2026-11-30 for a
 * day, 2026-W48 for a week, 2026-11 for a month, 2026 for a year, and
 * 2026-11-01_2026-11-30 for last-N-days. */
char     *reports_period_dup_label   (const ReportsPeriod *period,
                                      GDateTime           *now);

G_END_DECLS
