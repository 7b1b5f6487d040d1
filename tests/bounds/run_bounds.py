#!/usr/bin/env python3
"""Bounded merges (--max-evidence, --max-mentions) and partial results
(merge --jsonl --partial): a bounded graph keeps, per edge and per node,
the records of the earliest articles and still counts everything; it is the
same bytes whatever the order and grouping of the merges; a tree of partial
merges gives the bytes of one merge; the options' errors.

Articles are made of the spec cases' sentences (our own text), repeated
across articles so that edges gather many evidence.

usage: run_bounds.py NEWSGRAPH SOURCE_DIR
"""
import datetime
import glob
import json
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_equal, expect_error, output  # noqa: E402
import harness  # noqa: E402

EV, MEN = 3, 4
BOUNDS = ["--max-evidence", str(EV), "--max-mentions", str(MEN)]


def sentences(src):
    out = []
    for path in sorted(glob.glob(os.path.join(src, "tests", "spec", "relations-*.txt"))):
        lines = open(path, encoding="utf-8").read().split("\n")
        body = [l for l in lines if not l.startswith("D ")]  # a case's article date line
        out += [body[i + 1].strip() for i, l in enumerate(body[:-1]) if l.startswith("### ") and body[i + 1].strip()]
    return out


def corpus(src):
    """150 articles of six sentences drawn from 40, dates spread over a
    year (every seventh undated), ids not in date order."""
    pool = sentences(src)[:40]
    rnd = random.Random(19)
    arts = []
    for k in range(150):
        art = {"id": f"n{(k * 61) % 150:03d}", "title": f"Wire {k}", "text": " ".join(rnd.sample(pool, 6))}
        if k % 7:
            art["date"] = str(datetime.date(2024, 1, 1) + datetime.timedelta(days=(k * 53) % 366))
        arts.append(art)
    return "".join(json.dumps(a) + "\n" for a in arts).encode()


def merged(lines, extra=()):
    return output(["merge"] + list(extra) + ["-"], stdin=b"".join(lines))


def tree(lines, rnd, bounds):
    """The lines shuffled, cut into shards, each merged (--partial), the
    shards merged in pairs, then all together."""
    lines = lines[:]
    rnd.shuffle(lines)
    cuts = sorted(rnd.sample(range(1, len(lines)), rnd.randint(2, 9)))
    shards = [lines[a:b] for a, b in zip([0] + cuts, cuts + [len(lines)])]
    parts = [merged(s, ["--jsonl", "--partial"] + bounds) for s in shards]
    rnd.shuffle(parts)
    pairs = [merged(parts[i:i + 2], ["--jsonl", "--partial"] + bounds) for i in range(0, len(parts), 2)]
    return merged(pairs, bounds)


def order_key(dates, article, start, last):
    d = dates.get(article)
    return (d is None, d or "", article, start, last)


def check_edges(u, b, dates):
    ue = {(e["source"], e["type"], e["target"]): e for e in u["edges"]}
    be = {(e["source"], e["type"], e["target"]): e for e in b["edges"]}
    check_equal("same edges", sorted(be), sorted(ue))
    bad = []
    for k, x in ue.items():
        y = be.get(k)
        if y is None:
            continue
        same = all(x[f] == y[f] for f in ("count", "modality", "negated", "date", "attrs", "confidence"))
        keep = sorted(x["evidence"], key=lambda v: order_key(dates, v["article"], v["start"], v["rule"] or ""))[:EV]
        keep.sort(key=lambda v: (v["article"], v["start"], v["rule"] or ""))
        cut = ("cut_weight" in y) == (x["count"] > EV)
        if not (same and y["evidence"] == keep and cut):
            bad.append(k)
    check("edges: count, modality, negation, confidence of all; the earliest evidence", not bad, bad[:3])
    check("some edges were cut", sum(e["count"] > EV for e in u["edges"]) >= 5)


