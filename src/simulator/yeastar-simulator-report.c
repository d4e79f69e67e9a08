/* yeastar-simulator-report.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-simulator-layout.h"
#include "yeastar-simulator-report.h"

/*
 * Deterministic CSV files for the 22 report types.
 *
 * No sample of a real call report CSV is published, so the columns follow
 * the PBX's web UI labels and the call_report/list JSON keys (see
 * docs/pbx-api.md, Report files, and docs/report-files.md): a preamble of
 * the report's title, its period and one line per filter of the request,
 * then a blank line, a header row, one row per object (range reports), per
 * hour, day or month (period reports) or per event (activity and detail
 * reports), and a "Total" row. Durations are HH:MM:SS, rates are
 * percentages with two decimals, times use the PBX display format. All of
 * it in English, whatever the locale, as a PBX whose UI is in English.
 *
 * The per-type layout below is simulator data the shared report-type table
 * has no place for; it is looked up by API name, and every type of the
 * table must have a row here (checked when generating).
 */

typedef enum
{
  ROWS_PER_OBJECT,
  ROWS_PER_BUCKET,
  ROWS_PER_EVENT,
} Rows;

/* Column kinds. */
#define COL_NUMBER   'n' /* the object's number */
#define COL_NAME     'm' /* the object's name */
#define COL_BUCKET   'b' /* hour, day or month of a period report */
#define COL_TIME     't' /* the event's time */
#define COL_END      'e' /* the event's time + its span */
#define COL_SPAN     's' /* the event's span, HH:MM:SS */
#define COL_TOTAL    'T' /* sum of the counts that follow in the row */
#define COL_COUNT    'c'
#define COL_DURATION 'd' /* summed in the Total row */
#define COL_AVERAGE  'v' /* a duration, not summed */
#define COL_RATE     'r'
#define COL_AMOUNT   'a'
#define COL_SCORE    'k' /* 1 to 5 */
#define COL_PHONE    'x' /* an outside number */
#define COL_CHOICE   'o' /* one of `choices`, or the request's filter value */

#define MAX_COLUMNS 12

typedef struct
{
  const char *title;
  char        kind;
  const char *param;   /* COL_CHOICE: the filter parameter, or NULL */
  const char *choices; /* COL_CHOICE: "api|api|…" */
  const char *display; /* COL_CHOICE: "Text|Text|…", NULL: the API values */
} Column;

typedef struct
{
  const char *api_name;
  const char *stem;
  Rows        rows;
  const char *objects; /* the parameter naming the objects, NULL: all extensions */
  Column      columns[MAX_COLUMNS];
} ReportLayout;

