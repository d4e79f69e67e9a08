/* test-set-run-records.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reports-download-history-private.h"
#include "reports-set-run-records.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "yeastar-simulator.h"

/*
 * A set run as the Reports page lists it, against a simulated PBX over
 * HTTP on 127.0.0.1: each report is a record of the download history
 * from the start, with the set's name; the run reports the bytes of each
 * transfer as they arrive; the records end saved (their file and size),
 * cancelled or failed; one report is cancelled alone; and a report is
 * retried with the set's PBX. One login and one del_token per run, at
 * most 4 downloads at once. Each test has its own XDG folders.
 */

#define CLIENT_ID "records-client"
#define SECRET "R3cords-Secret-0a1b2c3d4e"
#define REPORT_SIZE (3 * 1024 * 1024)
#define N_REPORTS 6

typedef struct
{
  YeastarSimulator       *sim;
  char                   *uri;
  char                   *out_dir;
  ReportsDownloadHistory *history;
  GFile                  *history_file;
  guint                   active;
  guint                   max_active;
  guint                  *n_progress;
  guint64                *last_received;
  gint64                 *last_total;
  gboolean                done;
  GError                 *error;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->out_dir = g_build_filename (g_get_user_data_dir (), "Reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->out_dir, 0700), ==, 0);

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim,
                "client-id", CLIENT_ID,
                "client-secret", SECRET,
                "device-name", "Main Office",
                "report-size", (guint64) REPORT_SIZE,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->uri = yeastar_simulator_dup_base_uri (f->sim);

  f->history_file = g_file_new_build_filename (g_get_user_state_dir (), "call-reports", "downloads.gvariant", NULL);
  f->history = reports_download_history_new (f->history_file);
  f->n_progress = g_new0 (guint, N_REPORTS);
  f->last_received = g_new0 (guint64, N_REPORTS);
  f->last_total = g_new0 (gint64, N_REPORTS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->history_file);
  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->uri, g_free);
  g_clear_pointer (&f->out_dir, g_free);
  g_clear_pointer (&f->n_progress, g_free);
  g_clear_pointer (&f->last_received, g_free);
  g_clear_pointer (&f->last_total, g_free);
  g_clear_error (&f->error);
}

/* @n_reports reports of the simulator, each on its own period. */
static ReportsSet *
new_set (Fixture *f,
         guint    n_reports)
{
  static const char *periods[] = { "last-month", "this-month", "yesterday", "today", "last-week", "this-week" };
  ReportsSet *set = reports_set_new ("Monthly Pack");

  reports_set_set_output (set, f->out_dir);
  reports_set_set_name_template (set, "{type}-{period}");
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new (f->uri, CLIENT_ID)));

  for (guint i = 0; i < n_reports; i++)
    {
      ReportsPeriod period;
      ReportsSetReport *report;

      g_assert_true (reports_period_parse (periods[i % G_N_ELEMENTS (periods)], &period, NULL));
      report = reports_set_report_new ("queueperformance", &period);
      report->values[YEASTAR_PARAM_QUEUE_ID_LIST] = g_strdup ("6,7");
      reports_set_add_report (set, report);
    }

  return set;
}

static void
on_started (ReportsSetRun *run,
            guint          index,
            Fixture       *f)
{
  f->active++;
  f->max_active = MAX (f->max_active, f->active);
}

static void
on_progress (ReportsSetRun *run,
             guint          index,
             Fixture       *f)
{
  const ReportsSetResult *result = reports_set_run_get_result (run, index);
  ReportsDownloadRecord *record = reports_set_run_records_get (run, index);

  g_assert_false (result->done);
  f->n_progress[index]++;
  f->last_received[index] = result->received;
  f->last_total[index] = result->total;
  /* The record follows at once. */
  g_assert_cmpuint (reports_download_record_get_received (record), ==, result->received);
  g_assert_cmpint (reports_download_record_get_total (record), ==, result->total);
}

