#!/usr/bin/env bash
# check-flatpak-manifest.sh MANIFEST APP_ID COMMAND
#
# The Flatpak cannot be built offline, so this checks what can be: the
# manifest parses, names the app and its command, pins a numbered GNOME
# runtime, asks for exactly the sandbox holes the app needs (network for
# the PBX, the display, the GPU; no broad file system access: the file
# chooser portal hands over the chosen folder), and builds the app from
# the local tree with meson.
set -eu
manifest=$1 app_id=$2 command=$3
fail() { echo "$manifest: $*" >&2; exit 1; }

jq empty "$manifest" || fail "is not valid JSON"

[ "$(jq -r '.id // ."app-id"' "$manifest")" = "$app_id" ] || fail "id is not $app_id"
[ "$(jq -r '.command' "$manifest")" = "$command" ] || fail "command is not $command"
[ "$(jq -r '.runtime' "$manifest")" = "org.gnome.Platform" ] || fail "runtime is not org.gnome.Platform"
[ "$(jq -r '.sdk' "$manifest")" = "org.gnome.Sdk" ] || fail "sdk is not org.gnome.Sdk"
jq -e '."runtime-version" | test("^[0-9]+$")' "$manifest" >/dev/null || fail "runtime-version is not a numbered release"

expected='["--device=dri","--share=ipc","--share=network","--socket=fallback-x11","--socket=wayland"]'
actual=$(jq -c '."finish-args" | sort' "$manifest")
[ "$actual" = "$expected" ] || fail "finish-args are $actual, expected exactly $expected"

app_module=$(jq -c '.modules[-1]' "$manifest")
[ "$(jq -r '.name' <<<"$app_module")" = "call-reports" ] || fail "the last module is not call-reports"
[ "$(jq -r '.buildsystem' <<<"$app_module")" = "meson" ] || fail "call-reports is not built with meson"
jq -e '.sources | any(.type == "dir" and .path == "..")' <<<"$app_module" >/dev/null \
  || fail "call-reports is not built from the local tree"

echo "$manifest: $app_id runs $command on $(jq -r '.runtime + "//" + ."runtime-version"' "$manifest") with $actual"