static const ReportLayout layouts[] = {
  { "extcallstatistics", "ExtensionCallStatistics", ROWS_PER_OBJECT, "ext_id_list",
    { { "Extension Number", COL_NUMBER }, { "Extension Name", COL_NAME },
      { "Total Calls", COL_TOTAL }, { "Answered", COL_COUNT }, { "No Answer", COL_COUNT },
      { "Busy", COL_COUNT }, { "Failed", COL_COUNT }, { "Voicemail", COL_COUNT },
      { "Abandoned", COL_COUNT }, { "Total Talking Time", COL_DURATION },
      { "Total Holding Time", COL_DURATION } } },
  { "extcallactivity", "ExtensionCallActivity", ROWS_PER_BUCKET, "ext_id_list",
    { { "Time", COL_BUCKET }, { "Total Calls", COL_TOTAL }, { "Inbound Calls", COL_COUNT },
      { "Outbound Calls", COL_COUNT }, { "Internal Calls", COL_COUNT },
      { "Total Talking Time", COL_DURATION } } },
  { "trunkactivity", "PBXCallActivity", ROWS_PER_BUCKET, "trunk_id_list",
    { { "Time", COL_BUCKET }, { "Total Calls", COL_TOTAL }, { "Inbound Calls", COL_COUNT },
      { "Outbound Calls", COL_COUNT }, { "Total Talking Time", COL_DURATION } } },
  { "trunkdiddodactivity", "DIDOutboundCallerIDActivity", ROWS_PER_BUCKET, "trunk_id",
    { { "Time", COL_BUCKET }, { "Total Calls", COL_TOTAL }, { "Inbound Calls", COL_COUNT },
      { "Outbound Calls", COL_COUNT }, { "Total Talking Time", COL_DURATION } } },
  { "ivr", "IVRReport", ROWS_PER_OBJECT, "ivr_id_list",
    { { "IVR Number", COL_NUMBER }, { "IVR Name", COL_NAME }, { "Total Calls", COL_TOTAL },
      { "Transferred", COL_COUNT }, { "Timeout", COL_COUNT }, { "Invalid Input", COL_COUNT },
      { "Hung Up", COL_COUNT } } },
  { "aisttusage", "TranscriptionUsageDetails", ROWS_PER_EVENT, NULL,
    { { "Time", COL_TIME }, { "Extension Number", COL_NUMBER }, { "Extension Name", COL_NAME },
      { "Call Party", COL_PHONE }, { "Transcription Duration", COL_SPAN } } },
  { "unreturnmisscall", "UnreturnedMissedCall", ROWS_PER_EVENT, NULL,
    { { "Time", COL_TIME }, { "Call From", COL_PHONE }, { "Call To", COL_NUMBER },
      { "Call To Name", COL_NAME },
      { "Call To Type", COL_CHOICE, "call_to_type", "Extension|Queue|RingGroup", NULL },
      { "Missed Call Type", COL_CHOICE, "miss_call_type", "no_answer|busy|abandoned",
        "No Answer|Busy|Abandoned" },
      { "Status", COL_CHOICE, "unreturn_status", "1|2", "Returned|Not Returned" },
      { "Waiting Time", COL_SPAN } } },
  { "queueavgwaittalktime", "QueueAVGWaitingTalkingTime", ROWS_PER_BUCKET, "queue_id_list",
    { { "Time", COL_BUCKET }, { "Total Calls", COL_TOTAL }, { "Answered Calls", COL_COUNT },
      { "Average Waiting Time", COL_AVERAGE }, { "Average Talking Time", COL_AVERAGE },
      { "Total Waiting Time", COL_DURATION }, { "Total Talking Time", COL_DURATION } } },
  { "queueperformance", "QueuePerformance", ROWS_PER_OBJECT, "queue_id_list",
    { { "Queue Number", COL_NUMBER }, { "Queue Name", COL_NAME }, { "Total Calls", COL_TOTAL },
      { "Answered Calls", COL_COUNT }, { "Missed Calls", COL_COUNT },
      { "Abandoned Calls", COL_COUNT }, { "Answered Rate", COL_RATE },
      { "Average Waiting Time", COL_AVERAGE }, { "Average Talking Time", COL_AVERAGE },
      { "Max Waiting Time", COL_AVERAGE }, { "SLA", COL_RATE } } },
  { "queueperformanceactivity", "QueuePerformanceActivity", ROWS_PER_BUCKET, "queue_id_list",
    { { "Time", COL_BUCKET }, { "Total Calls", COL_TOTAL }, { "Answered Calls", COL_COUNT },
      { "Missed Calls", COL_COUNT }, { "Abandoned Calls", COL_COUNT },
      { "Average Waiting Time", COL_AVERAGE }, { "Average Talking Time", COL_AVERAGE } } },
  { "queuecallbackssummary", "QueueCallbackSummary", ROWS_PER_OBJECT, "queue_id_list",
    { { "Queue Number", COL_NUMBER }, { "Queue Name", COL_NAME },
      { "Callback Requests", COL_TOTAL }, { "Successful Callbacks", COL_COUNT },
      { "Failed Callbacks", COL_COUNT } } },
  { "queuecallbacksactivity", "QueueCallbackActivity", ROWS_PER_EVENT, "queue_id_list",
    { { "Time", COL_TIME }, { "Queue Number", COL_NUMBER }, { "Queue Name", COL_NAME },
      { "Caller Number", COL_PHONE },
      { "Callback Result", COL_CHOICE, "callback_result", "success|fail", "Success|Fail" },
      { "Callback Duration", COL_SPAN } } },
  { "queuesatisfaction", "QueueSatisfaction", ROWS_PER_OBJECT, "queue_id",
    { { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME },
      { "Surveyed Calls", COL_TOTAL }, { "Excellent (5)", COL_COUNT }, { "Good (4)", COL_COUNT },
      { "Average (3)", COL_COUNT }, { "Poor (2)", COL_COUNT }, { "Very Poor (1)", COL_COUNT } } },
  { "queuesatisfactiondetail", "QueueSatisfactionDetails", ROWS_PER_EVENT, "agent_id_list",
    { { "Time", COL_TIME }, { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME },
      { "Caller Number", COL_PHONE }, { "Score", COL_SCORE } } },
  { "queueagentlogintime", "AgentLoginActivity", ROWS_PER_EVENT, "agent_id_list",
    { { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME }, { "Login Time", COL_TIME },
      { "Logout Time", COL_END }, { "Login Duration", COL_SPAN } } },
  { "queueagentpausetime", "AgentPauseActivity", ROWS_PER_EVENT, "agent_id_list",
    { { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME }, { "Pause Time", COL_TIME },
      { "Resume Time", COL_END }, { "Pause Duration", COL_SPAN },
      { "Pause Reason", COL_CHOICE, "reason", "Lunch|Break|Meeting|Training", NULL } } },
  { "queueagentmisscalls", "AgentMissedCallActivity", ROWS_PER_EVENT, "agent_id_list",
    { { "Time", COL_TIME }, { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME },
      { "Caller Number", COL_PHONE }, { "Ringing Duration", COL_SPAN } } },
  { "queueagentperformance", "AgentPerformance", ROWS_PER_OBJECT, "agent_id_list",
    { { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME }, { "Total Calls", COL_TOTAL },
      { "Answered Calls", COL_COUNT }, { "Missed Calls", COL_COUNT },
      { "Average Talking Time", COL_AVERAGE }, { "Total Talking Time", COL_DURATION },
      { "Average Waiting Time", COL_AVERAGE }, { "Missed Call Rate", COL_RATE } } },
  { "queueagentinoutcalls", "AgentCallSummary", ROWS_PER_OBJECT, "agent_id_list",
    { { "Agent Number", COL_NUMBER }, { "Agent Name", COL_NAME }, { "Total Calls", COL_TOTAL },
      { "Inbound Calls", COL_COUNT }, { "Outbound Calls", COL_COUNT },
      { "Inbound Talking Time", COL_DURATION }, { "Outbound Talking Time", COL_DURATION } } },
  { "ringgroupstatistics", "RingGroupStatistics", ROWS_PER_OBJECT, "ring_group_id_list",
    { { "Ring Group Number", COL_NUMBER }, { "Ring Group Name", COL_NAME },
      { "Total Calls", COL_TOTAL }, { "Answered Calls", COL_COUNT },
      { "Missed Calls", COL_COUNT }, { "Total Talking Time", COL_DURATION } } },
  { "extcallbilling", "ExtensionCallAccounting", ROWS_PER_OBJECT, "ext_id_list",
    { { "Extension Number", COL_NUMBER }, { "Extension Name", COL_NAME },
      { "Total Calls", COL_TOTAL }, { "Outbound Calls", COL_COUNT },
      { "Total Talk Duration", COL_DURATION }, { "Average Talking Time", COL_AVERAGE },
      { "Amount", COL_AMOUNT } } },
  { "extcallbillingdetails", "ExtensionCallAccountingDetails", ROWS_PER_EVENT, "ext_id_list",
    { { "Time", COL_TIME }, { "Extension Number", COL_NUMBER }, { "Extension Name", COL_NAME },
      { "Call To", COL_PHONE }, { "Talk Duration", COL_SPAN }, { "Amount", COL_AMOUNT } } },
};

