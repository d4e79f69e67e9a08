/* reports-download-history.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-download-history-private.h"

/* The downloads the Reports page lists, newest first, as a GListModel of
 * ReportsDownloadRecord. They are kept in a file of the user's state
 * directory (~/.local/state/call-reports/downloads.gvariant), the
 * GVariant text of an array of records. At most MAX_RECORDS are kept.
 *
 * The file is written after a record is added or removed and after a
 * record's status or file changes (not as its bytes come), but not at
 * once: the first change starts a short timer and everything changed
 * until it fires goes in one write, so that a set run's parallel
 * downloads, each finishing with several changes, cost a few writes and
 * not one per change. reports_download_history_flush () writes what is
 * pending at once; dispose, the application's shutdown and the command
 * line's exit call it. Each write replaces the file by renaming a
 * complete new one over it, so that a process killed at any point
 * leaves the old list or the new one, never a part of one. */

#define MAX_RECORDS 200
#define SAVE_DELAY_MS 500

struct _ReportsDownloadHistory
{
  GObject       parent_instance;

  GFile        *file;
  GPtrArray    *records;
  GMainContext *context;
  GSource      *save_source;
  guint         n_saves;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReportsDownloadHistory, reports_download_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return REPORTS_TYPE_DOWNLOAD_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return REPORTS_DOWNLOAD_HISTORY (model)->records->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ReportsDownloadHistory *self = REPORTS_DOWNLOAD_HISTORY (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean save_or_warn (ReportsDownloadHistory *self);

static gboolean
save_timeout_cb (gpointer user_data)
{
  ReportsDownloadHistory *self = user_data;

  g_clear_pointer (&self->save_source, g_source_unref);
  save_or_warn (self);

  return G_SOURCE_REMOVE;
}

/* Forgets the write that was to come: done now, or replaced. */
static void
cancel_save (ReportsDownloadHistory *self)
{
  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      g_clear_pointer (&self->save_source, g_source_unref);
    }
}

/* Writes the list soon, with whatever else changes until then. */
static void
schedule_save (ReportsDownloadHistory *self)
{
  if (self->file == NULL || self->save_source != NULL)
    return;

  self->save_source = g_timeout_source_new (SAVE_DELAY_MS);
  g_source_set_static_name (self->save_source, "[call-reports] save downloads");
  g_source_set_callback (self->save_source, save_timeout_cb, self, NULL);
  g_source_attach (self->save_source, self->context);
}

static void
record_changed_cb (ReportsDownloadHistory *self)
{
  schedule_save (self);
}

static void
track (ReportsDownloadHistory *self,
       ReportsDownloadRecord  *record)
{
  g_signal_connect_object (record, "notify::status", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (record, "notify::path", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
reports_download_history_dispose (GObject *object)
{
  ReportsDownloadHistory *self = REPORTS_DOWNLOAD_HISTORY (object);

  /* Nothing changed is lost with the last reference. */
  reports_download_history_flush (self);

  G_OBJECT_CLASS (reports_download_history_parent_class)->dispose (object);
}

static void
reports_download_history_finalize (GObject *object)
{
  ReportsDownloadHistory *self = REPORTS_DOWNLOAD_HISTORY (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (reports_download_history_parent_class)->finalize (object);
}

static void
reports_download_history_class_init (ReportsDownloadHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reports_download_history_dispose;
  object_class->finalize = reports_download_history_finalize;
}

static void
reports_download_history_init (ReportsDownloadHistory *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  /* The changes come from this context's callbacks: the write too. */
  self->context = g_main_context_ref_thread_default ();
}

GFile *
reports_download_history_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "call-reports", "downloads.gvariant", NULL);
}

/* @file: where the list is kept, or NULL for a list in memory only. */
ReportsDownloadHistory *
reports_download_history_new (GFile *file)
{
  ReportsDownloadHistory *self = g_object_new (REPORTS_TYPE_DOWNLOAD_HISTORY, NULL);

  g_set_object (&self->file, file);
  return self;
}

static ReportsDownloadHistory *default_history;

ReportsDownloadHistory *
reports_download_history_dup_default (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (default_history != NULL)
    return g_object_ref (default_history);

  file = reports_download_history_get_default_file ();
  default_history = reports_download_history_new (file);
  if (!reports_download_history_load (default_history, &error))
    g_warning ("Could not read the list of downloads: %s", error->message);
  /* Read again once nothing uses it. */
  g_object_add_weak_pointer (G_OBJECT (default_history), (gpointer *) &default_history);

  return default_history;
}

/* A missing file is an empty list. A file that is not a list of records
 * is an error, and the list stays empty (the file is replaced at the next
 * save); a record of another shape is skipped. */
gboolean
reports_download_history_load (ReportsDownloadHistory *self,
                               GError                **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) local_error = NULL;
  guint removed;
  GVariantIter iter;
  GVariant *child;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), FALSE);

  /* What is read replaces what was not written yet. */
  cancel_save (self);

  removed = self->records->len;
  g_ptr_array_set_size (self->records, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  if (self->file == NULL)
    return TRUE;

  if (!g_file_load_contents (self->file, NULL, &contents, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  variant = g_variant_parse (NULL, contents, NULL, NULL, &local_error);
  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE ("av")))
    {
      g_autofree char *path = g_file_get_path (self->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a list of downloads", path);
      return FALSE;
    }

  g_variant_iter_init (&iter, variant);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) boxed = child;
      g_autoptr(GVariant) record_variant = g_variant_get_variant (boxed);
      ReportsDownloadRecord *record = reports_download_record_new_from_variant (record_variant);

      if (record != NULL && self->records->len < MAX_RECORDS)
        {
          g_ptr_array_add (self->records, record);
          track (self, record);
        }
      else if (record != NULL)
        g_object_unref (record);
    }

