#!/usr/bin/python3
# Defects of the window's parts (issue 14, "Defects to fix on the way"),
# each as a user meets it, against the simulated PBX in another process:
# the connection page's first focus, its reveal-secret button and its
# Remember switch; a report type whose title holds "&"; Escape in the ID
# selector's search; the window started in German from the build tree
# with build-aux/run.sh.
#
# usage: test_window_defects.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR SOURCE_ROOT BUILD_ROOT

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, click_at,  # noqa: E402
                          connect_to_simulator, focus_window, keys, safe_name, safe_role, screenshot, text_of,
                          type_text, wait_for, walk)

from gi.repository import Atspi  # noqa: E402


def is_checked(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.CHECKED) or states.contains(Atspi.StateType.PRESSED)


def connection_page(tap, app, simulator):
    window = app.wait_find(role="frame", name="Call Reports")
    server = app.wait_find(role="text", name="Server Address, e.g. https://192.168.1.150:8088")
    tap.ok(server is not None, "the connection page has the server address")
    if server is None:
        return window, False
    # GTK 4.8 reports no FOCUSED state for an entry row's text: what the
    # user types at once shows where the focus is.
    time.sleep(1.0)
    focus_window("Call Reports")
    time.sleep(0.5)
    type_text("x")
    tap.ok(wait_for(lambda: text_of(server) == "x", timeout=5),
           "the connection page starts with the focus on the server address: typing at once fills it in",
           repr(text_of(server)))

    reveal = app.find(role="push button", name="Show Secret")
    tap.ok(reveal is not None, "the reveal-secret button is named “Show Secret”",
           [safe_name(n) for n in walk(window) if safe_role(n) == "push button"])
    if reveal is not None:
        click(reveal)
        tap.ok(wait_for(lambda: safe_name(reveal) == "Hide Secret", timeout=5),
               "once pressed, it is named “Hide Secret”", safe_name(reveal))
        click(reveal)
        tap.ok(wait_for(lambda: safe_name(reveal) == "Show Secret", timeout=5), "pressed again, “Show Secret”")
    tap.ok(app.find(role="push button", name="GtkImage") is None, "no button is named “GtkImage”")

    remember = app.find(role="check box", name="Remember This PBX")
    tap.ok(remember is not None and not is_checked(remember),
           "“Remember This PBX” is off until the user turns it on")

    # PBX text is data, not markup: a device name and model with "&" and "<".
    simulator.command("name device-name Sales & <Support>")
    simulator.command("name model P570 & Co")
    return window, connect_to_simulator(app, simulator.uri) is not None


def selector_escape(tap, app):
    focus_window("Call Reports")
    click(button(app, "Choose Extensions"))
    selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extensions"), None))
    tap.ok(selector is not None, "Choose Extensions opens the selector")
    if selector is None:
        return
    search = app.wait_find(root=selector, predicate=lambda n: safe_role(n) in ("text", "entry"))
    tap.ok(search is not None, "the selector has a search field")
    if search is None:
        return
    time.sleep(0.5)
    focus_window("Extensions")
    type_text("zz")
    tap.ok(wait_for(lambda: text_of(search) == "zz", timeout=5), "the selector starts in its search: typing searches",
           repr(text_of(search)))
    keys("Escape")
    tap.ok(wait_for(lambda: text_of(search) == "", timeout=5),
           "Escape clears a search", repr(text_of(search)))
    time.sleep(0.5)
    tap.ok(any(f is selector for f in app.frames()), "… and leaves the selector open")
    keys("Escape")
    tap.ok(wait_for(lambda: len(app.frames()) == 1, timeout=10), "Escape in the empty search closes the selector",
           [safe_name(f) for f in app.frames()])
    time.sleep(1.0)


def ampersand_title(tap, app, window, shots):
    focus_window("Call Reports")
    keys("ctrl+t")
    time.sleep(0.8)
    type_text("Waiting")
    keys("Return")
    chosen = app.wait_find(role="heading", name="Queue AVG Waiting & Talking Time")
    tap.ok(chosen is not None, "Queue AVG Waiting & Talking Time is chosen")
    time.sleep(1.0)
    labels = [safe_name(n) for n in walk(window) if safe_role(n) == "label"]
    tap.ok(app.find(role="list item", name="Queue AVG Waiting & Talking Time") is not None and
           "Queue AVG Waiting & Talking Time" in labels,
           "the sidebar and the form's title show its “&” as text", labels)
    tap.ok("Sales & <Support>" in labels and any(text.startswith("P570 & Co") for text in labels),
           "the PBX's device name and model show as text", labels)
    messages = [line for line in app.unexpected_messages() if "markup" in line]
    tap.ok(not messages, "no text was taken for broken markup", "\n".join(messages))
    tap.ok(screenshot(os.path.join(shots, "ampersand-title.png"), window), "a screenshot of the type is saved")


