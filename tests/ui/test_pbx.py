#!/usr/bin/python3
# The window against a PBX that says unusual things: a device name and a
# menu name with terminal sequences, line breaks and bidi controls, a time
# format this program does not know ("hh:mm:ss a"), and 2,000 extensions,
# all selected: Download is disabled with "request too long", nothing is
# sent.
#
# usage: test_pbx.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, connect_to_simulator,  # noqa: E402
                          safe_name, safe_role, screenshot, wait_for, walk, write_settings)

# An OSC that sets the terminal's title, a CR and LF and a tab, an RLO,
# DEL and a C1 CSI; and how the window shows it.
HOSTILE = "Evil\x1b]0;pwned\x07\r\n9999\tAdmin\u202egpj.exe\x7f\x9b"
SHOWN = "Evil\\x1b]0;pwned\\x07\\r\\n9999\\tAdmin\\u202egpj.exe\\x7f\\u009b"
RAW = "\x1b\x07\r\t\u202e\x7f\x9b"
HOURS = "12-hour, from the PBX clock (its time format is not one this program knows)"


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="call-reports-ui-")
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    tap = Tap()

    write_settings(output)

    simulator = Simulator(simulator_binary, ["--extensions", "2000", "--time-format", "hh:mm:ss a",
                                             "--device-name", HOSTILE, "--hostile-text", HOSTILE])
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"})
    try:
        window = app.wait_find(role="frame", name="Call Reports")
        # An unknown time format connects.
        type_button = connect_to_simulator(app, simulator.uri, timeout=30)
        tap.ok(type_button is not None, "a PBX with the time format “hh:mm:ss a” connects",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label"][-6:])
        subtitle = app.wait_find(role="label", name=SHOWN, timeout=10)
        tap.ok(subtitle is not None, "the PBX's name is shown with its control characters as escapes")

        fmt = app.wait_find(role="label", name=f"DD/MM/YYYY hh:mm:ss AM/PM ({HOURS})")
        tap.ok(fmt is not None, "the format row says 12 hours were taken from the PBX clock")
        preview = app.wait_find(role="label", predicate=lambda n: safe_name(n).endswith("\n" + HOURS))
        tap.ok(preview is not None, "“Sent to the PBX as” says how 12 or 24 hours was decided",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label"])

        raw = [safe_name(n) for n in walk(window) if any(c in safe_name(n) for c in RAW)]
        tap.ok(not raw, "no label of the window holds a raw control or bidi character", repr(raw[:3]))

        # The hostile menu name in the selector, then Select All.
        click(button(app, "Choose Extensions"))
        selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extensions"), None))
        tap.ok(selector is not None, "the extension selector opens")
        if selector is not None:
            first = app.wait_find(role="check box", root=selector,
                                  predicate=lambda n: safe_name(n).startswith("1001 - Evil"))
            tap.ok(first is not None and safe_name(first) == "1001 - " + SHOWN,
                   "a menu name is shown with its control characters as escapes",
                   repr(safe_name(first)) if first is not None else None)
            raw = [safe_name(n) for n in walk(selector) if any(c in safe_name(n) for c in RAW)]
            tap.ok(not raw, "no label of the selector holds a raw control or bidi character", repr(raw[:3]))
            click(button(app, "Select All", root=selector))
            # The extensions and the simulator's three extension groups.
            count = app.wait_find(role="label", root=selector, predicate=lambda n: safe_name(n).startswith("2003 of "))
            tap.ok(count is not None, "Select All selects the 2,000 extensions and 3 groups")
            click(button(app, "Select", root=selector))
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)

        download = app.find(role="push button",
                            predicate=lambda n: safe_name(n).startswith("Download") and n.get_n_actions() > 0)
        reason = app.wait_find(role="label", root=window, predicate=lambda n: "request too long" in safe_name(n))
        tap.ok(reason is not None and "2003 IDs" in safe_name(reason) and "groups" in safe_name(reason),
               "the reason says the request would be too long and suggests groups",
               safe_name(reason) if reason is not None else None)
        if download is not None:
            click(download)
            time.sleep(1.0)
        tap.ok(screenshot(os.path.join(shots, "request-too-long.png"), window), "a screenshot is saved")
        tap.ok(simulator.command("count call_report/download") == "0", "no report was asked for")
    finally:
        rc = app.stop()
        simulator.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly", f"exit status {rc}")
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
