#!/usr/bin/env python3
"""Streaming and parallel tests: extract --jsonl (one graph per line, in
order, bad lines named by number, --keep-going), -j N giving the same bytes
as -j 1, merge reading JSON Lines as an associative reducer, and the
progress line (only on a terminal, never with --quiet).

Articles are built from the spec cases' sentences (our own text).

usage: run_stream.py NEWSGRAPH SOURCE_DIR
"""
import glob
import re
import json
import os
import pty
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, run  # noqa: E402
import harness  # noqa: E402

SRC = None
harness.TIMEOUT = 600


def spec_sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(SRC, "tests", "spec", "*.txt"))):
        lines = open(path, encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            j = i + 1
            while j < len(lines) and lines[j].startswith("D "):  # a case's article date
                j += 1
            # not a dateline ("WASHINGTON, Aug 8, 1990 -"): it would date the article
            if line.startswith("### ") and j < len(lines) and lines[j].strip() and \
                    not re.match(r"[A-Z]{2,}(?: [A-Z]+)*,", lines[j]):
                out.append(lines[j].strip())
    return out


def articles(n):
    """n articles of five spec sentences each, with titles and dates."""
    sents = spec_sentences()
    arts = []
    for k in range(n):
        body = " ".join(sents[(k * 5 + j) % len(sents)] for j in range(5))
        art = {"id": f"art-{k}", "title": f"Report number {k}", "text": body, "source": "ignored"}
        if k % 3 == 0:
            art["date"] = f"2024-0{1 + k % 9}-1{k % 10}"
        arts.append(art)
    return arts


def jsonl(arts):
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts).encode()


