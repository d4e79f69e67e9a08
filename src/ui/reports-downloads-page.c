/* reports-downloads-page.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reports-compat.h"
#include "reports-download-label.h"
#include "reports-download-row.h"
#include "reports-downloads-page.h"
#include "reports-request-store.h"
#include "reports-secrets.h"
#include "reports-set-run-records.h"
#include "reports-set-store.h"
#include "yeastar-cancellable.h"
#include "yeastar-download.h"
#include "yeastar-error.h"
#include "yeastar-text.h"

struct _ReportsDownloadsPage
{
  AdwBin                  parent_instance;

  ReportsDownloadHistory *history;
  ReportsSession         *session;
  GHashTable             *running;     /* record ID → Running */
  GCancellable           *cancellable; /* cancels them all */

  /* Template widgets */
  GtkStack               *stack;
  GtkListBox             *list_box;
};

G_DEFINE_FINAL_TYPE (ReportsDownloadsPage, reports_downloads_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  FINISHED,
  RETRY_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  YeastarDownload *download;
  GCancellable    *cancellable;
} Running;

static void
running_free (gpointer data)
{
  Running *running = data;

  g_clear_object (&running->download);
  g_clear_object (&running->cancellable);
  g_free (running);
}

gboolean
reports_downloads_page_get_busy (ReportsDownloadsPage *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self), FALSE);

  return g_hash_table_size (self->running) > 0;
}

void
reports_downloads_page_cancel_all (ReportsDownloadsPage *self)
{
  GHashTableIter iter;
  Running *running;

  g_return_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self));

  g_hash_table_iter_init (&iter, self->running);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &running))
    g_cancellable_cancel (running->cancellable);
}

static gboolean
can_retry (ReportsDownloadsPage  *self,
           ReportsDownloadRecord *record)
{
  YeastarClient *client;
  const char *set_name = reports_download_record_get_set_name (record);

  /* A set's report runs again with the set's PBX and Client Secret. */
  if (set_name != NULL)
    {
      g_autoptr(GFile) file = reports_set_store_dup_file (set_name);

      return file != NULL && g_file_query_exists (file, NULL);
    }

  if (self->session == NULL)
    return FALSE;

  client = reports_session_get_client (self->session);
  return g_strcmp0 (yeastar_client_get_base_uri (client), reports_download_record_get_pbx_uri (record)) == 0;
}

static void
update_rows (ReportsDownloadsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (REPORTS_IS_DOWNLOAD_ROW (child))
        reports_download_row_set_can_retry (REPORTS_DOWNLOAD_ROW (child),
                                            can_retry (self, reports_download_row_get_record (REPORTS_DOWNLOAD_ROW (child))));
    }
}

void
reports_downloads_page_set_session (ReportsDownloadsPage *self,
                                    ReportsSession       *session)
{
  g_return_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self));

  if (g_set_object (&self->session, session))
    update_rows (self);
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