def preview(app, window):
    node = app.find(role="label", root=window, predicate=lambda n: safe_name(n).startswith("time="))
    return safe_name(node) if node is not None else None


def period_defaults(tap, app, window):
    """Queue AVG Waiting & Talking Time takes a period (`time`)."""
    clock = app.find(role="label", root=window, predicate=lambda n: re.match(r"\d\d/\d\d/\d{4} ", safe_name(n)))
    tap.ok(clock is not None, "the PBX clock at connection is shown")
    if clock is None:
        return
    day, month, year = (int(x) for x in safe_name(clock)[:10].split("/"))
    shown = preview(app, window)
    tap.ok(shown == f"time={day:02d}/{month:02d}/{year}",
           "a period type starts on the PBX's current day", shown)

    focus_window("Call Reports")
    quick = button(app, "Quick Range")
    tap.ok(quick is not None, "period types offer Quick Range")
    if quick is None:
        return
    click(quick)
    last_month = app.wait_find(name="Last Month", predicate=lambda n: n.get_n_actions() > 0)
    tap.ok(last_month is not None and app.find(name="This Week", predicate=lambda n: n.get_n_actions() > 0) is None,
           "its menu has Last Month and no week (no period is a week)")
    if last_month is not None:
        click(last_month)
    previous_month, previous_year = (month - 1, year) if month > 1 else (12, year - 1)
    tap.ok(wait_for(lambda: (preview(app, window) or "").endswith(f"{previous_month:02d}/{previous_year}"), timeout=5),
           "Last Month asks for the month before the PBX's", preview(app, window))
    tap.ok(app.find(role="label", root=window, name="A Month, by Day") is not None,
           "and makes the period a month", [safe_name(n) for n in walk(window) if safe_role(n) == "label"][-30:])
    time.sleep(0.5)
    focus_window("Call Reports")
    click(quick)
    this_year = app.wait_find(name="This Year", predicate=lambda n: n.get_n_actions() > 0)
    if this_year is not None:
        click(this_year)
    tap.ok(wait_for(lambda: preview(app, window) == f"time={year}", timeout=5),
           "This Year asks for the PBX's year", preview(app, window))
    spin = app.find(role="spin button", root=window)
    tap.ok(spin is not None and text_of(spin) == str(year), "the Year field shows it",
           text_of(spin) if spin is not None else None)


