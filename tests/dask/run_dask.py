#!/usr/bin/env python3
"""The Dask runner (contrib/dask/newsgraph_dask.py) on a real local cluster:
a `dask scheduler` and two `dask worker` processes on 127.0.0.1, talking
TCP. The first 8,000 articles of the Reuters corpus beside the repository
(a slice, to keep the test short) go through them and must give the bytes of `newsgraph extract --jsonl | newsgraph merge -` in one
process: unbounded, bounded (--max-evidence, --max-mentions) in another
format, and with one worker killed mid-run (Dask runs its tasks again on
the other). Everything started is stopped, even on failure. Dask missing
fails the test (tests/deps.sh installs Debian's python3-distributed).

usage: run_dask.py NEWSGRAPH SOURCE_DIR
"""
import gzip
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_equal, fatal  # noqa: E402
import harness  # noqa: E402

STARTED = []  # Popen objects, each the leader of its own process group
ARTICLES = 8000


def dask_commands():
    """(python, scheduler argv, worker argv): the `dask` CLI's subcommands,
    or Debian's older dask-scheduler and dask-worker; python is the
    interpreter the CLI runs on, the one that has `distributed`."""
    dask = shutil.which("dask")
    if dask and subprocess.run([dask, "scheduler", "--help"], capture_output=True).returncode == 0:
        exe, sched, work = dask, [dask, "scheduler"], [dask, "worker"]
    elif shutil.which("dask-scheduler") and shutil.which("dask-worker"):
        exe, sched, work = shutil.which("dask-scheduler"), ["dask-scheduler"], ["dask-worker"]
    else:
        fatal("the dask CLI is missing: bash tests/deps.sh installs python3-distributed")
    with open(exe, "rb") as f:
        first = f.readline().decode("utf-8", "replace").strip()
    python = first[2:].split()[0] if first.startswith("#!") else sys.executable
    if python.endswith("/env"):
        python = shutil.which(first[2:].split()[1])
    if subprocess.run([python, "-c", "import distributed"], capture_output=True).returncode:
        fatal(f"{python} cannot import distributed: bash tests/deps.sh installs python3-distributed")
    return python, sched, work


def start(argv, log):
    """Starts a process in its own process group, output to `log`."""
    with open(log, "wb") as out:
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                             start_new_session=True)
    STARTED.append(p)
    return p


def kill(p):
    """Kills p's whole group (a worker and the newsgraph it runs)."""
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait()


def stop_all():
    for p in STARTED:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                kill(p)


def cluster(python, sched, work, tmp):
    """Starts the scheduler and two workers; returns (scheduler file,
    workers)."""
    sfile = os.path.join(tmp, "scheduler.json")
    start(sched + ["--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", sfile],
          os.path.join(tmp, "scheduler.log"))
    deadline = time.time() + 60 * harness.SCALE
    while not os.path.exists(sfile) and time.time() < deadline:
        time.sleep(0.1)
    if not os.path.exists(sfile):
        fatal("the scheduler did not start: " + open(os.path.join(tmp, "scheduler.log")).read()[-2000:])
    workers = [start(work + ["--scheduler-file", sfile, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                             "--no-dashboard", "--name", f"w{i}", "--local-directory", os.path.join(tmp, f"w{i}")],
                       os.path.join(tmp, f"worker{i}.log"))
               for i in (1, 2)]
    wait = subprocess.run([python, "-c", "import sys; from distributed import Client; "
                           "c = Client(scheduler_file=sys.argv[1], timeout='60s'); "
                           "c.wait_for_workers(2, timeout=60); c.close()", sfile],
                          capture_output=True, text=True, timeout=120 * harness.SCALE)
    if wait.returncode:
        fatal("the two workers did not join: " + wait.stderr[-2000:])
    return sfile, workers


def one_process(corpus, bounds, fmt):
    """extract --jsonl | merge in one process each: the bytes to match."""
    lines = harness.output(["extract", "--jsonl", "--quiet"] + bounds + [corpus])
    return harness.output(["merge", "-f", fmt] + bounds + ["-"], stdin=lines)


