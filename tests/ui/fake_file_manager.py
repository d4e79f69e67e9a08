#!/usr/bin/python3
# A stand-in for the file manager's D-Bus interface on the test's private
# session bus: it owns org.freedesktop.FileManager1 and writes each call
# it gets, one a line ("ShowItems file:///…"), to the file named by its
# argument. It prints "ready" once it owns the name and runs until killed.
#
# usage: fake_file_manager.py CALLS_FILE

import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

INTERFACE = """
<node>
  <interface name="org.freedesktop.FileManager1">
    <method name="ShowFolders"><arg type="as" direction="in"/><arg type="s" direction="in"/></method>
    <method name="ShowItems"><arg type="as" direction="in"/><arg type="s" direction="in"/></method>
    <method name="ShowItemProperties"><arg type="as" direction="in"/><arg type="s" direction="in"/></method>
  </interface>
</node>
"""


def main():
    calls = sys.argv[1]
    loop = GLib.MainLoop()
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]

    def on_call(connection, sender, path, interface, method, parameters, invocation):
        uris, _startup_id = parameters.unpack()
        with open(calls, "a", encoding="utf-8") as f:
            for uri in uris:
                f.write(f"{method} {uri}\n")
        invocation.return_value(None)

    def on_bus(connection, name):
        connection.register_object("/org/freedesktop/FileManager1", info, on_call, None, None)

    def on_name(connection, name):
        print("ready", flush=True)

    def on_lost(connection, name):
        print("could not own org.freedesktop.FileManager1", file=sys.stderr, flush=True)
        loop.quit()

    Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.FileManager1", Gio.BusNameOwnerFlags.NONE,
                     on_bus, on_name, on_lost)
    loop.run()


if __name__ == "__main__":
    main()
