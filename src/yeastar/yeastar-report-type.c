/* yeastar-report-type.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "yeastar-menu.h"
#include "yeastar-report-type.h"

/*
 * The single source of truth for call_report/download.
 *
 * Everything below is transcribed from the vendor page "Download a Call
 * Report" (the Available and Required columns). Where the page leaves a gap
 * the choice is explained next to it:
 *
 * - `time` is "Required: Yes" for its five types, start_time/end_time are
 *   "Required: No" for their seventeen. No type takes both.
 *
 * - ext_id_list is available for four types but required only for
 *   Extension Call Statistics and Extension Call Activity; for the two
 *   accounting reports it is optional. IDs may name extensions or extension
 *   groups, so the parameter has two menus ("extension", "ext_group").
 *
 * - trunk_id, trunk_id_list, ivr_id_list, ring_group_id_list, queue_id and
 *   queue_id_list say "Yes" in the Required column without restricting it
 *   to some of the types they are available for, so they are required
 *   everywhere they are available. That includes trunk_id_list for the two
 *   accounting reports, which may look surprising but is what the page
 *   says; a PBX that is more lenient loses nothing.
 *
 * - communication_type takes Inbound/Outbound/Internal for the extension
 *   reports and only Inbound/Outbound for the trunk reports (PBX Call
 *   Activity, DID/Outbound Caller ID Activity); the per-type lists live in
 *   the table as enum overrides.
 *
 * - abandon_time is typed "String" and talk_time "Integer" on the page, but
 *   both are "a time … (Unit: Second)"; both are whole, non-negative seconds
 *   here.
 *
 * - include_internal, need_detail and is_async are documented as 0/1
 *   integers: flags. unreturn_status is also an integer, but its values
 *   (1 = Returned, 2 = Not returned) are an enumeration, not a flag.
 *
 * - The page does not say which of the three period granularities (day,
 *   month, year) each `time` report supports; all five accept all three.
 *
 * - Categories are ours, not the page's: the queueagent* reports are
 *   "Agent"; the satisfaction surveys are about a queue, so "Queue" even
 *   though the details report can filter by agent; Transcription Usage
 *   Details and Unreturned Missed Call Report fit no group and are "Other".
 *
 * - agent_id_list comes from the "queue_agent" menu, which itself needs a
 *   queue ID (get_menuoptions&id=<queue_id>): every type that takes
 *   agent_id_list also requires queue_id.
 */

#define N YEASTAR_AVAILABILITY_NONE
#define O YEASTAR_AVAILABILITY_OPTIONAL
#define R YEASTAR_AVAILABILITY_REQUIRED

struct _YeastarReportType
{
  const char         *api_name;
  const char         *title;
  YeastarCategory     category;
  YeastarAvailability params[YEASTAR_N_PARAMS];
  /* Per-type allowed values of an enum parameter; NULL means the
   * parameter's own list (see param_info). */
  const char * const *enum_values[YEASTAR_N_PARAMS];
};

typedef struct
{
  const char         *api_name;
  const char         *title;
  YeastarValueKind    kind;
  /* The menus (yeastar-menu.h) an ID parameter's values come from. */
  guint               n_menus;
  YeastarMenu         menus[2];
  const char * const *enum_values;
  /* The wording of the command line's --help and of the window's row,
   * NULL for the defaults (see the accessors). */
  const char         *description;
  const char         *subtitle;
} ParamInfo;

typedef struct
{
  YeastarParam  param;
  const char   *value;
  const char   *title;
} EnumValueTitle;

#define NO_MENU 0, { 0 }
#define MENU(m) 1, { YEASTAR_MENU_ ## m }
#define MENUS(m1, m2) 2, { YEASTAR_MENU_ ## m1, YEASTAR_MENU_ ## m2 }

static const char * const callback_result_values[] = { "success", "fail", NULL };
static const char * const ext_communication_types[] = { "Inbound", "Outbound", "Internal", NULL };
static const char * const trunk_communication_types[] = { "Inbound", "Outbound", NULL };
static const char * const call_to_type_values[] = { "Extension", "Queue", "RingGroup", NULL };
static const char * const miss_call_type_values[] = { "no_answer", "busy", "abandoned", NULL };
static const char * const unreturn_status_values[] = { "1", "2", NULL };

