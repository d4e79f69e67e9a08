/* test-event-stream.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "client-test-util.h"
#include "yeastar-event-stream.h"

static YeastarReportLink *
request_async_report (Fixture       *f,
                      const char    *type,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(YeastarReportRequest) request = new_full_request (type);
  g_autoptr(GAsyncResult) result = NULL;

  yeastar_report_request_set_async (request, TRUE);
  yeastar_client_request_report_async (f->client, request, cancellable, store_result_cb, &result);
  return yeastar_client_request_report_finish (f->client, wait_result (&result), error);
}

static void
test_async_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(YeastarReportLink) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  link = request_async_report (f, "queueagentperformance", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_true (g_str_has_prefix (yeastar_report_link_get_url (link), "/api/download/"));
  g_assert_cmpstr (yeastar_report_link_get_file (link), !=, "");

  query = yeastar_simulator_dup_last_query (f->sim, YEASTAR_SIMULATOR_REPORT);
  g_assert_true (g_str_has_suffix (query, "&is_async=1"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE), ==, 1);

  /* The subscription is kept for the next one. */
  second = request_async_report (f, "ivr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE), ==, 1);
  g_assert_cmpstr (yeastar_report_link_get_url (second), !=, yeastar_report_link_get_url (link));
}

static void
test_msg_as_string (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (f->sim, "event-msg-as-string", TRUE, NULL);
  link = request_async_report (f, "extcallstatistics", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (yeastar_report_link_get_url (link), "/api/download/"));
}

static void
test_failure_result (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REPORT, YEASTAR_SIMULATOR_FAULT_REPORT_FAILED, 1);
  link = request_async_report (f, "ivr", NULL, &error);
  g_assert_null (link);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_REPORT_FAILED);
  g_assert_nonnull (strstr (error->message, "Failed to generate the report file"));
  assert_no_secrets (f->sim, error);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (f->sim, "async-delay-ms", 60000, NULL);
  yeastar_client_set_report_timeout (f->client, 1);
  link = request_async_report (f, "ivr", NULL, &error);
  g_assert_null (link);
  g_assert_error (error, YEASTAR_ERROR, YEASTAR_ERROR_TIMEOUT);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  gint64 started = g_get_monotonic_time ();

  /* The caller hears of the cancellation at once, long before the event. */
  g_object_set (f->sim, "async-delay-ms", 3000, NULL);
  g_timeout_add (300, cancel_cb, cancellable);
  link = request_async_report (f, "ivr", cancellable, &error);
  g_assert_null (link);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);

  /* The request holds the client until its event came (and was dropped). */
  spin_for (3500);
}

