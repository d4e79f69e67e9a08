#!/usr/bin/python3
# The report viewer: a report downloaded from the simulated PBX (by the
# command line, over real HTTP) opened as `call-reports FILE`, its cells
# as shown compared with the file, sorted by a number and by a duration
# column, sorted again with the keyboard alone through the menu's Sort By
# (which shows the header's order), its keys (Alt+1, Alt+2, its shortcuts
# window by Ctrl+? and by the menu), searched, its totals pinned, its chart's accessible values
# compared with the file, the chart exported as PNG and SVG; a second
# file (days of a month) opened through app.open-report on D-Bus (as a
# download's Preview does) as a line chart, and `call-reports FILE` of it
# presenting that window again; screenshots of the table and the chart,
# light and dark.
#
# usage: test_viewer.py BINARY SIMULATOR SCREENSHOT_DIR

import csv
import io
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, click, click_at, focus_window, is_expanded, is_focused,  # noqa: E402
                          keys, safe_name, safe_role, screenshot, type_text, wait_for, walk)

SECRET = "demo-secret"


def download(binary, simulator, output, report_type, *options):
    env = dict(os.environ, CALL_REPORTS_CLIENT_SECRET=SECRET,
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus")
    result = subprocess.run([binary, "download", "--server", simulator.uri, "--client-id", "demo",
                             "--output", output, "--type", report_type, *options, "--json"],
                            env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        return None, result.stderr
    import json
    return json.loads(result.stdout)["path"], None


def read_report(path):
    """The file as the PBX wrote it: the preamble, the header, the data
    rows and the total rows, as texts (Python's csv module)."""
    with open(path, encoding="utf-8-sig") as f:
        records = list(csv.reader(io.StringIO(f.read())))
    header_at = next(i for i, r in enumerate(records) if len(r) > 3 and all(c and not c[0].isdigit() for c in r))
    header = records[header_at]
    rows, totals = [], []
    for record in records[header_at + 1:]:
        if not any(record):
            continue
        (totals if record[0] == "" or record[0].startswith("Total") else rows).append(record)
    return header, rows, totals


def table_rows(app, table):
    """The rows a column view shows, each a list of its cells' texts."""
    result = []
    for node in walk(table):
        if safe_role(node) == "table row" and safe_name(node) == "GtkListItemWidget":
            cells = [safe_name(label) for cell in walk(node) if safe_role(cell) == "table cell"
                     for label in [cell.get_child_at_index(0)] if label is not None]
            if cells:
                result.append(cells)
    return result


def data_table(app, name):
    table = app.wait_find(role="tree table", name=name)
    if table is None:
        return None
    # The header is the first row; the list of rows follows it.
    return app.find(role="list", root=table)


def activate_open_report(path):
    """Activate app.open-report with @path's URI on the running instance,
    as GApplication's D-Bus interface offers it (org.gtk.Actions)."""
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    for app_id in ("io.github.callreports.CallReports.Devel", "io.github.callreports.CallReports"):
        owner = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "NameHasOwner", GLib.Variant("(s)", (app_id,)), None, 0, 5000, None)
        if not owner.unpack()[0]:
            continue
        uri = Gio.File.new_for_path(path).get_uri()
        bus.call_sync(app_id, "/" + app_id.replace(".", "/"), "org.gtk.Actions", "Activate",
                      GLib.Variant("(sava{sv})", ("open-report", [GLib.Variant("s", uri)], {})),
                      None, 0, 10000, None)
        return True
    return False


def read_clipboard():
    """The text on the display's clipboard, read as another application
    would (GDK 4, its own connection to the display)."""
    gi.require_version("Gdk", "4.0")
    from gi.repository import Gdk, GLib
    display = Gdk.Display.open(os.environ["DISPLAY"])
    loop = GLib.MainLoop()
    result = {}

    def done(clipboard, res):
        try:
            result["text"] = clipboard.read_text_finish(res)
        except GLib.Error as e:
            result["text"] = f"error: {e.message}"
        loop.quit()
    display.get_clipboard().read_text_async(None, done)
    GLib.timeout_add(5000, loop.quit)
    loop.run()
    display.close()
    return result.get("text")


def description(node):
    try:
        return node.get_description() or ""
    except Exception:
        return ""


def focused_menu_item(app, menu):
    return app.find(role="menu item", root=menu, predicate=is_focused)


MENU_BUTTONS = {}


def main_menu_button(app, window):
    """The window's GtkMenuButton: the first node of that name, above its
    inner button of the same name. Its menu is below it in the tree."""
    key = safe_name(window)
    if MENU_BUTTONS.get(key) is None:
        MENU_BUTTONS[key] = app.find(role="push button", name="Main Menu", root=window)
    return MENU_BUTTONS[key]


def refocus(window):
    """There is no window manager: once a popover has closed, GTK 4.8 takes
    no more keys in the window (not even after xdotool's windowfocus) until
    the window gets a pointer event of its own. A click right of the
    table's last column (the windows sit at the screen's origin) gives the
    keyboard back; it sorts nothing."""
    focus_window(safe_name(window))
    extents = window.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.width - 60), str(extents.height * 3 // 5),
                    "click", "1"], check=False)
    time.sleep(0.3)


