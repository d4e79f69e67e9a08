/* test-report-request.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yeastar-enums.h"
#include "yeastar-error.h"
#include "yeastar-report-request.h"

/* One sample value per parameter; some need escaping. */
static const char * const samples[YEASTAR_N_PARAMS] = {
  [YEASTAR_PARAM_EXT_ID_LIST] = "34,35",
  [YEASTAR_PARAM_TRUNK_ID] = "3",
  [YEASTAR_PARAM_TRUNK_ID_LIST] = "3,4",
  [YEASTAR_PARAM_IVR_ID_LIST] = "5",
  [YEASTAR_PARAM_RING_GROUP_ID_LIST] = "6,7",
  [YEASTAR_PARAM_QUEUE_ID] = "1",
  [YEASTAR_PARAM_QUEUE_ID_LIST] = "1,2",
  [YEASTAR_PARAM_AGENT_ID_LIST] = "8,9",
  [YEASTAR_PARAM_ABANDON_TIME] = "10",
  [YEASTAR_PARAM_TALK_TIME] = "20",
  [YEASTAR_PARAM_INCLUDE_INTERNAL] = "1",
  [YEASTAR_PARAM_CALLBACK_RESULT] = "fail",
  [YEASTAR_PARAM_REASON] = "Lunch & rest",
  [YEASTAR_PARAM_COMMUNICATION_TYPE] = "Outbound",
  [YEASTAR_PARAM_CALL_FROM] = "1001",
  [YEASTAR_PARAM_CALL_TO] = "+44 20/7946",
  [YEASTAR_PARAM_CALL_TO_TYPE] = "RingGroup",
  [YEASTAR_PARAM_MISS_CALL_TYPE] = "no_answer",
  [YEASTAR_PARAM_UNRETURN_STATUS] = "2",
  [YEASTAR_PARAM_NEED_DETAIL] = "1",
};

#define RANGE "start_time=01/07/2026%2012:00:00%20AM&end_time=31/07/2026%2011:59:59%20PM"
#define PERIOD "time=07/2026"
#define ASYNC "&is_async=1"

/* Every type fully filled with the samples, DD/MM/YYYY 12-hour, July 2026. */
static const struct {
  const char *type;
  const char *query;
} full_queries[] = {
  { "extcallstatistics", "type=extcallstatistics&" RANGE "&ext_id_list=34,35&communication_type=Outbound" ASYNC },
  { "extcallactivity", "type=extcallactivity&" PERIOD "&ext_id_list=34,35&communication_type=Outbound" ASYNC },
  { "trunkactivity", "type=trunkactivity&" PERIOD "&trunk_id_list=3,4&include_internal=1&communication_type=Outbound" ASYNC },
  { "trunkdiddodactivity", "type=trunkdiddodactivity&" PERIOD "&trunk_id=3&communication_type=Outbound" ASYNC },
  { "ivr", "type=ivr&" RANGE "&ivr_id_list=5&need_detail=1" ASYNC },
  { "aisttusage", "type=aisttusage&" RANGE ASYNC },
  { "unreturnmisscall", "type=unreturnmisscall&" RANGE "&abandon_time=10&call_from=1001&call_to=%2B44%2020/7946"
    "&call_to_type=RingGroup&miss_call_type=no_answer&unreturn_status=2" ASYNC },
  { "queueavgwaittalktime", "type=queueavgwaittalktime&" PERIOD "&queue_id_list=1,2" ASYNC },
  { "queueperformance", "type=queueperformance&" RANGE "&queue_id_list=1,2&abandon_time=10&talk_time=20&need_detail=1" ASYNC },
  { "queueperformanceactivity", "type=queueperformanceactivity&" PERIOD "&queue_id_list=1,2&abandon_time=10&need_detail=1" ASYNC },
  { "queuecallbackssummary", "type=queuecallbackssummary&" RANGE "&queue_id_list=1,2" ASYNC },
  { "queuecallbacksactivity", "type=queuecallbacksactivity&" RANGE "&queue_id_list=1,2&callback_result=fail" ASYNC },
  { "queuesatisfaction", "type=queuesatisfaction&" RANGE "&queue_id=1" ASYNC },
  { "queuesatisfactiondetail", "type=queuesatisfactiondetail&" RANGE "&queue_id=1&agent_id_list=8,9" ASYNC },
  { "queueagentlogintime", "type=queueagentlogintime&" RANGE "&queue_id=1&agent_id_list=8,9" ASYNC },
  { "queueagentpausetime", "type=queueagentpausetime&" RANGE "&queue_id=1&agent_id_list=8,9&reason=Lunch%20%26%20rest" ASYNC },
  { "queueagentmisscalls", "type=queueagentmisscalls&" RANGE "&queue_id=1&agent_id_list=8,9&abandon_time=10" ASYNC },
  { "queueagentperformance", "type=queueagentperformance&" RANGE "&queue_id=1&agent_id_list=8,9&abandon_time=10&need_detail=1" ASYNC },
  { "queueagentinoutcalls", "type=queueagentinoutcalls&" RANGE "&queue_id=1&agent_id_list=8,9" ASYNC },
  { "ringgroupstatistics", "type=ringgroupstatistics&" RANGE "&ring_group_id_list=6,7" ASYNC },
  { "extcallbilling", "type=extcallbilling&" RANGE "&ext_id_list=34,35&trunk_id_list=3,4" ASYNC },
  { "extcallbillingdetails", "type=extcallbillingdetails&" RANGE "&ext_id_list=34,35&trunk_id_list=3,4" ASYNC },
};

