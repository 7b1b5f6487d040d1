#!/usr/bin/env python3
"""Runs newsgraph over JSON Lines and WARC shards on a Dask cluster.

Each partition (a run of whole lines of one shard, about --partition-mb
megabytes) is piped on a worker through `newsgraph extract --jsonl` and
`newsgraph merge --jsonl --partial -`, which leaves one graph line per
partition; those lines are reduced as a tree, --fan-in at a time, by the
same merge on the workers (--partial keeps each evidence's confidence
exact from one merge to the next); the root line becomes the output through
`newsgraph merge -f FORMAT -o OUT -` here. newsgraph is used only through
pipes, the contract Hadoop Streaming and Spark `pipe` use too, and merge is
associative and commutative, so the result has the bytes of one
`newsgraph extract --jsonl SHARDS | newsgraph merge -` whatever the
partitions, the tree or the worker that ran each task. A task lost with its
worker (killed, crashed) is run again by Dask on another one. A WARC shard
(`.warc`, `.warc.gz`: a crawl) is one partition, read on the worker by
`newsgraph extract --warc`.

The shards must be readable at the same path by every worker (a shared
file system), as must the newsgraph binary (--newsgraph). Every article
needs an `id`: without one, extract numbers it by its line in the
partition, which depends on the partitioning.

usage: newsgraph_dask.py (--scheduler ADDR | --scheduler-file FILE)
                         [--newsgraph PATH] [--partition-mb MB] [--fan-in K]
                         [--max-evidence N] [--max-mentions N] [--keep-going]
                         [-f FORMAT] -o OUT SHARD...
Exit status 0 on success, 2 with one line on stderr on failure.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import threading


def is_warc(path):
    return path.endswith(".warc") or path.endswith(".warc.gz")


def partitions(path, size):
    """(path, offset, length) runs of whole lines of about `size` bytes; a
    WARC shard whole, (path, -1, 0): its records are not lines."""
    if is_warc(path):
        return [(path, -1, 0)]
    total = os.path.getsize(path)
    out, start = [], 0
    with open(path, "rb") as f:
        while start < total:
            f.seek(min(start + size, total))
            if f.tell() < total:
                f.readline()  # to the end of the line the cut fell in
            end = f.tell()
            out.append((path, start, end - start))
            start = end
    return out


def feed(stream, data):
    """Writes data to a process's stdin; a process that stopped reading
    (it failed) is reported by its exit status, not here."""
    try:
        stream.write(data)
        stream.close()
    except BrokenPipeError:
        pass


def pipe(cmds, data):
    """Runs the commands as one pipeline with `data` on stdin; returns its
    stdout, or raises with the first failing command's stderr. Each
    stderr goes to a file, so that none can fill a pipe and stall."""
    procs, errs, prev = [], [], subprocess.PIPE
    for i, cmd in enumerate(cmds):
        errs.append(tempfile.TemporaryFile())
        p = subprocess.Popen(cmd, stdin=prev, stdout=subprocess.PIPE, stderr=errs[-1])
        if i:
            procs[-1].stdout.close()  # the next process owns the pipe now
        procs.append(p)
        prev = p.stdout
    writer = threading.Thread(target=feed, args=(procs[0].stdin, data))
    writer.start()
    out = procs[-1].stdout.read()
    writer.join()
    for p in procs:
        p.wait()
    try:
        for p, err in zip(procs, errs):
            if p.returncode:
                err.seek(0)
                msg = err.read().decode("utf-8", "replace").strip()
                raise RuntimeError(msg or f"{p.args[0]} exited {p.returncode}")
    finally:
        for err in errs:
            err.close()
    return out


def map_partition(part, extract, merge):
    """One partition's articles in, their merged graph out (one line)."""
    path, offset, length = part
    if offset < 0:
        try:
            return pipe([extract["warc"] + [path], merge], b"")
        except RuntimeError as e:
            raise RuntimeError(f"{path}: {e}") from None
    extract = extract["jsonl"]
    with open(path, "rb") as f:
        f.seek(offset)
        data = f.read(length)
    try:
        return pipe([extract, merge], data)
    except RuntimeError as e:
        # extract counts lines from the partition's start: name where it is.
        raise RuntimeError(f"{path}, the partition at byte {offset}: {e}") from None


def reduce_lines(merge, *lines):
    """Graph lines in, their merge out (one line)."""
    return pipe([merge], b"".join(lines))


def options(argv):
    ap = argparse.ArgumentParser(prog="newsgraph_dask.py", description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the scheduler's address, tcp://HOST:PORT")
    where.add_argument("--scheduler-file", help="the file `dask scheduler --scheduler-file` wrote")
    ap.add_argument("--newsgraph", default="newsgraph", help="the binary, as the workers reach it")
    ap.add_argument("--partition-mb", type=float, default=16.0, help="partition size (default 16)")
    ap.add_argument("--fan-in", type=int, default=8, help="graphs per reduce task (default 8)")
    ap.add_argument("--max-evidence", type=int, help="passed to extract and merge")
    ap.add_argument("--max-mentions", type=int, help="passed to extract and merge")
    ap.add_argument("--keep-going", action="store_true", help="skip bad lines and records (extract --keep-going)")
    ap.add_argument("-f", dest="format", default="json", help="output format (default json)")
    ap.add_argument("-o", dest="out", required=True, help="output file (a directory for csv)")
    ap.add_argument("shards", nargs="+", metavar="SHARD")
    a = ap.parse_args(argv)
    if a.partition_mb <= 0 or a.fan_in < 2:
        ap.error("--partition-mb must be positive and --fan-in at least 2")
    return a


def commands(a):
    bounds = []
    if a.max_evidence is not None:
        bounds += ["--max-evidence", str(a.max_evidence)]
    if a.max_mentions is not None:
        bounds += ["--max-mentions", str(a.max_mentions)]
    common = ["--quiet"] + (["--keep-going"] if a.keep_going else []) + bounds
    extract = {"jsonl": [a.newsgraph, "extract", "--jsonl"] + common,
               "warc": [a.newsgraph, "extract", "--warc"] + common}
    merge = [a.newsgraph, "merge", "--jsonl", "--partial"] + bounds + ["-"]
    final = [a.newsgraph, "merge", "-f", a.format, "-o", a.out] + bounds + ["-"]
    return extract, merge, final


def run(a):
    from distributed import Client, as_completed

    extract, merge, final = commands(a)
    parts = [p for s in a.shards for p in partitions(s, int(a.partition_mb * 1024 * 1024))]
    if not parts:
        raise RuntimeError("no input: the shards are empty")
    with Client(a.scheduler or None, scheduler_file=a.scheduler_file, timeout="60s") as client:
        maps = [client.submit(map_partition, p, extract, merge, key=f"newsgraph-map-{i}")
                for i, p in enumerate(parts)]
        level, depth = maps, 0
        while len(level) > 1:
            depth += 1
            level = [client.submit(reduce_lines, merge, *level[i:i + a.fan_in], key=f"newsgraph-reduce-{depth}-{i}")
                     for i in range(0, len(level), a.fan_in)]
        for done, _ in enumerate(as_completed(maps), 1):
            print(f"newsgraph_dask: {done}/{len(parts)} partitions extracted", file=sys.stderr, flush=True)
        root = level[0].result()
    pipe([final], root)
    print(f"newsgraph_dask: {len(parts)} partitions, {depth} reduce levels: {a.out}", file=sys.stderr)


def main(argv):
    a = options(argv)
    try:
        run(a)
    except Exception as e:  # noqa: BLE001 (any failure, local or remote, is one line and exit 2)
        print(f"newsgraph_dask: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