def close_menu(app, window):
    """Escape closes the main menu, submenu and all."""
    button = main_menu_button(app, window)
    for _ in range(3):
        if not is_expanded(button):
            break
        keys("Escape")
        wait_for(lambda: not is_expanded(button), timeout=3)
    refocus(window)
    return not is_expanded(button)


def menu_walk(app, window, path, open_menu=True):
    """Keyboard only: F10 opens the window's main menu; Down moves to each
    name of @path in turn, Return opens each submenu on the way. Returns
    the focused item of the last name (not activated), or None."""
    button = main_menu_button(app, window)
    if open_menu:
        close_menu(app, window)
        keys("F10")
    menu = wait_for(lambda: is_expanded(button) and app.find(role="menu", root=button), timeout=5)
    item = None
    for i, name in enumerate(path):
        for _ in range(30):
            item = wait_for(lambda: focused_menu_item(app, menu), timeout=2) if menu else None
            if item is not None and safe_name(item) == name:
                break
            keys("Down")
        else:
            close_menu(app, window)
            return None
        if i + 1 < len(path):
            keys("Return")
            time.sleep(0.3)
    return item


def menu_choose(app, window, path):
    """menu_walk() to @path and Return on its last item."""
    item = menu_walk(app, window, path)
    if item is not None:
        keys("Return")
        wait_for(lambda: not is_expanded(main_menu_button(app, window)), timeout=3)
        refocus(window)
    return item


def is_checked(node):
    return node is not None and node.get_state_set().contains(Atspi.StateType.CHECKED)


def keyboard_sorting(tap, app, window, rows_list, header, rows, seconds):
    """The Sort By menu: the header's sort shown, and every order chosen
    with the keyboard alone."""
    talk, calls = header.index("Total Talking Time"), header.index("Total Calls")
    focus_window("Extension Call Statistics")
    radio = menu_walk(app, window, ["Sort By", "Total Talking Time"])
    column_checked = is_checked(radio)
    radio = menu_walk(app, window, ["Ascending"], open_menu=False)
    tap.ok(column_checked and is_checked(radio),
           "F10, Sort By: the menu shows the order a header click chose (Total Talking Time, Ascending)")
    close_menu(app, window)

    focus_window("Extension Call Statistics")
    chosen = menu_choose(app, window, ["Sort By", "Total Calls"])
    expected = sorted(rows, key=lambda r: int(r[calls]))
    tap.ok(chosen is not None and wait_for(lambda: table_rows(app, rows_list) == expected, timeout=10),
           "Sort By, Total Calls (keyboard only) sorts the rows by number, smallest first",
           [r[calls] for r in table_rows(app, rows_list)])

    focus_window("Extension Call Statistics")
    chosen = menu_choose(app, window, ["Sort By", "Descending"])
    tap.ok(chosen is not None and wait_for(lambda: table_rows(app, rows_list) == expected[::-1], timeout=10),
           "Sort By, Descending sorts them largest first",
           [r[calls] for r in table_rows(app, rows_list)])

    focus_window("Extension Call Statistics")
    chosen = menu_choose(app, window, ["Sort By", "Total Talking Time"])
    expected = sorted(rows, key=lambda r: seconds(r[talk]), reverse=True)
    tap.ok(chosen is not None and wait_for(lambda: table_rows(app, rows_list) == expected, timeout=10),
           "Sort By, Total Talking Time keeps the descending order: longest first",
           [r[talk] for r in table_rows(app, rows_list)])

    focus_window("Extension Call Statistics")
    chosen = menu_choose(app, window, ["Sort By", "File Order"])
    tap.ok(chosen is not None and wait_for(lambda: table_rows(app, rows_list) == rows, timeout=10),
           "Sort By, File Order shows the rows as in the file again", table_rows(app, rows_list))


