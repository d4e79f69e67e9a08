/* yeastar-part-file.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "yeastar-file-name.h"
#include "yeastar-part-file.h"

/* The partial data of one download: a hidden file ".NAME.XXXXXX.part"
 * in the target folder, created exclusively with a random part, and held
 * under an exclusive flock() for as long as it is written.
 *
 * - Hidden: a file manager or `ls` does not show it, and it never has a
 *   report's name, so no later run numbers its report "NAME (2)" because
 *   of it.
 * - Locked: a process that is killed (SIGKILL, power loss) loses its
 *   lock with its file descriptors. A later download into the same
 *   folder calls yeastar_part_file_clean_stale(), which removes every
 *   part of this program that nobody holds locked, and leaves those of
 *   running downloads alone.
 * - Committed: yeastar_part_file_commit() gives the data its final name
 *   with renameat2(RENAME_NOREPLACE) (or link() + unlink()) while the
 *   lock is still held, so a cleaner never removes a part being renamed,
 *   and an existing file is never replaced.
 *
 * Errors of the folder are told in plain words (“The folder … is
 * read-only”), never as GLib's text with the hidden name in it.
 */

#define PART_SUFFIX ".part"
#define RANDOM_LENGTH 6
#define MAX_CREATE_ATTEMPTS 5

struct _YeastarPartFile
{
  GObject parent_instance;

  GFile *folder;
  char *path;
  GFile *file;
  int fd;
  GOutputStream *output;
};

G_DEFINE_FINAL_TYPE (YeastarPartFile, yeastar_part_file, G_TYPE_OBJECT)

/* Errors in plain words ------------------------------------------------- */

/**
 * yeastar_part_file_folder_error:
 * @folder: the folder written into
 * @errsv: an errno value
 *
 * Returns: (transfer full): a G_IO_ERROR telling what is wrong with
 *   @folder in plain words
 */
GError *
yeastar_part_file_folder_error (GFile *folder,
                                int    errsv)
{
  g_autofree char *display = g_file_get_parse_name (folder);
  GIOErrorEnum code = g_io_error_from_errno (errsv);

  switch (errsv)
    {
    case ENOENT:
      return g_error_new (G_IO_ERROR, code, _("The folder “%s” does not exist."), display);

    case ENOTDIR:
      return g_error_new (G_IO_ERROR, code, _("“%s” is not a folder."), display);

    case EROFS:
      return g_error_new (G_IO_ERROR, code, _("The folder “%s” is read-only."), display);

    case EACCES:
    case EPERM:
      return g_error_new (G_IO_ERROR, code,
                          _("You do not have permission to save files in the folder “%s”."), display);

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return g_error_new (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                          _("There is no room left on the disk of the folder “%s”."), display);

    default:
      /* Translators: the second %s is the system's text, e.g. "Input/output error" */
      return g_error_new (G_IO_ERROR, code, _("Could not save into the folder “%s”: %s."),
                          display, g_strerror (errsv));
    }
}

/**
 * yeastar_part_file_check_folder:
 * @folder: where a report is to be saved
 * @size: the report's size in bytes, or -1 while unknown
 *
 * Checks what can be checked before anything is asked of the PBX: the
 * folder exists, is a folder, can be written, and (for a known @size)
 * has room for the report.
 */
gboolean
yeastar_part_file_check_folder (GFile   *folder,
                                gint64   size,
                                GError **error)
{
  g_autofree char *path = NULL;
  struct statvfs fs;
  GStatBuf st;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The folder “%s” is not on this computer; choose a local folder."), display);
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      g_propagate_error (error, yeastar_part_file_folder_error (folder, errno));
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_propagate_error (error, yeastar_part_file_folder_error (folder, ENOTDIR));
      return FALSE;
    }

  if (statvfs (path, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0)
    {
      g_propagate_error (error, yeastar_part_file_folder_error (folder, EROFS));
      return FALSE;
    }

  if (access (path, W_OK | X_OK) != 0)
    {
      g_propagate_error (error, yeastar_part_file_folder_error (folder, errno));
      return FALSE;
    }

  if (size > 0 && statvfs (path, &fs) == 0 &&
      (guint64) fs.f_bavail * (guint64) fs.f_frsize < (guint64) size)
    {
      g_autofree char *display = g_file_get_parse_name (folder);
      g_autofree char *needed = g_format_size ((guint64) size);
      g_autofree char *free_text = g_format_size ((guint64) fs.f_bavail * (guint64) fs.f_frsize);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: the sizes read like "12.3 MB" */
                   _("There is not enough room in the folder “%s”: the report needs %s, "
                     "and only %s are free."), display, needed, free_text);
      return FALSE;
    }

  return TRUE;
}

/* Names ----------------------------------------------------------------- */

