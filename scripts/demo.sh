#!/usr/bin/env bash
# Quick start, part one: install what is missing, build, and open ICA Tagger in demo
# mode (a built-in ICA simulator on 127.0.0.1 with a ready "Demo" profile: no ICA
# account needed). Extra arguments go to the app.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/install-deps.sh"
"$repo/scripts/build.sh" -DICATAG_BUILD_TESTS=OFF -DICATAG_BUILD_BENCH=OFF
exec "${ICATAG_BUILD_DIR:-$repo/build}/app/ica-tagger" --demo "$@"
