#!/usr/bin/env bash
# Runs every libFuzzer target of build-asan/ (scripts/sanitize.sh builds them) for a
# bounded time, each from a temporary copy of its committed seed corpus
# (tests/fuzz/corpus/<target>/), two at a time. A crash, a sanitizer finding, a hang
# or a failed check saves the reproducer in build-asan/fuzz-crashes/ and fails.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET (30)] [TARGET ...]
# Reproduce a finding: build-asan/tests/fuzz/fuzz_<target> build-asan/fuzz-crashes/<file>
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_ASAN_BUILD_DIR:-$repo/build-asan}"
seconds="${1:-${ICATAG_FUZZ_SECONDS:-30}}"
shift || true
jobs="${ICATAG_FUZZ_JOBS:-2}"
crashes="$build/fuzz-crashes"
logs="$build/fuzz-logs"
mkdir -p "$crashes" "$logs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in "$repo"/tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$repo/tests/sanitizers/lsan.supp:print_suppressions=0"

run_one() {
  local target="$1" binary="$build/tests/fuzz/fuzz_$1"
  if [ ! -x "$binary" ]; then
    echo "fuzz: $binary is missing: run scripts/sanitize.sh --build-only first" >&2
    return 1
  fi
  mkdir -p "$work/$target"
  cp -r "$repo/tests/fuzz/corpus/$target/." "$work/$target/"
  # -timeout: one input running over 10 s is a hang; -rss_limit_mb: memory blow-up.
  if "$binary" "$work/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/$target-" -print_final_stats=1 >"$logs/$target.log" 2>&1; then
    echo "fuzz: $target ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' \
      "$logs/$target.log" | grep -o '[0-9]*$' || echo '?') runs in ${seconds} s)"
  else
    echo "fuzz: $target FAILED; reproducer in $crashes/, log $logs/$target.log:" >&2
    grep -A40 -m1 -E '^==[0-9]+==ERROR|runtime error|fuzz check failed|ALARM|out-of-memory' \
      "$logs/$target.log" >&2 || tail -40 "$logs/$target.log" >&2
    return 1
  fi
}

failed=0
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_one "$target" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz: a target failed (reproducers in $crashes/)" >&2
  exit 1
fi
echo "fuzz: every target ran ${seconds} s without a finding"