def check_nodes(u, b, dates):
    un = {n["id"]: n for n in u["nodes"]}
    bn = {n["id"]: n for n in b["nodes"]}
    check_equal("same nodes", sorted(bn), sorted(un))
    bad = []
    for k, x in un.items():
        y = bn.get(k, {})
        keep = sorted(x["mentions"], key=lambda m: order_key(dates, m["article"], m["start"], m["end"]))[:MEN]
        keep.sort(key=lambda m: (m["article"], m["start"], m["end"]))
        if y.get("mentions") != keep or any(y.get(f) != x[f] for f in ("name", "aliases", "kb")):
            bad.append(k)
    check("nodes: names and aliases of all; the earliest mentions", not bad, bad[:3])


def check_articles(u, b):
    cited = {m["article"] for n in b["nodes"] for m in n["mentions"]}
    cited |= {v["article"] for e in b["edges"] for v in e["evidence"]}
    check_equal("articles: those cited", [a["id"] for a in b["articles"]], sorted(cited))
    ua = {a["id"]: a for a in u["articles"]}
    check("articles: as read", all(ua[a["id"]] == a for a in b["articles"]))


def main():
    (src,), _ = harness.start(__doc__, 1, 1)
    with harness.tempdir("ng-bounds-"):
        lines = output(["extract", "--jsonl"], stdin=corpus(src)).splitlines(keepends=True)
        check_equal("one line per article", len(lines), 150)
        plain = merged(lines)
        bounded = merged(lines, BOUNDS)
        u, b = json.loads(plain), json.loads(bounded)
        dates = {a["id"]: a["date"] for a in u["articles"]}
        check_edges(u, b, dates)
        check_nodes(u, b, dates)
        check_articles(u, b)
        check("without bounds: nothing cut", b'"cut_weight"' not in plain)
        check("without --partial: no evidence confidence",
              all("confidence" not in v for e in u["edges"] for v in e["evidence"]))

        rnd = random.Random(7)
        for k in range(4):
            check_equal(f"bounded tree {k}: the bytes of one merge", tree(lines, rnd, BOUNDS), bounded)
            check_equal(f"partial tree {k}: the bytes of one merge", tree(lines, rnd, []), plain)
        check_equal("bounded, in reverse order", merged(lines[::-1], BOUNDS), bounded)

        # A bounded graph read back keeps its counts, cut and all.
        path = harness.write("b.json", bounded)
        check_equal("bounded graph read back and written", output(["merge", path]), bounded)
        check_equal("... and bounded again", output(["merge"] + BOUNDS + [path]), bounded)
        line = merged(lines, ["--jsonl"] + BOUNDS)
        check_equal("--jsonl: the same graph on one line", json.loads(line), b)

        # extract bounds each article, then the merge bounds the whole.
        each = output(["extract", "--jsonl"] + BOUNDS, stdin=corpus(src)).splitlines(keepends=True)
        check("extract --jsonl bounded: each article within the bounds",
              all(len(e["evidence"]) <= EV and e["count"] >= len(e["evidence"])
                  for l in each for e in json.loads(l)["edges"]))
        check_equal("extract bounded, then merge: the same tree of merges", tree(each, rnd, BOUNDS),
                    merged(each, BOUNDS))
        arts = [harness.write(f"a{k}.txt", l) for k, l in enumerate([b"Putin visited China. Xi met Putin.",
                                                                      b"Putin visited China on Monday."])]
        one = json.loads(output(["extract", "-f", "json", "--max-evidence", "1"] + arts))
        visits = [e for e in one["edges"] if e["type"] == "visits"]
        check("extract of files, bounded", len(visits) == 1 and visits[0]["count"] == 2
              and len(visits[0]["evidence"]) == 1, visits)

        g = harness.write("g.json", plain)
        for opt in ("--max-evidence", "--max-mentions"):
            for val in ("0", "x", "-1", ""):
                expect_error(f"{opt} {val!r}", ["merge", opt, val, g], f"newsgraph: {opt} needs a positive number")
        expect_error("--partial without --jsonl", ["merge", "--partial", g], "newsgraph: --partial needs --jsonl")
    return harness.summary("bounds")


if __name__ == "__main__":
    sys.exit(main())
