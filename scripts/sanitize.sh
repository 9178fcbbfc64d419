#!/usr/bin/env bash
# The sanitizer build: clang with AddressSanitizer + UndefinedBehaviorSanitizer (no
# recovery: the first finding fails) and libFuzzer's coverage, into build-asan/. It
# builds only what it covers: core, the simulator, the CLI, the fuzz targets (run by
# scripts/fuzz.sh) and the suites labelled core, simulator, cli and app (the
# acceptance suites), then runs those suites under scripts/with-keyring.sh.
# Usage: scripts/sanitize.sh [--build-only]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_ASAN_BUILD_DIR:-$repo/build-asan}"
# Relative paths in ccache's keys, as in build.sh: a fresh clone reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$repo")}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"

# -O1 and line tables only: a third of -O2 -g's compile time, and every finding
# still names file and line.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE= \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
  -DICATAG_SANITIZE=ON -DICATAG_FUZZ=ON -DICATAG_BUILD_BENCH=OFF \
  -DICATAG_TEST_LABELS="core;simulator;cli;app"
cmake --build "$build" -j"$(nproc)"
[ "${1:-}" = "--build-only" ] && exit 0

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$repo/tests/sanitizers/lsan.supp:print_suppressions=0"
"$repo/scripts/with-keyring.sh" ctest --test-dir "$build" --output-on-failure -j2