static void
on_finished (ReportsSetRun *run,
             guint          index,
             Fixture       *f)
{
  if (reports_set_run_get_result (run, index)->path != NULL ||
      g_error_matches (reports_set_run_get_result (run, index)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (f->active > 0)
        f->active--;
    }
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  if (!reports_set_run_start_finish (REPORTS_SET_RUN (source), result, &f->error))
    reports_set_run_records_fail (REPORTS_SET_RUN (source), f->error);
  f->done = TRUE;
}

static ReportsSetRun *
start_run (Fixture    *f,
           ReportsSet *set)
{
  ReportsSetRun *run = reports_set_run_new (set);

  reports_set_run_set_secret (run, 0, SECRET);
  reports_set_run_records_attach (run, f->history);
  g_signal_connect (run, "report-started", G_CALLBACK (on_started), f);
  g_signal_connect (run, "report-progress", G_CALLBACK (on_progress), f);
  g_signal_connect (run, "report-finished", G_CALLBACK (on_finished), f);
  f->done = FALSE;
  reports_set_run_start_async (run, NULL, on_done, f);

  return run;
}

static void
wait_done (Fixture *f)
{
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
}

static ReportsDownloadRecord *
nth (ReportsDownloadHistory *history,
     guint                   position)
{
  ReportsDownloadRecord *record = g_list_model_get_item (G_LIST_MODEL (history), position);

  g_object_unref (record);
  return record;
}

/* Every report listed before anything is asked of the PBX, in the set's
 * order, then each one's bytes, its file, its size. */
static void
test_records_follow_run (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, N_REPORTS);
  g_autoptr(ReportsSetRun) run = NULL;
  g_autoptr(ReportsDownloadHistory) again = reports_download_history_new (f->history_file);

  run = start_run (f, set);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, N_REPORTS);
  for (guint i = 0; i < N_REPORTS; i++)
    {
      ReportsDownloadRecord *record = nth (f->history, i);

      g_assert_true (record == reports_set_run_records_get (run, i));
      g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_RUNNING);
      g_assert_cmpstr (reports_download_record_get_set_name (record), ==, "Monthly Pack");
      g_assert_cmpuint (reports_download_record_get_set_report (record), ==, i);
      g_assert_cmpstr (reports_download_record_get_pbx_uri (record), ==, f->uri);
      g_assert_cmpstr (reports_download_record_get_pbx_name (record), ==, "127.0.0.1");
      g_assert_cmpstr (reports_download_record_get_folder (record), ==, f->out_dir);
      g_assert_nonnull (reports_download_record_get_cancellable (record));
    }

  wait_done (f);
  g_assert_no_error (f->error);

  g_assert_cmpuint (f->max_active, >=, 2);
  g_assert_cmpuint (f->max_active, <=, REPORTS_SET_RUN_MAX_CONCURRENT);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);

  for (guint i = 0; i < N_REPORTS; i++)
    {
      const ReportsSetResult *result = reports_set_run_get_result (run, i);
      ReportsDownloadRecord *record = reports_set_run_records_get (run, i);
      g_autoptr(GVariant) time = NULL;
      struct stat st;

      g_assert_no_error (result->error);
      g_assert_cmpint (g_stat (result->path, &st), ==, 0);
      g_assert_cmpuint (st.st_size, ==, REPORT_SIZE);

      /* The bytes as they came: more than once, up to the whole file. */
      g_assert_cmpuint (f->n_progress[i], >, 1);
      g_assert_cmpuint (f->last_received[i], ==, REPORT_SIZE);
      g_assert_cmpint (f->last_total[i], ==, REPORT_SIZE);

      g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_DONE);
      g_assert_cmpstr (reports_download_record_get_path (record), ==, result->path);
      g_assert_cmpuint (reports_download_record_get_size (record), ==, REPORT_SIZE);
      g_assert_cmpstr (reports_download_record_get_pbx_name (record), ==, "Main Office");
      g_assert_null (reports_download_record_get_cancellable (record));
      /* The period as the PBX's clock made it, for the row's title. */
      time = g_variant_lookup_value (reports_download_record_get_values (record), "start_time", G_VARIANT_TYPE_STRING);
      g_assert_nonnull (time);
    }

  g_test_message ("The list was written %u times for a run of %u reports",
                  _reports_download_history_get_n_saves (f->history), N_REPORTS);

  /* Kept as they ended, once what waits is written. */
  reports_download_history_flush (f->history);
  g_assert_true (reports_download_history_load (again, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, N_REPORTS);
  g_assert_cmpint (reports_download_record_get_status (nth (again, 0)), ==, REPORTS_DOWNLOAD_DONE);
  g_assert_cmpstr (reports_download_record_get_set_name (nth (again, 0)), ==, "Monthly Pack");
  g_assert_cmpstr (reports_download_record_get_pbx_name (nth (again, 0)), ==, "Main Office");
}

/* Cancel on one record stops that report only; the token goes. */
static void
test_cancel_one (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 3);
  g_autoptr(ReportsSetRun) run = start_run (f, set);

  g_cancellable_cancel (reports_download_record_get_cancellable (reports_set_run_records_get (run, 1)));
  wait_done (f);
  g_assert_no_error (f->error);

  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 0)), ==, REPORTS_DOWNLOAD_DONE);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 1)), ==, REPORTS_DOWNLOAD_CANCELLED);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 2)), ==, REPORTS_DOWNLOAD_DONE);
  g_assert_null (reports_set_run_get_result (run, 1)->path);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 2);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
}