/* Only the required parameters, synchronous, no range. */
static const struct {
  const char *type;
  const char *query;
} minimal_queries[] = {
  { "extcallstatistics", "type=extcallstatistics&ext_id_list=34,35" },
  { "extcallactivity", "type=extcallactivity&" PERIOD "&ext_id_list=34,35" },
  { "trunkactivity", "type=trunkactivity&" PERIOD "&trunk_id_list=3,4" },
  { "trunkdiddodactivity", "type=trunkdiddodactivity&" PERIOD "&trunk_id=3" },
  { "ivr", "type=ivr&ivr_id_list=5" },
  { "aisttusage", "type=aisttusage" },
  { "unreturnmisscall", "type=unreturnmisscall" },
  { "queueavgwaittalktime", "type=queueavgwaittalktime&" PERIOD "&queue_id_list=1,2" },
  { "queueperformance", "type=queueperformance&queue_id_list=1,2" },
  { "queueperformanceactivity", "type=queueperformanceactivity&" PERIOD "&queue_id_list=1,2" },
  { "queuecallbackssummary", "type=queuecallbackssummary&queue_id_list=1,2" },
  { "queuecallbacksactivity", "type=queuecallbacksactivity&queue_id_list=1,2" },
  { "queuesatisfaction", "type=queuesatisfaction&queue_id=1" },
  { "queuesatisfactiondetail", "type=queuesatisfactiondetail&queue_id=1" },
  { "queueagentlogintime", "type=queueagentlogintime&queue_id=1" },
  { "queueagentpausetime", "type=queueagentpausetime&queue_id=1" },
  { "queueagentmisscalls", "type=queueagentmisscalls&queue_id=1" },
  { "queueagentperformance", "type=queueagentperformance&queue_id=1" },
  { "queueagentinoutcalls", "type=queueagentinoutcalls&queue_id=1" },
  { "ringgroupstatistics", "type=ringgroupstatistics&ring_group_id_list=6,7" },
  { "extcallbilling", "type=extcallbilling&trunk_id_list=3,4" },
  { "extcallbillingdetails", "type=extcallbillingdetails&trunk_id_list=3,4" },
};

static YeastarDateFormat *
dmy_12_hour (void)
{
  return yeastar_date_format_new_full (YEASTAR_DATE_ORDER_DMY, '/', TRUE);
}

static void
set_range (YeastarReportRequest *request)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 7, 31, 23, 59, 59);

  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);
}

static void
set_period (YeastarReportRequest *request)
{
  g_autoptr(GDateTime) period = g_date_time_new_utc (2026, 7, 15, 10, 0, 0);

  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_MONTH);
  yeastar_report_request_set_period (request, period);
}

static void
assert_invalid (YeastarReportRequest *request,
                YeastarParam          expected_param,
                const char           *expected_message)
{
  g_autoptr(YeastarDateFormat) format = dmy_12_hour ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) param_error = NULL;
  g_autofree char *query = NULL;
  YeastarParam param = 0;

  g_assert_false (yeastar_report_request_validate (request, &param, &error));
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  g_test_message ("%s", error->message);
  g_assert_cmpint (param, ==, expected_param);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
  /* The message names the field by title and by API name. */
  g_assert_nonnull (strstr (error->message, yeastar_param_get_title (expected_param)));
  g_assert_nonnull (strstr (error->message, yeastar_param_get_api_name (expected_param)));

  /* The same reason field by field... */
  g_assert_false (yeastar_report_request_validate_param (request, expected_param, &param_error));
  g_assert_cmpstr (param_error->message, ==, error->message);

  /* ...and nothing is built. */
  g_clear_error (&error);
  query = yeastar_report_request_to_query (request, format, &error);
  g_assert_null (query);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
}

