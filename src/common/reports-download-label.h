/* reports-download-label.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the Reports page and its toasts name a download, from its report
 * type and its request's values ("a{ss}", as reports-request-store.h
 * makes them). */
char *reports_download_label_period (const char *report_type,
                                     GVariant   *values);
char *reports_download_label_title  (const char *report_type,
                                     GVariant   *values);
char *reports_download_label_ids    (const char *report_type,
                                     GVariant   *values,
                                     GVariant   *names);

/* A menu's options ("extension", "queue_agent" of @queue_id, …) if they
 * are at hand, else NULL. */
typedef GListModel *(*ReportsDownloadPeekMenu) (const char *menu,
                                                const char *queue_id,
                                                gpointer    user_data);

GVariant *reports_download_label_collect_names (GVariant                *values,
                                                ReportsDownloadPeekMenu  peek_menu,
                                                gpointer                 user_data);

G_END_DECLS
