/* reports-application.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <unistd.h>

#include "reports-app-scheduler.h"
#include "reports-application.h"
#include "reports-background.h"
#include "reports-compat.h"
#include "reports-download-history.h"
#include "reports-viewer.h"
#include "reports-window.h"

struct _ReportsApplication
{
  AdwApplication  parent_instance;

  GSettings           *settings;
  ReportsAppScheduler *scheduler;
  char                *help_description;
  guint                demo : 1;
  /* Started by `--background` (at login, inside Flatpak): no window
   * until activated again. */
  guint                background : 1;
  /* A SIGTERM, SIGINT or SIGHUP came: the application is quitting. */
  guint                quitting : 1;
  guint                signal_ids[3];
  guint                settle_id;
  gint64               settle_deadline;
};

/* How long a quit on a signal waits for the cancelled downloads to end
 * (their partial files removed, their records' status set). */
#define SETTLE_TIMEOUT_USEC (10 * G_USEC_PER_SEC)
#define SETTLE_POLL_MS      50

G_DEFINE_FINAL_TYPE (ReportsApplication, reports_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_HELP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Connect to the built-in demo PBX"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and run the scheduled report sets (inside Flatpak, started at login)"),
    NULL },
  { NULL }
};

/**
 * reports_application_new:
 * @help_description: (nullable): what --help prints after the options:
 *   the headless commands and the exit statuses
 */
ReportsApplication *
reports_application_new (const char *help_description)
{
  return g_object_new (REPORTS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "help-description", help_description,
                       NULL);
}

ReportsScheduler *
reports_application_get_scheduler (ReportsApplication *self)
{
  g_return_val_if_fail (REPORTS_IS_APPLICATION (self), NULL);

  if (self->scheduler == NULL)
    return NULL;

  return reports_app_scheduler_get_scheduler (self->scheduler);
}

