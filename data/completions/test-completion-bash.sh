#!/usr/bin/env bash
# test-completion-bash.sh COMPLETION_FILE
#
# Sources the generated bash completion and drives it as bash does on Tab
# (COMP_WORDS, COMP_CWORD, and the split at "=" of COMP_WORDBREAKS),
# checking the candidates of real command lines. TAP output.
set -u
source "$1" || { echo "Bail out! cannot source $1"; exit 1; }

n=0
failed=0
ok() { # RESULT DESCRIPTION
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

# complete WORD…: the candidates for the last word, one per line.
complete_line() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _call_reports call-reports "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

has() { # CANDIDATES WORD: whether WORD is one of the candidates
  grep -qxF -- "$2" <<<"$1"
}

spec=$(complete -p call-reports 2>&1)
[ "$spec" = "complete -F _call_reports call-reports" ]
ok $? "complete -p call-reports names _call_reports ($spec)"

c=$(complete_line call-reports '')
has "$c" download && has "$c" types && has "$c" options && has "$c" info && ! has "$c" --demo
ok $? "the commands after call-reports"

scratch=$(mktemp -d)
touch "$scratch/march.csv" "$scratch/notes.txt"
mkdir "$scratch/reports"
c=$(cd "$scratch" && complete_line call-reports '')
has "$c" march.csv && has "$c" reports/ && ! has "$c" notes.txt && has "$c" download
ok $? "report files (.csv) and folders after call-reports, besides the commands"
rm -rf "$scratch"

c=$(complete_line call-reports --)
has "$c" --version && has "$c" --demo && ! has "$c" download
ok $? "the options of call-reports without a command"

c=$(complete_line call-reports download --type que)
has "$c" queueperformance && has "$c" queuecallbacksactivity && [ "$(wc -l <<<"$c")" -ge 10 ]
ok $? "--type que completes the queue report types"
! grep -qv '^que' <<<"$c"
ok $? "--type que offers no type that does not start with que"

c=$(complete_line call-reports download --type queueperformance --)
has "$c" --queue-id-list && has "$c" --start-time && has "$c" --end-time && has "$c" --need-detail
ok $? "after --type queueperformance the queue report's options appear"
! has "$c" --ext-id-list && ! has "$c" --trunk-id && ! has "$c" --time
ok $? "after --type queueperformance the options it does not take do not"
has "$c" --output && has "$c" --range && has "$c" --server && has "$c" --client-secret-file && has "$c" --type
ok $? "after --type queueperformance the options of every download appear"

c=$(complete_line call-reports download --type = extcallstatistics --)
has "$c" --ext-id-list && ! has "$c" --queue-id-list
ok $? "--type=TYPE (split at =) chooses the type too"

c=$(complete_line call-reports download --type extcallstatistics --communication-type '')
[ "$c" = "$(printf '%s\n' Inbound Internal Outbound)" ]
ok $? "--communication-type of an extension report: Inbound, Internal, Outbound"

c=$(complete_line call-reports download --type trunkactivity --communication-type '')
[ "$c" = "$(printf '%s\n' Inbound Outbound)" ]
ok $? "--communication-type of a trunk report: Inbound, Outbound only"

c=$(complete_line call-reports download --range last-)
[ "$c" = "$(printf '%s\n' last-month last-week last-year)" ]
ok $? "--range completes the presets"

c=$(complete_line call-reports info --api '')
[ "$c" = "$(printf '%s\n' auto v1 v2)" ]
ok $? "--api completes auto, v1, v2"

c=$(complete_line call-reports download --server '')
[ -z "$c" ]
ok $? "--server takes a URL: nothing to complete"

dir=$(mktemp -d)
mkdir "$dir/reports-folder"
touch "$dir/reports-file"
c=$(cd "$dir" && complete_line call-reports download --output reports-)
rm -rf "$dir"
[ "$c" = reports-folder ]
ok $? "--output completes folders only"

c=$(complete_line call-reports options '')
has "$c" extension && has "$c" queue_agent && has "$c" IVR && has "$c" ring_group
ok $? "options completes the menu names"

c=$(complete_line call-reports options --)
has "$c" --queue-id && has "$c" --json && ! has "$c" --type
ok $? "options --: its own options"

c=$(complete_line call-reports types ivr)
[ "$c" = ivr ]
ok $? "types completes type names"


# A call-reports on PATH whose `set list` names two sets, for the set
# names the completion asks the program for.
fake_dir=$(mktemp -d)
trap 'rm -rf "$fake_dir"' EXIT
printf '#!/bin/sh\n[ "$1 $2" = "set list" ] && printf "%%s\\n" Pack "Monthly pack"\n' > "$fake_dir/call-reports"
chmod +x "$fake_dir/call-reports"
PATH=$fake_dir:$PATH

c=$(complete_line call-reports set '')
has "$c" create && has "$c" add && has "$c" schedule && has "$c" unschedule && ! has "$c" download
ok $? "set completes its subcommands"

c=$(complete_line call-reports set add Pack --)
has "$c" --type && has "$c" --range && ! has "$c" --start-time && ! has "$c" --output
ok $? "set add --: its options, no dates besides --range"

c=$(complete_line call-reports set add Pack --type queueperformance --)
has "$c" --queue-id-list && has "$c" --need-detail && ! has "$c" --start-time && ! has "$c" --ext-id-list
ok $? "set add --type queueperformance --: the type's options without its dates"

c=$(complete_line call-reports set add Pack --range last-)
has "$c" last-month && has "$c" last-week
ok $? "set add --range completes the presets"

c=$(complete_line call-reports set schedule Pack --)
[ "$c" = "$(printf '%s\n' --daily --monthly --weekly)" ]
ok $? "set schedule --: --daily, --weekly, --monthly"

c=$(complete_line call-reports run '')
[ "$c" = "$(printf '%s\n' 'Monthly pack' Pack)" ]
ok $? "run completes the names of the sets, spaces kept"

c=$(complete_line call-reports set show P)
[ "$c" = Pack ]
ok $? "set show completes a set's name"

c=$(complete_line call-reports run --)
has "$c" --notify && has "$c" --json && has "$c" --client-secret-file
ok $? "run --: its options, --notify among them"

echo "1..$n"
exit $failed
