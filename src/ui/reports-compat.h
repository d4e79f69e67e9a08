/* reports-compat.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Every GTK_CHECK_VERSION / ADW_CHECK_VERSION branch of the application
 * lives in reports-compat.c: Debian 12 (GTK 4.8, libadwaita 1.2) gets the
 * old API, the Flatpak's newer runtime the new one. Both go through the
 * desktop portals where there are any, so they work inside the sandbox. */

void      reports_compat_show_about            (GtkWindow            *parent);

/* Asks a yes/no question; finishes TRUE when the user accepted. */
void      reports_compat_confirm_async         (GtkWidget            *parent,
                                                const char           *heading,
                                                const char           *body,
                                                const char           *accept_label,
                                                gboolean              destructive,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* The same with a label of its own for the answer that declines. */
void      reports_compat_confirm_full_async    (GtkWidget            *parent,
                                                const char           *heading,
                                                const char           *body,
                                                const char           *decline_label,
                                                const char           *accept_label,
                                                gboolean              destructive,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean  reports_compat_confirm_finish        (GAsyncResult         *result,
                                                GError              **error);

/* The file chooser in folder mode (GtkFileChooserNative before GTK 4.10,
 * GtkFileDialog after). Finishes with NULL and G_IO_ERROR_CANCELLED when
 * the user dismissed it. */
void      reports_compat_choose_folder_async   (GtkWindow            *parent,
                                                const char           *title,
                                                GFile                *initial_folder,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GFile    *reports_compat_choose_folder_finish  (GAsyncResult         *result,
                                                GError              **error);

/* Opens @file with its default application. */
void      reports_compat_open_file             (GtkWindow            *parent,
                                                GFile                *file);
/* Shows the folder containing @file, with @file selected where the file
 * manager can do that. */
void      reports_compat_show_in_folder        (GtkWindow            *parent,
                                                GFile                *file);

/* One file to open or to save (the report viewer); finishes with NULL
 * and G_IO_ERROR_CANCELLED when the user dismissed the chooser. */
void      reports_compat_open_file_async       (GtkWindow            *parent,
                                                const char           *title,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void      reports_compat_save_file_async       (GtkWindow            *parent,
                                                const char           *title,
                                                const char           *initial_name,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GFile    *reports_compat_choose_file_finish    (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
