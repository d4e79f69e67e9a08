/* reports-cli-ids.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-cli-connection.h"

G_BEGIN_DECLS

/* TRUE when some non-empty comma-separated item of @value is not all
 * digits, so that it can only be a number or a name to look up. */
gboolean            reports_cli_ids_need_lookup      (const char    *value);

/* Fetches the options of @menu (YeastarMenuOption items). */
GListModel         *reports_cli_ids_fetch_menu       (ReportsCliConnection *connection,
                                                      const char           *menu,
                                                      const char           *queue_id,
                                                      GError              **error);

/* Turns each comma-separated item of @value into an ID, looking in
 * @options (a GListModel of YeastarMenuOption, all menus the parameter
 * takes, merged): an item that is some option's ID stays as it is;
 * otherwise it must match exactly one option's number (the leading number
 * of its text, "1001" in "1001 - Alice Martin"), its name ("Alice Martin")
 * or its whole text, ignoring case. @option names the option in errors
 * ("--ext-id-list"); @single: only one item is allowed. Errors are
 * G_OPTION_ERROR_BAD_VALUE and list the candidates. */
char               *reports_cli_ids_resolve          (const char    *option,
                                                      const char    *value,
                                                      gboolean       single,
                                                      GListModel    *options,
                                                      GError       **error);

/* "1001" for "1001 - Alice Martin", NULL when the text has no leading
 * number. */
char               *reports_cli_ids_dup_number       (const char    *text);
/* "Alice Martin" for "1001 - Alice Martin", else the whole text. */
const char         *reports_cli_ids_get_name         (const char    *text);

G_END_DECLS
