#!/usr/bin/env bash
# ci-session.sh [--keyring] -- COMMAND…
#
# Runs COMMAND in a throw-away desktop session: its own Xvfb display, a
# private D-Bus session bus that can activate only the accessibility bus
# (so no portal or keyring is D-Bus-activated behind our back), isolated
# HOME and XDG directories, GDK_BACKEND=x11 and the cairo renderer.
# With --keyring, a gnome-keyring-daemon is started and unlocked in it.
# Everything it starts is stopped when COMMAND ends; its exit status is
# COMMAND's.
set -u

keyring=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keyring) keyring=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--keyring] -- COMMAND…" >&2; exit 2; }

T=$(mktemp -d /tmp/call-reports-session.XXXXXX)
mkdir -p "$T/home" "$T/run" "$T/services"
chmod 700 "$T/run"
for service in /usr/share/dbus-1/services/org.a11y.Bus.service; do
  [ -f "$service" ] && cp "$service" "$T/services/"
done
cat > "$T/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$T</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$T/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

export HOME="$T/home" XDG_RUNTIME_DIR="$T/run"
export XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export XDG_CACHE_HOME="$T/home/.cache" XDG_DOWNLOAD_DIR="$T/home/Downloads" XDG_STATE_HOME="$T/home/.local/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_DOWNLOAD_DIR"
export GDK_BACKEND=x11 GSK_RENDERER="${GSK_RENDERER:-cairo}"
unset WAYLAND_DISPLAY

xpid=""
dpid=""
cleanup() {
  [ -n "$dpid" ] && kill "$dpid" 2>/dev/null
  if [ -n "$xpid" ]; then
    kill "$xpid" 2>/dev/null
    wait "$xpid" 2>/dev/null
  fi
  rm -rf "$T"
}
trap cleanup EXIT

exec 9<> <(:)
Xvfb -displayfd 9 -screen 0 1280x900x24 -nolisten tcp -noreset >"$T/xvfb.log" 2>&1 &
xpid=$!
if ! read -r -t 20 display_number <&9; then
  echo "ci-session: Xvfb did not start:" >&2
  cat "$T/xvfb.log" >&2
  exit 1
fi
exec 9<&-
export DISPLAY=":$display_number"

dbus-daemon --config-file="$T/session.conf" --fork --print-address=3 --print-pid=4 \
  3>"$T/address" 4>"$T/pid" 2>"$T/dbus.log"
dpid=$(cat "$T/pid")
DBUS_SESSION_BUS_ADDRESS=$(cat "$T/address")
export DBUS_SESSION_BUS_ADDRESS

if [ "$keyring" = 1 ]; then
  eval "$(printf 'ci-password' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  # The daemon answers before its Secret Service is on the bus, and this
  # bus cannot start one: wait until the name has an owner (at most 10 s).
  for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
      break
    fi
    sleep 0.1
  done
fi

"$@"
