/* reports-download-row.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-compat.h"
#include "reports-download-label.h"
#include "reports-download-row.h"
#include "yeastar-text.h"

struct _ReportsDownloadRow
{
  GtkListBoxRow          parent_instance;

  ReportsDownloadRecord *record;
  YeastarDownload       *download; /* while it runs */
  guint                  pulse_source;
  guint                  can_retry : 1;

  /* Template widgets */
  GtkLabel              *title_label;
  GtkLabel              *details_label;
  GtkLabel              *status_label;
  GtkProgressBar        *progress_bar;
  GtkButton             *cancel_button;
  GtkButton             *open_button;
  GtkButton             *preview_button;
  GtkButton             *retry_button;
  GtkMenuButton         *menu_button;
};

G_DEFINE_FINAL_TYPE (ReportsDownloadRow, reports_download_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  RETRY,
  CANCEL,
  REMOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

ReportsDownloadRecord *
reports_download_row_get_record (ReportsDownloadRow *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_ROW (self), NULL);

  return self->record;
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

/* A set's report: the bytes its run reports on the record. */
static char *
describe_record_progress (ReportsDownloadRow *self)
{
  guint64 received = reports_download_record_get_received (self->record);
  gint64 total = reports_download_record_get_total (self->record);
  g_autofree char *received_text = NULL;

  if (received == 0 && total <= 0)
    {
      set_pulsing (self, TRUE);
      return g_strdup (_("Asking the PBX for the report…"));
    }

  received_text = g_format_size (received);
  set_pulsing (self, total <= 0);
  if (total > 0)
    {
      g_autofree char *total_text = g_format_size (total);

      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) received / total));
      return g_strdup_printf (_("%s of %s"), received_text, total_text);
    }

  return g_strdup_printf (_("%s received"), received_text);
}

/* What the running download is doing. */
static char *
describe_progress (ReportsDownloadRow *self)
{
  g_autofree char *received = NULL;
  gint64 total;

  if (self->download == NULL)
    return describe_record_progress (self);

  switch (yeastar_download_get_state (self->download))
    {
    case YEASTAR_DOWNLOAD_STATE_PREPARING:
      set_pulsing (self, TRUE);
      return g_strdup (_("The PBX is preparing the file; it will announce when it is ready…"));

    case YEASTAR_DOWNLOAD_STATE_DOWNLOADING:
      received = g_format_size (yeastar_download_get_bytes_received (self->download));
      total = yeastar_download_get_total_bytes (self->download);
      set_pulsing (self, total <= 0);
      if (total > 0)
        {
          g_autofree char *total_text = g_format_size (total);

          gtk_progress_bar_set_fraction (self->progress_bar, yeastar_download_get_fraction (self->download));
          /* Translators: download progress, e.g. "1.2 MB of 40 MB". */
          return g_strdup_printf (_("%s of %s"), received, total_text);
        }
      /* Translators: download progress when the size is unknown. */
      return g_strdup_printf (_("%s received"), received);

    case YEASTAR_DOWNLOAD_STATE_IDLE:
    case YEASTAR_DOWNLOAD_STATE_REQUESTING:
    case YEASTAR_DOWNLOAD_STATE_DONE:
    case YEASTAR_DOWNLOAD_STATE_FAILED:
    default:
      set_pulsing (self, TRUE);
      return g_strdup (_("Asking the PBX for the report…"));
    }
}

static char *
describe_status (ReportsDownloadRow *self)
{
  ReportsDownloadRecord *record = self->record;
  const char *path = reports_download_record_get_path (record);
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;
  g_autofree char *size = g_format_size (reports_download_record_get_size (record));

  switch (reports_download_record_get_status (record))
    {
    case REPORTS_DOWNLOAD_RUNNING:
      return describe_progress (self);

    case REPORTS_DOWNLOAD_DONE:
      if (reports_download_record_get_file_missing (record))
        /* Translators: a report saved earlier whose file is gone; %s is its name. */
        return g_strdup_printf (_("%s was deleted or moved since"), name);
      /* Translators: a finished download: the file's name and size. */
      return g_strdup_printf (_("Saved as %s (%s)"), name, size);

    case REPORTS_DOWNLOAD_CANCELLED:
      return g_strdup (_("Cancelled; nothing was saved"));

    case REPORTS_DOWNLOAD_INTERRUPTED:
      return g_strdup (_("Interrupted when the application quit; nothing was saved"));

    case REPORTS_DOWNLOAD_FAILED:
    default:
      /* Translators: a failed download; %s says why. */
      return g_strdup_printf (_("Failed, nothing was saved: %s"),
                              reports_download_record_get_message (record) != NULL ?
                              reports_download_record_get_message (record) : "");
    }
}

