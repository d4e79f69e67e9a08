#!/usr/bin/python3
# ID selections belong to one PBX and one menu kind. On a PBX whose
# extensions and extension groups share IDs (extension 1 "1001 - Alice
# Martin", extension group 1 "Sales"), the selector keeps them apart; a
# second PBX is offered nothing chosen on the first; an ID the first PBX
# no longer lists comes back as "Unknown, ID 12", ticked, and unticking
# removes it; Selected Only shows what is ticked, with the search, from
# the keyboard. IDs saved by an earlier version (per report type, for no
# PBX in particular) are never sent.
#
# usage: test_selections.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import os
import re
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, connect_to_simulator,  # noqa: E402
                          focus_window, is_enabled, is_focused, keys, safe_name, safe_role, screenshot,
                          type_text, wait_for, walk, write_settings)


def is_checked(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.CHECKED) or states.contains(Atspi.StateType.PRESSED)


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="call-reports-selections-")
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    tap = Tap()

    # An earlier version kept the IDs with the other values, by report
    # type only: they must not reach any PBX.
    keyfile = write_settings(output, extra=[
        "report-values={'extcallstatistics': {'ext_id_list': '3,35', 'communication_type': 'Inbound'}}"])

    # PBX A numbers extensions from 1, as extension groups are.
    pbx_a = Simulator(simulator_binary, ["--first-id", "extension=1"])
    pbx_b = Simulator(simulator_binary, ["--extensions", "50"])
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"})
    window = None

    def connect(simulator):
        focus_window("Call Reports")
        # Selections are kept for a PBX the user remembers (an explicit
        # choice, off by default).
        return connect_to_simulator(app, simulator.uri, remember=True) is not None

    def disconnect():
        click(button(app, "Disconnect"))
        return app.wait_find(role="push button", name="Connect", timeout=20,
                             predicate=lambda n: n.get_n_actions() > 0) is not None

    def summary(text):
        return app.wait_find(role="label", name=text, root=window) is not None

    def open_selector():
        focus_window("Call Reports")
        click(button(app, "Choose Extensions"))
        return wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extensions"), None))

    def close_selector(selector, confirm):
        if confirm:
            click(button(app, "Select", root=selector))
        else:
            click(button(app, "Cancel", root=selector))
        wait_for(lambda: len(app.frames()) == 1, timeout=10)
        time.sleep(1.0)

    def count(selector):
        label = app.wait_find(role="label", root=selector, predicate=lambda n: safe_name(n).endswith(" selected"))
        return safe_name(label) if label is not None else None

    def checks(selector):
        """The check boxes on show: {label: ticked}."""
        return {safe_name(n): is_checked(n) for n in walk(selector) if safe_role(n) == "check box"}

    def search(text):
        keys("ctrl+f", "ctrl+a")
        if text:
            type_text(text)
        else:
            keys("BackSpace")
        time.sleep(0.8)

    def download_query():
        before = set(os.listdir(output))
        download = app.find(role="push button",
                            predicate=lambda n: safe_name(n).startswith("Download") and n.get_n_actions() > 0)
        if download is None or not wait_for(lambda: is_enabled(download)):
            return None
        click(download)
        saved = app.wait_find(role="label", timeout=30,
                              predicate=lambda n: safe_name(n).startswith("Saved as ") and
                              not any(name in safe_name(n) for name in before))
        return pbx_a.command("query call_report/download") if saved is not None else None


    try:
        window = app.wait_find(role="frame", name="Call Reports")
        tap.ok(connect(pbx_a), "connected to PBX A on Extension Call Statistics")
        tap.ok(summary("None selected"), "IDs saved by an earlier version for no PBX in particular are not offered")
        with open(keyfile) as f:
            kept = f.read()
        tap.ok("ext_id_list" not in kept and "communication_type" in kept,
               "they are dropped from the settings, and the other values are kept", kept)

        # Quick Range gives the report a time range to download with.
        click(button(app, "Quick Range"))
        yesterday = app.wait_find(name="Yesterday", predicate=lambda n: n.get_n_actions() > 0)
        if yesterday is not None:
            click(yesterday)
        time.sleep(0.5)

        # The extension group with ID 1, then the extension with ID 1: each
        # comes back as itself, whichever of the two lists came first.
        selector = open_selector()
        tap.ok(selector is not None and count(selector) == "0 of 15 selected",
               "PBX A offers 12 extensions and 3 groups, none selected", count(selector) if selector else None)
        search("Sales")
        keys("Return")
        time.sleep(0.3)
        close_selector(selector, True)
        tap.ok(summary("1 extension or group"), "the row says one is selected")

        selector = open_selector()
        search("Sales")
        sales = checks(selector)
        search("Alice")
        alice = checks(selector)
        tap.ok(sales == {"Sales (extension group)": True} and alice == {"1001 - Alice Martin": False},
               "reopened, the extension group Sales is ticked, not the extension with its ID", f"{sales} {alice}")

        # Untick the group, tick extensions 1 and 12.
        keys("Return")
        search("Sales")
        keys("Return")
        search("1012")
        keys("Return")
        time.sleep(0.3)
        tap.ok(count(selector) == "2 of 15 selected", "two extensions selected", count(selector))
        close_selector(selector, True)
        tap.ok(summary("2 extensions or groups"), "the row says two are selected")

        selector = open_selector()
        search("Alice")
        alice = checks(selector)
        search("Sales")
        sales = checks(selector)
        tap.ok(alice == {"1001 - Alice Martin": True} and sales == {"Sales (extension group)": False},
               "reopened, the extension 1001 is ticked, not the group with its ID", f"{alice} {sales}")

        # Selected Only, from the keyboard: Tab from the search reaches it.
        search("")
        # GTK 4.8 shows a toggle button as a push button that is pressed.
        toggle = button(app, "Selected Only", root=selector)
        tap.ok(toggle is not None and not is_checked(toggle), "the selector has a Selected Only button, not pressed")
        keys("ctrl+f", "Tab")
        tap.ok(toggle is not None and wait_for(lambda: is_focused(toggle), timeout=5),
               "Tab from the search reaches Selected Only")
        keys("space")
        time.sleep(0.8)
        shown = checks(selector)
        tap.ok(toggle is not None and is_checked(toggle) and
               shown == {"1001 - Alice Martin": True, "1012 - Liam O'Brien": True},
               "Selected Only shows the two ticked extensions and nothing else", shown)
        tap.ok(screenshot(os.path.join(shots, "id-selector-selected-only.png"), selector),
               "a screenshot of Selected Only is saved")
        search("Liam")
        shown = checks(selector)
        search("Bruno")
        tap.ok(shown == {"1012 - Liam O'Brien": True} and
               app.wait_find(role="label", name="No Matches", root=selector) is not None,
               "Selected Only combines with the search", shown)
        close_selector(selector, False)

        query = download_query() or ""
        tap.ok(re.search(r"(^|&)ext_id_list=1,12(&|$)", query) is not None,
               "PBX A receives the IDs of the two extensions", query)

        # PBX B: nothing of A's selection.
        tap.ok(disconnect() and connect(pbx_b), "connected to PBX B instead")
        tap.ok(summary("None selected"), "PBX B is offered nothing chosen on PBX A")
        selector = open_selector()
        tap.ok(selector is not None and count(selector) == "0 of 53 selected",
               "PBX B's selector counts none of its 53 selected", count(selector) if selector else None)
        if selector is not None:
            close_selector(selector, False)

        # PBX A no longer has extension 12: it comes back as an unknown ID.
        pbx_a.command("size extension 5")
        tap.ok(disconnect() and connect(pbx_a), "connected to PBX A again")
        tap.ok(summary("2 extensions or groups, 1 unknown"), "the row says one of the two is unknown")
        selector = open_selector()
        tap.ok(selector is not None and count(selector) == "2 of 9 selected",
               "the selector counts the unknown ID with the 8 options", count(selector) if selector else None)
        search("unknown")
        unknown = app.find(role="check box", root=selector, name="Unknown, ID 12")
        tap.ok(unknown is not None and is_checked(unknown), "the unknown ID is listed as \"Unknown, ID 12\", ticked",
               checks(selector))
        tap.ok(screenshot(os.path.join(shots, "id-selector-unknown.png"), selector),
               "a screenshot of the unknown ID is saved")
        # Enter in the search ticks or unticks its one match.
        keys("ctrl+f", "Return")
        time.sleep(0.3)
        tap.ok(count(selector) == "1 of 9 selected", "unticking it leaves one selected", count(selector))
        close_selector(selector, True)
        tap.ok(summary("1 extension or group"), "the unknown ID is removed from the selection")
        selector = open_selector()
        tap.ok(selector is not None and count(selector) == "1 of 8 selected" and
               app.find(role="check box", root=selector, name="Unknown, ID 12") is None,
               "reopened, the unknown ID is gone", count(selector) if selector else None)
        if selector is not None:
            close_selector(selector, False)
        query = download_query() or ""
        tap.ok(re.search(r"(^|&)ext_id_list=1(&|$)", query) is not None, "PBX A receives only extension 1", query)
    finally:
        rc = app.stop()
        pbx_a.stop()
        pbx_b.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly", f"exit status {rc}")
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
