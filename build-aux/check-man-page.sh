#!/usr/bin/env bash
# check-man-page.sh SCDOC_SOURCE MAN_PAGE BINARY
#
# The man page and the program cannot drift apart: fails when
#  - man(1) warns about MAN_PAGE (man --warnings), or cannot render it;
#  - a command of `BINARY --help` is not a term of SCDOC_SOURCE's COMMANDS;
#  - a long option that `BINARY --help-all` or `BINARY COMMAND --help-all`
#    prints is not a term (*--option* at the start of a line) of
#    SCDOC_SOURCE's OPTIONS section.
set -eu
source=$1 page=$2 binary=$3
status=0

command -v man >/dev/null || { echo "check-man-page: man is missing (apt-get install man-db); skipped" >&2; exit 77; }

# Rendered at 80 columns; any warning (or error) output fails.
warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || { echo "$warnings" >&2; echo "$page: man cannot render it" >&2; exit 1; }
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  echo "$page: man --warnings reports the lines above" >&2
  status=1
fi
rendered=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "CLIENT SECRET" "EXIT STATUS" ENVIRONMENT FILES; do
  grep -qx "$section" <<<"$rendered" || { echo "$page: has no $section section" >&2; status=1; }
done

help=$("$binary" --help-all)
mapfile -t commands < <(sed -n '/^Commands:/,/^$/{ /^  [a-z]/{ s/^  \([a-z-]*\).*/\1/p } }' <<<"$help")
[ ${#commands[@]} -gt 0 ] || { echo "check-man-page: \`$binary --help\` lists no commands" >&2; exit 1; }

commands_section=$(sed -n '/^# COMMANDS$/,/^# /p' "$source")
for command in "${commands[@]}"; do
  grep -q "^\*$command\*" <<<"$commands_section" || { echo "$source: the command $command is not in COMMANDS" >&2; status=1; }
done

long_options() { # the long options of a --help-all text
  sed -n 's/^  \(-[A-Za-z?], \)\{0,1\}--\([a-z][a-z0-9-]*\).*/\2/p'
}

# The terms of the OPTIONS section: the lines that start with an option.
terms=$(sed -n '/^# OPTIONS$/,/^# [A-Z]/p' "$source" | grep '^\*-')

checked=0
for command in "" "${commands[@]}"; do
  # shellcheck disable=SC2086 # the empty command is no argument
  text=$("$binary" $command --help-all)
  while read -r option; do
    checked=$((checked + 1))
    if ! grep -qF -- "*--$option*" <<<"$terms"; then
      echo "$source: --$option of \`call-reports${command:+ $command}\` is not documented" >&2
      status=1
    fi
  done < <(long_options <<<"$text")
done

[ $status = 0 ] && echo "$page: no man warnings; ${#commands[@]} commands and $checked command options documented"
exit $status
