#!/usr/bin/env bash
# run.sh [ARGUMENT…]
#
# The README's first command: sets up and builds the project (see
# setup.sh), then starts Call Reports from the build tree.
set -eu
cd "$(dirname "$0")/.."
build-aux/setup.sh build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec build/src/call-reports "$@"