/* A desktop notification, only when the user is looking elsewhere. */
static void
notify_finished (ReportsDownloadsPage  *self,
                 ReportsDownloadRecord *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  g_autofree char *title = reports_download_label_title (reports_download_record_get_report_type (record),
                                                         reports_download_record_get_values (record));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  if (app == NULL || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  switch (reports_download_record_get_status (record))
    {
    case REPORTS_DOWNLOAD_DONE:
      notification = g_notification_new (_("Report Downloaded"));
      /* Translators: %s is a report's name, e.g. "Queue Performance, November 2026". */
      body = g_strdup_printf (_("Saved ‘%s’"), title);
      break;

    case REPORTS_DOWNLOAD_FAILED:
      notification = g_notification_new (_("Report Download Failed"));
      body = g_strdup_printf ("%s: %s", title, reports_download_record_get_message (record));
      break;

    case REPORTS_DOWNLOAD_RUNNING:
    case REPORTS_DOWNLOAD_CANCELLED:
    case REPORTS_DOWNLOAD_INTERRUPTED:
    default:
      return;
    }

  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (app, "download-finished", notification);
}

static void clear_page_pointer (gpointer data,
                                GObject *where_the_object_was);

static void
start_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ReportsDownloadRecord) record = user_data;
  YeastarDownload *download = YEASTAR_DOWNLOAD (object);
  ReportsDownloadsPage *self = g_object_get_data (G_OBJECT (download), "page");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = yeastar_download_start_finish (download, result, &error);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      reports_download_record_set_size (record, yeastar_download_get_bytes_received (download));
      reports_download_record_set_path (record, path);
      reports_download_record_set_status (record, REPORTS_DOWNLOAD_DONE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    reports_download_record_set_status (record, REPORTS_DOWNLOAD_CANCELLED);
  else
    {
      g_autofree char *message = describe_error (error);

      reports_download_record_set_message (record, message);
      reports_download_record_set_status (record, REPORTS_DOWNLOAD_FAILED);
    }

  /* The page is gone when the window closed meanwhile. */
  if (self == NULL)
    return;

  g_object_weak_unref (G_OBJECT (self), clear_page_pointer, download);
  g_hash_table_remove (self->running, reports_download_record_get_id (record));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
  notify_finished (self, record);
  g_signal_emit (self, signals [FINISHED], 0, record);
}

static void
clear_page_pointer (gpointer data,
                    GObject *where_the_object_was)
{
  g_object_set_data (G_OBJECT (data), "page", NULL);
}

static GListModel *
peek_menu (const char *menu,
           const char *queue_id,
           gpointer    user_data)
{
  return reports_session_peek_menu (REPORTS_SESSION (user_data), menu, queue_id);
}

/* The names of the IDs from the session's menus; those it has not
 * loaded (a retry after a restart) from @previous, the failed record's. */
static GVariant *
collect_names (ReportsDownloadsPage *self,
               GVariant             *values,
               GVariant             *previous)
{
  g_autoptr(GVariant) collected = g_variant_ref_sink (reports_download_label_collect_names (values, peek_menu,
                                                                                            self->session));
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *name;

  if (previous == NULL)
    return g_steal_pointer (&collected);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, collected);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &name))
    g_variant_builder_add (&builder, "{ss}", key, name);
  g_variant_iter_init (&iter, previous);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &name))
    if (!g_variant_lookup (collected, key, "&s", NULL))
      g_variant_builder_add (&builder, "{ss}", key, name);

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
start_download (ReportsDownloadsPage *self,
                YeastarReportRequest *request,
                GFile                *folder,
                GVariant             *previous_names)
{
  YeastarClient *client;
  g_autoptr(GVariant) values = NULL;
  g_autoptr(ReportsDownloadRecord) record = NULL;
  g_autoptr(GVariant) names = NULL;
  g_autofree char *device_name = NULL;
  g_autofree char *folder_path = NULL;
  Running *running;

  g_return_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self));
  g_return_if_fail (YEASTAR_IS_REPORT_REQUEST (request));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->session != NULL);

  client = reports_session_get_client (self->session);
  values = reports_request_values_from_request (request, REPORTS_REQUEST_VALUES_WITH_IDS);
  device_name = g_strdup (yeastar_pbx_info_get_device_name (reports_session_get_pbx_info (self->session)));
  folder_path = g_file_get_path (folder);
  record = reports_download_record_new (yeastar_client_get_base_uri (client), device_name,
                                        yeastar_report_type_get_api_name (yeastar_report_request_get_report_type (request)),
                                        values, folder_path);
  /* The names the form shows for the IDs, kept with the record. */
  names = collect_names (self, values, previous_names);
  reports_download_record_set_names (record, names);

  running = g_new0 (Running, 1);
  running->download = yeastar_download_new (client, request, folder);
  running->cancellable = g_cancellable_new ();
  yeastar_cancellable_chain (self->cancellable, running->cancellable);
  g_object_set_data (G_OBJECT (running->download), "page", self);
  g_object_weak_ref (G_OBJECT (self), clear_page_pointer, running->download);
  g_hash_table_insert (self->running, g_strdup (reports_download_record_get_id (record)), running);

  /* The row is made by the history's items-changed, with the download. */
  reports_download_history_add (self->history, record);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  yeastar_download_start_async (running->download, running->cancellable, start_cb, g_object_ref (record));
}

