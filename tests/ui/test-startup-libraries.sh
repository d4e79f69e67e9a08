#!/usr/bin/env bash
# test-startup-libraries.sh CALL_REPORTS
#
# Run in build-aux/ci-session.sh: the app started with no PBX remembered
# draws its first frame (the connection page) without having loaded the
# network module or any of the libraries it brings (libsoup, libsecret,
# libportal, json-glib), which cost start-up about 26 M instructions, and
# json-glib another 1.6 M (docs/benchmarks.md). src/ui/reports-bench.c prints them from
# /proc/self/maps with CALL_REPORTS_BENCH_MAPS=1.
set -u
app=$1
echo "1..1"
out=$(CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1 CALL_REPORTS_BENCH_MAPS=1 "$app" 2>&1)
status=$?
if [ "$status" -ne 0 ] || ! grep -q '^first-frame-us ' <<<"$out" || ! grep -qx 'maps read' <<<"$out"; then
  echo "not ok 1 - the first frame with its libraries (exit status $status)"
  sed 's/^/# /' <<<"$out"
elif grep -q '^loaded ' <<<"$out"; then
  echo "not ok 1 - network libraries loaded before the first frame"
  grep '^loaded ' <<<"$out" | sed 's/^/# /'
else
  echo "ok 1 - no network library loaded before the first frame"
fi