  if (self->records->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->records->len);

  return TRUE;
}

/* Writes the list now, whatever is pending. */
gboolean
reports_download_history_save (ReportsDownloadHistory *self,
                               GError                **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), FALSE);

  cancel_save (self);

  if (self->file == NULL)
    return TRUE;

  self->n_saves++;

  /* Each record boxed, so that a later version can add fields and an
   * older one skips what it does not know. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  for (guint i = 0; i < self->records->len; i++)
    g_variant_builder_add (&builder, "v", reports_download_record_to_variant (g_ptr_array_index (self->records, i)));
  variant = g_variant_ref_sink (g_variant_builder_end (&builder));
  text = g_variant_print (variant, TRUE);

  parent = g_file_get_parent (self->file);
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A new file written and synced beside the old one, then renamed over
   * it: the old list or the new one, whenever the process stops. */
  path = g_file_get_path (self->file);
  if (path != NULL)
    return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);

  return g_file_replace_contents (self->file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* Writes the changes not written yet, if any: before the process ends. */
void
reports_download_history_flush (ReportsDownloadHistory *self)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self));

  if (self->save_source != NULL)
    save_or_warn (self);
}

/* Flushes the process's list of the default file, if one is in use. */
void
reports_download_history_flush_default (void)
{
  if (default_history != NULL)
    reports_download_history_flush (default_history);
}

/* Whether a record of the process's list of the default file is still
 * running: a download or a set's report not ended yet. */
gboolean
reports_download_history_get_running_default (void)
{
  if (default_history == NULL)
    return FALSE;

  for (guint i = 0; i < default_history->records->len; i++)
    if (reports_download_record_get_status (g_ptr_array_index (default_history->records, i)) ==
        REPORTS_DOWNLOAD_RUNNING)
      return TRUE;

  return FALSE;
}

/* Whether changes wait to be written. */
gboolean
_reports_download_history_get_pending (ReportsDownloadHistory *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), FALSE);

  return self->save_source != NULL;
}

/* How many times the file was written: for the tests. */
guint
_reports_download_history_get_n_saves (ReportsDownloadHistory *self)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), 0);

  return self->n_saves;
}

static gboolean
save_or_warn (ReportsDownloadHistory *self)
{
  g_autoptr(GError) error = NULL;

  if (!reports_download_history_save (self, &error))
    {
      g_warning ("Could not keep the list of downloads: %s", error->message);
      return FALSE;
    }

  return TRUE;
}


/* Adds the @n_records of @records first, in their order (@records[0] at
 * the top), and keeps the list soon, and again whenever a record's status
 * or file changes. */
void
reports_download_history_add_all (ReportsDownloadHistory  *self,
                                  ReportsDownloadRecord  **records,
                                  guint                    n_records)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self));
  g_return_if_fail (records != NULL || n_records == 0);

  if (n_records == 0)
    return;

  for (guint i = 0; i < n_records; i++)
    g_return_if_fail (REPORTS_IS_DOWNLOAD_RECORD (records[i]));

  for (guint i = n_records; i > 0; i--)
    {
      g_ptr_array_insert (self->records, 0, g_object_ref (records[i - 1]));
      track (self, records[i - 1]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_records);

  if (self->records->len > MAX_RECORDS)
    {
      guint removed = self->records->len - MAX_RECORDS;

      g_ptr_array_set_size (self->records, MAX_RECORDS);
      g_list_model_items_changed (G_LIST_MODEL (self), MAX_RECORDS, removed, 0);
    }

  schedule_save (self);
}

/* Adds @record first: reports_download_history_add_all () of one. */
void
reports_download_history_add (ReportsDownloadHistory *self,
                              ReportsDownloadRecord  *record)
{
  reports_download_history_add_all (self, &record, 1);
}

void
reports_download_history_remove (ReportsDownloadHistory *self,
                                 ReportsDownloadRecord  *record)
{
  guint position;

  g_return_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self));

  if (!g_ptr_array_find (self->records, record, &position))
    return;

  g_signal_handlers_disconnect_by_data (record, self);
  g_ptr_array_remove_index (self->records, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  schedule_save (self);
}

/* Removes every record but the running ones. */
void
reports_download_history_clear_finished (ReportsDownloadHistory *self)
{
  g_return_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self));

  for (guint i = self->records->len; i > 0; i--)
    {
      ReportsDownloadRecord *record = g_ptr_array_index (self->records, i - 1);

      if (reports_download_record_get_status (record) != REPORTS_DOWNLOAD_RUNNING)
        {
          g_signal_handlers_disconnect_by_data (record, self);
          g_ptr_array_remove_index (self->records, i - 1);
          g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
        }
    }

  schedule_save (self);
}

ReportsDownloadRecord *
reports_download_history_lookup (ReportsDownloadHistory *self,
                                 const char             *id)
{
  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), NULL);

  for (guint i = 0; i < self->records->len; i++)
    {
      ReportsDownloadRecord *record = g_ptr_array_index (self->records, i);

      if (g_strcmp0 (reports_download_record_get_id (record), id) == 0)
        return record;
    }

  return NULL;
}
