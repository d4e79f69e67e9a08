# atspi_driver.py — drive the real Call Reports window over AT-SPI, as a
# user with a screen reader or a keyboard would, and report in TAP.
#
# Run with Debian's /usr/bin/python3 (it has gi, Atspi) inside
# build-aux/ci-session.sh, which gives a private display and bus.

import os
import subprocess
import sys
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


class App:
    """The application under test, started from its binary."""

    def __init__(self, binary, args=(), env=None, name="call-reports"):
        self.name = name
        full_env = dict(os.environ)
        if env:
            full_env.update(env)
        self.process = subprocess.Popen([binary, *args], env=full_env)
        self.node = wait_for(self._find_app, timeout=30)

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