typedef struct
{
  char  *number;
  char  *name;
  guint  seed;
} Object;

static void
object_clear (gpointer data)
{
  Object *object = data;

  g_free (object->number);
  g_free (object->name);
}

static const ReportLayout *
find_layout (const YeastarReportType *type)
{
  const char *api_name = yeastar_report_type_get_api_name (type);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (strcmp (layouts[i].api_name, api_name) == 0)
      return &layouts[i];

  g_critical ("The simulator has no CSV layout for report type “%s”", api_name);
  return &layouts[0];
}

const char *
_yeastar_simulator_report_get_stem (const YeastarReportType *type)
{
  g_assert (type != NULL);

  return find_layout (type)->stem;
}

/* A small integer hash (lowbias32) for deterministic numbers. */
static guint32
mix (guint32 a,
     guint32 b,
     guint32 c)
{
  guint32 x = a * 0x9e3779b9u ^ (b + 0x7f4a7c15u) * 0x85ebca6bu ^ (c + 0x165667b1u) * 0xc2b2ae35u;

  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

static void
add_object (GArray               *objects,
            YeastarSimulatorMenu  menu,
            guint                 index)
{
  Object object;

  _yeastar_simulator_menu_describe (menu, index, &object.number, &object.name);
  object.seed = mix (menu, index, 1);
  g_array_append_val (objects, object);
}

static void
add_all (GArray                      *objects,
         const YeastarSimulatorMenus *menus,
         YeastarSimulatorMenu         menu)
{
  for (guint i = 0; i < menus->sizes[menu]; i++)
    add_object (objects, menu, i);
}

static void
add_queue_agents (GArray                      *objects,
                  const YeastarSimulatorMenus *menus,
                  const char                  *queue_id)
{
  guint queue;

  if (!_yeastar_simulator_menu_lookup_id (menus, YEASTAR_SIMULATOR_MENU_QUEUE, queue_id, &queue))
    return;

  for (guint i = 0; i < _yeastar_simulator_menu_get_n_agents (menus); i++)
    add_object (objects, YEASTAR_SIMULATOR_MENU_EXTENSION,
                _yeastar_simulator_menu_get_agent (menus, queue, i));
}

/* The objects a report is about. Unknown IDs are skipped silently: the
 * real PBX does not validate IDs and answers a bogus one with no rows. */
static GArray *
resolve_objects (const YeastarSimulatorReportInput *input,
                 const ReportLayout                *layout)
{
  const YeastarSimulatorMenus *menus = input->menus;
  GArray *objects = g_array_new (FALSE, FALSE, sizeof (Object));
  g_auto(GStrv) ids = NULL;
  const char *value;
  YeastarParam param;
  YeastarSimulatorMenu menu;

  g_array_set_clear_func (objects, object_clear);

  /* No object parameter: the report covers every extension. */
  if (layout->objects == NULL)
    {
      add_all (objects, menus, YEASTAR_SIMULATOR_MENU_EXTENSION);
      return objects;
    }

  value = g_hash_table_lookup (input->params, layout->objects);

  /* Agents default to the queue's agents. */
  if (strcmp (layout->objects, "agent_id_list") == 0 && (value == NULL || *value == '\0'))
    {
      add_queue_agents (objects, menus, g_hash_table_lookup (input->params, "queue_id"));
      return objects;
    }

  /* A satisfaction survey of one queue lists that queue's agents. */
  if (strcmp (layout->objects, "queue_id") == 0)
    {
      add_queue_agents (objects, menus, value);
      return objects;
    }

  /* Optional ID lists that are left out mean "all". */
  if (value == NULL || *value == '\0')
    {
      if (!yeastar_param_from_api_name (layout->objects, &param) ||
          !_yeastar_simulator_menu_from_name (yeastar_param_get_menu (param), &menu))
        return objects;
      if (menu == YEASTAR_SIMULATOR_MENU_QUEUE_AGENT)
        menu = YEASTAR_SIMULATOR_MENU_EXTENSION;
      add_all (objects, menus, menu);
      return objects;
    }

  if (!yeastar_param_from_api_name (layout->objects, &param) ||
      !_yeastar_simulator_menu_from_name (yeastar_param_get_menu (param), &menu))
    return objects;

  /* Agents are extensions: their IDs are extension IDs. */
  if (menu == YEASTAR_SIMULATOR_MENU_QUEUE_AGENT)
    menu = YEASTAR_SIMULATOR_MENU_EXTENSION;

  ids = g_strsplit (value, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      guint index;

      if (_yeastar_simulator_menu_lookup_id (menus, menu, id, &index))
        {
          add_object (objects, menu, index);
        }
      else if (menu == YEASTAR_SIMULATOR_MENU_EXTENSION &&
               _yeastar_simulator_menu_lookup_id (menus, YEASTAR_SIMULATOR_MENU_EXT_GROUP, id, &index))
        {
          guint n_groups = menus->sizes[YEASTAR_SIMULATOR_MENU_EXT_GROUP];

          /* An extension group stands for its members. */
          for (guint ext = index; ext < menus->sizes[YEASTAR_SIMULATOR_MENU_EXTENSION]; ext += n_groups)
            add_object (objects, YEASTAR_SIMULATOR_MENU_EXTENSION, ext);
        }
    }

  return objects;
}

/* The time a report covers: the request's range or period, or today. */
static void
resolve_span (const YeastarSimulatorReportInput  *input,
              YeastarPeriodKind                  *period,
              GDateTime                         **start,
              GDateTime                         **end)
{
  g_autoptr(GDateTime) today = NULL;
  GTimeZone *now_tz = (GTimeZone *) g_date_time_get_timezone (input->now);
  const char *time_text = g_hash_table_lookup (input->params, "time");

  today = g_date_time_new (now_tz,
                           g_date_time_get_year (input->now),
                           g_date_time_get_month (input->now),
                           g_date_time_get_day_of_month (input->now), 0, 0, 0);

  *period = YEASTAR_PERIOD_DAY;
  *start = NULL;
  *end = NULL;

  if (yeastar_report_type_uses_period (input->type))
    {
      g_autofree char *day = _yeastar_simulator_layout_for_date (input->date_format);
      g_autofree char *month = _yeastar_simulator_layout_for_month (input->date_format);

      if (time_text != NULL && (*start = _yeastar_simulator_layout_parse (day, time_text, now_tz)))
        *period = YEASTAR_PERIOD_DAY;
      else if (time_text != NULL && (*start = _yeastar_simulator_layout_parse (month, time_text, now_tz)))
        *period = YEASTAR_PERIOD_MONTH;
      else if (time_text != NULL && (*start = _yeastar_simulator_layout_parse ("2006", time_text, now_tz)))
        *period = YEASTAR_PERIOD_YEAR;
      else
        *start = g_date_time_ref (today);

      switch (*period)
        {
        case YEASTAR_PERIOD_MONTH:
          *end = g_date_time_add_months (*start, 1);
          break;
        case YEASTAR_PERIOD_YEAR:
          *end = g_date_time_add_years (*start, 1);
          break;
        case YEASTAR_PERIOD_DAY:
        default:
          *end = g_date_time_add_days (*start, 1);
          break;
        }
    }
  else
    {
      g_autofree char *range = _yeastar_simulator_layout_for_range (input->date_format,
                                                                    input->time_format);

      *start = _yeastar_simulator_layout_parse (range, g_hash_table_lookup (input->params, "start_time"), now_tz);
      *end = _yeastar_simulator_layout_parse (range, g_hash_table_lookup (input->params, "end_time"), now_tz);
      if (*start == NULL)
        *start = g_date_time_ref (today);
      if (*end == NULL)
        *end = g_date_time_ref (input->now);
    }
}

static void
append_csv_field (GString    *csv,
                  const char *text,
                  gboolean    first)
{
  if (!first)
    g_string_append_c (csv, ',');

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static char *
format_duration (gint64 seconds)
{
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d",
                          seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60));
}