static void
on_report_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Spins until @done, for at most 10 s. */
static void
spin_until_or_fail (gboolean (*done)(gpointer), gpointer data)
{
  gboolean passed = FALSE;
  guint deadline = g_timeout_add_seconds (10, flag_timeout_cb, &passed);

  while (!done (data) && !passed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (passed);
  g_source_remove (deadline);
}

static gboolean
has_held_event (gpointer data)
{
  return yeastar_simulator_get_held_event_count (data) > 0;
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Event 30027 names no request. A request cancelled while the PBX
 * prepares its report keeps its place until its event came, and that
 * event is dropped: the next request gets its own report, never the
 * cancelled one's. */
static void
test_cancelled_keeps_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(YeastarReportRequest) first = new_full_request ("ivr");
  g_autoptr(YeastarReportRequest) second = new_full_request ("queueagentperformance");
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests;

  yeastar_simulator_hold_events (f->sim);

  /* A: the PBX answers PROCESSING and has its event ready. */
  yeastar_report_request_set_async (first, TRUE);
  yeastar_client_request_report_async (f->client, first, cancellable, on_report_done, &first_result);
  spin_until_or_fail (has_held_event, f->sim);

  /* Cancelled, A ends at once for its caller. */
  g_cancellable_cancel (cancellable);
  spin_until_or_fail (has_result, &first_result);
  link = yeastar_client_request_report_finish (f->client, first_result, &error);
  g_assert_null (link);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* B waits: A's event is still to come. */
  yeastar_report_request_set_async (second, TRUE);
  yeastar_client_request_report_async (f->client, second, NULL, on_report_done, &second_result);
  spin_for (500);
  g_assert_null (second_result);
  n_requests = yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT);

  /* A's event comes and is dropped; then B is asked for and gets B. */
  yeastar_simulator_release_events (f->sim);
  spin_until_or_fail (has_result, &second_result);
  link = yeastar_client_request_report_finish (f->client, second_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpstr (yeastar_report_link_get_file (link), !=, NULL);
  if (!g_str_has_prefix (yeastar_report_link_get_file (link), "AgentPerformance-"))
    g_error ("the agent performance request got %s", yeastar_report_link_get_file (link));

  /* B was asked for only once A's event had come. */
  g_assert_cmpuint (n_requests, ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 2);
}

/* Two asynchronous requests at once are asked for one after the other,
 * each getting its own report. */
static void
test_one_at_a_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(YeastarReportRequest) first = new_full_request ("ivr");
  g_autoptr(YeastarReportRequest) second = new_full_request ("queueagentperformance");
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(YeastarReportLink) first_link = NULL;
  g_autoptr(YeastarReportLink) second_link = NULL;
  g_autoptr(GError) error = NULL;

  yeastar_report_request_set_async (first, TRUE);
  yeastar_report_request_set_async (second, TRUE);
  yeastar_client_request_report_async (f->client, first, NULL, on_report_done, &first_result);
  yeastar_client_request_report_async (f->client, second, NULL, on_report_done, &second_result);

  spin_until_or_fail (has_result, &first_result);
  /* B was not sent before A's event came. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 1);
  first_link = yeastar_client_request_report_finish (f->client, first_result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (yeastar_report_link_get_file (first_link), "IVRReport-"));

  spin_until_or_fail (has_result, &second_result);
  second_link = yeastar_client_request_report_finish (f->client, second_result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (yeastar_report_link_get_file (second_link), "AgentPerformance-"));
}

static void
open_stream (YeastarEventStream *stream)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  yeastar_event_stream_open_async (stream, NULL, store_result_cb, &result);
  g_assert_true (yeastar_event_stream_open_finish (stream, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (yeastar_event_stream_get_connected (stream));
}

static void
test_heartbeat (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(YeastarEventStream) stream = yeastar_event_stream_new (f->client);

  yeastar_event_stream_set_heartbeat_interval (stream, 50);
  open_stream (stream);

  while (yeastar_simulator_get_heartbeat_count (f->sim) < 3)
    g_main_context_iteration (NULL, TRUE);

  yeastar_event_stream_close (stream);
  g_assert_false (yeastar_event_stream_get_connected (stream));
  spin_idle ();
  g_assert_finalize_object (g_steal_pointer (&stream));
}

static void
test_reconnect_after_drop (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(YeastarEventStream) stream = yeastar_event_stream_new (f->client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarReportLink) link = NULL;

  /* No heartbeat in time: the PBX drops the idle socket; the stream comes
   * back by itself and subscribes again. */
  g_object_set (f->sim, "websocket-idle-ms", 200, NULL);
  open_stream (stream);

  while (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE) < 2 ||
         !yeastar_event_stream_get_connected (stream))
    g_main_context_iteration (NULL, TRUE);

  /* Closed and opened again on a patient PBX, it delivers. */
  g_object_set (f->sim, "websocket-idle-ms", 60000, NULL);
  yeastar_event_stream_close (stream);
  open_stream (stream);
  yeastar_event_stream_wait_report_async (stream, 30, NULL, store_result_cb, &result);
  {
    g_autoptr(YeastarReportRequest) request = new_full_request ("ivr");
    g_autoptr(GAsyncResult) report_result = NULL;
    g_autoptr(YeastarReportLink) report_link = NULL;

    yeastar_report_request_set_async (request, TRUE);
    yeastar_client_request_report_async (f->client, request, NULL, store_result_cb, &report_result);
    report_link = yeastar_client_request_report_finish (f->client, wait_result (&report_result), &error);
    g_assert_no_error (error);
  }
  /* Our own stream saw the same event too (the wait started first). */
  link = yeastar_event_stream_wait_report_finish (stream, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);

  yeastar_event_stream_close (stream);
}

