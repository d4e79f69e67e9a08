/* reports-cli-ids.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-cli-connection.h"
#include "yeastar-menu-match.h"

G_BEGIN_DECLS

/* Fetches the options of @menu (YeastarMenuOption items). */
GListModel         *reports_cli_ids_fetch_menu       (ReportsCliConnection *connection,
                                                      const char           *menu,
                                                      const char           *queue_id,
                                                      GError              **error);

G_END_DECLS
