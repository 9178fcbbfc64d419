#!/usr/bin/env bash
# Renders each main view of ICA Tagger (demo mode, fresh data folder) to PNG files
# under a virtual X display, for review. Usage: scripts/screenshots.sh [OUT_DIR]
# (default: screenshots/). Builds first if needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_BUILD_DIR:-$repo/build}"
out="$(realpath -m "${1:-$repo/screenshots}")"
"$repo/scripts/install-deps.sh"
[ -x "$build/app/ica-tagger" ] || "$repo/scripts/build.sh"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"
# The app's own --screenshots mode walks the views and grabs each window; Xvfb gives
# it a real X server (xcb), as a user's desktop would.
QT_QPA_PLATFORM=xcb timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  "$build/app/ica-tagger" --demo --data-dir "$data" --screenshots "$out"
ls -1 "$out"
