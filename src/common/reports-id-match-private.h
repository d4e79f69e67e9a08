/* reports-id-match-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reports-id-match.h"
#include "reports-id-matches.h"

G_BEGIN_DECLS

/* For ReportsIdMatches, which makes the places, tells them when what is
 * at their position changed, and forgets them when they are removed
 * (after which they keep what they showed). */
ReportsIdMatch *_reports_id_match_new             (ReportsIdMatches *matches,
                                                   guint             position);
void            _reports_id_match_update          (ReportsIdMatch   *self);
void            _reports_id_match_forget          (ReportsIdMatch   *self);

G_END_DECLS