void
reports_downloads_page_start (ReportsDownloadsPage *self,
                              YeastarReportRequest *request,
                              GFile                *folder)
{
  start_download (self, request, folder, NULL);
}

static void
set_run_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReportsSetRun *run = REPORTS_SET_RUN (object);
  g_autoptr(GError) error = NULL;

  if (!reports_set_run_start_finish (run, result, &error))
    reports_set_run_records_fail (run, error);

  g_object_unref (run);
}

static void
set_secret_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ReportsSetRun) run = user_data;
  g_autoptr(GError) error = NULL;
  const ReportsSetPbx *pbx = reports_set_get_pbx (reports_set_run_get_set (run), 0);
  char *secret = reports_secrets_lookup_finish (result, &error);
  GCancellable *cancellable = g_object_get_data (G_OBJECT (run), "cancellable");

  if (secret != NULL)
    {
      reports_set_run_set_secret (run, 0, secret);
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
  else
    {
      g_autoptr(GError) missing = reports_set_pbx_new_missing_secret_error (pbx, error);

      reports_set_run_set_pbx_error (run, 0, missing);
    }

  reports_set_run_start_async (run, cancellable, set_run_done_cb, g_object_ref (run));
}

/* One report of a set again: a run of the set as saved now with only that
 * report and its PBX, so with the set's PBX, Client ID and secret, one
 * login and one del_token. The new attempt takes the old one's place. */
