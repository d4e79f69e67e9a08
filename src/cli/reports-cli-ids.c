/* reports-cli-ids.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "reports-cli-ids.h"

/*
 * The menus a download's names are looked up in; the matching itself is
 * yeastar-menu-match.c's, shared with the report sets.
 */

GListModel *
reports_cli_ids_fetch_menu (ReportsCliConnection  *connection,
                            const char            *menu,
                            const char            *queue_id,
                            GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (connection != NULL, NULL);
  g_return_val_if_fail (menu != NULL, NULL);

  reports_cli_connection_progress (connection, _("Reading the %s list…"), menu);
  yeastar_client_get_menu_options_async (reports_cli_connection_get_client (connection),
                                         menu, queue_id,
                                         reports_cli_connection_get_cancellable (connection),
                                         reports_cli_store_result, &result);
  reports_cli_wait (&result);

  return yeastar_client_get_menu_options_finish (reports_cli_connection_get_client (connection),
                                                 result, error);
}
