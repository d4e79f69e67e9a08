/* reports-schedule.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When a report set runs by itself: daily at HH:MM, weekly on a weekday
 * at HH:MM, or monthly on day 1 to 28 (a day every month has) at HH:MM,
 * in this computer's local time. */
typedef enum
{
  REPORTS_SCHEDULE_NONE,
  REPORTS_SCHEDULE_DAILY,
  REPORTS_SCHEDULE_WEEKLY,
  REPORTS_SCHEDULE_MONTHLY,
} ReportsScheduleKind;

#define REPORTS_SCHEDULE_MAX_DAY 28

typedef struct
{
  ReportsScheduleKind kind;
  GDateWeekday        weekday;  /* weekly */
  guint               day;      /* monthly, 1 to REPORTS_SCHEDULE_MAX_DAY */
  guint               hour;
  guint               minute;
} ReportsSchedule;

gboolean     reports_schedule_parse_time      (const char            *text,
                                               guint                 *hour,
                                               guint                 *minute,
                                               GError               **error);
gboolean     reports_schedule_parse_weekday   (const char            *text,
                                               GDateWeekday          *weekday,
                                               GError               **error);
gboolean     reports_schedule_parse_day       (const char            *text,
                                               guint                 *day,
                                               GError               **error);
/* "mon" … "sun". */
const char  *reports_schedule_weekday_name    (GDateWeekday           weekday);
/* "daily", "weekly", "monthly"; NULL for none. */
const char  *reports_schedule_kind_name       (ReportsScheduleKind    kind);
gboolean     reports_schedule_kind_from_name  (const char            *name,
                                               ReportsScheduleKind   *kind);
/* A line for people, translated: "daily at 07:00", "weekly on Monday at
 * 07:00", "monthly on day 1 at 07:00". */
char        *reports_schedule_describe        (const ReportsSchedule *self);
/* The systemd calendar expression (OnCalendar=), e.g. "Mon *-*-* 07:00:00". */
char        *reports_schedule_to_calendar     (const ReportsSchedule *self);
/* The first time strictly after @after the schedule fires, in @after's
 * time zone; NULL for none. */
GDateTime   *reports_schedule_next            (const ReportsSchedule *self,
                                               GDateTime             *after);

G_END_DECLS
