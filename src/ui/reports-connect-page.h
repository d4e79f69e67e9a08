/* reports-connect-page.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-session.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_CONNECT_PAGE (reports_connect_page_get_type ())

G_DECLARE_FINAL_TYPE (ReportsConnectPage, reports_connect_page, REPORTS, CONNECT_PAGE, AdwBin)

/* The page emits ::connected (ReportsSession) once a PBX answered. */
void      reports_connect_page_set_settings    (ReportsConnectPage *self,
                                                GSettings          *settings);
gboolean  reports_connect_page_get_busy        (ReportsConnectPage *self);
void      reports_connect_page_connect_demo    (ReportsConnectPage *self);
/* Reconnects to the PBX used last, with its secret from the keyring;
 * without one, fills in the form and waits for the secret. */
void      reports_connect_page_reconnect_last  (ReportsConnectPage *self);
/* Puts the focus on the first thing to fill in, unless connecting. */
void      reports_connect_page_focus_form      (ReportsConnectPage *self);

G_END_DECLS
