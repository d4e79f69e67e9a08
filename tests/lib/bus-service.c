/* bus-service.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "bus-service.h"

struct _BusService
{
  GTestDBus       *bus;
  GDBusConnection *connection;
  GArray          *objects;  /* guint registration IDs */
};

/* The running daemon's process, for the abort handler. */
static volatile pid_t daemon_pid;
static struct sigaction previous_abort;

/*
 * A failed assertion aborts the test, and GTestDBus leaves ending its
 * dbus-daemon to a watcher process, which waits for every copy of a pipe
 * to close; the daemons of the fixtures before inherit copies, so the
 * daemon lives on, holding the test's standard output and error, and
 * meson reports a timeout instead of the assertion. End it here, with
 * kill(2) only (async-signal-safe), and abort as before.
 */
static void
on_abort (int signum)
{
  if (daemon_pid > 0)
    kill (daemon_pid, SIGKILL);

  sigaction (SIGABRT, &previous_abort, NULL);
  raise (SIGABRT);
}

static pid_t
query_daemon_pid (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid = 0;

  /* The bus driver tells its own process. */
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", "org.freedesktop.DBus"), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);

  return (pid_t) pid;
}

BusService *
bus_service_new (void)
{
  BusService *self = g_new0 (BusService, 1);
  g_autoptr(GError) error = NULL;
  struct sigaction action;

  g_assert_cmpint (daemon_pid, ==, 0);

  self->objects = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->bus);

  self->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (self->bus),
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);

  daemon_pid = query_daemon_pid (self->connection);
  memset (&action, 0, sizeof action);
  action.sa_handler = on_abort;
  sigemptyset (&action.sa_mask);
  sigaction (SIGABRT, &action, &previous_abort);

  return self;
}

void
bus_service_free (BusService *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->objects->len; i++)
    g_dbus_connection_unregister_object (self->connection, g_array_index (self->objects, guint, i));
  g_clear_pointer (&self->objects, g_array_unref);

  g_dbus_connection_close_sync (self->connection, NULL, NULL);
  g_clear_object (&self->connection);

  sigaction (SIGABRT, &previous_abort, NULL);
  daemon_pid = 0;
  g_test_dbus_down (self->bus);
  g_clear_object (&self->bus);
  g_free (self);
}

const char *
bus_service_get_address (BusService *self)
{
  return g_test_dbus_get_bus_address (self->bus);
}

GDBusConnection *
bus_service_get_connection (BusService *self)
{
  return self->connection;
}

void
bus_service_export (BusService                 *self,
                    const char                 *name,
                    const char                 *path,
                    const char                 *xml,
                    const GDBusInterfaceVTable *vtable,
                    gpointer                    user_data)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 status = 0;
  guint id;

  info = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  id = g_dbus_connection_register_object (self->connection, path, info->interfaces[0],
                                          vtable, user_data, NULL, &error);
  g_assert_no_error (error);
  g_array_append_val (self->objects, id);

  reply = g_dbus_connection_call_sync (self->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", name, 0), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &status);
  g_assert_cmpuint (status, ==, 1);  /* primary owner */
}
