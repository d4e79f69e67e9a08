#!/usr/bin/python3
# Asynchronous reports, disconnecting and quitting in the real window,
# against the simulated PBX in another process, which holds its events
# 30027 until told to send them:
#
# - a connection that fails after the login leaves no token on the PBX;
# - a report cancelled while the PBX prepares it does not hand its file to
#   the next report: that one waits, and gets its own file;
# - Disconnect with a report still being prepared asks first; "Keep
#   Connected" keeps it, the other answer cancels it and revokes the token;
# - after connecting again no row is left "preparing", and Cancel works;
# - Quit (Ctrl+Q) revokes the token before the application ends.
#
# usage: test_async_disconnect.py APP_BINARY SIMULATOR_BINARY

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, button, click, find_secrets,  # noqa: E402
                          focus_window, keys, safe_name, set_text, type_text, wait_for, write_settings)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

PREPARING = "The PBX is preparing the file; it will announce when it is ready…"
CANCELLED = "Cancelled; nothing was saved"


def is_showing(node):
    # GTK 4.8 reports "visible" but never "showing".
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def count_labels(app, text):
    from atspi_driver import walk
    return sum(1 for n in walk(app.node) if safe_name(n) == text and is_showing(n))


def main():
    app_binary, simulator_binary = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="call-reports-ui-async-")
    output = os.path.join(scratch, "Reports")
    os.makedirs(output)
    tap = Tap()

    write_settings(output)

    simulator = Simulator(simulator_binary)
    app = App(app_binary, env={"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"})
    rc = None
    tokens = []
    try:
        app.wait_find(role="frame", name="Call Reports")
        server = app.wait_find(role="text", name="Server Address, e.g. https://192.168.1.150:8088")
        client_id = app.find(role="text", name="Client ID")
        secret = app.find(role="text", name="Client Secret")
        connect = app.find(role="push button", name="Connect", predicate=lambda n: n.get_n_actions() > 0)
        set_text(server, simulator.uri)
        set_text(client_id, "demo")
        set_text(secret, "demo-secret")
        time.sleep(0.3)

        # Logged in, but the PBX's information is unusable: the connection
        # fails and its token is revoked.
        simulator.command("break system/information")
        click(connect)
        revoked = wait_for(lambda: simulator.command("count del_token") == "1", timeout=15)
        tap.ok(revoked and simulator.command("live") == "0",
               "a connection that fails after the login revokes its token",
               f"del_token {simulator.command('count del_token')}, live {simulator.command('live')}")
        tap.ok(app.find(role="label", name="Demo PBX") is None, "the window stays on the connection page")

        set_text(secret, "demo-secret")
        time.sleep(0.3)
        click(connect)
        tap.ok(app.wait_find(role="label", name="Demo PBX", timeout=20) is not None, "connecting works")
        download = app.wait_find(role="push button",
                                 predicate=lambda n: safe_name(n).startswith("Download") and n.get_n_actions() > 0)

        def choose_type(search, title):
            focus_window("Call Reports")
            # The Request page's shortcuts work while it is shown.
            keys("alt+1")
            keys("ctrl+t")
            time.sleep(0.8)
            type_text(search)
            keys("Return")
            return app.wait_find(role="heading", name=title) is not None

        def switch_async_on():
            switch = app.wait_find(role="check box", name="Asynchronous", predicate=is_showing)
            if switch is not None and not switch.get_state_set().contains(Atspi.StateType.CHECKED):
                click(switch)
                time.sleep(0.3)
            return switch is not None and switch.get_state_set().contains(Atspi.StateType.CHECKED)

        def visible_cancel():
            # On the Reports page.
            focus_window("Call Reports")
            keys("alt+2")
            return app.wait_find(role="push button", name="Cancel Download",
                                 predicate=lambda n: is_showing(n) and n.get_n_actions() > 0)

        # A: asked for in the background, then cancelled while the PBX
        # prepares it.
        simulator.command("hold")
        tap.ok(choose_type("Transcription", "Transcription Usage Details") and switch_async_on(),
               "Transcription Usage Details, asynchronous")
        click(download)
        tap.ok(app.wait_find(role="label", name=PREPARING, timeout=20) is not None and
               wait_for(lambda: simulator.command("held") == "1", timeout=15),
               "the PBX prepares report A")
        cancelled_before = count_labels(app, CANCELLED)
        click(visible_cancel())
        tap.ok(wait_for(lambda: count_labels(app, CANCELLED) == cancelled_before + 1, timeout=10),
               "Cancel ends report A at once")

        # B: waits until A's event came and was dropped, then gets its own.
        tap.ok(choose_type("Unreturned", "Unreturned Missed Call Report") and switch_async_on(),
               "Unreturned Missed Call Report, asynchronous")
        click(download)
        time.sleep(1.5)
        tap.ok(simulator.command("count call_report/download") == "1",
               "report B is not asked for while report A's event is outstanding",
               simulator.command("count call_report/download"))
        simulator.command("release")
        saved = app.wait_find(role="label", timeout=30, predicate=lambda n: safe_name(n).startswith("Saved as "))
        path = saved.get_description() if saved is not None else ""
        name = os.path.basename(path)
        tap.ok(name.startswith("UnreturnedMissedCall-"), "report B's row saves report B's file", name)
        expected = simulator.file_bytes(name, scratch) if name else None
        got = open(path, "rb").read() if path and os.path.exists(path) else None
        tap.ok(got is not None and got == expected, "byte for byte as the PBX served it")
        tap.ok(not [f for f in os.listdir(output) if f.startswith("TranscriptionUsageDetails")],
               "nothing of the cancelled report A was saved", os.listdir(output))

        # Disconnect while a report is being prepared: asked first.
        simulator.command("hold")
        click(download)
        tap.ok(app.wait_find(role="label", name=PREPARING, timeout=20) is not None and
               wait_for(lambda: simulator.command("held") == "1", timeout=15),
               "a report is being prepared")
        revoked_before = simulator.command("count del_token")
        disconnect = app.find(role="push button", name="Disconnect")
        click(disconnect)
        keep = button(app, "Keep Connected")
        tap.ok(keep is not None, "Disconnect asks first while reports are pending")
        if keep is not None:
            click(keep)
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
        tap.ok(app.find(role="label", name="Demo PBX") is not None and
               count_labels(app, PREPARING) == 1 and simulator.command("count del_token") == revoked_before,
               "Keep Connected keeps the connection and the report")

        focus_window("Call Reports")
        click(disconnect)
        confirm = button(app, "Cancel Downloads and Disconnect")
        tap.ok(confirm is not None, "asked again")
        if confirm is not None:
            click(confirm)
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
        tap.ok(wait_for(lambda: int(simulator.command("count del_token")) == int(revoked_before) + 1, timeout=15) and
               simulator.command("live") == "0",
               "disconnecting cancels the report and revokes the token",
               f"del_token {simulator.command('count del_token')}, live {simulator.command('live')}")
        simulator.command("release")

        # Connected again: no row is left preparing, and Cancel works.
        focus_window("Call Reports")
        set_text(app.wait_find(role="text", name="Client Secret"), "demo-secret")
        time.sleep(0.3)
        click(app.find(role="push button", name="Connect", predicate=lambda n: n.get_n_actions() > 0))
        tap.ok(app.wait_find(role="label", name="Demo PBX", timeout=20) is not None, "connected again")
        time.sleep(1.0)
        tap.ok(count_labels(app, PREPARING) == 0, "no row is left preparing after a reconnect")
        simulator.command("hold")
        cancelled_before = count_labels(app, CANCELLED)
        click(download)
        tap.ok(app.wait_find(role="label", name=PREPARING, timeout=20) is not None, "a new report is prepared")
        click(visible_cancel())
        tap.ok(wait_for(lambda: count_labels(app, CANCELLED) == cancelled_before + 1, timeout=10) and
               count_labels(app, PREPARING) == 0, "its Cancel button works after the reconnect")
        simulator.command("release")
        time.sleep(1.0)

        # Quit revokes the token before the application ends.
        tokens = simulator.command("tokens").split()
        focus_window("Call Reports")
        keys("ctrl+q")
        try:
            rc = app.process.wait(timeout=20)
        except Exception:
            rc = None
        tap.ok(rc == 0, "Ctrl+Q ends the application", f"exit status {rc}")
        tap.ok(simulator.command("count del_token") == "3" and simulator.command("live") == "0",
               "quitting revokes the token",
               f"del_token {simulator.command('count del_token')}, live {simulator.command('live')}")
    finally:
        app.stop()
        simulator.stop()
    hits = find_secrets([os.environ["XDG_CONFIG_HOME"], output, app.log.name], tokens + ["demo-secret"])
    tap.ok(not hits, "no token or secret in the settings, the saved files or what the application printed", hits)
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
