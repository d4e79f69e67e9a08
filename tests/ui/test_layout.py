#!/usr/bin/python3
# The window's layout (issue 14) as a user meets it, against the simulated
# PBX in another process: report types chosen in the sidebar and by
# Ctrl+Page Down wherever the focus is (the Year field too), the Reports
# page kept across a restart (a file deleted since shown as such) and
# cleared, and the window folded to one pane at 360 pixels.
#
# usage: test_layout.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, click_at,  # noqa: E402
                          connect_to_simulator, focus_window, keys, safe_name, safe_role, screenshot, text_of,
                          type_text, wait_for, walk, write_settings)

from gi.repository import Atspi  # noqa: E402


def is_showing(node):
    return node.get_state_set().contains(Atspi.StateType.SHOWING)


def connect(app, simulator):
    return connect_to_simulator(app, simulator.uri, heading=None) is not None


def heading(app):
    node = app.find(role="heading")
    return safe_name(node) if node is not None else None


def sidebar(tap, app):
    # A click on a type in the sidebar shows its title and description.
    row = app.wait_find(role="list item", name="PBX Call Activity")
    tap.ok(row is not None, "the sidebar lists PBX Call Activity")
    if row is not None:
        click_at(row)
    tap.ok(wait_for(lambda: heading(app) == "PBX Call Activity"), "choosing it in the sidebar shows its form",
           heading(app))
    tap.ok(app.find(role="label", name="Calls through the trunks over a day, a month or a year.") is not None,
           "with its one-line description")
    groups = [safe_name(n) for n in walk(app.node) if safe_role(n) == "label" and safe_name(n) in
              ("Extensions", "Trunks", "IVR & Auto Attendant", "Queues", "Agents", "Ring Groups", "Accounting")]
    tap.ok(len(set(groups)) == 7, "the sidebar groups the types as the PBX does", groups)

    # Ctrl+Page Down: the next type in the sidebar's order.
    focus_window("Call Reports")
    keys("ctrl+Next")
    tap.ok(wait_for(lambda: heading(app) == "DID/Outbound Caller ID Activity"), "Ctrl+Page Down goes to the next type",
           heading(app))
    keys("ctrl+Prior")
    tap.ok(wait_for(lambda: heading(app) == "PBX Call Activity"), "Ctrl+Page Up goes back", heading(app))

    # Typing in the search finds a type; Enter takes it.
    keys("ctrl+f")
    time.sleep(0.5)
    type_text("AVG")
    keys("Return")
    tap.ok(wait_for(lambda: heading(app) == "Queue AVG Waiting & Talking Time"), "Ctrl+F, a word and Enter choose a type",
           heading(app))

    # In the Year field, Ctrl+Page Down switches types too, and does not
    # set the year to the spin button's maximum.
    # Quick Range › This Year: a year, in the Year field.
    click(button(app, "Quick Range"))
    this_year = app.wait_find(name="This Year", predicate=lambda n: n.get_n_actions() > 0)
    if this_year is not None:
        click(this_year)
    focus_window("Call Reports")
    time.sleep(0.5)
    year = app.wait_find(role="spin button", name="Year")
    tap.ok(year is not None, "a period type has a Year field",
           [(safe_role(n), safe_name(n)) for n in walk(app.node) if safe_role(n) in ("spin button", "combo box")])
    if year is not None:
        before = text_of(year)
        click_at(year)
        time.sleep(0.3)
        keys("ctrl+Next")
        tap.ok(wait_for(lambda: heading(app) == "Queue Performance"),
               "Ctrl+Page Down in the Year field goes to the next type", heading(app))
        tap.ok(not any("2100" in text_of(n) for n in walk(app.node) if safe_role(n) == "spin button"),
               "and leaves the year alone", before)


def download_transcription(tap, app, output):
    keys("ctrl+f")
    time.sleep(0.5)
    type_text("Transcription")
    keys("Return")
    wait_for(lambda: heading(app) == "Transcription Usage Details")
    keys("ctrl+d")
    toast = app.wait_find(role="label", timeout=30, predicate=lambda n: safe_name(n).startswith("Saved ‘Transcription"))
    tap.ok(toast is not None, "Ctrl+D downloads and a toast says so", safe_name(toast) if toast else None)
    keys("alt+2")
    saved = app.wait_find(role="label", timeout=10, predicate=lambda n: safe_name(n).startswith("Saved as Transcription"))
    tap.ok(saved is not None and os.path.dirname(saved.get_description()) == output,
           "the Reports page lists the saved file", saved.get_description() if saved else None)
    keys("alt+1")
    return saved.get_description() if saved is not None else None


