/* bench-minimal-window.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference of build-aux/bench.sh's start-up case: the least a
 * libadwaita application can show, an AdwApplicationWindow with a label.
 * It measures itself with the same code as call-reports does with
 * CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1 (src/ui/reports-bench.c): it
 * prints "first-frame-us N", the microseconds from launch (or load) to
 * the end of the first painted frame, and quits. */

#include "config.h"

#include <adwaita.h>

#include "reports-bench.h"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  /* The size of the Call Reports window by default, so both paint as much. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hello"));
  reports_bench_watch_first_frame (GTK_WINDOW (window));
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