static void
append_header (GString            *csv,
               const ReportLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout->columns) && layout->columns[i].title != NULL; i++)
    append_csv_field (csv, layout->columns[i].title, i == 0);
  g_string_append_c (csv, '\n');
}

/* "QueueAVGWaitingTalkingTime" -> "Queue AVG Waiting Talking Time". */
static char *
title_of_stem (const char *stem)
{
  GString *title = g_string_new (NULL);

  for (const char *p = stem; *p != '\0'; p++)
    {
      gboolean upper = g_ascii_isupper (*p);

      if (p > stem && upper &&
          (g_ascii_islower (p[-1]) || (p[1] != '\0' && g_ascii_islower (p[1]) && g_ascii_isupper (p[-1]))))
        g_string_append_c (title, ' ');
      g_string_append_c (title, *p);
    }

  return g_string_free (title, FALSE);
}

/* The filter lines' labels, as the PBX's web UI names its filters. */
static const struct
{
  const char *param;
  const char *label;
} filter_labels[] = {
  { "ext_id_list", "Extensions" },
  { "trunk_id", "Trunk" },
  { "trunk_id_list", "Trunks" },
  { "ivr_id_list", "IVRs" },
  { "ring_group_id_list", "Ring Groups" },
  { "queue_id", "Queue" },
  { "queue_id_list", "Queues" },
  { "agent_id_list", "Agents" },
  { "abandon_time", "Abandon Time (s)" },
  { "talk_time", "Talk Time (s)" },
  { "reason", "Pause Reason" },
  { "call_from", "Call From" },
  { "call_to", "Call To" },
  { "call_to_type", "Call To Type" },
  { "miss_call_type", "Missed Call Type" },
  { "unreturn_status", "Status" },
  { "callback_result", "Callback Result" },
  { "communication_type", "Communication Type" },
  { "include_internal", "Include Internal Calls" },
  { "need_detail", "Details" },
};

