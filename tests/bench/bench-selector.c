/* bench-selector.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ID selector case of build-aux/bench.sh, under a display (Xvfb):
 *
 *   bench-selector [--server URI] [--runs N] [--text TEXT]
 *
 * 1. Loads the "extension" menu of the PBX at URI (credentials "demo" /
 *    "demo-secret"; without --server, a simulator in this process with
 *    20,000 extensions) N times, as the window does: the request and the
 *    parsing into YeastarMenuOptions. Prints "load-us N" per run, and
 *    "load-stall-us N", the longest the main loop was kept busy meanwhile
 *    (it runs a 1 ms timeout).
 * 2. Opens a ReportsIdSelector on that list and prints "open-us N", from
 *    reports_id_selector_new() to the end of its first painted frame.
 * 3. Types TEXT (default "alice ma") into its search entry one character
 *    at a time, then deletes it again one character at a time (each an
 *    insertion or deletion at the end, as keys do), N times. Prints per
 *    keystroke "key-us N M F P TEXT": N is the main thread's work for the
 *    keystroke, from the text change through the search (the matches are
 *    updated synchronously) and the following frame's layout and paint;
 *    M is the number of matches; then the two parts, the search and the
 *    frame. The wait for the frame's turn is not counted: the main loop
 *    is idle then. After each round, "search-worst-us N", its slowest
 *    keystroke.
 * 4. Prints "close-us N", the time to destroy the selector.
 *
 * The search entry's own delay (it waits for typing to pause) is set
 * out of the way, and "search-changed" is emitted at once, as when the
 * user pauses after each key.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "reports-id-selector.h"
#include "yeastar-client.h"
#include "yeastar-simulator.h"

static guint searches;

typedef struct
{
  gint64 frame_start;
  gint64 frame_end;
  guint  frames;
} Frames;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->frame_end = g_get_monotonic_time ();
  frames->frames++;
}

/* Runs the main loop until a frame has been painted after this call. */
static void
wait_frame (GtkWidget *widget,
            Frames    *frames)
{
  guint target = frames->frames + 1;

  gtk_widget_queue_draw (widget);
  while (frames->frames < target)
    g_main_context_iteration (NULL, TRUE);
}

