#!/usr/bin/env bash
# bench.sh [--runs N] [--big-runs N] [--startup-runs N] [--report-rows N] [--only report]
#
# The performance benchmark of issue #7. Builds build-bench with
# --buildtype=release, runs each case N times (default 5; 3 for the 1 GiB
# downloads; start-up, which is cheap and the noisiest on a shared
# machine, 3×N), and prints a table: the case, its median, min–max, the
# median of its reference measured in the same run, the ratio, the goal,
# and pass or miss. Not part of `meson test`; `meson compile -C build
# bench` runs it too.
#
#   download    a 1 GiB report from the simulator (tests/bench/bench-server,
#               its own process on 127.0.0.1) saved by `call-reports
#               download` against `curl -o` of a link to the same size from
#               the same server; runs alternate. Goal: at least 0.95 of
#               curl's throughput. The call-reports time includes its
#               whole run (login, system/information, the report request,
#               the file, del_token); curl's only the file.
#   memory      peak RSS (GNU time) of `call-reports download` for 10 MiB
#               and 1 GiB. Goal: the larger at most 16 MiB more.
#   start-up    launch to the end of the first painted frame of the window
#               (CALL_REPORTS_EXIT_AFTER_FIRST_FRAME, src/ui/reports-bench.c),
#               on its connection page, against a minimal libadwaita window
#               (tests/bench/bench-minimal-window.c) measured the same way;
#               both in build-aux/ci-session.sh (Xvfb, cairo). Goal: 1.3×.
#               Also, once each, the instructions the main thread runs to
#               that frame (valgrind's callgrind), which unlike the time
#               does not depend on the machine's other load. Goal: 1.2×.
#   selector    tests/bench/bench-selector.c: loading 20,000 extensions
#               (request and parsing, and the longest the main loop was
#               kept from running meanwhile), and per keystroke in the ID
#               selector typing "alice ma" and deleting it, N times: the
#               median keystroke, and the slowest keystroke of each round
#               (their median, and min–max). Goal: 8 ms.
#   requests    what one report costs the PBX with a valid token. Goal: 2.
#   report set  `call-reports run` of a set of all 22 types on one PBX
#               against the same 22 reports by `call-reports download` one
#               after another; runs alternate. Goal: the set in at most
#               0.4× the time, with exactly one get_token and one
#               del_token per run. Also, without a goal, the same with each
#               report prepared by the PBX in the background (--async) for
#               200 ms (bench-server's delay), as a real PBX takes: one
#               token prepares one report at a time (event 30027 names no
#               request), so that time is the set's floor.
#   report      a report file of --report-rows rows (default 1,000,000, about
#               140 MB; tests/bench/bench-report-gen.c) read completely by
#               YeastarReportFile (tests/bench/bench-report-parse.c) against
#               pandas.read_csv of Debian's python3-pandas on the same file
#               (skiprows= its preamble, so that both parse the same table);
#               runs alternate, each timing its parse alone in-process.
#               Goals: 2× pandas's throughput; peak RSS (GNU time) at most
#               1.5× the file's size and at most pandas's; sorting the rows
#               by a duration column (yeastar_report_table_sort()) < 1 s.
#               The CPU time of both parses is shown too, as the wall time
#               on a shared machine depends on its other load.
#               Then the viewer on the same file (tests/bench/bench-viewer.c,
#               in build-aux/ci-session.sh): the first screen of rows after
#               the file is chosen in the running app, its main window
#               shown (app.open-report; goal < 150 ms), and the same with
#               the viewer as a new process's first window (--cold:
#               `call-reports FILE` with no instance running, its ::open
#               to the frame; fonts, icon theme and CSS set-up in it; the
#               accessibility bus already running, as in a desktop
#               session), all rows read, a sort by
#               a number column to its frame (< 1 s), 60 scroll frames of a
#               page each (< 16 ms), the longest the main loop stood still
#               from the first screen to the chart's data made from every
#               row (< 16 ms: the window never freezes while the rest of
#               the rows stream in), and a 10,000-bar chart's first frame
#               (< 16 ms) as the user comes to it: its data set while
#               the table is shown, then the Chart tab chosen 100 ms later
#               (Alt+2); also, without a goal, the same chart set in a new
#               window already drawn (BENCH_VIEWER_ONLY=chart runs that
#               case alone), and the X server's page faults in the Chart
#               tab's frame (its reading of the frame's MIT-SHM image).
#               Then, without a goal, the same viewer run with
#               GSK_RENDERER=gl (Mesa's llvmpipe under Xvfb): the Chart
#               tab's first frame and the scroll frames (nan if the GL
#               renderer could not be used).
#               `--only report` runs this case alone.
set -eu
cd "$(dirname "$0")/.."
src_dir=$(pwd)
build_dir=build-bench
runs=5
big_runs=3
startup_runs=""
report_rows=1000000
only=all

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --big-runs) big_runs=$2; shift 2 ;;
    --startup-runs) startup_runs=$2; shift 2 ;;
    --report-rows) report_rows=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--big-runs N] [--startup-runs N] [--report-rows N] [--only report]" >&2; exit 2 ;;
  esac
