#!/usr/bin/env python3
"""Golden tests: each tests/golden/CASE/ holds input.txt (and optional
args, one option per line) and expected.FORMAT for each format; newsgraph's
output must equal it byte for byte.

usage: run_golden.py NEWSGRAPH GOLDEN_DIR [--update]
--update rewrites the expected files deliberately (review the diff).
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_golden, run  # noqa: E402
import harness  # noqa: E402

FORMATS = ["json", "dot"]


def main():
    (root,), opts = harness.start(__doc__, 1, 1)
    update = "--update" in opts
    for case in sorted(os.listdir(root)):
        d = os.path.join(root, case)
        inp = os.path.join(d, "input.txt")
        if not os.path.isfile(inp):
            continue
        extra = []
        if os.path.exists(os.path.join(d, "args")):
            extra = [l.strip() for l in open(os.path.join(d, "args")) if l.strip()]
        for fmt in FORMATS:
            code, out, err = run(["extract", "-f", fmt, "--id", case] + extra + [os.path.join(case, "input.txt")],
                                 timeout=60, cwd=root)
            if check(f"{case}/{fmt} exit", code == 0, f"exit {code}: {err.strip()}"):
                check_golden(f"{case}/{fmt}", out, os.path.join(d, "expected." + fmt), update)
    return harness.summary("golden", need_some=True)


if __name__ == "__main__":
    sys.exit(main())