/* The longest the main loop went without running a 1 ms timeout. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

static GListModel *
load_menu (YeastarClient *client,
           guint          runs)
{
  GListModel *options = NULL;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      Stall stall;
      guint tick;

      g_clear_object (&options);
      start = g_get_monotonic_time ();
      stall = (Stall) { start, 0 };
      tick = g_timeout_add (1, stall_tick_cb, &stall);
      yeastar_client_get_menu_options_async (client, "extension", NULL, NULL, store_result_cb, &result);
      options = yeastar_client_get_menu_options_finish (client, wait_result (&result), &error);
      if (options == NULL)
        g_error ("get_menuoptions: %s", error->message);
      stall_tick_cb (&stall);
      g_source_remove (tick);
      printf ("load-us %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time () - start,
              g_list_model_get_n_items (options));
      printf ("load-stall-us %" G_GINT64_FORMAT "\n", stall.longest);
    }

  return options;
}

static void
search_changed_cb (void)
{
  searches++;
}

static gint64
keystroke (GtkEditable *entry,
           GListModel  *matches,
           Frames      *frames,
           const char  *text)
{
  gint64 start = g_get_monotonic_time ();
  gint64 filtered_at;
  gint64 work;
  guint target = frames->frames + 1;

  /* As a key press or Backspace does: one character added or removed at
   * the end. GtkSearchEntry emits search-changed itself when the text
   * becomes empty; otherwise it waits for a pause, which is emitted here
   * at once. */
  searches = 0;
  if (strlen (text) > strlen (gtk_editable_get_text (entry)))
    {
      int position = -1;

      gtk_editable_set_position (entry, -1);
      position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, g_utf8_offset_to_pointer (text, position),
                                -1, &position);
    }
  else
    gtk_editable_delete_text (entry, g_utf8_strlen (text, -1), -1);
  g_assert (g_str_equal (gtk_editable_get_text (entry), text));
  if (searches == 0)
    g_signal_emit_by_name (entry, "search-changed");
  filtered_at = g_get_monotonic_time ();

  /* The frame the change caused (or one more, if nothing was queued). */
  gtk_widget_queue_draw (GTK_WIDGET (entry));
  while (frames->frames < target)
    g_main_context_iteration (NULL, TRUE);

  work = (filtered_at - start) + (frames->frame_end - MAX (frames->frame_start, filtered_at));
  printf ("key-us %" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " \"%s\"\n",
          work, g_list_model_get_n_items (matches),
          filtered_at - start, frames->frame_end - MAX (frames->frame_start, filtered_at), text);

  return work;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YeastarSimulator) simulator = NULL;
  g_autoptr(YeastarClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(YeastarPbxInfo) info = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *server = NULL;
  g_autofree char *text = NULL;
  ReportsIdSelector *selector;
  GtkGridView *grid_view;
  GListModel *matches;
  GtkEditable *entry;
  GdkFrameClock *clock;
  Frames frames = { 0, };
  gint64 start;
  int runs = 5;
  glong len;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "The PBX's base URI", "URI" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many times to load the list", "N" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, "What to type", "TEXT" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (text == NULL)
    text = g_strdup ("alice ma");

  adw_init ();

  /* The application's style sheet, which AdwApplication would load. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (server == NULL)
    {
      simulator = yeastar_simulator_new ();
      yeastar_simulator_set_menu_size (simulator, "extension", 20000);
      if (!yeastar_simulator_start (simulator, NULL, &error))
        g_error ("simulator: %s", error->message);
      server = yeastar_simulator_dup_base_uri (simulator);
    }

  client = yeastar_client_new (server, "demo", "demo-secret", &error);
  if (client == NULL)
    g_error ("client: %s", error->message);
  yeastar_client_connect_async (client, NULL, store_result_cb, &result);
  info = yeastar_client_connect_finish (client, wait_result (&result), &error);
  if (info == NULL)
    g_error ("connect: %s", error->message);

  options = load_menu (client, MAX (runs, 1));

  /* Open */
  start = g_get_monotonic_time ();
  selector = reports_id_selector_new (NULL, "Extensions", options, NULL);
  gtk_window_present (GTK_WINDOW (selector));
  while (!gtk_widget_get_mapped (GTK_WIDGET (selector)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (selector));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  wait_frame (GTK_WIDGET (selector), &frames);
  printf ("open-us %" G_GINT64_FORMAT "\n", frames.frame_end - start);

  entry = GTK_EDITABLE (find_widget (GTK_WIDGET (selector), GTK_TYPE_SEARCH_ENTRY));
  grid_view = GTK_GRID_VIEW (find_widget (GTK_WIDGET (selector), GTK_TYPE_GRID_VIEW));
  g_assert (entry != NULL && grid_view != NULL);
  matches = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_grid_view_get_model (grid_view)));
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), G_MAXINT / 2);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), NULL);

  /* Type, then delete, N times. */
  len = g_utf8_strlen (text, -1);
  for (int cycle = 0; cycle < MAX (runs, 1); cycle++)
    {
      gint64 worst = 0;

      for (glong i = 1; i <= len; i++)
        {
          g_autofree char *prefix = g_utf8_substring (text, 0, i);
          gint64 work = keystroke (entry, matches, &frames, prefix);

          worst = MAX (worst, work);
        }
      for (glong i = len - 1; i >= 0; i--)
        {
          g_autofree char *prefix = g_utf8_substring (text, 0, i);
          gint64 work = keystroke (entry, matches, &frames, prefix);

          worst = MAX (worst, work);
        }
      printf ("search-worst-us %" G_GINT64_FORMAT "\n", worst);
    }

  g_signal_handlers_disconnect_by_data (clock, &frames);
  start = g_get_monotonic_time ();
  gtk_window_destroy (GTK_WINDOW (selector));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  printf ("close-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);

  if (simulator != NULL)
    yeastar_simulator_stop (simulator);

  return 0;
}
