/* reports-id-match.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-menu-option.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_MATCH (reports_id_match_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdMatch, reports_id_match, REPORTS, ID_MATCH, GObject)

/* A place in the ID selector's list of matches (ReportsIdMatches). The
 * place stays while the search changes and the option it shows changes:
 * "notify::option" says so. "selected" is whether that option is
 * selected; setting it selects the option in the ReportsIdMatches.
 * "unknown" is whether the option is an ID the PBX no longer lists; it
 * changes with the option. */
YeastarMenuOption *reports_id_match_get_option   (ReportsIdMatch *self);
guint              reports_id_match_get_position (ReportsIdMatch *self);
gboolean           reports_id_match_get_unknown  (ReportsIdMatch *self);
gboolean           reports_id_match_get_selected (ReportsIdMatch *self);
void               reports_id_match_set_selected (ReportsIdMatch *self,
                                                  gboolean        selected);

G_END_DECLS
