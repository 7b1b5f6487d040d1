#!/usr/bin/env bash
# The throughput benchmark of issue 7: builds a Release build in build-bench/
# (incrementally), installs the pinned compromise into tests/bench/node_modules
# when missing, then prints the figure table (tests/bench/bench.py).
#
# usage: bash tests/bench/run.sh [CORPUS.jsonl] [--runs N] [--sample N]
#                                [--scale N] [--scale-runs N] [--jobs N] [--web N] [--no-build]
# CORPUS defaults to ../shared/corpus/reuters21578.jsonl beside the repository.
# Exit status: 0 whether or not the targets hold; non-zero when something
# could not be built or measured.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$repo/build-bench

build_it=1
args=()
for a in "$@"; do
	case $a in
	--no-build) build_it=0 ;;
	-h | --help)
		sed -n '2,10s/^# \{0,1\}//p' "$0"
		exec python3 "$here/bench.py" --help
		;;
	*) args+=("$a") ;;
	esac
done

if [ "$build_it" = 1 ]; then
	log=$(mktemp "${TMPDIR:-/tmp}/ngbench-build.XXXXXX")
	if [ ! -f "$build/CMakeCache.txt" ]; then
		echo "configuring $build (Release)" >&2
		cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1 || {
			cat "$log" >&2
			rm -f "$log"
			echo "bench: cmake configure failed" >&2
			exit 1
		}
	fi
	echo "building $build (bench, newsgraph)" >&2
	cmake --build "$build" -j2 --target bench newsgraph >"$log" 2>&1 || {
		tail -n 40 "$log" >&2
		echo "bench: build failed (bash tests/bench/run.sh --no-build uses what is built)" >&2
		rm -f "$log"
		exit 1
	}
	rm -f "$log"
fi

if [ ! -d "$here/node_modules/compromise" ]; then
	if command -v npm >/dev/null; then
		echo "installing compromise into $here/node_modules (npm ci)" >&2
		(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
			echo "bench: npm ci failed: the compromise line will say not available" >&2
	else
		echo "bench: npm is not installed: the compromise line will say not available" >&2
	fi
fi

exec python3 "$here/bench.py" --build "$build" "${args[@]+"${args[@]}"}"
