/* test-cli-notify.c
 *
 * Copyright 2026 The Call Reports authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bus-service.h"
#include "cli-run.h"
#include "reports-set-notification.h"
#include "yeastar-simulator.h"

/*
 * `call-reports run SET --notify`, as the systemd service runs it: the
 * real binary (CALL_REPORTS_BINARY) against a simulated PBX, on a private
 * session bus (tests/lib/bus-service.c) where this process serves a stand-in for
 * org.freedesktop.Notifications, GLib's freedesktop backend being the one
 * a session without GNOME Shell's org.gtk.Notifications uses. It records
 * every Notify (summary, body, actions). Another case holds the
 * application ID itself, as the open window does, and receives the
 * notification as that instance's action. And `set schedule` inside
 * Flatpak (CALL_REPORTS_SCHEDULER=portal), which asks a stand-in
 * Background portal on the same bus instead of writing systemd units.
 */

#define CLIENT_ID "notify-client"
#define SECRET "N0tify-Secret-4f5e6d7c8b"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "  </interface>"
  "</node>";

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "      <arg type='o' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  YeastarSimulator *sim;
  char             *uri;
  char             *home;
  char             *out_dir;
  char             *secret_file;
  BusService       *bus;
  GPtrArray        *notifies;  /* GVariant, Notify's parameters */
  GPtrArray        *requests;  /* GVariant, RequestBackground's options */
} Fixture;

/* Answers as xdg-desktop-portal does: the request's handle, then its
 * Response signal, granting what was asked. */
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
  g_autoptr(GVariant) options = g_variant_get_child_value (parameters, 1);
  g_autofree char *sender_part = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *handle = NULL;
  const char *token = "t";
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "autostart", "b", &autostart);
  g_ptr_array_add (f->requests, g_variant_ref (options));
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender_part, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", 0, &results), NULL);
}

static const GDBusInterfaceVTable portal_vtable = { portal_method_call, NULL, NULL, { 0 } };

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
      return;
    }

  g_ptr_array_add (f->notifies, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", f->notifies->len));
}

static const GDBusInterfaceVTable server_vtable = { server_method_call, NULL, NULL, { 0 } };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) clock = g_date_time_new (zone, 2026, 12, 1, 9, 0, 0);

  f->home = g_dir_make_tmp ("test-cli-notify-XXXXXX", &error);
  g_assert_no_error (error);
  f->out_dir = g_build_filename (f->home, "Reports", NULL);
  g_assert_cmpint (g_mkdir (f->out_dir, 0700), ==, 0);
  f->secret_file = g_build_filename (f->home, "secret", NULL);
  g_file_set_contents_full (f->secret_file, SECRET, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  f->sim = yeastar_simulator_new ();
  g_object_set (f->sim, "client-id", CLIENT_ID, "client-secret", SECRET,
                "device-name", "Main Office", "clock", clock, NULL);
  g_assert_true (yeastar_simulator_start (f->sim, NULL, &error));
  g_assert_no_error (error);
  f->uri = yeastar_simulator_dup_base_uri (f->sim);

  f->notifies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  f->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  f->bus = bus_service_new ();
  bus_service_export (f->bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                      notifications_xml, &server_vtable, f);
  bus_service_export (f->bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                      portal_xml, &portal_vtable, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->bus, bus_service_free);
  g_clear_pointer (&f->requests, g_ptr_array_unref);
  g_clear_pointer (&f->notifies, g_ptr_array_unref);

  yeastar_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->uri, g_free);
  cli_run_remove_tree (f->home);
  g_clear_pointer (&f->home, g_free);
  g_clear_pointer (&f->out_dir, g_free);
  g_clear_pointer (&f->secret_file, g_free);
}

