/* test-request-length.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yeastar-error.h"
#include "yeastar-request-length.h"

/* "GET /openapi/v2.0/call_report/download?" + query + "&access_token=" +
 * the token allowance + " HTTP/1.1\r\n" */
#define OVERHEAD (strlen ("GET /openapi/v2.0/call_report/download?") + strlen ("&access_token=") + \
                  YEASTAR_ACCESS_TOKEN_ALLOWANCE + strlen (" HTTP/1.1\r\n"))

/* "34,35,…": @n IDs from 10000 on (five digits each). */
static char *
id_list (guint n)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? "," : "", 10000 + i);

  return g_string_free (list, FALSE);
}

static YeastarReportRequest *
extension_request (guint n_ids)
{
  YeastarReportRequest *request = yeastar_report_request_new ();
  g_autofree char *ids = id_list (n_ids);

  yeastar_report_request_set_report_type (request, "extcallstatistics");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, ids);

  return request;
}

static void
test_measure (void)
{
  g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '-', FALSE);
  g_autoptr(YeastarReportRequest) request = extension_request (2);
  g_autoptr(YeastarReportRequest) invalid = yeastar_report_request_new ();

  /* type=extcallstatistics&ext_id_list=10000,10001 */
  g_assert_cmpuint (yeastar_report_request_measure (request, format), ==,
                    OVERHEAD + strlen ("type=extcallstatistics&ext_id_list=10000,10001"));

  /* A request that does not validate is not measured (and passes: its
   * fault is told elsewhere). */
  yeastar_report_request_set_report_type (invalid, "extcallstatistics");
  g_assert_cmpuint (yeastar_report_request_measure (invalid, format), ==, 0);
  g_assert_true (yeastar_report_request_check_length (invalid, format, NULL, NULL));
}

static void
test_limit (void)
{
  g_autoptr(YeastarDateFormat) format = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '-', FALSE);
  gsize base = OVERHEAD + strlen ("type=extcallstatistics&ext_id_list=");
  /* Each ID but the first costs six bytes, the first five. */
  guint fits = (YEASTAR_MAX_REQUEST_LINE - base + 1) / 6;
  g_autoptr(YeastarReportRequest) at_limit = extension_request (fits);
  g_autoptr(YeastarReportRequest) over = extension_request (fits + 1);
  g_autoptr(GError) error = NULL;
  YeastarParam param = 0;

  g_assert_cmpuint (yeastar_report_request_measure (at_limit, format), <=, YEASTAR_MAX_REQUEST_LINE);
  g_assert_cmpuint (yeastar_report_request_measure (over, format), >, YEASTAR_MAX_REQUEST_LINE);

  g_assert_true (yeastar_report_request_check_length (at_limit, format, &param, &error));
  g_assert_no_error (error);
  g_assert_cmpint (param, ==, YEASTAR_N_PARAMS);

  g_assert_false (yeastar_report_request_check_length (over, format, &param, &error));
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  g_assert_cmpint (param, ==, YEASTAR_PARAM_EXT_ID_LIST);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "ext_id_list"));
  g_assert_nonnull (strstr (error->message, "request too long"));
  g_assert_nonnull (strstr (error->message, "groups"));
  {
    g_autofree char *count = g_strdup_printf ("%u IDs", fits + 1);

    g_assert_nonnull (strstr (error->message, count));
  }
}

/* Select All on 20,000 extensions: refused, naming the longest list. */
static void
test_select_all (void)
{
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autofree char *ids = id_list (20000);
  g_autoptr(GError) error = NULL;
  YeastarParam param = 0;

  yeastar_report_request_set_report_type (request, "extcallbilling");
  yeastar_report_request_set_value (request, YEASTAR_PARAM_EXT_ID_LIST, ids);
  yeastar_report_request_set_value (request, YEASTAR_PARAM_TRUNK_ID_LIST, "3,4");

  g_assert_false (yeastar_report_request_check_length (request, NULL, &param, &error));
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_INVALID_REQUEST);
  g_assert_cmpint (param, ==, YEASTAR_PARAM_EXT_ID_LIST);
  g_assert_nonnull (strstr (error->message, "20000 IDs"));
}

/* Without the PBX's format the longest spelling of the dates counts:
 * 12 hours with AM/PM. */
static void
test_longest_format (void)
{
  g_autoptr(YeastarDateFormat) h24 = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_YMD, '/', FALSE);
  g_autoptr(YeastarDateFormat) h12 = yeastar_date_format_new_full (YEASTAR_DATE_ORDER_MDY, '-', TRUE);
  g_autoptr(YeastarReportRequest) request = extension_request (3);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 7, 31, 23, 59, 59);

  yeastar_report_request_set_start_time (request, start);
  yeastar_report_request_set_end_time (request, end);

  /* " AM" and " PM", each space sent as %20: 5 bytes a date. */
  g_assert_cmpuint (yeastar_report_request_measure (request, h12), ==,
                    yeastar_report_request_measure (request, h24) + 10);
  g_assert_cmpuint (yeastar_report_request_measure (request, NULL), ==,
                    yeastar_report_request_measure (request, h12));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yeastar/request-length/measure", test_measure);
  g_test_add_func ("/yeastar/request-length/limit", test_limit);
  g_test_add_func ("/yeastar/request-length/select-all", test_select_all);
  g_test_add_func ("/yeastar/request-length/longest-format", test_longest_format);

  return g_test_run ();
}
