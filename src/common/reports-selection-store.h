/* reports-selection-store.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REPORTS_TYPE_SELECTION_STORE (reports_selection_store_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSelectionStore, reports_selection_store, REPORTS, SELECTION_STORE, GObject)

/* The IDs the user chose on one PBX (server address and Client ID), by
 * menu kind ("extension", "ext_group", "trunk", "IVR", "ring_group",
 * "queue", "queue_agent", or a field of one ID such as "queue_id"): an
 * extension and an extension group with the same ID stay apart, and
 * nothing chosen on one PBX is offered to another.
 *
 * With @settings, the selections are kept in its "id-selections" key
 * and come back at the next connection; without, only in memory, for a
 * PBX the user chose not to remember.
 *
 * A selection is a GVariant of type a(ss): (menu kind, ID) pairs. */
ReportsSelectionStore *reports_selection_store_new           (GSettings             *settings,
                                                              const char            *server,
                                                              const char            *client_id);
const char            *reports_selection_store_get_server    (ReportsSelectionStore *self);
const char            *reports_selection_store_get_client_id (ReportsSelectionStore *self);
/* The IDs of @kind, in the order they were set; never NULL. */
char                 **reports_selection_store_dup_ids       (ReportsSelectionStore *self,
                                                              const char            *kind);
void                   reports_selection_store_set_ids       (ReportsSelectionStore *self,
                                                              const char            *kind,
                                                              const char * const    *ids);
/* The pairs of all @kinds, kind by kind; a new non-floating a(ss). */
GVariant              *reports_selection_store_dup_selection (ReportsSelectionStore *self,
                                                              const char * const    *kinds);
/* Replaces the IDs of every kind of @kinds by those of @selection
 * (a(ss) or NULL); pairs of other kinds are ignored. */
void                   reports_selection_store_set_selection (ReportsSelectionStore *self,
                                                              const char * const    *kinds,
                                                              GVariant              *selection);
/* Removes what @settings keeps for one PBX, when the user forgets it. */
void                   reports_selection_store_forget        (GSettings             *settings,
                                                              const char            *server,
                                                              const char            *client_id);
/* Earlier versions kept the IDs with the other values of "report-values",
 * by report type only, and sent them to whichever PBX was connected
 * next. Nobody knows which PBX they came from: this drops them and keeps
 * the other values. */
void                   reports_selection_store_drop_report_values_ids (GSettings *settings);

G_END_DECLS
