#!/usr/bin/env bash
# Configures and builds ICA Tagger into build/ with Ninja (warnings are errors).
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_BUILD_DIR:-$repo/build}"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICATAG_WERROR=ON "$@"
cmake --build "$build" -j"$(nproc)"
