#!/usr/bin/python3
# The report workflow of the real window, as a user does it, against the
# simulated PBX in another process: wrong credentials, connect, a range
# report with dates from the calendar and two extensions from the
# selector, a period report, a queue/agent report, a type whose required
# ID is missing. Every saved file is compared byte for byte with what the
# PBX served. Screenshots of the pages are saved for README and metainfo.
#
# usage: test_report.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import datetime
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, click_at, find_secrets,  # noqa: E402
                          focus_window, is_enabled, is_focused, keys, pick_day_in_calendar, safe_name,
                          safe_role, screenshot, set_text, type_text, wait_for, walk, write_settings)

from gi.repository import Atspi, GLib  # noqa: E402


def pbx_date_time(day, hour=0, minute=0, second=0):
    """The demo PBX's display format, DD/MM/YYYY hh:mm:ss AM/PM."""
    meridiem = "AM" if hour < 12 else "PM"
    twelve = hour % 12 or 12
    return f"{day.day:02d}/{day.month:02d}/{day.year} {twelve:02d}:{minute:02d}:{second:02d} {meridiem}"


def is_showing(node):
    return node.get_state_set().contains(Atspi.StateType.SHOWING)


def extents(node):
    return node.get_extents(Atspi.CoordType.WINDOW)


def toast_button(window, label, name):
    """The toast's button: the one of that name level with its label (the
    rows of the Reports page have Open buttons too)."""
    try:
        e = extents(label)
    except GLib.Error:
        return None
    middle = e.y + e.height // 2
    for n in walk(window):
        if safe_role(n) == "push button" and safe_name(n).replace("_", "").startswith(name):
            try:
                b = extents(n)
            except GLib.Error:
                continue
            if b.y <= middle <= b.y + b.height:
                return n
    return None


def box(node):
    """A widget's name, top and height, for a diagnostic."""
    try:
        e = extents(node)
        return (safe_name(node), e.y, e.height)
    except GLib.Error as error:
        return (safe_name(node), str(error))


def above(upper, lower):
    """Whether @upper ends before @lower begins (the toast and the bar)."""
    try:
        a, b = extents(upper), extents(lower)
    except GLib.Error:
        return False
    return a.y + a.height <= b.y


def request_page_shown(app, window):
    """Whether the page switcher's Request tab is selected (GTK 4.8
    reports no SHOWING on the pages)."""
    states = [n.get_state_set() for n in walk(window) if safe_role(n) == "page tab" and safe_name(n) == "Request"]
    return any(s.contains(Atspi.StateType.SELECTED) or s.contains(Atspi.StateType.CHECKED) or
               s.contains(Atspi.StateType.PRESSED) for s in states)