/* Cancel of the whole run before its reports resolve: each record is
 * cancelled, none failed. */
static void
test_cancel_run (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 3);
  g_autoptr(ReportsSetRun) run = reports_set_run_new (set);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  reports_set_run_set_secret (run, 0, SECRET);
  reports_set_run_records_attach (run, f->history);
  f->done = FALSE;
  reports_set_run_start_async (run, cancellable, on_done, f);
  g_cancellable_cancel (cancellable);
  wait_done (f);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, i)), ==,
                     REPORTS_DOWNLOAD_CANCELLED);
}

/* Cancel while the Report Sets window still looks up the PBX's secret
 * (the lookup, cancelled too, says the keyring could not be read): the
 * reports are cancelled, not failed for a missing secret; nothing is
 * asked of the PBX; the run's record says it was cancelled, with no
 * failure, across a save. */
static void
test_cancel_before_start (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 3);
  g_autoptr(ReportsSetRun) run = reports_set_run_new (set);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) lookup_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_autoptr(GError) missing = reports_set_pbx_new_missing_secret_error (reports_set_get_pbx (set, 0), lookup_error);
  g_autoptr(ReportsSetState) state = reports_set_state_new ();
  g_autoptr(ReportsSetState) loaded = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  reports_set_run_set_pbx_error (run, 0, missing);
  reports_set_run_records_attach (run, f->history);
  f->done = FALSE;
  g_cancellable_cancel (cancellable);
  reports_set_run_start_async (run, cancellable, on_done, f);
  wait_done (f);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  for (guint i = 0; i < 3; i++)
    {
      ReportsDownloadRecord *record = reports_set_run_records_get (run, i);

      g_assert_error (reports_set_run_get_result (run, i)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_CANCELLED);
      g_assert_null (reports_download_record_get_cancellable (record));
    }
  g_assert_cmpuint (reports_set_run_get_n_cancelled (run), ==, 3);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);

  reports_set_state_record (state, run, now);
  g_assert_cmpuint (state->n_saved, ==, 0);
  g_assert_cmpuint (state->n_failed, ==, 0);
  g_assert_cmpuint (state->n_cancelled, ==, 3);
  g_assert_null (state->message);
  g_assert_true (reports_set_state_save (state, "Monthly Pack", &error));
  g_assert_no_error (error);
  loaded = reports_set_state_load ("Monthly Pack");
  g_assert_cmpuint (loaded->n_cancelled, ==, 3);
  g_assert_cmpuint (loaded->n_failed, ==, 0);
}

/* A run cancelled as a whole after its records were listed and before
 * they finished: those still running are cancelled, not failed. */
static void
test_cancel_records (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 2);
  g_autoptr(ReportsSetRun) run = reports_set_run_new (set);
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_autoptr(GError) failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "gone");

  reports_set_run_records_attach (run, f->history);
  reports_download_record_set_status (reports_set_run_records_get (run, 1), REPORTS_DOWNLOAD_DONE);
  reports_set_run_records_fail (run, cancelled);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 0)), ==,
                   REPORTS_DOWNLOAD_CANCELLED);
  g_assert_null (reports_download_record_get_cancellable (reports_set_run_records_get (run, 0)));
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 1)), ==,
                   REPORTS_DOWNLOAD_DONE);

  /* Any other error fails them. */
  reports_download_record_set_status (reports_set_run_records_get (run, 0), REPORTS_DOWNLOAD_RUNNING);
  reports_set_run_records_fail (run, failed);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (run, 0)), ==,
                   REPORTS_DOWNLOAD_FAILED);
}