static const ParamInfo param_info[YEASTAR_N_PARAMS] = {
  [YEASTAR_PARAM_START_TIME] = {
    "start_time", N_("Start time"), YEASTAR_VALUE_DATE_TIME, NO_MENU, NULL,
    /* Translators: %s is the API name, start_time */
    N_("Start of the range, PBX time; a date alone is its 00:00:00 (%s)"), NULL
  },
  [YEASTAR_PARAM_END_TIME] = {
    "end_time", N_("End time"), YEASTAR_VALUE_DATE_TIME, NO_MENU, NULL,
    /* Translators: %s is the API name, end_time */
    N_("End of the range, PBX time; a date alone is its 23:59:59 (%s)"), NULL
  },
  [YEASTAR_PARAM_TIME] = {
    "time", N_("Period"), YEASTAR_VALUE_PERIOD, NO_MENU, NULL,
    /* Translators: %s is the API name, time */
    N_("The year, month or day the report covers (%s)"), NULL
  },
  [YEASTAR_PARAM_EXT_ID_LIST] = { "ext_id_list", N_("Extensions"), YEASTAR_VALUE_ID_LIST, MENUS (EXTENSION, EXT_GROUP), NULL, NULL, NULL },
  [YEASTAR_PARAM_TRUNK_ID] = { "trunk_id", N_("Trunk"), YEASTAR_VALUE_ID, MENU (TRUNK), NULL, NULL, NULL },
  [YEASTAR_PARAM_TRUNK_ID_LIST] = { "trunk_id_list", N_("Trunks"), YEASTAR_VALUE_ID_LIST, MENU (TRUNK), NULL, NULL, NULL },
  [YEASTAR_PARAM_IVR_ID_LIST] = { "ivr_id_list", N_("IVRs"), YEASTAR_VALUE_ID_LIST, MENU (IVR), NULL, NULL, NULL },
  [YEASTAR_PARAM_RING_GROUP_ID_LIST] = { "ring_group_id_list", N_("Ring groups"), YEASTAR_VALUE_ID_LIST, MENU (RING_GROUP), NULL, NULL, NULL },
  [YEASTAR_PARAM_QUEUE_ID] = { "queue_id", N_("Queue"), YEASTAR_VALUE_ID, MENU (QUEUE), NULL, NULL, NULL },
  [YEASTAR_PARAM_QUEUE_ID_LIST] = { "queue_id_list", N_("Queues"), YEASTAR_VALUE_ID_LIST, MENU (QUEUE), NULL, NULL, NULL },
  [YEASTAR_PARAM_AGENT_ID_LIST] = { "agent_id_list", N_("Agents"), YEASTAR_VALUE_ID_LIST, MENU (QUEUE_AGENT), NULL, NULL, NULL },
  [YEASTAR_PARAM_ABANDON_TIME] = {
    "abandon_time", N_("Abandon time"), YEASTAR_VALUE_SECONDS, NO_MENU, NULL,
    NULL, N_("In seconds; 0 leaves the filter out")
  },
  [YEASTAR_PARAM_TALK_TIME] = {
    "talk_time", N_("Talk time"), YEASTAR_VALUE_SECONDS, NO_MENU, NULL,
    NULL, N_("In seconds; 0 leaves the filter out")
  },
  [YEASTAR_PARAM_INCLUDE_INTERNAL] = { "include_internal", N_("Include internal calls"), YEASTAR_VALUE_FLAG, NO_MENU, NULL, NULL, NULL },
  [YEASTAR_PARAM_CALLBACK_RESULT] = { "callback_result", N_("Callback result"), YEASTAR_VALUE_ENUM, NO_MENU, callback_result_values, NULL, NULL },
  [YEASTAR_PARAM_REASON] = { "reason", N_("Pause reason"), YEASTAR_VALUE_TEXT, NO_MENU, NULL, NULL, NULL },
  [YEASTAR_PARAM_COMMUNICATION_TYPE] = { "communication_type", N_("Communication type"), YEASTAR_VALUE_ENUM, NO_MENU, ext_communication_types, NULL, NULL },
  [YEASTAR_PARAM_CALL_FROM] = { "call_from", N_("Caller number"), YEASTAR_VALUE_TEXT, NO_MENU, NULL, NULL, NULL },
  [YEASTAR_PARAM_CALL_TO] = { "call_to", N_("Callee number"), YEASTAR_VALUE_TEXT, NO_MENU, NULL, NULL, NULL },
  [YEASTAR_PARAM_CALL_TO_TYPE] = { "call_to_type", N_("Destination type"), YEASTAR_VALUE_ENUM, NO_MENU, call_to_type_values, NULL, NULL },
  [YEASTAR_PARAM_MISS_CALL_TYPE] = { "miss_call_type", N_("Missed call type"), YEASTAR_VALUE_ENUM, NO_MENU, miss_call_type_values, NULL, NULL },
  [YEASTAR_PARAM_UNRETURN_STATUS] = { "unreturn_status", N_("Return status"), YEASTAR_VALUE_ENUM, NO_MENU, unreturn_status_values, NULL, NULL },
  [YEASTAR_PARAM_NEED_DETAIL] = { "need_detail", N_("Include call details"), YEASTAR_VALUE_FLAG, NO_MENU, NULL, NULL, NULL },
  [YEASTAR_PARAM_IS_ASYNC] = {
    "is_async", N_("Asynchronous"), YEASTAR_VALUE_FLAG, NO_MENU, NULL,
    N_("Let the PBX prepare the report in the background and wait for its event 30027 (is_async=1)"),
    N_("The PBX prepares the file in the background and announces it; best for large reports")
  },
};