def from_build_tree(tap, source_root, build_root, language, shots, width):
    """build-aux/run.sh with LANGUAGE=@language (under LC_ALL=C.UTF-8, as
    the tests run), the window @width pixels wide; returns the App."""
    config = os.path.join(os.environ["XDG_CONFIG_HOME"], f"run-sh-{language}")
    settings_dir = os.path.join(config, "glib-2.0", "settings")
    os.makedirs(settings_dir, exist_ok=True)
    with open(os.path.join(settings_dir, "keyfile"), "w") as f:
        f.write("[io/github/callreports/CallReports]\n")
        f.write(f"window-width={width}\nwindow-height=900\n")
    env = {"LC_ALL": "C.UTF-8", "LANGUAGE": language, "CALL_REPORTS_BUILD_DIR": build_root,
           "GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}
    return App(os.path.join(source_root, "build-aux", "run.sh"), env=env)


def full_labels(tap, app, window, shots):
    """At 1280×900 nothing is cut short that fits: the API version's v1.0
    item and the longest report type titles."""
    api = app.find(role="list item", root=window, name="API Version")
    if api is None:
        api = app.find(root=window, predicate=lambda n: safe_name(n) == "API Version" and safe_role(n) != "label")
    tap.ok(api is not None, "the API Version row is on the page")
    if api is None:
        return
    automatic = app.find(role="label", root=window, predicate=lambda n: safe_name(n).startswith("Automatic (v"))
    tap.ok(automatic is not None, "the API version is automatic")
    if automatic is None:
        return
    reference = automatic.get_extents(Atspi.CoordType.WINDOW).width
    focus_window("Call Reports")
    click_at(api)
    time.sleep(0.8)
    keys("Down", "Return")
    time.sleep(0.8)
    item = app.wait_find(role="label", root=window, name="v1.0, for data from before the upgrade")
    if item is None:
        tap.ok(False, "v1.0 is chosen", [safe_name(n) for n in walk(window) if safe_role(n) == "label"][:40])
        return
    width = item.get_extents(Atspi.CoordType.WINDOW).width
    # "Automatic (v2.0)" has 16 characters, the v1.0 item 38: whole, it is
    # over twice as wide (cut at libadwaita's 20 characters, about 1.3).
    tap.ok(width > 1.8 * reference, "“v1.0, for data from before the upgrade” shows in full",
           f"{width} px against {reference} px for “{safe_name(automatic)}”")
    tap.ok(screenshot(os.path.join(shots, "full-labels-1280.png"), window), "a screenshot at 1280×900 is saved")
    # Back to the automatic version.
    click_at(api)
    time.sleep(0.8)
    keys("Up", "Return")
    time.sleep(0.5)


def german_from_build_tree(tap, source_root, build_root, shots):
    app = from_build_tree(tap, source_root, build_root, "de", shots, 360)
    try:
        tap.ok(app.node is not None, "build-aux/run.sh starts the window from the build tree")
        if app.node is None:
            return
        window = app.wait_find(role="frame", timeout=30)
        german = app.wait_find(role="label", name="Filter", timeout=30)
        tap.ok(german is not None, "with LANGUAGE=de the window is in German (“Filter”)",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label"][:20] if window else None)
        tap.ok(app.find(role="label", name="Filters") is None, "and not in English (“Filters”)")
        # At 360 px the report type's title keeps its one word whole (it
        # was broken into "Beric-htstyp" over two lines).
        title = app.find(role="label", name="Berichtstypen", root=window)
        one_line = app.find(role="label", name="Von", root=window)
        if title is not None and one_line is not None:
            height = title.get_extents(Atspi.CoordType.WINDOW).height
            line = one_line.get_extents(Atspi.CoordType.WINDOW).height
            # (a bold button label is a little taller than a row title; two lines are twice as tall)
            tap.ok(0 < height < 1.75 * line, "“Berichtstypen” stays on one line at 360 px", f"{height} px, a line {line} px")
        else:
            tap.ok(False, "the labels “Berichtstypen” and “Von” are on the page")
        time.sleep(1.0)
        tap.ok(screenshot(os.path.join(shots, "run-sh-german-360.png"), window), "a screenshot in German is saved")
    finally:
        app.stop()


def chinese_from_build_tree(tap, source_root, build_root, shots):
    app = from_build_tree(tap, source_root, build_root, "zh_CN", shots, 360)
    try:
        window = app.wait_find(role="frame", timeout=30)
        tap.ok(app.wait_find(role="label", name="筛选条件", timeout=30) is not None or
               app.find(role="label", name="起始") is not None,
               "with LANGUAGE=zh_CN the window is in Chinese",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label"][:30] if window else None)
        quick = button(app, "快速范围")
        if quick is not None:
            click(quick)
        today = app.wait_find(name="今天", predicate=lambda n: n.get_n_actions() > 0)
        if today is not None:
            click(today)
        times = wait_for(lambda: [safe_name(n) for n in walk(window)
                                  if safe_role(n) == "push button" and re.match(r"\d\d\D\d\d\D\d\d", safe_name(n))])
        tap.ok(times is not None and "00:00:00" in times and "23:59:59" in times and not any("时" in t for t in times),
               "the time buttons read 00:00:00 and 23:59:59", times)
        time.sleep(1.0)
        tap.ok(screenshot(os.path.join(shots, "run-sh-chinese-360.png"), window), "a screenshot in Chinese is saved")
    finally:
        app.stop()


def main():
    app_binary, simulator_binary, shots, source_root, build_root = sys.argv[1:6]
    os.makedirs(shots, exist_ok=True)
    tap = Tap()
    simulator = Simulator(simulator_binary)
    config = os.path.join(os.environ["XDG_CONFIG_HOME"], "wide")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/callreports/CallReports]\nwindow-width=1280\nwindow-height=900\n")
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config, "LC_ALL": "C.UTF-8"})
    try:
        tap.ok(app.node is not None, "the application appears on the accessibility bus")
        window, connected = connection_page(tap, app, simulator)
        tap.ok(connected, "it connects to the PBX")
        if connected:
            selector_escape(tap, app)
            ampersand_title(tap, app, window, shots)
            period_defaults(tap, app, window)
            full_labels(tap, app, window, shots)
    finally:
        rc = app.stop()
        simulator.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly when asked", f"exit status {rc}")
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))

    german_from_build_tree(tap, source_root, build_root, shots)
    chinese_from_build_tree(tap, source_root, build_root, shots)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
