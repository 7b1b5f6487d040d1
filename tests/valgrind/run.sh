#!/usr/bin/env bash
# The whole ctest suite under valgrind memcheck: builds newsgraph without
# sanitizers in its own directory, then runs every ctest test with each
# newsgraph process (and each test or replay binary) under memcheck. Zero
# errors and zero leaks are required; only third-party leaks listed in
# newsgraph.supp are tolerated. Takes about an hour on two cores, so CI
# does not run it.
#
# usage: bash tests/valgrind/run.sh [CTEST-REGEX]   (env: NG_VG_BUILD, default build-vg)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${NG_VG_BUILD:-build-vg}
command -v valgrind >/dev/null || { echo "run.sh: valgrind not found (apt-get install valgrind)" >&2; exit 2; }
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNG_SANITIZE=OFF -DNG_FUZZ=OFF >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
python3 tests/valgrind/run_valgrind.py "$build" "${1:-}"