def narrow(tap, app, window, shots):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Call Reports$"],
                           capture_output=True, text=True).stdout.split()
    if found:
        subprocess.run(["xdotool", "windowsize", found[0], "360", "700"], check=False)
    time.sleep(1.5)
    tap.ok(screenshot(os.path.join(shots, "narrow-request.png"), window), "a screenshot at 360 pixels is saved")
    back = button(app, "Report Types")
    tap.ok(back is not None, "at 360 pixels the form shows a button back to the report types")
    if back is not None:
        click(back)
    time.sleep(1.0)
    tap.ok(screenshot(os.path.join(shots, "narrow-types.png"), window), "a screenshot of the sidebar alone is saved")
    # The sidebar fills the window: a click on a type there chooses it.
    item = app.wait_find(role="list item", name="IVR Report")
    if item is not None:
        click_at(item)
    tap.ok(wait_for(lambda: heading(app) == "IVR Report"), "back shows the sidebar, and a type chosen there shows its form",
           heading(app))

    # A download's toast at 360 pixels: over the form, above the bar with
    # Save Into and Download, and above the page switcher at the bottom.
    keys("ctrl+f")
    time.sleep(0.5)
    type_text("Transcription")
    keys("Return")
    wait_for(lambda: heading(app) == "Transcription Usage Details")
    keys("ctrl+d")
    toast = app.wait_find(role="label", timeout=30, predicate=lambda n: safe_name(n).startswith("Saved ‘Transcription"))
    folder_button = button(app, "Save Into")
    bar_top = folder_button.get_extents(Atspi.CoordType.WINDOW).y if folder_button is not None else -1
    toast_box = toast.get_extents(Atspi.CoordType.WINDOW) if toast is not None else None
    tap.ok(toast_box is not None and bar_top > 0 and toast_box.y + toast_box.height <= bar_top,
           "at 360 pixels the toast shows above the bar, not over Save Into",
           (toast_box.y, toast_box.height, bar_top) if toast_box is not None else None)
    tap.ok(screenshot(os.path.join(shots, "narrow-toast.png"), window), "a screenshot of the toast at 360 pixels is saved")


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    tap = Tap()
    scratch = tempfile.mkdtemp(prefix="call-reports-layout-")
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    write_settings(output, width=1100, height=800)
    env = {"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"}
    simulator = Simulator(simulator_binary)
    messages = []
    app = App(app_binary, env=env)
    try:
        tap.ok(connect(app, simulator), "it connects to the PBX")
        sidebar(tap, app)
        kept = download_transcription(tap, app, output)
        deleted = download_transcription(tap, app, output)
        if deleted is not None:
            os.unlink(deleted)
    finally:
        app.stop()
        messages += app.unexpected_messages()

    # The next start lists the same downloads; the deleted one says so.
    app = App(app_binary, env=env)
    try:
        tap.ok(connect(app, simulator), "it connects again after a restart")
        window = app.wait_find(role="frame", name="Call Reports")
        keys("alt+2")
        kept_label = app.wait_find(role="label", timeout=10,
                                   predicate=lambda n: safe_name(n).startswith("Saved as ") and
                                   n.get_description() == kept)
        tap.ok(kept_label is not None, "after a restart the Reports page still lists the saved report")
        gone = app.wait_find(role="label", timeout=10, predicate=lambda n: "was deleted or moved since" in safe_name(n))
        tap.ok(gone is not None and os.path.basename(deleted or "") in safe_name(gone),
               "a file deleted since is shown as such", safe_name(gone) if gone else None)
        clear = button(app, "Clear List")
        if clear is not None:
            click(clear)
        tap.ok(wait_for(lambda: app.find(role="label", predicate=lambda n: safe_name(n).startswith("Saved as ")) is None and
                        app.find(role="label", predicate=lambda n: "deleted or moved" in safe_name(n)) is None),
               "Clear List empties the list")
        keys("alt+1")
        narrow(tap, app, window, shots)
    finally:
        rc = app.stop()
        simulator.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly", f"exit status {rc}")
    messages += app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
