#!/usr/bin/env python3
"""The figures of tests/bench/run.sh (which builds build-bench/ and installs
compromise first, then runs this).

Over a JSON Lines corpus ({"id", "date", "title", "text"} a line; an article
is its title, a blank line and its text, the bytes `extract --jsonl` reads),
prints: the in-process stages of tests/bench/bench.c (text layer, entities, full
extract, extract + merge, merge alone), `wc -w` over the same bytes,
compromise over a sample, the CLI's streaming mode (`extract --jsonl`) at 1x
and Nx the corpus, `-j 2` against `-j 1`, web inputs (the same articles as
news pages in a WARC file, plain and gzip, against their text as JSON
Lines), the machine, and each target of
issue 7 with PASS/FAIL. Every timing is the median of several runs. A missed
target is not an error: the exit status is 0 unless something could not be
measured (a crash, a build or a read error).
"""
import argparse
import gzip
import hashlib
import html
import json
import math
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

TARGETS = {
    "wc": 0.25,          # full extract MB/s / wc -w MB/s >=
    "compromise": 300,   # full extract MB/s / compromise MB/s >=
    "rss_mb": 64,        # streaming peak RSS (MiB) <
    "linearity": 1.1,    # time at SCALEx / time at 1x <= 1.1 x SCALE (11 at 10x)
    "parallel": 1.7,     # -j 2 throughput / -j 1 throughput >=
    "one_exponent": 1.1, # one article of 1 to 20 MB: time grows as size^k, k <=
    "one_rss_mb": 200,   # one article of 20 MB: peak RSS (MiB) <
}

errors = []


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def sh(cmd, **kw):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, **kw).stdout.strip()
    except OSError:
        return ""


def machine(build):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    os_name = platform.system()
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            if m:
                os_name = m.group(1)
    except OSError:
        pass
    cc, flags = "cc", ""
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as f:
            cache = f.read()
        m = re.search(r"^CMAKE_C_COMPILER:\w+=(.*)$", cache, re.M)
        if m:
            cc = m.group(1)
        bt = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", cache, re.M)
        if bt and bt.group(1):
            m = re.search(r"^CMAKE_C_FLAGS_%s:\w+=(.*)$" % bt.group(1).upper(), cache, re.M)
            flags = "%s %s" % (bt.group(1), m.group(1) if m else "")
    except OSError:
        pass
    compiler = sh([cc, "--version"]).splitlines()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "os": "%s, Linux %s" % (os_name, platform.release()),
        "compiler": (compiler[0] if compiler else cc) + (" (%s)" % flags.strip() if flags else ""),
        "node": sh(["node", "--version"]) or "not installed",
    }


def load_corpus(path):
    """The JSON Lines bytes, and the article count and text bytes as bench.c
    counts them (lines with a string "text")."""
    with open(path, "rb") as f:
        raw = f.read()
    texts = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        t = o.get("text") if isinstance(o, dict) else None
        if isinstance(t, str):
            title = o.get("title")
            texts.append((title + "\n\n" + t if isinstance(title, str) and title else t).encode())
    if raw and not raw.endswith(b"\n"):
        raw += b"\n"
    return raw, texts


def run_bench(bench, corpus, runs):
    p = subprocess.run([bench, "--tsv", corpus, str(runs)], capture_output=True, text=True)
    if p.returncode != 0:
        errors.append("bench exited %d: %s" % (p.returncode, p.stderr.strip()))
    out = {}
    for line in p.stdout.splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "corpus":
            out["corpus"] = {"articles": int(f[1]), "bytes": int(f[2]), "build_s": float(f[3]),
                             "rss_kb": int(f[4])}
        else:
            out[f[0]] = {"runs": int(f[1]), "s": float(f[2]), "rss_kb": int(f[3]),
                         "cpu": None if f[4] == "-" else float(f[4])}
            if f[0] == "merge":
                out[f[0]].update(nodes=int(f[5]), edges=int(f[6]))
    return out


