#!/usr/bin/env bash
# test.sh [SUITE…]
#
# The README's second command: sets up and builds the project (see
# setup.sh), then runs every test suite (unit, integration, ui, data), or
# only the suites named. Exits non-zero when any test fails.
set -eu
cd "$(dirname "$0")/.."
build-aux/setup.sh build

suites=()
for suite in "$@"; do suites+=(--suite "$suite"); done

status=0
meson test -C build --print-errorlogs --num-processes 2 "${suites[@]}" || status=$?

# One plain closing line that any reader of the log understands.
log=build/meson-logs/testlog.json
if [ -f "$log" ]; then
  jq -rs '
    def count(r): map(select(.result == r)) | length;
    "tests: \(count("OK") + count("EXPECTEDFAIL")) passed, \(count("FAIL") + count("UNEXPECTEDPASS") + count("TIMEOUT") + count("ERROR")) failed, \(count("SKIP")) skipped"
  ' "$log"
fi
exit $status
