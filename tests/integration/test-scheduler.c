/* test-scheduler.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "reports-scheduler.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "yeastar-simulator.h"

/*
 * The in-app scheduler (what runs sets inside Flatpak) with a clock the
 * test moves, against a simulated PBX over HTTP on 127.0.0.1: a run
 * missed while the computer was off runs once, the next run follows the
 * run, a set without a schedule never runs, a set scheduled later only
 * runs from then on. Each test has its own XDG folders
 * (G_TEST_OPTION_ISOLATE_DIRS), so the store and the states are its own.
 */

#define CLIENT_ID "sched-client"
#define SECRET "Sch3dule-Secret-0a1b2c3d4e"

typedef struct
{
  YeastarSimulator *sim;
  char             *uri;
  char             *out_dir;
  GDateTime        *now;
  ReportsScheduler *scheduler;
  GPtrArray        *finished;  /* ReportsSetRun */
  guint             started;
  gboolean          no_secret;
} Fixture;

static GDateTime *
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return g_date_time_ref (f->now);
}

static char *
fixture_secret (const ReportsSetPbx *pbx,
                gpointer             user_data)
{
  Fixture *f = user_data;

  g_assert_cmpstr (pbx->client_id, ==, CLIENT_ID);

  return f->no_secret ? NULL : g_strdup (SECRET);
}

static void
on_run_started (ReportsScheduler *scheduler,
                ReportsSetRun    *run,
                Fixture          *f)
{
  f->started++;
}

static void
on_run_finished (ReportsScheduler *scheduler,
                 ReportsSetRun    *run,
                 const GError     *error,
                 Fixture          *f)
{
  g_assert_no_error (error);
  g_ptr_array_add (f->finished, g_object_ref (run));
}

static void
set_now (Fixture *f,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_clear_pointer (&f->now, g_date_time_unref);
  f->now = g_date_time_new_local (2026, month, day, hour, minute, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) clock = g_date_time_new (zone, 2026, 12, 1, 9, 0, 0);

  f->out_dir = g_build_filename (g_get_user_data_dir (), "Reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->out_dir, 0700), ==, 0);

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim,
                "client-id", CLIENT_ID,
                "client-secret", SECRET,
                "device-name", "Main Office",
                "clock", clock,
                NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->uri = yeastar_simulator_dup_base_uri (f->sim);

  set_now (f, 12, 1, 9, 0);
  f->finished = g_ptr_array_new_with_free_func (g_object_unref);
  f->scheduler = reports_scheduler_new ();
  reports_scheduler_set_clock (f->scheduler, fixture_clock, f);
  reports_scheduler_set_secret_func (f->scheduler, fixture_secret, f);
  g_signal_connect (f->scheduler, "run-started", G_CALLBACK (on_run_started), f);
  g_signal_connect (f->scheduler, "run-finished", G_CALLBACK (on_run_finished), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->scheduler);
  g_clear_pointer (&f->finished, g_ptr_array_unref);
  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->uri, g_free);
  g_clear_pointer (&f->out_dir, g_free);
  g_clear_pointer (&f->now, g_date_time_unref);
}

/* A set of two reports on the simulator, daily at 07:00 unless
 * @schedule is FALSE. */
static void
save_set (Fixture    *f,
          const char *name,
          gboolean    schedule)
{
  g_autoptr(ReportsSet) set = reports_set_new (name);
  g_autoptr(GError) error = NULL;
  ReportsSchedule daily = { REPORTS_SCHEDULE_DAILY, 0, 0, 7, 0 };
  ReportsSetReport *report;
  ReportsPeriod period;

  reports_set_set_output (set, f->out_dir);
  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new (f->uri, CLIENT_ID)));

  g_assert_true (reports_period_parse ("last-month", &period, NULL));
  report = reports_set_report_new ("queueperformance", &period);
  report->values[YEASTAR_PARAM_QUEUE_ID_LIST] = g_strdup ("1");
  reports_set_add_report (set, report);

  g_assert_true (reports_period_parse ("yesterday", &period, NULL));
  report = reports_set_report_new ("trunkactivity", &period);
  report->values[YEASTAR_PARAM_TRUNK_ID_LIST] = g_strdup ("3");
  reports_set_add_report (set, report);

  if (schedule)
    reports_set_set_schedule (set, &daily);

  g_assert_true (reports_set_store_save (set, TRUE, &error));
  g_assert_no_error (error);
}

static void
save_last_run (const char *name,
               GDateTime  *last_run,
               GDateTime  *scheduled)
{
  g_autoptr(ReportsSetState) state = reports_set_state_load (name);
  g_autoptr(GError) error = NULL;

  state->last_run = last_run != NULL ? g_date_time_to_unix (last_run) : 0;
  state->scheduled = scheduled != NULL ? g_date_time_to_unix (scheduled) : 0;
  g_assert_true (reports_set_state_save (state, name, &error));
  g_assert_no_error (error);
}

static void
wait_for_runs (Fixture *f,
               guint    n)
{
  while (f->finished->len < n)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (reports_scheduler_get_n_running (f->scheduler), ==, 0);
}

static void
assert_next_run (Fixture *f,
                 const char *name,
                 int         month,
                 int         day)
{
  g_autoptr(GDateTime) next = reports_scheduler_dup_next_run (f->scheduler, name);
  g_autoptr(GDateTime) expected = g_date_time_new_local (2026, month, day, 7, 0, 0);

  g_assert_nonnull (next);
  g_assert_true (g_date_time_equal (next, expected));
}

