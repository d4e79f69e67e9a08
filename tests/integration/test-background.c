/* test-background.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "bus-service.h"
#include "reports-background.h"
#include "reports-set-schedule.h"
#include "reports-set-state.h"
#include "reports-set-store.h"
#include "reports-set-units.h"

/*
 * Scheduling inside Flatpak: the Background portal request, against a
 * stand-in for org.freedesktop.portal.Desktop on a private session bus
 * (tests/lib/bus-service.c: GTestDBus, its own dbus-daemon), served by
 * this process on a connection of its own. It records each RequestBackground and answers on
 * the request object as xdg-desktop-portal does. Each test has its own
 * XDG folders (G_TEST_OPTION_ISOLATE_DIRS).
 */

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  BusService      *bus;
  GPtrArray       *requests;  /* GVariant a{sv}, the options */
  guint            response;  /* 0 granted, 1 cancelled by the user */
  gboolean         grant;
} Fixture;

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Fixture *f = user_data;
  g_autoptr(GVariant) options = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *sender_part = NULL;
  const char *parent = NULL;
  const char *token = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_variant_get (parameters, "(&s@a{sv})", &parent, &options);
  g_assert_cmpstr (parent, ==, "");
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_variant_lookup (options, "autostart", "b", &autostart);
  g_ptr_array_add (f->requests, g_variant_ref (options));

  /* The request object's path, as the portal makes it. */
  sender_part = g_strdelimit (g_strdup (sender + 1), ".", '_');
  handle = g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, sender_part, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (f->grant));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (f->grant && autostart));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", f->response, &results), NULL);
}

static GVariant *
portal_get_property (GDBusConnection  *connection,
                     const char       *sender,
                     const char       *object_path,
                     const char       *interface_name,
                     const char       *property_name,
                     GError          **error,
                     gpointer          user_data)
{
  return g_variant_new_uint32 (1);
}

static const GDBusInterfaceVTable portal_vtable = {
  portal_method_call, portal_get_property, NULL, { 0 }
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  f->grant = TRUE;

  f->bus = bus_service_new ();
  bus_service_export (f->bus, PORTAL_NAME, PORTAL_PATH, portal_xml, &portal_vtable, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->bus, bus_service_free);
  g_clear_pointer (&f->requests, g_ptr_array_unref);
  g_unsetenv ("CALL_REPORTS_SCHEDULER");
  g_unsetenv ("CALL_REPORTS_SYSTEMCTL");
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
request (gboolean   autostart,
         GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  reports_background_request_async (autostart, cancellable, store_result, &result);

  return reports_background_request_finish (wait_result (&result), error);
}

static void
assert_request (Fixture  *f,
                guint     index,
                gboolean  autostart)
{
  GVariant *options = g_ptr_array_index (f->requests, index);
  g_autofree const char **commandline = NULL;
  g_autofree char *expected_reason = reports_background_dup_reason ();
  const char *reason = NULL;
  gboolean value = !autostart;

  g_assert_true (g_variant_lookup (options, "autostart", "b", &value));
  g_assert_cmpint (value, ==, autostart);
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, expected_reason);
  g_assert_nonnull (strstr (reason, "report sets"));
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpuint (g_strv_length ((char **) commandline), ==, 2);
  g_assert_cmpstr (commandline[0], ==, "call-reports");
  g_assert_cmpstr (commandline[1], ==, "--background");
}

/* Granted: autostart with `call-reports --background`, and the reason. */
static void
test_request_granted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (request (TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->requests->len, ==, 1);
  assert_request (f, 0, TRUE);

  g_assert_true (request (FALSE, &error));
  g_assert_no_error (error);
  assert_request (f, 1, FALSE);
}

/* Refused in the dialog, or the dialog closed: an error that says what
 * it means for the schedules. */
