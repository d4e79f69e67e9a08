/* test-viewer-first-screen.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "reports-report-view.h"
#include "reports-viewer-window.h"

/*
 * The viewer's first screen, in a display (build-aux/ci-session.sh):
 * reports_viewer_window_present_when_ready() shows the window once the
 * first rows are in, so its first frame with rows shows the first batch,
 * a screenful of the window's height below its header bar ((680 px − 46
 * px) / 24 px + 1 = 27 rows, where 23 show with no preamble), not
 * the 64 rows of the loader's default nor the whole file; the next rows
 * come after that frame, a few at a time until more than GTK 4.8's 200
 * row widgets are made (GTK makes the widgets of every row added among
 * them at once, in ::items-changed: hundreds of ms with a main loop that
 * stood still), then the rest at once.
 *
 * The totals' area is there from the first screen (a placeholder until
 * the file's end brings its totals): their arrival leaves the rows' area
 * its height, so the last frame of a big load lays out and draws the
 * totals alone. A file without totals loses the area once it is read.
 *
 * The end of a load changes the content at its top (the progress bar
 * goes) and at its bottom (the totals come): GTK 4.8's cairo renderer on
 * X11 repaints the bounding box of a frame's changes, so the two come in
 * frames of their own; and the bar's overlay's render node without the
 * bar is the one with it less the bar's, or GTK cannot diff the two and
 * repaints all of the content.
 */

#define N_ROWS       20000
#define SCREEN_ROWS  ((680 - 46) / 24 + 1)
/* GTK 4.8's row widgets around its anchor (GTK_LIST_VIEW_MAX_LIST_ITEMS). */
#define GTK_ROW_WIDGETS 200
/* The most rows a change among them may add: the view adds one at a
 * time, at most 6 between two frames. */
#define MOST_AT_ONCE 8

static struct
{
  ReportsViewerWindow *window;
  GtkColumnView       *column_view;
  guint                rows_at_map;
  guint                first_frame_rows;
  guint                later_rows;
  gboolean             mapped;
  GMainLoop           *loop;
  gboolean             in_parts;      /* the second test */
  gboolean             with_totals;   /* the third: a total row at the file's end */
  int                  first_height;  /* the rows' area's, in the first frame */
  gboolean             totals_first;  /* the totals' area shown in the first frame */
  int                  last_height;   /* the rows' area's, once the totals are in */
  gboolean             totals_last;   /* the totals' area shown once the file is read */
  GtkWidget           *progress_bar;
  GskRenderNodeType    overlay_first; /* the kind of the bar's overlay's node, in the first frame */
  guint                overlay_first_n;  /* its children, if a container */
  GskRenderNodeType    overlay_last;  /* the same, once the bar is gone */
  guint                overlay_last_n;
  guint                frames;
  guint                bar_gone_frame;   /* the first frame without the bar */
  guint                totals_in_frame;  /* the first frame with the totals, not their placeholder */
  guint                changes;       /* after the first frame, among the first rows */
  guint                most_added;    /* the most rows one of those added */
} t;

static guint
rows_shown (void)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (t.column_view);

  return selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (selection)) : 0;
}

/* The rows' scrolled window in its overlay (which shows the message of a
 * report without rows), the child of the view's box above the totals. */
static GtkWidget *
rows_area (void)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (t.column_view), GTK_TYPE_OVERLAY);
}

static GtkWidget *
totals_area (void)
{
  return gtk_widget_get_next_sibling (rows_area ());
}

static GtkWidget *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The kind of the render node the renderer last had of the progress
 * bar's overlay (its parent's snapshot of it: under a translation), and
 * its number of children if a container. */
static GskRenderNodeType
overlay_node_type (guint *n_children)
{
  GtkWidget *overlay = gtk_widget_get_parent (t.progress_bar);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderNode *own;

  gtk_widget_snapshot_child (gtk_widget_get_parent (overlay), overlay, snapshot);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  own = gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE ? gsk_transform_node_get_child (node) : node;
  *n_children = gsk_render_node_get_node_type (own) == GSK_CONTAINER_NODE ? gsk_container_node_get_n_children (own) : 0;
  return gsk_render_node_get_node_type (own);
}

