/* yeastar-date-format.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "yeastar-report-type.h"

G_BEGIN_DECLS

/* The order of the date fields in the PBX display format. */
typedef enum
{
  YEASTAR_DATE_ORDER_YMD, /* YYYY/MM/DD */
  YEASTAR_DATE_ORDER_MDY, /* MM/DD/YYYY */
  YEASTAR_DATE_ORDER_DMY, /* DD/MM/YYYY */
} YeastarDateOrder;

/* What told whether the PBX wants 12- or 24-hour times. */
typedef enum
{
  YEASTAR_HOUR_SOURCE_FORMAT,   /* system_time_format ("hh:mm:ss PM", "HH:mm:ss") */
  YEASTAR_HOUR_SOURCE_CLOCK,    /* the shape of system_time: AM/PM at its end or not */
  YEASTAR_HOUR_SOURCE_ASSUMED,  /* an unknown time format and no clock: a guess */
  YEASTAR_HOUR_SOURCE_PBX_HINT, /* the layout a v2.0 40002 asked for */
  YEASTAR_HOUR_SOURCE_CHOSEN,   /* given by the caller (yeastar_date_format_new_full) */
} YeastarHourSource;

#define YEASTAR_TYPE_DATE_FORMAT (yeastar_date_format_get_type ())

/* An immutable, reference-counted description of the PBX date and time
 * display format (System > Date and Time > Display Format). */
typedef struct _YeastarDateFormat YeastarDateFormat;

GType               yeastar_date_format_get_type                (void) G_GNUC_CONST;
YeastarDateFormat  *yeastar_date_format_new                     (const char         *system_date_format,
                                                                 const char         *system_time_format,
                                                                 const char         *system_time,
                                                                 GError            **error);
YeastarDateFormat  *yeastar_date_format_new_from_go_layout      (const char         *text,
                                                                 GError            **error);
YeastarDateFormat  *yeastar_date_format_new_full                (YeastarDateOrder    order,
                                                                 char                separator,
                                                                 gboolean            twelve_hour);
YeastarDateFormat  *yeastar_date_format_ref                     (YeastarDateFormat  *self);
void                yeastar_date_format_unref                   (YeastarDateFormat  *self);
YeastarDateOrder    yeastar_date_format_get_order               (YeastarDateFormat  *self);
char                yeastar_date_format_get_separator           (YeastarDateFormat  *self);
gboolean            yeastar_date_format_is_12_hour              (YeastarDateFormat  *self);
gboolean            yeastar_date_format_has_time                (YeastarDateFormat  *self);
YeastarHourSource   yeastar_date_format_get_hour_source         (YeastarDateFormat  *self);
gboolean            yeastar_date_format_get_time_format_known   (YeastarDateFormat  *self);
const char         *yeastar_hour_source_to_string               (YeastarHourSource   source);
char               *yeastar_date_format_describe_hours          (YeastarDateFormat  *self);
YeastarDateFormat  *yeastar_date_format_with_date_of            (YeastarDateFormat  *self,
                                                                 YeastarDateFormat  *date);
const char         *yeastar_date_format_get_system_date_format  (YeastarDateFormat  *self);
char               *yeastar_date_format_to_go_layout            (YeastarDateFormat  *self);
char               *yeastar_date_format_to_string               (YeastarDateFormat  *self);
gboolean            yeastar_date_format_equal                   (YeastarDateFormat  *a,
                                                                 YeastarDateFormat  *b);
char               *yeastar_date_format_format_date_time        (YeastarDateFormat  *self,
                                                                 GDateTime          *dt);
char               *yeastar_date_format_format_period           (YeastarDateFormat  *self,
                                                                 YeastarPeriodKind   kind,
                                                                 GDateTime          *dt);
GDateTime          *yeastar_date_format_parse_date_time         (YeastarDateFormat  *self,
                                                                 const char         *text,
                                                                 GTimeZone          *tz,
                                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YeastarDateFormat, yeastar_date_format_unref)

G_END_DECLS