def viewer_shortcuts(tap, app, window):
    """Alt+2 and Alt+1 switch the views; Ctrl+? and the menu's Keyboard
    Shortcuts show the viewer's keys."""
    def selected(name):
        tab = app.find(role="page tab", name=name, root=window)
        return tab is not None and tab.get_state_set().contains(Atspi.StateType.SELECTED)
    focus_window("Extension Call Statistics")
    keys("alt+2")
    tap.ok(wait_for(lambda: selected("Chart"), timeout=10), "Alt+2 shows the chart")
    keys("alt+1")
    tap.ok(wait_for(lambda: selected("Table"), timeout=10), "Alt+1 shows the table again")

    names = ["Search Rows", "Copy the Selected Rows", "Sort by a Column (Main Menu)", "Show the Chart",
             "Export the Chart as SVG", "Close Window"]
    for how, press in (("Ctrl+?", lambda: keys("ctrl+question")),
                       ("the menu's Keyboard Shortcuts", lambda: menu_choose(app, window, ["Keyboard Shortcuts"]))):
        focus_window("Extension Call Statistics")
        press()
        shortcuts = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Keyboard Shortcuts"), None),
                             timeout=10)
        found = [n for n in names if shortcuts is not None and app.find(role="label", name=n, root=shortcuts)]
        tap.ok(found == names, f"{how} shows the viewer's shortcuts", found)
        if shortcuts is not None:
            focus_window("Keyboard Shortcuts")
            keys("Escape")
            wait_for(lambda: all(safe_name(f) != "Keyboard Shortcuts" for f in app.frames()), timeout=10)
        refocus(window)


