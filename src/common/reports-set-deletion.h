/* reports-set-deletion.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ReportsSetDeletion ReportsSetDeletion;

/* Deletes a set of the store at once, with what runs it (its systemd
 * timer; inside Flatpak the in-app scheduler sees the store change) and
 * its run history, keeping their bytes in memory for an Undo. The files
 * the set saved stay. NULL and nothing deleted when the set file cannot
 * be read. */
ReportsSetDeletion *reports_set_deletion_new      (const char          *name,
                                                   GError             **error);
const char         *reports_set_deletion_get_name (ReportsSetDeletion  *self);
/* Writes the set file and its state back byte for byte, and installs its
 * timer again if it had one. Fails when a set of that name was made
 * meanwhile (it is not replaced). */
gboolean            reports_set_deletion_undo     (ReportsSetDeletion  *self,
                                                   GError             **error);
/* Forgets the copy: the deletion stays. */
void                reports_set_deletion_free     (ReportsSetDeletion  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsSetDeletion, reports_set_deletion_free)

G_END_DECLS