def streaming():
    arts = articles(120)
    data = jsonl(arts)
    code, out, err = run(["extract", "--jsonl"], data)
    lines = out.split(b"\n")
    check("jsonl exit", code == 0 and err == "", err)
    check("jsonl one line per article", lines[-1] == b"" and len(lines) - 1 == len(arts), len(lines))
    graphs = [json.loads(l) for l in lines[:-1]]
    check("jsonl order and ids", [g["articles"][0]["id"] for g in graphs] == [a["id"] for a in arts])
    check("jsonl dates", all(g["articles"][0]["date"] == a.get("date") for g, a in zip(graphs, arts)))
    check("jsonl compact", all(b"\n" not in l and l.startswith(b'{"newsgraph":1,') for l in lines[:-1]))
    check("jsonl finds edges", sum(len(g["edges"]) for g in graphs) > 50,
          sum(len(g["edges"]) for g in graphs))

    # A line's graph is the graph of the same article given as a file
    # (title, blank line, text), apart from the article's source.
    a = arts[3]
    path = harness.path("a3.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(a["title"] + "\n\n" + a["text"])
    args = ["extract", "-f", "json", "--id", a["id"]] + (["--date", a["date"]] if "date" in a else []) + [path]
    code, fout, err = run(args)
    g = json.loads(fout)
    g["articles"][0]["source"] = a["id"]
    check("jsonl line equals the file's graph", g == graphs[3])
    check("jsonl line is the compact form", json.dumps(g, ensure_ascii=False, separators=(",", ":")).encode() ==
          lines[3])

    # -j N: the same bytes.
    for j in ("2", "3", "8"):
        code, outj, err = run(["extract", "--jsonl", "-j", j], data)
        check(f"jsonl -j {j} identical", code == 0 and outj == out)

    # Files in, -o out.
    inp = harness.path("in.jsonl")
    with open(inp, "wb") as f:
        f.write(data)
    dest = harness.path("out.jsonl")
    code, _, err = run(["extract", "--jsonl", "-j", "2", "-o", dest, inp])
    check("jsonl file to -o", code == 0 and open(dest, "rb").read() == out, err)

    # Bad lines: named by number; nothing half-written with -o.
    bad = data.split(b"\n")
    bad.insert(2, b'{"id": "x", "text": 5}')
    bad.insert(5, b"not json")
    bad.insert(7, b"")
    bad.insert(9, b'{"id": "y", "text": "ok", "date": "16 May"}')
    bad.insert(11, b'{"id": "z", "text": "bad \\u0000 byte"}')
    bad = b"\n".join(bad)
    code, o, err = run(["extract", "--jsonl"], bad)
    check("bad line exit", code == 2, code)
    check("bad line message", err == 'newsgraph: <stdin>:3: no "text" string\n', err)
    check("lines before the bad one are written", o.count(b"\n") == 2, o.count(b"\n"))
    dest2 = harness.path("bad.jsonl")
    code, o, err = run(["extract", "--jsonl", "-j", "2", "-o", dest2], bad)
    check("bad line leaves no output file", code == 2 and not os.path.exists(dest2) and
          not glob.glob(dest2 + ".tmp.*"))
    code, o, err = run(["extract", "--jsonl", "--keep-going", "-j", "2"], bad)
    want = ['newsgraph: <stdin>:3: no "text" string',
            "newsgraph: <stdin>:6: not a JSON object",
            'newsgraph: <stdin>:10: "date" is not a day of the calendar, YYYY-MM-DD',
            "newsgraph: <stdin>:12: a string holds a NUL character (\\u0000): binary input, not text",
            "newsgraph: 4 bad lines skipped"]
    check("keep-going messages", err.splitlines() == want, err)
    check("keep-going keeps the rest", code == 0 and o == out, (code, o.count(b"\n")))
    code, _, err = run(["extract", "--keep-going", "x.txt"])
    check("keep-going needs a batch", code == 2 and err == "newsgraph: --keep-going needs --jsonl, --warc or several files\n",
          err)
    code, _, err = run(["extract", "--jsonl", "-j", "0"], b"")
    check("bad -j", code == 2 and err == "newsgraph: -j '0' is not a thread count from 1 to 256\n", err)
    code, o, err = run(["extract", "--jsonl"], b"")
    check("empty jsonl input", code == 0 and o == b"" and err == "", err)
    return out


def files_parallel():
    paths = []
    for k, a in enumerate(articles(40)):
        p = harness.path(f"f{k:02d}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(a["title"] + "\n\n" + a["text"])
        paths.append(p)
    code, one, err = run(["extract", "-f", "json"] + paths)
    code2, two, err2 = run(["extract", "-f", "json", "-j", "2"] + paths)
    check("files -j 2 identical", code == 0 and code2 == 0 and one == two and len(one) > 1000)
    code3, dot, _ = run(["extract", "-j", "4"] + paths)
    code4, dot1, _ = run(["extract"] + paths)
    check("files -j 4 dot identical", code3 == 0 and dot == dot1)
    # A bad file in the middle: exit 2, named.
    badp = harness.path("bad.txt")
    with open(badp, "wb") as f:
        f.write(b"caf\xe9")
    code, o, err = run(["extract", "-j", "2"] + paths[:5] + [badp] + paths[5:10])
    check("bad file among many", code == 2 and err == f"newsgraph: {badp}: invalid UTF-8 at offset 3 (line 1)\n", err)


def reducer(stream_out):
    parts = stream_out.split(b"\n")[:-1]
    whole = harness.path("all.jsonl")
    with open(whole, "wb") as f:
        f.write(stream_out)
    code, merged, err = run(["merge", whole])
    check("merge reads JSON Lines", code == 0 and len(json.loads(merged)["articles"]) == len(parts), err)
    code, merged_stdin, _ = run(["merge", "-"], stream_out)
    check("merge reads JSON Lines on stdin", merged_stdin == merged)
    # Associative: reduce shards, then reduce the reductions. A merge whose
    # output goes to another merge takes --partial (README: a graph holds
    # an edge's confidence at two decimals only); without it the tree's
    # confidences may differ in the last digit.
    shards = []
    for k in range(3):
        p = harness.path(f"shard{k}.jsonl")
        with open(p, "wb") as f:
            f.write(b"".join(l + b"\n" for l in parts[k::3]))
        shards.append(p)
    reduced = []
    for k, p in enumerate(shards):
        code, r, _ = run(["merge", "--jsonl", "--partial", p])
        check(f"merge --jsonl --partial shard {k} is one line", code == 0 and r.count(b"\n") == 1 and r.endswith(b"\n"))
        reduced.append(r)
    code, final, err = run(["merge", "-"], b"".join(reduced))
    check("merge is associative", code == 0 and final == merged, err)
    code, final2, _ = run(["merge", "-"], reduced[2] + reduced[0] + reduced[1])
    check("merge order does not matter", final2 == merged)
    bad = parts[0] + b"\n" + parts[1] + b'\n{"newsgraph": 2}\n'
    code, _, err = run(["merge", "-"], bad)
    check("merge names the bad line", code == 2 and err.startswith("newsgraph: <stdin>:3: ") and
          err.count("\n") == 1, err)


def progress():
    """The progress line appears on a terminal only, and not with --quiet."""
    data = jsonl(articles(300))

    def on_tty(args):
        master, slave = pty.openpty()
        p = subprocess.Popen(harness.argv(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        # Half the input, a pause longer than the progress interval, then
        # the rest: the run lasts long enough to draw, however fast it is.
        half = data.rfind(b"\n", 0, len(data) // 2) + 1

        def feed():
            p.stdin.write(data[:half])
            p.stdin.flush()
            time.sleep(0.6)
            p.stdin.write(data[half:])
            p.stdin.close()

        writer = threading.Thread(target=feed)
        writer.start()
        out = p.stdout.read()
        writer.join()
        p.wait(timeout=600)
        return p.returncode, out, harness.drain_pty(master, 0.2)

    code, out, err = on_tty(["extract", "--jsonl"])
    check("progress on a terminal", code == 0 and b"articles" in err and b"MB/s" in err and err.endswith(b"\x1b[K"),
          err[-120:])
    code, out2, err = on_tty(["extract", "--jsonl", "--quiet"])
    check("--quiet: no progress", code == 0 and err == b"" and out2 == out, err[:120])
    code, out3, err = run(["extract", "--jsonl"], data)
    check("no progress when stderr is not a terminal", code == 0 and err == "", err[:120])


def main():
    global SRC
    (src,), _ = harness.start(__doc__, 1, 1)
    SRC = os.path.abspath(src)
    with harness.tempdir("ngstream"):
        out = streaming()
        files_parallel()
        reducer(out)
        progress()
    return harness.summary("stream")


if __name__ == "__main__":
    sys.exit(main())