/* The totals' placeholder line, over the totals' area. */
static GtkWidget *
totals_pending (void)
{
  GtkWidget *label = gtk_widget_get_last_child (totals_area ());

  g_assert_true (GTK_IS_LABEL (label));
  return label;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  guint n = rows_shown ();
  YeastarReportLoader *loader = reports_viewer_window_get_loader (t.window);

  if (t.first_frame_rows == 0)
    {
      t.first_frame_rows = n;
      t.first_height = gtk_widget_get_height (rows_area ());
      t.totals_first = gtk_widget_get_visible (totals_area ());
      t.progress_bar = find_progress_bar (GTK_WIDGET (t.window));
      g_assert_true (gtk_widget_get_mapped (t.progress_bar));
      t.overlay_first = overlay_node_type (&t.overlay_first_n);
      return;
    }
  if (t.with_totals)
    {
      /* What this frame drew (this handler runs before the view's own
       * after-paint handlers, connected later). */
      t.frames++;
      if (t.bar_gone_frame == 0 && !gtk_widget_get_visible (t.progress_bar))
        t.bar_gone_frame = t.frames;
      if (t.totals_in_frame == 0 && !gtk_widget_get_visible (totals_pending ()))
        t.totals_in_frame = t.frames;
      /* Until the file is read and this frame shows what it left. */
      if (!yeastar_report_loader_is_loading (loader) && n == N_ROWS && t.bar_gone_frame != 0 &&
          t.totals_in_frame != 0)
        {
          t.last_height = gtk_widget_get_height (rows_area ());
          t.totals_last = gtk_widget_get_visible (totals_area ());
          t.overlay_last = overlay_node_type (&t.overlay_last_n);
          g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
          g_main_loop_quit (t.loop);
        }
      else
        {
          gtk_widget_queue_draw (GTK_WIDGET (t.column_view));
        }
      return;
    }
  if (t.in_parts)
    {
      /* Until every row is in. */
      if (n == N_ROWS)
        {
          g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
          g_main_loop_quit (t.loop);
        }
      else
        {
          gtk_widget_queue_draw (GTK_WIDGET (t.column_view));
        }
      return;
    }
  if (n > t.first_frame_rows)
    {
      t.later_rows = n;
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
      g_main_loop_quit (t.loop);
    }
  else
    {
      gtk_widget_queue_draw (GTK_WIDGET (t.column_view));
    }
}

static void
mapped_cb (GtkWidget *window)
{
  YeastarReportLoader *loader = reports_viewer_window_get_loader (t.window);

  t.mapped = TRUE;
  t.rows_at_map = yeastar_report_table_get_n_rows (yeastar_report_loader_get_rows (loader));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  if (t.first_frame_rows == 0 || position >= GTK_ROW_WIDGETS + 8)
    return;
  t.changes++;
  t.most_added = MAX (t.most_added, added);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_main_loop_quit (t.loop);
  return G_SOURCE_REMOVE;
}

