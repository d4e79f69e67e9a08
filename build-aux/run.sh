#!/usr/bin/env bash
# run.sh [ARGUMENT…]
#
# The README's first command: sets up and builds the project (see
# setup.sh), then starts Call Reports from the build tree. With no
# argument and no saved PBX it opens the built-in demo PBX, so that a
# first run shows the whole app.
#
# The build tree stands in for the install prefix: the window is
# translated after LANGUAGE/LANG (the catalogues meson compiles into
# build/po; a locale glibc lacks is compiled into build/locale), and the
# application icon is found (build/share/icons, on XDG_DATA_DIRS).
# CALL_REPORTS_BUILD_DIR names another build directory (default: build).
set -eu
cd "$(dirname "$0")/.."
build=${CALL_REPORTS_BUILD_DIR:-build}
build-aux/setup.sh "$build"
build=$(cd "$build" && pwd)

export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"

# Translations. Development builds read CALL_REPORTS_LOCALEDIR (src/main.c).
export CALL_REPORTS_LOCALEDIR="$build/po"
# gettext translates only under a real locale: with LANG=C (or unset)
# and LANGUAGE=de, the locale comes from LANGUAGE's first language.
locale_name=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
case "$locale_name" in
  "" | C | C.* | POSIX)
    first=${LANGUAGE:-}
    first=${first%%:*}
    first=${first%%.*}
    case "$first" in
      "" | C | POSIX) locale_name="" ;;
      *_*) locale_name="$first.UTF-8" ;;
      *) locale_name="${first}_$(echo "$first" | tr '[:lower:]' '[:upper:]').UTF-8" ;;
    esac
    if [ -n "$locale_name" ]; then
      export LC_ALL="$locale_name"
    fi
    ;;
esac
if [ -n "$locale_name" ] && ! LC_ALL="$locale_name" locale 2>&1 | grep -q "Cannot set"; then
  : # installed
elif [ -n "$locale_name" ] && command -v localedef >/dev/null; then
  mkdir -p "$build/locale"
  if [ ! -d "$build/locale/$locale_name" ]; then
    localedef -i "${locale_name%%.*}" -f UTF-8 "$build/locale/$locale_name" 2>/dev/null ||
      echo "run: no locale $locale_name (install Debian's locales package); the window stays in English" >&2
  fi
  [ -d "$build/locale/$locale_name" ] && export LOCPATH="$build/locale"
fi

# The application icon under the name the build uses (…CallReports or,
# in development builds, …CallReports.Devel), in a hicolor layout.
for size in scalable symbolic; do
  mkdir -p "$build/share/icons/hicolor/$size/apps"
done
for id in io.github.callreports.CallReports io.github.callreports.CallReports.Devel; do
  ln -sf "$PWD/data/icons/io.github.callreports.CallReports.svg" "$build/share/icons/hicolor/scalable/apps/$id.svg"
  ln -sf "$PWD/data/icons/io.github.callreports.CallReports-symbolic.svg" \
    "$build/share/icons/hicolor/symbolic/apps/$id-symbolic.svg"
done
export XDG_DATA_DIRS="$build/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

if [ $# -eq 0 ]; then
  servers=$(gsettings get io.github.callreports.CallReports servers 2>/dev/null || echo "[]")
  case "$servers" in
    *"[]"*) set -- --demo ;;
  esac
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: Call Reports is built; its window needs a graphical session (no DISPLAY or WAYLAND_DISPLAY)." >&2
  echo "run: the command line works here: $build/src/call-reports --help" >&2
  exit 1
fi

# Started from a plain root shell there may be no session bus; GSettings,
# the keyring and accessibility need one.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- "$build/src/call-reports" "$@"
fi

exec "$build/src/call-reports" "$@"
