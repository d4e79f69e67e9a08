#!/usr/bin/env bash
# setup.sh [BUILD_DIR]
#
# Installs the Debian 12 packages the build and the tests need (only those
# missing; apt as root, or through sudo), then configures and builds the
# project in BUILD_DIR (default: build). Used by run.sh and test.sh.
set -eu
cd "$(dirname "$0")/.."
build_dir=${1:-build}

packages=(
  # build
  meson ninja-build pkg-config gcc gettext libxml2-utils git
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  # the Background portal, for schedules inside Flatpak (-Dportal, optional)
  libportal-dev
  # run: TLS for https PBXs, icons
  glib-networking adwaita-icon-theme
  # man page and shell completions: built, checked and tried in each shell
  scdoc man-db bash-completion zsh fish
  # data checks
  appstream desktop-file-utils jq uncrustify
  # tests: a private X and D-Bus session, AT-SPI, screenshots, keyring, certificates
  xvfb xauth dbus dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0 gir1.2-gtk-4.0
  xdotool imagemagick gnome-keyring libsecret-tools openssl
  # tests: systemd-analyze verify of the timer units `set schedule` writes
  systemd
  # run.sh and its test: locale sources for localedef; a CJK font for
  # screenshots in Chinese
  locales fonts-wqy-microhei
  # memory and fuzz checks (test.sh): valgrind, clang with libFuzzer and ASan
  valgrind clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  # -Werror: the build must stay free of warnings (the project's warning
  # list is in meson.build).
  # -Dui_tests=enabled: CI runs every suite; a missing program of the UI
  # tests is an error here, not a silently skipped suite.
  meson setup "$build_dir" -Ddevelopment=true -Dui_tests=enabled --werror >&2
fi
ninja -C "$build_dir" >&2
