/* bench-viewer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RUSAGE_THREAD */
#define _GNU_SOURCE

#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <stdio.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#if __has_include (<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_TOGGLE_COLLECT
#endif

#include "reports-application.h"
#include "reports-chart.h"
#include "reports-report-view.h"
#include "reports-viewer-window.h"
#include "reports-window.h"

/*
 * The report viewer's timings for build-aux/bench.sh, in a display
 * (build-aux/ci-session.sh: Xvfb, the cairo renderer):
 *
 *   bench-viewer [--cold] FILE
 *
 * opens FILE in a ReportsViewerWindow, as the app does once a file is
 * chosen. By default, as the user meets it: a ReportsApplication runs
 * with its main window shown (the connection page, its first frame
 * drawn and a moment passed), then app.open-report opens FILE, as a
 * download's Preview, Open…, a drop or `call-reports FILE` sent to the
 * running instance do (all of them call reports_viewer_open()). With
 * --cold the viewer is the process's first window: a ReportsApplication
 * is run as `call-reports FILE` with no instance running is (its
 * ::open makes the viewer's window, without the main window); fonts,
 * the icon theme and CSS are done for that window. As in a desktop
 * session, the accessibility bus is running before the program starts
 * (BENCH_VIEWER_A11Y_BUS=on-demand leaves its start to the window, as
 * build-aux/ci-session.sh alone would). It prints, in microseconds:
 *
 *   first-screen-us N   from the file being chosen (app.open-report;
 *                       with --cold, the application's ::open) to the
 *                       end of the first painted frame that shows rows
 *   first-screen-from-load-us N
 *                       with --cold only: the same from the moment the
 *                       program was loaded (gtk_init(), adw_init(), the
 *                       application's registration and start-up in it)
 *   load-us N           to the last row read (the first frame after it)
 *   chart-data-us N     to the chart's data made from every row (in a
 *                       worker thread, after the load)
 *   load-stall-us N     the longest the main loop was kept from running
 *                       from the first screen to the chart's data
 *   sort-us N           from sorting by a number column (as a click on
 *                       its header does) to the end of the first frame
 *                       that shows the sorted rows
 *   scroll-us N…        each of 60 frames that scroll the table by a page:
 *                       from the scroll (in the frame's update phase) to
 *                       the end of that frame's paint
 *   chart-us N          the user's way to a chart: with the table
 *                       shown (and scrolled, above), the viewer's chart
 *                       gets 10,000 bars (as the worker's data comes),
 *                       then, 100 ms later, the Chart tab is chosen as
 *                       Alt+2 does (viewer.show-view): from that choice
 *                       to the end of the frame that draws the chart
 *   chart-page-faults N the main thread's minor page faults meanwhile
 *   chart-xserver-page-faults N
 *                       the X server's, where it is a local process we
 *                       may read (Xvfb here): its reading of the frame's
 *                       MIT-SHM image, which the frame's end waits for
 *   chart-again-us N…   with BENCH_VIEWER_CHART_RUNS=N, the same N − 1
 *                       times more, each after the table again (Alt+1,
 *                       its frame, 100 ms) (and chart-again-cpu-us,
 *                       chart-again-page-faults)
 *   chart-window-us N   a chart of 10,000 bars in a new window already
 *                       shown (its first frame without data, then a
 *                       chart of 10 bars, then 100 ms): from its data
 *                       being set to the end of the frame that draws it
 *                       (and chart-window-cpu-us, chart-window-page-faults;
 *                       chart-window-again-* as above, each after the
 *                       10 bars again)
 *
 * It prints the renderer too ("renderer GskCairoRenderer"; GSK_RENDERER=gl
 * may give GskGLRenderer), and each timing as CPU time too (NAME-cpu-us:
 * the main thread's; the process's for the sort). BENCH_VIEWER_TRACE=1
 * also prints when the window was made and mapped and when the header
 * and the first rows arrived
 * ("trace …"), to see where the first screen's time goes;
 * BENCH_VIEWER_STOP=first-screen, =sort or =scroll ends the run after that case
 * (to profile one case: perf record -g, valgrind --tool=callgrind). In the
 * valgrind --tool=callgrind --collect-atstart=no --instr-atstart=no counts
 * from the file's choice (with --cold, the application's ::open) on, and
 * with BENCH_VIEWER_STOP=first-screen up to the first screen.
 *
 * BENCH_VIEWER_ONLY=chart bench-viewer runs the new window's chart case
 * alone (chart-window-*), in a process of its own, without a file; under
 * callgrind (as above) it counts the timed chart frames only. With
 * BENCH_VIEWER_TRACE=1 that chart's frame is traced too: when it starts
 * (before-paint), after its layout, after its paint, as the time since
 * the data was set; and every chart case prints the monotonic clock at
 * its start and end ("trace timing-start", "trace timing-end"), to
 * pick its samples out of `perf record -k CLOCK_MONOTONIC`.
 * BENCH_VIEWER_CALLGRIND=chart-tab (the first chart-us frame) or
 * =scroll-N (the Nth scroll frame, from 1) makes callgrind, run with
 * --collect-atstart=no --instr-atstart=no, count that frame alone.
 */