def close_dialog(app, confirm):
    """Confirm a dialog and wait until it is gone before looking at the
    window again: GTK 4.8's AT-SPI bridge can crash when a client walks a
    window that is being destroyed (the "object path" criticals)."""
    click(confirm)
    wait_for(lambda: len(app.frames()) == 1, timeout=10)
    time.sleep(1.0)


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="call-reports-ui-")
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    tap = Tap()

    # The folder the user chose last time, remembered in GSettings.
    write_settings(output)

    simulator = Simulator(simulator_binary)
    # The file manager's D-Bus interface, as Show in Folder uses it.
    file_manager_calls = os.path.join(scratch, "file-manager-calls")
    file_manager = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "fake_file_manager.py"),
                                     file_manager_calls], stdout=subprocess.PIPE, text=True)
    file_manager.stdout.readline()
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"})
    try:
        tap.ok(app.node is not None, "the application appears on the accessibility bus")
        window = app.wait_find(role="frame", name="Call Reports")

        server = app.wait_find(role="text", name="Server Address, e.g. https://192.168.1.150:8088")
        client_id = app.find(role="text", name="Client ID")
        secret = app.find(role="text", name="Client Secret")
        connect = app.find(role="push button", name="Connect", predicate=lambda n: n.get_n_actions() > 0)
        tap.ok(None not in (server, client_id, secret, connect),
               "the connection page has Server Address, Client ID, Client Secret and Connect")

        set_text(server, simulator.uri)
        set_text(client_id, "demo")
        set_text(secret, "not-the-secret")
        time.sleep(0.3)
        tap.ok(screenshot(os.path.join(shots, "connect-page.png"), window), "a screenshot of the connection page is saved")

        # Wrong credentials: a message an administrator can act on, one login.
        click(connect)
        error = app.wait_find(role="label", predicate=lambda n: "Client Secret" in safe_name(n) and
                              safe_name(n) != "Client Secret")
        message = safe_name(error) if error is not None else ""
        tap.ok(error is not None and ("Client ID" in message or "Client Secret" in message),
               "wrong credentials say to check the Client ID and Secret", message)
        time.sleep(1.0)
        logins = simulator.command("count get_token")
        tap.ok(logins == "1", "a refused login is not retried by itself", f"{logins} logins")

        set_text(secret, "demo-secret")
        time.sleep(0.3)
        click(connect)
        subtitle = app.wait_find(role="label", name="Demo PBX", timeout=20)
        tap.ok(subtitle is not None, "connecting shows the PBX's name")
        model = app.wait_find(role="label", predicate=lambda n: safe_name(n).startswith("Yeastar P570, firmware"))
        tap.ok(model is not None, "the PBX's model and firmware are shown")
        tap.ok(app.find(role="label", name="DD/MM/YYYY hh:mm:ss AM/PM") is not None,
               "the PBX's date and time format is shown")

        # The report type of a fresh start: Extension Call Statistics,
        # chosen in the sidebar.
        heading = app.wait_find(role="heading", name="Extension Call Statistics")
        tap.ok(heading is not None, "the report type starts at Extension Call Statistics")
        tap.ok(app.find(role="list item", name="Extension Call Statistics") is not None and
               app.find(role="list item", name="Queue Performance") is not None,
               "the sidebar lists the report types")

        # Download stays enabled: the bar says what is missing, in the
        # form's words, and pressing it asks the PBX for nothing.
        download = app.find(role="push button",
                            predicate=lambda n: safe_name(n).startswith("Download") and n.get_n_actions() > 0)
        reason = app.find(role="label", name="Choose Extensions to download this report")
        tap.ok(download is not None and is_enabled(download) and reason is not None,
               "the bar says, in the form's words, that the extensions are missing",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label"][-5:])
        tap.ok(app.find(role="label", predicate=lambda n: "ext_id_list" in safe_name(n)) is None,
               "no message names the API's parameter")
        click(download)
        time.sleep(1.0)
        tap.ok(simulator.command("count call_report/download") == "0",
               "Download with the extensions missing asks the PBX for nothing")

        # From and To through the calendar: the 1st of this month, and today.
        today = datetime.date.today()
        first = today.replace(day=1)
        click(app.find(role="push button", name="Choose a Date",
                       predicate=lambda n: safe_name(n.get_parent()) == "From date"))
        time.sleep(0.8)
        pick_day_in_calendar(first)
        time.sleep(0.8)
        click(app.find(role="push button", name="Choose a Date",
                       predicate=lambda n: safe_name(n.get_parent()) == "To date"))
        time.sleep(0.8)
        pick_day_in_calendar(today)
        time.sleep(0.8)
        preview = app.wait_find(role="label", predicate=lambda n: safe_name(n).startswith("start_time="))
        expected_preview = f"start_time={pbx_date_time(first)}\nend_time={pbx_date_time(today, 23, 59, 59)}"
        tap.ok(preview is not None and safe_name(preview) == expected_preview,
               "the dates picked in the calendar are previewed in the PBX's format",
               f"got {safe_name(preview) if preview else None!r}, expected {expected_preview!r}")

        # Two extensions from the selector, found by searching their names.
        click(button(app, "Choose Extensions"))
        selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extensions"), None))
        tap.ok(selector is not None, "the extension selector opens")
        if selector is not None:
            # The search has the focus when the selector opens, and Enter
            # checks the one match; Down goes from the search to the
            # matches, and Space checks the focused one.
            type_text("Alice")
            time.sleep(0.6)
            keys("Return")
            time.sleep(0.3)
            keys("ctrl+f", "ctrl+a")
            type_text("Bruno")
            time.sleep(0.6)
            keys("Down", "space")
            time.sleep(0.3)
            # Up on the first match goes back to the search.
            keys("Up")
            search = app.find(role="entry", name="Search", root=selector)
            tap.ok(wait_for(lambda: is_focused(search), timeout=5), "Up on the first match goes back to the search")
            count = app.wait_find(role="label", root=selector, predicate=lambda n: safe_name(n).startswith("2 of "))
            tap.ok(count is not None, "the selector counts two selected")
            tap.ok(screenshot(os.path.join(shots, "id-selector.png"), selector), "a screenshot of the selector is saved")
            close_dialog(app, button(app, "Select", root=selector))
        summary = app.wait_find(role="label", name="2 extensions or groups", root=window)
        tap.ok(summary is not None, "the row says what is selected")

        tap.ok(wait_for(lambda: app.find(role="label", name="Choose Extensions to download this report") is None),
               "the bar's reason goes once the request is valid")
        tap.ok(screenshot(os.path.join(shots, "report-page.png"), window), "a screenshot of the report page is saved")

        def download_and_check(what, toast_title=None):
            before = set(os.listdir(output))
            click(download)
            # A toast says so, with the report's type and period.
            if toast_title is not None:
                toast = app.wait_find(role="label", timeout=30, root=window,
                                      predicate=lambda n: safe_name(n).startswith("Saved ‘"))
                tap.ok(toast is not None and safe_name(toast) == f"Saved ‘{toast_title}’",
                       f"a toast says the {what} is saved", safe_name(toast) if toast else None)
                # It shows over the form, above the bar: Save Into and
                # Download stay within reach (#14).
                folder_button = button(app, "Save Into", root=window)
                open_button = toast_button(window, toast, "Open") if toast is not None else None
                tap.ok(None not in (toast, open_button, folder_button) and
                       all(above(node, bar_button) for node in (toast, open_button)
                           for bar_button in (folder_button, download)),
                       "the toast is above the bar, not over Save Into or Download",
                       [box(n) for n in (toast, open_button, folder_button, download) if n is not None])
                if what == "range report":
                    screenshot(os.path.join(shots, "toast.png"), window)
            # The Reports page lists it with the file's name; the path is
            # the label's description.
            keys("alt+2")
            saved = app.wait_find(role="label", timeout=30,
                                  predicate=lambda n: safe_name(n).startswith("Saved as ") and
                                  not any(name in safe_name(n) for name in before))
            keys("alt+1")
            if not tap.ok(saved is not None, f"the {what} is listed on the Reports page"):
                return None
            path = saved.get_description()
            name = os.path.basename(path)
            tap.ok(safe_name(saved).startswith(f"Saved as {name} ("), "the list shows the file's name", safe_name(saved))
            with open(path, "rb") as f:
                got = f.read()
            expected = simulator.file_bytes(name, scratch)
            tap.ok(os.path.dirname(path) == output and got == expected and len(got) > 0,
                   f"the {what} in the chosen folder is the PBX's file, byte for byte", path)
            tap.ok(not [f for f in os.listdir(output) if f.endswith(".part")], "no .part file is left")
            download_and_check.path = path
            return simulator.command("query call_report/download")

        month = f"{today.strftime('%B')} {today.year}"
        last_day = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
        if today.day == 1:
            range_title = f"Extension Call Statistics, 1 {month}"
        elif today == last_day:
            range_title = f"Extension Call Statistics, {month}"
        else:
            range_title = f"Extension Call Statistics, 1 {month} – {today.day} {month}"
        query = download_and_check("range report", range_title) or ""
        # The Reports page names the extensions as the selector does,
        # from the PBX's menu (#14).
        keys("alt+2")
        named = app.wait_find(role="label", timeout=10,
                              predicate=lambda n: re.search(r"Extensions: \d+ - Alice \w+, \d+ - Bruno \w+$",
                                                            safe_name(n)) is not None)
        tap.ok(named is not None, "the Reports page names the extensions the report was asked for",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label" and "Demo PBX" in safe_name(n)])
        keys("alt+1")
        tap.ok(f"start_time={pbx_date_time(first)}" in query and
               f"end_time={pbx_date_time(today, 23, 59, 59)}" in query and
               re.search(r"ext_id_list=\d+,\d+", query) is not None,
               "the PBX received the dates in its format and two extension IDs", query)

        # Show in Folder (in the row's menu) asks the file manager to show
        # the file itself.
        keys("alt+2")
        click(button(app, "More Actions"))
        show_item = app.wait_find(name="Show in Folder", predicate=lambda n: n.get_n_actions() > 0 and safe_role(n) != "push button")
        if show_item is not None:
            click(show_item)
        focus_window("Call Reports")
        keys("alt+1")
        shown = wait_for(lambda: os.path.exists(file_manager_calls) and open(file_manager_calls).read().strip(),
                         timeout=10)
        expected_call = f"ShowItems {pathlib.Path(getattr(download_and_check, 'path', '/')).as_uri()}"
        tap.ok(shown == expected_call, "Show in Folder asks the file manager to show the saved file",
               f"got {shown!r}, expected {expected_call!r}")

        # Quick Range fills From and To from the PBX clock.
        click(button(app, "Quick Range"))
        yesterday_item = app.wait_find(name="Yesterday", predicate=lambda n: n.get_n_actions() > 0)
        if yesterday_item is not None:
            click(yesterday_item)
        yesterday = today - datetime.timedelta(days=1)
        expected_preview = (f"start_time={pbx_date_time(yesterday)}\n"
                            f"end_time={pbx_date_time(yesterday, 23, 59, 59)}")
        preview = app.wait_find(role="label", root=window, predicate=lambda n: safe_name(n) == expected_preview)
        tap.ok(preview is not None, "Quick Range › Yesterday fills the whole of yesterday", expected_preview)

        # API v1.0 on new firmware: the window warns that ranges come back empty.
        api_row = app.find(role="combo box", name="API Version", root=window)
        click_at(api_row)
        time.sleep(0.8)
        keys("Down", "Return")
        warning = app.wait_find(role="label", root=window,
                                predicate=lambda n: safe_name(n).startswith("This PBX keeps new report data on API v2.0"))
        tap.ok(warning is not None, "choosing v1.0 on new firmware shows the warning")
        focus_window("Call Reports")
        click_at(api_row)
        time.sleep(0.8)
        keys("Up", "Return")
        time.sleep(0.5)

        # A period report: PBX Call Activity, one day, all trunks.
        focus_window("Call Reports")
        keys("ctrl+t")
        time.sleep(0.8)
        type_text("PBX Call")
        keys("Return")
        tap.ok(app.wait_find(role="heading", name="PBX Call Activity") is not None,
               "the report type is chosen by searching its name")
        # A period type starts on the PBX's current day.
        today_label = f"{today.day} {today.strftime('%b')} {today.year}"
        # (%e pads a one-digit day with a figure space.)
        day_button = app.wait_find(role="push button", predicate=lambda n: safe_name(n).strip("\u2007 ") == today_label)
        tap.ok(day_button is not None, "the period starts on the PBX's current day",
               [today_label] + [safe_name(n) for n in walk(window) if safe_role(n) == "push button"])
        click(day_button)
        time.sleep(0.8)
        pick_day_in_calendar(first)
        time.sleep(0.8)
        click(button(app, "Choose Trunks"))
        selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Trunks"), None))
        if selector is not None:
            click(button(app, "Select All", root=selector))
            time.sleep(0.3)
            close_dialog(app, button(app, "Select", root=selector))
        tap.ok(app.wait_find(role="label", predicate=lambda n: safe_name(n).startswith("All ") and
                             "trunks" in safe_name(n)) is not None, "Select All picks every trunk")
        query = download_and_check("period report") or ""
        tap.ok(f"time={first.day:02d}/{first.month:02d}/{first.year}" in query,
               "the PBX received the day in its format", query)

        # A queue and agent report: Agent Performance.
        focus_window("Call Reports")
        keys("ctrl+t")
        time.sleep(0.8)
        type_text("Agent Perf")
        keys("Return")
        tap.ok(app.wait_find(role="heading", name="Agent Performance") is not None,
               "Agent Performance is chosen")
        agents = button(app, "Choose Agents")
        tap.ok(agents is not None and is_enabled(agents), "the agent list follows the chosen queue")
        time.sleep(0.5)
        click(agents)
        selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Agents"), None))
        if selector is not None:
            agent = app.wait_find(role="check box", root=selector)
            keys("ctrl+f")
            type_text(safe_name(agent).split(" - ")[-1])
            time.sleep(0.6)
            keys("Return")
            close_dialog(app, button(app, "Select", root=selector))
        query = download_and_check("queue and agent report") or ""
        tap.ok(re.search(r"queue_id=\d+", query) is not None and re.search(r"agent_id_list=\d+", query) is not None,
               "the PBX received the queue and the agent", query)

        # What only the PBX can refuse (an ID it no longer has) is shown
        # with the fields it named, and nothing is saved.
        before = set(os.listdir(output))
        simulator.command("reject call_report/download")
        click(download)
        # The toast's Details shows the row on the Reports page.
        failed_toast = app.wait_find(role="label", timeout=30, root=window,
                                     predicate=lambda n: safe_name(n).startswith("Could not download ‘Agent Performance"))
        tap.ok(failed_toast is not None, "a toast says the report could not be downloaded")
        details = button(app, "Details", root=window)
        tap.ok(details is not None, "the toast offers Details")
        if details is not None:
            click(details)
        refused = app.wait_find(role="label", timeout=30,
                                predicate=lambda n: "The PBX refused these fields:" in safe_name(n))
        tap.ok(refused is not None and
               re.search(r"\nQueue: queue_id not exist \(value “\d+”\)", safe_name(refused)) is not None,
               "a 40002 refusal names the field as the form does, with the PBX's message and the value",
               safe_name(refused) if refused is not None else None)
        failed_row = refused
        while failed_row is not None and safe_role(failed_row) != "list item":
            failed_row = failed_row.get_parent()
        # Details gave the row the focus: Shift+F10 opens its actions.
        time.sleep(0.5)
        keys("shift+F10")
        remove_item = app.wait_find(predicate=lambda n: safe_name(n).replace("_", "") == "Remove from List" and
                                    n.get_n_actions() > 0 and safe_role(n) != "push button", timeout=10)
        tap.ok(failed_row is not None and remove_item is not None,
               "Details shows the failed row, with the focus: Shift+F10 opens its actions")
        keys("Escape")
        time.sleep(0.5)
        tap.ok(set(os.listdir(output)) == before, "a refused report leaves no file")
        tap.ok(screenshot(os.path.join(shots, "reports-page.png"), window), "a screenshot of the Reports page is saved")

        # Retry on the failed row asks again, and this time it is saved.
        retry = button(app, "Retry", root=failed_row) if failed_row is not None else None
        tap.ok(retry is not None and is_enabled(retry), "the failed row offers Retry")
        if retry is not None:
            asked = int(simulator.command("count call_report/download"))
            click(retry)
            retried = app.wait_find(role="label", timeout=30,
                                    predicate=lambda n: safe_name(n).startswith("Saved as ") and
                                    not any(name in safe_name(n) for name in before))
            tap.ok(retried is not None and int(simulator.command("count call_report/download")) == asked + 1,
                   "Retry downloads the report again and saves it")
            tap.ok(app.find(role="label", predicate=lambda n: "The PBX refused these fields:" in safe_name(n)) is None,
                   "the new attempt takes the failed row's place")
        keys("alt+1")

        # A folder that is gone is said in plain words on the download,
        # before the PBX is asked for anything.
        gone = output + "-gone"
        os.rename(output, gone)
        asked = simulator.command("count call_report/download")
        click(download)
        expected_message = f"The folder “{output}” does not exist."
        keys("alt+2")
        missing = app.wait_find(role="label", timeout=30, predicate=lambda n: safe_name(n).endswith(expected_message))
        keys("alt+1")
        tap.ok(missing is not None, "a missing folder is said in plain words on the download",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label" and "older" in safe_name(n)])
        time.sleep(0.5)
        tap.ok(simulator.command("count call_report/download") == asked,
               "the PBX is not asked for a report while the folder is missing")
        os.rename(gone, output)

        # A type whose required ID is missing: the bar says which.
        focus_window("Call Reports")
        keys("ctrl+t")
        time.sleep(0.8)
        type_text("IVR")
        keys("Return")
        app.wait_find(role="heading", name="IVR Report")
        reason = app.wait_find(role="label", name="Choose IVRs to download this report")
        tap.ok(reason is not None, "a missing IVR is said in the form's words")

        # Back to the first type: its values were kept.
        focus_window("Call Reports")
        keys("ctrl+t")
        time.sleep(0.8)
        type_text("Extension Call Stat")
        keys("Return")
        tap.ok(app.wait_find(role="label", name="2 extensions or groups") is not None,
               "switching back restores the extensions picked for that type")

        keys("alt+2")
        time.sleep(0.8)
        tap.ok(screenshot(os.path.join(shots, "downloads.png"), window), "a screenshot of the downloads is saved")

        # The Request page's shortcuts work from the Reports page too: they
        # show the Request page and act there (#14).
        tap.ok(not request_page_shown(app, window), "the page switcher says the Reports page is shown")
        keys("ctrl+f")
        search = app.wait_find(role="entry", name="Search report types", root=window)
        tap.ok(wait_for(lambda: request_page_shown(app, window), timeout=5),
               "Ctrl+F on the Reports page shows the Request page",
               [(safe_name(n), [str(s) for s in n.get_state_set().get_states()])
                for n in walk(window) if safe_role(n) == "page tab"])
        tap.ok(search is not None and wait_for(lambda: is_focused(search), timeout=5),
               "Ctrl+F on the Reports page searches the report types")
        keys("Escape")
        keys("alt+2")
        time.sleep(0.8)
        asked = int(simulator.command("count call_report/download"))
        keys("ctrl+d")
        tap.ok(wait_for(lambda: int(simulator.command("count call_report/download")) == asked + 1, timeout=30),
               "Ctrl+D on the Reports page downloads the form's report")
        tap.ok(wait_for(lambda: request_page_shown(app, window), timeout=5),
               "Ctrl+D shows the Request page, where the report was asked for")
        keys("alt+2")
        time.sleep(0.8)
        keys("ctrl+shift+o")
        chooser = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Save Reports Into"), None),
                           timeout=10)
        tap.ok(chooser is not None, "Ctrl+Shift+O on the Reports page opens the folder chooser")
        if chooser is not None:
            keys("Escape")
            wait_for(lambda: not any(safe_name(f) == "Save Reports Into" for f in app.frames()), timeout=10)
        focus_window("Call Reports")
        tokens = simulator.command("tokens").split()
    finally:
        rc = app.stop()
        simulator.stop()
        file_manager.terminate()
        file_manager.wait()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly", f"exit status {rc}")
    hits = find_secrets([os.environ["XDG_CONFIG_HOME"], os.environ["XDG_DATA_HOME"], os.environ["XDG_STATE_HOME"],
                         output, app.log.name],
                        tokens + ["demo-secret", "not-the-secret"])
    tap.ok(tokens and not hits,
           "no token or secret in the settings, the saved files or what the application printed", hits)
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
