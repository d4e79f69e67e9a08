/* reports-id-list-row.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-session.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_ID_LIST_ROW (reports_id_list_row_get_type ())

G_DECLARE_FINAL_TYPE (ReportsIdListRow, reports_id_list_row, REPORTS, ID_LIST_ROW, AdwActionRow)

/* A list of IDs (extensions, trunks, queues, …): says what is selected
 * ("3 extensions", "All 120 queues", "2 trunks, 1 unknown") and opens a
 * ReportsIdSelector. "selection" is the (menu kind, ID) pairs, a(ss) or
 * NULL; "value" their IDs as the PBX receives them, comma-separated, or
 * NULL. For agent lists, "queue-id" names the queue whose agents are
 * offered; changing it clears the selection. */
GtkWidget  *reports_id_list_row_new           (ReportsSession   *session,
                                               YeastarParam      param);
GVariant   *reports_id_list_row_get_selection (ReportsIdListRow *self);
void        reports_id_list_row_set_selection (ReportsIdListRow *self,
                                               GVariant         *selection);
const char *reports_id_list_row_get_value     (ReportsIdListRow *self);
void        reports_id_list_row_set_queue_id  (ReportsIdListRow *self,
                                               const char       *queue_id);
/* The text that says what is selected. */
const char *reports_id_list_row_get_summary  (ReportsIdListRow *self);

G_END_DECLS