/**
 * yeastar_part_file_is_part_name:
 * @name: a file name (no folder)
 *
 * Returns: whether @name has the shape of a part of this program,
 *   ".NAME.XXXXXX.part"
 */
gboolean
yeastar_part_file_is_part_name (const char *name)
{
  gsize len;
  const char *random;

  g_return_val_if_fail (name != NULL, FALSE);

  len = strlen (name);
  /* "." + at least one character + "." + XXXXXX + ".part" */
  if (name[0] != '.' || len < 2 + 1 + RANDOM_LENGTH + strlen (PART_SUFFIX) ||
      !g_str_has_suffix (name, PART_SUFFIX))
    return FALSE;

  random = name + len - strlen (PART_SUFFIX) - RANDOM_LENGTH;
  if (random[-1] != '.')
    return FALSE;
  for (guint i = 0; i < RANDOM_LENGTH; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;

  return TRUE;
}

/* Whether flock() failed because another open file holds the lock, as
 * opposed to a file system that has no locks. */
static gboolean
lock_is_held_elsewhere (int errsv)
{
  return errsv == EWOULDBLOCK || errsv == EINTR;
}

static gboolean
same_file (int         fd,
           const char *path)
{
  GStatBuf by_path;
  struct stat by_fd;

  return fstat (fd, &by_fd) == 0 && g_lstat (path, &by_path) == 0 &&
         by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino;
}

/**
 * yeastar_part_file_clean_stale:
 * @folder: a download folder
 *
 * Removes the parts of this program in @folder that no process holds
 * locked: those of downloads that were killed. Parts being written are
 * left alone, and so is every other file.
 *
 * Returns: how many stale parts were removed
 */
guint
yeastar_part_file_clean_stale (GFile *folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (folder), 0);

  path = g_file_get_path (folder);
  if (path == NULL || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      struct stat st;
      int fd;

      if (!yeastar_part_file_is_part_name (name))
        continue;

      child = g_build_filename (path, name, NULL);
      fd = g_open (child, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      /* Locked: a running download. Otherwise still the same regular
       * file (not replaced meanwhile): its writer is gone. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && same_file (fd, child) &&
          g_unlink (child) == 0)
        {
          g_debug ("removed the stale part %s", name);
          removed++;
        }

      close (fd);
    }

  return removed;
}

/* The part ---------------------------------------------------------------- */

/**
 * yeastar_part_file_new:
 * @folder: the folder the report is saved into
 * @name: the report's (sanitised) file name
 *
 * Creates and locks a new hidden part for @name in @folder.
 *
 * Returns: (transfer full): the part, or %NULL with @error set in plain
 *   words
 */
YeastarPartFile *
yeastar_part_file_new (GFile       *folder,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(YeastarPartFile) self = NULL;
  g_autofree char *folder_path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (name != NULL && name[0] != '\0' && strchr (name, '/') == NULL, NULL);

  folder_path = g_file_get_path (folder);
  if (folder_path == NULL)
    {
      yeastar_part_file_check_folder (folder, -1, error);
      return NULL;
    }

  self = g_object_new (YEASTAR_TYPE_PART_FILE, NULL);
  self->folder = g_object_ref (folder);

  for (guint attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++)
    {
      g_autofree char *template = NULL;
      int fd;

      template = g_strdup_printf ("%s/.%s.XXXXXX" PART_SUFFIX, folder_path, name);
      fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          g_propagate_error (error, yeastar_part_file_folder_error (folder, errno));
          return NULL;
        }

      /* Between the creation and the lock, another run's clean-up may
      * have taken it for stale and removed it: then take another. A
      * file system without flock() (some FUSE ones) gets an unlocked
      * part, which no clean-up removes either (it cannot lock it). */
      if ((flock (fd, LOCK_EX | LOCK_NB) == 0 || !lock_is_held_elsewhere (errno)) &&
          same_file (fd, template))
        {
          self->fd = fd;
          self->path = g_steal_pointer (&template);
          self->file = g_file_new_for_path (self->path);
          self->output = g_unix_output_stream_new (fd, FALSE);
          return g_steal_pointer (&self);
        }

      close (fd);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               _("Could not start a file in the folder “%s”: another program keeps "
                 "removing it."), g_file_peek_path (folder));
  return NULL;
}

/* The hidden file, while it exists. */
GFile *
yeastar_part_file_get_file (YeastarPartFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_PART_FILE (self), NULL);
  return self->file;
}

/* The stream to write the data to; never close it, commit or discard. */
GOutputStream *
yeastar_part_file_get_output_stream (YeastarPartFile *self)
{
  g_return_val_if_fail (YEASTAR_IS_PART_FILE (self), NULL);
  return self->output;
}

static void
release (YeastarPartFile *self)
{
  if (self->output != NULL)
    g_output_stream_close (self->output, NULL, NULL);
  g_clear_object (&self->output);
  if (self->fd >= 0)
    close (self->fd);   /* releases the lock */
  self->fd = -1;
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->file);
}