def time_wc(bench, path, runs, loc, tmp):
    env = dict(os.environ, LC_ALL=loc)
    ts, cpus = [], []
    words = None
    for _ in range(runs):
        p, res = measured(bench, ["wc", "-w", path], tmp, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
        out, err = p.communicate()
        status, _, t, cpu = rusage_result(p, res, ["wc"])
        if status != 0:
            errors.append("wc -w failed: " + err.strip())
            return None
        ts.append(t)
        cpus.append(cpu)
        words = int(out.split()[0])
    return {"s": median(ts), "cpu": median(cpus), "runs": runs, "words": words}


def run_compromise(bench, corpus, sample, runs, tmp):
    if not os.path.isdir(os.path.join(HERE, "node_modules", "compromise")):
        return None, "not available (tests/bench/node_modules/compromise is missing: npm ci failed?)"
    if not shutil.which("node"):
        return None, "not available (node is not installed)"
    cmd = ["node", os.path.join(HERE, "compromise.js"), corpus, str(sample), str(runs)]
    p, res = measured(bench, cmd, tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.communicate()
    status, rss, _, _ = rusage_result(p, res, cmd)
    if status != 0:
        errors.append("compromise.js exited %d: %s" % (status, err.strip()[-500:]))
        return None, "failed"
    r = json.loads(out)
    r["s"] = median(r["times"])
    r["cpu"] = median(r["cpu"])
    r["rss_kb"] = rss
    return r, None


def measured(bench, cmd, tmp, **popen):
    """Starts cmd under `bench --run` (a small process: cmd's peak RSS is
    its own, not this driver's); returns the Popen and the result file."""
    fd, res = tempfile.mkstemp(dir=tmp, prefix="rusage.")
    os.close(fd)
    return subprocess.Popen([bench, "--run", res] + cmd, start_new_session=True, **popen), res


def rusage_result(p, res, cmd):
    """(status, peak RSS KB, wall seconds, CPU seconds) of a `bench --run`
    child."""
    try:
        with open(res) as f:
            status, rss, t, cpu = f.read().split()
        os.unlink(res)
        return int(status), int(rss), float(t), float(cpu)
    except (OSError, ValueError):
        raise SystemExit("bench: %s: no result from bench --run (exit %s)" % (" ".join(cmd), p.returncode))


class Stream:
    """One run of the CLI with the corpus, repeated `scale` times, written
    into its stdin from a thread (never to disk). Gives the wall time, the
    child's own peak RSS and its exit status."""

    def __init__(self, bench, cmd, data, scale, tmp, out_path=None, timeout=None):
        self.bench, self.cmd, self.data, self.scale, self.tmp = bench, cmd, data, scale, tmp
        self.out_path, self.timeout = out_path, timeout

    def run(self):
        out = open(self.out_path, "wb") if self.out_path else open(os.devnull, "wb")
        err = tempfile.TemporaryFile()
        p, res = measured(self.bench, self.cmd, self.tmp, stdin=subprocess.PIPE, stdout=out, stderr=err)

        def feed():
            try:
                for _ in range(self.scale):
                    p.stdin.write(self.data)
                p.stdin.close()
            except (BrokenPipeError, OSError):
                pass

        th = threading.Thread(target=feed, daemon=True)
        th.start()
        try:
            p.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        th.join()
        out.close()
        err.seek(0)
        self.stderr = err.read().decode(errors="replace").strip()
        err.close()
        status, rss, t, cpu = rusage_result(p, res, self.cmd)
        return t, rss, status, cpu


def probe(cmd, data):
    """Does the CLI take these arguments? Two articles through, two JSON
    lines out."""
    lines = data.splitlines(keepends=True)[:2]
    try:
        p = subprocess.run(cmd, input=b"".join(lines), capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if p.returncode != 0:
        return False
    out = p.stdout.splitlines()
    try:
        return len(out) == len(lines) and all(isinstance(json.loads(x), dict) for x in out)
    except ValueError:
        return False


def streams(bench, ng, data, runs, scale, scale_runs, jobs, tmp):
    """The streaming figures; None where the CLI lacks the option."""
    res = {"jsonl": False, "jobs": False}
    if not os.access(ng, os.X_OK):
        return res
    res["jsonl"] = probe([ng, "extract", "--jsonl"], data)
    if not res["jsonl"]:
        return res
    res["jobs"] = probe([ng, "extract", "--jsonl", "-j", "2"], data)
    base = [ng, "extract", "--jsonl"] + (["-j", "1"] if res["jobs"] else [])
    timeout = 600
    configs = [("x1", base)]
    if res["jobs"]:
        configs.append(("jN", [ng, "extract", "--jsonl", "-j", str(jobs)]))
    # 1x: -j 1 and -j N alternate (drifting load hits both alike); every
    # output goes to a file and is hashed, so that any two runs can be
    # compared byte for byte.
    times = {key: [] for key, _ in configs}
    cpus = {key: [] for key, _ in configs}
    rss = {key: [] for key, _ in configs}
    digests = {key: set() for key, _ in configs}
    path = os.path.join(tmp, "out.jsonl")
    for _ in range(runs):
        for key, cmd in configs:
            s = Stream(bench, cmd, data, 1, tmp, out_path=path, timeout=timeout)
            t, r, rc, cpu = s.run()
            if rc != 0:
                errors.append("%s exited %d: %s" % (" ".join(cmd[1:]), rc, s.stderr[-500:]))
                return res
            times[key].append(t)
            cpus[key].append(cpu)
            rss[key].append(r)
            h = hashlib.sha256()
            lines = 0
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
                    lines += chunk.count(b"\n")
            os.unlink(path)
            digests[key].add(h.hexdigest())
            res["out_lines"] = lines
    for key, _ in configs:
        res[key] = {"s": median(times[key]), "cpu": median(cpus[key]), "runs": runs, "rss_kb": max(rss[key]),
                    "scale": 1}
    res["deterministic"] = len(digests["x1"]) == 1
    if res["jobs"]:
        res["identical"] = digests["x1"] == digests["jN"] and len(digests["jN"]) == 1
    # SCALEx, into /dev/null (its output would be SCALE times as big).
    if scale > 1:
        ts, rs, cs = [], [], []
        for _ in range(scale_runs):
            s = Stream(bench, base, data, scale, tmp, timeout=timeout * scale)
            t, r, rc, cpu = s.run()
            if rc != 0:
                errors.append("%s (%dx corpus) exited %d: %s" % (" ".join(base[1:]), scale, rc, s.stderr[-500:]))
                return res
            ts.append(t)
            rs.append(r)
            cs.append(cpu)
        res["xN"] = {"s": median(ts), "cpu": median(cs), "runs": scale_runs, "rss_kb": max(rs), "scale": scale}
    return res


LADDER_MB = (1, 2, 5, 10, 20)


def run_measured(bench, cmd, tmp):
    """Runs cmd to the end under `bench --run`: (peak RSS KB, wall s, CPU s),
    or None after noting the failure in `errors`."""
    p, res = measured(bench, cmd, tmp)
    p.wait()
    status, rss, t, cpu = rusage_result(p, res, cmd)
    if status != 0:
        errors.append("%s exited %d" % (" ".join(cmd[1:]), status))
        return None
    return rss, t, cpu


def growth_exponent(points):
    """k of the least-squares fit of log(y) = k log(x) + c."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-3)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def one_article(bench, ng, runs, tmp):
    """The bundled article repeated into one article of 1 to 20 MB:
    [(MB, median s, peak RSS KB)] of extract -f json -o FILE."""
    with open(os.path.join(REPO, "graphs", "putin-china-visit.txt"), "rb") as f:
        unit = f.read() + b"\n\n"
    rows = []
    for mb in LADDER_MB:
        art = os.path.join(tmp, "one-%d.txt" % mb)
        with open(art, "wb") as f:
            f.write(unit * (mb * 1000000 // len(unit) + 1))
        cmd = [ng, "extract", "-f", "json", "-o", os.path.join(tmp, "one.json"), art]
        ts, rs = [], []
        for _ in range(runs):
            r = run_measured(bench, cmd, tmp)
            if not r:
                return rows
            rs.append(r[0])
            ts.append(r[1])
        rows.append((mb, median(ts), max(rs)))
        os.unlink(art)
    return rows


def syntax_speed(bench, ng, textfile, runs, tmp):
    """Tag + parse over the corpus text (newsgraph parse, whole pipeline of
    the syntax layer: sentences, tokens, tags, lemmas, dependencies): (words,
    median s, median CPU s); and the wall time of extract on a one-line
    article (start-up included: the models are used in place)."""
    out = os.path.join(tmp, "parsed.conllu")
    sample = os.path.join(tmp, "sample.txt")  # the first 2 MB: one parse holds its text whole
    with open(textfile, "rb") as f, open(sample, "wb") as g:
        g.write(f.read(2 * 1000 * 1000))
    cmd = [ng, "parse", "-o", out, sample]
    ts, cs = [], []
    for _ in range(runs):
        r = run_measured(bench, cmd, tmp)
        if not r:
            return None
        ts.append(r[1])
        cs.append(r[2])
    with open(out, encoding="utf-8", errors="replace") as f:
        words = sum(1 for line in f if line[:1].isdigit())
    one = os.path.join(tmp, "one-line.txt")
    with open(one, "w") as f:
        f.write("Russian President Vladimir Putin arrived in Beijing on Thursday.\n")
    starts = []
    for _ in range(max(runs, 5)):
        t0 = time.perf_counter()
        subprocess.run([ng, "extract", "-f", "json", one], capture_output=True)
        starts.append(time.perf_counter() - t0)
    return words, median(ts), median(cs), median(starts)


def merge_cost(bench, ng, data, tmp):
    """Merging the corpus's article graphs: (graphs, nodes, edges, peak RSS
    KB, s), the graphs from extract --jsonl."""
    graphs = os.path.join(tmp, "graphs.jsonl")
    with open(graphs, "wb") as out:
        p = subprocess.run([ng, "extract", "--jsonl", "-j", "2"], input=data, stdout=out, stderr=subprocess.PIPE)
    if p.returncode != 0:
        errors.append("extract --jsonl for the merge figure exited %d" % p.returncode)
        return None
    merged = os.path.join(tmp, "merged.json")
    cmd = [ng, "merge", "-f", "json", "-o", merged, graphs]
    r = run_measured(bench, cmd, tmp)
    if not r:
        return None
    rss, t, _ = r
    with open(graphs, "rb") as f:
        n_graphs = sum(1 for _ in f)
    with open(merged, encoding="utf-8") as f:
        g = json.load(f)
    os.unlink(graphs)
    os.unlink(merged)
    return n_graphs, len(g["nodes"]), len(g["edges"]), rss, t


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%(title)s | The Bench Courier</title>
<meta property="og:site_name" content="The Bench Courier">
<link rel="canonical" href="https://courier.example/%(id)s">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": %(jtitle)s, "datePublished": "%(date)s"}</script>
<script>var ads = [];</script></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience. By browsing you accept them.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<main><article><h1>%(title)s</h1><div class="share"><a href="#">Share</a><a href="#">Email</a></div>
<div class="article-body">%(body)s</div></article>
<section class="related"><h2>Related</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Oil prices fall</a></li></ul></section>
<section id="comments"><p>Comments are closed for this story, which is older than thirty days.</p></section></main>
<footer><p>The Bench Courier. All rights reserved.</p></footer></body></html>
"""


def web_inputs(bench, ng, data, runs, count, tmp):
    """The first `count` articles as news pages (PAGE) in a WARC file, one
    gzip member per record as crawlers write it, and uncompressed, against
    the same articles' text as JSON Lines: {name: (input bytes, articles,
    median s, peak RSS KB)}, and whether the graphs agree."""
    lines = [json.loads(x) for x in data.splitlines()[:count]]
    text, plain, packed = [], [], []
    for k, a in enumerate(lines):
        title = " ".join((a.get("title") or "").split())
        paras = [" ".join(p.split()) for p in a["text"].split("\n\n") if p.strip()]
        date = a.get("date") or "2024-01-01"
        aid = "story-%d" % k
        body = "".join("<p>%s</p>" % html.escape(p, quote=False) for p in paras)
        page = PAGE % {"title": html.escape(title), "jtitle": json.dumps(title), "date": date, "id": aid,
                       "body": body}
        text.append(json.dumps({"id": "https://courier.example/" + aid, "date": date,
                                "text": (title + "\n\n" if title else "") + "\n\n".join(paras)}) + "\n")
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.encode()
        rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://courier.example/%s\r\n"
               b"WARC-Date: 2024-06-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
               b"Content-Length: %d\r\n\r\n" % (aid.encode(), len(block))) + block + b"\r\n\r\n"
        plain.append(rec)
        packed.append(gzip.compress(rec, compresslevel=6, mtime=0))
    files = {"text (--jsonl)": ("web.jsonl", "".join(text).encode(), "--jsonl"),
             "HTML in WARC (--warc)": ("web.warc", b"".join(plain), "--warc"),
             "HTML in WARC.gz (--warc)": ("web.warc.gz", b"".join(packed), "--warc")}
    res, outs = {}, {}
    for name, (fname, blob, mode) in files.items():
        path = os.path.join(tmp, fname)
        with open(path, "wb") as f:
            f.write(blob)
        out = os.path.join(tmp, "web-out.jsonl")
        ts, rs = [], []
        for _ in range(runs):
            r = run_measured(bench, [ng, "extract", mode, "-o", out, path], tmp)
            if not r:
                return res, False
            rs.append(r[0])
            ts.append(r[1])
        with open(out, encoding="utf-8") as f:
            outs[name] = [sorted(n["id"] for n in json.loads(x)["nodes"]) for x in f]
        res[name] = (len(blob), len(lines), median(ts), max(rs))
        os.unlink(path)
    same = len({json.dumps(v) for v in outs.values()}) == 1
    return res, same


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(REPO, "..", "shared", "corpus", "reuters21578.jsonl"))
    ap.add_argument("--build", default=os.path.join(REPO, "build-bench"), help="the Release build directory")
    ap.add_argument("--runs", type=int, default=5, help="runs per figure, the median is printed (default 5)")
    ap.add_argument("--sample", type=int, default=300, help="articles given to compromise (default 300)")
    ap.add_argument("--scale", type=int, default=10, help="the big streaming input, in corpus copies (default 10)")
    ap.add_argument("--scale-runs", type=int, default=3, help="runs at --scale (default 3)")
    ap.add_argument("--jobs", type=int, default=2, help="threads of the parallel line (default 2)")
    ap.add_argument("--web", type=int, default=3000, help="articles made into web pages (default 3000)")
    a = ap.parse_args()
    a.runs = max(1, a.runs)
    a.scale_runs = max(1, a.scale_runs)
    corpus = os.path.normpath(os.path.abspath(a.corpus))
    bench = os.path.join(a.build, "tests", "bench")
    ng = os.path.join(a.build, "newsgraph")
    started = time.perf_counter()
    if not os.access(bench, os.X_OK):
        print("bench: %s is not built (bash tests/bench/run.sh builds it)" % bench, file=sys.stderr)
        return 1

    try:
        data, texts = load_corpus(corpus)
    except OSError as e:
        print("bench: %s: %s" % (corpus, e.strerror), file=sys.stderr)
        return 2
    n_articles, n_bytes = len(texts), sum(len(t) for t in texts)
    if not n_articles:
        print("bench: %s: no article (JSON Lines with a string \"text\")" % corpus, file=sys.stderr)
        return 2
    mb = n_bytes / 1e6
    m = machine(a.build)
    print("newsgraph benchmark")
    print("corpus:   %s: %d articles, %.1f MB of text (title, blank line, text), %.1f MB of JSON Lines"
          % (corpus, n_articles, mb, len(data) / 1e6))
    print("machine:  %s, %d cores; %s; %s; node %s" % (m["cpu"], m["cores"], m["os"], m["compiler"], m["node"]))
    print("runs:     median of %d runs per figure (%d at %dx); compromise on the first %d articles"
          % (a.runs, a.scale_runs, a.scale, a.sample))
    sys.stdout.flush()

    with tempfile.TemporaryDirectory(prefix="ngbench.") as tmp:
        b = run_bench(bench, corpus, a.runs)
        if "corpus" in b and (b["corpus"]["articles"], b["corpus"]["bytes"]) != (n_articles, n_bytes):
            print("warning: bench.c read %d articles, %d bytes; this script %d, %d"
                  % (b["corpus"]["articles"], b["corpus"]["bytes"], n_articles, n_bytes))
        textfile = os.path.join(tmp, "corpus.txt")
        with open(textfile, "wb") as f:
            for t in texts:
                f.write(t)
        locales = ["C.UTF-8", "C"] if "c.utf8" in sh(["locale", "-a"]).lower() else ["C"]
        wc = {loc: time_wc(bench, textfile, a.runs, loc, tmp) for loc in locales}
        cp, cp_why = run_compromise(bench, corpus, a.sample, a.runs, tmp)
        st = streams(bench, ng, data, a.runs, a.scale, a.scale_runs, a.jobs, tmp)
        ladder = one_article(bench, ng, min(a.runs, 3), tmp)
        mg = merge_cost(bench, ng, data, tmp)
        syn = syntax_speed(bench, ng, textfile, min(a.runs, 3), tmp)
        web, web_same = web_inputs(bench, ng, data, min(a.runs, 3), a.web, tmp)

    rows = []

    def row(name, f, articles, byts, rss=True, note=""):
        """f: a figure dict (s, runs, and cpu, rss_kb when measured)."""
        sec = f["s"]
        rows.append((name, "%.2f" % (byts / 1e6 / sec), "%.0f" % (articles / sec) if articles else "-",
                     "%.3f" % sec, "%.3f" % f["cpu"] if f.get("cpu") is not None else "-", str(f["runs"]),
                     "%.1f MiB" % (f["rss_kb"] / 1024) if rss and f.get("rss_kb") else "-", note))

    def na(name, why):
        rows.append((name, "-", "-", "-", "-", "-", "-", why))

    labels = [("text", "text layer"), ("entities", "entities"), ("extract", "full extract"),
              ("extract+merge", "extract + merge"), ("merge", "merge alone")]
    for key, name in labels:
        if key in b:
            note = ""
            if key == "merge":
                note = "the merge calls of the line above; merged graph: %d nodes, %d edges" % (
                    b[key]["nodes"], b[key]["edges"])
            row(name, b[key], n_articles, n_bytes, key != "merge", note)
        else:
            na(name, "failed")
    for loc, w in wc.items():
        if w:
            row("wc -w (LC_ALL=%s)" % loc, w, None, n_bytes, False, "%d words" % w["words"])
        else:
            na("wc -w (LC_ALL=%s)" % loc, "failed")
    if cp:
        row("compromise %s" % cp["version"], cp, cp["articles"], cp["bytes"], True,
            "first %d articles, %.2f MB; %d people, %d places, %d organizations"
            % (cp["articles"], cp["bytes"] / 1e6, cp["people"], cp["places"], cp["orgs"])
            + "; peak RSS: node's")
    else:
        na("compromise", cp_why)
    jflag = " -j 1" if st.get("jobs") else ""
    if not st.get("jsonl"):
        why = "not available (extract --jsonl: %s)" % (
            "no newsgraph binary" if not os.access(ng, os.X_OK) else "not in this build's CLI")
        na("stream --jsonl 1x", why)
        na("stream --jsonl %dx" % a.scale, why)
        na("stream --jsonl -j %d" % a.jobs, why)
    else:
        for key, name in (("x1", "stream --jsonl%s 1x" % jflag), ("xN", "stream --jsonl%s %dx" % (jflag, a.scale))):
            if key in st:
                k = st[key]["scale"]
                row(name, st[key], n_articles * k, n_bytes * k, True,
                    "%.0f MB in through a pipe, out to %s; peak RSS: the max over runs"
                    % (len(data) * k / 1e6, "a file" if k == 1 else "/dev/null"))
            elif a.scale > 1 or key == "x1":
                na(name, "failed")
        if not st.get("jobs"):
            na("stream --jsonl -j %d" % a.jobs, "not available (-j not in this build's CLI)")
        elif "jN" in st:
            row("stream --jsonl -j %d 1x" % a.jobs, st["jN"], n_articles, n_bytes, True,
                "runs alternate with -j 1's")
        else:
            na("stream --jsonl -j %d" % a.jobs, "failed")

    head = ("figure", "MB/s", "articles/s", "median s", "CPU s", "runs", "peak RSS", "")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(7)]
    print()
    for r in [head] + rows:
        cells = ["%-*s" % (widths[0], r[0])] + ["%*s" % (widths[i], r[i]) for i in range(1, 7)] + [r[7]]
        print("  ".join(cells).rstrip())

    print()
    print("targets (issue 7)")
    results = []

    def target(name, value, ok, detail):
        results.append((name, "not available" if value is None else ("PASS" if ok else "FAIL"), detail))

    ext = b.get("extract")
    full = n_bytes / ext["s"] / 1e6 if ext else None
    wcs = [(loc, w) for loc, w in wc.items() if w]

    def by_cpu(x_bytes, x, y_bytes, y):
        """The same ratio from CPU times: steadier when other work shares
        the cores."""
        if x.get("cpu") and y.get("cpu"):
            return "; by CPU time %.3g" % ((x_bytes / x["cpu"]) / (y_bytes / y["cpu"]))
        return ""

    if full and wcs:
        loc, w = min(wcs, key=lambda x: x[1]["s"])
        fastest = n_bytes / w["s"] / 1e6
        r = full / fastest
        target("full extract >= %d%% of wc -w" % (TARGETS["wc"] * 100), r, r >= TARGETS["wc"],
               "%.3f (%.1f%%): %.2f / %.1f MB/s, the faster wc (LC_ALL=%s)%s"
               % (r, r * 100, full, fastest, loc, by_cpu(n_bytes, ext, n_bytes, w)))
    else:
        target("full extract >= %d%% of wc -w" % (TARGETS["wc"] * 100), None, False, "")
    if full and cp:
        cmb = cp["bytes"] / cp["s"] / 1e6
        r = full / cmb
        target("full extract >= %dx compromise" % TARGETS["compromise"], r, r >= TARGETS["compromise"],
               "%.0fx: %.2f / %.3f MB/s%s" % (r, full, cmb, by_cpu(n_bytes, ext, cp["bytes"], cp)))
    else:
        target("full extract >= %dx compromise" % TARGETS["compromise"], None, False, cp_why or "")
    for key, k in (("x1", 1), ("xN", a.scale)):
        name = "stream peak RSS < %d MiB at %dx" % (TARGETS["rss_mb"], k)
        if key in st:
            v = st[key]["rss_kb"] / 1024
            target(name, v, v < TARGETS["rss_mb"], "%.1f MiB" % v)
        else:
            target(name, None, False, "")
    limit = TARGETS["linearity"] * a.scale
    name = "time at %dx <= %g x time at 1x" % (a.scale, limit)
    if "x1" in st and "xN" in st:
        r = st["xN"]["s"] / st["x1"]["s"]
        target(name, r, r <= limit, "%.2f: %.2f s / %.2f s" % (r, st["xN"]["s"], st["x1"]["s"]))
    else:
        target(name, None, False, "")
    name = "-j %d >= %.1fx -j 1" % (a.jobs, TARGETS["parallel"])
    if "x1" in st and "jN" in st:
        r = st["x1"]["s"] / st["jN"]["s"]
        target(name, r, r >= TARGETS["parallel"], "%.2fx: %.2f s / %.2f s" % (r, st["x1"]["s"], st["jN"]["s"]))
    else:
        target(name, None, False, "")
    if len(ladder) == len(LADDER_MB):
        k = growth_exponent([(mb, t) for mb, t, _ in ladder])
        target("one article 1-20 MB: time ~ size^k, k <= %g" % TARGETS["one_exponent"], k,
               k <= TARGETS["one_exponent"], "k = %.2f" % k)
        rss20 = ladder[-1][2] / 1024
        target("one article of 20 MB: peak RSS < %d MiB" % TARGETS["one_rss_mb"], rss20,
               rss20 < TARGETS["one_rss_mb"], "%.1f MiB" % rss20)
    else:
        target("one article 1-20 MB: time ~ size^k, k <= %g" % TARGETS["one_exponent"], None, False, "")
    w = max(len(r[0]) for r in results)
    for n, v, d in results:
        print("  %-*s  %-13s  %s" % (w, n, v, d))
    print()
    print("one article, the bundled example repeated (extract -f json -o FILE)")
    for mb, t, rss in ladder:
        print("  %2d MB  %6.2f s  %6.1f MB/s  peak RSS %6.1f MiB" % (mb, t, mb / t if t else 0, rss / 1024))
    if mg:
        n_graphs, nodes, edges, rss, t = mg
        print()
        print("merge of the corpus's %d article graphs: %d nodes, %d edges, %.2f s, peak RSS %.1f MiB;"
              % (n_graphs, nodes, edges, t, rss / 1024))
        print("  %.0f bytes per node and edge (peak RSS / (nodes + edges)); %.0f per node, %.0f per edge when"
              % (rss * 1024 / max(nodes + edges, 1), rss * 1024 / max(nodes, 1), rss * 1024 / max(edges, 1)))
        print("  all of it is charged to one kind")
    if syn:
        words, t, cpu, start = syn
        print()
        print("syntax layer (newsgraph parse over the corpus text's first 2 MB: sentences, tokens, tags, lemmas, "
              "dependencies)")
        print("  %d words, %.2f s, %.0f words/s (%.0f per CPU second); extract of a one-line article: %.3f s"
              % (words, t, words / t if t else 0, words / cpu if cpu else 0, start))
    if web:
        print()
        print("web inputs: the corpus's first %d articles as news pages (cookie banner, menu, share buttons,"
              % next(iter(web.values()))[1])
        print("related list, comments, JSON-LD) in a WARC file, against their text (extract MODE -o FILE)")
        base = web.get("text (--jsonl)")
        for name, (byts, arts, t, rss) in web.items():
            print("  %-24s %7.1f MB in  %6.2f s  %6.2f MB/s  %6.0f articles/s  peak RSS %6.1f MiB%s"
                  % (name, byts / 1e6, t, byts / 1e6 / t if t else 0, arts / t if t else 0, rss / 1024,
                     "  (%.2fx the text's time)" % (t / base[2]) if base and base[2] and name != "text (--jsonl)"
                     else ""))
    print()
    print("checks")
    if web:
        print("  the pages' graphs have the nodes of their text's graphs: %s" % ("OK" if web_same else "DIFFERENT"))
    if "deterministic" in st:
        print("  the %d runs of extract --jsonl%s give the same bytes: %s"
              % (a.runs, jflag, "OK" if st["deterministic"] else "DIFFERENT"))
    if "identical" in st:
        print("  -j %d output == -j 1 output (%d runs each): %s"
              % (a.jobs, a.runs, "OK" if st["identical"] else "DIFFERENT"))
    else:
        print("  -j %d output == -j 1 output: not available" % a.jobs)
    if "out_lines" in st and st["out_lines"] != n_articles:
        print("  warning: extract --jsonl wrote %d lines for %d articles" % (st["out_lines"], n_articles))
    print("\nbenchmark took %.0f s" % (time.perf_counter() - started))
    for e in errors:
        print("bench: error: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