#define SCROLL_FRAMES 60
#define CHART_BARS    10000
/* How long the main window stays shown before the file is chosen. */
#define SETTLE_MS     500
/* How long the chart of a few bars stays before the 10,000 come. */
#define CHART_SETTLE_MS 100

typedef enum
{
  WAIT_FIRST_SCREEN,
  WAIT_LOADED,
  WAIT_SORTED,
  SCROLLING,
  WAIT_CHART_TAB,
  WAIT_CHART,
  DONE,
} Phase;

/* CPU time: on a shared machine the wall times above grow with the
 * machine's other load; the main thread's CPU time (the frames) and the
 * process's (the sort's worker) much less. */
static gint64
cpu_us (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

#define THREAD_CPU_US()  cpu_us (CLOCK_THREAD_CPUTIME_ID)
#define PROCESS_CPU_US() cpu_us (CLOCK_PROCESS_CPUTIME_ID)

static struct
{
  gint64               cpu_start;
  gint64               main_cpu_start;
  Phase                phase;
  gint64               start;
  gint64               scroll_start;
  guint                scrolls;
  gboolean             sorted;
  ReportsViewerWindow *window;
  GtkColumnView       *column_view;
  GtkWindow           *chart_window;
  GApplication        *app;
  GFile               *file;
  gint64               load_time;
  gboolean             cold;
  GMainLoop           *loop;
  gboolean             chart_only;
  gint64               load_end;      /* the first frame after the last row */
  guint                stall_source;
  gint64               stall_last;
  gint64               stall_longest;
  gint64               stall_cpu;
} bench;

__attribute__((constructor)) static void
record_load_time (void)
{
  bench.load_time = g_get_monotonic_time ();
}

static void
quit (void)
{
  if (bench.app != NULL)
    g_application_quit (bench.app);
  else
    g_main_loop_quit (bench.loop);
}

static GtkAdjustment *
vadjustment (void)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (bench.column_view), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static void start_chart (void);

/* BENCH_VIEWER_CALLGRIND=chart-tab: callgrind counts the first Chart
 * tab's frame alone, not from the file's choice on. */
static gboolean
callgrind_chart_tab (void)
{
  return g_strcmp0 (g_getenv ("BENCH_VIEWER_CALLGRIND"), "chart-tab") == 0;
}

/* BENCH_VIEWER_CALLGRIND=scroll-N: the Nth scroll frame alone (from 1). */
static guint
callgrind_scroll_frame (void)
{
  const char *what = g_getenv ("BENCH_VIEWER_CALLGRIND");

  return what != NULL && g_str_has_prefix (what, "scroll-") ? (guint) g_ascii_strtoull (what + 7, NULL, 10) : 0;
}

static void start_chart_tab (void);
static void chart_tab_painted (void);

/* From the first screen to the chart's data: the longest time the main
 * loop did not come round (a 1 ms timeout of high priority, as in
 * bench-selector.c). */
static gboolean
stall_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = THREAD_CPU_US ();

  /* BENCH_VIEWER_TRACE: each stall over a frame's 16 ms, when it ended,
   * and the main thread's CPU time in it (the rest it waited: for the
   * X server, for a core). */
  if (now - bench.stall_last > 16000 && g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    printf ("trace stall-us %" G_GINT64_FORMAT " cpu %" G_GINT64_FORMAT " ended %" G_GINT64_FORMAT
            " monotonic %" G_GINT64_FORMAT "\n",
            now - bench.stall_last, cpu - bench.stall_cpu, now - bench.start, now);
  bench.stall_longest = MAX (bench.stall_longest, now - bench.stall_last);
  bench.stall_last = now;
  bench.stall_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* The viewer's chart has its data (made after the load, in a worker). */
static gboolean
chart_data_ready (void)
{
  return reports_chart_get_data (REPORTS_CHART (reports_viewer_window_get_chart (bench.window))) != NULL;
}
static void trace_cb (gpointer    object,
                      const char *what);

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  GtkAdjustment *adjustment = vadjustment ();

  if (bench.phase != SCROLLING)
    return G_SOURCE_REMOVE;

  if (callgrind_scroll_frame () == bench.scrolls + 1)
    {
      CALLGRIND_START_INSTRUMENTATION;
      CALLGRIND_TOGGLE_COLLECT;
    }
  bench.scroll_start = g_get_monotonic_time ();
  bench.cpu_start = THREAD_CPU_US ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                            gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_CONTINUE;
}

static void
sorted_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added)
{
  bench.sorted = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  YeastarReportLoader *loader = reports_viewer_window_get_loader (bench.window);
  GtkSelectionModel *selection = gtk_column_view_get_model (bench.column_view);
  gint64 now = g_get_monotonic_time ();

  switch (bench.phase)
    {
    case WAIT_FIRST_SCREEN:
      if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
        trace_cb (NULL, "painted");
      if (selection != NULL && g_list_model_get_n_items (G_LIST_MODEL (selection)) > 0)
        {
          printf ("first-screen-us %" G_GINT64_FORMAT "\n", now - bench.start);
          printf ("first-screen-cpu-us %" G_GINT64_FORMAT "\n", THREAD_CPU_US () - bench.cpu_start);
          if (bench.cold)
            printf ("first-screen-from-load-us %" G_GINT64_FORMAT "\n", now - bench.load_time);
          /* GSK_RENDERER picks it; a renderer that cannot be realized
           * (no OpenGL) falls back to the next. */
          printf ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))));
          bench.phase = WAIT_LOADED;
          if (g_strcmp0 (g_getenv ("BENCH_VIEWER_STOP"), "first-screen") == 0)
            {
              /* The count ends with the first screen, not with the
               * handlers after this one (the view's release of the
               * rows read meanwhile) and the exit. */
              CALLGRIND_TOGGLE_COLLECT;
              quit ();
              break;
            }
          bench.stall_last = now;
          bench.stall_cpu = THREAD_CPU_US ();
          bench.stall_source = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick_cb, NULL, NULL);
        }
      break;

    case WAIT_LOADED:
      /* The chart's data is made after the load, in a worker: the sort
       * starts after it, not beside it. */
      if (!yeastar_report_loader_is_loading (loader) && bench.load_end == 0)
        bench.load_end = now;
      /* (And every row shown: after the first screen the view lets
       * the first ones in a few a frame; a change of theirs would be
       * taken for the sort's.) */
      if (bench.load_end != 0 &&
          (!chart_data_ready () ||
           g_list_model_get_n_items (G_LIST_MODEL (selection)) <
           yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (loader))))
        gtk_widget_queue_draw (GTK_WIDGET (bench.column_view));
      else if (bench.load_end != 0)
        {
          GListModel *columns = gtk_column_view_get_columns (bench.column_view);
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 5);

          printf ("load-us %" G_GINT64_FORMAT " rows %u\n", bench.load_end - bench.start,
                  yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (loader)));
          stall_tick_cb (NULL);
          g_clear_handle_id (&bench.stall_source, g_source_remove);
          printf ("chart-data-us %" G_GINT64_FORMAT "\n", now - bench.start);
          printf ("load-stall-us %" G_GINT64_FORMAT "\n", bench.stall_longest);
          /* Column 5: Total Calls, an integer. */
          bench.phase = WAIT_SORTED;
          g_signal_connect (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)), "items-changed",
                            G_CALLBACK (sorted_cb), NULL);
          bench.start = g_get_monotonic_time ();
          bench.cpu_start = PROCESS_CPU_US ();
          bench.main_cpu_start = THREAD_CPU_US ();
          gtk_column_view_sort_by_column (bench.column_view, column, GTK_SORT_DESCENDING);
        }
      break;

    case WAIT_SORTED:
      if (bench.sorted)
        {
          printf ("sort-us %" G_GINT64_FORMAT "\n", now - bench.start);
          printf ("sort-cpu-us %" G_GINT64_FORMAT "\n", PROCESS_CPU_US () - bench.cpu_start);
          printf ("sort-main-cpu-us %" G_GINT64_FORMAT "\n", THREAD_CPU_US () - bench.main_cpu_start);
          bench.phase = SCROLLING;
          if (g_strcmp0 (g_getenv ("BENCH_VIEWER_STOP"), "sort") == 0)
            quit ();
          gtk_widget_add_tick_callback (GTK_WIDGET (bench.column_view), scroll_tick, NULL, NULL);
        }
      else
        {
          gtk_widget_queue_draw (GTK_WIDGET (bench.column_view));
        }
      break;

    case SCROLLING:
      if (bench.scroll_start != 0)
        {
          printf ("scroll-us %" G_GINT64_FORMAT "\n", now - bench.scroll_start);
          printf ("scroll-cpu-us %" G_GINT64_FORMAT "\n", THREAD_CPU_US () - bench.cpu_start);
          if (callgrind_scroll_frame () == bench.scrolls + 1)
            CALLGRIND_TOGGLE_COLLECT;
          bench.scroll_start = 0;
          if (++bench.scrolls == SCROLL_FRAMES)
            {
              bench.phase = WAIT_CHART;
              if (g_strcmp0 (g_getenv ("BENCH_VIEWER_STOP"), "scroll") == 0)
                {
                  quit ();
                  break;
                }
              start_chart_tab ();
            }
        }
      break;

    case WAIT_CHART_TAB:
      chart_tab_painted ();
      break;

    case WAIT_CHART:
    case DONE:
    default:
      break;
    }
}

