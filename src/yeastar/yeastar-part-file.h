/* yeastar-part-file.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YEASTAR_TYPE_PART_FILE (yeastar_part_file_get_type ())

G_DECLARE_FINAL_TYPE (YeastarPartFile, yeastar_part_file, YEASTAR, PART_FILE, GObject)

YeastarPartFile *yeastar_part_file_new               (GFile            *folder,
                                                      const char       *name,
                                                      GError          **error);
GFile           *yeastar_part_file_get_file          (YeastarPartFile  *self);
GOutputStream   *yeastar_part_file_get_output_stream (YeastarPartFile  *self);
void             yeastar_part_file_sync_async        (YeastarPartFile      *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         yeastar_part_file_sync_finish       (YeastarPartFile  *self,
                                                      GAsyncResult     *result,
                                                      GError          **error);
gboolean         yeastar_part_file_commit            (YeastarPartFile  *self,
                                                      GFile            *target,
                                                      GError          **error);
void             yeastar_part_file_discard           (YeastarPartFile  *self);
/* yeastar_part_file_commit() under the first free numbered name of
 * @base_name in @folder from @number on ("name (2).csv", …). */
GFile           *yeastar_part_file_commit_numbered   (YeastarPartFile  *self,
                                                      GFile            *folder,
                                                      const char       *base_name,
                                                      guint             number,
                                                      char            **name,
                                                      GError          **error);

/* The highest number a saved file's name gets ("name (10000).csv"). */
#define YEASTAR_PART_FILE_MAX_NUMBER 10000

/* The first numbered name of @base_name from *@number on that no file
 * in @folder has (the last one tried at YEASTAR_PART_FILE_MAX_NUMBER);
 * *@number becomes its number. */
char            *yeastar_part_file_dup_free_name     (GFile            *folder,
                                                      const char       *base_name,
                                                      guint            *number);

gboolean         yeastar_part_file_is_part_name      (const char       *name);
guint            yeastar_part_file_clean_stale       (GFile            *folder);
gboolean         yeastar_part_file_check_folder      (GFile            *folder,
                                                      gint64            size,
                                                      GError          **error);
GError          *yeastar_part_file_folder_error      (GFile            *folder,
                                                      int               errsv);

G_END_DECLS
