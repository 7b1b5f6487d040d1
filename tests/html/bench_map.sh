#!/usr/bin/env bash
# The HTML map at scale: the first N articles of a JSON Lines corpus
# extracted, merged, drawn as a map (render -f html, and again with
# --keep-isolated); prints each map's size and the time chromium, headless,
# takes to open it (drive.js --time). Prints figures, asserts nothing.
#
# usage: bash tests/html/bench_map.sh NEWSGRAPH CORPUS.jsonl [N (1000)] [RUNS (3)]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ng=$(realpath "$1")
corpus=$2
n=${3:-1000}
runs=${4:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/ngmap.XXXXXX")
trap 'rm -rf "$work"' EXIT
head -n "$n" "$corpus" | "$ng" extract --jsonl -j 2 --quiet > "$work/graphs.jsonl"
"$ng" merge -o "$work/merged.json" "$work/graphs.jsonl"
python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); print("merged: %d articles, %d entities, %d relations" % tuple(len(g[k]) for k in ("articles", "nodes", "edges")))' "$work/merged.json"
for keep in "" --keep-isolated; do
	start=$(date +%s.%N)
	"$ng" render -f html $keep -o "$work/map.html" "$work/merged.json"
	end=$(date +%s.%N)
	size=$(stat -c %s "$work/map.html")
	echo "render -f html ${keep:-(default)}: $(python3 -c "print(f'{$size / 1e6:.2f} MB, written in {$end - $start:.2f} s')")"
	node "$here/drive.js" --time "$work/map.html" "$runs"
done