static void
assert_valid (YeastarReportRequest *request)
{
  g_autoptr(GError) error = NULL;
  YeastarParam param = 0;

  g_assert_true (yeastar_report_request_validate (request, &param, &error));
  g_assert_no_error (error);
  g_assert_cmpint (param, ==, YEASTAR_N_PARAMS);
}

static void
test_defaults (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autofree char *type = NULL;
  YeastarApiVersion version;
  gboolean async;

  g_object_get (request, "report-type", &type, "api-version", &version, "async", &async, NULL);
  g_assert_cmpstr (type, ==, "extcallstatistics");
  g_assert_cmpint (version, ==, YEASTAR_API_VERSION_AUTO);
  g_assert_false (async);
  g_assert_true (yeastar_report_request_get_report_type (request) == yeastar_report_type_lookup ("extcallstatistics"));
  g_assert_null (yeastar_report_request_get_start_time (request));
  g_assert_null (yeastar_report_request_get_end_time (request));
  g_assert_null (yeastar_report_request_get_period (request));
  g_assert_cmpint (yeastar_report_request_get_period_kind (request), ==, YEASTAR_PERIOD_DAY);
  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      if (yeastar_report_request_find_param_property (p) != NULL)
        g_assert_null (yeastar_report_request_get_value (request, p));
    }
}

static void
test_full_queries (void)
{
  g_autoptr(YeastarDateFormat) format = dmy_12_hour ();

  g_assert_cmpuint (G_N_ELEMENTS (full_queries), ==, yeastar_report_type_get_count ());

  for (guint i = 0; i < G_N_ELEMENTS (full_queries); i++)
    {
      g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
      const YeastarReportType *type;
      g_autoptr(GError) error = NULL;
      g_autofree char *query = NULL;

      g_object_set (request, "report-type", full_queries[i].type, "async", TRUE, NULL);
      type = yeastar_report_request_get_report_type (request);
      g_assert_cmpstr (yeastar_report_type_get_api_name (type), ==, full_queries[i].type);

      /* Both range and period are set; the type picks its own. */
      set_range (request);
      set_period (request);

      /* Fill every parameter the type takes, through its property. */
      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          GParamSpec *pspec = yeastar_report_request_find_param_property (p);

          if (pspec == NULL || p == YEASTAR_PARAM_IS_ASYNC || !yeastar_report_type_takes (type, p))
            continue;

          g_assert_nonnull (samples[p]);
          g_object_set (request, pspec->name, samples[p], NULL);
        }

      query = yeastar_report_request_to_query (request, format, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (query, ==, full_queries[i].query);
    }
}

static void
test_minimal_queries (void)
{
  g_autoptr(YeastarDateFormat) format = dmy_12_hour ();

  g_assert_cmpuint (G_N_ELEMENTS (minimal_queries), ==, yeastar_report_type_get_count ());

  for (guint i = 0; i < G_N_ELEMENTS (minimal_queries); i++)
    {
      g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
      const YeastarReportType *type;
      g_autoptr(GError) error = NULL;
      g_autofree char *query = NULL;

      yeastar_report_request_set_report_type (request, minimal_queries[i].type);
      type = yeastar_report_request_get_report_type (request);
      set_period (request);

      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          if (yeastar_report_request_find_param_property (p) != NULL &&
              yeastar_report_type_requires (type, p))
            yeastar_report_request_set_value (request, p, samples[p]);
        }

      query = yeastar_report_request_to_query (request, format, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (query, ==, minimal_queries[i].query);
    }
}

