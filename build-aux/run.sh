#!/usr/bin/env bash
# run.sh [ARGUMENT…]
#
# The README's first command: sets up and builds the project (see
# setup.sh), then starts Call Reports from the build tree. With no
# argument and no saved PBX it opens the built-in demo PBX, so that a
# first run shows the whole app.
set -eu
cd "$(dirname "$0")/.."
build-aux/setup.sh build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"

if [ $# -eq 0 ]; then
  servers=$(gsettings get io.github.callreports.CallReports servers 2>/dev/null || echo "[]")
  case "$servers" in
    *"[]"*) set -- --demo ;;
  esac
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: Call Reports is built; its window needs a graphical session (no DISPLAY or WAYLAND_DISPLAY)." >&2
  echo "run: the command line works here: build/src/call-reports --help" >&2
  exit 1
fi

# Started from a plain root shell there may be no session bus; GSettings,
# the keyring and accessibility need one.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- build/src/call-reports "$@"
fi

exec build/src/call-reports "$@"