static const EnumValueTitle enum_value_titles[] = {
  { YEASTAR_PARAM_CALLBACK_RESULT, "success", N_("Succeeded") },
  { YEASTAR_PARAM_CALLBACK_RESULT, "fail", N_("Failed") },
  { YEASTAR_PARAM_COMMUNICATION_TYPE, "Inbound", N_("Inbound") },
  { YEASTAR_PARAM_COMMUNICATION_TYPE, "Outbound", N_("Outbound") },
  { YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal", N_("Internal") },
  { YEASTAR_PARAM_CALL_TO_TYPE, "Extension", N_("Extension") },
  { YEASTAR_PARAM_CALL_TO_TYPE, "Queue", N_("Queue") },
  { YEASTAR_PARAM_CALL_TO_TYPE, "RingGroup", N_("Ring group") },
  { YEASTAR_PARAM_MISS_CALL_TYPE, "no_answer", N_("No answer") },
  { YEASTAR_PARAM_MISS_CALL_TYPE, "busy", N_("Busy") },
  { YEASTAR_PARAM_MISS_CALL_TYPE, "abandoned", N_("Abandoned") },
  { YEASTAR_PARAM_UNRETURN_STATUS, "1", N_("Returned") },
  { YEASTAR_PARAM_UNRETURN_STATUS, "2", N_("Not returned") },
};

static const char * const category_titles[YEASTAR_N_CATEGORIES] = {
  [YEASTAR_CATEGORY_EXTENSION] = N_("Extension"),
  [YEASTAR_CATEGORY_TRUNK] = N_("Trunk"),
  [YEASTAR_CATEGORY_IVR] = N_("IVR"),
  [YEASTAR_CATEGORY_QUEUE] = N_("Queue"),
  [YEASTAR_CATEGORY_AGENT] = N_("Agent"),
  [YEASTAR_CATEGORY_RING_GROUP] = N_("Ring group"),
  [YEASTAR_CATEGORY_ACCOUNTING] = N_("Accounting"),
  [YEASTAR_CATEGORY_OTHER] = N_("Other"),
};

/* Shorthands for the table rows below. */
#define RANGE \
  [YEASTAR_PARAM_START_TIME] = O, \
  [YEASTAR_PARAM_END_TIME] = O
#define PERIOD \
  [YEASTAR_PARAM_TIME] = R
#define ASYNC \
  [YEASTAR_PARAM_IS_ASYNC] = O

static const YeastarReportType report_types[] = {
  {
    "extcallstatistics", N_("Extension Call Statistics"), YEASTAR_CATEGORY_EXTENSION,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_EXT_ID_LIST] = R,
      [YEASTAR_PARAM_COMMUNICATION_TYPE] = O },
    { [YEASTAR_PARAM_COMMUNICATION_TYPE] = ext_communication_types },
  },
  {
    "extcallactivity", N_("Extension Call Activity"), YEASTAR_CATEGORY_EXTENSION,
    { PERIOD, ASYNC,
      [YEASTAR_PARAM_EXT_ID_LIST] = R,
      [YEASTAR_PARAM_COMMUNICATION_TYPE] = O },
    { [YEASTAR_PARAM_COMMUNICATION_TYPE] = ext_communication_types },
  },
  {
    "trunkactivity", N_("PBX Call Activity"), YEASTAR_CATEGORY_TRUNK,
    { PERIOD, ASYNC,
      [YEASTAR_PARAM_TRUNK_ID_LIST] = R,
      [YEASTAR_PARAM_INCLUDE_INTERNAL] = O,
      [YEASTAR_PARAM_COMMUNICATION_TYPE] = O },
    { [YEASTAR_PARAM_COMMUNICATION_TYPE] = trunk_communication_types },
  },
  {
    "trunkdiddodactivity", N_("DID/Outbound Caller ID Activity"), YEASTAR_CATEGORY_TRUNK,
    { PERIOD, ASYNC,
      [YEASTAR_PARAM_TRUNK_ID] = R,
      [YEASTAR_PARAM_COMMUNICATION_TYPE] = O },
    { [YEASTAR_PARAM_COMMUNICATION_TYPE] = trunk_communication_types },
  },
  {
    "ivr", N_("IVR Report"), YEASTAR_CATEGORY_IVR,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_IVR_ID_LIST] = R,
      [YEASTAR_PARAM_NEED_DETAIL] = O },
    { NULL },
  },
  {
    "aisttusage", N_("Transcription Usage Details"), YEASTAR_CATEGORY_OTHER,
    { RANGE, ASYNC },
    { NULL },
  },
  {
    "unreturnmisscall", N_("Unreturned Missed Call Report"), YEASTAR_CATEGORY_OTHER,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_ABANDON_TIME] = O,
      [YEASTAR_PARAM_CALL_FROM] = O,
      [YEASTAR_PARAM_CALL_TO] = O,
      [YEASTAR_PARAM_CALL_TO_TYPE] = O,
      [YEASTAR_PARAM_MISS_CALL_TYPE] = O,
      [YEASTAR_PARAM_UNRETURN_STATUS] = O },
    { NULL },
  },
  {
    "queueavgwaittalktime", N_("Queue AVG Waiting & Talking Time"), YEASTAR_CATEGORY_QUEUE,
    { PERIOD, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID_LIST] = R },
    { NULL },
  },
  {
    "queueperformance", N_("Queue Performance"), YEASTAR_CATEGORY_QUEUE,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID_LIST] = R,
      [YEASTAR_PARAM_ABANDON_TIME] = O,
      [YEASTAR_PARAM_TALK_TIME] = O,
      [YEASTAR_PARAM_NEED_DETAIL] = O },
    { NULL },
  },
  {
    "queueperformanceactivity", N_("Queue Performance Activity"), YEASTAR_CATEGORY_QUEUE,
    { PERIOD, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID_LIST] = R,
      [YEASTAR_PARAM_ABANDON_TIME] = O,
      [YEASTAR_PARAM_NEED_DETAIL] = O },
    { NULL },
  },
  {
    "queuecallbackssummary", N_("Queue Callback Summary"), YEASTAR_CATEGORY_QUEUE,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID_LIST] = R },
    { NULL },
  },
  {
    "queuecallbacksactivity", N_("Queue Callback Activity"), YEASTAR_CATEGORY_QUEUE,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID_LIST] = R,
      [YEASTAR_PARAM_CALLBACK_RESULT] = O },
    { NULL },
  },
  {
    "queuesatisfaction", N_("Satisfaction Survey"), YEASTAR_CATEGORY_QUEUE,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R },
    { NULL },
  },
  {
    "queuesatisfactiondetail", N_("Queue Satisfaction Survey Details"), YEASTAR_CATEGORY_QUEUE,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O },
    { NULL },
  },
  {
    "queueagentlogintime", N_("Agent Login Activity"), YEASTAR_CATEGORY_AGENT,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O },
    { NULL },
  },
  {
    "queueagentpausetime", N_("Agent Pause Activity"), YEASTAR_CATEGORY_AGENT,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O,
      [YEASTAR_PARAM_REASON] = O },
    { NULL },
  },
  {
    "queueagentmisscalls", N_("Agent Missed Call Activity"), YEASTAR_CATEGORY_AGENT,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O,
      [YEASTAR_PARAM_ABANDON_TIME] = O },
    { NULL },
  },
  {
    "queueagentperformance", N_("Agent Performance"), YEASTAR_CATEGORY_AGENT,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O,
      [YEASTAR_PARAM_ABANDON_TIME] = O,
      [YEASTAR_PARAM_NEED_DETAIL] = O },
    { NULL },
  },
  {
    "queueagentinoutcalls", N_("Agent Call Summary"), YEASTAR_CATEGORY_AGENT,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_QUEUE_ID] = R,
      [YEASTAR_PARAM_AGENT_ID_LIST] = O },
    { NULL },
  },
  {
    "ringgroupstatistics", N_("Ring Group Statistics"), YEASTAR_CATEGORY_RING_GROUP,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_RING_GROUP_ID_LIST] = R },
    { NULL },
  },
  {
    "extcallbilling", N_("Extension Call Accounting"), YEASTAR_CATEGORY_ACCOUNTING,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_EXT_ID_LIST] = O,
      [YEASTAR_PARAM_TRUNK_ID_LIST] = R },
    { NULL },
  },
  {
    "extcallbillingdetails", N_("Extension Call Accounting Details"), YEASTAR_CATEGORY_ACCOUNTING,
    { RANGE, ASYNC,
      [YEASTAR_PARAM_EXT_ID_LIST] = O,
      [YEASTAR_PARAM_TRUNK_ID_LIST] = R },
    { NULL },
  },
};

