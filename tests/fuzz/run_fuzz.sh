#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan, in their own build
# directory) and runs each for SECONDS, one after the other, single process.
# New inputs go to a scratch corpus in the build directory, never into the
# committed seeds. A finding stops that target and leaves its input in
# BUILD/fuzz-out/TARGET/; once fixed, copy it to tests/fuzz/crashes/TARGET/
# so ctest replays it.
#
# usage: tests/fuzz/run_fuzz.sh [SECONDS [TARGET...]]   (default: 30, all)
# env:   NG_FUZZ_BUILD (default build-fuzz), CC (default clang)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract read_json read_dot rules lexicon roundtrip parse html warc)
build=${NG_FUZZ_BUILD:-build-fuzz}
cc=${CC:-clang}
command -v "$cc" >/dev/null || { echo "run_fuzz.sh: $cc not found (apt-get install clang)" >&2; exit 2; }

cmake -S . -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNG_FUZZ=ON >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]/#/fuzz_}"

# Leaks are findings; a pattern that hits its pcre2 limit is not, but one
# input running past -timeout is a hang.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for t in "${targets[@]}"; do
	corpus=$build/fuzz-corpus/$t out=$build/fuzz-out/$t
	mkdir -p "$corpus" "$out"
	dict=()
	[ -f tests/fuzz/dict/$t.dict ] && dict=(-dict=tests/fuzz/dict/$t.dict)
	log=$out/fuzz.log
	start=$(date +%s)
	# One process (libFuzzer's default: -jobs or -workers would fork);
	# text targets may go past NG_MAX_SENTENCE (8192), where sentences are cut.
	if "$build/tests/fuzz/fuzz_$t" "$corpus" tests/fuzz/corpus/$t "${dict[@]}" -max_total_time="$secs" \
		-max_len=12000 -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
		-artifact_prefix="$out/" >"$log" 2>&1; then
		result=ok
	else
		result="FINDING (see $log and $out/)"
		status=1
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	echo "fuzz $t: $(($(date +%s) - start)) s, ${runs:-?} runs, ${cov:-cov: ?}, $result"
done
exit $status
