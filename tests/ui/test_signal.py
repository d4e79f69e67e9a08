#!/usr/bin/python3
# A signal quits the application as Quit does. `call-reports --background`
# runs a missed set run whose file the simulated PBX holds back; SIGTERM
# then cancels the run: the application exits with status 0, the list of
# downloads on disk has the set's report, ended (not running: written
# although the list waits 500 ms before it writes a change), no partial
# file is left and the token is revoked. The window's application quits
# on SIGINT and on SIGHUP too.
#
# usage: test_signal.py BINARY SIMULATOR

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import gi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import Simulator, Tap, wait_for  # noqa: E402

gi.require_version("GLib", "2.0")
from gi.repository import GLib  # noqa: E402

RUNNING = 0  # REPORTS_DOWNLOAD_RUNNING


def run(binary, *args, env):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)


def history_records(path):
    """The records of the list of downloads: (set name or None, status)."""
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return []
    records = []
    for boxed in GLib.Variant.parse(None, text, None, None).unpack():
        fields = boxed
        records.append((fields[12] if len(fields) > 12 else None, fields[7]))
    return records


def wait_exit(process, timeout):
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return None


def main():
    binary, simulator_binary = sys.argv[1], sys.argv[2]
    tap = Tap()
    simulator = Simulator(simulator_binary)
    out = tempfile.mkdtemp(prefix="signal-")
    env = dict(os.environ, CALL_REPORTS_SYSTEMCTL="true")
    state_home = os.environ.get("XDG_STATE_HOME") or os.path.join(os.environ["HOME"], ".local", "state")
    history = os.path.join(state_home, "call-reports", "downloads.gvariant")
    processes = []
    try:
        created = run(binary, "set", "create", "Held", "--server", simulator.uri, "--client-id", "demo",
                      "--output", out, env=env)
        added = run(binary, "set", "add", "Held", "--type", "queueperformance", "--queue-id-list", "1",
                    "--range", "last-month", env=env)
        scheduled = run(binary, "set", "schedule", "Held", "--daily", "00:00", env=env)
        tap.ok(created.returncode == 0 and added.returncode == 0 and scheduled.returncode == 0,
               "a set of one report is made and scheduled daily", [created.stderr, added.stderr, scheduled.stderr])

        with open(os.path.join(os.environ["XDG_DATA_HOME"], "call-reports", "sets", "Held.json")) as f:
            server = json.load(f)["pbxs"][0]["server"]
        state_dir = os.path.join(state_home, "call-reports", "set-runs")
        os.makedirs(state_dir, exist_ok=True)
        long_ago = int(time.time()) - 3 * 86400
        with open(os.path.join(state_dir, "Held.json"), "w") as f:
            json.dump({"version": 1, "last_run": long_ago, "scheduled": long_ago, "saved": 1, "failed": 0,
                       "files": []}, f)
        stored = subprocess.run(["secret-tool", "store", "--label=Call Reports test",
                                 "xdg:schema", "io.github.callreports.CallReports.ClientSecret",
                                 "server", server, "client-id", "demo"],
                                input="demo-secret", text=True, capture_output=True)
        tap.ok(stored.returncode == 0, "the PBX's secret is in the keyring", stored.stderr)

        # The PBX holds the file back for a minute: the run is under way.
        tap.ok(simulator.command("stall file 60000") == "ok", "the PBX will hold the file back")
        log = tempfile.TemporaryFile(mode="w+")
        app = subprocess.Popen([binary, "--background"], env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append(app)
        tap.ok(wait_for(lambda: simulator.command("count file") == "1", timeout=30),
               "the missed run asks for the report's file")

        app.send_signal(signal.SIGTERM)
        status = wait_exit(app, 20)
        log.seek(0)
        output = log.read()
        tap.ok(status == 0, "SIGTERM quits the application, with status 0", [status, output])

        records = [r for r in history_records(history) if r[0] == "Held"]
        tap.ok(len(records) == 1, "the list of downloads on disk has the set's report", records)
        tap.ok(records and records[0][1] != RUNNING, "ended, not running", records)
        left = [name for name in os.listdir(out) if name.endswith(".part")]
        tap.ok(not left, "no partial file is left", left)
        tap.ok(wait_for(lambda: simulator.command("live") == "0", timeout=10), "the token is revoked")
        tap.ok("CRITICAL" not in output and "WARNING" not in output, "it logged no warning", output)

        # The window's application, on SIGINT (Ctrl+C in a terminal) and SIGHUP.
        run(binary, "set", "delete", "Held", env=env)
        for signum in (signal.SIGINT, signal.SIGHUP):
            window = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            processes.append(window)
            time.sleep(3)
            window.send_signal(signum)
            status = wait_exit(window, 20)
            tap.ok(status == 0, f"{signal.Signals(signum).name} quits the window's application, with status 0",
                   status)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        simulator.stop()
        subprocess.run(["rm", "-rf", out])
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