static void
test_reconnect_before_expiry (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(YeastarEventStream) stream = yeastar_event_stream_new (f->client);
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;

  /* A 2 s token is renewed after 1 s: the socket moves to a fresh token. */
  g_object_set (f->sim, "access-token-lifetime", 2, NULL);
  yeastar_event_stream_set_heartbeat_interval (stream, 100);
  open_stream (stream);

  while (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE) < 2 ||
         !yeastar_event_stream_get_connected (stream))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN), >=, 1);

  yeastar_event_stream_close (stream);
  spin_idle ();
  g_assert_finalize_object (g_steal_pointer (&stream));
}

static void
test_report_during_planned_reconnect (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(YeastarReportLink) second = NULL;
  g_autoptr(GError) error = NULL;

  /* A 2 s token: 1 s after login the stream moves to a fresh one, and the
   * stalled refresh_token holds that switch for 800 ms. Event 30027 comes
   * 1.3 s after the request, while the new socket is not up yet: the old
   * one must still be subscribed to deliver it. */
  g_object_set (f->sim,
                "access-token-lifetime", 2,
                "async-delay-ms", 1300,
                "stall-ms", 800,
                NULL);
  yeastar_simulator_inject_fault (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN, YEASTAR_SIMULATOR_FAULT_STALL, 1);
  yeastar_client_set_report_timeout (f->client, 5);

  link = request_async_report (f, "ivr", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  /* It was delivered during the switch: the refresh is still held. */
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REFRESH_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE), ==, 1);

  /* The new socket takes over; the next report is served by it, once. */
  while (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_SUBSCRIBE) < 2)
    g_main_context_iteration (NULL, TRUE);
  spin_for (100);
  g_object_set (f->sim, "async-delay-ms", 50, NULL);
  second = request_async_report (f, "queueagentperformance", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yeastar_report_link_get_url (second), !=, yeastar_report_link_get_url (link));
}

static void
on_event (YeastarEventStream *stream,
          int                 type,
          JsonObject         *msg,
          gpointer            user_data)
{
  int *seen = user_data;

  *seen = type;
  g_assert_nonnull (msg);
}

static void
test_event_signal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(YeastarEventStream) stream = yeastar_event_stream_new (f->client);
  g_autoptr(YeastarReportLink) link = NULL;
  g_autoptr(GError) error = NULL;
  int seen = 0;

  g_object_set (f->sim, "event-msg-as-string", TRUE, NULL);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), &seen);
  open_stream (stream);

  link = request_async_report (f, "ivr", NULL, &error);
  g_assert_no_error (error);
  while (seen == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (seen, ==, YEASTAR_EVENT_REPORT_DOWNLOAD);

  yeastar_event_stream_close (stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/yeastar/client/events/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("async-report", test_async_report);
  ADD ("msg-as-string", test_msg_as_string);
  ADD ("failure-result", test_failure_result);
  ADD ("timeout", test_timeout);
  ADD ("cancel", test_cancel);
  ADD ("cancelled-keeps-place", test_cancelled_keeps_place);
  ADD ("one-at-a-time", test_one_at_a_time);
  ADD ("heartbeat", test_heartbeat);
  ADD ("reconnect-after-drop", test_reconnect_after_drop);
  ADD ("reconnect-before-expiry", test_reconnect_before_expiry);
  ADD ("report-during-planned-reconnect", test_report_during_planned_reconnect);
  ADD ("event-signal", test_event_signal);

#undef ADD

  return g_test_run ();
}
