/* reports-set-names.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set.h"
#include "yeastar-client.h"

G_BEGIN_DECLS

/**
 * ReportsSetNames:
 *
 * The names of a set's reports resolved on one PBX during one run: the
 * menus (system/get_menuoptions) its reports' names are looked up in,
 * each fetched once however many reports need it, and the matching of
 * yeastar-menu-match.h. A value of IDs only is used as it is.
 */
typedef struct _ReportsSetNames ReportsSetNames;

typedef enum
{
  REPORTS_SET_NAMES_RESOLVED,
  REPORTS_SET_NAMES_NEED_MENUS,
  REPORTS_SET_NAMES_FAILED,
} ReportsSetNamesStatus;

/* @pbx_label names the PBX in errors (its device name or address). */
ReportsSetNames       *reports_set_names_new         (YeastarClient          *client,
                                                      const char             *pbx_label);
void                   reports_set_names_free        (ReportsSetNames        *self);

/* Fills @values (YEASTAR_N_PARAMS strings, NULL at first) with the IDs
 * of @report's values, in parameter order (queue_id before agent_id_list,
 * whose menu is per queue). RESOLVED: all done. NEED_MENUS: a menu not
 * fetched yet is needed; call reports_set_names_fetch_async() and then
 * this again, which goes on where it stopped. FAILED: @error says why
 * (a name that matches nothing or several options, or a menu that could
 * not be read), naming the PBX. */
ReportsSetNamesStatus  reports_set_names_resolve     (ReportsSetNames        *self,
                                                      const ReportsSetReport *report,
                                                      char                  **values,
                                                      GError                **error);
/* Whether some resolve() asked for menus not fetched yet. */
gboolean               reports_set_names_has_pending (ReportsSetNames        *self);
/* Fetches the menus asked for, one after another; a menu that fails is
 * kept as its error for the reports that need it. Never fails itself. */
void                   reports_set_names_fetch_async (ReportsSetNames        *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
void                   reports_set_names_fetch_finish (ReportsSetNames       *self,
                                                       GAsyncResult          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsSetNames, reports_set_names_free)

G_END_DECLS
