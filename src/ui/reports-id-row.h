/* reports-id-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-session.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_ROW (reports_id_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdRow, reports_id_row, REPORTS, ID_ROW, AdwActionRow)

/* One ID (a trunk, a queue) chosen in a searchable drop-down of the PBX's
 * options. "value" is the ID, or NULL until the list is loaded. */
GtkWidget  *reports_id_row_new       (ReportsSession *session,
                                      YeastarParam    param);
const char *reports_id_row_get_value (ReportsIdRow   *self);
void        reports_id_row_set_value (ReportsIdRow   *self,
                                      const char     *value);

G_END_DECLS
