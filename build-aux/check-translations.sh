#!/usr/bin/env bash
# check-translations.sh SOURCE_ROOT [BUILD_ROOT]
#
# Fails when a language listed in po/LINGUAS is not complete:
#  - msgfmt --check reports an error or warning (formats, header, plural forms,
#    mnemonics), or a fuzzy or untranslated message;
#  - a message of the current sources is missing from the .po file or is
#    untranslated there. The sources are read with xgettext and the options of
#    meson's i18n 'glib' preset (what `ninja call-reports-pot` runs), into a
#    template in BUILD_ROOT (or a temporary directory), so that the check needs
#    no ninja and no network.
set -eu
root=$(cd "${1:-.}" && pwd)
build=${2:-}

for tool in msgfmt msgcmp xgettext; do
  command -v "$tool" > /dev/null || { echo "check-translations: $tool is missing (gettext)" >&2; exit 77; }
done

if [ -n "$build" ]; then
  mkdir -p "$build/po"
  work=$(mktemp -d "$(cd "$build/po" && pwd)/check-translations.XXXXXX")
else
  work=$(mktemp -d)
fi
trap 'rm -rf "$work"' EXIT

cd "$root"
langs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/LINGUAS)
if [ -z "$langs" ]; then
  echo "po/LINGUAS lists no language; nothing to check"
  exit 0
fi

# The options of meson's i18n.gettext(preset: 'glib').
if ! xgettext --package-name=call-reports -f po/POTFILES.in -D "$root" \
       -o "$work/call-reports.pot" \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       2> "$work/xgettext.log"; then
  cat "$work/xgettext.log" >&2
  echo "check-translations: xgettext could not read the sources of po/POTFILES.in" >&2
  exit 1
fi

status=0
for lang in $langs; do
  po=po/$lang.po
  if [ ! -f "$po" ]; then
    echo "$po: listed in po/LINGUAS but missing" >&2
    status=1
    continue
  fi

  # --check: formats, header and plural forms; --check-accelerators: the
  # mnemonic underscore is kept.
  if ! msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" > "$work/msgfmt.log" 2>&1; then
    sed "s|^|$lang: |" "$work/msgfmt.log" >&2
    echo "$po: msgfmt --check failed" >&2
    status=1
    continue
  fi
  stats=$(tail -n 1 "$work/msgfmt.log")
  if [ "$(wc -l < "$work/msgfmt.log")" -ne 1 ] || printf '%s' "$stats" | grep -q -E 'fuzzy|untranslated'; then
    sed "s|^|$lang: |" "$work/msgfmt.log" >&2
    echo "$po: has warnings, fuzzy or untranslated messages" >&2
    status=1
    continue
  fi

  # Every message of the sources, translated (msgcmp counts fuzzy and
  # untranslated entries of the .po as missing).
  if ! msgcmp --no-fuzzy-matching "$po" "$work/call-reports.pot" > "$work/msgcmp.log" 2>&1; then
    sed "s|^|$lang: |" "$work/msgcmp.log" >&2
    echo "$po: messages of the sources are missing or untranslated; run \`ninja call-reports-update-po\` and translate them" >&2
    status=1
    continue
  fi

  echo "$lang: $stats"
done

exit $status
