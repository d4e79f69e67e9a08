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
 * old API, the Flatpak's newer runtime the new one. */

void reports_compat_show_about (GtkWindow *parent);

G_END_DECLS
