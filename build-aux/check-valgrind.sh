#!/usr/bin/env bash
# check-valgrind.sh [BUILD_DIR]
#
# Runs the unit and integration suites under valgrind memcheck in their
# own build (default: build-valgrind): any invalid read or write, use of
# uninitialised memory or definite leak fails the test. Known leaks of
# libraries, each explained, are in build-aux/valgrind.supp. Called by
# build-aux/test.sh; exits non-zero when a test fails.
set -eu
cd "$(dirname "$0")/.."
build_dir=${1:-build-valgrind}

command -v valgrind >/dev/null || { echo "check-valgrind: valgrind is not installed" >&2; exit 1; }

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" -Dui_tests=disabled >&2
fi
ninja -C "$build_dir" >&2

# G_SLICE=always-malloc: every GSlice block is a malloc valgrind can track.
# G_DEBUG=gc-friendly: freed memory is cleared, so stale pointers in freed
# blocks do not hide leaks.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
wrapper="valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite"
wrapper+=" --errors-for-leak-kinds=definite --track-origins=no --num-callers=30"
wrapper+=" --suppressions=$PWD/build-aux/valgrind.supp"

# test-cli runs the real call-reports binary in child processes; valgrind
# follows the test program only (the binary's own code is the same
# libyeastar the other tests cover). test-cli-keyring needs a private
# desktop session and is left to the normal run.
# Valgrind runs code about 20 to 50 times slower: the timeouts are
# multiplied by 10.
tests=$(meson test -C "$build_dir" --list --suite unit --suite integration 2>/dev/null \
          | sed -n 's|^call-reports:[a-z]* / ||p' | grep -v '^test-cli-keyring$')
# shellcheck disable=SC2086 # one word per test name
meson test -C "$build_dir" --no-rebuild --print-errorlogs --num-processes 2 \
  --timeout-multiplier 10 --wrapper "$wrapper" $tests
