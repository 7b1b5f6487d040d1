#!/usr/bin/env python3
"""Golden tests: each tests/golden/CASE/ holds input.txt (and optional
args, one option per line) and expected.FORMAT for each format; newsgraph's
output must equal it byte for byte.

usage: run_golden.py NEWSGRAPH GOLDEN_DIR [--update]
--update rewrites the expected files deliberately (review the diff).
"""
import difflib
import os
import subprocess
import sys

FORMATS = ["json", "dot"]


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, root, update = argv[1], argv[2], "--update" in argv
    passed = failed = 0
    for case in sorted(os.listdir(root)):
        d = os.path.join(root, case)
        inp = os.path.join(d, "input.txt")
        if not os.path.isfile(inp):
            continue
        extra = []
        if os.path.exists(os.path.join(d, "args")):
            extra = [l.strip() for l in open(os.path.join(d, "args")) if l.strip()]
        for fmt in FORMATS:
            r = subprocess.run([os.path.abspath(binary), "extract", "-f", fmt, "--id", case] + extra +
                               [os.path.join(case, "input.txt")], capture_output=True, timeout=60, cwd=root)
            exp_path = os.path.join(d, "expected." + fmt)
            if r.returncode:
                failed += 1
                print(f"FAIL {case}/{fmt}: exit {r.returncode}: {r.stderr.decode().strip()}")
                continue
            if update:
                with open(exp_path, "wb") as f:
                    f.write(r.stdout)
            want = open(exp_path, "rb").read() if os.path.exists(exp_path) else b""
            if r.stdout == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {case}/{fmt}: output differs from {exp_path}")
                diff = difflib.unified_diff(want.decode().splitlines(), r.stdout.decode().splitlines(),
                                            "expected", "got", lineterm="", n=1)
                for i, line in enumerate(diff):
                    if i > 40:
                        print("    ...")
                        break
                    print("    " + line)
    print(f"golden: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
