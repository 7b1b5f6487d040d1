#!/usr/bin/env python3
"""The bad-input table (cases.py): runs each case and checks its exit
status, its exact stderr line, its output graph, its time bound (wall time;
the growth checks compare CPU time), and that
no partial or temporary output file is left behind.

usage: run_badinput.py NEWSGRAPH [CASE-NAME-SUBSTRING...]

NG_TEST_TIME_SCALE multiplies every time bound (default 1; tests/valgrind
sets it).
"""
import json
import math
import os
import re
import subprocess
import sys
import resource

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from cases import CASES, LADDER, LADDER_MAX_EXPONENT, LINEAR  # noqa: E402
import harness  # noqa: E402


def subst(s, tmp):
    return s.replace("{tmp}", tmp).replace("{out}", os.path.join(tmp, "out", "g.json"))


def graph_of(path):
    with open(path, "rb") as f:
        g = json.load(f)
    return ({n["id"] for n in g["nodes"]}, {(e["source"], e["type"], e["target"]) for e in g["edges"]})


def run_case(case, problems):
    """Runs one case; returns its wall time, or None when skipped."""
    if case.get("root") == "skip" and os.geteuid() == 0:
        harness.skip(case["name"], "running as root, which reads mode-000 files "
                     "(the /proc/self/mem case covers an unreadable file)")
        return None
    with harness.tempdir("ng-badinput-") as tmp:
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        for name, content in case["files"].items():
            path = os.path.join(tmp, name)
            if callable(content):
                content(path)
            else:
                with open(path, "wb") as f:
                    f.write(content)
            if name in case.get("mode", {}):
                os.chmod(path, case["mode"][name])
        args = [subst(a, tmp) for a in case["args"]]
        limit = case.get("limit", 20)
        before = cpu_of_children()
        try:
            code, out, err = harness.run(args, timeout=limit)
        except subprocess.TimeoutExpired:
            problems.append(f"took more than {limit * harness.SCALE:.0f} s (hang, or a loop that is not linear)")
            return limit * harness.SCALE
        took = cpu_of_children() - before
        if code != case["exit"]:
            problems.append(f"exit {code}, expected {case['exit']}; stderr {err[-300:]!r}")
        want = case.get("stderr", "")
        if isinstance(want, re.Pattern):
            if not want.fullmatch(err.rstrip("\n")) or err.count("\n") != 1:
                problems.append(f"stderr {err!r} does not match {want.pattern!r}")
        elif err != (subst(want, tmp) + "\n" if want else ""):
            problems.append(f"stderr {err!r}, expected {subst(want, tmp)!r}")
        if out:
            problems.append(f"stdout not empty with -o: {out[:80]!r}")
        left = sorted(os.listdir(outdir))
        if case["exit"] == 0:
            if left != ["g.json"]:
                problems.append(f"output directory holds {left}, expected just g.json")
            elif "nodes" in case:
                try:
                    nodes, edges = graph_of(os.path.join(outdir, "g.json"))
                except (OSError, ValueError) as e:
                    problems.append(f"output is not a JSON graph: {e}")
                else:
                    if nodes != case["nodes"]:
                        problems.append(f"nodes {sorted(nodes)}, expected {sorted(case['nodes'])}")
                    if edges != case["edges"]:
                        problems.append(f"edges {sorted(edges)}, expected {sorted(case['edges'])}")
        elif left:
            problems.append(f"failed, yet left {left} (partial or temporary output)")
        return took


def cpu_of_children():
    """CPU seconds of the children waited for so far: the growth checks
    compare these, since wall time also measures the machine's load."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def growth_exponent(points):
    """k of the least-squares fit of log(time) = k log(size) + c."""
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(max(t, 0.01)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main():
    only, _ = harness.start(__doc__, 0)
    times = {}
    for case in CASES:
        if only and not any(o in case["name"] for o in only):
            continue
        problems = []
        took = run_case(case, problems)
        if took is None:
            continue
        times[case["name"]] = took
        label = f"{case['name']} ({took:.2f} CPU s)"
        if harness.check(label, not problems, "; ".join(problems)):
            print("ok   " + label)
    small, big, ratio, bound = LINEAR
    if small in times and big in times:
        r = times[big] / max(times[small], 0.01)
        line = f"linear: {big} took {r:.1f} times the {small} (size x{ratio}, bound x{bound})"
        if harness.check(line, r <= bound):
            print("ok   " + line)
    if all(name in times for name, _ in LADDER):
        k = growth_exponent([(size, times[name]) for name, size in LADDER])
        line = f"one article 1 to 16 MB: time grows as size^{k:.2f} (bound {LADDER_MAX_EXPONENT})"
        if harness.check(line, k <= LADDER_MAX_EXPONENT):
            print("ok   " + line)
    return harness.summary("badinput")


if __name__ == "__main__":
    sys.exit(main())
