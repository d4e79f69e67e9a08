/* reports-app-scheduler.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-app-scheduler.h"
#include "reports-background.h"
#include "reports-compat.h"
#include "reports-set-notification.h"
#include "reports-set-run-records.h"

struct _ReportsAppScheduler
{
  GObject           parent_instance;

  GtkApplication   *application;  /* unowned: it owns this */
  ReportsScheduler *scheduler;
  gboolean          held;
  gboolean          stopped;
  guint             start_id;
};

G_DEFINE_FINAL_TYPE (ReportsAppScheduler, reports_app_scheduler, G_TYPE_OBJECT)

static void
update_hold (ReportsAppScheduler *self)
{
  gboolean hold = (!self->stopped && reports_scheduler_get_n_scheduled (self->scheduler) > 0) ||
                  reports_scheduler_get_n_running (self->scheduler) > 0;

  if (hold == self->held)
    return;

  self->held = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self->application));
  else
    g_application_release (G_APPLICATION (self->application));
}

static void
send_notification (ReportsAppScheduler *self,
                   GVariant            *description)
{
  g_autoptr(GNotification) notification = reports_set_notification_new (description);
  const char *id = NULL;

  g_variant_get_child (description, 0, "&s", &id);
  g_application_send_notification (G_APPLICATION (self->application), id, notification);
}

/* A scheduled run's reports are listed on the Reports page too. */
static void
on_run_started (ReportsScheduler    *scheduler,
                ReportsSetRun       *run,
                ReportsAppScheduler *self)
{
  g_autoptr(ReportsDownloadHistory) history = reports_download_history_dup_default ();

  reports_set_run_records_attach (run, history);
}

static void
on_run_finished (ReportsScheduler    *scheduler,
                 ReportsSetRun       *run,
                 const GError        *error,
                 ReportsAppScheduler *self)
{
  g_autoptr(GVariant) description = g_variant_ref_sink (reports_set_notification_describe (run, error));

  if (error != NULL)
    reports_set_run_records_fail (run, error);

  send_notification (self, description);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ReportsAppScheduler *self = user_data;
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  reports_compat_open_file (gtk_application_get_active_window (self->application), folder);
}

static void
notify_set_run_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  send_notification (REPORTS_APP_SCHEDULER (user_data), parameter);
}

static gboolean
start_idle (gpointer user_data)
{
  ReportsAppScheduler *self = user_data;

  self->start_id = 0;
  reports_scheduler_start (self->scheduler);

  return G_SOURCE_REMOVE;
}

/* The first frame's update phase: the scheduler starts once the frame is
 * drawn (an idle runs after the frame clock's paint). */
static gboolean
first_frame_tick (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  ReportsAppScheduler *self = user_data;

  if (self->scheduler != NULL && self->start_id == 0)
    self->start_id = g_idle_add (start_idle, self);

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication      *application,
                 GtkWindow           *window,
                 ReportsAppScheduler *self)
{
  g_signal_handlers_disconnect_by_func (application, on_window_added, self);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), first_frame_tick,
                                g_object_ref (self), g_object_unref);
}

static void
reports_app_scheduler_dispose (GObject *object)
{
  ReportsAppScheduler *self = (ReportsAppScheduler *) object;

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_func (self->application, on_window_added, self);
  g_clear_handle_id (&self->start_id, g_source_remove);

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (reports_app_scheduler_parent_class)->dispose (object);
}

static void
reports_app_scheduler_class_init (ReportsAppSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_app_scheduler_dispose;
}

static void
reports_app_scheduler_init (ReportsAppScheduler *self)
{
}

ReportsAppScheduler *
reports_app_scheduler_new (GtkApplication *application,
                           gboolean        background)
{
  ReportsAppScheduler *self;
  const GActionEntry actions[] = {
    { REPORTS_SET_NOTIFICATION_OPEN_FOLDER, open_folder_action, "s" },
    { REPORTS_SET_NOTIFICATION_SHOW, notify_set_run_action, "(ssss)" },
  };

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (REPORTS_TYPE_APP_SCHEDULER, NULL);
  self->application = application;
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), self);

  if (!background && !reports_background_is_sandboxed ())
    return self;

  self->scheduler = reports_scheduler_new ();
  g_signal_connect_swapped (self->scheduler, "notify::n-scheduled", G_CALLBACK (update_hold), self);
  g_signal_connect_swapped (self->scheduler, "notify::n-running", G_CALLBACK (update_hold), self);
  g_signal_connect (self->scheduler, "run-started", G_CALLBACK (on_run_started), self);
  g_signal_connect (self->scheduler, "run-finished", G_CALLBACK (on_run_finished), self);

  /* Reading the sets loads the network module (json-glib reads their
   * files), which the window's first frame must not wait for
   * (docs/architecture.md, "The network module"): with a window (in a
   * sandbox, where the scheduler runs in the app), the scheduler starts
   * right after that frame; at login, without one, at once. */
  if (background)
    reports_scheduler_start (self->scheduler);
  else
    g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), self);

  return self;
}

/* The process is to end (a signal asked it to): the runs under way are
* cancelled, and the application is held only until they have ended. */
void
reports_app_scheduler_stop (ReportsAppScheduler *self)
{
  g_return_if_fail (REPORTS_IS_APP_SCHEDULER (self));

  g_clear_handle_id (&self->start_id, g_source_remove);
  if (self->scheduler == NULL || self->stopped)
    return;

  self->stopped = TRUE;
  reports_scheduler_stop (self->scheduler);
  update_hold (self);
}

ReportsScheduler *
reports_app_scheduler_get_scheduler (ReportsAppScheduler *self)
{
  g_return_val_if_fail (REPORTS_IS_APP_SCHEDULER (self), NULL);

  return self->scheduler;
}