done
case "$only" in
  all|report) ;;
  *) echo "bench: --only takes \"report\"" >&2; exit 2 ;;
esac
startup_runs=${startup_runs:-$((3 * runs))}

# What the benchmark needs besides the build's packages (build-aux/setup.sh).
packages=(
  meson ninja-build pkg-config gcc libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev glib-networking
  xvfb xauth dbus python3 curl time valgrind python3-pandas
)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "bench: run as root or install sudo" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" --buildtype=release -Dbench=true >&2
else
  meson configure "$build_dir" -Dbuildtype=release -Dbench=true >&2
fi
ninja -C "$build_dir" src/call-reports src/call-reports-network.so data/gschemas.compiled tests/bench/bench-server \
  tests/bench/bench-minimal-window tests/bench/bench-selector \
  tests/bench/bench-report-gen tests/bench/bench-report-parse tests/bench/bench-viewer >&2

app="$src_dir/$build_dir/src/call-reports"
bench="$src_dir/$build_dir/tests/bench"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$src_dir/$build_dir/data"
export GIO_USE_PROXY_RESOLVER=dummy GIO_USE_VFS=local LC_ALL=C.UTF-8
export CALL_REPORTS_CLIENT_SECRET=demo-secret
unset CALL_REPORTS_EXIT_AFTER_FIRST_FRAME

work=$(mktemp -d "$src_dir/$build_dir/bench.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Statistics of the numbers in a file, one a line: "median min max".
stats() {
  sort -g "$1" | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    print m, v[1], v[NR] }'
}

rows=()
# row CASE UNIT VALUES_FILE REF_FILE|- GOAL_TEXT PASS_EXPR(awk on m, r)|- (no goal).
# The "ratio" of a MiB row is its difference from the reference.
row() {
  local name=$1 unit=$2 values=$3 ref=$4 goal=$5 test=$6
  local m lo hi rm=nan ratio="—" result
  read -r m lo hi < <(stats "$values")
  [ "$ref" != - ] && read -r rm _ _ < <(stats "$ref")
  result="—"
  [ "$test" != - ] && result=$(awk -v m="$m" -v r="$rm" "BEGIN { print (($test) ? \"pass\" : \"miss\") }")
  if [ "$ref" != - ] && [ "$unit" = MiB ]; then
    ratio=$(awk -v m="$m" -v r="$rm" 'BEGIN { printf "%+.2f MiB", m - r }')
    rm=$(printf "%.4g %s" "$rm" "$unit")
  elif [ "$ref" != - ]; then
    ratio=$(awk -v m="$m" -v r="$rm" 'BEGIN { printf "%.2f", m / r }')
    rm=$(printf "%.4g %s" "$rm" "$unit")
  else
    rm="—"
  fi
  rows+=("$(printf '%s|%.4g %s|%.4g–%.4g|%s|%s|%s|%s' "$name" "$m" "$unit" "$lo" "$hi" "$rm" "$ratio" "$goal" "$result")")
}
inforow() {
  local name=$1 unit=$2 values=$3 m lo hi
  read -r m lo hi < <(stats "$values")
  rows+=("$(printf '%s|%.4g %s|%.4g–%.4g|—|—|—|—' "$name" "$m" "$unit" "$lo" "$hi")")
}