/* The date format and the period kind shape start_time/end_time/time. */
static void
test_query_formats (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarDateFormat) ymd24 = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '-', FALSE);
  g_autoptr(YeastarDateFormat) mdy12 = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_MDY, '/', TRUE);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 2, 12, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 1, 2, 13, 5, 6);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 3, 4, 0, 0, 0);
  char *query;

  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1000");
  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);

  query = yeastar_report_request_to_query (request, ymd24, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&start_time=2026-01-02%2012:00:00&end_time=2026-01-02%2013:05:06&ext_id_list=1000");
  g_free (query);

  query = yeastar_report_request_to_query (request, mdy12, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&start_time=01/02/2026%2012:00:00%20PM&end_time=01/02/2026%2001:05:06%20PM&ext_id_list=1000");
  g_free (query);

  /* Start equal to end is fine. */
  yeastar_report_request_set_end_time (request, start);
  assert_valid (request);

  yeastar_report_request_set_report_type (request, "queueavgwaittalktime");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID_LIST, "1");
  yeastar_report_request_set_period (request, day);

  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_DAY);
  query = yeastar_report_request_to_query (request, mdy12, NULL);
  g_assert_cmpstr (query, ==, "type=queueavgwaittalktime&time=03/04/2026&queue_id_list=1");
  g_free (query);

  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_MONTH);
  query = yeastar_report_request_to_query (request, ymd24, NULL);
  g_assert_cmpstr (query, ==, "type=queueavgwaittalktime&time=2026-03&queue_id_list=1");
  g_free (query);

  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_YEAR);
  query = yeastar_report_request_to_query (request, ymd24, NULL);
  g_assert_cmpstr (query, ==, "type=queueavgwaittalktime&time=2026&queue_id_list=1");
  g_free (query);
}

static void
test_missing_required (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GDateTime) period = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);

  assert_invalid (request, YEASTAR_PARAM_EXT_ID_LIST,
                  "Extensions (ext_id_list) is required for Extension Call Statistics");

  yeastar_report_request_set_report_type (request, "extcallactivity");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1");
  assert_invalid (request, YEASTAR_PARAM_TIME,
                  "Period (time) is required for Extension Call Activity");
  yeastar_report_request_set_period (request, period);
  assert_valid (request);

  /* Every required non-time parameter of every type. */
  for (guint i = 0; i < yeastar_report_type_get_count (); i++)
    {
      const YeastarReportType *type = yeastar_report_type_get_nth (i);

      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          g_autoptr(YeastarReportRequest) r = NULL;

          if (yeastar_report_request_find_param_property (p) == NULL ||
              !yeastar_report_type_requires (type, p))
            continue;

          r = yeastar_report_request_new ();
          yeastar_report_request_set_report_type (r, yeastar_report_type_get_api_name (type));
          set_period (r);
          for (guint q = 0; q < YEASTAR_N_PARAMS; q++)
            {
              if (q != p && yeastar_report_request_find_param_property (q) != NULL &&
                  yeastar_report_type_requires (type, q))
                yeastar_report_request_set_value (r, q, samples[q]);
            }
          assert_invalid (r, p, NULL);
          yeastar_report_request_set_value (r, p, samples[p]);
          assert_valid (r);
        }
    }
}

static void
test_unavailable_param (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();

  yeastar_report_request_set_report_type (request, "ivr");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_IVR_ID_LIST, "5");
  assert_valid (request);

  /* Recorded, not dropped... */
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID, "1");
  g_assert_cmpstr (yeastar_report_request_get_value (request, YEASTAR_PARAM_QUEUE_ID), ==, "1");
  /* ...and rejected. */
  assert_invalid (request, YEASTAR_PARAM_QUEUE_ID, "Queue (queue_id) is not a parameter of IVR Report");

  /* Unsetting it fixes the request. */
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID, "");
  assert_valid (request);

  /* The same through the property. */
  g_object_set (request, "talk-time", "5", NULL);
  assert_invalid (request, YEASTAR_PARAM_TALK_TIME, NULL);
}

static void
test_range (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 7, 1, 0, 0, 1);

  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1");
  assert_valid (request);

  yeastar_report_request_set_start_time (request, early);
  assert_invalid (request, YEASTAR_PARAM_END_TIME,
                  "End time (end_time) is required when Start time (start_time) is given");

  yeastar_report_request_set_start_time (request, NULL);
  yeastar_report_request_set_end_time (request, early);
  assert_invalid (request, YEASTAR_PARAM_START_TIME,
                  "Start time (start_time) is required when End time (end_time) is given");

  yeastar_report_request_set_start_time (request, late);
  assert_invalid (request, YEASTAR_PARAM_START_TIME,
                  "Start time (start_time) is after End time (end_time)");

  yeastar_report_request_set_end_time (request, late);
  assert_valid (request);

  /* A type that uses a period ignores the shared range, even a wrong one. */
  yeastar_report_request_set_end_time (request, NULL);
  yeastar_report_request_set_report_type (request, "queueavgwaittalktime");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID_LIST, "1");
  set_period (request);
  assert_valid (request);
}

