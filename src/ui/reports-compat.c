/* reports-compat.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"

static const char *developers[] = {
  "The Call Reports authors",
  NULL
};

void
reports_compat_show_about (GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_about_dialog_new ();

  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (dialog), _("Call Reports"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APP_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (dialog), PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (dialog), _("The Call Reports authors"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (dialog),
                                 _("Download call reports from a Yeastar P-Series PBX."));
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (dialog), PACKAGE_WEBSITE);
  adw_about_dialog_set_issue_url (ADW_ABOUT_DIALOG (dialog), PACKAGE_BUGREPORT);
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (dialog), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));
  adw_dialog_present (dialog, GTK_WIDGET (parent));
#else
  adw_show_about_window (parent,
                         "application-name", _("Call Reports"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Call Reports authors"),
                         "developers", developers,
                         "comments", _("Download call reports from a Yeastar P-Series PBX."),
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_BUGREPORT,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
#endif
}

#if ADW_CHECK_VERSION (1, 5, 0)
static void
alert_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   gpointer        user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_strcmp0 (response, "accept") == 0);
}
#else
static void
message_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_strcmp0 (response, "accept") == 0);
}
#endif

void
reports_compat_confirm_async (GtkWidget           *parent,
                              const char          *heading,
                              const char          *body,
                              const char          *accept_label,
                              gboolean             destructive,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  reports_compat_confirm_full_async (parent, heading, body, _("_Cancel"), accept_label, destructive,
                                     cancellable, callback, user_data);
}

void
reports_compat_confirm_full_async (GtkWidget           *parent,
                                   const char          *heading,
                                   const char          *body,
                                   const char          *decline_label,
                                   const char          *accept_label,
                                   gboolean             destructive,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_compat_confirm_async);

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *dialog = adw_alert_dialog_new (heading, body);

    adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                    "cancel", decline_label,
                                    "accept", accept_label,
                                    NULL);
    adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "accept",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
    adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
    adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
    adw_alert_dialog_set_body_use_markup (ADW_ALERT_DIALOG (dialog), FALSE);
    g_signal_connect (dialog, "response", G_CALLBACK (alert_response_cb), g_steal_pointer (&task));
    adw_dialog_present (dialog, parent);
  }
#else
  {
    GtkRoot *root = gtk_widget_get_root (parent);
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "cancel", decline_label,
                                      "accept", accept_label,
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                                destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    g_signal_connect (dialog, "response", G_CALLBACK (message_response_cb), g_steal_pointer (&task));
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

gboolean
reports_compat_confirm_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The folder chooser's and the file choosers' answer, one callback for
 * all three: the task's source tag says which finish function (GTK 4.10
 * and later) or which message for a cancelled chooser (GTK 4.8). */
#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gpointer source_tag = g_task_get_source_tag (task);
  GFile *file;

  if (source_tag == reports_compat_choose_folder_async)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);
  else if (source_tag == reports_compat_save_file_async)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, file, g_object_unref);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)), g_object_unref);
  else if (g_task_get_source_tag (task) == reports_compat_choose_folder_async)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No folder was chosen"));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

void
reports_compat_choose_folder_async (GtkWindow           *parent,
                                    const char          *title,
                                    GFile               *initial_folder,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, reports_compat_choose_folder_async);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    gtk_file_dialog_select_folder (dialog, parent, cancellable, file_dialog_cb, g_steal_pointer (&task));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent,
                                          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                          _("_Select"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), g_steal_pointer (&task));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

GFile *
reports_compat_choose_folder_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
reports_compat_open_file (GtkWindow *parent,
                          GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, parent, NULL, NULL, NULL);
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  }
#endif
}

#if !GTK_CHECK_VERSION (4, 10, 0)
typedef struct
{
  GtkWindow *parent;
  GFile     *file;
} ShowInFolder;

static void
show_in_folder_free (ShowInFolder *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowInFolder, show_in_folder_free)

static void
open_folder (GtkWindow *parent,
             GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder != NULL ? folder : file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShowInFolder) data = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a file manager that offers this, the folder alone. */
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("FileManager1.ShowItems: %s", error->message);
      open_folder (data->parent, data->file);
    }
}
#endif

void
reports_compat_show_in_folder (GtkWindow *parent,
                               GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_open_containing_folder (launcher, parent, NULL, NULL, NULL);
  }
#else
  {
    /* GTK 4.8 can only open the folder; the file manager's D-Bus interface
     * (what GtkFileLauncher uses outside a sandbox) also selects the file. */
    GApplication *app = g_application_get_default ();
    GDBusConnection *bus = app != NULL ? g_application_get_dbus_connection (app) : NULL;
    g_autofree char *uri = g_file_get_uri (file);
    const char *uris[] = { uri, NULL };
    ShowInFolder *data;

    if (bus == NULL)
      {
        open_folder (parent, file);
        return;
      }

    data = g_new0 (ShowInFolder, 1);
    data->parent = parent != NULL ? g_object_ref (parent) : NULL;
    data->file = g_object_ref (file);
    g_dbus_connection_call (bus,
                            "org.freedesktop.FileManager1",
                            "/org/freedesktop/FileManager1",
                            "org.freedesktop.FileManager1",
                            "ShowItems",
                            g_variant_new ("(^ass)", uris, ""),
                            NULL,
                            G_DBUS_CALL_FLAGS_NONE,
                            -1,
                            NULL,
                            show_items_cb,
                            data);
  }
#endif
}

/* The report viewer's Open… and Export…: a file chooser for one file
 * to open (report files first) or to save (a suggested name). */
static GtkFileFilter *
report_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Report Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

void
reports_compat_open_file_async (GtkWindow           *parent,
                                const char          *title,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = report_filter ();

  g_task_set_source_tag (task, reports_compat_open_file_async);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_open (dialog, parent, cancellable, file_dialog_cb, g_steal_pointer (&task));
  }
#else
  {
    GtkFileChooserNative *native;
    g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

    native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_file_filter_set_name (all, _("All Files"));
    gtk_file_filter_add_pattern (all, "*");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), g_steal_pointer (&task));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

void
reports_compat_save_file_async (GtkWindow           *parent,
                                const char          *title,
                                const char          *initial_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, reports_compat_save_file_async);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, parent, cancellable, file_dialog_cb, g_steal_pointer (&task));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), g_steal_pointer (&task));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

GFile *
reports_compat_choose_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
