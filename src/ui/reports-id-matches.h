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
 * It is built for tens of thousands of options. A new search is one pass
 * through a single buffer of the options' casefolded keys. It keeps the
 * places and moves the options through them, so a list view keeps its
 * row widgets and only redraws those whose option changed; items-changed
 * reports only the places added or removed at the end. */
ReportsIdMatches  *reports_id_matches_new              (GListModel         *options);
guint              reports_id_matches_get_n_options    (ReportsIdMatches   *self);
guint              reports_id_matches_get_n_selected   (ReportsIdMatches   *self);
const char        *reports_id_matches_get_search       (ReportsIdMatches   *self);
void               reports_id_matches_set_search       (ReportsIdMatches   *self,
                                                        const char         *search);
YeastarMenuOption *reports_id_matches_get_option       (ReportsIdMatches   *self,
                                                        guint               position);
gboolean           reports_id_matches_get_selected     (ReportsIdMatches   *self,
                                                        guint               position);
void               reports_id_matches_set_selected     (ReportsIdMatches   *self,
                                                        guint               position,
                                                        gboolean            selected);
/* Selects every option that matches the search. */
void               reports_id_matches_select_all       (ReportsIdMatches   *self);
/* Unselects every option, also those that do not match the search. */
void               reports_id_matches_unselect_all     (ReportsIdMatches   *self);
/* Selects the options with these IDs, and returns the IDs no option has
 * (without repeats, in the order given). */
char             **reports_id_matches_select_ids       (ReportsIdMatches   *self,
                                                        const char * const *ids);
/* The IDs of the selected options, in the options' order. */
char             **reports_id_matches_dup_selected_ids (ReportsIdMatches   *self);

G_END_DECLS
