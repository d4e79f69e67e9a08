/* reports-download-history.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reports-download-history.h"

/* The downloads the Reports page lists, newest first, as a GListModel of
 * ReportsDownloadRecord. They are kept in a file of the user's state
 * directory (~/.local/state/call-reports/downloads.gvariant), the
 * GVariant text of an array of records, written whenever a record is
 * added, finishes or is removed. At most MAX_RECORDS are kept. */

#define MAX_RECORDS 200

struct _ReportsDownloadHistory
{
  GObject    parent_instance;

  GFile     *file;
  GPtrArray *records;
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

static void
record_changed_cb (ReportsDownloadHistory *self)
{
  save_or_warn (self);
}

static void
track (ReportsDownloadHistory *self,
       ReportsDownloadRecord  *record)
{
  g_signal_connect_object (record, "notify::status", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (record, "notify::path", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
reports_download_history_finalize (GObject *object)
{
  ReportsDownloadHistory *self = REPORTS_DOWNLOAD_HISTORY (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (reports_download_history_parent_class)->finalize (object);
}

static void
reports_download_history_class_init (ReportsDownloadHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reports_download_history_finalize;
}

static void
reports_download_history_init (ReportsDownloadHistory *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
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

ReportsDownloadHistory *
reports_download_history_dup_default (void)
{
  static ReportsDownloadHistory *default_history;
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

gboolean
reports_download_history_save (ReportsDownloadHistory *self,
                               GError                **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (REPORTS_IS_DOWNLOAD_HISTORY (self), FALSE);

  if (self->file == NULL)
    return TRUE;

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

  return g_file_replace_contents (self->file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
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
 * the top), saves the list once, and keeps it whenever a record's status,
 * file or message changes. */
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

  save_or_warn (self);
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
  save_or_warn (self);
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

  save_or_warn (self);
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
