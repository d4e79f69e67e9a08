/* reports-date-time-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_DATE_TIME_ROW (reports_date_time_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDateTimeRow, reports_date_time_row, REPORTS, DATE_TIME_ROW, AdwActionRow)

/* A PBX wall-clock date and time: a calendar in a popover for the date,
 * spin buttons for the time (12- or 24-hour as the user's locale
 * prefers). "date-time" is a GDateTime in UTC whose fields are the PBX's
 * wall-clock time, or NULL when unset. */
GtkWidget *reports_date_time_row_new           (const char         *title);
GDateTime *reports_date_time_row_get_date_time (ReportsDateTimeRow *self);
/* For the end of a range: a day picked while unset means until 23:59:59. */
void       reports_date_time_row_set_end_of_day (ReportsDateTimeRow *self,
                                                 gboolean            end_of_day);
void       reports_date_time_row_set_date_time (ReportsDateTimeRow *self,
                                                GDateTime          *date_time);
/* Whether the user's locale writes times with AM/PM. */
gboolean   reports_locale_uses_12_hour         (void);

G_END_DECLS