/* The chart's case: the window's first frame (no data), a chart of a
 * few bars (the first text: fonts and their caches are not the case's),
 * a moment, then the 10,000 bars, timed from their data to the end of
 * the frame that draws them; BENCH_VIEWER_CHART_RUNS times, each from
 * the few bars again. */
static enum
{
  CHART_EMPTY,
  CHART_FEW,
  CHART_SETTLING,
  CHART_TIMED,
} chart_state;
static guint chart_runs = 1;
static guint chart_done;
static long chart_faults;
static long chart_xserver_faults;

/* The main thread's minor page faults so far. */
static long
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

/* The X server's minor page faults so far, or -1. Where it is a local
 * process of ours (Xvfb in build-aux/ci-session.sh), they count its
 * reading of the frames' MIT-SHM images, which a frame's end waits for. */
static long
xserver_faults (void)
{
  static int pid;
  g_autofree char *path = NULL;
  g_autofree char *stat = NULL;
  const char *fields;
  long faults = -1;

#ifdef GDK_WINDOWING_X11
  if (pid == 0 && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
      struct ucred cred;
      socklen_t len = sizeof cred;

      if (getsockopt (ConnectionNumber (xdisplay), SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0)
        pid = cred.pid;
    }
#endif
  if (pid <= 0)
    {
      pid = -1;
      return -1;
    }
  path = g_strdup_printf ("/proc/%d/stat", pid);
  /* minflt is the 10th field, the 8th after the command's ")". */
  if (g_file_get_contents (path, &stat, NULL, NULL) && (fields = strrchr (stat, ')')) != NULL &&
      sscanf (fields + 1, " %*c %*d %*d %*d %*d %*d %*u %ld", &faults) != 1)
    faults = -1;
  return faults;
}

/* The 10,000 bars: "Talk Time by Extension" of a big PBX. */
static ReportsChartData *
new_chart_data (void)
{
  ReportsChartData *data = reports_chart_data_new ("Talk Time by Extension", YEASTAR_CELL_KIND_DURATION, FALSE);

  for (guint i = 0; i < CHART_BARS; i++)
    {
      char label[32];

      g_snprintf (label, sizeof label, "%u Agent", 1000 + i);
      reports_chart_data_add (data, label, (double) ((CHART_BARS - i) * 37 % 100000));
    }
  return data;
}

static void
start_timing (void)
{
  bench.start = g_get_monotonic_time ();
  bench.cpu_start = THREAD_CPU_US ();
  chart_faults = thread_faults ();
  chart_xserver_faults = xserver_faults ();
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    printf ("trace timing-start monotonic %" G_GINT64_FORMAT "\n", bench.start);
}

static void
print_timing (const char *name)
{
  printf ("%s-us %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time () - bench.start);
  printf ("%s-cpu-us %" G_GINT64_FORMAT "\n", name, THREAD_CPU_US () - bench.cpu_start);
  printf ("%s-page-faults %" G_GINT64_FORMAT "\n", name, (gint64) (thread_faults () - chart_faults));
  if (chart_xserver_faults >= 0)
    printf ("%s-xserver-page-faults %" G_GINT64_FORMAT "\n", name, (gint64) (xserver_faults () - chart_xserver_faults));
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    printf ("trace timing-end monotonic %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
set_chart_data (gpointer chart)
{
  g_autoptr(ReportsChartData) data = new_chart_data ();

  chart_state = CHART_TIMED;
  /* Alone, callgrind counts the chart's frames only. */
  if (bench.chart_only)
    CALLGRIND_TOGGLE_COLLECT;
  start_timing ();
  reports_chart_set_data (REPORTS_CHART (chart), g_steal_pointer (&data));
}

/* The user's way to the chart (issue 15): the report open in the
 * table, scrolled, its chart's data made meanwhile (here 10,000 bars,
 * set on the viewer's chart while the table is shown, as the worker's
 * result is), then, a while after the last frame, the Chart tab
 * (Alt+2: viewer.show-view). Timed from the switch to the end of the
 * frame that draws the chart; BENCH_VIEWER_CHART_RUNS times, each after
 * the table again (Alt+1) and a moment. */
static enum
{
  TAB_TABLE,
  TAB_SETTLING,
  TAB_TIMED,
} tab_state;
static guint tab_done;

static void
show_chart_tab (gpointer user_data)
{
  tab_state = TAB_TIMED;
  if (callgrind_chart_tab () && tab_done == 0)
    {
      CALLGRIND_START_INSTRUMENTATION;
      CALLGRIND_TOGGLE_COLLECT;
    }
  start_timing ();
  gtk_widget_activate_action (GTK_WIDGET (bench.window), "viewer.show-view", "s", "chart");
}

static void
start_chart_tab (void)
{
  g_autoptr(ReportsChartData) data = new_chart_data ();
  const char *runs = g_getenv ("BENCH_VIEWER_CHART_RUNS");

  if (runs != NULL)
    chart_runs = MAX (g_ascii_strtoull (runs, NULL, 10), 1);
  bench.phase = WAIT_CHART_TAB;
  reports_chart_set_data (REPORTS_CHART (reports_viewer_window_get_chart (bench.window)), g_steal_pointer (&data));
  tab_state = TAB_SETTLING;
  g_timeout_add_once (CHART_SETTLE_MS, show_chart_tab, NULL);
}

static void
chart_tab_painted (void)
{
  switch (tab_state)
    {
    case TAB_TABLE:
      /* The table's frame again: the chart a while after it. */
      tab_state = TAB_SETTLING;
      g_timeout_add_once (CHART_SETTLE_MS, show_chart_tab, NULL);
      break;

    case TAB_SETTLING:
      break;

    case TAB_TIMED:
    default:
      if (callgrind_chart_tab () && tab_done == 0)
        CALLGRIND_TOGGLE_COLLECT;
      print_timing (tab_done == 0 ? "chart" : "chart-again");
      if (++tab_done < chart_runs)
        {
          tab_state = TAB_TABLE;
          gtk_widget_activate_action (GTK_WIDGET (bench.window), "viewer.show-view", "s", "table");
          break;
        }
      bench.phase = WAIT_CHART;
      start_chart ();
      break;
    }
}

static void
set_few_bars (GtkWidget *chart)
{
  g_autoptr(ReportsChartData) data = reports_chart_data_new ("Calls by Queue", YEASTAR_CELL_KIND_INTEGER, FALSE);

  for (guint i = 0; i < 10; i++)
    {
      char label[32];

      g_snprintf (label, sizeof label, "%u Queue", 6400 + i);
      reports_chart_data_add (data, label, (double) (i * 7 + 3));
    }
  chart_state = CHART_FEW;
  reports_chart_set_data (REPORTS_CHART (chart), g_steal_pointer (&data));
}

static void
chart_painted_cb (GdkFrameClock *clock,
                  GtkWidget     *chart)
{
  if (bench.phase != WAIT_CHART)
    return;

  switch (chart_state)
    {
    case CHART_EMPTY:
      set_few_bars (chart);
      break;

    case CHART_FEW:
      /* The data comes as a choice of the user's does, a while after
       * the last frame: set in this frame's ::after-paint, the next
       * frame would wait for GDK's clock (not synced to a display here,
       * it starts a frame 16.7 ms after the last one started at the
       * earliest), and that wait would be timed too. */
      chart_state = CHART_SETTLING;
      g_timeout_add_once (CHART_SETTLE_MS, set_chart_data, chart);
      break;

    case CHART_SETTLING:
      break;

    case CHART_TIMED:
    default:
      /* The first in the window, then the later ones. */
      print_timing (chart_done == 0 ? "chart-window" : "chart-window-again");
      if (bench.chart_only)
        CALLGRIND_TOGGLE_COLLECT;
      if (++chart_done < chart_runs)
        {
          set_few_bars (chart);
          break;
        }
      bench.phase = DONE;
      quit ();
      break;
    }
}

/* BENCH_VIEWER_TRACE: when the chart's frame starts, and ends its
 * layout and its paint (these handlers run after GDK's and GTK's). */
static void
chart_phase_cb (GdkFrameClock *clock,
                const char    *what)
{
  if (chart_state == CHART_TIMED && bench.phase == WAIT_CHART)
    trace_cb (NULL, what);
}

static void
chart_mapped_cb (GtkWidget *chart)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (chart);

  g_signal_connect (clock, "after-paint", G_CALLBACK (chart_painted_cb), chart);
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    {
      g_signal_connect (clock, "before-paint", G_CALLBACK (chart_phase_cb), (gpointer) "chart-before-paint");
      g_signal_connect (clock, "layout", G_CALLBACK (chart_phase_cb), (gpointer) "chart-layout");
      g_signal_connect (clock, "paint", G_CALLBACK (chart_phase_cb), (gpointer) "chart-paint");
    }
}

static void
start_chart (void)
{
  GtkWidget *chart = reports_chart_new ();
  const char *runs = g_getenv ("BENCH_VIEWER_CHART_RUNS");

  if (runs != NULL)
    chart_runs = MAX (g_ascii_strtoull (runs, NULL, 10), 1);
  bench.chart_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.chart_window, 960, 680);
  gtk_window_set_child (bench.chart_window, chart);
  g_signal_connect_after (chart, "map", G_CALLBACK (chart_mapped_cb), NULL);
  gtk_window_present (bench.chart_window);
}

static void
trace_cb (gpointer    object,
          const char *what)
{
  printf ("trace %s %" G_GINT64_FORMAT " cpu %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time () - bench.start,
          THREAD_CPU_US ());
}

static void
trace_rows_cb (gpointer    object,
               guint       position,
               guint       n_added,
               const char *what)
{
  if (position == 0)
    trace_cb (object, what);
  else if (bench.phase == WAIT_LOADED)
    printf ("trace batch %u+%u %" G_GINT64_FORMAT "\n", position, n_added, g_get_monotonic_time () - bench.start);
}

static void
paint_trace_cb (GdkFrameClock *clock)
{
  if (bench.phase == WAIT_FIRST_SCREEN)
    trace_cb (NULL, "rendered");
}

static void
window_mapped_cb (GtkWidget *window)
{
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    g_signal_connect_after (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (paint_trace_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/* The viewer's window, made by reports_viewer_open() or by main(): the
 * first screen is watched on it. */
static void
watch_viewer (ReportsViewerWindow *window)
{
  bench.window = window;
  bench.column_view = GTK_COLUMN_VIEW (reports_report_view_get_column_view (
                                         REPORTS_REPORT_VIEW (reports_viewer_window_get_report_view (bench.window))));
  g_signal_connect_after (bench.window, "map", G_CALLBACK (window_mapped_cb), NULL);
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    {
      g_signal_connect (reports_viewer_window_get_loader (bench.window), "header-ready", G_CALLBACK (trace_cb), (gpointer) "header-ready");
      g_signal_connect (reports_viewer_window_get_loader (bench.window), "rows-added", G_CALLBACK (trace_rows_cb), (gpointer) "rows-added");
      g_signal_connect (bench.window, "map", G_CALLBACK (trace_cb), (gpointer) "map");
      printf ("trace cpu-start %" G_GINT64_FORMAT "\n", bench.cpu_start);
      trace_cb (NULL, "created");
    }
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (REPORTS_IS_VIEWER_WINDOW (window) && bench.window == NULL)
    watch_viewer (REPORTS_VIEWER_WINDOW (window));
}

/* The file is chosen: app.open-report, a download's Preview. */
static gboolean
choose_file_cb (gpointer user_data)
{
  g_autofree char *uri = g_file_get_uri (bench.file);

  if (!callgrind_chart_tab () && callgrind_scroll_frame () == 0)
    {
      CALLGRIND_START_INSTRUMENTATION;
      CALLGRIND_TOGGLE_COLLECT;
    }
  bench.start = g_get_monotonic_time ();
  bench.cpu_start = THREAD_CPU_US ();
  g_action_group_activate_action (G_ACTION_GROUP (bench.app), "open-report", g_variant_new_string (uri));
  if (bench.window == NULL)
    {
      g_printerr ("bench-viewer: app.open-report made no viewer window\n");
      quit ();
    }
  return G_SOURCE_REMOVE;
}

static void
main_window_painted_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, main_window_painted_cb, user_data);
  g_timeout_add_once (SETTLE_MS, (GSourceOnceFunc) choose_file_cb, NULL);
}

static void
main_window_mapped_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, main_window_mapped_cb, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (main_window_painted_cb), NULL);
}

/* After the application's activate: its main window, being presented. */
static void
activated_cb (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (REPORTS_IS_WINDOW (l->data))
      {
        /* gtk_window_present() maps a toplevel at once. */
        if (gtk_widget_get_mapped (l->data))
          main_window_mapped_cb (l->data);
        else
          g_signal_connect_after (l->data, "map", G_CALLBACK (main_window_mapped_cb), NULL);
        return;
      }

  g_printerr ("bench-viewer: the application showed no main window\n");
}

static int
run_warm (void)
{
  g_autoptr(ReportsApplication) app = reports_application_new (NULL);
  char *argv[] = { (char *) "bench-viewer", NULL };

  /* Its own instance, whatever else runs in the session. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  bench.app = G_APPLICATION (app);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

static void
init_display (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_init ();
  adw_init ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* BENCH_VIEWER_ONLY=chart: the chart's case alone, without a file. */
static int
run_chart_only (void)
{
  init_display ();
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.chart_only = TRUE;
  bench.phase = WAIT_CHART;
  CALLGRIND_START_INSTRUMENTATION;
  start_chart ();
  g_main_loop_run (bench.loop);

  gtk_window_destroy (bench.chart_window);
  g_main_loop_unref (bench.loop);
  return 0;
}

/* --cold: `call-reports FILE` with no instance running. The clock
 * starts at the application's ::open, before its handler makes the
 * viewer's window (GApplication's startup, with its icon theme worker,
 * has run). */
static void
open_cb (GApplication *app,
         gpointer      files,
         int           n_files,
         const char   *hint)
{
  CALLGRIND_START_INSTRUMENTATION;
  CALLGRIND_TOGGLE_COLLECT;
  bench.start = g_get_monotonic_time ();
  bench.cpu_start = THREAD_CPU_US ();
  if (g_getenv ("BENCH_VIEWER_TRACE") != NULL)
    trace_cb (NULL, "start");
}

static void
cold_window_added_cb (GtkApplication *app,
                      GtkWindow      *window)
{
  if (REPORTS_IS_VIEWER_WINDOW (window) && bench.window == NULL)
    watch_viewer (REPORTS_VIEWER_WINDOW (window));
  else if (!REPORTS_IS_VIEWER_WINDOW (window))
    g_printerr ("bench-viewer: `call-reports FILE` made a window other than the viewer's\n");
}

/* A desktop session runs the accessibility bus from its start (GNOME
 * starts at-spi-bus-launcher at login): the first window of an app
 * there asks for its address and connects, it does not wait for it to
 * be started. build-aux/ci-session.sh starts it on demand, so here it is
 * started first, unless BENCH_VIEWER_A11Y_BUS=on-demand. */
static void
start_a11y_bus (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("BENCH_VIEWER_A11Y_BUS"), "on-demand") == 0)
    return;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                         NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  if (reply == NULL)
    g_printerr ("bench-viewer: no accessibility bus: %s\n", error->message);
}

static int
run_cold (void)
{
  g_autoptr(ReportsApplication) app = NULL;
  g_autofree char *path = g_file_get_path (bench.file);
  char *argv[] = { (char *) "bench-viewer", path, NULL };
  int status;

  start_a11y_bus ();
  app = reports_application_new (NULL);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  bench.app = G_APPLICATION (app);
  g_signal_connect (app, "open", G_CALLBACK (open_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (cold_window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  bench.app = NULL;
  return status;
}

int
main (int   argc,
      char *argv[])
{
  gboolean cold = argc == 3 && g_str_equal (argv[1], "--cold");
  int status;

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (g_strcmp0 (g_getenv ("BENCH_VIEWER_ONLY"), "chart") == 0)
    return run_chart_only ();

  if (argc != 2 && !cold)
    {
      g_printerr ("usage: bench-viewer [--cold] FILE, or BENCH_VIEWER_ONLY=chart bench-viewer\n");
      return 2;
    }

  bench.file = g_file_new_for_commandline_arg (argv[argc - 1]);
  bench.cold = cold;
  status = cold ? run_cold () : run_warm ();
  g_clear_object (&bench.file);
  return status;
}
