/* reports-window.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-application.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_WINDOW (reports_window_get_type ())

G_DECLARE_FINAL_TYPE (ReportsWindow, reports_window, REPORTS, WINDOW, AdwApplicationWindow)

ReportsWindow *reports_window_new          (ReportsApplication *application);
/* Connects to the built-in simulated PBX. */
void           reports_window_connect_demo (ReportsWindow      *self);
/* Reconnects to the PBX used last, when it was saved. */
void           reports_window_reconnect    (ReportsWindow      *self);

G_END_DECLS
