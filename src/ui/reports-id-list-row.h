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
 * ("3 extensions", "All 120 queues") and opens a ReportsIdSelector.
 * "value" is the comma-separated IDs, or NULL. For agent lists,
 * "queue-id" names the queue whose agents are offered. */
GtkWidget  *reports_id_list_row_new          (ReportsSession   *session,
                                              YeastarParam      param);
const char *reports_id_list_row_get_value    (ReportsIdListRow *self);
void        reports_id_list_row_set_value    (ReportsIdListRow *self,
                                              const char       *value);
void        reports_id_list_row_set_queue_id (ReportsIdListRow *self,
                                              const char       *queue_id);
/* The text that says what is selected. */
const char *reports_id_list_row_get_summary  (ReportsIdListRow *self);

G_END_DECLS
