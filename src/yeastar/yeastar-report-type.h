/* yeastar-report-type.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every request parameter of call_report/download except `type`, in the
 * order of the vendor page. `type` is the report type itself. */
typedef enum
{
  YEASTAR_PARAM_START_TIME,
  YEASTAR_PARAM_END_TIME,
  YEASTAR_PARAM_TIME,
  YEASTAR_PARAM_EXT_ID_LIST,
  YEASTAR_PARAM_TRUNK_ID,
  YEASTAR_PARAM_TRUNK_ID_LIST,
  YEASTAR_PARAM_IVR_ID_LIST,
  YEASTAR_PARAM_RING_GROUP_ID_LIST,
  YEASTAR_PARAM_QUEUE_ID,
  YEASTAR_PARAM_QUEUE_ID_LIST,
  YEASTAR_PARAM_AGENT_ID_LIST,
  YEASTAR_PARAM_ABANDON_TIME,
  YEASTAR_PARAM_TALK_TIME,
  YEASTAR_PARAM_INCLUDE_INTERNAL,
  YEASTAR_PARAM_CALLBACK_RESULT,
  YEASTAR_PARAM_REASON,
  YEASTAR_PARAM_COMMUNICATION_TYPE,
  YEASTAR_PARAM_CALL_FROM,
  YEASTAR_PARAM_CALL_TO,
  YEASTAR_PARAM_CALL_TO_TYPE,
  YEASTAR_PARAM_MISS_CALL_TYPE,
  YEASTAR_PARAM_UNRETURN_STATUS,
  YEASTAR_PARAM_NEED_DETAIL,
  YEASTAR_PARAM_IS_ASYNC,
  YEASTAR_N_PARAMS
} YeastarParam;

typedef enum
{
  YEASTAR_AVAILABILITY_NONE = 0,
  YEASTAR_AVAILABILITY_OPTIONAL,
  YEASTAR_AVAILABILITY_REQUIRED,
} YeastarAvailability;

typedef enum
{
  YEASTAR_VALUE_DATE_TIME, /* start_time, end_time: PBX date + time format */
  YEASTAR_VALUE_PERIOD,    /* time: a day, a month or a year in the PBX date format */
  YEASTAR_VALUE_ID_LIST,   /* comma-separated IDs from get_menuoptions */
  YEASTAR_VALUE_ID,        /* one ID from get_menuoptions */
  YEASTAR_VALUE_ENUM,      /* one of yeastar_report_type_get_enum_values() */
  YEASTAR_VALUE_SECONDS,   /* non-negative whole seconds */
  YEASTAR_VALUE_TEXT,      /* free text */
  YEASTAR_VALUE_FLAG,      /* 0 or 1 */
} YeastarValueKind;

typedef enum
{
  YEASTAR_CATEGORY_EXTENSION,
  YEASTAR_CATEGORY_TRUNK,
  YEASTAR_CATEGORY_IVR,
  YEASTAR_CATEGORY_QUEUE,
  YEASTAR_CATEGORY_AGENT,
  YEASTAR_CATEGORY_RING_GROUP,
  YEASTAR_CATEGORY_ACCOUNTING,
  YEASTAR_CATEGORY_OTHER,
  YEASTAR_N_CATEGORIES
} YeastarCategory;

/* The API path a report is requested on. AUTO lets the client choose from
 * the firmware: v2.0 from NN.21.0.117 on, else v1.0. */
typedef enum
{
  YEASTAR_API_VERSION_AUTO,
  YEASTAR_API_VERSION_V1,
  YEASTAR_API_VERSION_V2,
} YeastarApiVersion;

/* A period report (`time`) covers one day (by hour), one month (by day)
 * or one year (by month). */
typedef enum
{
  YEASTAR_PERIOD_DAY,
  YEASTAR_PERIOD_MONTH,
  YEASTAR_PERIOD_YEAR,
} YeastarPeriodKind;

/* The report types are addressed by their index in the table,
 * 0 .. yeastar_report_type_get_count () - 1. */
typedef struct _YeastarReportType YeastarReportType;

guint                     yeastar_report_type_get_count             (void);
const YeastarReportType  *yeastar_report_type_get_nth               (guint                     index);
/* The type a new request starts with (the GSettings schema's
 * report-type default names it too). */
const YeastarReportType  *yeastar_report_type_get_default           (void);
const YeastarReportType  *yeastar_report_type_lookup                (const char               *api_name);
guint                     yeastar_report_type_get_index             (const YeastarReportType  *type);
const char               *yeastar_report_type_get_api_name          (const YeastarReportType  *type);
const char               *yeastar_report_type_get_title             (const YeastarReportType  *type);
YeastarCategory           yeastar_report_type_get_category          (const YeastarReportType  *type);
gboolean                  yeastar_report_type_uses_range            (const YeastarReportType  *type);
gboolean                  yeastar_report_type_uses_period           (const YeastarReportType  *type);
YeastarAvailability       yeastar_report_type_get_availability      (const YeastarReportType  *type,
                                                                     YeastarParam              param);
gboolean                  yeastar_report_type_takes                 (const YeastarReportType  *type,
                                                                     YeastarParam              param);
gboolean                  yeastar_report_type_requires              (const YeastarReportType  *type,
                                                                     YeastarParam              param);
/* NULL-terminated allowed API values of an enum parameter for this type
 * (communication_type depends on the type), or NULL for other kinds. */
const char * const       *yeastar_report_type_get_enum_values       (const YeastarReportType  *type,
                                                                     YeastarParam              param);

const char               *yeastar_category_get_title                (YeastarCategory           category);
/* The plural heading of a group of types: "Queues", "IVR & Auto Attendant". */
const char               *yeastar_category_get_group_title          (YeastarCategory           category);
/* One translated line on what the report holds. */
const char               *yeastar_report_type_get_description       (const YeastarReportType  *type);

const char               *yeastar_param_get_api_name                (YeastarParam              param);
gboolean                  yeastar_param_from_api_name               (const char               *api_name,
                                                                     YeastarParam             *param);
const char               *yeastar_param_get_title                   (YeastarParam              param);
YeastarValueKind          yeastar_param_get_value_kind              (YeastarParam              param);
/* The get_menuoptions menu an ID parameter's values come from
 * ("extension", "trunk", "IVR", "ring_group", "queue", "queue_agent"),
 * or NULL. */
const char               *yeastar_param_get_menu                    (YeastarParam              param);
/* All menus an ID parameter's values may come from, NULL-terminated:
 * ext_id_list takes extension and extension group IDs
 * ({ "extension", "ext_group" }). NULL for other kinds. */
const char * const       *yeastar_param_get_menus                   (YeastarParam              param);
/* Whether the parameter's values come from a menu that takes a queue ID
 * (agent_id_list: the agents of the request's queue_id). */
gboolean                  yeastar_param_needs_queue                 (YeastarParam              param);
/* The command line's description of the parameter's option. */
char                     *yeastar_param_dup_description             (YeastarParam              param);
/* What the window's row shows under the title, or NULL. */
const char               *yeastar_param_get_subtitle                (YeastarParam              param);
/* A number of the parameter's items, e.g. "3 extensions or groups". */
char                     *yeastar_param_format_count                (YeastarParam              param,
                                                                     guint                     n);
/* Translated label for one API enum value, e.g. "no_answer" -> "No answer". */
const char               *yeastar_param_get_enum_value_title        (YeastarParam              param,
                                                                     const char               *value);

G_END_DECLS