static void
test_bad_values (void)
{
  static const struct {
    const char   *type;
    YeastarParam  param;
    const char   *value;
  } bad[] = {
    { "queueperformance", YEASTAR_PARAM_ABANDON_TIME, "-5" },
    { "queueperformance", YEASTAR_PARAM_ABANDON_TIME, "abc" },
    { "queueperformance", YEASTAR_PARAM_ABANDON_TIME, "1.5" },
    { "queueperformance", YEASTAR_PARAM_ABANDON_TIME, " 5" },
    { "queueperformance", YEASTAR_PARAM_ABANDON_TIME, "+5" },
    { "queueperformance", YEASTAR_PARAM_TALK_TIME, "99999999999" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "1,,2" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "1,2," },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, ",1" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "," },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "1, 2" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "1;2" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "one" },
    { "queueperformance", YEASTAR_PARAM_QUEUE_ID_LIST, "-1" },
    { "queueperformance", YEASTAR_PARAM_NEED_DETAIL, "2" },
    { "queueperformance", YEASTAR_PARAM_NEED_DETAIL, "yes" },
    { "queueperformance", YEASTAR_PARAM_NEED_DETAIL, "01" },
    { "queueperformance", YEASTAR_PARAM_IS_ASYNC, "true" },
    { "queuesatisfaction", YEASTAR_PARAM_QUEUE_ID, "1,2" },
    { "queuesatisfaction", YEASTAR_PARAM_QUEUE_ID, "q1" },
    { "trunkactivity", YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal" },
    { "trunkactivity", YEASTAR_PARAM_COMMUNICATION_TYPE, "inbound" },
    { "trunkactivity", YEASTAR_PARAM_INCLUDE_INTERNAL, "-1" },
    { "extcallstatistics", YEASTAR_PARAM_COMMUNICATION_TYPE, "InOutbound" },
    { "queuecallbacksactivity", YEASTAR_PARAM_CALLBACK_RESULT, "failed" },
    { "unreturnmisscall", YEASTAR_PARAM_UNRETURN_STATUS, "0" },
    { "unreturnmisscall", YEASTAR_PARAM_MISS_CALL_TYPE, "No answer" },
    { "unreturnmisscall", YEASTAR_PARAM_CALL_TO_TYPE, "Ring group" },
    { "unreturnmisscall", YEASTAR_PARAM_CALL_FROM, "1001\n" },
    { "queueagentpausetime", YEASTAR_PARAM_REASON, "\xff\xfe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
      g_autofree char *printable = g_strescape (bad[i].value, NULL);
      const YeastarReportType *type;

      /* Escaped: some of the bad values are not UTF-8, and TAP must be. */
      g_test_message ("%s %s=%s", bad[i].type, yeastar_param_get_api_name (bad[i].param), printable);

      yeastar_report_request_set_report_type (request, bad[i].type);
      type = yeastar_report_request_get_report_type (request);
      set_period (request);
      for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
        {
          if (yeastar_report_request_find_param_property (p) != NULL && yeastar_report_type_requires (type, p))
            yeastar_report_request_set_value (request, p, samples[p]);
        }
      assert_valid (request);

      yeastar_report_request_set_value (request, bad[i].param, bad[i].value);
      assert_invalid (request, bad[i].param, NULL);
    }

  /* Exact wording of a few. */
  {
    g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();

    yeastar_report_request_set_report_type (request, "trunkactivity");
    set_period (request);
    yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "1,,2");
    assert_invalid (request, YEASTAR_PARAM_TRUNK_ID_LIST,
                    "Trunks (trunk_id_list) contains an empty ID; separate IDs with single commas");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "1,x");
    assert_invalid (request, YEASTAR_PARAM_TRUNK_ID_LIST,
                    "Trunks (trunk_id_list) must be a comma-separated list of numeric IDs; “x” is not one");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "1,2");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal");
    assert_invalid (request, YEASTAR_PARAM_COMMUNICATION_TYPE,
                    "Communication type (communication_type) must be one of Inbound, Outbound "
                    "for PBX Call Activity, not “Internal”");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Inbound");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_INCLUDE_INTERNAL, "0");
    assert_valid (request);
  }

  /* Internal is fine for an extension report. */
  {
    g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();

    yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal");
    assert_valid (request);
  }

  /* The first wrong field in table order is the one reported. */
  {
    g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
    g_autoptr(GError) error = NULL;

    yeastar_report_request_set_report_type (request, "queueperformance");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_NEED_DETAIL, "x");
    yeastar_report_request_set_value (request, YEASTAR_PARAM_ABANDON_TIME, "x");
    assert_invalid (request, YEASTAR_PARAM_QUEUE_ID_LIST, NULL);

    /* validate_param () looks at one field only. */
    g_assert_true (yeastar_report_request_validate_param (request, YEASTAR_PARAM_TALK_TIME, &error));
    g_assert_no_error (error);
    g_assert_false (yeastar_report_request_validate_param (request, YEASTAR_PARAM_NEED_DETAIL, &error));
    g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  }
}

