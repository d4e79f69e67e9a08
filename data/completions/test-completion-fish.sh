#!/usr/bin/env bash
# test-completion-fish.sh COMPLETION_FILE
#
# Checks the generated fish completion's syntax (fish -n), then loads it
# into fish and asks for the candidates of real command lines with
# `complete -C`. TAP output.
set -u
file=$1
n=0
failed=0
ok() { # RESULT DESCRIPTION
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
candidates() { # COMMAND_LINE: the candidates fish offers, one per line
  fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$file" "$1" | cut -f1 | sort
}
has() { grep -qxF -- "$2" <<<"$1"; }

fish --no-config -n "$file"
ok $? "fish -n accepts $file"

c=$(candidates 'call-reports ')
has "$c" download && has "$c" types && has "$c" options && has "$c" info
ok $? "the commands after call-reports"

scratch=$(mktemp -d)
touch "$scratch/march.csv" "$scratch/notes.txt"
c=$(cd "$scratch" && candidates 'call-reports ')
has "$c" march.csv && has "$c" download
ok $? "report files (.csv) after call-reports, besides the commands"
rm -rf "$scratch"

c=$(candidates 'call-reports download --type queueperformance --')
has "$c" --queue-id-list && has "$c" --need-detail && has "$c" --output && ! has "$c" --ext-id-list && ! has "$c" --time
ok $? "after --type queueperformance: its options and download's, not those of other types"

c=$(candidates 'call-reports download --type trunkactivity --communication-type ')
[ "$c" = "$(printf '%s\n' Inbound Outbound)" ]
ok $? "--communication-type of a trunk report: Inbound, Outbound"

c=$(candidates 'call-reports download --type ivr')
[ "$c" = ivr ]
ok $? "--type completes the report types"

c=$(candidates 'call-reports options ')
has "$c" queue_agent && has "$c" extension
ok $? "options completes the menu names"


# A call-reports on PATH whose `set list` names two sets, for the set
# names the completion asks the program for.
fake_dir=$(mktemp -d)
trap 'rm -rf "$fake_dir"' EXIT
printf '#!/bin/sh\n[ "$1 $2" = "set list" ] && printf "%%s\\n" Pack "Monthly pack"\n' > "$fake_dir/call-reports"
chmod +x "$fake_dir/call-reports"
PATH=$fake_dir:$PATH

c=$(candidates 'call-reports set ')
has "$c" create && has "$c" schedule && ! has "$c" download
ok $? "set completes its subcommands"

c=$(candidates 'call-reports set add Pack --type queueperformance --')
has "$c" --queue-id-list && has "$c" --range && ! has "$c" --start-time && ! has "$c" --output
ok $? "set add --type queueperformance --: its options and the type's, no dates"

c=$(candidates 'call-reports run ')
[ "$c" = "$(printf '%s\n' 'Monthly pack' Pack)" ]
ok $? "run completes the names of the sets"

c=$(candidates 'call-reports run --')
has "$c" --notify
ok $? "run --: --notify"

echo "1..$n"
exit $failed
