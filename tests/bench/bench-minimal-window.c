/* bench-minimal-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference of build-aux/bench.sh's start-up case: the least a
 * libadwaita application can show, an AdwApplicationWindow with a label.
 * It measures itself as call-reports does with
 * CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1 (src/ui/reports-bench.c): it
 * prints "first-frame-us N", the microseconds from launch (or load) to
 * the end of the first painted frame, and quits. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static gint64 load_time;

__attribute__((constructor)) static void
record_load_time (void)
{
  load_time = g_get_monotonic_time ();
}

/* CALL_REPORTS_BENCH_LAUNCH_US: when the benchmark launched the program
 * (CLOCK_MONOTONIC, as g_get_monotonic_time()), so that loading the
 * libraries counts too. Without it, from the load of the program. */
static gint64
start_time (void)
{
  const char *launch = g_getenv ("CALL_REPORTS_BENCH_LAUNCH_US");
  gint64 value = launch != NULL ? g_ascii_strtoll (launch, NULL, 10) : 0;

  return value > 0 && value <= load_time ? value : load_time;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
map_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  /* The size of the Call Reports window by default, so both paint as much. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.callreports.BenchMinimal", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
