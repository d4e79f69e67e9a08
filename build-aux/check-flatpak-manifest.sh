#!/usr/bin/env bash
# check-flatpak-manifest.sh SOURCE_ROOT BASE_ID COMMAND
#
# The Flatpak cannot be built offline, so this checks what can be, for
# both manifests, flatpak/BASE_ID.json (the stable app on a numbered GNOME
# runtime) and flatpak/BASE_ID.Devel.json (the development profile on the
# GNOME master runtime, as GNOME apps have):
#  - they parse, name the app and its command, and build the app from the
#    local tree with meson (the Devel one with -Ddevelopment=true, which
#    gives the .Devel application ID);
#  - they ask for exactly the sandbox holes that the code needs, read from
#    the sources: the network (libsoup: the PBX, and the demo PBX on
#    127.0.0.1), the display and the GPU; the Downloads folder, because
#    that is where reports are saved until another folder is chosen
#    (G_USER_DIRECTORY_DOWNLOAD, and the empty destination-folder default
#    of the GSettings schema); the Secret Service, because libsecret falls
#    back to it where the Secret portal is missing. Any other folder comes
#    through the file chooser portal, so there is no broader file system
#    access; and every D-Bus name the code calls is either allowed or a
#    portal.
#  - the two manifests differ only where they must.
set -eu
root=$1 base_id=$2 command=$3
status=0
fail() { echo "$1: $2" >&2; status=1; }

command -v jq >/dev/null || { echo "check-flatpak-manifest: jq is missing (apt-get install jq); skipped" >&2; exit 77; }
cd "$root"

# The holes the code needs, from the sources.
needed=("--share=ipc" "--socket=wayland" "--socket=fallback-x11" "--device=dri")
why=()
if grep -rqs 'soup_session_new\|SoupSession' src/yeastar; then
  needed+=("--share=network")
else
  why+=("src/yeastar no longer uses libsoup: is --share=network still needed?")
fi
if grep -rqs 'G_USER_DIRECTORY_DOWNLOAD' src/ui src/cli; then
  needed+=("--filesystem=xdg-download")
  grep -A1 '<key name="destination-folder"' data/"$base_id".gschema.xml | grep -q "<default>''</default>" \
    || why+=("data/$base_id.gschema.xml: destination-folder no longer defaults to '' (the Downloads folder); check --filesystem=xdg-download")
fi
if grep -rqs 'secret_password_\|secret_service_' src; then
  needed+=("--talk-name=org.freedesktop.secrets")
fi
# Every well-known D-Bus name the code calls must be allowed, or be a
# portal, or be listed here with the reason it is not needed.
declare -A not_needed=(
  # Only on GTK older than 4.10 (reports-compat.c); the GNOME runtimes'
  # GTK opens the folder through the OpenURI portal (GtkFileLauncher).
  [org.freedesktop.FileManager1]=1
)
while read -r name; do
  case "$name" in
    org.freedesktop.portal.*|org.freedesktop.secrets) continue ;;
  esac
  [ -n "${not_needed[$name]+x}" ] && continue
  needed+=("--talk-name=$name")
done < <(grep -rhos 'g_dbus_connection_call[^;]*"org\.[A-Za-z0-9.]*"' src --include='*.c' \
           | grep -o '"org\.[A-Za-z0-9.]*"' | tr -d '"' | sort -u)
expected=$(printf '%s\n' "${needed[@]}" | jq -R . | jq -cs 'sort')

check() { # MANIFEST APP_ID RUNTIME_VERSION_PATTERN DEVELOPMENT
  local manifest=$1 app_id=$2 version=$3 development=$4 actual app_module opts
  [ -f "$manifest" ] || { fail "$manifest" "is missing"; return; }
  jq empty "$manifest" 2>/dev/null || { fail "$manifest" "is not valid JSON"; return; }

  [ "$(jq -r '.id // ."app-id"' "$manifest")" = "$app_id" ] || fail "$manifest" "id is not $app_id"
  [ "$(jq -r '.command' "$manifest")" = "$command" ] || fail "$manifest" "command is not $command"
  [ "$(jq -r '.runtime' "$manifest")" = "org.gnome.Platform" ] || fail "$manifest" "runtime is not org.gnome.Platform"
  [ "$(jq -r '.sdk' "$manifest")" = "org.gnome.Sdk" ] || fail "$manifest" "sdk is not org.gnome.Sdk"
  jq -e --arg re "$version" '."runtime-version" | test($re)' "$manifest" >/dev/null \
    || fail "$manifest" "runtime-version $(jq -c '."runtime-version"' "$manifest") does not match $version"

  actual=$(jq -c '."finish-args" | sort' "$manifest")
  [ "$actual" = "$expected" ] || fail "$manifest" "finish-args are $actual, but the code needs exactly $expected"
  jq -e '."finish-args" | any(test("^--filesystem=(host|home|/)"))' "$manifest" >/dev/null \
    && fail "$manifest" "grants broad file system access; other folders come through the file chooser portal"

  app_module=$(jq -c '.modules[-1]' "$manifest")
  [ "$(jq -r '.name' <<<"$app_module")" = "call-reports" ] || fail "$manifest" "the last module is not call-reports"
  [ "$(jq -r '.buildsystem' <<<"$app_module")" = "meson" ] || fail "$manifest" "call-reports is not built with meson"
  jq -e '.sources | any(.type == "dir" and .path == "..")' <<<"$app_module" >/dev/null \
    || fail "$manifest" "call-reports is not built from the local tree"
  opts=$(jq -c '."config-opts" // []' <<<"$app_module")
  if [ "$development" = true ]; then
    jq -e 'index("-Ddevelopment=true")' <<<"$opts" >/dev/null || fail "$manifest" "does not build with -Ddevelopment=true"
  else
    jq -e 'any(test("^-Ddevelopment=true"))' <<<"$opts" >/dev/null && fail "$manifest" "builds the development profile"
  fi
  jq -e 'index("-Dui_tests=disabled")' <<<"$opts" >/dev/null || fail "$manifest" "does not disable the UI tests (no Xvfb in the SDK)"

  echo "$manifest: $app_id runs $command on $(jq -r '.runtime + "//" + ."runtime-version"' "$manifest") with $actual"
}

stable=flatpak/$base_id.json devel=flatpak/$base_id.Devel.json
check "$stable" "$base_id" '^[0-9]+$' false
check "$devel" "$base_id.Devel" '^master$' true

# Besides the ID, the runtime and the configuration, the same manifest.
same='del(.id, ."app-id", ."runtime-version") | .modules[-1] |= del(."config-opts")'
if [ -f "$stable" ] && [ -f "$devel" ] && [ "$(jq -cS "$same" "$stable")" != "$(jq -cS "$same" "$devel")" ]; then
  fail "$devel" "differs from $stable in more than the ID, the runtime version and the configuration"
fi

for reason in "${why[@]}"; do fail "check-flatpak-manifest" "$reason"; done
exit $status
