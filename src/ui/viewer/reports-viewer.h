/* reports-viewer.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWindow *reports_viewer_open                 (GtkApplication *application,
                                                GFile          *file);
void       reports_viewer_open_dialog          (GtkApplication *application,
                                                GtkWindow      *parent);
void       reports_viewer_install_drop_target  (GtkWidget      *widget);

G_END_DECLS
