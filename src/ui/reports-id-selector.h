/* reports-id-selector.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_SELECTOR (reports_id_selector_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdSelector, reports_id_selector, REPORTS, ID_SELECTOR, AdwWindow)

/* A dialog to pick IDs from a list of YeastarMenuOption: searchable,
 * virtualised (a ReportsIdMatches in a one-column GtkGridView, fine with
 * 20,000 extensions), with check boxes, Select All, Clear and a count.
 * A selection is (menu kind, ID) pairs, a GVariant of type a(ss); the
 * IDs of @selection that no option has are shown as unknown entries, to
 * keep or remove. "Selected Only" shows only what is selected. Emits
 * ::applied with the chosen pairs when the user confirms. */
ReportsIdSelector *reports_id_selector_new           (GtkWindow         *parent,
                                                      const char        *title,
                                                      GListModel        *options,
                                                      GVariant          *selection);
GVariant          *reports_id_selector_dup_selection (ReportsIdSelector *self);

G_END_DECLS