static void
append_line (GString    *csv,
             const char *label,
             const char *value)
{
  append_csv_field (csv, label, TRUE);
  append_csv_field (csv, value, FALSE);
  g_string_append_c (csv, '\n');
}

/* "6400 Support, 6401 Sales": the objects a filter names. */
static char *
describe_objects (GArray *objects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      const Object *object = &g_array_index (objects, Object, i);

      if (i > 0)
        g_string_append (text, ", ");
      if (object->number != NULL && *object->number != '\0')
        g_string_append_printf (text, "%s ", object->number);
      g_string_append (text, object->name);
    }

  return g_string_free (text, FALSE);
}

static void
append_preamble (GString                           *csv,
                 const YeastarSimulatorReportInput *input,
                 const ReportLayout                *layout,
                 GArray                            *objects)
{
  g_autofree char *title = title_of_stem (layout->stem);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  YeastarPeriodKind period;

  g_string_append (csv, title);
  g_string_append_c (csv, '\n');

  resolve_span (input, &period, &start, &end);
  if (yeastar_report_type_uses_period (input->type))
    {
      const char *time_text = g_hash_table_lookup (input->params, "time");
      g_autofree char *day = _yeastar_simulator_layout_for_date (input->date_format);
      g_autofree char *today = _yeastar_simulator_layout_format (day, start);

      append_line (csv, "Period:", time_text != NULL && *time_text != '\0' ? time_text : today);
    }
  else
    {
      g_autofree char *range = _yeastar_simulator_layout_for_range (input->date_format, input->time_format);
      g_autofree char *from = _yeastar_simulator_layout_format (range, start);
      g_autofree char *to = _yeastar_simulator_layout_format (range, end);
      g_autofree char *span = g_strdup_printf ("%s - %s", from, to);

      append_line (csv, "Period:", span);
    }

  for (guint i = 0; i < G_N_ELEMENTS (filter_labels); i++)
    {
      const char *value = g_hash_table_lookup (input->params, filter_labels[i].param);
      g_autofree char *label = g_strconcat (filter_labels[i].label, ":", NULL);

      if (value == NULL || *value == '\0')
        continue;

      if (layout->objects != NULL && strcmp (filter_labels[i].param, layout->objects) == 0)
        {
          g_autofree char *names = describe_objects (objects);

          /* IDs that name nothing: the PBX echoes what it was given. */
          append_line (csv, label, *names != '\0' ? names : value);
        }
      else
        {
          append_line (csv, label, value);
        }
    }

  g_string_append_c (csv, '\n');
}