static void
test_per_type_values (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarDateFormat) format = dmy_12_hour ();
  g_autofree char *query = NULL;
  g_autofree char *ext = NULL;

  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "1");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal");

  yeastar_report_request_set_report_type (request, "extcallbilling");
  g_assert_null (yeastar_report_request_get_value (request, YEASTAR_PARAM_EXT_ID_LIST));
  g_assert_null (yeastar_report_request_get_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE));
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "2");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "7");

  query = yeastar_report_request_to_query (request, format, NULL);
  g_assert_cmpstr (query, ==, "type=extcallbilling&ext_id_list=2&trunk_id_list=7");
  g_clear_pointer (&query, g_free);

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  g_assert_cmpstr (yeastar_report_request_get_value (request, YEASTAR_PARAM_EXT_ID_LIST), ==, "1");
  g_assert_cmpstr (yeastar_report_request_get_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE), ==, "Internal");
  g_assert_null (yeastar_report_request_get_value (request, YEASTAR_PARAM_TRUNK_ID_LIST));
  g_object_get (request, "ext-id-list", &ext, NULL);
  g_assert_cmpstr (ext, ==, "1");

  query = yeastar_report_request_to_query (request, format, NULL);
  g_assert_cmpstr (query, ==, "type=extcallstatistics&ext_id_list=1&communication_type=Internal");
  g_clear_pointer (&query, g_free);

  /* A wrong value kept for another type does not affect this one. */
  yeastar_report_request_set_report_type (request, "ivr");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_IVR_ID_LIST, ",");
  yeastar_report_request_set_report_type (request, "extcallstatistics");
  assert_valid (request);

  /* async is shared by all types. */
  yeastar_report_request_set_async (request, TRUE);
  yeastar_report_request_set_report_type (request, "extcallbilling");
  g_assert_true (yeastar_report_request_get_async (request));
  query = yeastar_report_request_to_query (request, format, NULL);
  g_assert_cmpstr (query, ==, "type=extcallbilling&ext_id_list=2&trunk_id_list=7&is_async=1");
  g_clear_pointer (&query, g_free);

  /* "0" is the default and not sent. */
  yeastar_report_request_set_value (request, YEASTAR_PARAM_IS_ASYNC, "0");
  g_assert_false (yeastar_report_request_get_async (request));
  query = yeastar_report_request_to_query (request, format, NULL);
  g_assert_cmpstr (query, ==, "type=extcallbilling&ext_id_list=2&trunk_id_list=7");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
take_count (GHashTable *counts,
            const char *name)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_remove (counts, name);

  return n;
}

