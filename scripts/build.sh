#!/usr/bin/env bash
# Configures and builds ICA Tagger into build/ with Ninja (warnings are errors).
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_BUILD_DIR:-$repo/build}"
# ccache keys on relative paths, so a clone in another folder (CI's) reuses what an
# earlier build compiled instead of starting cold.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$repo")}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICATAG_WERROR=ON "$@"
cmake --build "$build" -j"$(nproc)"
