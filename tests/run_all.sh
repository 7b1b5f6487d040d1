#!/usr/bin/env bash
# The whole test suite: a plain build and an ASan+UBSan build, each running
# every ctest test (unit, spec, golden, CLI, fuzz corpus replay, bad-input
# table), then a short fuzz pass (clang, 30 s per target, build-fuzz/).
# Usage: bash tests/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for variant in plain sanitize; do
  dir=build-test-$variant
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  scale=1
  # Unoptimised and instrumented, the sanitizer build runs the syntax layer
  # about 15 times slower: its time limits (hang detection) stretch.
  [ "$variant" = sanitize ] && flags=(-DCMAKE_BUILD_TYPE=Debug -DNG_SANITIZE=ON) && scale=4
  echo "== $variant build =="
  cmake -S . -B "$dir" "${flags[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  NG_TEST_TIME_SCALE=$scale ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs"
done
echo "== fuzz: 30 s per target =="
bash tests/fuzz/run_fuzz.sh 30
