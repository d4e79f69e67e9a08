/* reports-set-store.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"

G_BEGIN_DECLS

/* Where the sets are kept: one file a set, $XDG_DATA_HOME/call-reports/
 * sets/NAME.json (~/.local/share/… by default), so that a set can be
 * copied, exported, imported and run by a systemd timer without the
 * window. */
GFile       *reports_set_store_dup_folder (void);
GFile       *reports_set_store_dup_file   (const char  *name);
/* The names, sorted; an empty array when there is none. */
GStrv        reports_set_store_list       (GError     **error);
/* G_IO_ERROR_NOT_FOUND with a message naming the set when it is not there. */
ReportsSet  *reports_set_store_load       (const char  *name,
                                           GError     **error);
/* With @replace FALSE, G_IO_ERROR_EXISTS if a set of that name is there. */
gboolean     reports_set_store_save       (ReportsSet  *set,
                                           gboolean     replace,
                                           GError     **error);
gboolean     reports_set_store_delete     (const char  *name,
                                           GError     **error);

/* A set file anywhere (export, import). */
ReportsSet  *reports_set_load_file        (GFile       *file,
                                           GError     **error);
/* Written whole or not at all. */
gboolean     reports_set_save_file        (ReportsSet  *set,
                                           GFile       *file,
                                           gboolean     replace,
                                           GError     **error);

G_END_DECLS