# The report file ------------------------------------------------------------
report_case() {
  local file="$work/report.csv" size n i
  # The lines before the header, as bench-report-gen.c writes them.
  local preamble=4

  echo "bench: report file, $report_rows rows (×$runs)" >&2
  "$bench/bench-report-gen" "$report_rows" "$file"
  size=$(stat -c %s "$file")
  echo "$size" | awk '{ print $1 / 1e6 }' > "$work/report-mb"
  # Both read it from the page cache.
  cat "$file" > /dev/null

  for i in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%M" "$bench/bench-report-parse" "$file" > "$work/ours"
    n=$(sed -n 's/^rows \([0-9]*\) .*/\1/p' "$work/ours")
    [ "$n" = "$report_rows" ] || { echo "bench: read $n rows of $report_rows" >&2; exit 1; }
    awk -v s="$size" '/^parse-us / { print s / $2 }' "$work/ours" >> "$work/ours-mbs"
    awk '/^parse-cpu-us / { print $2 / 1e6 }' "$work/ours" >> "$work/ours-cpu"
    awk '{ print $1 * 1024 / 1e6 }' "$work/time" >> "$work/ours-rss"

    /usr/bin/time -o "$work/time" -f "%M" /usr/bin/python3 -c 'import sys, time
import pandas
t0 = time.monotonic()
c0 = time.process_time()
frame = pandas.read_csv(sys.argv[1], skiprows=int(sys.argv[2]))
print("parse-us", int((time.monotonic() - t0) * 1e6))
print("parse-cpu-us", int((time.process_time() - c0) * 1e6))
print("rows", len(frame))' "$file" "$preamble" > "$work/pandas"
    # pandas counts the Total row as a row.
    n=$(sed -n 's/^rows //p' "$work/pandas")
    [ "$n" = "$((report_rows + 1))" ] || { echo "bench: pandas read $n rows" >&2; exit 1; }
    awk -v s="$size" '/^parse-us / { print s / $2 }' "$work/pandas" >> "$work/pandas-mbs"
    awk '/^parse-cpu-us / { print $2 / 1e6 }' "$work/pandas" >> "$work/pandas-cpu"
    awk '{ print $1 * 1024 / 1e6 }' "$work/time" >> "$work/pandas-rss"

    # Column 10: Talking Time, a duration.
    "$bench/bench-report-parse" "$file" 10 > "$work/sort"
    awk '/^sort-us / { print $2 / 1000 }' "$work/sort" >> "$work/sort-ms"
    awk '/^sort-cpu-us / { print $2 / 1000 }' "$work/sort" >> "$work/sort-cpu-ms"
  done
  for _ in $(seq "$runs"); do cat "$work/report-mb"; done > "$work/report-mbs"

  row "report file: parse throughput vs pandas.read_csv" "MB/s" "$work/ours-mbs" "$work/pandas-mbs" "≥ 2× pandas" "m / r >= 2"
  row "report file: parse CPU time vs pandas.read_csv" "s" "$work/ours-cpu" "$work/pandas-cpu" "—" -
  row "report file: peak RSS of the parse vs the file's size" "MB" "$work/ours-rss" "$work/report-mbs" "≤ 1.5× the file" "m / r <= 1.5"
  row "report file: peak RSS of the parse vs pandas.read_csv" "MB" "$work/ours-rss" "$work/pandas-rss" "≤ pandas" "m / r <= 1"
  row "report file: sort $report_rows rows by a duration" "ms" "$work/sort-ms" - "< 1000 ms" "m < 1000"
  inforow "report file: the sort's CPU time" "ms" "$work/sort-cpu-ms"

  # The viewer on the same file, in a private X session (Xvfb, cairo):
  # tests/bench/bench-viewer.c.
  echo "bench: report viewer (×$runs)" >&2
  for i in $(seq "$runs"); do
    build-aux/ci-session.sh -- "$bench/bench-viewer" "$file" > "$work/viewer" 2>/dev/null || true
    awk '/^first-screen-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-first-ms"
    # The first screen alone in a process of its own: no other window before.
    BENCH_VIEWER_STOP=first-screen build-aux/ci-session.sh -- "$bench/bench-viewer" --cold "$file" \
      > "$work/viewer-cold" 2>/dev/null || true
    awk '/^first-screen-us / { print $2 / 1000 }' "$work/viewer-cold" >> "$work/viewer-cold-ms"
    awk '/^first-screen-cpu-us / { print $2 / 1000 }' "$work/viewer-cold" >> "$work/viewer-cold-cpu-ms"
    awk '/^first-screen-from-load-us / { print $2 / 1000 }' "$work/viewer-cold" >> "$work/viewer-cold-load-ms"
    awk '/^load-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-load-ms"
    awk '/^sort-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-sort-ms"
    awk '/^scroll-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-scroll-ms"
    awk '/^scroll-us / { if ($2 > w) w = $2 } END { if (NR) print w / 1000 }' "$work/viewer" >> "$work/viewer-scroll-worst-ms"
    awk '/^chart-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-chart-ms"
    awk '/^chart-page-faults / { print $2 }' "$work/viewer" >> "$work/viewer-chart-faults"
    awk '/^chart-window-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-chart-window-ms"
    awk '/^chart-window-page-faults / { print $2 }' "$work/viewer" >> "$work/viewer-chart-window-faults"
    awk '/^load-stall-us / { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-load-stall-ms"
    awk '/^chart-xserver-page-faults / { print $2 }' "$work/viewer" >> "$work/viewer-chart-xserver-faults"
    for what in first-screen sort sort-main scroll chart chart-window; do
      awk -v w="^$what-cpu-us " '$0 ~ w { print $2 / 1000 }' "$work/viewer" >> "$work/viewer-$what-cpu-ms"
    done
    # The same with GTK's GL renderer, GTK 4.8's default where OpenGL
    # works; under Xvfb that is Mesa's llvmpipe (software, in threads of
    # its own). Recorded only if the GL renderer was the one used.
    GSK_RENDERER=gl build-aux/ci-session.sh -- "$bench/bench-viewer" "$file" > "$work/viewer-gl" 2>/dev/null || true
    if grep -q '^renderer GskGLRenderer$' "$work/viewer-gl"; then
      awk '/^chart-us / { print $2 / 1000 }' "$work/viewer-gl" >> "$work/viewer-gl-chart-ms"
      awk '/^chart-cpu-us / { print $2 / 1000 }' "$work/viewer-gl" >> "$work/viewer-gl-chart-cpu-ms"
      awk '/^chart-page-faults / { print $2 }' "$work/viewer-gl" >> "$work/viewer-gl-chart-faults"
      awk '/^scroll-us / { print $2 / 1000 }' "$work/viewer-gl" >> "$work/viewer-gl-scroll-ms"
    fi
  done
  row "viewer: first screen of rows after the file is chosen (app running)" "ms" "$work/viewer-first-ms" - "< 150 ms" "m < 150"
  inforow "viewer: first screen, main thread's CPU time" "ms" "$work/viewer-first-screen-cpu-ms"
  row "viewer: first screen, cold start (call-reports FILE, no instance)" "ms" "$work/viewer-cold-ms" - "< 150 ms" "m < 150"
  inforow "viewer: first screen, cold start, main thread's CPU time" "ms" "$work/viewer-cold-cpu-ms"
  inforow "viewer: first screen, cold start, from the program's load" "ms" "$work/viewer-cold-load-ms"
  inforow "viewer: every row read" "ms" "$work/viewer-load-ms"
  row "viewer: sort by a number column, to its frame" "ms" "$work/viewer-sort-ms" - "< 1000 ms" "m < 1000"
  row "viewer: a scroll frame (a page), all frames" "ms" "$work/viewer-scroll-ms" - "< 16 ms" "m < 16"
  inforow "viewer: the slowest scroll frame of a run" "ms" "$work/viewer-scroll-worst-ms"
  row "viewer: a 10,000-bar chart's first frame (the Chart tab, Alt+2)" "ms" "$work/viewer-chart-ms" - "< 16 ms" "m < 16"
  inforow "viewer: sort, the process's CPU time" "ms" "$work/viewer-sort-cpu-ms"
  inforow "viewer: sort, main thread's CPU time" "ms" "$work/viewer-sort-main-cpu-ms"
  inforow "viewer: a scroll frame, main thread's CPU time" "ms" "$work/viewer-scroll-cpu-ms"
  inforow "viewer: the chart's frame, main thread's CPU time" "ms" "$work/viewer-chart-cpu-ms"
  inforow "viewer: the chart's frame, main thread's page faults" "" "$work/viewer-chart-faults"
  inforow "viewer: the chart's frame, the X server's page faults" "" "$work/viewer-chart-xserver-faults"
  inforow "viewer, GL renderer (llvmpipe): the chart's first frame" "ms" "$work/viewer-gl-chart-ms"
  inforow "viewer, GL renderer (llvmpipe): the same, main thread's CPU" "ms" "$work/viewer-gl-chart-cpu-ms"
  inforow "viewer, GL renderer (llvmpipe): the same, main thread's faults" "" "$work/viewer-gl-chart-faults"
  inforow "viewer, GL renderer (llvmpipe): a scroll frame" "ms" "$work/viewer-gl-scroll-ms"
  inforow "viewer: a 10,000-bar chart set in a new window, its frame" "ms" "$work/viewer-chart-window-ms"
  inforow "viewer: the same, main thread's CPU time" "ms" "$work/viewer-chart-window-cpu-ms"
  inforow "viewer: the same, main thread's page faults" "" "$work/viewer-chart-window-faults"
  row "viewer: longest main-loop stall, first screen to chart data" "ms" "$work/viewer-load-stall-ms" - "< 16 ms" "m < 16"
}

