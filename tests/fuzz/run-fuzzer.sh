#!/usr/bin/env bash
# run-fuzzer.sh FUZZER SEED_DIR OUT_DIR RUNS
#
# One fuzz test: RUNS inputs (at most 120 s) starting from the seeds. New
# interesting inputs go to OUT_DIR/corpus and a crashing input to
# OUT_DIR/crash-*, never into the committed seeds. Exits non-zero on a
# crash, a leak, a sanitizer report or an assertion.
set -eu
fuzzer=$1 seeds=$2 out=$3 runs=$4

rm -rf "$out"
mkdir -p "$out/corpus"
exec "$fuzzer" -runs="$runs" -max_total_time=120 -max_len=65536 -rss_limit_mb=2048 \
  -timeout=10 -error_exitcode=1 -timeout_exitcode=1 -print_final_stats=1 -artifact_prefix="$out/" "$out/corpus" "$seeds"