static void
run_cliv (Fixture            *f,
          CliRun             *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_run_new_launcher (NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", f->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                bus_service_get_address (f->bus), TRUE);
  /* GNOME Shell's org.gtk.Notifications is not on this bus, so GLib uses
   * its freedesktop backend anyway; said here so that no other is tried. */
  g_subprocess_launcher_setenv (launcher, "GNOTIFICATION_BACKEND", "freedesktop", TRUE);

  cli_run_spawn (run, launcher, args, CLI_RUN_DEFAULT);
}

#define run_cli(f, run, ...) \
  G_STMT_START { \
    const char * const run_args__[] = { __VA_ARGS__, NULL }; \
    run_cliv ((f), (run), run_args__); \
  } G_STMT_END

static void
create_set (Fixture *f)
{
  g_auto(CliRun) create = { 0, };
  g_auto(CliRun) add1 = { 0, };
  g_auto(CliRun) add2 = { 0, };

  run_cli (f, &create, "set", "create", "Pack", "--server", f->uri, "--client-id", CLIENT_ID,
           "--output", f->out_dir);
  g_assert_cmpint (create.status, ==, 0);
  run_cli (f, &add1, "set", "add", "Pack", "--type", "queueperformance", "--queue-id-list", "1",
           "--range", "last-month");
  g_assert_cmpint (add1.status, ==, 0);
  run_cli (f, &add2, "set", "add", "Pack", "--type", "trunkactivity", "--trunk-id-list", "3",
           "--range", "last-month");
  g_assert_cmpint (add2.status, ==, 0);
}

static GVariant *
wait_notify (Fixture *f)
{
  while (f->notifies->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->notifies->len, ==, 1);

  return g_ptr_array_index (f->notifies, 0);
}

/* Every report saved: how many and the set's name, the folder, and an
 * "Open Folder" button bound to app.open-folder with the folder. */
static void
test_notify_saved (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *open_folder = g_strdup_printf ("app.open-folder('%s')", f->out_dir);
  g_autofree const char **actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  const char *desktop_entry = NULL;
  gboolean found = FALSE;
  GVariant *notify;

  create_set (f);
  run_cli (f, &run, "run", "Pack", "--client-secret-file", f->secret_file, "--notify");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  notify = wait_notify (f);
  g_variant_get (notify, "(&su&sss^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body, &actions, &hints, NULL);
  printed = g_variant_print (notify, FALSE);
  g_test_message ("Notify: %s", printed);
  g_assert_cmpstr (summary, ==, "2 reports of “Pack” saved");
  g_assert_true (g_str_has_prefix (body, "In "));
  g_assert_true (g_str_has_suffix (body, "/Reports"));

  for (guint i = 0; actions[i] != NULL && actions[i + 1] != NULL; i += 2)
    {
      if (g_str_equal (actions[i], open_folder))
        {
          g_assert_cmpstr (actions[i + 1], ==, "Open Folder");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
}

/* A failed report: which one, on which PBX, and why; no "Open Folder"
 * when nothing was saved. */
static void
test_notify_failed (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(CliRun) run = { 0, };
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *printed = NULL;
  g_autofree const char **actions = NULL;
  GVariant *notify;

  create_set (f);
  yeastar_simulator_stop (f->sim);
  run_cli (f, &run, "run", "Pack", "--client-secret-file", f->secret_file, "--quiet", "--notify");
  g_assert_cmpint (run.status, ==, 5);

  notify = wait_notify (f);
  g_variant_get (notify, "(&su&sss^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body, &actions, NULL, NULL);
  printed = g_variant_print (notify, FALSE);
  g_test_message ("Notify: %s", printed);
  g_assert_cmpstr (summary, ==, "2 of 2 reports of “Pack” failed");
  g_assert_true (g_str_has_prefix (body, "Queue Performance, "));
  g_assert_nonnull (strstr (body, "\nPBX Call Activity, "));
  g_assert_nonnull (strstr (body, "127.0.0.1"));
  for (guint i = 0; actions[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (actions[i], "app.open-folder"));
}

static void
on_notify_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GVariant **out = user_data;

  *out = g_variant_ref (parameter);
}

/* The window's instance holds the application ID: it gets the
 * notification to show, as its action. */
static void
test_notify_through_instance (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSimpleAction) action = g_simple_action_new (REPORTS_SET_NOTIFICATION_SHOW, G_VARIANT_TYPE ("(ssss)"));
  g_autoptr(GVariant) received = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0, };
  const char *id = NULL, *title = NULL, *folder = NULL;

  g_signal_connect (action, "activate", G_CALLBACK (on_notify_action), &received);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (app));

  create_set (f);
  run_cli (f, &run, "run", "Pack", "--client-secret-file", f->secret_file, "--notify");
  g_assert_cmpint (run.status, ==, 0);

  while (received == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_variant_get (received, "(&s&s&s&s)", &id, &title, NULL, &folder);
  g_assert_cmpstr (id, ==, "set-run-Pack");
  g_assert_cmpstr (title, ==, "2 reports of “Pack” saved");
  g_assert_cmpstr (folder, ==, f->out_dir);
  g_assert_cmpuint (f->notifies->len, ==, 0);
}

/* `set schedule` and `unschedule` inside Flatpak: the Background portal
 * is asked for autostart with `call-reports --background`, then to drop
 * it; no systemd unit is written and systemctl is never run. */
static void
test_schedule_portal (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *units = g_build_filename (f->home, "systemd", NULL);
  g_autofree const char **commandline = NULL;
  g_auto(CliRun) schedule = { 0, };
  g_auto(CliRun) unschedule = { 0, };
  g_auto(CliRun) show = { 0, };
  gboolean autostart = FALSE;

  create_set (f);
  g_setenv ("CALL_REPORTS_SCHEDULER", "portal", TRUE);
  g_setenv ("CALL_REPORTS_SYSTEMCTL", "false", TRUE);
  run_cli (f, &schedule, "set", "schedule", "Pack", "--weekly", "fri", "18:30");
  g_assert_cmpstr (schedule.err, ==, "");
  g_assert_cmpint (schedule.status, ==, 0);
  g_assert_cmpstr (schedule.out, ==, "weekly on Friday at 18:30\n");
  g_assert_cmpuint (f->requests->len, ==, 1);
  g_assert_true (g_variant_lookup (g_ptr_array_index (f->requests, 0), "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (g_ptr_array_index (f->requests, 0), "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "call-reports");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_null (commandline[2]);
  g_assert_false (g_file_test (units, G_FILE_TEST_EXISTS));

  run_cli (f, &show, "set", "show", "Pack");
  g_assert_nonnull (strstr (show.out, "weekly on Friday at 18:30"));

  run_cli (f, &unschedule, "set", "unschedule", "Pack");
  g_unsetenv ("CALL_REPORTS_SCHEDULER");
  g_unsetenv ("CALL_REPORTS_SYSTEMCTL");
  g_assert_cmpint (unschedule.status, ==, 0);
  g_assert_cmpuint (f->requests->len, ==, 2);
  g_assert_true (g_variant_lookup (g_ptr_array_index (f->requests, 1), "autostart", "b", &autostart));
  g_assert_false (autostart);
  g_assert_false (g_file_test (units, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/notify/saved", test_notify_saved);
  ADD ("/cli/notify/failed", test_notify_failed);
  ADD ("/cli/notify/through-instance", test_notify_through_instance);
  ADD ("/cli/schedule/portal", test_schedule_portal);

  return g_test_run ();
}