if [ "$only" = all ]; then
# The server ------------------------------------------------------------
coproc server { exec "$bench/bench-server"; }
server_pid=$server_PID
read -r uri <&"${server[0]}"
ask() {
  echo "$1" >&"${server[1]}"
  read -r answer <&"${server[0]}"
  echo "$answer"
}

MiB=$((1024 * 1024))
GiB=$((1024 * MiB))
out="$work/out"
mkdir -p "$out"

now_us() { echo $(($(date +%s%N) / 1000)); }

# One call-reports download of the size set: appends seconds and KiB.
run_cli() {
  local t0 t1
  t0=$(now_us)
  /usr/bin/time -o "$work/time" -f "%M" "$app" download --server "$uri" --client-id demo \
    --type extcallstatistics --ext-id-list 1 --output "$out" --quiet >/dev/null
  t1=$(now_us)
  rm -f "$out"/*
  echo "$(( t1 - t0 ))" >> "$1"
  cat "$work/time" >> "$2"
}

run_curl() {
  local link t0 t1
  link=$(ask link)
  t0=$(now_us)
  /usr/bin/time -o "$work/time" -f "%M" curl -s -f -o "$out/curl.csv" "$link"
  t1=$(now_us)
  rm -f "$out"/*
  echo "$(( t1 - t0 ))" >> "$1"
  cat "$work/time" >> "$2"
}

echo "bench: downloads (1 GiB ×$big_runs, 10 MiB ×$runs)" >&2
ask "size $GiB" >/dev/null
for _ in $(seq "$big_runs"); do
  run_curl "$work/curl-us" "$work/curl-rss"
  run_cli "$work/cli-us" "$work/cli-big-rss"
done
awk -v s=$GiB '{ print s / ($1 / 1e6) / 1048576 }' "$work/curl-us" > "$work/curl-mibs"
awk -v s=$GiB '{ print s / ($1 / 1e6) / 1048576 }' "$work/cli-us" > "$work/cli-mibs"

ask "size $((10 * MiB))" >/dev/null
for _ in $(seq "$runs"); do
  run_cli "$work/cli-small-us" "$work/cli-small-rss"
done
awk '{ print $1 / 1024 }' "$work/cli-small-rss" > "$work/small-mib"
awk '{ print $1 / 1024 }' "$work/cli-big-rss" > "$work/big-mib"
read -r small_rss _ _ < <(stats "$work/small-mib")
awk -v s="$small_rss" '{ print $1 - s }' "$work/big-mib" > "$work/rss-growth"

# What a run of the command line costs the PBX.
before=$(ask total)
ask "size 0" >/dev/null
run_cli "$work/cli-tiny-us" "$work/cli-tiny-rss"
after=$(ask total)
echo $(( after - before )) > "$work/cli-requests"

# Requests per report on a connected client.
requests=$(ask requests)
echo "$requests" | sed -n 's/.*first=\([0-9]*\).*/\1/p' > "$work/first-requests"
echo "$requests" | sed -n 's/.*second=\([0-9]*\).*/\1/p' > "$work/second-requests"
refetched=$(echo "$requests" | awk '{ n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^(info|menu|token)=/) { split ($i, kv, "="); n += kv[2] } print n }')

row "download 1 GiB: call-reports vs curl" "MiB/s" "$work/cli-mibs" "$work/curl-mibs" "≥ 0.95× curl" "m / r >= 0.95"
row "peak RSS, 1 GiB download" "MiB" "$work/big-mib" "$work/small-mib" "≤ +16 MiB over 10 MiB" "m - r <= 16"
inforow "peak RSS, 10 MiB download" "MiB" "$work/small-mib"
awk '{ print $1 / 1024 }' "$work/curl-rss" > "$work/curl-mib"
inforow "curl peak RSS, 1 GiB" "MiB" "$work/curl-mib"
row "requests, 1st report after connecting" "" "$work/first-requests" - "= 2" "m == 2 && $refetched == 0"
row "requests, each later report" "" "$work/second-requests" - "= 2" "m == 2 && $refetched == 0"
inforow "requests per call-reports download run" "" "$work/cli-requests"

# Report sets -----------------------------------------------------------------
echo "bench: a set of 22 types against 22 downloads (×$runs, and ×$runs with 200 ms preparation)" >&2
ask "size 0" >/dev/null
xdg="$work/xdg"
mkdir -p "$xdg"
in_xdg() { XDG_DATA_HOME="$xdg" XDG_STATE_HOME="$xdg" XDG_CONFIG_HOME="$xdg" "$@"; }
# Each type with an ID for each of its required options, last month.
report_args=()
while read -r type; do
  opts=$("$app" types "$type" | awk '$2 == "required" && $1 !~ /^--(time|start-time|end-time)$/ { printf "%s 1 ", $1 }')
  report_args+=("--type $type ${opts}--range last-month")
done < <("$app" types | awk -F '\t' 'NF > 1 { print $1 }')
for set in bench bench-async; do
  in_xdg "$app" set create "$set" --server "$uri" --client-id demo --output "$out" >/dev/null
  for args in "${report_args[@]}"; do
    # shellcheck disable=SC2086 # the options are words
    in_xdg "$app" set add "$set" $args $([ "$set" = bench-async ] && echo --async)
  done
done
# set_vs_downloads SET DELAY_MS EXTRA_OPTION PREFIX: appends seconds to
# PREFIX-set-s and PREFIX-sequential-s, and "logins del_tokens" of the set.
set_vs_downloads() {
  local set=$1 delay=$2 extra=$3 prefix=$4 tokens revoked t0 t1
  ask "delay $delay" >/dev/null
  tokens=$(ask "count get_token")
  revoked=$(ask "count del_token")
  t0=$(now_us)
  in_xdg "$app" run "$set" --quiet >/dev/null
  t1=$(now_us)
  echo "$(( t1 - t0 ))" | awk '{ print $1 / 1e6 }' >> "$prefix-set-s"
  echo "$(( $(ask "count get_token") - tokens )) $(( $(ask "count del_token") - revoked ))" >> "$prefix-tokens"
  rm -rf "${out:?}"/*

  t0=$(now_us)
  for args in "${report_args[@]}"; do
    # shellcheck disable=SC2086
    "$app" download --server "$uri" --client-id demo $args $extra --output "$out" --quiet >/dev/null
  done
  t1=$(now_us)
  echo "$(( t1 - t0 ))" | awk '{ print $1 / 1e6 }' >> "$prefix-sequential-s"
  rm -rf "${out:?}"/*
}
for _ in $(seq "$runs"); do
  set_vs_downloads bench 200 "" "$work/plain"
  set_vs_downloads bench-async 200 --async "$work/prepared"
done
ask "delay 200" >/dev/null
# 1 when every run logged in once and revoked once.
one_token=$(cat "$work/plain-tokens" "$work/prepared-tokens" |
  awk '{ if ($1 != 1 || $2 != 1) bad = 1 } END { print bad ? 0 : 1 }')
awk '{ print $1 }' "$work/plain-tokens" > "$work/set-logins"
row "report set, 22 types on 1 PBX, vs 22 downloads" "s" "$work/plain-set-s" "$work/plain-sequential-s" "≤ 0.4×, 1 login and 1 del_token a run" "m / r <= 0.4 && $one_token == 1"
row "the same, each prepared 200 ms (--async)" "s" "$work/prepared-set-s" "$work/prepared-sequential-s" "—" -
inforow "report set: logins per run" "" "$work/set-logins"

# Start-up and the selector, in a private X and D-Bus session --------------
echo "bench: start-up (×$startup_runs each) and ID selector" >&2
ask "quit" >/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

coproc server { exec "$bench/bench-server" --extensions 20000; }
server_pid=$server_PID
read -r uri <&"${server[0]}"

cat > "$work/session.sh" <<SESSION
set -u
# Launch time: CLOCK_MONOTONIC just before exec, in microseconds.
launch() {
  /usr/bin/python3 -c 'import os, sys, time
os.environ["CALL_REPORTS_BENCH_LAUNCH_US"] = str(time.monotonic_ns() // 1000)
os.execv(sys.argv[1], sys.argv[1:])' "\$@"
}
export CALL_REPORTS_EXIT_AFTER_FIRST_FRAME=1
# One warm-up run of each, not counted (page cache, font cache).
launch "$app" >/dev/null 2>&1
launch "$bench/bench-minimal-window" >/dev/null 2>&1
for i in \$(seq $startup_runs); do
  launch "$app" 2>/dev/null | sed -n 's/^first-frame-us //p' >> "$work/app-us"
  launch "$bench/bench-minimal-window" 2>/dev/null | sed -n 's/^first-frame-us //p' >> "$work/min-us"
done
# The same start-up counted in instructions of the main thread under
# callgrind: once each, as it is slow, but it does not depend on what else
# the machine is doing.
for prog in app:"$app" min:"$bench/bench-minimal-window"; do
  valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cg-\${prog%%:*}" \
    "\${prog#*:}" >/dev/null 2>&1
  sed -n 's/^summary: //p' "$work/cg-\${prog%%:*}-01" | awk '{ print \$1 / 1e6 }' > "$work/\${prog%%:*}-minstr"
done
unset CALL_REPORTS_EXIT_AFTER_FIRST_FRAME
"$bench/bench-selector" --server "$uri" --runs $runs > "$work/selector" 2>/dev/null
SESSION
build-aux/ci-session.sh -- bash "$work/session.sh"

awk '{ print $1 / 1000 }' "$work/app-us" > "$work/app-ms"
awk '{ print $1 / 1000 }' "$work/min-us" > "$work/min-ms"
row "start-up to first frame (connection page)" "ms" "$work/app-ms" "$work/min-ms" "≤ 1.3× minimal" "m / r <= 1.3"
row "start-up, main-thread instructions (callgrind)" "M" "$work/app-minstr" "$work/min-minstr" "≤ 1.2× minimal" "m / r <= 1.2"

sed -n 's/^load-us \([0-9]*\) .*/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/load-ms"
sed -n 's/^load-stall-us \([0-9]*\)/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/stall-ms"
sed -n 's/^open-us \([0-9]*\)/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/open-ms"
sed -n 's/^key-us \([0-9]*\) .*/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/key-ms"
sed -n 's/^search-worst-us \([0-9]*\)/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/key-worst"
sed -n 's/^close-us \([0-9]*\)/\1/p' "$work/selector" | awk '{ print $1 / 1000 }' > "$work/close-ms"
inforow "load + parse 20,000 extensions" "ms" "$work/load-ms"
inforow "main loop's longest stall meanwhile" "ms" "$work/stall-ms"
inforow "open the ID selector (to first frame)" "ms" "$work/open-ms"
row "ID selector keystroke, median of $(wc -l < "$work/key-ms")" "ms" "$work/key-ms" - "< 8 ms" "m < 8"
row "ID selector, slowest keystroke of a round of 16" "ms" "$work/key-worst" - "< 8 ms" "m < 8"
inforow "close the ID selector" "ms" "$work/close-ms"

fi

report_case

# The table ------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
echo
echo "Machine: $cpu, $(nproc) cores, $mem RAM; $(. /etc/os-release && echo "$PRETTY_NAME");" \
  "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1)," \
  "libsoup $(pkg-config --modversion libsoup-3.0), GLib $(pkg-config --modversion glib-2.0)," \
  "pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)');" \
  "runs: $runs ($big_runs for 1 GiB, $startup_runs for start-up); report file: $report_rows rows"
echo
echo "| case | median | min–max | reference (median) | ratio | goal | result |"
echo "|---|---|---|---|---|---|---|"
for r in "${rows[@]}"; do
  echo "| ${r//|/ | } |"
done

if [ -n "$server_pid" ]; then
  echo "quit" >&"${server[1]}" 2>/dev/null || true
fi
