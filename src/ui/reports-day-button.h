/* reports-day-button.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_DAY_BUTTON (reports_day_button_get_type ())

G_DECLARE_FINAL_TYPE (ReportsDayButton, reports_day_button, REPORTS, DAY_BUTTON, AdwBin)

/* A button that shows a day and opens a calendar to pick another. It emits
 * ::day-picked (year, month, day) for every pick, also of the day already
 * shown, and leaves showing the day to its owner. */
GtkWidget *reports_day_button_new             (void);
/* @day: its date fields are shown; NULL shows the placeholder. */
void       reports_day_button_set_day         (ReportsDayButton *self,
                                               GDateTime        *day);
void       reports_day_button_set_placeholder (ReportsDayButton *self,
                                               const char       *placeholder);
void       reports_day_button_set_label       (ReportsDayButton *self,
                                               const char       *accessible_label);

G_END_DECLS
