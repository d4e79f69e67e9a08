#!/usr/bin/env bash
# check-setup-packages.sh [SOURCE_ROOT]
#
# Fails when a program that the tests or the scripts run is not installed
# by build-aux/setup.sh, so that `build-aux/test.sh` passes on a fresh
# Debian 12 machine (it once did not: the UI tests ran xdotool, which
# setup.sh did not install).
#
# It reads every word of the files under tests/, build-aux/ and .ci/, of
# every meson.build and of every shell script, without their comments, and:
#  - a word of the table below is a program the project runs: its package
#    must be in setup.sh's `packages` list (for the benchmark's files,
#    tests/bench/ and build-aux/bench.sh, also in bench.sh's own list);
#    where the program is installed, dpkg must agree that this package (or
#    one it depends on) provides it;
#  - any other word that names a program in /usr/bin, /usr/sbin, /bin or
#    /sbin must come from a package of Debian's base system (Essential or
#    Priority: required), or be in the table, or be one of the English
#    words below that the sources use as words only. So a new program
#    cannot slip in: the check fails naming it until it is in the table.
#  - a table entry that no file runs any more is reported too.
set -eu
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$root"

# It reads git's file list and dpkg's database: elsewhere there is nothing
# to check (77: skipped).
for tool in git dpkg-query perl; do
  command -v "$tool" >/dev/null || { echo "check-setup-packages: $tool is missing; skipped" >&2; exit 77; }
done
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "check-setup-packages: not a git checkout; skipped" >&2; exit 77; }

# program -> the package of setup.sh's list that installs it. "-" means the
# program is needed before setup.sh can run, so setup.sh cannot install it
# (it uses sudo only when it is not run as root).
declare -A table=(
  [appstreamcli]=appstream
  [clang]=clang
  [convert]=imagemagick
  [curl]=curl
  [dbus-daemon]=dbus
  [dbus-run-session]=dbus
  [dbus-send]=dbus
  [desktop-file-validate]=desktop-file-utils
  [fish]=fish
  [git]=git
  [glib-compile-schemas]=libglib2.0-bin
  [gnome-keyring-daemon]=gnome-keyring
  [gsettings]=libglib2.0-bin
  [import]=imagemagick
  [jq]=jq
  [meson]=meson
  [man]=man-db
  [msgcmp]=gettext
  [msgfmt]=gettext
  [ninja]=ninja-build
  # binutils, which gcc depends on: build-aux/gen-network-stubs.py.
  [nm]=gcc
  [openssl]=openssl
  [pkg-config]=pkg-config
  [python3]=python3-gi
  [scdoc]=scdoc
  [secret-tool]=libsecret-tools
  [sudo]=-
  [systemctl]=systemd
  [systemd-analyze]=systemd
  [time]=time
  [uncrustify]=uncrustify
  [valgrind]=valgrind
  [xdotool]=xdotool
  [xgettext]=gettext
  [xmllint]=libxml2-utils
  [zsh]=zsh
  [Xvfb]=xvfb
)

# Words of the sources that are also the names of programs of non-base
# packages, but that the sources use as words, not as commands.
declare -A words=(
  [as]=1 [c++]=1 [column]=1 [display]=1 [file]=1 [gettext]=1 [gio]=1
  [less]=1 [make]=1 [more]=1 [ngettext]=1 [node]=1 [size]=1 [stream]=1
  [strings]=1 [strip]=1 [top]=1 [w]=1 [xauth]=1
  [ld]=1 [bridge]=1 [ss]=1 [tc]=1 [time]=1 [cc]=1 [kill]=1 [write]=1 [systemd]=1 [view]=1
)

