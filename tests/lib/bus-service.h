/* bus-service.h
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A private session bus (GTestDBus, its own dbus-daemon) and a connection
 * of this process on it that stands in for desktop services: it owns their
 * names and answers their methods from the test's vtables, in the thread-
 * default main context of whoever created it. When a test aborts (a failed
 * assertion), the daemon is ended at once rather than left holding the
 * test's output open, so that meson shows the failure, not a timeout.
 */
typedef struct _BusService BusService;

BusService      *bus_service_new            (void);
void             bus_service_free           (BusService                 *self);

/* The bus's address, for DBUS_SESSION_BUS_ADDRESS. */
const char      *bus_service_get_address    (BusService                 *self);
GDBusConnection *bus_service_get_connection (BusService                 *self);

/* Serves the first interface of @xml at @path with @vtable (called with
 * @user_data) and owns @name, as its primary owner. The object is
 * unregistered when the service is freed. */
void             bus_service_export         (BusService                 *self,
                                             const char                 *name,
                                             const char                 *path,
                                             const char                 *xml,
                                             const GDBusInterfaceVTable *vtable,
                                             gpointer                    user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BusService, bus_service_free)

G_END_DECLS
