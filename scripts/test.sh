#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, and run every test: the
# QTest suites (under ctest, inside a private D-Bus session with an unlocked
# gnome-keyring so secrets go through a real Secret Service), the core, simulator, CLI
# and acceptance suites again under ASan + UBSan and the fuzz targets (clang, into
# build-asan/), the Prism conformance checks against the real ICA spec, and the
# benchmarks (which print figures).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_BUILD_DIR:-$repo/build}"
export ICATAG_BUILD_DIR="$build"

"$repo/scripts/install-deps.sh"
"$repo/scripts/build.sh"

echo "== unit and integration tests (ctest)"
"$repo/scripts/with-keyring.sh" ctest --test-dir "$build" --output-on-failure -j2

echo "== the same suites under ASan + UBSan (clang), then every fuzz target for 30 s"
"$repo/scripts/sanitize.sh"
"$repo/scripts/fuzz.sh"

echo "== conformance with the ICA OpenAPI spec (Prism)"
"$repo/scripts/conformance.sh" --build "$build"

echo "== the Debian package: built, extracted, both programs run from it, validated, lintian"
"$repo/scripts/package.sh"

echo "== benchmarks"
"$build/bench/bench_items"
"$build/bench/bench_browser"
"$build/bench/bench_composer"
"$build/bench/bench_monitor"
"$build/bench/bench_startup"
"$build/bench/bench_icatag"
