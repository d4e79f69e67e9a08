/* test-request-store.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The form's values kept per report type in the application's settings
* (the memory backend here), and a request's values as a dictionary. */

#include "config.h"

#include <string.h>

#include "reports-request-store.h"

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (BASE_ID);

  g_settings_reset (settings, "report-values");
  g_settings_reset (settings, "report-type");
  return settings;
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

/* What one type had comes back after a restart, with the type used last;
 * IDs are not kept here (they belong to one PBX). */
static void
test_round_trip (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarReportRequest) restored = yeastar_report_request_new ();
  g_autoptr(GDateTime) start = utc (2026, 11, 1, 0);
  g_autoptr(GDateTime) period = utc (2026, 2, 1, 0);
  g_autoptr(GVariant) all = NULL;
  g_autofree char *text = NULL;

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, "4,5");
  reports_request_store_save (settings, request);

  yeastar_report_request_set_report_type (request, "trunkactivity");
  yeastar_report_request_set_period_kind (request, YEASTAR_PERIOD_MONTH);
  yeastar_report_request_set_period (request, period);
  reports_request_store_save (settings, request);

  /* The settings hold no ID. */
  all = g_settings_get_value (settings, "report-values");
  text = g_variant_print (all, FALSE);
  g_assert_null (strstr (text, "ext_id_list"));
  g_assert_nonnull (strstr (text, "communication_type"));

  reports_request_store_load (settings, restored);
  g_assert_cmpstr (yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (restored)), ==,
                   "trunkactivity");
  g_assert_cmpint (yeastar_report_request_get_period_kind (restored), ==, YEASTAR_PERIOD_MONTH);
  g_assert_true (g_date_time_equal (yeastar_report_request_get_period (restored), period));

  yeastar_report_request_set_report_type (restored, "extcallstatistics");
  g_assert_true (g_date_time_equal (yeastar_report_request_get_start_time (restored), start));
  g_assert_cmpstr (yeastar_report_request_get_value (restored, YEASTAR_PARAM_COMMUNICATION_TYPE), ==, "Internal");
  g_assert_null (yeastar_report_request_get_value (restored, YEASTAR_PARAM_EXT_ID_LIST));
}

/* Saving one type replaces what was kept for it and no other. */
static void
test_replace (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GVariant) all = NULL;
  g_autofree char *type = NULL;

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Internal");
  reports_request_store_save (settings, request);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE, "Outbound");
  reports_request_store_save (settings, request);
  yeastar_report_request_set_report_type (request, "queueperformance");
  reports_request_store_save (settings, request);

  all = g_settings_get_value (settings, "report-values");
  g_assert_cmpuint (g_variant_n_children (all), ==, 2);
  type = g_settings_get_string (settings, "report-type");
  g_assert_cmpstr (type, ==, "queueperformance");
}

/* A type the table does not know and a malformed time are skipped. */
static void
test_unknown (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GVariant) values = g_variant_parse (G_VARIANT_TYPE ("a{sa{ss}}"),
                                                "{'nosuchtype': {'communication_type': 'Internal'},"
                                                " 'extcallactivity': {'start_time': 'yesterday', 'bogus': '1',"
                                                "                     'communication_type': 'Inbound'}}",
                                                NULL, NULL, NULL);

  g_settings_set_value (settings, "report-values", values);
  g_settings_set_string (settings, "report-type", "nosuchtype");
  reports_request_store_load (settings, request);

  g_assert_cmpstr (yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (request)), ==,
                   "extcallactivity");
  g_assert_null (yeastar_report_request_get_start_time (request));
  g_assert_cmpstr (yeastar_report_request_get_value (request, YEASTAR_PARAM_COMMUNICATION_TYPE), ==, "Inbound");
}

/* A download's record keeps the IDs too, and gives back the same query. */
static void
test_values_with_ids (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(YeastarReportRequest) again = yeastar_report_request_new ();
  g_autoptr(GDateTime) start = utc (2026, 11, 1, 0);
  g_autoptr(GDateTime) end = utc (2026, 11, 30, 23);
  g_autoptr(GVariant) values = NULL;
  g_autoptr(GVariant) without = NULL;
  g_autoptr(GVariant) wrong = g_variant_new_string ("x");

  yeastar_report_request_set_report_type (request, "queueperformance");
  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_QUEUE_ID_LIST, "6,7");

  values = reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_WITH_IDS);
  without = reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_DEFAULT);
  g_assert_false (g_variant_is_floating (values));
  g_assert_cmpuint (g_variant_n_children (values), ==, g_variant_n_children (without) + 1);

  yeastar_report_request_set_report_type (again, "queueperformance");
  g_assert_true (reports_request_values_apply (again, values, REPORTS_REQUEST_VALUES_WITH_IDS));
  g_assert_cmpstr (yeastar_report_request_get_value (again, YEASTAR_PARAM_QUEUE_ID_LIST), ==, "6,7");
  g_assert_true (g_date_time_equal (yeastar_report_request_get_end_time (again), end));
  g_assert_false (reports_request_values_apply (again, wrong, REPORTS_REQUEST_VALUES_WITH_IDS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/request-store/round-trip", test_round_trip);
  g_test_add_func ("/common/request-store/replace", test_replace);
  g_test_add_func ("/common/request-store/unknown", test_unknown);
  g_test_add_func ("/common/request-store/values-with-ids", test_values_with_ids);

  return g_test_run ();
}
