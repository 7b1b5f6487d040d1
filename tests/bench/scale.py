#!/usr/bin/env python3
"""The merge at scale: merged graphs of 10^3 .. 10^6 articles, with and
without bounds, and how their cost grows.

Each step re-identifies the corpus's articles (article i is corpus line
i mod N with the id `s<i>` and a date spread over ten years, so names
repeat the way they do in a real wire) and runs

    newsgraph extract --jsonl -j J --quiet [BOUNDS] | newsgraph merge [BOUNDS] -o OUT -

printing per step the wall time of the pipeline, the merge's CPU time and
peak RSS, and the output's size, then per mode the growth exponent of each
(the slope of log(figure) over log(articles) between the last two steps,
and fitted over all steps). BOUNDS is `--max-evidence B --max-mentions B`.
An unbounded merge holds every evidence: steps above --max-unbounded are
left out of the unbounded mode (its memory is then estimated from the
exponent, not measured).

usage: python3 tests/bench/scale.py [CORPUS] [--newsgraph PATH]
           [--steps 1000,10000,100000,1000000] [--bound 20]
           [--max-unbounded 100000] [-j 2] [--tmp DIR]
CORPUS defaults to ../shared/corpus/reuters21578.jsonl beside the
repository; PATH to build/newsgraph.
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def load(path):
    arts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                arts.append({"title": a.get("title"), "text": a["text"]})
    return arts


def feed(arts, n, pipe):
    """Writes n re-identified articles to pipe, then closes it."""
    day0 = datetime.date(2015, 1, 1)
    try:
        for i in range(n):
            a = arts[i % len(arts)]
            rec = {"id": f"s{i:07d}", "date": str(day0 + datetime.timedelta(days=(i * 7919) % 3653)),
                   "title": a["title"], "text": a["text"]}
            pipe.write((json.dumps(rec) + "\n").encode())
    except BrokenPipeError:
        pass
    finally:
        try:
            pipe.close()
        except BrokenPipeError:
            pass


def step(bin_, arts, n, bounds, jobs, out):
    """One pipeline run: (wall s, merge cpu s, merge peak RSS MB, output MB)."""
    t0 = time.monotonic()
    ex = subprocess.Popen([bin_, "extract", "--jsonl", "-j", str(jobs), "--quiet"] + bounds,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    mg = subprocess.Popen([bin_, "merge"] + bounds + ["-o", out, "-"], stdin=ex.stdout)
    ex.stdout.close()  # merge owns the pipe now
    w = threading.Thread(target=feed, args=(arts, n, ex.stdin))
    w.start()
    _, st_ex, _ = os.wait4(ex.pid, 0)
    _, st_mg, ru = os.wait4(mg.pid, 0)
    w.join()
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(st_ex) or os.waitstatus_to_exitcode(st_mg):
        raise RuntimeError(f"the pipeline failed at {n} articles ({' '.join(bounds) or 'unbounded'})")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, os.path.getsize(out) / 1e6


def slope(xs, ys):
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((x - mx) ** 2 for x in lx)
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / den if den else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(REPO, "..", "shared", "corpus", "reuters21578.jsonl"))
    ap.add_argument("--newsgraph", default=os.path.join(REPO, "build", "newsgraph"))
    ap.add_argument("--steps", default="1000,10000,100000,1000000")
    ap.add_argument("--bound", type=int, default=20)
    ap.add_argument("--max-unbounded", type=int, default=100000)
    ap.add_argument("-j", dest="jobs", type=int, default=2)
    ap.add_argument("--tmp", default=None)
    a = ap.parse_args()
    steps = [int(s) for s in a.steps.split(",")]
    arts = load(a.corpus)
    print(f"scale: {a.corpus}: {len(arts)} articles re-identified; extract -j {a.jobs}; bound {a.bound}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cpus")
    print(f"{'mode':<10} {'articles':>9} {'wall s':>8} {'merge cpu s':>11} {'peak RSS MB':>11} {'output MB':>10}")
    modes = [("unbounded", []), (f"bound {a.bound}", ["--max-evidence", str(a.bound), "--max-mentions", str(a.bound)])]
    with tempfile.TemporaryDirectory(prefix="ng-scale-", dir=a.tmp) as tmp:
        for name, bounds in modes:
            rows = []
            for n in steps:
                if not bounds and n > a.max_unbounded:
                    print(f"{name:<10} {n:>9} {'(left out: above --max-unbounded)':>44}")
                    continue
                r = step(a.newsgraph, arts, n, bounds, a.jobs, os.path.join(tmp, "out.json"))
                rows.append((n,) + r)
                print(f"{name:<10} {n:>9} {r[0]:>8.1f} {r[1]:>11.1f} {r[2]:>11.1f} {r[3]:>10.1f}", flush=True)
            if len(rows) >= 2:
                ns = [r[0] for r in rows]
                for label, col in (("time", 2), ("peak RSS", 3), ("output", 4)):
                    ys = [r[col] for r in rows]
                    last = math.log(ys[-1] / ys[-2]) / math.log(ns[-1] / ns[-2]) if ys[-2] > 0 else float("nan")
                    print(f"{name:<10} growth exponent of {label:<9}: {last:.2f} over the last step, "
                          f"{slope(ns, ys):.2f} fitted over all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
