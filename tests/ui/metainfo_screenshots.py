#!/usr/bin/python3
# The metainfo's screenshots of the report viewer and the Report Sets
# window (data/screenshots/), from the simulated PBX, at 1000×720 as the
# main window's: the viewer's table and chart (and the chart in the dark
# style), and a set's page after Run Now. Not a test: run it by hand in a
# throw-away session, then LOOK at the files before copying them:
#
#   build-aux/ci-session.sh --keyring -- /usr/bin/python3 \
#     tests/ui/metainfo_screenshots.py build/src/call-reports \
#     build/tests/ui-simulator OUTPUT_DIR
#
# with GSETTINGS_SCHEMA_DIR=build/data GTK_A11Y=atspi LC_ALL=C.UTF-8.
#
# usage: metainfo_screenshots.py APP_BINARY SIMULATOR_BINARY OUTPUT_DIR

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, click, click_at, focus_window,  # noqa: E402
                          safe_name, safe_role, wait_for, walk, write_settings)

SECRET = "demo-secret"
WIDTH, HEIGHT = 1000, 720


def run_cli(binary, *args):
    env = dict(os.environ, CALL_REPORTS_CLIENT_SECRET=SECRET, DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus")
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)}: {result.stderr}")
    return result.stdout


def window_id(title):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                           capture_output=True, text=True).stdout.split()
    if not found:
        sys.exit(f"no window “{title}”")
    return found[0]


def shot(title, path):
    """The X window itself, exactly WIDTH × HEIGHT (its AT-SPI extents,
    which atspi_driver.screenshot() crops to, are a little smaller)."""
    subprocess.run(["/usr/bin/import", "-window", window_id(title), path], check=True)


def resize(title):
    found = [window_id(title)]
    subprocess.run(["xdotool", "windowsize", "--sync", found[0], str(WIDTH), str(HEIGHT)], check=True)
    subprocess.run(["xdotool", "windowraise", found[0]], check=False)
    focus_window(title)
    time.sleep(1.5)


def dark(on):
    settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        if on:
            f.write("[org/gnome/desktop/interface]\ncolor-scheme='prefer-dark'\n")


def viewer(binary, path, out, names):
    app = App(binary, args=[path], env={"GSETTINGS_BACKEND": "keyfile"})
    try:
        window = app.wait_find(role="frame", name="Extension Call Statistics")
        if window is None:
            sys.exit("the viewer did not open")
        resize("Extension Call Statistics")
        if "table" in names:
            shot("Extension Call Statistics", os.path.join(out, names["table"]))
        click(app.find(role="page tab", name="Chart"))
        app.wait_find(role="image", name="Total Calls by Extension Name")
        time.sleep(1.5)
        shot("Extension Call Statistics", os.path.join(out, names["chart"]))
    finally:
        app.stop()


def main():
    binary, simulator_binary, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="call-reports-screenshots-")
    simulator = Simulator(simulator_binary)
    try:
        path = json.loads(run_cli(binary, "download", "--server", simulator.uri, "--client-id", "demo",
                                  "--output", scratch, "--type", "extcallstatistics",
                                  "--start-time", "2026-11-01", "--end-time", "2026-11-30 23:59",
                                  "--ext-id-list", "1,2,3,4,5,6,7,8", "--json"))["path"]
        dark(False)
        viewer(binary, path, out, {"table": "viewer-table.png", "chart": "viewer-chart.png"})
        dark(True)
        viewer(binary, path, out, {"chart": "viewer-chart-dark.png"})
        dark(False)

        # A set of three reports, its Client Secret in the keyring as
        # Remember This PBX keeps it; the window runs it. Its folder is in
        # the session's home folder (ci-session.sh makes a throw-away
        # one), as a user's would be, so the window shows "~/Reports/…".
        output = os.path.join(os.path.expanduser("~"), "Reports")
        os.makedirs(output, exist_ok=True)
        write_settings(output, width=WIDTH, height=HEIGHT)
        run_cli(binary, "set", "create", "Monthly Pack", "--server", simulator.uri, "--client-id", "demo",
                "--output", output)
        run_cli(binary, "set", "add", "Monthly Pack", "--type", "extcallstatistics", "--range", "last-month",
                "--ext-id-list", "1,2,3,4")
        run_cli(binary, "set", "add", "Monthly Pack", "--type", "queueperformance", "--range", "last-month",
                "--queue-id-list", "1,2")
        run_cli(binary, "set", "add", "Monthly Pack", "--type", "unreturnmisscall", "--range", "last-week")
        subprocess.run(["secret-tool", "store", "--label=Call Reports: Client Secret",
                        "xdg:schema", "io.github.callreports.CallReports.ClientSecret",
                        "server", simulator.uri, "client-id", "demo"],
                       input=SECRET, text=True, check=True)

        app = App(binary, env={"GSETTINGS_BACKEND": "keyfile"})
        try:
            app.wait_find(role="frame", name="Call Reports")
            focus_window("Call Reports")
            click(app.wait_find(name="Main Menu", predicate=lambda n: n.get_n_actions() > 0))
            click(app.wait_find(name="Report Sets", predicate=lambda n: n.get_n_actions() > 0))
            sets_window = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Report Sets"), None))
            if sets_window is None:
                sys.exit("no Report Sets window")
            resize("Report Sets")
            row = app.wait_find(name="Monthly Pack", root=sets_window,
                                predicate=lambda n: safe_role(n) == "list item")
            click_at(row)
            run = app.wait_find(role="push button", root=sets_window,
                                predicate=lambda n: safe_name(n).replace("_", "").startswith("Run Now"))
            click(run)
            done = wait_for(lambda: len([n for n in walk(sets_window) if safe_role(n) == "label" and
                                         safe_name(n).startswith("Saved as ")]) >= 3, timeout=60)
            if not done:
                sys.exit("the run did not save every report")
            time.sleep(6)  # the toast, if any, goes
            shot("Report Sets", os.path.join(out, "report-sets.png"))
        finally:
            app.stop()
    finally:
        simulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