/* Off from Saturday to Tuesday 09:00: the three missed 07:00 runs are one
 * run, at once; the next is Wednesday 07:00, not before. */
static void
test_catch_up_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) last = g_date_time_new_local (2026, 11, 28, 7, 0, 0);
  g_autoptr(ReportsSetState) state = NULL;
  ReportsSetRun *run;

  save_set (f, "Daily", TRUE);
  save_last_run ("Daily", last, NULL);

  reports_scheduler_start (f->scheduler);
  g_assert_cmpuint (reports_scheduler_get_n_scheduled (f->scheduler), ==, 1);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_cmpuint (reports_scheduler_get_n_running (f->scheduler), ==, 1);
  wait_for_runs (f, 1);

  run = g_ptr_array_index (f->finished, 0);
  g_assert_cmpuint (reports_set_run_get_n_results (run), ==, 2);
  g_assert_cmpuint (reports_set_run_get_n_failed (run), ==, 0);
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_file_test (reports_set_run_get_result (run, i)->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_GET_TOKEN), ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_request_count (f->sim, YEASTAR_SIMULATOR_DEL_TOKEN), ==, 1);

  /* Recorded at the scheduler's clock, as `call-reports run` records. */
  state = reports_set_state_load ("Daily");
  g_assert_cmpint (state->last_run, ==, g_date_time_to_unix (f->now));
  g_assert_cmpuint (state->n_saved, ==, 2);
  g_assert_cmpuint (state->files->len, ==, 2);

  /* Checking again (the timer, a reload) runs nothing more today. */
  reports_scheduler_check (f->scheduler);
  reports_scheduler_reload (f->scheduler);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 1);
  assert_next_run (f, "Daily", 12, 2);

  set_now (f, 12, 2, 6, 59);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 1);

  set_now (f, 12, 2, 7, 0);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 2);
  wait_for_runs (f, 2);
  assert_next_run (f, "Daily", 12, 3);
  g_assert_cmpuint (yeastar_simulator_get_live_token_count (f->sim), ==, 0);
}

/* A set without a schedule never runs, however long ago it ran; once
 * scheduled, it counts, and is dropped again when its schedule goes. */
static void
test_disabled (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) last = g_date_time_new_local (2026, 10, 1, 7, 0, 0);

  save_set (f, "Manual", FALSE);
  save_last_run ("Manual", last, NULL);

  reports_scheduler_start (f->scheduler);
  g_assert_cmpuint (reports_scheduler_get_n_scheduled (f->scheduler), ==, 0);
  g_assert_null (reports_scheduler_dup_next_run (f->scheduler, "Manual"));
  set_now (f, 12, 9, 9, 0);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 0);

  /* Scheduled today at 08:00 (as reports_set_schedule_enable_async()
   * records it): the old manual run is no missed run. */
  save_set (f, "Manual", TRUE);
  {
    g_autoptr(GDateTime) scheduled = g_date_time_new_local (2026, 12, 9, 8, 0, 0);

    save_last_run ("Manual", last, scheduled);
  }
  reports_scheduler_reload (f->scheduler);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (reports_scheduler_get_n_scheduled (f->scheduler), ==, 1);
  g_assert_cmpuint (f->started, ==, 0);
  assert_next_run (f, "Manual", 12, 10);

  save_set (f, "Manual", FALSE);
  reports_scheduler_reload (f->scheduler);
  g_assert_cmpuint (reports_scheduler_get_n_scheduled (f->scheduler), ==, 0);
  set_now (f, 12, 10, 7, 30);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

/* Never ran and no record of when it was scheduled: the first run is the
 * schedule's next time after the scheduler first saw it. */
static void
test_never_ran (Fixture       *f,
                gconstpointer  data)
{
  save_set (f, "New", TRUE);

  reports_scheduler_start (f->scheduler);
  g_assert_cmpuint (f->started, ==, 0);
  assert_next_run (f, "New", 12, 2);

  set_now (f, 12, 2, 7, 1);
  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 1);
  wait_for_runs (f, 1);
}

/* No secret in the keyring: the run fails report by report, is recorded
 * with its reason, and counts as the run (no retry every check). */
static void
test_no_secret (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) last = g_date_time_new_local (2026, 11, 30, 7, 0, 0);
  g_autoptr(ReportsSetState) state = NULL;
  ReportsSetRun *run;

  f->no_secret = TRUE;
  save_set (f, "Daily", TRUE);
  save_last_run ("Daily", last, NULL);

  reports_scheduler_start (f->scheduler);
  wait_for_runs (f, 1);
  run = g_ptr_array_index (f->finished, 0);
  g_assert_cmpuint (reports_set_run_get_n_failed (run), ==, 2);
  g_assert_nonnull (strstr (reports_set_run_get_result (run, 0)->error->message, "in the keyring"));

  state = reports_set_state_load ("Daily");
  g_assert_cmpuint (state->n_failed, ==, 2);
  g_assert_nonnull (strstr (state->message, CLIENT_ID));

  reports_scheduler_check (f->scheduler);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_cmpuint (yeastar_simulator_get_total_request_count (f->sim), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Local time with daylight saving, not the PBX's zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/scheduler/catch-up-once", test_catch_up_once);
  ADD ("/scheduler/disabled", test_disabled);
  ADD ("/scheduler/never-ran", test_never_ran);
  ADD ("/scheduler/no-secret", test_no_secret);

  return g_test_run ();
}