static void
update (ReportsDownloadRow *self)
{
  ReportsDownloadStatus status = reports_download_record_get_status (self->record);
  gboolean running = status == REPORTS_DOWNLOAD_RUNNING;
  gboolean saved = status == REPORTS_DOWNLOAD_DONE && !reports_download_record_get_file_missing (self->record);
  gboolean failed = status == REPORTS_DOWNLOAD_FAILED || status == REPORTS_DOWNLOAD_INTERRUPTED;
  g_autofree char *text = describe_status (self);
  const char *path = reports_download_record_get_path (self->record);

  if (!running)
    set_pulsing (self, FALSE);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), saved ? path : NULL);
  /* The label shows the file's name; its description, the whole path. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, saved ? path : "",
                                  -1);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (failed || running)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), saved);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), saved);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !running && !saved);

  if (saved)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      /* The action's name only with its target: app.open-report takes a
       * file's URI, and a name without it is a type mismatch. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->preview_button), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->preview_button), "app.open-report");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "download.open", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "download.preview",
                                 saved && g_application_get_default () != NULL &&
                                 g_action_group_has_action (G_ACTION_GROUP (g_application_get_default ()), "open-report"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "download.show-in-folder", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "download.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "download.retry", !running && self->can_retry);
}

void
reports_download_row_set_can_retry (ReportsDownloadRow *self,
                                    gboolean            can_retry)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_ROW (self));

  self->can_retry = !!can_retry;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->retry_button),
                               can_retry ? _("Download this report again")
                                         : _("Connect to this report’s PBX to download it again"));
  update (self);
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
  g_autoptr(GFile) file = g_file_new_for_path (reports_download_record_get_path (self->record));

  reports_compat_open_file (get_window (self), file);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (reports_download_record_get_path (self->record));

  reports_compat_show_in_folder (get_window (self), file);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (widget);

  gtk_widget_activate (GTK_WIDGET (self->preview_button));
}

static void
emit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  guint signal = g_str_equal (action_name, "download.retry") ? RETRY :
                 g_str_equal (action_name, "download.cancel") ? CANCEL : REMOVE;

  g_signal_emit (widget, signals [signal], 0);
}

/* Menu or Shift+F10 on the row opens its menu of actions. */
static gboolean
popup_menu (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  gtk_menu_button_popup (REPORTS_DOWNLOAD_ROW (widget)->menu_button);
  return TRUE;
}

static void
reports_download_row_dispose (GObject *object)
{
  ReportsDownloadRow *self = REPORTS_DOWNLOAD_ROW (object);

  set_pulsing (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_DOWNLOAD_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->download);

  G_OBJECT_CLASS (reports_download_row_parent_class)->dispose (object);
}

static void
reports_download_row_class_init (ReportsDownloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_download_row_dispose;

  signals [RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-download-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadRow, menu_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu, NULL);

  gtk_widget_class_install_action (widget_class, "download.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "download.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "download.show-in-folder", NULL, show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "download.retry", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "download.cancel", NULL, emit_action);
  gtk_widget_class_install_action (widget_class, "download.remove", NULL, emit_action);
}

static void
reports_download_row_init (ReportsDownloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Demo PBX · 3 Nov 2026, 14:05 · Queues: Sales, Support", after
 * "Set ‘Monthly’" for a set's report. */
static char *
describe_details (ReportsDownloadRecord *record)
{
  const char *report_type = reports_download_record_get_report_type (record);
  g_autofree char *pbx = yeastar_text_escape (reports_download_record_get_pbx_name (record), -1);
  g_autofree char *ids = reports_download_label_ids (report_type, reports_download_record_get_values (record),
                                                     reports_download_record_get_names (record));
  g_autoptr(GDateTime) local = g_date_time_to_local (reports_download_record_get_created (record));
  /* Translators: when a download was asked for, as g_date_time_format () takes it. */
  g_autofree char *when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  const char *set_name = reports_download_record_get_set_name (record);
  GString *text = g_string_new (NULL);

  if (set_name != NULL)
    {
      g_autofree char *escaped = yeastar_text_escape (set_name, -1);

      /* Translators: a report downloaded by a report set run; %s is the set's name. */
      g_string_append_printf (text, _("Set ‘%s’"), escaped);
    }
  if (pbx[0] != '\0')
    g_string_append_printf (text, text->len > 0 ? " · %s" : "%s", pbx);
  g_string_append_printf (text, text->len > 0 ? " · %s" : "%s", when);
  if (ids != NULL)
    g_string_append_printf (text, " · %s", ids);

  return g_string_free (text, FALSE);
}

/* A set's report learns its PBX's name and its period as it runs. */
static void
update_labels (ReportsDownloadRow *self)
{
  ReportsDownloadRecord *record = self->record;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  title = reports_download_label_title (reports_download_record_get_report_type (record),
                                        reports_download_record_get_values (record));
  details = describe_details (record);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->details_label, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

GtkWidget *
reports_download_row_new (ReportsDownloadRecord *record,
                          YeastarDownload       *download)
{
  ReportsDownloadRow *self;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_RECORD (record), NULL);
  g_return_val_if_fail (download == NULL || YEASTAR_IS_DOWNLOAD (download), NULL);

  self = g_object_new (REPORTS_TYPE_DOWNLOAD_ROW, NULL);
  self->record = g_object_ref (record);
  if (download != NULL)
    {
      self->download = g_object_ref (download);
      g_signal_connect_object (download, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update_labels (self);

  g_signal_connect_object (record, "notify::values", G_CALLBACK (update_labels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (record, "notify::pbx-name", G_CALLBACK (update_labels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (record, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}
