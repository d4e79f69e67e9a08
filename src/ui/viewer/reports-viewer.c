/* reports-viewer.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-viewer.h"
#include "reports-viewer-window.h"

/*
 * The ways into the report viewer, besides app.open-report (a download's
 * Preview) and `call-reports FILE` (ReportsApplication's open): Open…
 * (a file chooser, the portal's in a Flatpak) and dropping files on a
 * window.
 */

/**
 * reports_viewer_open:
 *
 * Shows @file in a viewer window: the one already showing it, or a new one.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
reports_viewer_open (GtkApplication *application,
                     GFile          *file)
{
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (REPORTS_IS_VIEWER_WINDOW (l->data) &&
        g_file_equal (reports_viewer_window_get_file (l->data), file))
      {
        gtk_window_present (l->data);
        return l->data;
      }

  window = GTK_WINDOW (reports_viewer_window_new (application, file));
  reports_viewer_window_present_when_ready (REPORTS_VIEWER_WINDOW (window));
  return window;
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkApplication) application = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = reports_compat_choose_file_finish (result, &error);

  if (file != NULL)
    reports_viewer_open (application, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not choose a file: %s", error->message);
}

/* Open…: a file chooser, then a viewer window for the chosen file. */
void
reports_viewer_open_dialog (GtkApplication *application,
                            GtkWindow      *parent)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  reports_compat_open_file_async (parent, _("Open a Report File"), NULL, open_done_cb, g_object_ref (application));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GSList *files;

  if (application == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    reports_viewer_open (application, l->data);
  return files != NULL;
}

/**
 * reports_viewer_install_drop_target:
 * @widget: a widget of an application's window, e.g. the window
 *
 * Files dropped on @widget open in viewer windows.
 */
void
reports_viewer_install_drop_target (GtkWidget *widget)
{
  GtkDropTarget *target;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}