/* Moves @from to @to only if @to does not exist. Returns 0 or an errno. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;
#endif

  if (link (from, to) == 0)
    {
      unlink (from);
      return 0;
    }
  if (errno == EEXIST)
    return EEXIST;

  /* Last resort (no hard links either, some FUSE/FAT): check, then rename. */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    return EEXIST;
  if (g_rename (from, to) == 0)
    return 0;
  return errno;
}

/**
 * yeastar_part_file_commit:
 * @target: the final file, in the same folder
 *
 * Call yeastar_part_file_sync_async() first, so that a crash right after
 * the rename cannot leave an empty report under the final name.
 *
 * Gives the complete data its final name, never replacing a file: when
 * @target exists, fails with G_IO_ERROR_EXISTS and keeps the part, so
 * that the caller can try the next name.
 */
gboolean
yeastar_part_file_commit (YeastarPartFile  *self,
                          GFile            *target,
                          GError          **error)
{
  g_autofree char *target_path = NULL;
  int saved;

  g_return_val_if_fail (YEASTAR_IS_PART_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  target_path = g_file_get_path (target);
  if (target_path == NULL)
    {
      g_propagate_error (error, yeastar_part_file_folder_error (self->folder, EINVAL));
      return FALSE;
    }

  saved = rename_no_replace (self->path, target_path);
  if (saved == EEXIST)
    {
      g_autofree char *name = g_file_get_basename (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already."), name);
      return FALSE;
    }
  if (saved != 0)
    {
      g_propagate_error (error, yeastar_part_file_folder_error (self->folder, saved));
      return FALSE;
    }

  /* Renamed while locked; now the lock can go. */
  release (self);
  return TRUE;
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  YeastarPartFile *self = source_object;
  int fd = GPOINTER_TO_INT (task_data);

  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      g_task_return_error (task, yeastar_part_file_folder_error (self->folder, errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * yeastar_part_file_sync_async:
 *
 * Writes the part's data to the disk (fsync) in a worker thread, as it
 * may take a while for a big report.
 */
void
yeastar_part_file_sync_async (YeastarPartFile     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (YEASTAR_IS_PART_FILE (self));
  g_return_if_fail (self->fd >= 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, yeastar_part_file_sync_async);
  /* The part is kept alive by the task, and so is its descriptor. */
  g_task_set_task_data (task, GINT_TO_POINTER (self->fd), NULL);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
yeastar_part_file_sync_finish (YeastarPartFile  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removes the part, if it was not committed. */
void
yeastar_part_file_discard (YeastarPartFile *self)
{
  g_return_if_fail (YEASTAR_IS_PART_FILE (self));

  if (self->path != NULL)
    g_unlink (self->path);
  release (self);
}

static void
yeastar_part_file_finalize (GObject *object)
{
  YeastarPartFile *self = (YeastarPartFile *) object;

  yeastar_part_file_discard (self);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (yeastar_part_file_parent_class)->finalize (object);
}

static void
yeastar_part_file_class_init (YeastarPartFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yeastar_part_file_finalize;
}

static void
yeastar_part_file_init (YeastarPartFile *self)
{
  self->fd = -1;
}

/**
 * yeastar_part_file_commit_numbered:
 * @name: (out) (optional): the final name
 *
 * Commits under @base_name with @number, or the next number when that
 * name was taken meanwhile, up to YEASTAR_PART_FILE_MAX_NUMBER.
 *
 * Returns: (transfer full) (nullable): the saved file
 */
GFile *
yeastar_part_file_commit_numbered (YeastarPartFile  *self,
                                   GFile            *folder,
                                   const char       *base_name,
                                   guint             number,
                                   char            **name,
                                   GError          **error)
{
  g_return_val_if_fail (YEASTAR_IS_PART_FILE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (base_name != NULL, NULL);

  for (guint n = number; n < YEASTAR_PART_FILE_MAX_NUMBER; n++)
    {
      g_autofree char *candidate = yeastar_file_name_with_number (base_name, n);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);
      g_autoptr(GError) local_error = NULL;

      if (!yeastar_part_file_commit (self, target, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (name != NULL)
        *name = g_steal_pointer (&candidate);
      return g_steal_pointer (&target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not find a free file name for the report in the folder."));
  return NULL;
}

char *
yeastar_part_file_dup_free_name (GFile      *folder,
                                 const char *base_name,
                                 guint      *number)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (base_name != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  for (;;)
    {
      g_autofree char *name = yeastar_file_name_with_number (base_name, *number);
      g_autoptr(GFile) target = g_file_get_child (folder, name);

      if (!g_file_query_exists (target, NULL) || *number >= YEASTAR_PART_FILE_MAX_NUMBER)
        return g_steal_pointer (&name);
      (*number)++;
    }
}