/* A run that cannot start (its folder is gone) fails each record with
 * the reason; a PBX without a secret fails its records with its own. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 2);
  g_autoptr(ReportsSetRun) run = NULL;
  g_autoptr(ReportsSetRun) no_secret = NULL;
  g_autofree char *gone = g_strconcat (f->out_dir, "-gone", NULL);

  g_assert_cmpint (g_rename (f->out_dir, gone), ==, 0);
  run = start_run (f, set);
  wait_done (f);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  for (guint i = 0; i < 2; i++)
    {
      ReportsDownloadRecord *record = reports_set_run_records_get (run, i);

      g_assert_cmpint (reports_download_record_get_status (record), ==, REPORTS_DOWNLOAD_FAILED);
      g_assert_nonnull (strstr (reports_download_record_get_message (record), "cannot be used"));
    }
  g_assert_cmpint (g_rename (gone, f->out_dir), ==, 0);
  g_clear_error (&f->error);

  no_secret = reports_set_run_new (set);
  reports_set_run_records_attach (no_secret, f->history);
  f->done = FALSE;
  reports_set_run_start_async (no_secret, NULL, on_done, f);
  wait_done (f);
  g_assert_no_error (f->error);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (no_secret, 0)), ==,
                   REPORTS_DOWNLOAD_FAILED);
  g_assert_nonnull (strstr (reports_download_record_get_message (reports_set_run_records_get (no_secret, 0)),
                            "No Client Secret"));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, 4);
}

/* Retry of a set's report: the set as saved, with that PBX and report
* only, found again when the set's reports moved; gone sets say so. */
static void
test_retry_set (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set (f, 3);
  g_autoptr(ReportsSetRun) run = NULL;
  g_autoptr(ReportsSet) retry = NULL;
  g_autoptr(ReportsSetRun) again = NULL;
  g_autoptr(GError) error = NULL;
  ReportsSetReport *report;
  ReportsPeriod period;
  ReportsDownloadRecord *record;

  g_assert_true (reports_period_parse ("yesterday", &period, NULL));
  report = reports_set_report_new ("trunkactivity", &period);
  report->values[YEASTAR_PARAM_TRUNK_ID_LIST] = g_strdup ("3");
  reports_set_add_report (set, report);
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new ("https://192.0.2.1:8088", "other")));
  g_assert_true (reports_set_store_save (set, TRUE, &error));
  g_assert_no_error (error);

  run = reports_set_run_new (set);
  reports_set_run_records_attach (run, f->history);
  /* The first PBX's trunkactivity, at its place. */
  record = reports_set_run_records_get (run, 3);
  g_assert_cmpstr (reports_download_record_get_report_type (record), ==, "trunkactivity");

  retry = reports_set_run_records_dup_retry_set (record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports_set_get_n_pbxs (retry), ==, 1);
  g_assert_cmpstr (reports_set_get_pbx (retry, 0)->server, ==, f->uri);
  g_assert_cmpstr (reports_set_get_pbx (retry, 0)->client_id, ==, CLIENT_ID);
  g_assert_cmpuint (reports_set_get_n_reports (retry), ==, 1);
  g_assert_cmpstr (reports_set_get_report (retry, 0)->type, ==, "trunkactivity");
  g_assert_cmpstr (reports_set_get_name (retry), ==, "Monthly Pack");

  /* It runs with one login, and is listed again. */
  again = start_run (f, retry);
  wait_done (f);
  g_assert_no_error (f->error);
  g_assert_cmpint (reports_download_record_get_status (reports_set_run_records_get (again, 0)), ==,
                   REPORTS_DOWNLOAD_DONE);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_REPORT), ==, 1);
  g_clear_object (&retry);

  /* The set's reports moved: found by type. */
  g_assert_true (reports_set_remove_report (set, 0));
  g_assert_true (reports_set_store_save (set, TRUE, &error));
  retry = reports_set_run_records_dup_retry_set (record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reports_set_get_report (retry, 0)->type, ==, "trunkactivity");
  g_clear_object (&retry);

  /* Without the report, without the PBX, without the set. */
  g_assert_true (reports_set_remove_report (set, 2));
  g_assert_true (reports_set_store_save (set, TRUE, &error));
  retry = reports_set_run_records_dup_retry_set (record, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (retry);
  g_clear_error (&error);

  g_assert_true (reports_set_remove_pbx (set, 0));
  g_assert_true (reports_set_store_save (set, TRUE, &error));
  retry = reports_set_run_records_dup_retry_set (reports_set_run_records_get (run, 0), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (reports_set_store_delete ("Monthly Pack", NULL));
  retry = reports_set_run_records_dup_retry_set (reports_set_run_records_get (run, 0), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (retry);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/common/set-run-records/follow-run", test_records_follow_run);
  ADD ("/common/set-run-records/cancel-one", test_cancel_one);
  ADD ("/common/set-run-records/cancel-run", test_cancel_run);
  ADD ("/common/set-run-records/cancel-before-start", test_cancel_before_start);
  ADD ("/common/set-run-records/cancel-records", test_cancel_records);
  ADD ("/common/set-run-records/failures", test_failures);
  ADD ("/common/set-run-records/retry-set", test_retry_set);

  return g_test_run ();
}