typedef struct
{
  const YeastarSimulatorReportInput *input;
  const ReportLayout                *layout;
  const char                        *range_layout;
  gint64                             totals[MAX_COLUMNS];
} Writer;

static const char *
pick_choice (const Column  *column,
             GHashTable    *params,
             guint32        seed,
             char         **owned)
{
  g_auto(GStrv) choices = g_strsplit (column->choices, "|", -1);
  g_auto(GStrv) display = column->display ? g_strsplit (column->display, "|", -1) : NULL;
  const char *filter = column->param ? g_hash_table_lookup (params, column->param) : NULL;
  guint n = g_strv_length (choices);
  guint index = seed % n;

  /* A filtered report only has rows that match the filter. */
  if (filter != NULL && *filter != '\0')
    {
      guint i;

      for (i = 0; i < n && strcmp (choices[i], filter) != 0; i++)
        ;
      if (i == n)
        {
          *owned = g_strdup (filter);
          return *owned;
        }
      index = i;
    }

  *owned = g_strdup (display ? display[index] : choices[index]);
  return *owned;
}

static void
write_row (Writer       *writer,
           GString      *csv,
           const Object *object,
           GDateTime    *bucket,
           GDateTime    *event,
           guint32       seed)
{
  const ReportLayout *layout = writer->layout;
  gint64 values[MAX_COLUMNS] = { 0 };
  guint n_columns = 0;
  gint64 span = 60 + mix (seed, 7, 7) % 3600;

  while (n_columns < G_N_ELEMENTS (layout->columns) && layout->columns[n_columns].title != NULL)
    n_columns++;

  /* Values first, so a Total column can sum the counts after it. */
  for (guint i = 0; i < n_columns; i++)
    {
      guint32 r = mix (seed, i, 3);

      switch (layout->columns[i].kind)
        {
        case COL_COUNT:
          values[i] = r % 25;
          break;
        case COL_DURATION:
          values[i] = r % 14400;
          break;
        case COL_AVERAGE:
          values[i] = 5 + r % 600;
          break;
        case COL_RATE:
          values[i] = r % 10001;
          break;
        case COL_AMOUNT:
          values[i] = r % 5000;
          break;
        case COL_SCORE:
          values[i] = 1 + r % 5;
          break;
        case COL_SPAN:
          values[i] = span;
          break;
        default:
          break;
        }
    }

  for (guint i = n_columns; i-- > 0;)
    {
      if (layout->columns[i].kind == COL_TOTAL)
        for (guint j = i + 1; j < n_columns && layout->columns[j].kind == COL_COUNT; j++)
          values[i] += values[j];
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &layout->columns[i];
      g_autofree char *owned = NULL;
      g_autoptr(GDateTime) end = NULL;
      const char *text = "";

      switch (column->kind)
        {
        case COL_NUMBER:
          text = object && object->number ? object->number : "";
          break;
        case COL_NAME:
          text = object ? object->name : "";
          break;
        case COL_BUCKET:
          text = owned = _yeastar_simulator_layout_format (writer->range_layout, bucket);
          break;
        case COL_TIME:
          text = owned = _yeastar_simulator_layout_format (writer->range_layout, event);
          break;
        case COL_END:
          end = g_date_time_add_seconds (event, span);
          text = owned = _yeastar_simulator_layout_format (writer->range_layout, end);
          break;
        case COL_TOTAL:
        case COL_COUNT:
        case COL_SCORE:
          text = owned = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
          break;
        case COL_DURATION:
        case COL_AVERAGE:
        case COL_SPAN:
          text = owned = format_duration (values[i]);
          break;
        case COL_RATE:
          text = owned = g_strdup_printf ("%d.%02d%%", (int) (values[i] / 100), (int) (values[i] % 100));
          break;
        case COL_AMOUNT:
          text = owned = g_strdup_printf ("%d.%02d", (int) (values[i] / 100), (int) (values[i] % 100));
          break;
        case COL_PHONE:
          text = owned = g_strdup_printf ("+4930%07u", mix (seed, i, 5) % 10000000);
          break;
        case COL_CHOICE:
          text = pick_choice (column, writer->input->params, mix (seed, i, 9), &owned);
          break;
        default:
          break;
        }

      append_csv_field (csv, text, i == 0);
      writer->totals[i] += values[i];
    }

  g_string_append_c (csv, '\n');
}

