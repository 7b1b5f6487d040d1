#!/usr/bin/env bash
# Rewrites the golden files and graphs/ after a deliberate change to the
# extraction; review `git diff` before committing. Usage: bash tests/regen.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target newsgraph graphs
python3 tests/golden/run_golden.py "$build/newsgraph" tests/golden --update
python3 tests/tools/run_tools.py "$build/newsgraph" . --update
