/* yeastar-menu-match.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The report parameters take the PBX's internal IDs (extension 1001 may
 * well be ID 34). A person may rather name what they mean: a value that
 * is not an ID but matches exactly one option's number or name stands for
 * that option's ID. `call-reports download` resolves such values against
 * the PBX it asks; a report set keeps them as given and resolves them on
 * each of its PBXs at every run (reports-set-run.c).
 */

/* TRUE when some non-empty comma-separated item of @value is not all
 * digits, so that it can only be a number or a name to look up. A value
 * of digits only is sent as IDs without asking the PBX. */
gboolean    yeastar_menu_match_need_lookup (const char  *value);

/* Checks the form of @value without a PBX: no empty item, and one item
 * only if @single. @label names the value in errors ("--ext-id-list").
 * Errors are G_OPTION_ERROR_BAD_VALUE. */
gboolean    yeastar_menu_match_check_items (const char  *label,
                                            const char  *value,
                                            gboolean     single,
                                            GError     **error);

/* Turns each comma-separated item of @value into an ID, looking in
 * @options (a GListModel of YeastarMenuOption, all menus the parameter
 * takes, merged): an item that is some option's ID stays as it is;
 * otherwise it must match exactly one option's number (the leading number
 * of its text, "1001" in "1001 - Alice Martin"), its name ("Alice Martin")
 * or its whole text, ignoring case. @label names the value in errors
 * ("--ext-id-list"); @single: only one item is allowed. Errors are
 * G_OPTION_ERROR_BAD_VALUE and list the candidates, escaped. */
char       *yeastar_menu_match_resolve     (const char  *label,
                                            const char  *value,
                                            gboolean     single,
                                            GListModel  *options,
                                            GError     **error);

/* "1001" for "1001 - Alice Martin", NULL when the text has no leading
 * number. */
char       *yeastar_menu_match_dup_number  (const char  *text);
/* "Alice Martin" for "1001 - Alice Martin", else the whole text. */
const char *yeastar_menu_match_get_name    (const char  *text);

G_END_DECLS
