#!/usr/bin/python3
# Drag and drop, end to end: report files dragged from another process
# (tests/ui/drag_source.py, a GTK 4 window offering the file as
# text/uri-list, as a file manager does) with the pointer (xdotool's
# button down, moves, button up: the X display's XDND) onto the main
# window and onto a viewer window; each drop opens the file in a viewer
# window whose table shows the file's cells.
#
# usage: test_drop.py BINARY SIMULATOR

import os
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # test_viewer is imported: no __pycache__ in the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import App, Simulator, Tap, safe_name, wait_for  # noqa: E402
from test_viewer import download, read_report, table_rows  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# The drag source's corner on the 1280×900 screen: right of and below
# the application's windows, which sit at the origin (no window manager).
SOURCE_X, SOURCE_Y = 1060, 780


def xdotool(*args):
    return subprocess.run(["xdotool", *[str(a) for a in args]], capture_output=True, text=True)


def start_source(path):
    """The drag source offering @path, moved to SOURCE_X, SOURCE_Y."""
    source = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "drag_source.py"), path],
                              stdout=subprocess.PIPE, text=True)
    ready = source.stdout.readline().strip() == "ready"
    found = wait_for(lambda: xdotool("search", "--onlyvisible", "--name", "^Drag Source$").stdout.split())
    if not ready or not found:
        return source, False
    xdotool("windowmove", "--sync", found[0], SOURCE_X, SOURCE_Y)
    time.sleep(0.5)
    return source, True


def stop_source(source):
    source.terminate()
    try:
        source.wait(timeout=10)
    except subprocess.TimeoutExpired:
        source.kill()
        source.wait()


def drag_to(x, y):
    """Press the button on the drag source's label, move in steps past
    GTK's drag threshold and over to @x, @y, release there."""
    x0, y0 = SOURCE_X + 100, SOURCE_Y + 50
    xdotool("mousemove", "--sync", x0, y0)
    time.sleep(0.3)
    xdotool("mousedown", 1)
    time.sleep(0.3)
    steps = 24
    for i in range(1, steps + 1):
        xdotool("mousemove", x0 + (x - x0) * i // steps, y0 + (y - y0) * i // steps)
        time.sleep(0.05)
    time.sleep(0.5)
    xdotool("mousemove", x + 2, y + 2)
    time.sleep(0.5)
    xdotool("mouseup", 1)


def frame_named(app, name):
    return next((f for f in app.frames() if safe_name(f) == name), None)


def check_drop(tap, app, path, title, x, y, where):
    _, rows, _ = read_report(path)
    source, ready = start_source(path)
    try:
        if not tap.ok(ready, "the drag source (another GTK 4 process) is on show"):
            return None
        drag_to(x, y)
        frame = wait_for(lambda: frame_named(app, title), timeout=20)
        tap.ok(frame is not None, f"a report file dropped on {where} opens a viewer window “{title}”",
               [safe_name(f) for f in app.frames()])
        if frame is None:
            return None
        def rows_list():
            tree = app.find(role="tree table", name="Rows", root=frame)
            return app.find(role="list", root=tree) if tree is not None else None
        table = wait_for(rows_list)
        shown = wait_for(lambda: (lambda r: r if len(r) == len(rows) else None)(table_rows(app, table))
                         if table else None)
        tap.ok(shown == rows, f"the dropped file's {len(rows)} rows show, every cell as in the file",
               f"shown: {shown}\nfile: {rows}")
        return frame
    finally:
        stop_source(source)


def main():
    binary, simulator_binary = sys.argv[1], sys.argv[2]
    tap = Tap()
    scratch = tempfile.mkdtemp(prefix="test-drop-")
    simulator = Simulator(simulator_binary)
    app = None
    try:
        stats, error = download(binary, simulator, scratch, "extcallstatistics", "--start-time", "2024-03-01",
                                "--end-time", "2024-03-10 18:00", "--ext-id-list", "1,2,3")
        days, error2 = download(binary, simulator, scratch, "extcallactivity", "--time", "2024-03",
                                "--ext-id-list", "1,2")
        if not tap.ok(stats is not None and days is not None, "the command line downloads two reports",
                      f"{error}\n{error2}"):
            return tap.finish()

        app = App(binary)
        main_window = wait_for(lambda: app.frames() and app.frames()[0])
        if not tap.ok(main_window is not None, "the main window is on show"):
            return tap.finish()
        time.sleep(1.0)

        # The main window (720 wide at the origin): its middle.
        viewer = check_drop(tap, app, stats, "Extension Call Statistics", 360, 320, "the main window")
        if viewer is not None:
            time.sleep(1.0)
            # The viewer window (960 wide, over the main window): right of
            # the main window's 720 pixels, so only the viewer is there.
            check_drop(tap, app, days, "Extension Call Activity", 840, 400, "a viewer window")

        messages = app.unexpected_messages()
        tap.ok(not messages, "the application printed no warning", "\n".join(messages))
    finally:
        if app is not None:
            app.stop()
        simulator.stop()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