def warc_of(lines, gz):
    """A WARC of text/plain resource records, one per article (a gzip
    member each when gz), as a crawler of plain-text pages writes it."""
    out = []
    for line in lines:
        a = json.loads(line)
        body = a["text"].encode()
        rec = (f"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///articles/{a['id']}\r\n"
               f"WARC-Date: {a.get('date') or '1987-03-01'}T00:00:00Z\r\nContent-Type: text/plain\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body + b"\r\n\r\n"
        out.append(gzip.compress(rec, mtime=0) if gz else rec)
    return b"".join(out)


def warc_run(python, src, sfile, tmp, lines):
    """WARC shards (gzip and plain) beside a JSON Lines one: each WARC is one
    partition, read on a worker by extract --warc; the bytes of one process."""
    shards = [harness.write("a.warc.gz", warc_of(lines[:200], True)), harness.write("b.warc", warc_of(lines[200:400], False)),
              harness.write("c.jsonl", b"".join(lines[400:600]))]
    graphs = b"".join(harness.output(["extract", "--warc", "--quiet", w]) for w in shards[:2])
    graphs += harness.output(["extract", "--jsonl", "--quiet", shards[2]])
    want = harness.output(["merge", "-f", "json", "-"], stdin=graphs)
    out = os.path.join(tmp, "warc.json")
    r = subprocess.run(runner(python, src, sfile, out, ["--partition-mb", "0.1"] + shards),
                       capture_output=True, text=True, timeout=300 * harness.SCALE)
    check("warc run exit", r.returncode == 0, r.stderr[-2000:])
    spec = importlib.util.spec_from_file_location("runner", os.path.join(src, "contrib", "dask", "newsgraph_dask.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    n = 2 + len(mod.partitions(shards[2], int(0.1 * 1024 * 1024)))
    check("warc run: one partition per archive", f"newsgraph_dask: {n} partitions," in r.stderr, r.stderr[-500:])
    check_equal("warc shards: the bytes of one process", open(out, "rb").read() if r.returncode == 0 else b"", want)


def runner(python, src, sfile, out, extra):
    return [python, os.path.join(src, "contrib", "dask", "newsgraph_dask.py"), "--scheduler-file", sfile,
            "--newsgraph", harness.BIN, "-o", out] + extra


def main():
    (src,), _ = harness.start(__doc__, 1, 1)
    corpus = os.path.normpath(os.path.join(src, "..", "shared", "corpus", "reuters21578.jsonl"))
    if not os.path.exists(corpus):
        fatal(f"{corpus} is missing: the corpus lies beside the repository")
    with open(corpus, "rb") as f:
        lines = f.readlines()[:ARTICLES]
    check_equal("the slice", len(lines), ARTICLES)
    python, sched, work = dask_commands()
    # A timeout's SIGTERM still stops the cluster (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    harness.TIMEOUT = 300
    bounds = ["--max-evidence", "20", "--max-mentions", "20"]
    with harness.tempdir("ng-dask-") as tmp:
        corpus = harness.write("slice.jsonl", b"".join(lines))
        try:
            sfile, workers = cluster(python, sched, work, tmp)
            plain = one_process(corpus, [], "json")
            out = os.path.join(tmp, "graph.json")
            r = subprocess.run(runner(python, src, sfile, out, ["--partition-mb", "0.4", "--fan-in", "3", corpus]),
                               capture_output=True, text=True, timeout=300 * harness.SCALE)
            check("unbounded run exit", r.returncode == 0, r.stderr[-2000:])
            check_equal("unbounded: the bytes of one process", open(out, "rb").read() if r.returncode == 0 else b"",
                        plain)

            want = one_process(corpus, bounds, "graphml")
            out = os.path.join(tmp, "graph.graphml")
            r = subprocess.run(runner(python, src, sfile, out, bounds + ["-f", "graphml", "--partition-mb", "1",
                                                                         corpus]),
                               capture_output=True, text=True, timeout=300 * harness.SCALE)
            check("bounded run exit", r.returncode == 0, r.stderr[-2000:])
            check_equal("bounded graphml: the bytes of one process",
                        open(out, "rb").read() if r.returncode == 0 else b"", want)

            warc_run(python, src, sfile, tmp, lines)
            killed_run(python, src, sfile, workers, corpus, tmp, plain)
        finally:
            stop_all()
    return harness.summary("dask")


def killed_run(python, src, sfile, workers, corpus, tmp, want):
    """Small partitions, and worker 1 killed once the first is done."""
    out = os.path.join(tmp, "killed.json")
    p = subprocess.Popen(runner(python, src, sfile, out, ["--partition-mb", "0.15", corpus]),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    STARTED.append(p)
    done_at_kill, lines = None, []
    for line in p.stderr:
        lines.append(line)
        if done_at_kill is None and "partitions extracted" in line:
            done_at_kill = line.split()[1]
            kill(workers[0])
    p.wait(timeout=300 * harness.SCALE)
    n = done_at_kill.split("/") if done_at_kill else ["0", "0"]
    check("killed worker: killed mid-run", done_at_kill is not None and int(n[0]) < int(n[1]), done_at_kill)
    check("killed worker: it is gone", workers[0].poll() is not None)
    log = open(os.path.join(tmp, "scheduler.log"), encoding="utf-8", errors="replace").read()
    check("killed worker: the scheduler removed it", "Remove worker" in log and "name: w1" in log, log[-1500:])
    check("killed worker: run exit", p.returncode == 0, "".join(lines)[-2000:])
    check("killed worker: every partition done", any(f"{n[1]}/{n[1]} partitions" in x for x in lines),
          "".join(lines)[-500:])
    check_equal("killed worker: the bytes of one process", open(out, "rb").read() if p.returncode == 0 else b"",
                want)


if __name__ == "__main__":
    sys.exit(main())
