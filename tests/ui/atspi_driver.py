# atspi_driver.py — drive the real Call Reports window over AT-SPI, as a
# user with a screen reader or a keyboard would, and report in TAP.
#
# Run with Debian's /usr/bin/python3 (it has gi, Atspi) inside
# build-aux/ci-session.sh, which gives a private display and bus.

import os
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, diagnostic=None):
        self.count += 1
        status = "ok" if condition else "not ok"
        print(f"{status} {self.count} - {description}", flush=True)
        if not condition:
            self.failed += 1
            if diagnostic:
                for line in str(diagnostic).splitlines():
                    print(f"# {line}", flush=True)
        return condition

    def finish(self):
        print(f"1..{self.count}", flush=True)
        return 1 if self.failed else 0


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        n = node.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, depth + 1, max_depth)


def safe_name(node):
    try:
        return node.get_name() or ""
    except Exception:
        return ""


def safe_role(node):
    try:
        return node.get_role_name() or ""
    except Exception:
        return ""


def wait_for(predicate, timeout=15.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()


# Messages the application may print that are not its own faults: GTK
# 4.8's AT-SPI bridge answers a client's question about a widget that was
# just destroyed with a NULL object path, and no notification server runs
# in the test session.
KNOWN_MESSAGES = (
    "g_variant_is_object_path: assertion 'string != NULL' failed",
    "g_variant_new_object_path: assertion 'g_variant_is_object_path (object_path)' failed",
    "unable to send notifications through org.freedesktop.Notifications",
)


class App:
    """The application under test, started from its binary. What it prints
    on standard error is kept, so that a test can fail on any warning or
    critical the application emits."""

    def __init__(self, binary, args=(), env=None, name="call-reports"):
        self.name = name
        full_env = dict(os.environ)
        if env:
            full_env.update(env)
        self.log = tempfile.NamedTemporaryFile(prefix="call-reports-stderr-", suffix=".log", delete=False)
        self.process = subprocess.Popen([binary, *args], env=full_env, stderr=self.log)
        self.node = wait_for(self._find_app, timeout=30)

    def unexpected_messages(self):
        """The warnings and criticals on standard error, less KNOWN_MESSAGES."""
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        return [line for line in lines
                if ("WARNING" in line or "CRITICAL" in line or "ERROR" in line)
                and not any(known in line for known in KNOWN_MESSAGES)]

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and safe_name(child) == self.name:
                return child
        return None

    def find(self, role=None, name=None, root=None, predicate=None):
        for node in walk(root or self.node):
            if role is not None and safe_role(node) != role:
                continue
            if name is not None and safe_name(node) != name:
                continue
            if predicate is not None and not predicate(node):
                continue
            return node
        return None

    def wait_find(self, role=None, name=None, root=None, predicate=None, timeout=15.0):
        return wait_for(lambda: self.find(role, name, root, predicate), timeout=timeout)

    def frames(self):
        return [c for c in (self.node.get_child_at_index(i) for i in range(self.node.get_child_count())) if c]

    def close_window(self, window, timeout=15):
        """Close @window as its close button does, and wait for the
        application to exit; returns its exit status or None."""
        for i in range(window.get_n_actions()):
            if window.get_action_name(i) == "window.close":
                window.do_action(i)
                break
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def click(node):
    """Activate a widget through its AT-SPI action, as assistive technology does."""
    for i in range(node.get_n_actions()):
        if node.get_action_name(i) in ("click", "press", "activate", "toggle"):
            return node.do_action(i)
    return node.do_action(0) if node.get_n_actions() > 0 else False



def screenshot(path, window=None):
    """Photograph the screen (`import -window root`); with a window, crop to
    it. There is no window manager, so windows sit at the screen's origin
    and their AT-SPI window coordinates are screen coordinates."""
    subprocess.run(["/usr/bin/import", "-window", "root", path], check=True)
    if window is not None:
        extents = window.get_extents(Atspi.CoordType.WINDOW)
        if extents.width > 0 and extents.height > 0:
            subprocess.run(["/usr/bin/convert", path, "-crop",
                            f"{extents.width}x{extents.height}+0+0", "+repage", path], check=True)
    return os.path.exists(path) and os.path.getsize(path) > 0


def click_at(node):
    """Click the middle of a widget with the pointer (XTest), for widgets
    that expose no AT-SPI action, such as list rows."""
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(extents.x + extents.width // 2,
                               extents.y + extents.height // 2, "b1c")


def keys(*names):
    """Press keys as the user would, e.g. keys("ctrl+t") or keys("Left")."""
    subprocess.run(["xdotool", "key", "--delay", "80", *names], check=True)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "30", text], check=True)


def set_text(node, text):
    """Replace the text of an editable field."""
    editable = node.get_editable_text_iface() if hasattr(node, "get_editable_text_iface") else node
    return editable.set_text_contents(text)


def text_of(node):
    try:
        return node.get_text(0, node.get_character_count())
    except Exception:
        return safe_name(node)


