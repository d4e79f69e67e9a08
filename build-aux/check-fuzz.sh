#!/usr/bin/env bash
# check-fuzz.sh [--corpus] [BUILD_DIR]
#
# Builds the libFuzzer targets of tests/fuzz with clang, AddressSanitizer
# and UBSan in their own build (default: build-fuzz) and runs the fuzz
# suite: each target a fixed number of runs over its seed corpus. With
# --corpus, first rewrites tests/fuzz/corpus/ from the simulator's replies.
# Called by build-aux/test.sh; exits non-zero when a target fails.
set -eu
cd "$(dirname "$0")/.."

corpus=0
if [ "${1:-}" = --corpus ]; then corpus=1; shift; fi
build_dir=${1:-build-fuzz}

command -v clang >/dev/null || { echo "check-fuzz: clang is not installed" >&2; exit 1; }

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dui_tests=disabled -Dfuzzing=enabled >&2
fi

targets=$(cd tests/fuzz && ls fuzz-*.c | sed 's/\.c$//')
# Only what the fuzz suite needs, not the app.
ninja -C "$build_dir" $(for t in $targets; do echo "tests/fuzz/$t"; done) >&2

if [ $corpus = 1 ]; then
  ninja -C "$build_dir" tests/fuzz/make-corpus >&2
  rm -rf tests/fuzz/corpus
  ASAN_OPTIONS=detect_leaks=0 "$build_dir/tests/fuzz/make-corpus" tests/fuzz/corpus
fi

meson test -C "$build_dir" --no-rebuild --print-errorlogs --num-processes 2 --suite fuzz
