#!/usr/bin/env bash
# format.sh [--check] [SOURCE_ROOT]
#
# Formats every C file of the project with uncrustify.cfg, in place; with
# --check, changes nothing and fails listing the files that differ.
set -eu
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
cd "${1:-$(dirname "$0")/..}"

# Without uncrustify the check is skipped (77, as meson counts it), not
# failed: a packager's `meson test` need not have it.
if ! command -v uncrustify >/dev/null; then
  echo "uncrustify is not installed (apt-get install uncrustify)" >&2
  [ $check = 1 ] && exit 77
  exit 1
fi

if [ $check = 1 ] && ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "not a git checkout: the C files to check are those git lists" >&2
  exit 77
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.c' '*.h' | grep -v '^tests/fuzz/corpus/')
[ ${#files[@]} -gt 0 ] || { echo "no C files found" >&2; exit 1; }

if [ $check = 1 ]; then
  status=0
  for file in "${files[@]}"; do
    if ! uncrustify -q -c uncrustify.cfg -f "$file" | cmp -s - "$file"; then
      echo "$file is not formatted; run build-aux/format.sh" >&2
      uncrustify -q -c uncrustify.cfg -f "$file" | diff -u "$file" - | head -20 >&2 || true
      status=1
    fi
  done
  [ $status = 0 ] && echo "${#files[@]} C files follow uncrustify.cfg"
  exit $status
fi

uncrustify -q -c uncrustify.cfg --replace --no-backup "${files[@]}"
