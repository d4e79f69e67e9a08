#!/usr/bin/env bash
# check-potfiles.sh SOURCE_ROOT
#
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -eu
root=${1:-.}
cd "$root"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' | sort)
status=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist" >&2
    status=1
  fi
done

candidates=$(
  {
    git ls-files --cached --others --exclude-standard -- 'src/*.c' 'src/**/*.c' 2>/dev/null \
      | xargs -r grep -l -E '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext)[[:space:]]*\(' || true
    git ls-files --cached --others --exclude-standard -- 'src/*.ui' 'src/**/*.ui' 2>/dev/null \
      | xargs -r grep -l 'translatable="yes"' || true
    git ls-files --cached --others --exclude-standard -- 'data/*.in' 'data/*.in.in' 'data/*.gschema.xml' 2>/dev/null || true
  } | sort -u
)

for file in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is missing from po/POTFILES.in" >&2
    status=1
  fi
done

[ $status = 0 ] && echo "po/POTFILES.in lists all $(printf '%s\n' "$candidates" | grep -c .) files with translatable strings"
exit $status