GSettings *
reports_application_get_settings (ReportsApplication *self)
{
  g_return_val_if_fail (REPORTS_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
reports_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ReportsApplication *self = REPORTS_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  self->demo = g_variant_dict_contains (options, "demo");
  self->background = g_variant_dict_contains (options, "background");

  if (self->background)
    {
      g_autoptr(GError) error = NULL;

      /* Already running: that instance schedules; no window either. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (g_application_get_is_remote (app))
        return EXIT_SUCCESS;
    }

  /* Go on with the default processing: register, then activate. */
  return -1;
}

static void
reports_application_activate (GApplication *app)
{
  ReportsApplication *self = REPORTS_APPLICATION (app);
  GtkWindow *window = NULL;

  /* The start at login: only the scheduler, which holds the application
   * while sets are scheduled. The next activation opens the window. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  /* The main window, not a report viewer's. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL && window == NULL; l = l->next)
    if (REPORTS_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    {
      window = GTK_WINDOW (reports_window_new (self));

      /* The demo when asked for, else the PBX used last, if it was saved. */
      if (self->demo)
        reports_window_connect_demo (REPORTS_WINDOW (window));
      else
        reports_window_reconnect (REPORTS_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing each window revokes its token (see ReportsWindow's
   * close-request); the application ends once the last one is gone and
   * the PBX answered, or the wait for it timed out. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static gboolean
settle_tick (gpointer user_data)
{
  ReportsApplication *self = user_data;

  if (reports_download_history_get_running_default () &&
      g_get_monotonic_time () < self->settle_deadline)
    return G_SOURCE_CONTINUE;

  self->settle_id = 0;
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

/* SIGTERM (a session's logout, systemd stopping a run), SIGINT (Ctrl+C
 * in a terminal) or SIGHUP: the application quits as by Quit, whether it
 * has windows or runs in the background. Downloads and set runs are
 * cancelled, which removes their partial files; the application stays
 * until they ended (or SETTLE_TIMEOUT_USEC passed) and the tokens were
 * revoked, then writes the list of downloads at its shutdown and exits
 * with status 0. A second signal ends the process at once, with the list
 * written but partial files perhaps left (the next download into their
 * folder removes them). */
static void
quit_on_signal (ReportsApplication *self,
                int                 signum)
{
  if (self->quitting)
    {
      reports_download_history_flush_default ();
      g_printerr (_("call-reports: interrupted again; quitting at once\n"));
      _exit (128 + signum);
    }

  g_debug ("Quitting on signal %d", signum);
  self->quitting = TRUE;

  if (self->scheduler != NULL)
    reports_app_scheduler_stop (self->scheduler);
  quit_action (NULL, NULL, self);

  g_application_hold (G_APPLICATION (self));
  self->settle_deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_USEC;
  self->settle_id = g_timeout_add (SETTLE_POLL_MS, settle_tick, self);
}

static gboolean
on_sigterm (gpointer user_data)
{
  quit_on_signal (user_data, SIGTERM);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sigint (gpointer user_data)
{
  quit_on_signal (user_data, SIGINT);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sighup (gpointer user_data)
{
  quit_on_signal (user_data, SIGHUP);
  return G_SOURCE_CONTINUE;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  reports_compat_show_about (gtk_application_get_active_window (app));
}

static void
activate_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
}

/* A report file in the viewer; the parameter is the file's URI (a
 * download's Preview button). */
static void
open_report_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  reports_viewer_open (GTK_APPLICATION (user_data), file);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  reports_viewer_open_dialog (app, gtk_application_get_active_window (app));
}

/* `call-reports FILE…`: each file in a viewer window, without the main
 * window. */
static void
reports_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    reports_viewer_open (GTK_APPLICATION (app), files[i]);
}

static const GActionEntry app_actions[] = {
  { "activate", activate_action },
  { "open", open_action },
  { "open-report", open_report_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
};

static void
load_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GtkIconTheme *theme = GTK_ICON_THEME (source_object);

  g_task_return_boolean (task, gtk_icon_theme_has_icon (theme, APP_ID));
}

/* GtkApplication and libadwaita add their icon folders to the display's
 * icon theme at start-up, and GTK then rebuilds the whole theme at the
 * first icon lookup: when the window is first shown, which cost that
 * frame 15–20 ms (build-aux/bench.sh). GtkIconTheme may be used from
 * another thread once it is set up, and a lookup there rebuilds it under
 * its lock, so a worker does it while the window is being built. */
static void
preload_icon_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (theme, NULL, NULL, NULL);

  g_task_set_source_tag (task, preload_icon_theme);
  g_task_run_in_thread (task, load_icon_theme_thread);
}

static void
reports_application_startup (GApplication *app)
{
  ReportsApplication *self = REPORTS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (reports_application_parent_class)->startup (app);
  preload_icon_theme ();

  self->signal_ids[0] = g_unix_signal_add (SIGTERM, on_sigterm, self);
  self->signal_ids[1] = g_unix_signal_add (SIGINT, on_sigint, self);
  self->signal_ids[2] = g_unix_signal_add (SIGHUP, on_sighup, self);

  self->settings = g_settings_new (BASE_ID);
  self->scheduler = reports_app_scheduler_new (GTK_APPLICATION (app), self->background);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
}

static void
reports_application_shutdown (GApplication *app)
{
  ReportsApplication *self = REPORTS_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  /* The Reports page's list is written a little after it changes: what
   * changed last is written before the process ends. */
  reports_download_history_flush_default ();

  G_APPLICATION_CLASS (reports_application_parent_class)->shutdown (app);
}

static void
reports_application_constructed (GObject *object)
{
  ReportsApplication *self = REPORTS_APPLICATION (object);

  G_OBJECT_CLASS (reports_application_parent_class)->constructed (object);

  g_application_set_option_context_description (G_APPLICATION (self), self->help_description);
}

static void
reports_application_dispose (GObject *object)
{
  ReportsApplication *self = REPORTS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (reports_application_parent_class)->dispose (object);
}

static void
reports_application_finalize (GObject *object)
{
  ReportsApplication *self = REPORTS_APPLICATION (object);

  g_clear_pointer (&self->help_description, g_free);

  G_OBJECT_CLASS (reports_application_parent_class)->finalize (object);
}

static void
reports_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReportsApplication *self = REPORTS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_HELP_DESCRIPTION:
      g_value_set_string (value, self->help_description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReportsApplication *self = REPORTS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_HELP_DESCRIPTION:
      self->help_description = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_application_class_init (ReportsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = reports_application_constructed;
  object_class->dispose = reports_application_dispose;
  object_class->finalize = reports_application_finalize;
  object_class->get_property = reports_application_get_property;
  object_class->set_property = reports_application_set_property;

  app_class->handle_local_options = reports_application_handle_local_options;
  app_class->startup = reports_application_startup;
  app_class->activate = reports_application_activate;
  app_class->shutdown = reports_application_shutdown;
  app_class->open = reports_application_open;

  properties[PROP_HELP_DESCRIPTION] =
    g_param_spec_string ("help-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reports_application_init (ReportsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[COMMAND | FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Download call reports from a Yeastar P-Series PBX."));
}
