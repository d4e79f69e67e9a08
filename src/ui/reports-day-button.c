/* reports-day-button.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-day-button.h"

struct _ReportsDayButton
{
  AdwBin          parent_instance;

  char           *placeholder;
  guint           has_day : 1;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
};

G_DEFINE_FINAL_TYPE (ReportsDayButton, reports_day_button, ADW_TYPE_BIN)

enum {
  DAY_PICKED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

GtkWidget *
reports_day_button_new (void)
{
  return g_object_new (REPORTS_TYPE_DAY_BUTTON, NULL);
}

void
reports_day_button_set_day (ReportsDayButton *self,
                            GDateTime        *day)
{
  g_return_if_fail (REPORTS_IS_DAY_BUTTON (self));

  self->has_day = day != NULL;

  if (day != NULL)
    {
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *text = NULL;

      /* GtkCalendar works in local time: hand it noon of the same day. */
      local = g_date_time_new_local (g_date_time_get_year (day),
                                     g_date_time_get_month (day),
                                     g_date_time_get_day_of_month (day),
                                     12, 0, 0);
      gtk_calendar_select_day (self->calendar, local);
      /* Translators: how a chosen day is shown, a strftime format. */
      text = g_date_time_format (day, _("%e %b %Y"));
      gtk_menu_button_set_label (self->button, g_strstrip (text));
    }
  else
    {
      gtk_menu_button_set_label (self->button, self->placeholder);
    }
}

void
reports_day_button_set_placeholder (ReportsDayButton *self,
                                    const char       *placeholder)
{
  g_return_if_fail (REPORTS_IS_DAY_BUTTON (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  if (!self->has_day)
    gtk_menu_button_set_label (self->button, self->placeholder);
}

void
reports_day_button_set_label (ReportsDayButton *self,
                              const char       *accessible_label)
{
  g_return_if_fail (REPORTS_IS_DAY_BUTTON (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static gboolean
emit_picked_cb (gpointer user_data)
{
  ReportsDayButton *self = user_data;
  g_autoptr(GDateTime) day = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return G_SOURCE_REMOVE;

  day = gtk_calendar_get_date (self->calendar);
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals [DAY_PICKED], 0,
                 g_date_time_get_year (day),
                 g_date_time_get_month (day),
                 g_date_time_get_day_of_month (day));

  return G_SOURCE_REMOVE;
}

/* GtkCalendar tells nothing when the user picks the day that is already
 * selected (today, for an unset date): every click on a day and every
 * Enter or Space counts as a pick, once the calendar has handled it. */
static void
schedule_picked (ReportsDayButton *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, emit_picked_cb, g_object_ref (self), g_object_unref);
}

static void
released_cb (ReportsDayButton *self,
             int               n_press,
             double            x,
             double            y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  /* A day, not the month and year arrows. */
  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    schedule_picked (self);
}

static gboolean
key_pressed_cb (ReportsDayButton *self,
                guint             keyval,
                guint             keycode,
                GdkModifierType   state)
{
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    schedule_picked (self);

  return GDK_EVENT_PROPAGATE;
}

static void
reports_day_button_dispose (GObject *object)
{
  ReportsDayButton *self = REPORTS_DAY_BUTTON (object);

  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (reports_day_button_parent_class)->dispose (object);
}

static void
reports_day_button_class_init (ReportsDayButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_day_button_dispose;

  signals [DAY_PICKED] =
    g_signal_new ("day-picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
}

static void
reports_day_button_init (ReportsDayButton *self)
{
  GtkGesture *click;
  GtkEventController *key;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), key);

  reports_day_button_set_placeholder (self, _("Choose a Date"));
}