static void
write_totals (Writer  *writer,
              GString *csv)
{
  const ReportLayout *layout = writer->layout;

  for (guint i = 0; i < G_N_ELEMENTS (layout->columns) && layout->columns[i].title != NULL; i++)
    {
      g_autofree char *owned = NULL;
      const char *text = "";

      switch (layout->columns[i].kind)
        {
        case COL_TOTAL:
        case COL_COUNT:
          text = owned = g_strdup_printf ("%" G_GINT64_FORMAT, writer->totals[i]);
          break;
        case COL_DURATION:
        case COL_SPAN:
          text = owned = format_duration (writer->totals[i]);
          break;
        case COL_AMOUNT:
          text = owned = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                                          writer->totals[i] / 100, (int) (writer->totals[i] % 100));
          break;
        default:
          break;
        }

      append_csv_field (csv, i == 0 ? "Total" : text, i == 0);
    }

  g_string_append_c (csv, '\n');
}

static void
write_rows (const YeastarSimulatorReportInput *input,
            GString                           *csv,
            gboolean                           with_totals)
{
  const ReportLayout *layout = find_layout (input->type);
  g_autoptr(GArray) objects = resolve_objects (input, layout);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *range_layout = _yeastar_simulator_layout_for_range (input->date_format,
                                                                       input->time_format);
  guint type_seed = yeastar_report_type_get_index (input->type);
  YeastarPeriodKind period;
  Writer writer = { input, layout, range_layout, { 0 } };

  resolve_span (input, &period, &start, &end);

  switch (layout->rows)
    {
    case ROWS_PER_OBJECT:
      for (guint i = 0; i < objects->len; i++)
        {
          const Object *object = &g_array_index (objects, Object, i);

          write_row (&writer, csv, object, NULL, NULL,
                     mix (type_seed, object->seed, g_date_time_to_unix (start)));
        }
      break;

    case ROWS_PER_BUCKET:
      {
        g_autoptr(GDateTime) bucket = g_date_time_ref (start);

        while (g_date_time_compare (bucket, end) < 0)
          {
            GDateTime *next;

            /* No object (bogus IDs): the buckets are there, all zero. */
            if (objects->len > 0)
              write_row (&writer, csv, NULL, bucket, NULL,
                         mix (type_seed, g_array_index (objects, Object, 0).seed + objects->len,
                              g_date_time_to_unix (bucket)));
            else
              write_row (&writer, csv, NULL, bucket, NULL, 0);

            if (period == YEASTAR_PERIOD_YEAR)
              next = g_date_time_add_months (bucket, 1);
            else if (period == YEASTAR_PERIOD_MONTH)
              next = g_date_time_add_days (bucket, 1);
            else
              next = g_date_time_add_hours (bucket, 1);
            g_date_time_unref (bucket);
            bucket = next;
          }
      }
      break;

    case ROWS_PER_EVENT:
    default:
      {
        gint64 span = g_date_time_difference (end, start) / G_TIME_SPAN_SECOND;

        if (span <= 0)
          break;

        for (guint i = 0; i < objects->len; i++)
          {
            const Object *object = &g_array_index (objects, Object, i);
            guint n_events = 1 + mix (type_seed, object->seed, 11) % 3;
            gint64 slot = span / n_events;

            for (guint k = 0; k < n_events; k++)
              {
                guint32 seed = mix (type_seed, object->seed, 100 + k);
                gint64 offset = slot * k + (slot > 0 ? seed % slot : 0);
                g_autoptr(GDateTime) event = g_date_time_add_seconds (start, offset);

                write_row (&writer, csv, object, NULL, event, seed);
              }
          }
      }
      break;
    }

  if (with_totals)
    write_totals (&writer, csv);
}