def main():
    binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    tap = Tap()
    scratch = tempfile.mkdtemp(prefix="test-viewer-")
    simulator = Simulator(simulator_binary)
    app = None
    try:
        path, error = download(binary, simulator, scratch, "extcallstatistics", "--start-time", "2024-03-01",
                               "--end-time", "2024-03-10 18:00", "--ext-id-list", "1,2,3,4,5,6,7,8")
        if not tap.ok(path is not None, "the command line downloads an Extension Call Statistics report", error):
            return tap.finish()
        days, error = download(binary, simulator, scratch, "extcallactivity", "--time", "2024-03",
                               "--ext-id-list", "1,2,3")
        tap.ok(days is not None, "the command line downloads an Extension Call Activity report (days)", error)
        header, rows, totals = read_report(path)

        app = App(binary, args=[path])
        window = app.wait_find(role="frame", name="Extension Call Statistics")
        tap.ok(window is not None, "`call-reports FILE` opens a viewer window titled with the report's title",
               [safe_name(f) for f in app.frames()])
        if window is None:
            return tap.finish()
        tap.ok(app.find(role="label", name="Period: 01/03/2024 12:00:00 AM - 10/03/2024 06:00:00 PM")
               is not None, "the period of the preamble is shown")
        tap.ok(len(app.frames()) == 1, "no main window is opened with the file")

        rows_list = data_table(app, "Rows")
        shown = wait_for(lambda: table_rows(app, rows_list) if rows_list else None)
        tap.ok(shown is not None and shown == rows[:len(shown)] and len(shown) == len(rows),
               f"the table shows the file's {len(rows)} rows, every cell as in the file",
               f"shown: {shown}\nfile: {rows}")
        heads = [safe_name(n) for n in walk(app.find(role="tree table", name="Rows"))
                 if safe_role(n) == "label" and safe_name(n) in header]
        tap.ok(heads[:len(header)] == header, "the column titles are the file's header", heads)

        totals_list = data_table(app, "Totals")
        shown_totals = table_rows(app, totals_list) if totals_list else None
        tap.ok(shown_totals == totals, "the total row is pinned below the rows, as in the file",
               f"shown: {shown_totals}\nfile: {totals}")
        screenshot(os.path.join(shots, "viewer-table.png"), window)

        # Sorting by Total Calls orders by number (51 before 104), not text.
        calls = header.index("Total Calls")
        title = app.find(role="label", name="Total Calls", root=app.find(role="tree table", name="Rows"))
        click_at(title)
        expected = sorted(rows, key=lambda r: int(r[calls]))
        tap.ok(wait_for(lambda: table_rows(app, rows_list) == expected, timeout=10),
               "clicking “Total Calls” sorts the rows by number, smallest first",
               [r[calls] for r in table_rows(app, rows_list)])
        click_at(title)
        tap.ok(wait_for(lambda: table_rows(app, rows_list) == expected[::-1], timeout=10),
               "clicking it again sorts largest first",
               [r[calls] for r in table_rows(app, rows_list)])
        tap.ok(table_rows(app, totals_list) == totals, "the total row stays as it was")

        # Hiding columns (the window's "columns" actions, the menu's
        # toggles) takes them out of the rows and the totals.
        hidden = ["No Answer", "Busy", "Failed", "Voicemail", "Abandoned"]
        for name in hidden:
            action = f"columns.column-{header.index(name)}"
            for i in range(window.get_n_actions()):
                if window.get_action_name(i) == action:
                    window.do_action(i)
        keep = [i for i, name in enumerate(header) if name not in hidden]
        expected = [[r[i] for i in keep] for r in sorted(rows, key=lambda r: -int(r[calls]))]
        tap.ok(wait_for(lambda: table_rows(app, rows_list) == expected, timeout=10),
               "hiding five columns leaves the other cells of each row", table_rows(app, rows_list))
        tap.ok(table_rows(app, totals_list) == [[t[i] for i in keep] for t in totals],
               "and the totals lose the same columns", table_rows(app, totals_list))
        screenshot(os.path.join(shots, "viewer-columns.png"), window)
        rows = [[r[i] for i in keep] for r in rows]
        totals = [[t[i] for i in keep] for t in totals]
        header = [header[i] for i in keep]
        calls = header.index("Total Calls")

        talk = header.index("Total Talking Time")
        title = app.find(role="label", name="Total Talking Time", root=app.find(role="tree table", name="Rows"))
        click_at(title)

        def seconds(text):
            h, m, s = text.split(":")
            return int(h) * 3600 + int(m) * 60 + int(s)
        expected = sorted(rows, key=lambda r: seconds(r[talk]))
        tap.ok(wait_for(lambda: table_rows(app, rows_list) == expected, timeout=10),
               "“Total Talking Time” sorts by duration",
               [r[talk] for r in table_rows(app, rows_list)])
        keyboard_sorting(tap, app, window, rows_list, header, rows, seconds)
        viewer_shortcuts(tap, app, window)

        # Ctrl+F and a name: only the matching row, in any case.
        focus_window("Extension Call Statistics")
        keys("ctrl+f")
        entry = app.wait_find(role="entry", name="Search rows")
        tap.ok(entry is not None, "Ctrl+F shows the search entry")
        type_text("rOSSI")
        matching = [r for r in rows if "rossi" in ",".join(r).lower()]
        tap.ok(wait_for(lambda: table_rows(app, rows_list) == matching, timeout=10),
               "searching “rOSSI” leaves only David Rossi's row", table_rows(app, rows_list))
        tap.ok(table_rows(app, totals_list) == totals, "the total row is not searched")
        screenshot(os.path.join(shots, "viewer-search.png"), window)
        keys("Escape")
        tap.ok(wait_for(lambda: len(table_rows(app, rows_list)) == len(rows), timeout=10),
               "Escape ends the search: every row is back")

        # A search that matches nothing says so over the rows' area, and the
        # message goes with the search.
        keys("ctrl+f")
        type_text("zzqqx")
        nothing = app.wait_find(role="label", root=window, timeout=10,
                                predicate=lambda n: safe_name(n) == "No rows match the search")
        tap.ok(nothing is not None and table_rows(app, rows_list) == [],
               "a search that matches no row says so", table_rows(app, rows_list))
        screenshot(os.path.join(shots, "viewer-search-no-match.png"), window)
        keys("Escape")
        tap.ok(wait_for(lambda: len(table_rows(app, rows_list)) == len(rows) and
                        app.find(role="label", root=window,
                                 predicate=lambda n: safe_name(n) == "No rows match the search")
                        is None, timeout=10),
               "Escape ends it: the rows are back, the message gone")

        # Clicking a row selects it; Ctrl+C copies it as tab-separated
        # text, the titles of the columns shown first.
        first = table_rows(app, rows_list)[0] if rows_list else None
        cell = app.find(role="label", name=first[1], root=rows_list) if first else None
        if cell is not None:
            click_at(cell)
            time.sleep(0.5)
            keys("ctrl+c")
            time.sleep(0.5)
            copied = read_clipboard()
            expected = "\t".join(header) + "\n" + "\t".join(first) + "\n"
            tap.ok(copied == expected, "Ctrl+C copies the selected row as TSV, with the column titles",
                   f"copied: {copied!r}\nexpected: {expected!r}")
        else:
            tap.ok(False, "a row to select and copy", first)

        # The chart: bars of Total Calls by extension, largest first, and a
        # screen reader hears every value.
        tab = app.find(role="page tab", name="Chart")
        click(tab)
        chart = app.wait_find(role="image", name="Total Calls by Extension Name")
        tap.ok(chart is not None, "the Chart view shows “Total Calls by Extension Name”")
        by_calls = sorted(rows, key=lambda r: -int(r[calls]))
        expected_text = "; ".join(f"{r[0]} {r[1]}: {r[calls]}" for r in by_calls)
        text = description(chart) if chart else ""
        tap.ok(text == f"Total Calls by Extension Name. {expected_text}",
               "the chart's accessible description lists every extension and its calls, largest first",
               f"description: {text}\nexpected: {expected_text}")
        screenshot(os.path.join(shots, "viewer-chart.png"), window)

        # Export: the menu's items, a file name typed into the chooser.
        for fmt in ("png", "svg"):
            target = os.path.join(scratch, f"chart.{fmt}")
            focus_window("Extension Call Statistics")
            menu = app.find(role="push button", name="Main Menu",
                            predicate=lambda n: n.get_n_actions() > 0)
            click(menu)
            item = app.wait_find(role="menu item", name=f"Export Chart as {fmt.upper()}…")
            if item is None:
                tap.ok(False, f"the menu has “Export Chart as {fmt.upper()}…”")
                continue
            click(item)
            chooser = wait_for(lambda: next((f for f in app.frames()
                                             if safe_name(f).startswith("Export Chart")), None))
            if not tap.ok(chooser is not None, f"“Export Chart as {fmt.upper()}…” asks where to save"):
                continue
            time.sleep(1.0)
            focus_window(safe_name(chooser))
            keys("ctrl+a")
            type_text(target)
            keys("Return")
            tap.ok(wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 0, timeout=15),
                   f"the chart is saved as {fmt.upper()}")
            if os.path.exists(target):
                with open(target, "rb") as f:
                    data = f.read()
                if fmt == "png":
                    info = subprocess.run(["/usr/bin/convert", target, "-format", "%m %w %h", "info:"],
                                          capture_output=True, text=True)
                    tap.ok(data.startswith(b"\x89PNG\r\n\x1a\n") and info.returncode == 0 and
                           info.stdout.startswith("PNG "),
                           "the PNG is a valid image", info.stdout + info.stderr)
                else:
                    import xml.etree.ElementTree as ET
                    try:
                        root = ET.fromstring(data)
                        ns = "{http://www.w3.org/2000/svg}"
                        texts = [t.text for t in root.iter(ns + "text")]
                        bars = [r for r in root.iter(ns + "rect")]
                        ok = root.tag == ns + "svg" and f"{by_calls[0][0]} {by_calls[0][1]}" in texts and \
                            len(bars) == len(rows) + 1
                    except ET.ParseError as e:
                        ok, texts = False, str(e)
                    tap.ok(ok, "the SVG is valid XML with a bar per extension and their labels", texts)

        # A second file, through the application's open-report action (a
        # download's Preview) on D-Bus: days of a month make a line chart.
        # `call-reports FILE` with the app running brings the same window
        # back rather than a second one.
        if days is not None:
            _, day_rows, _ = read_report(days)
            tap.ok(activate_open_report(days), "app.open-report takes a file's URI over D-Bus")
            frame = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extension Call Activity"),
                                          None))
            tap.ok(frame is not None, "app.open-report opens the file in a second viewer window")
            subprocess.run([binary, days], timeout=30)
            time.sleep(2.0)
            same = [f for f in app.frames() if safe_name(f) == "Extension Call Activity"]
            tap.ok(len(same) == 1, "`call-reports FILE` of a file on show presents its window, no second one",
                   [safe_name(f) for f in app.frames()])
            if frame is not None:
                click(app.find(role="page tab", name="Chart", root=frame))
                line = app.wait_find(role="image", name="Total Calls by Time", root=frame)
                text = description(line) if line else ""
                expected = "; ".join(f"{r[0].split(' ')[0]}: {r[1]}" for r in day_rows)
                tap.ok(text == f"Total Calls by Time. {expected}",
                       "its chart is Total Calls by day, in the file's order", text)
                screenshot(os.path.join(shots, "viewer-line-chart.png"), frame)

        messages = app.unexpected_messages()
        tap.ok(not messages, "the application printed no warning", "\n".join(messages))
        app.stop()
        app = None

        # Dark: the chart and the table in libadwaita's dark style.
        settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[org/gnome/desktop/interface]\ncolor-scheme='prefer-dark'\n")
        app = App(binary, args=[path], env={"GSETTINGS_BACKEND": "keyfile"})
        window = app.wait_find(role="frame", name="Extension Call Statistics")
        if tap.ok(window is not None, "the viewer opens in the dark style"):
            time.sleep(1.0)
            screenshot(os.path.join(shots, "viewer-table-dark.png"), window)
            click(app.find(role="page tab", name="Chart"))
            app.wait_find(role="image", name="Total Calls by Extension Name")
            time.sleep(1.0)
            screenshot(os.path.join(shots, "viewer-chart-dark.png"), window)
            probe = subprocess.run(["/usr/bin/convert", os.path.join(shots, "viewer-chart-dark.png"),
                                    "-resize", "1x1!", "-format", "%[fx:mean]", "info:"],
                                   capture_output=True, text=True)
            tap.ok(probe.returncode == 0 and float(probe.stdout or 1) < 0.4,
                   "the dark chart is dark (mean brightness below 0.4)", probe.stdout)

            # A file that is no report (a JSON error reply): a clear page.
            bad = os.path.join(scratch, "not-a-report.csv")
            with open(bad, "w") as f:
                f.write('{"errcode":10004,"errmsg":"FAILED"}\n')
            subprocess.run([binary, bad], timeout=30)
            frame = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "not-a-report.csv"), None))
            page = app.wait_find(role="label", name="The Report Cannot Be Read", root=frame) if frame else None
            why = app.find(role="label", root=frame,
                           predicate=lambda n: safe_name(n).startswith("Not a call report")) if frame else None
            tap.ok(page is not None and why is not None,
                   "a file that is no report opens a window that says so, and why")

            # A report with no rows (its preamble and header only): the
            # Chart tab says the report has no rows, not that it has no
            # column of numbers (it has ten).
            empty = os.path.join(scratch, "no-rows.csv")
            with open(path, encoding="utf-8-sig") as source:
                lines = source.read().splitlines(keepends=True)
            header_line = next(i for i, line in enumerate(lines) if line.startswith("Extension Number,"))
            with open(empty, "w", encoding="utf-8") as f:
                f.writelines(lines[:header_line + 1])
            others = [f for f in app.frames() if safe_name(f) == "Extension Call Statistics"]
            subprocess.run([binary, empty], timeout=30)
            frame = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extension Call Statistics"
                                           and not any(f == o for o in others)), None))
            table_says = app.wait_find(role="label", root=frame, timeout=10,
                                       predicate=lambda n: safe_name(n) == "This report has no rows") if frame else None
            tap.ok(table_says is not None, "the table of a report without rows says it has no rows")
            if frame is not None:
                screenshot(os.path.join(shots, "viewer-no-rows.png"), frame)
            if frame is not None:
                click(app.find(role="page tab", name="Chart", root=frame))
            said = app.wait_find(role="label", root=frame, timeout=5,
                                 predicate=lambda n: safe_name(n).startswith("The report has no rows:")) if frame else None
            tap.ok(said is not None, "the chart of a report without rows says it has no rows")
            if frame is not None:
                screenshot(os.path.join(shots, "viewer-chart-no-rows.png"), frame)
    finally:
        if app is not None:
            app.stop()
        simulator.stop()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
