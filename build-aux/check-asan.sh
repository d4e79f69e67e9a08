#!/usr/bin/env bash
# check-asan.sh [BUILD_DIR]
#
# Builds the project with AddressSanitizer and UndefinedBehaviorSanitizer
# in its own build (default: build-asan) and runs the unit and integration
# suites in it. The first error stops the test with a stack trace. Called
# by build-aux/test.sh; exits non-zero when a test fails.
set -eu
cd "$(dirname "$0")/.."
build_dir=${1:-build-asan}

if [ ! -f "$build_dir/build.ninja" ]; then
  # b_lundef=false: the sanitizer runtimes are linked into the programs,
  # not into the static libraries.
  meson setup "$build_dir" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dui_tests=disabled >&2
fi
ninja -C "$build_dir" >&2

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# fast_unwind_on_malloc=0: Debian's GLib has no frame pointers, so only
# the slow unwinder sees the GIO frames build-aux/lsan.supp names.
# G_SLICE=always-malloc: every GSlice block is a malloc LeakSanitizer sees
# (GSlice's magazines would keep leaked objects reachable).
export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
export G_SLICE=always-malloc

# LeakSanitizer of GCC 12 and clang 14 crashes ("Tracer caught signal 11")
# while it scans the dynamic TLS of threads on Debian 12's glibc 2.36 once
# the GnuTLS backend of glib-networking is loaded (it is dlopen()ed and has
# thread-local variables). The tests that use https therefore run without
# leak detection here; check-valgrind.sh checks them for leaks. In
# test-cli-tls that is also the call-reports binary it runs, which
# inherits ASAN_OPTIONS.
tls_tests="test-simulator test-tls test-cli-tls test-cli-sets-tls"

all=$(meson test -C "$build_dir" --list --suite unit --suite integration 2>/dev/null \
        | sed -n 's|^call-reports:[a-z]* / ||p')
plain=$(echo "$all" | grep -vxE "${tls_tests// /|}" || true)

status=0
# shellcheck disable=SC2086 # one word per test name
meson test -C "$build_dir" --no-rebuild --print-errorlogs --num-processes 2 \
  --timeout-multiplier 3 $plain || status=$?
# shellcheck disable=SC2086
ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 \
  meson test -C "$build_dir" --no-rebuild --print-errorlogs --num-processes 2 \
  --timeout-multiplier 3 $tls_tests || status=$?
exit $status