/* The preamble, a blank line and the header row. */
static void
append_head (GString                           *csv,
             const YeastarSimulatorReportInput *input)
{
  const ReportLayout *layout = find_layout (input->type);
  g_autoptr(GArray) objects = resolve_objects (input, layout);

  append_preamble (csv, input, layout, objects);
  append_header (csv, layout);
}

GBytes *
_yeastar_simulator_report_generate (const YeastarSimulatorReportInput *input)
{
  GString *csv = g_string_new (NULL);

  g_assert (input != NULL);
  g_assert (input->type != NULL);

  append_head (csv, input);
  write_rows (input, csv, TRUE);

  return g_string_free_to_bytes (csv);
}

void
_yeastar_simulator_report_get_parts (const YeastarSimulatorReportInput  *input,
                                     gsize                               min_block_size,
                                     GBytes                            **header,
                                     GBytes                            **block)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  GString *head = g_string_new (NULL);
  GString *repeated;

  g_assert (input != NULL);
  g_assert (header != NULL);
  g_assert (block != NULL);

  append_head (head, input);
  write_rows (input, rows, FALSE);

  /* A report without rows still fills its size: with empty lines. */
  if (rows->len == 0)
    g_string_append_c (rows, '\n');

  repeated = g_string_sized_new (min_block_size + rows->len);
  while (repeated->len < min_block_size)
    g_string_append_len (repeated, rows->str, rows->len);

  *header = g_string_free_to_bytes (head);
  *block = g_string_free_to_bytes (repeated);
}
