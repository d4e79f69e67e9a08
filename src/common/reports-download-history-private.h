/* reports-download-history-private.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reports-download-history.h"

G_BEGIN_DECLS

/* For the tests: whether changes wait to be written, and how many times
 * the file was written since the list was made. */
gboolean _reports_download_history_get_pending (ReportsDownloadHistory *self);
guint    _reports_download_history_get_n_saves (ReportsDownloadHistory *self);

G_END_DECLS
