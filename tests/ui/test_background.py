#!/usr/bin/python3
# The start at login inside Flatpak, outside it: `call-reports --background`
# with a report set scheduled daily whose last run was three days ago. The
# application opens no window, runs the missed run once, at once, with the
# secret from the keyring, saves the files, records the run, shows the
# notification (to a stand-in org.freedesktop.Notifications on the
# session's bus), and stays while the set is scheduled; a second
# `--background` leaves it to the first and exits.
#
# usage: test_background.py BINARY SIMULATOR

import json
import os
import subprocess
import sys
import tempfile
import threading
import time

import gi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import Simulator, Tap, wait_for  # noqa: E402

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
  </interface>
</node>
"""


class Notifications:
    """A stand-in notification server in a thread of this process."""

    def __init__(self):
        self.calls = []
        self.context = GLib.MainContext()
        self.loop = GLib.MainLoop(self.context)
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.ready.wait(10)

    def _run(self):
        self.context.push_thread_default()
        info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

        def on_call(connection, sender, path, interface, method, parameters, invocation):
            if method == "GetCapabilities":
                invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
                return
            self.calls.append(parameters.unpack())
            invocation.return_value(GLib.Variant("(u)", (len(self.calls),)))

        bus.register_object("/org/freedesktop/Notifications", info, on_call, None, None)
        bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
                      GLib.Variant("(su)", ("org.freedesktop.Notifications", 0)), None,
                      Gio.DBusCallFlags.NONE, -1, None)
        self.ready.set()
        self.loop.run()

    def stop(self):
        self.loop.quit()


def run(binary, *args, env):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)


def main():
    binary, simulator_binary = sys.argv[1], sys.argv[2]
    tap = Tap()
    simulator = Simulator(simulator_binary)
    notifications = Notifications()
    out = tempfile.mkdtemp(prefix="background-")
    env = dict(os.environ, CALL_REPORTS_SYSTEMCTL="true", GNOTIFICATION_BACKEND="freedesktop")
    app = None
    try:
        created = run(binary, "set", "create", "Pack", "--server", simulator.uri, "--client-id", "demo",
                      "--output", out, env=env)
        added = run(binary, "set", "add", "Pack", "--type", "queueperformance", "--queue-id-list", "1",
                    "--range", "last-month", env=env)
        scheduled = run(binary, "set", "schedule", "Pack", "--daily", "00:00", env=env)
        tap.ok(created.returncode == 0 and added.returncode == 0 and scheduled.returncode == 0,
               "a set of one report is made and scheduled daily", [created.stderr, added.stderr, scheduled.stderr])

        # Its last run, three days ago: the computer was off since.
        with open(os.path.join(os.environ["XDG_DATA_HOME"], "call-reports", "sets", "Pack.json")) as f:
            server = json.load(f)["pbxs"][0]["server"]
        state_home = os.environ.get("XDG_STATE_HOME") or os.path.join(os.environ["HOME"], ".local", "state")
        state_dir = os.path.join(state_home, "call-reports", "set-runs")
        os.makedirs(state_dir, exist_ok=True)
        long_ago = int(time.time()) - 3 * 86400
        with open(os.path.join(state_dir, "Pack.json"), "w") as f:
            json.dump({"version": 1, "last_run": long_ago, "scheduled": long_ago, "saved": 1, "failed": 0,
                       "files": []}, f)

        stored = subprocess.run(["secret-tool", "store", "--label=Call Reports test",
                                 "xdg:schema", "io.github.callreports.CallReports.ClientSecret",
                                 "server", server, "client-id", "demo"],
                                input="demo-secret", text=True, capture_output=True)
        tap.ok(stored.returncode == 0, "the PBX's secret is in the keyring", stored.stderr)

        log = tempfile.TemporaryFile(mode="w+")
        app = subprocess.Popen([binary, "--background"], env=env, stdout=log, stderr=subprocess.STDOUT)

        tap.ok(wait_for(lambda: notifications.calls, timeout=30) and len(notifications.calls) == 1,
               "one notification comes, for the missed run", notifications.calls)
        files = [name for name in os.listdir(out) if not name.startswith(".")]
        saved = []
        for root, _dirs, names in os.walk(out):
            saved += [os.path.join(root, n) for n in names if n.endswith(".csv")]
        tap.ok(len(saved) == 1, "the missed run saved the set's report", files)
        if notifications.calls:
            _app_name, _replaces, _icon, summary, body, actions, hints, _timeout = notifications.calls[0]
            tap.ok(summary == "1 report of “Pack” saved", "the notification says what was saved", summary)
            tap.ok(body == "In " + out, "and where", body)
            tap.ok(f"app.open-folder('{out}')" in actions and "Open Folder" in actions,
                   "with an Open Folder button", actions)
            tap.ok(hints.get("desktop-entry", "").startswith("io.github.callreports.CallReports"),
                   "from the application", hints)
        tap.ok(simulator.command("count get_token") == "1" and simulator.command("count del_token") == "1",
               "one login and one revocation")

        with open(os.path.join(state_dir, "Pack.json")) as f:
            state = json.load(f)
        tap.ok(state["last_run"] > long_ago + 86400 and state["saved"] == 1, "the run is recorded", state)

        time.sleep(1)
        tap.ok(app.poll() is None, "the application stays while the set is scheduled")
        tap.ok(len(notifications.calls) == 1, "and does not run the set again")

        second = run(binary, "--background", env=env)
        tap.ok(second.returncode == 0, "a second --background leaves it to the first", second.stderr)
        log.seek(0)
        output = log.read()
        tap.ok("CRITICAL" not in output and "WARNING" not in output, "it logged no warning", output)
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        notifications.stop()
        simulator.stop()
        subprocess.run(["rm", "-rf", out])
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
