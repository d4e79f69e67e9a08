/* reports-set-page-schedule.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-set-page-private.h"
#include "reports-set-schedule.h"
#include "reports-sets-schedule.h"
#include "reports-sets-util.h"

/* The schedule of the set on show: the rows that edit it, Save Schedule
 * (reports_set_schedule_enable_async(), which enables or disables what
 * runs it: a systemd timer, or the in-app scheduler in Flatpak), and the
 * next and last run. */

static void
read_schedule (ReportsSetPage  *self,
               ReportsSchedule *schedule)
{
  schedule->kind = adw_combo_row_get_selected (self->repeat_row);
  schedule->weekday = G_DATE_MONDAY + adw_combo_row_get_selected (self->weekday_row);
  schedule->day = gtk_spin_button_get_value_as_int (self->day_spin);
  schedule->hour = gtk_spin_button_get_value_as_int (self->hour_spin);
  schedule->minute = gtk_spin_button_get_value_as_int (self->minute_spin);
}

static gboolean
schedule_equal (const ReportsSchedule *a,
                const ReportsSchedule *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == REPORTS_SCHEDULE_NONE)
    return TRUE;

  return a->hour == b->hour && a->minute == b->minute &&
         (a->kind != REPORTS_SCHEDULE_WEEKLY || a->weekday == b->weekday) &&
         (a->kind != REPORTS_SCHEDULE_MONTHLY || a->day == b->day);
}

void
_reports_set_page_update_next_run (ReportsSetPage *self)
{
  const ReportsSchedule *schedule = reports_set_get_schedule (self->set);
  const char *name = reports_set_get_name (self->set);
  g_autofree char *last = reports_sets_describe_last_run (name, FALSE);

  adw_action_row_set_subtitle (self->last_run_row, last);

  if (schedule->kind == REPORTS_SCHEDULE_NONE)
    adw_action_row_set_subtitle (self->next_run_row, _("None: the set runs when you run it"));
  else if (!reports_sets_schedule_is_enabled (name))
    adw_action_row_set_subtitle (self->next_run_row, _("None: the schedule is saved but not enabled; save it again"));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) next = reports_schedule_next (schedule, now);
      g_autofree char *when = next != NULL ? g_date_time_format (next, "%Y-%m-%d %H:%M") : g_strdup ("?");
      g_autofree char *describe = reports_schedule_describe (schedule);
      /* Translators: the time of the next run, and the schedule ("daily at 07:00") */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), when, describe);

      adw_action_row_set_subtitle (self->next_run_row, text);
    }
}

void
_reports_set_page_schedule_changed_cb (ReportsSetPage *self)
{
  ReportsSchedule schedule;

  if (self->loading_schedule || self->set == NULL)
    return;

  read_schedule (self, &schedule);
  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), schedule.kind == REPORTS_SCHEDULE_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->day_row), schedule.kind == REPORTS_SCHEDULE_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->hour_spin), schedule.kind != REPORTS_SCHEDULE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_ancestor (GTK_WIDGET (self->hour_spin), ADW_TYPE_ACTION_ROW)),
                          schedule.kind != REPORTS_SCHEDULE_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button),
                            !schedule_equal (&schedule, reports_set_get_schedule (self->set)) ||
                            (schedule.kind != REPORTS_SCHEDULE_NONE &&
                             !reports_sets_schedule_is_enabled (reports_set_get_name (self->set))));
}

void
_reports_set_page_load_schedule (ReportsSetPage *self)
{
  const ReportsSchedule *schedule = reports_set_get_schedule (self->set);

  self->loading_schedule = TRUE;
  adw_combo_row_set_selected (self->repeat_row, schedule->kind);
  if (schedule->kind == REPORTS_SCHEDULE_WEEKLY)
    adw_combo_row_set_selected (self->weekday_row, schedule->weekday - G_DATE_MONDAY);
  if (schedule->kind == REPORTS_SCHEDULE_MONTHLY)
    gtk_spin_button_set_value (self->day_spin, schedule->day);
  if (schedule->kind != REPORTS_SCHEDULE_NONE)
    {
      gtk_spin_button_set_value (self->hour_spin, schedule->hour);
      gtk_spin_button_set_value (self->minute_spin, schedule->minute);
    }
  self->loading_schedule = FALSE;

  _reports_set_page_schedule_changed_cb (self);
  _reports_set_page_update_next_run (self);
}

static void
schedule_enabled_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ReportsSetPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!reports_set_schedule_enable_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _reports_set_page_show_toast (self, error->message);
    }

  if (self->set == NULL)
    return;

  _reports_set_page_load_schedule (self);
  _reports_set_page_emit_changed (self);
}

void
_reports_set_page_schedule_clicked_cb (ReportsSetPage *self)
{
  ReportsSchedule schedule;

  read_schedule (self, &schedule);
  /* Sensitive again when the schedule is loaded back. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), FALSE);
  reports_set_schedule_enable_async (self->set, &schedule, self->cancellable,
                                     schedule_enabled_cb, g_object_ref (self));
}

gboolean
_reports_set_page_two_digits_cb (GtkSpinButton *spin,
                                 gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}