static void
run_viewer (gboolean in_parts,
            gboolean with_totals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new ("Queue Performance\r\nPeriod:,01/03/2024 - 31/03/2024\r\n\r\n"
                                       "Queue,Name,Total Calls,Talk Time\r\n");
  g_autofree char *dir = g_dir_make_tmp ("test-viewer-first-screen-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint timeout;

  g_assert_no_error (error);
  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (s, "%u,\"Queue %u\",%u,0:%02u:%02u\r\n", 6400 + i, i, i % 1000, i % 60, i % 60);
  if (with_totals)
    g_string_append (s, "Total,,9990000,166:30:00\r\n");
  path = g_build_filename (dir, "report.csv", NULL);
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  t.loop = g_main_loop_new (NULL, FALSE);
  t.window = reports_viewer_window_new (NULL, file);
  t.column_view = GTK_COLUMN_VIEW (reports_report_view_get_column_view (
                                     REPORTS_REPORT_VIEW (reports_viewer_window_get_report_view (t.window))));
  g_signal_connect_after (t.window, "map", G_CALLBACK (mapped_cb), NULL);

  /* Not shown before its first rows (or a quarter of a second). */
  t.in_parts = in_parts;
  t.with_totals = with_totals;
  if (in_parts)
    g_signal_connect (gtk_column_view_get_model (t.column_view), "items-changed", G_CALLBACK (items_changed_cb),
                      NULL);
  reports_viewer_window_present_when_ready (t.window);
  g_assert_false (t.mapped);

  timeout = g_timeout_add_seconds (30, timeout_cb, NULL);
  g_main_loop_run (t.loop);
  g_source_remove (timeout);

  g_test_message ("rows when mapped: %u; in the first frame: %u; later: %u",
                  t.rows_at_map, t.first_frame_rows, t.later_rows);
  g_assert_true (t.mapped);
  /* The first frame shows the first batch, a screenful, and no more;
   * every other row comes after it. */
  g_assert_cmpuint (t.first_frame_rows, ==, SCREEN_ROWS);
  if (in_parts)
    {
      g_test_message ("changes among the first %u rows after the first frame: %u, adding at most %u rows",
                      GTK_ROW_WIDGETS, t.changes, t.most_added);
      /* Every row came, the first ones in parts. */
      g_assert_cmpuint (rows_shown (), ==, N_ROWS);
      g_assert_cmpuint (t.changes, >=, (GTK_ROW_WIDGETS - SCREEN_ROWS) / MOST_AT_ONCE);
      g_assert_cmpuint (t.most_added, <=, MOST_AT_ONCE);
      /* The file has no totals: once it is read, no totals' area. */
      g_assert_true (t.totals_first);
      /* (It goes in the frame after the load's last one.) */
      for (guint i = 0; i < 1000 && (yeastar_report_loader_is_loading (reports_viewer_window_get_loader (t.window)) ||
                                     gtk_widget_get_visible (totals_area ())); i++)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (gtk_widget_get_visible (totals_area ()));
    }
  else if (with_totals)
    {
      g_test_message ("rows' area: %d px high in the first frame, %d px with the totals in; totals' area "
                      "shown first: %d, last: %d", t.first_height, t.last_height, t.totals_first, t.totals_last);
      g_assert_cmpuint (yeastar_report_table_get_n_rows (yeastar_report_loader_get_totals (
                                                           reports_viewer_window_get_loader (t.window))), ==, 1);
      /* The totals' area from the first screen on, its height kept. */
      g_assert_true (t.totals_first);
      g_assert_true (t.totals_last);
      g_assert_cmpint (t.first_height, >, 0);
      g_assert_cmpint (t.last_height, ==, t.first_height);

      /* The bar at the top and the totals at the bottom not in one frame;
       * the bar gone, and its overlay's node of the same kind without it. */
      g_test_message ("frames after the first: bar gone in %u, totals in %u; the bar's overlay's node: "
                      "type %d (%u children) with the bar, %d (%u) without", t.bar_gone_frame, t.totals_in_frame,
                      t.overlay_first, t.overlay_first_n, t.overlay_last, t.overlay_last_n);
      g_assert_cmpuint (t.bar_gone_frame, !=, t.totals_in_frame);
      g_assert_false (gtk_widget_get_visible (t.progress_bar));
      /* Its nodes less the bar's, so that GTK diffs the two and repaints
       * the bar's strip: not another node in its place. */
      g_assert_cmpint (t.overlay_first, ==, GSK_CONTAINER_NODE);
      g_assert_cmpint (t.overlay_last, ==, GSK_CONTAINER_NODE);
      g_assert_cmpuint (t.overlay_last_n, ==, t.overlay_first_n - 1);
    }
  else
    {
      g_assert_cmpuint (t.later_rows, >, SCREEN_ROWS);
    }

  gtk_window_destroy (GTK_WINDOW (t.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_main_loop_unref (t.loop);
  g_unlink (path);
  g_rmdir (dir);
  memset (&t, 0, sizeof t);
}

static void
test_first_screen (void)
{
  run_viewer (FALSE, FALSE);
}

/* After the first screen, the rows GTK makes widgets for come a few at a
 * time; the rest of the file at once. */
static void
test_rows_in_parts (void)
{
  run_viewer (TRUE, FALSE);
}

/* A total row at the file's end: the rows' area keeps its height; the
 * progress bar goes in another frame than the one the totals come in,
 * and its overlay's render node loses the bar's alone. */
static void
test_totals_keep_rows_height (void)
{
  run_viewer (FALSE, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* The application's style sheet, as AdwApplication loads it. */
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/viewer/first-screen", test_first_screen);
  g_test_add_func ("/viewer/rows-in-parts", test_rows_in_parts);
  g_test_add_func ("/viewer/totals-keep-rows-height", test_totals_keep_rows_height);

  return g_test_run ();
}