def is_focused(node):
    """Whether a widget has the keyboard focus."""
    return node is not None and node.get_state_set().contains(Atspi.StateType.FOCUSED)


def is_expanded(node):
    """Whether a menu button's menu (or an expander) is open. GTK 4.8 does
    not report SHOWING, so this is how a test sees a popover."""
    return node is not None and node.get_state_set().contains(Atspi.StateType.EXPANDED)


def is_enabled(node):
    """Whether a widget is sensitive (GTK 4.8 reports SENSITIVE, not ENABLED)."""
    return node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def focus_window(title):
    """Give the X input focus to the window titled @title. There is no
    window manager here to hand it back when a dialog closes."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                           capture_output=True, text=True).stdout.split()
    if found:
        subprocess.run(["xdotool", "windowfocus", "--sync", found[0]], check=False)


class Simulator:
    """The simulated PBX in its own process (tests/ui/ui-simulator)."""

    def __init__(self, binary, args=()):
        self.process = subprocess.Popen([binary, *args], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.uri = self.process.stdout.readline().strip()

    def command(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().rstrip("\n")

    def file_bytes(self, name, scratch):
        path = os.path.join(scratch, "expected-" + os.path.basename(name))
        if self.command(f"dump {name} {path}") != "ok":
            return None
        with open(path, "rb") as f:
            return f.read()

    def close_window(self, window, timeout=15):
        """Close @window as its close button does, and wait for the
        application to exit; returns its exit status or None."""
        for i in range(window.get_n_actions()):
            if window.get_action_name(i) == "window.close":
                window.do_action(i)
                break
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.process.poll() is None:
            try:
                self.command("quit")
                self.process.wait(timeout=10)
            except Exception:
                self.process.kill()
                self.process.wait()


def button(app, label, root=None):
    """A push button by its visible label; GTK 4.8 names buttons with a
    mnemonic or an explicit accessible name oddly ("_Select Select")."""
    return app.wait_find(role="push button", root=root,
                         predicate=lambda n: n.get_n_actions() > 0 and
                         (safe_name(n) == label or safe_name(n).replace("_", "").startswith(label)))


def write_settings(output, width=760, height=860, extra=()):
    """Write the app's GSettings keyfile (GSETTINGS_BACKEND=keyfile below
    $XDG_CONFIG_HOME): @output as the destination folder the user chose
    last time, the window's size and the @extra lines. Returns its path."""
    settings_dir = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(settings_dir, exist_ok=True)
    keyfile = os.path.join(settings_dir, "keyfile")
    with open(keyfile, "w") as f:
        f.write("[io/github/callreports/CallReports]\n")
        f.write(f"destination-folder='{output}'\n")
        f.write(f"window-width={width}\nwindow-height={height}\n")
        for line in extra:
            f.write(line + "\n")
    return keyfile


SERVER_ADDRESS = "Server Address, e.g. https://192.168.1.150:8088"


def connect_to_simulator(app, uri, remember=False, heading="Extension Call Statistics", timeout=20):
    """Fill in the connection page with @uri and the simulator's demo
    credentials, turn “Remember This PBX” on when @remember (it is off by
    default), press Connect and wait for the report form's @heading (None:
    any heading). Returns that heading, or None when it did not connect."""
    server = app.wait_find(role="text", name=SERVER_ADDRESS, timeout=30)
    if server is None:
        return None
    set_text(server, uri)
    set_text(app.find(role="text", name="Client ID"), "demo")
    set_text(app.find(role="text", name="Client Secret"), "demo-secret")
    if remember:
        switch = app.find(role="check box", name="Remember This PBX")
        if switch is not None and not switch.get_state_set().contains(Atspi.StateType.CHECKED):
            click(switch)
    time.sleep(0.3)
    click(button(app, "Connect"))
    return app.wait_find(role="heading", name=heading, timeout=timeout)


def pick_day_in_calendar(day):
    """Select @day (a datetime.date in the month on show) in an open
    GtkCalendar with the keyboard, as its days expose no action. The first
    arrow key puts the focus on the grid's first cell; weeks start on
    Sunday in the C locale the tests run in."""
    first = day.replace(day=1)
    # Monday is 0 in Python; the grid starts on Sunday, and shows a whole
    # week of the month before when the 1st is a Sunday.
    offset = (first.weekday() + 1) % 7 or 7
    index = offset + day.day - 1
    row, column = divmod(index, 7)
    keys("Right", *(["Down"] * row), *(["Right"] * column), "space")


def find_secrets(paths, secrets):
    """Every (file, secret) pair where a file below @paths contains one of
    @secrets: logs, settings and saved reports must hold no token and no
    Client Secret."""
    hits = []
    for top in paths:
        files = [top] if os.path.isfile(top) else [
            os.path.join(folder, name) for folder, _, names in os.walk(top) for name in names]
        for path in files:
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            hits += [(path, secret) for secret in secrets if secret and secret.encode() in data]
    return hits