#undef RANGE
#undef PERIOD
#undef ASYNC
#undef N
#undef O
#undef R

static inline gboolean
param_is_valid (YeastarParam param)
{
  return (guint) param < YEASTAR_N_PARAMS;
}

static inline gboolean
type_is_valid (const YeastarReportType *type)
{
  return type >= report_types && type < report_types + G_N_ELEMENTS (report_types);
}

guint
yeastar_report_type_get_count (void)
{
  return G_N_ELEMENTS (report_types);
}

const YeastarReportType *
yeastar_report_type_get_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (report_types), NULL);

  return &report_types[index];
}

/* Returns NULL for an unknown name; that is not a programming error, the
 * name may come from the command line or from settings. */
/* The first row: Extension Call Statistics. */
const YeastarReportType *
yeastar_report_type_get_default (void)
{
  return &report_types[0];
}

const YeastarReportType *
yeastar_report_type_lookup (const char *api_name)
{
  g_return_val_if_fail (api_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (report_types); i++)
    {
      if (g_str_equal (report_types[i].api_name, api_name))
        return &report_types[i];
    }

  return NULL;
}

guint
yeastar_report_type_get_index (const YeastarReportType *type)
{
  g_return_val_if_fail (type_is_valid (type), 0);

  return (guint) (type - report_types);
}

