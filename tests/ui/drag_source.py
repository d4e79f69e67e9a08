#!/usr/bin/python3
# A drag source in a process of its own, as a file manager is: a small
# GTK 4 window whose label, dragged, offers FILE as text/uri-list (what
# Nautilus offers) over the X display's drag and drop (XDND). It prints
# "ready" once its window is mapped and runs until killed.
#
# usage: drag_source.py FILE

import sys

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, Gio, GLib, Gtk  # noqa: E402


def main():
    uri = Gio.File.new_for_path(sys.argv[1]).get_uri()
    Gtk.init()
    loop = GLib.MainLoop()
    window = Gtk.Window(title="Drag Source", default_width=200, default_height=100)
    label = Gtk.Label(label="Drag me", hexpand=True, vexpand=True)
    window.set_child(label)

    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)
    content = Gdk.ContentProvider.new_for_bytes("text/uri-list", GLib.Bytes.new((uri + "\r\n").encode()))
    source.connect("prepare", lambda *args: content)
    source.connect("drag-end", lambda src, drag, delete: print("drag-end", flush=True))
    label.add_controller(source)

    def mapped(widget):
        GLib.timeout_add(200, lambda: print("ready", flush=True) and False)
    window.connect("map", mapped)
    window.connect("close-request", lambda w: loop.quit() or False)
    window.present()
    loop.run()


if __name__ == "__main__":
    main()