static void
test_request_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->grant = FALSE;
  g_assert_false (request (TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "only while Call Reports is open"));
  g_clear_error (&error);

  f->response = 1;
  g_assert_false (request (TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
enable (ReportsSet             *set,
        const ReportsSchedule  *schedule,
        GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  reports_set_schedule_enable_async (set, schedule, NULL, store_result, &result);

  return reports_set_schedule_enable_finish (wait_result (&result), error);
}

static ReportsSet *
new_set (const char *name)
{
  ReportsSet *set = reports_set_new (name);

  g_assert_true (reports_set_add_pbx (set, reports_set_pbx_new ("https://pbx.example.com", "id")));

  return set;
}

/* Inside Flatpak the one enable/disable function asks the portal, keeps
 * autostart while any set is scheduled, and writes no systemd unit. */
static void
test_enable_portal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ReportsSet) first = new_set ("First");
  g_autoptr(ReportsSet) second = new_set ("Second");
  g_autoptr(ReportsSet) saved = NULL;
  g_autoptr(ReportsSetState) state = NULL;
  g_autoptr(GFile) units = reports_set_units_dup_folder ();
  g_autoptr(GError) error = NULL;
  ReportsSchedule weekly = { REPORTS_SCHEDULE_WEEKLY, G_DATE_FRIDAY, 0, 18, 30 };

  g_setenv ("CALL_REPORTS_SCHEDULER", "portal", TRUE);

  g_assert_true (enable (first, &weekly, &error));
  g_assert_no_error (error);
  g_assert_true (enable (second, &weekly, &error));
  g_assert_cmpuint (f->requests->len, ==, 2);
  assert_request (f, 0, TRUE);
  assert_request (f, 1, TRUE);

  saved = reports_set_store_load ("First", &error);
  g_assert_no_error (error);
  g_assert_cmpint (reports_set_get_schedule (saved)->kind, ==, REPORTS_SCHEDULE_WEEKLY);
  g_assert_cmpint (reports_set_get_schedule (saved)->weekday, ==, G_DATE_FRIDAY);
  state = reports_set_state_load ("First");
  g_assert_cmpint (state->scheduled, >, 0);
  g_assert_false (g_file_query_exists (units, NULL));

  /* One set left scheduled: still autostart; none: no more. */
  g_assert_true (enable (first, NULL, &error));
  assert_request (f, 2, TRUE);
  g_assert_true (enable (second, NULL, &error));
  assert_request (f, 3, FALSE);
  g_assert_false (reports_set_schedule_any ());
  g_assert_false (g_file_query_exists (units, NULL));

  /* Refused: the schedule is saved, and the error says where it runs. */
  f->grant = FALSE;
  g_assert_false (enable (first, &weekly, &error));
  g_assert_nonnull (strstr (error->message, "The schedule is saved, but it runs only while "
                            "Call Reports is open"));
  g_assert_true (reports_set_schedule_any ());
}

/* Outside Flatpak the same function writes the systemd units, and never
 * asks the portal. */
static void
test_enable_systemd (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ReportsSet) set = new_set ("Outside");
  g_autoptr(GError) error = NULL;
  ReportsSchedule daily = { REPORTS_SCHEDULE_DAILY, 0, 0, 6, 15 };

  g_setenv ("CALL_REPORTS_SCHEDULER", "systemd", TRUE);
  g_setenv ("CALL_REPORTS_SYSTEMCTL", "true", TRUE);

  g_assert_true (enable (set, &daily, &error));
  g_assert_no_error (error);
  g_assert_true (reports_set_units_are_installed ("Outside"));

  g_assert_true (enable (set, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (reports_set_units_are_installed ("Outside"));
  g_assert_cmpuint (f->requests->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

#if HAVE_LIBPORTAL
  ADD ("/background/request/granted", test_request_granted);
  ADD ("/background/request/refused", test_request_refused);
  ADD ("/background/enable/portal", test_enable_portal);
#endif
  ADD ("/background/enable/systemd", test_enable_systemd);

  return g_test_run ();
}
