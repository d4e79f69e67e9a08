#!/usr/bin/python3
# The smoke test of the real window: it starts, has the right title, opens
# About through the primary menu as a user would, and is photographed.
#
# usage: test_smoke.py BINARY SCREENSHOT_DIR

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Tap, click, click_at, focus_window, is_expanded, is_focused, keys, screenshot,  # noqa: E402
                          wait_for, safe_name, walk)


def main():
    binary, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    tap = Tap()
    app = App(binary)
    try:
        if not tap.ok(app.node is not None, "the application appears on the accessibility bus"):
            return tap.finish()

        window = app.wait_find(role="frame", name="Call Reports")
        tap.ok(window is not None, "the main window is titled “Call Reports”",
               [safe_name(f) for f in app.frames()])

        menu_button = app.wait_find(name="Main Menu", predicate=lambda n: n.get_n_actions() > 0)
        tap.ok(menu_button is not None, "the primary menu button has the accessible name “Main Menu”")

        tap.ok(screenshot(os.path.join(shots, "main-window.png"), window), "a screenshot of the main window is saved")

        # Down past the connection form's last row goes on to the next row
        # that can take the focus ("Connect" is disabled while the form is
        # empty), and Up comes back, as between the rows of a preferences
        # group. As there, the row's switch takes the focus on the way.
        focus_window("Call Reports")
        remember = app.wait_find(name="Remember This PBX", role="list item")
        switch = app.find(name="Remember This PBX", role="check box")
        demo = app.wait_find(name="Try the Demo PBX", role="list item")
        tap.ok(None not in (remember, switch, demo), "the form's last row and the demo row are on the page")
        if None not in (remember, switch, demo):
            click_at(remember)
            tap.ok(wait_for(lambda: is_focused(remember), timeout=5), "clicking the row focuses it")
            for _ in range(2):
                keys("Down")
                if wait_for(lambda: is_focused(demo), timeout=2):
                    break
            tap.ok(is_focused(demo), "Down leaves the form for “Try the Demo PBX”")
            keys("Up")
            tap.ok(wait_for(lambda: is_focused(switch) or is_focused(remember), timeout=5),
                   "Up goes back to the form's last row")

        # Ctrl+? shows the keyboard shortcuts (built only when asked for),
        # with the application's own accelerators; Escape closes them.
        focus_window("Call Reports")
        keys("ctrl+question")
        shortcuts = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Keyboard Shortcuts"), None))
        tap.ok(shortcuts is not None, "Ctrl+? opens the “Keyboard Shortcuts” window",
               [safe_name(f) for f in app.frames()])
        if shortcuts is not None:
            tap.ok(app.find(name="Download the Report", root=shortcuts) is not None,
                   "the shortcuts window lists “Download the Report”")
            # Stepping through the report types is the Request page's alone
            # (Ctrl+D and Ctrl+F work from every page).
            tap.ok(app.find(predicate=lambda n: "On the Request page" in safe_name(n), root=shortcuts) is not None,
                   "the shortcuts window says where Ctrl+Page Up/Down work",
                   [safe_name(n) for n in walk(shortcuts) if "Report Type" in safe_name(n)])
            screenshot(os.path.join(shots, "shortcuts.png"), shortcuts)
            keys("Escape")
            tap.ok(wait_for(lambda: len(app.frames()) == 1, timeout=10), "Escape closes the shortcuts window")
            time.sleep(1.0)
            focus_window("Call Reports")

        # F10 opens the primary menu, with its first item focused (the
        # popover is made on first use); Escape closes it.
        keys("F10")
        expander = app.wait_find(name="Main Menu", predicate=is_expanded, timeout=10)
        first = app.wait_find(name="Open Report File…", role="menu item", predicate=is_focused, timeout=10)
        tap.ok(expander is not None and first is not None, "F10 opens the primary menu on its first item",
               f"expanded: {expander is not None}, first item focused: {first is not None}")
        keys("Escape")
        tap.ok(expander is not None and wait_for(lambda: not is_expanded(expander), timeout=10),
               "Escape closes the primary menu")

        if menu_button is not None:
            click(menu_button)
        about_item = app.wait_find(name="About Call Reports", predicate=lambda n: n.get_n_actions() > 0)
        tap.ok(about_item is not None, "the primary menu offers “About Call Reports”")

        shortcuts_item = app.find(name="Keyboard Shortcuts")
        tap.ok(shortcuts_item is not None, "the primary menu offers “Keyboard Shortcuts”")

        if about_item is not None:
            click(about_item)
        about = wait_for(lambda: next((f for f in app.frames()
                                       if safe_name(f) in ("About Call Reports", "About")), None))
        if about is None:
            # libadwaita 1.2's AdwAboutWindow is a frame that shows the
            # application name as a label.
            about = wait_for(lambda: next((f for f in app.frames() if f is not window and
                                           app.find(name="Call Reports", role="label", root=f)), None))
        tap.ok(about is not None, "About opens a window that names the application",
               [safe_name(f) for f in app.frames()])
        if about is not None:
            version = app.find(role="label", root=about,
                               predicate=lambda n: safe_name(n).startswith("0."))
            tap.ok(version is not None, "About shows the version")
        tap.ok(screenshot(os.path.join(shots, "about.png"), window), "a screenshot of About is saved")
    finally:
        rc = app.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly when asked", f"exit status {rc}")
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
