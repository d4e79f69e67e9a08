/* reports-id-matches.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-menu-option.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_MATCHES (reports_id_matches_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdMatches, reports_id_matches, REPORTS, ID_MATCHES, GObject)

/* What the ID selector shows: the options whose text or ID contains the
 * search, as a GListModel of ReportsIdMatch places, and which of all the
 * options are selected.
 *
 * A selection is a list of (menu kind, ID) pairs, a GVariant of type
 * a(ss): an extension and an extension group with the same ID are two
 * options. A pair that no option has (an ID the PBX no longer lists) is
 * added after the options as an unknown entry, "Unknown, ID 20000",
 * selected until the user unselects it.
 *
 * With "selected-only", only the selected options and the unknown
 * entries match. The filter applies when it is switched on and at each
 * new search, not when an option is unselected, so that an entry does
 * not vanish under the pointer.
 *
 * It is built for tens of thousands of options. A new search is one pass
 * through a single buffer of the options' casefolded keys. It keeps the
 * places and moves the options through them, so a list view keeps its
 * row widgets and only redraws those whose option changed; items-changed
 * reports only the places added or removed at the end. */
ReportsIdMatches  *reports_id_matches_new               (GListModel         *options);
/* The options, including the unknown entries. */
guint              reports_id_matches_get_n_options     (ReportsIdMatches   *self);
guint              reports_id_matches_get_n_unknown     (ReportsIdMatches   *self);
guint              reports_id_matches_get_n_selected    (ReportsIdMatches   *self);
const char        *reports_id_matches_get_search        (ReportsIdMatches   *self);
void               reports_id_matches_set_search        (ReportsIdMatches   *self,
                                                         const char         *search);
gboolean           reports_id_matches_get_selected_only (ReportsIdMatches   *self);
void               reports_id_matches_set_selected_only (ReportsIdMatches   *self,
                                                         gboolean            selected_only);
YeastarMenuOption *reports_id_matches_get_option        (ReportsIdMatches   *self,
                                                         guint               position);
/* Whether the match at @position is an ID the PBX no longer lists. */
gboolean           reports_id_matches_get_unknown       (ReportsIdMatches   *self,
                                                         guint               position);
gboolean           reports_id_matches_get_selected      (ReportsIdMatches   *self,
                                                         guint               position);
void               reports_id_matches_set_selected      (ReportsIdMatches   *self,
                                                         guint               position,
                                                         gboolean            selected);
/* Selects every option that matches the search. */
void               reports_id_matches_select_all        (ReportsIdMatches   *self);
/* Unselects every option, also those that do not match the search. */
void               reports_id_matches_unselect_all      (ReportsIdMatches   *self);
/* Selects the options of @selection (a(ss) or NULL); its pairs that no
 * option has become unknown entries. */
void               reports_id_matches_select            (ReportsIdMatches   *self,
                                                         GVariant           *selection);
/* The selected pairs, the options' first and then the unknown entries';
 * a new non-floating a(ss). */
GVariant          *reports_id_matches_dup_selection     (ReportsIdMatches   *self);

G_END_DECLS