static void
test_notify (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) a = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) a_again = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) a_plus2 = g_date_time_to_timezone (a, plus2);

  g_signal_connect (request, "notify", G_CALLBACK (count_notify), counts);

  /* report-type */
  yeastar_report_request_set_report_type (request, "extcallstatistics");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_object_set (request, "report-type", "ivr", NULL);
  g_assert_cmpuint (take_count (counts, "report-type"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* a parameter: once per real change */
  yeastar_report_request_set_value (request, YEASTAR_PARAM_IVR_ID_LIST, "1");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_IVR_ID_LIST, "1");
  g_object_set (request, "ivr-id-list", "1", NULL);
  g_assert_cmpuint (take_count (counts, "ivr-id-list"), ==, 1);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_NEED_DETAIL, "");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_NEED_DETAIL, NULL);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* switching type notifies the parameters whose shown value changes */
  yeastar_report_request_set_report_type (request, "queueperformance");
  g_assert_cmpuint (take_count (counts, "report-type"), ==, 1);
  g_assert_cmpuint (take_count (counts, "ivr-id-list"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  yeastar_report_request_set_report_type (request, "aisttusage");
  g_assert_cmpuint (take_count (counts, "report-type"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* times: same wall clock and offset is no change; another offset is */
  yeastar_report_request_set_start_time (request, a);
  yeastar_report_request_set_start_time (request, a_again);
  g_assert_cmpuint (take_count (counts, "start-time"), ==, 1);
  yeastar_report_request_set_start_time (request, a_plus2);
  g_assert_cmpuint (take_count (counts, "start-time"), ==, 1);
  yeastar_report_request_set_end_time (request, a);
  yeastar_report_request_set_end_time (request, a);
  g_assert_cmpuint (take_count (counts, "end-time"), ==, 1);
  g_object_set (request, "period", a, NULL);
  g_object_set (request, "period", a_again, NULL);
  g_assert_cmpuint (take_count (counts, "period"), ==, 1);
  yeastar_report_request_set_period (request, NULL);
  yeastar_report_request_set_period (request, NULL);
  g_assert_cmpuint (take_count (counts, "period"), ==, 1);

  /* enums */
  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_DAY);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_object_set (request, "period-kind", YEASTAR_PERIOD_YEAR, NULL);
  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_YEAR);
  g_assert_cmpuint (take_count (counts, "period-kind"), ==, 1);
  yeastar_report_request_set_api_version (request, YEASTAR_API_VERSION_AUTO);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  yeastar_report_request_set_api_version (request, YEASTAR_API_VERSION_V2);
  g_object_set (request, "api-version", YEASTAR_API_VERSION_V2, NULL);
  g_assert_cmpuint (take_count (counts, "api-version"), ==, 1);

  /* async and its string view */
  yeastar_report_request_set_async (request, FALSE);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  yeastar_report_request_set_async (request, TRUE);
  g_object_set (request, "async", TRUE, NULL);
  g_assert_cmpuint (take_count (counts, "async"), ==, 1);
  g_assert_cmpuint (take_count (counts, "is-async"), ==, 1);
  g_object_set (request, "is-async", "0", NULL);
  g_assert_cmpuint (take_count (counts, "async"), ==, 1);
  g_assert_cmpuint (take_count (counts, "is-async"), ==, 1);
  g_object_set (request, "is-async", NULL, NULL);
  g_assert_cmpuint (take_count (counts, "is-async"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
}

static void
test_param_properties (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  GObjectClass *klass = G_OBJECT_GET_CLASS (request);
  guint n_params = 0;

  for (guint p = 0; p < YEASTAR_N_PARAMS; p++)
    {
      YeastarValueKind kind = yeastar_param_get_value_kind (p);
      GParamSpec *pspec = yeastar_report_request_find_param_property (p);
      g_autofree char *name = g_strdelimit (g_strdup (yeastar_param_get_api_name (p)), "_", '-');
      g_autofree char *got = NULL;

      if (kind == YEASTAR_VALUE_DATE_TIME || kind == YEASTAR_VALUE_PERIOD)
        {
          g_assert_null (pspec);
          continue;
        }

      n_params++;
      g_assert_nonnull (pspec);
      g_assert_true (g_object_class_find_property (klass, name) == pspec);
      g_assert_cmpstr (pspec->name, ==, name);
      g_assert_true (G_IS_PARAM_SPEC_STRING (pspec));
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      /* The property and get_value () are the same thing. */
      g_object_set (request, name, "1", NULL);
      g_assert_cmpstr (yeastar_report_request_get_value (request, p), ==, "1");
      yeastar_report_request_set_value (request, p, "2");
      g_object_get (request, name, &got, NULL);
      g_assert_cmpstr (got, ==, "2");
    }

  g_assert_cmpuint (n_params, ==, YEASTAR_N_PARAMS - 3);
  g_assert_nonnull (g_object_class_find_property (klass, "ext-id-list"));
  g_assert_nonnull (g_object_class_find_property (klass, "communication-type"));
  g_assert_nonnull (g_object_class_find_property (klass, "need-detail"));
  g_assert_null (g_object_class_find_property (klass, "time"));
  g_assert_true (G_IS_PARAM_SPEC_ENUM (g_object_class_find_property (klass, "period-kind")));
  g_assert_true (G_IS_PARAM_SPEC_ENUM (g_object_class_find_property (klass, "api-version")));
  g_assert_true (G_IS_PARAM_SPEC_BOXED (g_object_class_find_property (klass, "start-time")));
}

/* A window binds a widget's property to a parameter's. */
static void
test_binding (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarReportRequest) mirror = yeastar_report_request_new ();

  g_object_bind_property (request, "ext-id-list", mirror, "ext-id-list", G_BINDING_BIDIRECTIONAL);

  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "4,5");
  g_assert_cmpstr (yeastar_report_request_get_value (mirror, YEASTAR_PARAM_EXT_ID_LIST), ==, "4,5");

  yeastar_report_request_set_value (mirror, YEASTAR_PARAM_EXT_ID_LIST, "6");
  g_assert_cmpstr (yeastar_report_request_get_value (request, YEASTAR_PARAM_EXT_ID_LIST), ==, "6");

  /* Switching the request's type shows that type's (empty) value. */
  yeastar_report_request_set_report_type (request, "extcallbilling");
  g_assert_null (yeastar_report_request_get_value (mirror, YEASTAR_PARAM_EXT_ID_LIST));
}

/* A copy is the same request, and independent of the original. */
static void
test_copy (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarReportRequest) copy = NULL;
  g_autoptr(YeastarDateFormat) format = dmy_12_hour ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (utc, 2026, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (utc, 2026, 11, 30, 23, 59, 59);
  g_autofree char *query = NULL;
  g_autofree char *copy_query = NULL;

  /* A value kept for another type is not part of the copy. */
  yeastar_report_request_set_report_type (request, "extcallbilling");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "7");
  yeastar_report_request_set_report_type (request, "queueperformance");
  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID_LIST, "3,4");
  yeastar_report_request_set_api_version (request, YEASTAR_API_VERSION_V1);
  yeastar_report_request_set_async (request, TRUE);

  copy = yeastar_report_request_copy (request);
  g_assert_true (copy != request);
  g_assert_cmpstr (yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (copy)), ==, "queueperformance");
  g_assert_true (g_date_time_equal (yeastar_report_request_get_start_time (copy), start));
  g_assert_true (g_date_time_equal (yeastar_report_request_get_end_time (copy), end));
  g_assert_cmpint (yeastar_report_request_get_api_version (copy), ==, YEASTAR_API_VERSION_V1);
  g_assert_true (yeastar_report_request_get_async (copy));
  query = yeastar_report_request_to_query (request, format, NULL);
  copy_query = yeastar_report_request_to_query (copy, format, NULL);
  g_assert_nonnull (query);
  g_assert_cmpstr (copy_query, ==, query);

  /* Changing the original leaves the copy alone. */
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID_LIST, "9");
  g_assert_cmpstr (yeastar_report_request_get_value (copy, YEASTAR_PARAM_QUEUE_ID_LIST), ==, "3,4");

  yeastar_report_request_set_report_type (copy, "extcallbilling");
  g_assert_null (yeastar_report_request_get_value (copy, YEASTAR_PARAM_TRUNK_ID_LIST));

  /* A period request keeps its kind and period. */
  yeastar_report_request_set_report_type (request, "trunkactivity");
  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_MONTH);
  yeastar_report_request_set_period (request, start);
  g_clear_object (&copy);
  copy = yeastar_report_request_copy (request);
  g_assert_cmpint (yeastar_report_request_get_period_kind (copy), ==, YEASTAR_PERIOD_MONTH);
  g_assert_true (g_date_time_equal (yeastar_report_request_get_period (copy), start));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/report-request/defaults", test_defaults);
  g_test_add_func ("/yeastar/report-request/query/full", test_full_queries);
  g_test_add_func ("/yeastar/report-request/query/minimal", test_minimal_queries);
  g_test_add_func ("/yeastar/report-request/query/formats", test_query_formats);
  g_test_add_func ("/yeastar/report-request/validate/missing-required", test_missing_required);
  g_test_add_func ("/yeastar/report-request/validate/unavailable-param", test_unavailable_param);
  g_test_add_func ("/yeastar/report-request/validate/range", test_range);
  g_test_add_func ("/yeastar/report-request/validate/bad-values", test_bad_values);
  g_test_add_func ("/yeastar/report-request/per-type-values", test_per_type_values);
  g_test_add_func ("/yeastar/report-request/notify", test_notify);
  g_test_add_func ("/yeastar/report-request/param-properties", test_param_properties);
  g_test_add_func ("/yeastar/report-request/binding", test_binding);
  g_test_add_func ("/yeastar/report-request/copy", test_copy);

  return g_test_run ();
}
