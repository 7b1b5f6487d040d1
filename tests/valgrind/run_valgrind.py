#!/usr/bin/env python3
"""Runs every ctest test of BUILD under valgrind memcheck (see run.sh).

usage: run_valgrind.py BUILD [CTEST-REGEX]

ctest names each test's command; a test runner (python) runs as is but is
handed a wrapper in place of the newsgraph binary, so that every newsgraph
process it starts runs under memcheck; a compiled test (unit tests, fuzz
replays) runs under memcheck itself. Each process logs to its own file;
the summary counts errors and leaks over all of them.
"""
import glob
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VALGRIND = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=full",
            "--show-leak-kinds=definite,indirect,possible", "--errors-for-leak-kinds=definite,indirect,possible",
            "--num-callers=40", "--suppressions=" + os.path.join(HERE, "newsgraph.supp")]
# Time bounds of the runners that have them (the bad-input table) stretch
# by this much: memcheck runs code 20 to 50 times slower.
TIME_SCALE = "50"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    build = os.path.abspath(argv[1])
    regex = argv[2] if len(argv) > 2 else ""
    newsgraph = os.path.join(build, "newsgraph")
    logs = os.path.join(build, "valgrind")
    os.makedirs(logs, exist_ok=True)
    for f in glob.glob(os.path.join(logs, "*")):
        os.remove(f)
    wrapper = os.path.join(logs, "newsgraph")
    cmd = VALGRIND + ["--log-file=" + os.path.join(logs, "vg.%p.log")]
    with open(wrapper, "w") as f:
        f.write("#!/bin/sh\nexec " + " ".join(cmd) + " " + newsgraph + ' "$@"\n')
    os.chmod(wrapper, 0o755)
    q = ["ctest", "--test-dir", build, "--show-only=json-v1"] + (["-R", regex] if regex else [])
    tests = json.loads(subprocess.run(q, capture_output=True, check=True).stdout)["tests"]
    env = dict(os.environ, NG_TEST_TIME_SCALE=TIME_SCALE)
    failed, total_start = [], time.monotonic()
    for t in tests:
        args = [wrapper if a == newsgraph else a for a in t["command"]]
        if not os.path.basename(args[0]).startswith("python"):
            args = cmd + args
        start = time.monotonic()
        r = subprocess.run(args, capture_output=True, env=env, cwd=build)
        took = time.monotonic() - start
        status = "ok  " if r.returncode == 0 else "FAIL"
        print(f"{status} {t['name']:28} {took:8.1f} s", flush=True)
        if r.returncode:
            failed.append(t["name"])
            sys.stdout.write(r.stdout.decode(errors="replace")[-3000:] + r.stderr.decode(errors="replace")[-3000:])
    errors = leaks = 0
    bad = []
    for log in sorted(glob.glob(os.path.join(logs, "vg.*.log"))):
        text = open(log, errors="replace").read()
        e = re.search(r"ERROR SUMMARY: (\d+) errors", text)
        lost = sum(int(n.replace(",", "")) for n in
                   re.findall(r"(?:definitely|indirectly|possibly) lost: ([\d,]+) bytes", text))
        if (e and int(e.group(1))) or lost:
            bad.append(log)
            errors += int(e.group(1)) if e else 0
            leaks += lost
    nlogs = len(glob.glob(os.path.join(logs, "vg.*.log")))
    print(f"valgrind: {len(tests)} tests, {nlogs} processes, {errors} errors, {leaks} bytes leaked, "
          f"{time.monotonic() - total_start:.0f} s")
    for log in bad[:10]:
        print("see " + log)
    return 1 if failed or bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
