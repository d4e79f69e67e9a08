/* reports-download-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-download-row.h"
#include "yeastar-error.h"
#include "yeastar-report-type.h"

struct _ReportsDownloadRow
{
  GtkListBoxRow    parent_instance;

  YeastarDownload *download;
  GCancellable    *cancellable;
  guint            pulse_source;
  guint            finished : 1;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkProgressBar  *progress_bar;
  GtkButton       *cancel_button;
  GtkButton       *open_button;
  GtkButton       *folder_button;
};

G_DEFINE_FINAL_TYPE (ReportsDownloadRow, reports_download_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

YeastarDownload *
reports_download_row_get_download (ReportsDownloadRow *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_ROW (self), NULL);

  return self->download;
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));

  return G_SOURCE_CONTINUE;
}

static void
set_pulsing (ReportsDownloadRow *self,
             gboolean            pulsing)
{
  if (pulsing && self->pulse_source == 0)
    self->pulse_source = g_timeout_add (250, pulse_cb, self->progress_bar);
  else if (!pulsing)
    g_clear_handle_id (&self->pulse_source, g_source_remove);
}

static void
set_status (ReportsDownloadRow *self,
            const char         *status)
{
  gtk_label_set_text (self->status_label, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
}

/* A refused field as the form names it: "Queue". */
static char *
name_field_as_form (const char *api_name,
                    gpointer    user_data)
{
  YeastarParam param;

  return yeastar_param_from_api_name (api_name, &param) ? g_strdup (yeastar_param_get_title (param)) : NULL;
}

/* Why a download failed. The fields a PBX refused (errcode 40002) are
 * named as the form names them, with what the PBX said. */
static char *
describe_error (const GError *error)
{
  GString *text;

  if (error == NULL)
    return g_strdup ("");

  text = g_string_new (_("The PBX refused these fields:"));
  if (!yeastar_error_append_invalid_params (error, text, "", name_field_as_form, NULL))
    {
      g_string_free (text, TRUE);
      return g_strdup (error->message);
    }

  return g_string_free (text, FALSE);
}

static void
update (ReportsDownloadRow *self)
{
  YeastarDownloadState state = yeastar_download_get_state (self->download);
  g_autofree char *status = NULL;

  switch (state)
    {
    case YEASTAR_DOWNLOAD_STATE_IDLE:
    case YEASTAR_DOWNLOAD_STATE_REQUESTING:
      status = g_strdup (_("Asking the PBX for the report…"));
      set_pulsing (self, TRUE);
      break;

    case YEASTAR_DOWNLOAD_STATE_PREPARING:
      status = g_strdup (_("The PBX is preparing the file; it will announce when it is ready…"));
      set_pulsing (self, TRUE);
      break;

    case YEASTAR_DOWNLOAD_STATE_DOWNLOADING:
      {
        g_autofree char *received = g_format_size (yeastar_download_get_bytes_received (self->download));
        gint64 total = yeastar_download_get_total_bytes (self->download);

        set_pulsing (self, total <= 0);
        if (total > 0)
          {
            g_autofree char *total_text = g_format_size (total);

            /* Translators: download progress, e.g. "1.2 MB of 40 MB". */
            status = g_strdup_printf (_("%s of %s"), received, total_text);
            gtk_progress_bar_set_fraction (self->progress_bar, yeastar_download_get_fraction (self->download));
          }
        else
          /* Translators: download progress when the size is unknown. */
          status = g_strdup_printf (_("%s received"), received);
      }
      break;

    case YEASTAR_DOWNLOAD_STATE_DONE:
      {
        GFile *file = yeastar_download_get_file (self->download);
        g_autofree char *size = g_format_size (yeastar_download_get_bytes_received (self->download));
        g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

        set_pulsing (self, FALSE);
        /* Translators: a finished download: its path and size. */
        status = g_strdup_printf (_("Saved as %s (%s)"), path != NULL ? path : "", size);
        gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
        gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
        gtk_widget_set_visible (GTK_WIDGET (self->open_button), TRUE);
        gtk_widget_set_visible (GTK_WIDGET (self->folder_button), TRUE);
      }
      break;

    case YEASTAR_DOWNLOAD_STATE_FAILED:
      {
        const GError *error = yeastar_download_get_error (self->download);

        set_pulsing (self, FALSE);
        if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          status = g_strdup (_("Cancelled; nothing was saved"));
        else
          {
            g_autofree char *why = describe_error (error);

            /* Translators: a failed download; %s says why. */
            status = g_strdup_printf (_("Failed, nothing was saved: %s"), why);
          }
        gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
        gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
        if (error == NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          {
            gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
            gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  set_status (self, status);
}

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ReportsDownloadRow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = yeastar_download_start_finish (YEASTAR_DOWNLOAD (object), result, &error);
  update (self);

  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals [FINISHED], 0);
    }
}

void
reports_download_row_start (ReportsDownloadRow *self,
                            GCancellable       *cancellable)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_ROW (self));

  /* One cancellable per download, cancelled with the page's too. */
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                           g_object_ref (self->cancellable), g_object_unref);

  yeastar_download_start_async (self->download, self->cancellable, start_cb, g_object_ref (self));
  update (self);
}

void
reports_download_row_cancel (ReportsDownloadRow *self)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_ROW (self));

  if (self->cancellable != NULL && !self->finished)
    g_cancellable_cancel (self->cancellable);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reports_download_row_cancel (REPORTS_DOWNLOAD_ROW (widget));
}

static GtkWindow *
get_window (ReportsDownloadRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (widget);
  GFile *file = yeastar_download_get_file (self->download);

  if (file != NULL)
    reports_compat_open_file (get_window (self), file);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (widget);
  GFile *file = yeastar_download_get_file (self->download);

  if (file != NULL)
    reports_compat_show_in_folder (get_window (self), file);
}

static void
reports_download_row_dispose (GObject *object)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (object);

  set_pulsing (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_DOWNLOAD_ROW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->download);

  G_OBJECT_CLASS (reports_download_row_parent_class)->dispose (object);
}

static void
reports_download_row_class_init (ReportsDownloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_download_row_dispose;

  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-download-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, folder_button);

  gtk_widget_class_install_action (widget_class, "download.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "download.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "download.show-in-folder", NULL, show_in_folder_action);
}

static void
reports_download_row_init (ReportsDownloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reports_download_row_new (YeastarDownload *download)
{
  ReportsDownloadRow *self;
  YeastarReportRequest *request;
  g_autofree char *title = NULL;

  g_return_val_if_fail (YEASTAR_IS_DOWNLOAD (download), NULL);

  self = g_object_new (REPORTS_TYPE_DOWNLOAD_ROW, NULL);
  self->download = g_object_ref (download);

  request = yeastar_download_get_request (download);
  title = g_strdup (yeastar_report_type_get_title (yeastar_report_request_get_report_type (request)));
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  g_signal_connect_object (download, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
