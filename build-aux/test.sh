#!/usr/bin/env bash
# test.sh [SUITE…]
#
# The README's second command: sets up and builds the project (see
# setup.sh), then runs every test suite (unit, integration, ui, data) and
# the memory and fuzz checks (check-asan.sh, check-valgrind.sh,
# check-fuzz.sh), or only the suites named. Exits non-zero when any test
# fails.
set -eu
cd "$(dirname "$0")/.."
build-aux/setup.sh build

suites=()
for suite in "$@"; do suites+=(--suite "$suite"); done

status=0
meson test -C build --print-errorlogs --num-processes 2 "${suites[@]}" || status=$?

# The whole run (no suite named) also runs the memory and fuzz checks,
# each in its own build directory: ASan+UBSan, valgrind memcheck and the
# libFuzzer targets (see docs/testing.md).
memory_status=0
if [ $# = 0 ]; then
  for check in check-asan.sh check-valgrind.sh check-fuzz.sh; do
    start=$SECONDS
    echo "test: build-aux/$check" >&2
    build-aux/$check || { memory_status=1; echo "test: build-aux/$check FAILED" >&2; }
    echo "test: build-aux/$check took $((SECONDS - start)) s" >&2
  done
fi

# One plain closing line that any reader of the log understands.
log=build/meson-logs/testlog.json
if [ -f "$log" ]; then
  jq -rs '
    def count(r): map(select(.result == r)) | length;
    "tests: \(count("OK") + count("EXPECTEDFAIL")) passed, \(count("FAIL") + count("UNEXPECTEDPASS") + count("TIMEOUT") + count("ERROR")) failed, \(count("SKIP")) skipped"
  ' "$log"
fi
[ $memory_status = 0 ] || { echo "tests: a memory or fuzz check failed (see above)"; status=1; }
exit $status
