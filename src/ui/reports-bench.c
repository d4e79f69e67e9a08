/* reports-bench.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports-bench.h"

/* The start-up measurement of build-aux/bench.sh, for developers only: it
 * is built into the app only with -Dbench=true or -Ddevelopment=true, and
 * into the benchmark's reference (tests/bench/bench-minimal-window.c).
 *
 *   CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1 call-reports
 *
 * prints "first-frame-us N" on standard output, N being the microseconds
 * from the launch (CALL_REPORTS_BENCH_LAUNCH_US, set by the benchmark) or
 * else from the moment the program was loaded (a constructor, before
 * main()) to the end of the window's first painted frame, and quits.
 * Without the variable this costs one getenv() per window. */

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

/* With CALL_REPORTS_BENCH_MAPS=1, "loaded PATH" for each network library
 * mapped at the first frame (tests/ui/test-startup-libraries.sh): the
 * network module and what it brings (json-glib too, which only the module
 * links) must not be loaded before it. */
static void
print_network_libraries (void)
{
  static const char * const names[] = {
    "call-reports-network", "libsoup-3.0", "libsecret-1", "libportal", "libjson-glib-1.0",
  };
  g_autofree char *maps = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    {
      printf ("maps unreadable\n");
      return;
    }
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *path = strchr (lines[i], '/');

      if (path == NULL || g_hash_table_contains (seen, path))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          if (strstr (path, names[j]) != NULL)
            {
              g_hash_table_add (seen, (gpointer) path);
              printf ("loaded %s\n", path);
              break;
            }
        }
    }
  printf ("maps read\n");
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start_time ());
  if (g_strcmp0 (g_getenv ("CALL_REPORTS_BENCH_MAPS"), "1") == 0)
    print_network_libraries ();
  fflush (stdout);

  if (app != NULL)
    g_application_quit (app);
  else
    exit (EXIT_SUCCESS);
}

static void
map_cb (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

void
reports_bench_watch_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("CALL_REPORTS_EXIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
