#!/usr/bin/python3
# Report sets in the window, as a user makes and runs one: two reports of
# the form go into a new set with "Add to Set…" (their dates become
# relative periods), the Report Sets window runs it with a row per
# report, every row completes with one login, and the files are on disk
# under the names of the set's template. The main window's Reports page
# lists each report of the run with the set's name, its state and its
# size, and Retry there runs a failed report of the set again. Then the
# set is renamed, a report removed, a schedule enabled, and the set
# deleted at once with an Undo toast (undone, then deleted for good).
#
# usage: test_sets.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, click_at,  # noqa: E402
                          connect_to_simulator, find_secrets, focus_window, is_enabled, keys, safe_name,
                          safe_role, screenshot, set_text, text_of, type_text, wait_for, walk, write_settings)


def format_size(size):
    """As g_format_size() writes a size."""
    if size < 1000:
        return f"{size} byte" if size == 1 else f"{size} bytes"
    for power, unit in enumerate(("kB", "MB", "GB", "TB"), start=1):
        if size < 1000 ** (power + 1) or unit == "TB":
            return f"{size / 1000 ** power:.1f} {unit}"


def raise_window(title):
    """Put the window titled @title on top: there is no window manager, and
    the screenshots and clicks at coordinates see the top window."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                           capture_output=True, text=True).stdout.split()
    if found:
        subprocess.run(["xdotool", "windowraise", found[0]], check=False)
    focus_window(title)
    time.sleep(0.5)


def row_of(node):
    while node is not None and safe_role(node) != "list item":
        node = node.get_parent()
    return node


def set_rows(window, state_prefix):
    """The rows of the main window's Reports page labelled with the set,
    in state @state_prefix: [(row, status label, details)]."""
    found = []
    for node in walk(window):
        if safe_role(node) != "label" or not safe_name(node).startswith(state_prefix):
            continue
        row = row_of(node)
        details = [safe_name(n) for n in walk(row) if safe_role(n) == "label" and "Set ‘" in safe_name(n)] \
            if row is not None else []
        if details:
            found.append((row, node, details[0]))
    return found


def last_month(today):
    first = today.replace(day=1)
    return (first - datetime.timedelta(days=1)).strftime("%Y-%m")


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    # In the session's (throw-away) home folder, as a user's folder is:
    # the window shows its paths from "~".
    home = os.path.expanduser("~")
    scratch = tempfile.mkdtemp(prefix="call-reports-ui-sets-", dir=home)
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    tap = Tap()

    write_settings(output)

    sets_dir = os.path.join(os.environ["XDG_DATA_HOME"], "call-reports", "sets")
    units_dir = os.path.join(os.environ["XDG_CONFIG_HOME"], "systemd", "user")
    # The user manager is not this session's: systemctl is told nothing.
    systemctl_log = os.path.join(scratch, "systemctl.log")
    fake_systemctl = os.path.join(scratch, "systemctl")
    with open(fake_systemctl, "w") as f:
        f.write(f"#!/bin/sh\necho \"$@\" >> '{systemctl_log}'\n")
    os.chmod(fake_systemctl, 0o755)

    simulator = Simulator(simulator_binary)
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8",
                               "CALL_REPORTS_SYSTEMCTL": fake_systemctl})
    tokens = []
    try:
        window = app.wait_find(role="frame", name="Call Reports")
        # The set's runs take the secret from the keyring, where Remember puts it.
        tap.ok(connect_to_simulator(app, simulator.uri, remember=True) is not None,
               "connected, with the form on show")

        # The first report: two extensions, last month from Quick Range.
        click(button(app, "Choose Extensions"))
        selector = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Extensions"), None))
        if selector is not None:
            type_text("Alice")
            time.sleep(0.6)
            keys("Return")
            time.sleep(0.3)
            click(button(app, "Select", root=selector))
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
        focus_window("Call Reports")
        click(button(app, "Quick Range"))
        item = app.wait_find(name="Last Month", predicate=lambda n: n.get_n_actions() > 0)
        if item is not None:
            click(item)
        time.sleep(0.5)

        def add_to_set(new_name=None, expected_period=None):
            focus_window("Call Reports")
            click(app.wait_find(name="Main Menu", predicate=lambda n: n.get_n_actions() > 0))
            entry = app.wait_find(name="Add to Set…", predicate=lambda n: n.get_n_actions() > 0)
            if entry is None:
                return None
            click(entry)
            dialog = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Add to Set"), None))
            if dialog is None:
                return None
            if expected_period is not None:
                period = app.wait_find(role="combo box", name="Period", root=dialog) or \
                    app.wait_find(name="Period", root=dialog)
                chosen = app.find(role="label", root=dialog, name=expected_period)
                tap.ok(period is not None and chosen is not None,
                       f"the period is prefilled from the form's dates: {expected_period}",
                       [safe_name(n) for n in walk(dialog) if safe_role(n) == "label"])
            if new_name is not None:
                name = app.wait_find(role="text", name="Name of the New Set", root=dialog)
                set_text(name, new_name)
                time.sleep(0.3)
            screenshot(os.path.join(shots, "add-to-set.png"), dialog)
            click(button(app, "Add", root=dialog))
            gone = wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
            return gone

        tap.ok(add_to_set("Monthly", "Last Month"), "Add to Set… makes a new set of the form's report")
        path = os.path.join(sets_dir, "Monthly.json")
        saved = json.load(open(path)) if os.path.exists(path) else {}
        reports = saved.get("reports", [])
        tap.ok(len(reports) == 1 and reports[0].get("type") == "extcallstatistics" and
               reports[0].get("period") == "last-month" and
               re.fullmatch(r"\d+", str(reports[0].get("params", {}).get("ext_id_list", ""))) is not None and
               len(saved.get("pbxs", [])) == 1 and saved["pbxs"][0].get("client_id") == "demo" and
               "demo-secret" not in open(path).read() if os.path.exists(path) else False,
               "the set file holds the type, the extension's ID, last-month and the PBX, and no secret",
               json.dumps(saved))
        tap.ok(saved.get("output") == output, "a new set saves into the form's folder", saved.get("output"))

        # The second report: a type without IDs, for yesterday.
        focus_window("Call Reports")
        keys("ctrl+t")
        time.sleep(0.8)
        type_text("Unreturned")
        keys("Return")
        app.wait_find(role="push button", name="Unreturned Missed Call Report")
        focus_window("Call Reports")
        click(button(app, "Quick Range"))
        item = app.wait_find(name="Yesterday", predicate=lambda n: n.get_n_actions() > 0)
        if item is not None:
            click(item)
        time.sleep(0.5)
        tap.ok(add_to_set(None, "Yesterday"), "Add to Set… adds a second report to the set chosen")
        saved = json.load(open(path)) if os.path.exists(path) else {}
        tap.ok([r.get("period") for r in saved.get("reports", [])] == ["last-month", "yesterday"] and
               len(saved.get("pbxs", [])) == 1, "the set has both reports and still one PBX", json.dumps(saved))

        # The Report Sets window, from the main menu.
        focus_window("Call Reports")
        click(app.wait_find(name="Main Menu", predicate=lambda n: n.get_n_actions() > 0))
        click(app.wait_find(name="Report Sets", predicate=lambda n: n.get_n_actions() > 0))
        sets_window = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Report Sets"), None))
        tap.ok(sets_window is not None, "Report Sets opens its window")
        row = app.wait_find(name="Monthly", root=sets_window, predicate=lambda n: safe_role(n) == "list item")
        tap.ok(row is not None, "the set is listed")
        time.sleep(0.5)
        screenshot(os.path.join(shots, "report-sets.png"), sets_window)
        focus_window("Report Sets")
        click_at(row)
        run = app.wait_find(role="push button", root=sets_window,
                            predicate=lambda n: safe_name(n).replace("_", "").startswith("Run Now"))
        tap.ok(run is not None and is_enabled(run), "the set opens, with Run Now",
               [(safe_role(n), safe_name(n)) for n in walk(sets_window) if safe_role(n) in ("push button", "label")])

        logins = int(simulator.command("count get_token"))
        downloads = int(simulator.command("count call_report/download"))
        click(run)
        done = wait_for(lambda: len([n for n in walk(sets_window) if safe_role(n) == "label" and
                                     safe_name(n).startswith(("Saved as ", "Failed: "))]) >= 2, timeout=60)
        results = [safe_name(n) for n in walk(sets_window)
                   if safe_role(n) == "label" and safe_name(n).startswith(("Saved as ", "Failed: "))]
        tap.ok(done and all(r.startswith("Saved as ") for r in results),
               "every row of the run completes, saved", results)
        time.sleep(1.0)
        today = datetime.date.today()
        expected = [os.path.join(output, "Demo PBX", f"extcallstatistics-{last_month(today)}.csv"),
                    os.path.join(output, "Demo PBX",
                                 f"unreturnmisscall-{(today - datetime.timedelta(days=1)).isoformat()}.csv")]
        tap.ok(all(os.path.isfile(p) and os.path.getsize(p) > 0 for p in expected),
               "the files are on disk under the template's names", sorted(
                   os.path.join(d, n) for d, _, names in os.walk(output) for n in names))
        tap.ok(all(any(("~" + p[len(home):]) in r for r in results) for p in expected),
               "each row names its file, from ~", results)
        tap.ok(int(simulator.command("count get_token")) == logins + 1,
               "the run logged in once for the PBX")
        tap.ok(int(simulator.command("count call_report/download")) == downloads + 2,
               "the run asked the PBX for each report once")
        tap.ok(wait_for(lambda: simulator.command("live") == "1", timeout=10),
               "the run's token is revoked; only the window's stays")
        query = simulator.command("query call_report/download")
        tap.ok("type=" in query, "the PBX received the reports", query)
        last = app.wait_find(role="label", root=sets_window,
                             predicate=lambda n: safe_name(n).endswith(": 2 files saved"))
        tap.ok(last is not None, "the last run and its result are shown")
        example = app.wait_find(role="label", root=sets_window,
                                predicate=lambda n: safe_name(n).startswith("Demo PBX/"), timeout=10)
        tap.ok(example is not None and safe_name(example) == f"Demo PBX/extcallstatistics-{last_month(today)}.csv",
               "the file names' example names the PBX as the run did",
               [safe_name(n) for n in walk(sets_window) if safe_role(n) == "label" and "/" in safe_name(n)])

        # The main window's Reports page lists the run's reports too, with
        # the set's name, the PBX, the state and the byte count.
        focus_window("Call Reports")
        keys("alt+2")
        saved_rows = wait_for(lambda: len(set_rows(window, "Saved as ")) >= 2 and set_rows(window, "Saved as "),
                              timeout=20) or []
        tap.ok(len(saved_rows) == 2 and all(d.startswith("Set ‘Monthly’ · Demo PBX · ") for _, _, d in saved_rows),
               "each report of the run is a row of the Reports page, labelled with the set and the PBX",
               [(safe_name(label), d) for _, label, d in saved_rows])
        sizes_ok = []
        for _, label, _ in saved_rows:
            report_path = label.get_description()
            if os.path.isfile(report_path):
                size = format_size(os.path.getsize(report_path)).replace("\u00a0", " ")
                sizes_ok.append(safe_name(label).replace("\u00a0", " ") ==
                                f"Saved as {os.path.basename(report_path)} ({size})" and report_path in expected)
            else:
                sizes_ok.append(False)
        tap.ok(len(sizes_ok) == 2 and all(sizes_ok),
               "each row says its file and the bytes received, as the single downloads do",
               [(safe_name(label), label.get_description()) for _, label, _ in saved_rows])
        titles = sorted(safe_name(row) for row, _, _ in saved_rows)
        tap.ok(any(t.startswith("Extension Call Statistics, ") for t in titles) and
               any(t.startswith("Unreturned Missed Call Report, ") for t in titles),
               "the rows are named by type and period", titles)
        raise_window("Call Reports")
        screenshot(os.path.join(shots, "reports-page-set-run.png"), window)
        keys("alt+1")
        raise_window("Report Sets")
        screenshot(os.path.join(shots, "report-set-run.png"), sets_window)
        # The narrowest the window goes, for a look at the rows.
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Report Sets$"],
                               capture_output=True, text=True).stdout.split()
        if found:
            subprocess.run(["xdotool", "windowsize", "--sync", found[0], "360", "720"], check=False)
            time.sleep(1.0)
            screenshot(os.path.join(shots, "report-set-narrow.png"), sets_window)
            subprocess.run(["xdotool", "windowsize", "--sync", found[0], "640", "720"], check=False)
            time.sleep(1.0)

        # A folder that is gone fails the run at once, said on each row,
        # before the PBX is asked for anything.
        gone = output + "-gone"
        os.rename(output, gone)
        logins = int(simulator.command("count get_token"))
        click(run)
        failed = app.wait_find(role="label", root=sets_window, timeout=30,
                               predicate=lambda n: safe_name(n).startswith("Failed: The output folder") and
                               output in safe_name(n))
        tap.ok(failed is not None, "a missing folder is said on the rows, naming it",
               [safe_name(n) for n in walk(sets_window) if safe_role(n) == "label" and "Failed" in safe_name(n)])
        time.sleep(0.5)
        tap.ok(int(simulator.command("count get_token")) == logins, "no login for a run that cannot save")
        os.rename(gone, output)
        time.sleep(0.5)

        # On the Reports page those reports failed, saying why; Retry runs
        # one of them again with the set's PBX, and it is saved.
        focus_window("Call Reports")
        keys("alt+2")
        failed_rows = wait_for(lambda: len(set_rows(window, "Failed, nothing was saved: The output folder")) >= 2 and
                               set_rows(window, "Failed, nothing was saved: The output folder"), timeout=20) or []
        tap.ok(len(failed_rows) == 2 and all(output in safe_name(label) for _, label, _ in failed_rows),
               "the failed run's reports are failed rows on the Reports page, with the reason",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label" and "Failed" in safe_name(n)])
        retry = button(app, "Retry", root=failed_rows[0][0]) if failed_rows else None
        tap.ok(retry is not None and is_enabled(retry), "a failed report of the set offers Retry")
        if retry is not None:
            retried_title = safe_name(failed_rows[0][0])
            tap.ok(any(safe_name(r) == retried_title for r, _, _ in saved_rows),
                   "a report that failed before its PBX answered is named by its period all the same",
                   retried_title)
            saved_before = len(set_rows(window, "Saved as "))
            logins = int(simulator.command("count get_token"))
            downloads = int(simulator.command("count call_report/download"))
            click(retry)
            retried = wait_for(lambda: [r for r, _, _ in set_rows(window, "Saved as ") if safe_name(r) == retried_title]
                               if len(set_rows(window, "Saved as ")) == saved_before + 1 else None, timeout=30)
            tap.ok(bool(retried) and int(simulator.command("count call_report/download")) == downloads + 1 and
                   int(simulator.command("count get_token")) == logins + 1,
                   "Retry downloads that one report again, with one login, and it is saved", retried_title)
            tap.ok(wait_for(lambda: len(set_rows(window, "Failed, nothing was saved: The output folder")) == 1,
                            timeout=10),
                   "the new attempt takes the failed row's place")
            tap.ok(wait_for(lambda: simulator.command("live") == "1", timeout=10),
                   "the retry's token is revoked")

            # Retry of the other one while the set cannot be read: the row
            # keeps what failed first, a toast says why it did not run.
            left = set_rows(window, "Failed, nothing was saved: The output folder")
            kept = safe_name(left[0][1]) if left else None
            set_bytes = open(path, "rb").read()
            with open(path, "w") as f:
                f.write("{ not a set")
            retry = button(app, "Retry", root=left[0][0]) if left else None
            if retry is not None:
                click(retry)
            toast = app.wait_find(role="label", root=window, timeout=10,
                                  predicate=lambda n: safe_name(n).startswith("Cannot retry: "))
            tap.ok(toast is not None, "Retry of a set that cannot be read says why in a toast",
                   [safe_name(n) for n in walk(window) if safe_role(n) == "label" and "retry" in safe_name(n)])
            tap.ok(kept is not None and
                   [safe_name(label) for _, label, _ in set_rows(window, "Failed, nothing was saved: ")] == [kept],
                   "the row keeps its first failure", kept)
            with open(path, "wb") as f:
                f.write(set_bytes)
        keys("alt+1")

        # Cancelled while the PBX is slow to log in: the reports that had
        # not started are cancelled, as the Reports page says it, not
        # failed; the toast and the last run say the run was cancelled.
        simulator.command("stall get_token 120000")
        raise_window("Report Sets")
        click(run)
        cancel_run = app.wait_find(role="push button", root=sets_window,
                                   predicate=lambda n: safe_name(n).replace("_", "").startswith("Cancel Run"))
        tap.ok(cancel_run is not None, "a running set offers Cancel Run",
               [(safe_role(n), safe_name(n)) for n in walk(sets_window)
                if safe_role(n) == "push button" or "ancel" in safe_name(n)])
        time.sleep(1.0)
        if cancel_run is not None:
            click(cancel_run)

        def run_row_states():
            return [safe_name(n) for n in walk(sets_window) if safe_role(n) == "label" and
                    safe_name(n).startswith(("Saved as ", "Failed: ", "Cancelled", "Waiting", "Downloading"))]
        cancelled = wait_for(lambda: run_row_states().count("Cancelled; nothing was saved") == 2, timeout=20)
        states = run_row_states()
        tap.ok(cancelled and not any(s.startswith("Failed") for s in states),
               "each report the cancelled run had not got to says Cancelled, none Failed", states)
        toast = app.wait_find(role="label", root=sets_window, name="The run was cancelled")
        tap.ok(toast is not None, "a toast says the run was cancelled",
               [safe_name(n) for n in walk(sets_window) if safe_role(n) == "label" and "ancel" in safe_name(n)])
        last = app.wait_find(role="label", root=sets_window,
                             predicate=lambda n: safe_name(n).endswith(": Cancelled; 0 files saved"))
        tap.ok(last is not None, "the last run says it was cancelled",
               [safe_name(n) for n in walk(sets_window) if safe_role(n) == "label" and ": " in safe_name(n)])
        screenshot(os.path.join(shots, "report-set-cancelled.png"), sets_window)
        focus_window("Call Reports")
        keys("alt+2")
        cancelled_rows = wait_for(lambda: len(set_rows(window, "Cancelled; nothing was saved")) == 2 and
                                  set_rows(window, "Cancelled; nothing was saved"), timeout=10)
        tap.ok(bool(cancelled_rows), "the Reports page lists both reports as cancelled",
               [safe_name(n) for n in walk(window) if safe_role(n) == "label" and "ancel" in safe_name(n)])
        keys("alt+1")

        # Edit: rename the set (its run history goes along).
        name = app.find(role="text", name="Name", root=sets_window)
        focus_window("Report Sets")
        time.sleep(0.5)
        click_at(name)
        time.sleep(0.3)
        keys("ctrl+a")
        type_text("Monthly Pack")
        keys("Return")
        tap.ok(wait_for(lambda: os.path.exists(os.path.join(sets_dir, "Monthly Pack.json")) and
                        not os.path.exists(path), timeout=10),
               "renaming the set renames its file", os.listdir(sets_dir))
        path = os.path.join(sets_dir, "Monthly Pack.json")

        # Edit: remove the second report.
        remove = app.find(role="push button", root=sets_window,
                          name="Remove Unreturned Missed Call Report From the Set")
        tap.ok(remove is not None, "each report has a labelled Remove button")
        if remove is not None:
            click(remove)
        tap.ok(wait_for(lambda: len(json.load(open(path)).get("reports", [])) == 1, timeout=10),
               "removing a report saves the set without it")

        # Edit: the filters of the report left, checked as the form checks them.
        old_ids = json.load(open(path))["reports"][0]["params"]["ext_id_list"]
        click(app.find(role="push button", root=sets_window, name="Edit the Filters of Extension Call Statistics"))
        editor = wait_for(lambda: next((f for f in app.frames()
                                        if safe_name(f) == "Filters of Extension Call Statistics"), None))
        tap.ok(editor is not None, "a report's filters open in a form of their own")
        if editor is not None:
            field = app.wait_find(role="text", name="Extensions (required)", root=editor)
            screenshot(os.path.join(shots, "report-set-filters.png"), editor)
            set_text(field, "")
            time.sleep(0.3)
            click(button(app, "Save", root=editor))
            refused = app.wait_find(role="label", root=editor,
                                    predicate=lambda n: "(ext_id_list) is required" in safe_name(n))
            tap.ok(refused is not None and json.load(open(path))["reports"][0]["params"]["ext_id_list"] == old_ids,
                   "an empty required filter is refused, and the set keeps its value")
            set_text(field, f"{old_ids},1001,Alice Martin")
            time.sleep(0.3)
            click(button(app, "Save", root=editor))
            wait_for(lambda: len(app.frames()) == 2, timeout=10)
            time.sleep(1.0)
        tap.ok(wait_for(lambda: json.load(open(path))["reports"][0]["params"]["ext_id_list"] == f"{old_ids},1001,Alice Martin",
                        timeout=10),
               "the edited filters, a name among the IDs, are saved in the set as given", open(path).read())
        tap.ok(app.wait_find(role="label", root=sets_window, name=f"Extensions: {old_ids},1001,Alice Martin") is not None,
               "the report's row shows its new filters")

        # A schedule, enabled with the systemd user timer.
        repeat = app.find(role="combo box", name="Repeat", root=sets_window) or \
            app.find(name="Repeat", root=sets_window, predicate=lambda n: safe_role(n) != "label")
        if repeat is not None:
            focus_window("Report Sets")
            # The schedule is at the bottom of the page: scroll to it.
            subprocess.run(["xdotool", "mousemove", "300", "400"], check=True)
            for _ in range(25):
                subprocess.run(["xdotool", "click", "5"], check=True)
            time.sleep(0.8)
            click_at(repeat)
            time.sleep(0.8)
            keys("Down", "Return")
            time.sleep(0.8)
        save_schedule = app.find(role="push button", root=sets_window,
                                 predicate=lambda n: safe_name(n).replace("_", "").startswith("Save Schedule"))
        if save_schedule is not None:
            click(save_schedule)
        timer = os.path.join(units_dir, "call-reports-set-Monthly\\x20Pack.timer")
        tap.ok(wait_for(lambda: os.path.exists(timer), timeout=10),
               "saving a daily schedule writes the timer", os.listdir(units_dir) if os.path.isdir(units_dir) else None)
        tap.ok(json.load(open(path)).get("schedule", {}).get("every") == "daily" if os.path.exists(path) else False,
               "the set keeps its schedule", open(path).read() if os.path.exists(path) else None)
        next_run = app.wait_find(role="label", root=sets_window,
                                 predicate=lambda n: "(daily at 07:00)" in safe_name(n))
        tap.ok(next_run is not None, "the next run is shown")
        screenshot(os.path.join(shots, "report-set-page.png"), sets_window)

        # Never again: the timer goes, the set stays.
        focus_window("Report Sets")
        click_at(repeat)
        time.sleep(0.8)
        keys("Up", "Return")
        time.sleep(0.8)
        if save_schedule is not None:
            click(save_schedule)
        tap.ok(wait_for(lambda: not os.path.exists(timer), timeout=10) and os.path.exists(path) and
               "schedule" not in json.load(open(path)),
               "saving Never removes the timer and the set's schedule", open(path).read())
        tap.ok(app.wait_find(role="label", root=sets_window,
                             name="None: the set runs when you run it") is not None,
               "the next run says there is none")
        with open(systemctl_log) as f:
            calls = f.read()
        tap.ok("enable --now" in calls and "disable --now" in calls,
               "the timer was enabled, then disabled, with systemctl --user", calls)

        # Export to a file, through the file chooser.
        exported = os.path.join(scratch, "shared.json")
        focus_window("Report Sets")
        click(app.find(name="Set Menu", root=sets_window, predicate=lambda n: n.get_n_actions() > 0))
        click(app.wait_find(name="Export…", predicate=lambda n: n.get_n_actions() > 0))
        chooser = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Export the Set"), None))
        tap.ok(chooser is not None, "Export… opens a file chooser", [safe_name(f) for f in app.frames()])
        if chooser is not None:
            name_entry = app.wait_find(role="text", root=chooser, predicate=lambda n: "Monthly Pack" in text_of(n))
            if name_entry is not None:
                set_text(name_entry, exported)
                time.sleep(0.3)
            click(button(app, "Export", root=chooser))
            wait_for(lambda: len(app.frames()) == 2, timeout=10)
            time.sleep(1.0)
        shared = json.load(open(exported)) if os.path.exists(exported) else {}
        tap.ok(shared.get("name") == "Monthly Pack" and len(shared.get("reports", [])) == 1,
               "the set is exported whole to the file chosen", shared)

        # Delete: at once, with Undo in a toast; Ctrl+Z undoes it too. The
        # set file and its run history come back byte for byte.
        state_path = os.path.join(os.environ["XDG_STATE_HOME"], "call-reports", "set-runs", "Monthly Pack.json")
        set_bytes = open(path, "rb").read()
        state_bytes = open(state_path, "rb").read() if os.path.exists(state_path) else None
        tap.ok(state_bytes is not None, "the set has a run history to keep", state_path)

        def delete_set():
            focus_window("Report Sets")
            menu = app.find(name="Set Menu", root=sets_window, predicate=lambda n: n.get_n_actions() > 0)
            if menu is None:
                return None
            click(menu)
            item = app.wait_find(name="Delete", predicate=lambda n: n.get_n_actions() > 0)
            if item is None:
                return None
            click(item)
            return app.wait_find(role="label", root=sets_window, name="Deleted ‘Monthly Pack’")

        toast = delete_set()
        tap.ok(toast is not None, "deleting says so in a toast, without asking first")
        tap.ok(wait_for(lambda: not os.path.exists(path) and not os.path.exists(state_path), timeout=10),
               "the set and its history are deleted at once")
        tap.ok(app.wait_find(name="No Report Sets", root=sets_window) is not None,
               "the window shows that there is no set left")
        undo = button(app, "Undo", root=sets_window)
        tap.ok(undo is not None, "the toast offers Undo")
        screenshot(os.path.join(shots, "report-set-deleted.png"), sets_window)
        if undo is not None:
            click(undo)
        tap.ok(wait_for(lambda: os.path.exists(path) and os.path.exists(state_path), timeout=10) and
               open(path, "rb").read() == set_bytes and open(state_path, "rb").read() == state_bytes,
               "Undo puts the set file and its history back as they were")
        tap.ok(app.wait_find(name="Monthly Pack", root=sets_window,
                             predicate=lambda n: safe_role(n) == "list item") is not None,
               "the set is listed again")

        row = app.wait_find(name="Monthly Pack", root=sets_window, predicate=lambda n: safe_role(n) == "list item")
        focus_window("Report Sets")
        if row is not None:
            click_at(row)
        time.sleep(0.8)
        toast = delete_set()
        tap.ok(toast is not None and not os.path.exists(path), "deleting again")
        focus_window("Report Sets")
        keys("ctrl+z")
        tap.ok(wait_for(lambda: os.path.exists(path), timeout=10) and open(path, "rb").read() == set_bytes,
               "Ctrl+Z undoes the deletion from the keyboard")

        row = app.wait_find(name="Monthly Pack", root=sets_window, predicate=lambda n: safe_role(n) == "list item")
        focus_window("Report Sets")
        if row is not None:
            click_at(row)
        time.sleep(0.8)
        toast = delete_set()
        tap.ok(toast is not None, "deleting a third time")
        # The toast goes by itself: the deletion is final.
        tap.ok(wait_for(lambda: app.find(role="label", root=sets_window, name="Deleted ‘Monthly Pack’") is None,
                        timeout=20), "the toast times out")
        focus_window("Report Sets")
        keys("ctrl+z")
        time.sleep(1.0)
        tap.ok(not os.path.exists(path) and not os.path.exists(state_path) and not os.path.exists(timer),
               "once the toast is gone the deletion stays, Ctrl+Z does nothing", os.listdir(sets_dir))
        tap.ok(all(os.path.isfile(p) for p in expected), "the files the set saved stay")
        tap.ok(app.wait_find(name="No Report Sets", root=sets_window) is not None,
               "the window shows that there is no set left")

        # Import the exported file: the set is back, listed.
        if os.path.exists(exported):
            focus_window("Report Sets")
            click(button(app, "Import", root=sets_window))
            chooser = wait_for(lambda: next((f for f in app.frames() if safe_name(f) == "Import a Set"), None))
            tap.ok(chooser is not None, "Import… opens a file chooser")
            if chooser is not None:
                focus_window("Import a Set")
                keys("ctrl+l")
                time.sleep(0.5)
                type_text(exported)
                time.sleep(0.5)
                keys("Return")
                wait_for(lambda: len(app.frames()) == 2, timeout=10)
                time.sleep(1.0)
            tap.ok(wait_for(lambda: os.path.exists(path), timeout=10) and
                   json.load(open(path)).get("reports") == shared.get("reports"),
                   "Import… brings the shared set back", os.listdir(sets_dir))
        tokens = simulator.command("tokens").split()
    finally:
        rc = app.stop()
        simulator.stop()
    tap.ok(rc in (0, -15, 143), "the application exits cleanly", f"exit status {rc}")
    hits = find_secrets([os.environ["XDG_CONFIG_HOME"], os.environ["XDG_DATA_HOME"], output, app.log.name],
                        tokens + ["demo-secret"])
    tap.ok(tokens and not hits, "no token or secret in the sets, settings, files or logs", hits)
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
