/* test-row-layout.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "reports-row-layout.h"

/*
 * ReportsRowLayout, in a display (build-aux/ci-session.sh), so that the
 * rows have libadwaita's style: an action row laid out by it is as tall
 * as the same row laid out by libadwaita's GtkBox, at every width, and
 * its title, subtitle and suffix are in the same places, left to right
 * and right to left; and its title box is never asked its width for a
 * height, which is what made GTK 4.8 lay its wrapping labels out at many
 * widths.
 */

/* A child of the title box that counts the times it is asked its width
 * for a height. It is as high as its width leaves it room for, as a
 * wrapping label is. */
#define PROBE_TYPE (probe_get_type ())
G_DECLARE_FINAL_TYPE (Probe, probe, TEST, PROBE, GtkWidget)

struct _Probe
{
  GtkWidget parent_instance;
  guint     width_for_height;
};

G_DEFINE_FINAL_TYPE (Probe, probe, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
probe_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  Probe *self = TEST_PROBE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (for_size >= 0)
        self->width_for_height++;
      *minimum = 20;
      *natural = 200;
    }
  else
    {
      /* 4,000 square pixels. */
      *minimum = *natural = for_size > 0 ? MAX (4, 4000 / MAX (for_size, 20)) : 20;
    }
}

static void
probe_class_init (ProbeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = probe_get_request_mode;
  widget_class->measure = probe_measure;
}

static void
probe_init (Probe *self)
{
}

typedef enum {
  SUFFIX_SWITCH,
  SUFFIX_ICON,
  SUFFIX_BUTTON,
} Suffix;

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      found = find_with_class (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         Suffix      suffix)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  switch (suffix)
    {
    case SUFFIX_SWITCH:
      widget = gtk_switch_new ();
      break;

    case SUFFIX_ICON:
      widget = gtk_image_new_from_icon_name ("go-next-symbolic");
      break;

    case SUFFIX_BUTTON:
    default:
      widget = gtk_button_new_with_label ("Forget");
      break;
    }
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);

  return row;
}

static void
assert_same_place (GtkWidget  *row,
                   GtkWidget  *widget,
                   GtkWidget  *reference_row,
                   GtkWidget  *reference,
                   const char *what,
                   int         width)
{
  graphene_rect_t bounds, reference_bounds;

  g_assert_nonnull (widget);
  g_assert_nonnull (reference);
  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));
  g_assert_true (gtk_widget_compute_bounds (reference, reference_row, &reference_bounds));
  if (!graphene_rect_equal (&bounds, &reference_bounds))
    g_error ("%s at %d px: %g,%g %g×%g, GtkBox %g,%g %g×%g", what, width,
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
             reference_bounds.origin.x, reference_bounds.origin.y,
             reference_bounds.size.width, reference_bounds.size.height);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_same_as_box (gconstpointer data)
{
  static const char *titles[][2] = {
    { "_Remember This PBX", "Keeps the Client Secret in your keyring and reconnects at start" },
    { "Try the _Demo PBX", "A simulated PBX on this computer, with sample extensions, queues and reports" },
    { "Diese Telefonanlage speichern und beim Start wieder verbinden", "Kurz" },
  };
  static const int widths[] = { 720, 600, 480, 360, 300, 240, 200, 160 };
  GtkTextDirection direction = GPOINTER_TO_INT (data);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_default_direction (direction);
  gtk_window_set_child (GTK_WINDOW (window), box);

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    for (Suffix suffix = SUFFIX_SWITCH; suffix <= SUFFIX_BUTTON; suffix++)
      {
        /* Each in a list of its own: a boxed list's last row has no
         * bottom border. */
        for (guint i = 0; i < 2; i++)
          {
            GtkWidget *list = gtk_list_box_new ();
            GtkWidget *row = new_row (titles[t][0], titles[t][1], suffix);

            gtk_widget_add_css_class (list, "boxed-list");
            gtk_list_box_append (GTK_LIST_BOX (list), row);
            gtk_box_append (GTK_BOX (box), list);
            if (i == 0)
              g_assert_true (reports_row_layout_install (ADW_ACTION_ROW (row)));
          }
      }

  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (200, quit_cb, loop);
  g_main_loop_run (loop);

  for (GtkWidget *list = gtk_widget_get_first_child (box);
       list != NULL;
       list = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (list)))
    {
      GtkWidget *row = gtk_widget_get_first_child (list);
      GtkWidget *reference = gtk_widget_get_first_child (gtk_widget_get_next_sibling (list));

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          int width = widths[w];
          int min, nat, reference_min, reference_nat, height;

          gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
          gtk_widget_measure (reference, GTK_ORIENTATION_VERTICAL, width,
                              &reference_min, &reference_nat, NULL, NULL);
          if (min != reference_min || nat != reference_nat)
            g_error ("“%s” at %d px: %d–%d px high, GtkBox %d–%d",
                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), width,
                     min, nat, reference_min, reference_nat);
          height = reference_nat;

          gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1,
                              &reference_min, &reference_nat, NULL, NULL);
          g_assert_cmpint (min, ==, reference_min);
          g_assert_cmpint (nat, ==, reference_nat);

          /* Taller than needed too: the title box stays in the middle. */
          for (int extra = 0; extra <= 40; extra += 40)
            {
              gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, width, height + extra }, -1);
              gtk_widget_size_allocate (reference, &(GtkAllocation) { 0, 0, width, height + extra }, -1);

              /* The header box, which draws nothing, fills a taller row
               * rather than being centered in it; what it holds is where
               * it was. */
              if (extra == 0)
                assert_same_place (row, find_with_class (row, "header"),
                                   reference, find_with_class (reference, "header"), "header", width);
              assert_same_place (row, find_with_class (row, "title"),
                                 reference, find_with_class (reference, "title"), "title box", width);
              assert_same_place (row, find_with_class (find_with_class (row, "title"), "title"),
                                 reference, find_with_class (find_with_class (reference, "title"), "title"),
                                 "title", width);
              assert_same_place (row, find_with_class (row, "subtitle"),
                                 reference, find_with_class (reference, "subtitle"), "subtitle", width);
              assert_same_place (row, gtk_widget_get_first_child (find_with_class (row, "suffixes")),
                                 reference, gtk_widget_get_first_child (find_with_class (reference, "suffixes")),
                                 "suffix", width);
            }
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_no_width_for_height (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = new_row ("_Remember This PBX", "Keeps the Client Secret in your keyring and reconnects at start",
                            SUFFIX_SWITCH);
  GtkWidget *probe = g_object_new (PROBE_TYPE, NULL);

  gtk_box_append (GTK_BOX (find_with_class (row, "title")), probe);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  g_assert_true (reports_row_layout_install (ADW_ACTION_ROW (row)));

  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (200, quit_cb, loop);
  g_main_loop_run (loop);

  g_assert_cmpint (gtk_widget_get_width (probe), >, 0);
  for (int width = 160; width <= 720; width += 40)
    {
      int min, nat;

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, width, nat }, -1);
    }

  g_test_message ("the title box's child was asked its width for a height %u times",
                  TEST_PROBE (probe)->width_for_height);
  g_assert_cmpuint (TEST_PROBE (probe)->width_for_height, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_data_func ("/row-layout/same-as-box/ltr", GINT_TO_POINTER (GTK_TEXT_DIR_LTR), test_same_as_box);
  g_test_add_data_func ("/row-layout/same-as-box/rtl", GINT_TO_POINTER (GTK_TEXT_DIR_RTL), test_same_as_box);
  g_test_add_func ("/row-layout/no-width-for-height", test_no_width_for_height);

  return g_test_run ();
}
