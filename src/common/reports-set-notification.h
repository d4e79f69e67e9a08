/* reports-set-notification.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reports-set-run.h"

G_BEGIN_DECLS

/* The action of the notification's "Open Folder" button, with the
 * folder's path as its string target; the application provides it. */
#define REPORTS_SET_NOTIFICATION_OPEN_FOLDER "open-folder"
/* The application's action (a "(ssss)" of
 * reports_set_notification_describe()) by which `call-reports run
 * --notify` has the application's primary instance (the open window)
 * show a run's notification when that instance holds the application ID. */
#define REPORTS_SET_NOTIFICATION_SHOW "notify-set-run"

/* The notification after a scheduled run, as a GVariant "(ssss)": its ID
 * (one per set, so that a run replaces the last run's), title, body and
 * the folder for "Open Folder" ("" when nothing was saved). What was
 * saved (how many, the set's name) or, for each failed report, which
 * report on which PBX and why (the PBX's text escaped). @error: the run
 * failed as a whole. A GVariant, so that it can be handed to the
 * application's primary instance as an action's parameter. */
GVariant      *reports_set_notification_describe (ReportsSetRun *run,
                                                  const GError  *error);
/* The GNotification of reports_set_notification_describe()'s value; the
 * ID is the first member of @description. */
GNotification *reports_set_notification_new      (GVariant      *description);

G_END_DECLS