const char *
yeastar_report_type_get_api_name (const YeastarReportType *type)
{
  g_return_val_if_fail (type_is_valid (type), NULL);

  return type->api_name;
}

const char *
yeastar_report_type_get_title (const YeastarReportType *type)
{
  g_return_val_if_fail (type_is_valid (type), NULL);

  return _(type->title);
}

YeastarCategory
yeastar_report_type_get_category (const YeastarReportType *type)
{
  g_return_val_if_fail (type_is_valid (type), YEASTAR_CATEGORY_OTHER);

  return type->category;
}

gboolean
yeastar_report_type_uses_range (const YeastarReportType *type)
{
  return yeastar_report_type_takes (type, YEASTAR_PARAM_START_TIME);
}

gboolean
yeastar_report_type_uses_period (const YeastarReportType *type)
{
  return yeastar_report_type_takes (type, YEASTAR_PARAM_TIME);
}

YeastarAvailability
yeastar_report_type_get_availability (const YeastarReportType *type,
                                      YeastarParam             param)
{
  g_return_val_if_fail (type_is_valid (type), YEASTAR_AVAILABILITY_NONE);
  g_return_val_if_fail (param_is_valid (param), YEASTAR_AVAILABILITY_NONE);

  return type->params[param];
}

gboolean
yeastar_report_type_takes (const YeastarReportType *type,
                           YeastarParam             param)
{
  return yeastar_report_type_get_availability (type, param) != YEASTAR_AVAILABILITY_NONE;
}

