/* reports-id-choice.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yeastar-menu-option.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_CHOICE (reports_id_choice_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdChoice, reports_id_choice, REPORTS, ID_CHOICE, GObject)

/* One row of the ID selector: an option and whether it is checked. */
ReportsIdChoice   *reports_id_choice_new          (YeastarMenuOption *option);
YeastarMenuOption *reports_id_choice_get_option   (ReportsIdChoice   *self);
gboolean           reports_id_choice_get_selected (ReportsIdChoice   *self);
void               reports_id_choice_set_selected (ReportsIdChoice   *self,
                                                   gboolean           selected);
/* Whether the option's text or ID contains @folded_needle (casefolded). */
gboolean           reports_id_choice_matches      (ReportsIdChoice   *self,
                                                   const char        *folded_needle);

G_END_DECLS