read_packages() { # SCRIPT: the words of its `packages=( … )` list
  awk '/^packages=\(/ { on = 1; next } on && /^\)/ { exit } on { sub(/#.*/, ""); print }' "$1" | tr -s ' \t' '\n\n' | sed '/^$/d'
}
declare -A setup_packages=() bench_packages=()
while read -r p; do setup_packages[$p]=1; done < <(read_packages build-aux/setup.sh)
while read -r p; do bench_packages[$p]=1; done < <(read_packages build-aux/bench.sh)
[ ${#setup_packages[@]} -gt 10 ] || { echo "check-setup-packages: cannot read the packages list of build-aux/setup.sh" >&2; exit 1; }

mapfile -t files < <(git ls-files --cached --others --exclude-standard -- tests build-aux .ci '*meson.build' '*.sh' \
                       | grep -v -e '^tests/fuzz/corpus/' -e '\.png$' -e '\.supp$' | sort -u)
[ ${#files[@]} -gt 0 ] || { echo "check-setup-packages: no files found under $root" >&2; exit 1; }

declare -A owner_of=() base=() on_path=()
while IFS= read -r name; do [ -n "$name" ] && on_path[$name]=1; done < <(ls -1 /usr/sbin /usr/bin /sbin /bin 2>/dev/null | grep -v -e ":$" -e "^$")
resolve() { # PROGRAM…: fills owner_of[PROGRAM] with the package of each found program
  local program path real
  local -A paths=()
  local -a candidates=()
  local -a found=() found_paths=() real_paths=()
  for program in "$@"; do
    [ -n "${on_path[$program]+x}" ] || continue
    path=$(PATH=/usr/sbin:/usr/bin:/sbin:/bin type -P -- "$program" 2>/dev/null) || continue
    found+=("$program")
    found_paths+=("$path")
  done
  [ ${#found[@]} -gt 0 ] || return 0
  mapfile -t real_paths < <(readlink -f -- "${found_paths[@]}")
  for i in "${!found[@]}"; do
    program=${found[$i]} path=${found_paths[$i]} real=${real_paths[$i]}
    # /usr is merged: dpkg may know the file under /bin, /usr/bin or its
    # alternative's target.
    for candidate in "$path" "$real" "${path#/usr}" "${real#/usr}" "/usr${path#/usr}"; do
      paths[$candidate]=$program
      candidates+=("$candidate")
    done
  done
  [ ${#candidates[@]} -gt 0 ] || return 0
  # What `dpkg -S` answers, but in one pass over dpkg's file lists.
  while IFS= read -r line; do
    local list=${line%%:/*} file=/${line#*:/}
    local package=${list##*/}
    package=${package%.list}
    package=${package%%:*}
    [ -n "${paths[$file]+x}" ] && [ -z "${owner_of[${paths[$file]}]+x}" ] && owner_of[${paths[$file]}]=$package
  done < <(printf '%s\n' "${candidates[@]}" | sort -u | grep -HxF -f - /var/lib/dpkg/info/*.list)
  local -a packages=()
  for program in "${!owner_of[@]}"; do packages+=("${owner_of[$program]}"); done
  [ ${#packages[@]} -gt 0 ] || return 0
  while read -r package priority essential; do
    if [ "$essential" = yes ] || [ "$priority" = required ]; then base[$package]=1; fi
  done < <(dpkg-query -W -f='${Package} ${Priority} ${Essential}\n' "${packages[@]}" 2>/dev/null)
}

status=0
declare -A used=() unknown=()
# "FILE WORD" for every word of every file, without comments; in C and
# Python a program's name is a string, so only their strings count. The
# package lists of setup.sh and bench.sh name packages, not programs.
words_of_files() {
  perl -e '
    for my $file (@ARGV) {
      next if $file eq "build-aux/check-setup-packages.sh" or !-f $file;
      open(my $fh, "<", $file) or die "$file: $!";
      local $/; my $text = <$fh>; close $fh;
      if ($file =~ /\.[ch]$/) {
        $text =~ s{/\*.*?\*/}{}gs; $text =~ s{//[^\n]*}{}g;
        $text = join "\n", $text =~ /"((?:[^"\\\n]|\\.)*)"/g;
      } else {
        $text =~ s/^packages=\(.*?^\)//ms if $file =~ m{^build-aux/(setup|bench)\.sh$};
        $text =~ s/^\s*#[^\n]*//mg; $text =~ s/\s#\s[^\n]*//g;
        $text = join "\n", $text =~ /"([^"\n]*)"|\x27([^\x27\n]*)\x27/g if $file =~ /\.py$/;
      }
      my %seen;
      for my $word ($text =~ m{((?:/usr)?(?:/s?bin/)?[A-Za-z][A-Za-z0-9_.+-]*)}g) {
        print "$file $word\n" unless $seen{$word}++;
      }
    }' "$@"
}

while read -r file word; do
  case "$file" in
    tests/bench/*|build-aux/bench.sh) bench=1 ;;
    *) bench=0 ;;
  esac
  program=${word##*/}
  # A word without a path may be just a word.
  [ "$word" = "$program" ] && [ -n "${words[$program]+x}" ] && continue
  if [ -n "${table[$program]+x}" ]; then
    used[$program]=1
    package=${table[$program]}
    [ "$package" = - ] && continue
    if [ -z "${setup_packages[$package]+x}" ] && ! { [ $bench = 1 ] && [ -n "${bench_packages[$package]+x}" ]; }; then
      echo "$file runs $program, but its package $package is not in the packages of build-aux/setup.sh" >&2
      status=1
    fi
    continue
  fi
  [ -n "${unknown[$program]+x}" ] || unknown[$program]=$file
done < <(words_of_files "${files[@]}")

resolve "${!unknown[@]}"
for program in $(printf '%s\n' "${!unknown[@]}" | sort); do
  # Not a program of this machine: a word.
  [ -n "${on_path[$program]+x}" ] || continue
  package=${owner_of[$program]:-}
  [ -n "$package" ] && [ -n "${base[$package]+x}" ] && continue
  echo "${unknown[$program]} runs $program (package ${package:-unknown}), which is not in the table of build-aux/check-setup-packages.sh: add it there with the package of build-aux/setup.sh that installs it (or, if the file uses it as a plain word, to the words)" >&2
  status=1
done

depends_on() { # PACKAGE OTHER: whether the installed PACKAGE depends on OTHER, at most three levels down
  local -a frontier=("$1")
  for _ in 1 2 3; do
    mapfile -t frontier < <(dpkg-query -W -f='${Pre-Depends}, ${Depends}\n' "${frontier[@]}" 2>/dev/null \
                              | tr ',|' '\n\n' | sed -e 's/([^)]*)//g' -e 's/:any//' -e 's/[[:space:]]//g' | sed '/^$/d' | sort -u)
    [ ${#frontier[@]} -gt 0 ] || return 1
    printf '%s\n' "${frontier[@]}" | grep -qxF -- "$2" && return 0
  done
  return 1
}

# The table itself: no stale entry, and where the program is installed,
# dpkg agrees on where it comes from.
resolve "${!table[@]}"
for program in "${!table[@]}"; do
  if [ -z "${used[$program]+x}" ]; then
    echo "build-aux/check-setup-packages.sh: $program is in the table but no test or script runs it; remove it" >&2
    status=1
    continue
  fi
  package=${table[$program]}
  [ "$package" = - ] && continue
  actual=${owner_of[$program]:-}
  [ -n "$actual" ] || continue
  [ "$actual" = "$package" ] && continue
  if ! depends_on "$package" "$actual"; then
    echo "build-aux/check-setup-packages.sh: the table says $program comes with $package, but it is in $actual, which $package does not depend on" >&2
    status=1
  fi
done

[ $status = 0 ] && echo "every program of the ${#files[@]} test and script files is installed by build-aux/setup.sh (${#used[@]} programs of ${#setup_packages[@]} packages)"
exit $status