gboolean
yeastar_report_type_requires (const YeastarReportType *type,
                              YeastarParam             param)
{
  return yeastar_report_type_get_availability (type, param) == YEASTAR_AVAILABILITY_REQUIRED;
}

const char * const *
yeastar_report_type_get_enum_values (const YeastarReportType *type,
                                     YeastarParam             param)
{
  g_return_val_if_fail (type_is_valid (type), NULL);
  g_return_val_if_fail (param_is_valid (param), NULL);

  if (param_info[param].kind != YEASTAR_VALUE_ENUM ||
      type->params[param] == YEASTAR_AVAILABILITY_NONE)
    return NULL;

  if (type->enum_values[param] != NULL)
    return type->enum_values[param];

  return param_info[param].enum_values;
}

const char *
yeastar_category_get_title (YeastarCategory category)
{
  g_return_val_if_fail ((guint) category < YEASTAR_N_CATEGORIES, NULL);

  return _(category_titles[category]);
}

const char *
yeastar_param_get_api_name (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  return param_info[param].api_name;
}

/* Returns FALSE for an unknown name (user input), and for "type", which is
 * not a parameter but the report type itself. */
gboolean
yeastar_param_from_api_name (const char   *api_name,
                             YeastarParam *param)
{
  g_return_val_if_fail (api_name != NULL, FALSE);

  for (guint i = 0; i < YEASTAR_N_PARAMS; i++)
    {
      if (g_str_equal (param_info[i].api_name, api_name))
        {
          if (param != NULL)
            *param = (YeastarParam) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
yeastar_param_get_title (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  return _(param_info[param].title);
}

YeastarValueKind
yeastar_param_get_value_kind (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), YEASTAR_VALUE_TEXT);

  return param_info[param].kind;
}

/* The menu names of each parameter, NULL-terminated, built from the
 * table once. */
static const char * const *
menu_names_of (YeastarParam param)
{
  static const char *lists[YEASTAR_N_PARAMS][G_N_ELEMENTS (param_info[0].menus) + 1];
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        for (guint m = 0; m < param_info[p].n_menus; m++)
          lists[p][m] = yeastar_menu_get_name (param_info[p].menus[m]);
      g_once_init_leave (&built, 1);
    }

  return param_info[param].n_menus > 0 ? lists[param] : NULL;
}

const char *
yeastar_param_get_menu (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  if (param_info[param].n_menus == 0)
    return NULL;

  return yeastar_menu_get_name (param_info[param].menus[0]);
}

const char * const *
yeastar_param_get_menus (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  return menu_names_of (param);
}

gboolean
yeastar_param_needs_queue (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), FALSE);

  for (guint m = 0; m < param_info[param].n_menus; m++)
    {
      if (yeastar_menu_needs_queue (param_info[param].menus[m]))
        return TRUE;
    }

  return FALSE;
}

/* The table's descriptions are constant formats with one %s at most. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *
yeastar_param_dup_description (YeastarParam param)
{
  const char *title;
  const char *api_name;

  g_return_val_if_fail (param_is_valid (param), NULL);

  title = _(param_info[param].title);
  api_name = param_info[param].api_name;

  if (param_info[param].description != NULL)
    return g_strdup_printf (_(param_info[param].description), api_name);

  if (param_info[param].n_menus > 0)
    /* Translators: %s are a parameter's title and its API name; the IDs are those of `call-reports options` */
    return g_strdup_printf (_("%s: IDs, numbers or names as `options` lists them (%s)"), title, api_name);

  /* Translators: %s are a parameter's title and its API name */
  return g_strdup_printf (_("%s (%s)"), title, api_name);
}

#pragma GCC diagnostic pop

const char *
yeastar_param_get_subtitle (YeastarParam param)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  return param_info[param].subtitle != NULL ? _(param_info[param].subtitle) : NULL;
}

/* "3 extensions", in the noun of the parameter: the plural forms stay
 * literal here so that xgettext finds them. */
