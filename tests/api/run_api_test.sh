#!/usr/bin/env bash
# Installs the library into a temporary prefix, builds tests/api/api_test.c
# against it through pkg-config, as a library user would (C11, pedantic,
# warnings as errors; the headers also compile as C++), and runs it.
# Usage: run_api_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CFLAGS...]
set -euo pipefail
build=$1 src=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pc=$(dirname "$(find "$tmp/prefix" -name newsgraph.pc)")
export PKG_CONFIG_PATH=$pc
flags=$(pkg-config --cflags --libs newsgraph)
libdir=$(pkg-config --variable=libdir newsgraph)
case $libdir in "$tmp"/prefix/*) ;; *) echo "newsgraph.pc points outside the install prefix: $libdir" >&2; exit 1 ;; esac
cc -std=c11 -Wall -Wextra -pedantic -Werror "$@" -o "$tmp/api_test" "$src/tests/api/api_test.c" $flags
printf '#include <newsgraph.h>\nint main(void) { return NG_OK; }\n' >"$tmp/cxx.cc"
c++ -Wall -Wextra -pedantic -Werror $(pkg-config --cflags newsgraph) -fsyntax-only "$tmp/cxx.cc"
LD_LIBRARY_PATH=$libdir "$tmp/api_test" "$src/graphs/putin-china-visit.txt"
# Every C block of the README compiles the same way and runs; the library
# example prints the edges of its sentence.
python3 - "$src/README.md" "$tmp" <<'PY'
import re, sys
blocks = re.findall(r"```c\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
for i, b in enumerate(blocks):
    open(f"{sys.argv[2]}/readme{i}.c", "w").write(b)
print(len(blocks), file=open(f"{sys.argv[2]}/nblocks", "w"))
PY
[ "$(cat "$tmp/nblocks")" -ge 1 ] || { echo "README has no C example" >&2; exit 1; }
for c in "$tmp"/readme*.c; do
	cc -std=c11 -Wall -Wextra -pedantic -Werror "$@" -o "${c%.c}" "$c" $flags
	LD_LIBRARY_PATH=$libdir "${c%.c}" >"${c%.c}.out"
done
grep -qx 'person:vladimir-putin -visits-> state:chn' "$tmp/readme0.out" || {
	echo "the README's library example did not print its visit" >&2
	exit 1
}

# The shared library exports the public API and nothing else.
so=$(find "$libdir" -name 'libnewsgraph.so' | head -1)
nm -D --defined-only "$so" | awk '$2 == "T" || $2 == "D" || $2 == "R" || $2 == "B" {print $3}' | sort >"$tmp/exported"
cat "$src"/include/newsgraph/*.h | grep -o 'NG_EXTERN [^(]*(' | grep -o 'ng_[a-z0-9_]*($' | tr -d '(' | sort -u >"$tmp/declared"
if ! diff -u "$tmp/declared" "$tmp/exported"; then
	echo "libnewsgraph.so exports differ from the NG_EXTERN declarations (- declared only, + exported only)" >&2
	exit 1
fi
echo "api: $(wc -l <"$tmp/exported") exported symbols, all declared NG_EXTERN"
