/* reports-set-page.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reports-set.h"

G_BEGIN_DECLS

#define REPORTS_TYPE_SET_PAGE (reports_set_page_get_type ())

G_DECLARE_FINAL_TYPE (ReportsSetPage, reports_set_page, REPORTS, SET_PAGE, AdwBin)

/* One report set, edited in place (every change is saved at once) and run
 * from here: a progress row per report, its last and next run, its
 * schedule. @servers are the saved PBXs (ReportsServer) that can be added.
 * "changed" is emitted after each save, "busy" while it runs. */
GtkWidget  *reports_set_page_new      (void);
/* Shows @set; not while a run is going (see reports_set_page_get_busy). */
void        reports_set_page_set_set  (ReportsSetPage *self,
                                       ReportsSet     *set,
                                       GListModel     *servers);
ReportsSet *reports_set_page_get_set  (ReportsSetPage *self);
gboolean    reports_set_page_get_busy (ReportsSetPage *self);
void        reports_set_page_cancel   (ReportsSetPage *self);

G_END_DECLS