char *
yeastar_param_format_count (YeastarParam param,
                            guint        n)
{
  g_return_val_if_fail (param_is_valid (param), NULL);

  if (param == YEASTAR_PARAM_EXT_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u extension or group", "%u extensions or groups", n), n);
  if (param == YEASTAR_PARAM_TRUNK_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trunk", "%u trunks", n), n);
  if (param == YEASTAR_PARAM_IVR_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u IVR", "%u IVRs", n), n);
  if (param == YEASTAR_PARAM_RING_GROUP_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ring group", "%u ring groups", n), n);
  if (param == YEASTAR_PARAM_QUEUE_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u queue", "%u queues", n), n);
  if (param == YEASTAR_PARAM_AGENT_ID_LIST)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
}

/* Returns NULL for a value that is not one of the parameter's values. */
const char *
yeastar_param_get_enum_value_title (YeastarParam  param,
                                    const char   *value)
{
  g_return_val_if_fail (param_is_valid (param), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (enum_value_titles); i++)
    {
      if (enum_value_titles[i].param == param &&
          g_str_equal (enum_value_titles[i].value, value))
        return _(enum_value_titles[i].title);
    }

  return NULL;
}

/* What the sidebar heads each group with: the PBX's own grouping of its
 * reports. */
static const char * const category_group_titles[YEASTAR_N_CATEGORIES] = {
  [YEASTAR_CATEGORY_EXTENSION] = N_("Extensions"),
  [YEASTAR_CATEGORY_TRUNK] = N_("Trunks"),
  [YEASTAR_CATEGORY_IVR] = N_("IVR & Auto Attendant"),
  [YEASTAR_CATEGORY_QUEUE] = N_("Queues"),
  [YEASTAR_CATEGORY_AGENT] = N_("Agents"),
  [YEASTAR_CATEGORY_RING_GROUP] = N_("Ring Groups"),
  [YEASTAR_CATEGORY_ACCOUNTING] = N_("Accounting"),
  [YEASTAR_CATEGORY_OTHER] = N_("Other Reports"),
};

const char *
yeastar_category_get_group_title (YeastarCategory category)
{
  g_return_val_if_fail ((guint) category < YEASTAR_N_CATEGORIES, NULL);

  return _(category_group_titles[category]);
}

/* One line on what each report holds, in the table's order. */
static const struct
{
  const char *api_name;
  const char *description;
} type_descriptions[] = {
  { "extcallstatistics", N_("Calls answered, made and missed by each extension, with their durations.") },
  { "extcallactivity", N_("The calls of extensions over a day, a month or a year, hour by hour, day by day or month by month.") },
  { "trunkactivity", N_("Calls through the trunks over a day, a month or a year.") },
  { "trunkdiddodactivity", N_("Calls by DID number and outbound caller ID of one trunk over a day, a month or a year.") },
  { "ivr", N_("Calls that reached the IVRs and the keys callers pressed.") },
  { "aisttusage", N_("How much call transcription was used, call by call.") },
  { "unreturnmisscall", N_("Missed calls and whether anyone called back.") },
  { "queueavgwaittalktime", N_("Average waiting and talking time in queues over a day, a month or a year.") },
  { "queueperformance", N_("Answered, abandoned and timed-out calls of queues, with service levels.") },
  { "queueperformanceactivity", N_("Queue performance over a day, a month or a year.") },
  { "queuecallbackssummary", N_("Callbacks callers asked queues for, summed up.") },
  { "queuecallbacksactivity", N_("Each callback a queue made and its result.") },
  { "queuesatisfaction", N_("The satisfaction survey results of one queue.") },
  { "queuesatisfactiondetail", N_("Each satisfaction survey answer of one queue, by agent.") },
  { "queueagentlogintime", N_("When the agents of one queue logged in and out.") },
  { "queueagentpausetime", N_("When and why the agents of one queue paused.") },
  { "queueagentmisscalls", N_("Queue calls the agents did not answer.") },
  { "queueagentperformance", N_("Calls answered by the agents of one queue, and how long they took.") },
  { "queueagentinoutcalls", N_("Inbound and outbound calls of the agents of one queue.") },
  { "ringgroupstatistics", N_("Calls to ring groups: answered, missed and their durations.") },
  { "extcallbilling", N_("Call costs by extension, over the trunks you choose.") },
  { "extcallbillingdetails", N_("Each billed call of the extensions, with its cost.") },
};

const char *
yeastar_report_type_get_description (const YeastarReportType *type)
{
  const char *api_name = yeastar_report_type_get_api_name (type);

  for (guint i = 0; api_name != NULL && i < G_N_ELEMENTS (type_descriptions); i++)
    {
      if (g_str_equal (type_descriptions[i].api_name, api_name))
        return _(type_descriptions[i].description);
    }

  return "";
}