static void
retry_set_report (ReportsDownloadsPage  *self,
                  ReportsDownloadRecord *record)
{
  g_autoptr(ReportsSet) set = NULL;
  g_autoptr(ReportsSetRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const ReportsSetPbx *pbx;

  /* The record keeps what failed first; why it cannot run again is
   * the window's to show (a toast), not the record's. */
  set = reports_set_run_records_dup_retry_set (record, &error);
  if (set == NULL)
    {
      g_autofree char *message = yeastar_text_escape (error->message, -1);

      g_signal_emit (self, signals [RETRY_FAILED], 0, record, message);
      return;
    }

  g_object_ref (record);
  reports_download_history_remove (self->history, record);

  run = reports_set_run_new (set);
  g_object_set_data_full (G_OBJECT (run), "cancellable", g_object_ref (self->cancellable), g_object_unref);
  reports_set_run_records_attach (run, self->history);
  pbx = reports_set_get_pbx (set, 0);
  reports_secrets_lookup_async (pbx->server, pbx->client_id, self->cancellable,
                                set_secret_cb, g_steal_pointer (&run));
  g_object_unref (record);
}

static void
retry_cb (ReportsDownloadsPage *self,
          ReportsDownloadRow   *row)
{
  ReportsDownloadRecord *record = reports_download_row_get_record (row);
  g_autoptr(YeastarReportRequest) request = yeastar_report_request_new ();
  g_autoptr(GFile) folder = NULL;

  if (reports_download_record_get_set_name (record) != NULL)
    {
      if (can_retry (self, record))
        retry_set_report (self, record);
      return;
    }

  if (!can_retry (self, record) || yeastar_report_type_lookup (reports_download_record_get_report_type (record)) == NULL)
    return;

  yeastar_report_request_set_report_type (request, reports_download_record_get_report_type (record));
  reports_request_values_apply (request, reports_download_record_get_values (record), REPORTS_REQUEST_VALUES_WITH_IDS);
  folder = g_file_new_for_path (reports_download_record_get_folder (record));

  /* The new attempt takes the old one's place, at the top. */
  g_object_ref (record);
  reports_download_history_remove (self->history, record);
  start_download (self, request, folder, reports_download_record_get_names (record));
  g_object_unref (record);
}

static void
cancel_cb (ReportsDownloadsPage *self,
           ReportsDownloadRow   *row)
{
  Running *running = g_hash_table_lookup (self->running,
                                          reports_download_record_get_id (reports_download_row_get_record (row)));

  if (running != NULL)
    g_cancellable_cancel (running->cancellable);
  /* A set's report: its run stops that report only. */
  else if (reports_download_record_get_cancellable (reports_download_row_get_record (row)) != NULL)
    g_cancellable_cancel (reports_download_record_get_cancellable (reports_download_row_get_record (row)));
}

static void
remove_cb (ReportsDownloadsPage *self,
           ReportsDownloadRow   *row)
{
  ReportsDownloadRecord *record = reports_download_row_get_record (row);

  cancel_cb (self, row);
  reports_download_history_remove (self->history, record);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ReportsDownloadsPage *self = user_data;
  ReportsDownloadRecord *record = item;
  Running *running = g_hash_table_lookup (self->running, reports_download_record_get_id (record));
  GtkWidget *row = reports_download_row_new (record, running != NULL ? running->download : NULL);

  reports_download_row_set_can_retry (REPORTS_DOWNLOAD_ROW (row), can_retry (self, record));
  g_signal_connect_object (row, "retry", G_CALLBACK (retry_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "cancel", G_CALLBACK (cancel_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static ReportsDownloadRow *
find_row (ReportsDownloadsPage *self,
          const char           *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (REPORTS_IS_DOWNLOAD_ROW (child) &&
          g_strcmp0 (reports_download_record_get_id (reports_download_row_get_record (REPORTS_DOWNLOAD_ROW (child))), id) == 0)
        return REPORTS_DOWNLOAD_ROW (child);
    }

  return NULL;
}

void
reports_downloads_page_reveal (ReportsDownloadsPage *self,
                               const char           *id)
{
  ReportsDownloadRow *row;

  g_return_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self));

  row = find_row (self, id);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
reports_downloads_page_open (ReportsDownloadsPage *self,
                             const char           *id)
{
  ReportsDownloadRow *row;

  g_return_if_fail (REPORTS_IS_DOWNLOADS_PAGE (self));

  row = find_row (self, id);
  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "download.open", NULL);
}

static void
items_changed_cb (ReportsDownloadsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "downloads.clear", n_items > 0);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reports_download_history_clear_finished (REPORTS_DOWNLOADS_PAGE (widget)->history);
}

/* A file deleted since the page was last shown is shown as such. */
static void
map_cb (ReportsDownloadsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->history));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ReportsDownloadRecord) record = g_list_model_get_item (G_LIST_MODEL (self->history), i);

      reports_download_record_check_file (record);
    }
}

static void
reports_downloads_page_dispose (GObject *object)
{
  ReportsDownloadsPage *self = REPORTS_DOWNLOADS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REPORTS_TYPE_DOWNLOADS_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->running, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (reports_downloads_page_parent_class)->dispose (object);
}

static void
reports_downloads_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ReportsDownloadsPage *self = REPORTS_DOWNLOADS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, reports_downloads_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reports_downloads_page_class_init (ReportsDownloadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reports_downloads_page_dispose;
  object_class->get_property = reports_downloads_page_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, REPORTS_TYPE_DOWNLOAD_RECORD);

  /* A set's report whose set or PBX is gone: the reason, escaped. */
  signals [RETRY_FAILED] =
    g_signal_new ("retry-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, REPORTS_TYPE_DOWNLOAD_RECORD, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/reports-downloads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReportsDownloadsPage, list_box);

  gtk_widget_class_install_action (widget_class, "downloads.clear", NULL, clear_action);
}

static void
reports_downloads_page_init (ReportsDownloadsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child is not bound: AdwBin disposes it. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, running_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

ReportsDownloadsPage *
reports_downloads_page_new (ReportsDownloadHistory *history)
{
  ReportsDownloadsPage *self;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (history), NULL);

  self = g_object_new (REPORTS_TYPE_DOWNLOADS_PAGE, NULL);
  self->history = g_object_ref (history);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (history), create_row, self, NULL);
  g_signal_connect_object (history, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);

  return self;
}
