#!/usr/bin/env python3
"""Tests of newsgraph eval.

usage: run_eval_test.py NEWSGRAPH SOURCE_DIR

1. Golden: fixed predicted graphs (CASE.pred.json, a snapshot of extract's
   output, and mixed.pred.json, written to exercise every matching rule)
   scored against their gold graphs; the output, with and without
   --verbose, must equal CASE.expected byte for byte. The .expected files
   were checked against the reference scorer, score.py, when written.
2. Live: extract -f json on the two bundled articles, then eval against
   their gold graphs, compared with the port of score.py below (so that
   the test follows the extractor as it changes).
3. Errors: exit 2 and one line `newsgraph: FILE: ...`.
"""
import json
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, expect_error, run, write  # noqa: E402
import harness  # noqa: E402

SRC = HERE = None

# (case, gold graph relative to SOURCE_DIR, predicted graph in this directory)
GOLDEN = [
    ("putin-china-visit", "tests/eval/putin-china-visit.gold.json", "putin-china-visit.pred.json"),
    ("wto-steel-talks", "graphs/wto-steel-talks.gold.json", "wto-steel-talks.pred.json"),
    ("mixed", "tests/eval/putin-china-visit.gold.json", "mixed.pred.json"),
]
LIVE = [
    ("graphs/putin-china-visit.txt", "tests/eval/putin-china-visit.gold.json"),
    ("graphs/wto-steel-talks.txt", "graphs/wto-steel-talks.gold.json"),
]


def first_difference(got, want):
    g, w = got.splitlines(), want.splitlines()
    for i, (a, b) in enumerate(zip(g, w)):
        if a != b:
            return f"line {i + 1}: got {a!r}, want {b!r}"
    return f"got {len(g)} lines, want {len(w)}"


# ---- A port of the reference scorer score.py, plus the per-type lines ----

SYMMETRIC = {"meets", "cooperates_with", "allied_with", "trades_with", "at_war_with"}


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.strip().strip('"').strip()
    s = re.sub(r"(?:'s|s')$", "", s)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    s = re.sub(r"\s+", " ", s)
    return s.lower().strip()


def as_list(x):
    return x if isinstance(x, list) else [x]


def map_nodes(gold, pred):
    gnames = {g["key"]: {norm(x) for x in g["names"]} for g in gold["nodes"]}
    contains = {g["key"] for g in gold["nodes"] if g.get("match") == "contains"}
    gtype = {g["key"]: g["type"] for g in gold["nodes"]}
    mapping = {}
    for n in pred.get("nodes", []):
        names = {norm(n.get("name", ""))}
        for a in n.get("aliases", []) or []:
            names.add(norm(a if isinstance(a, str) else a.get("text", "")))
        names.discard("")
        best, best_score = None, 0
        for key, gn in gnames.items():
            if key in contains:
                score = sum(1 for p in names for g in gn if g and g in p)
            else:
                score = len(names & gn)
            if score == 0:
                continue
            score = score * 2 + (1 if gtype[key] == n.get("type") else 0)
            if score > best_score:
                best, best_score = key, score
        if best:
            mapping[n["id"]] = best
    return mapping


def edge_matches(g, s, t, typ):
    if typ not in as_list(g["type"]):
        return False
    gs, gt = as_list(g["source"]), as_list(g["target"])
    return (s in gs and t in gt) or (typ in SYMMETRIC and t in gs and s in gt)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reference(gold, pred, verbose):
    """What newsgraph eval prints: score.py's output, per-type lines before
    its last line."""
    mapping = map_nodes(gold, pred)
    gtype = {g["key"]: g["type"] for g in gold["nodes"]}
    level = {g["key"]: g["level"] for g in gold["nodes"]}
    found = set(mapping.values())
    nodes, edges = pred.get("nodes", []), pred.get("edges", [])
    per = {"node": {}, "edge": {}}

    def count(what, typ, i):
        per[what].setdefault(typ, [0, 0, 0])[i] += 1

    false_nodes = [n["id"] for n in nodes if n["id"] not in mapping]
    for n in nodes:
        if n["id"] not in mapping:
            count("node", n.get("type"), 1)
    seen = set()
    for n in nodes:
        key = mapping.get(n["id"])
        if key is None:
            continue
        if key in seen:
            false_nodes.append(f'{n["id"]} (duplicate of gold {key})')
            count("node", n.get("type"), 1)
        seen.add(key)
    req = [k for k, lv in level.items() if lv == "required"]
    for k in req:
        count("node", gtype[k], 0 if k in found else 2)
    missed_nodes = [k for k in req if k not in found]
    matched, false_edges, tp_pred = set(), [], 0
    for e in edges:
        s, t = mapping.get(e.get("source")), mapping.get(e.get("target"))
        hits = [i for i, g in enumerate(gold["edges"]) if s and t and edge_matches(g, s, t, e.get("type"))]
        if hits:
            matched.update(hits)
            tp_pred += 1
            count("edge", e.get("type"), 0)
        else:
            false_edges.append(f'{e.get("source")} -[{e.get("type")}]-> {e.get("target")}')
            count("edge", e.get("type"), 1)
    req_edges = [i for i, g in enumerate(gold["edges"]) if g["level"] == "required"]
    missed = [i for i in req_edges if i not in matched]
    for i in missed:
        count("edge", as_list(gold["edges"][i]["type"])[0], 2)
    out = []
    if verbose:
        out += [f"missed_node: {k}" for k in missed_nodes]
        out += [f"false_node: {x}" for x in false_nodes]
        out += [f'missed_edge: {g["source"]} -[{g["type"]}]-> {g["target"]}' for g in (gold["edges"][i] for i in missed)]
        out += [f"false_edge: {x}" for x in false_edges]
    for what in ("node", "edge"):
        for typ in sorted(per[what]):
            tp, fp, fn = per[what][typ]
            p, r, f = prf(tp, fp, fn)
            out.append(f"{what} {typ:<11} tp={tp} fp={fp} fn={fn} P={p:.3f} R={r:.3f} F1={f:.3f}")
    n_tp = len(req) - len(missed_nodes)
    np_, nr, nf = prf(n_tp, len(false_nodes), len(missed_nodes))
    ep = tp_pred / (tp_pred + len(false_edges)) if tp_pred + len(false_edges) else 0.0
    er = (len(req_edges) - len(missed)) / len(req_edges) if req_edges else 0.0
    ef = 2 * ep * er / (ep + er) if ep + er else 0.0
    r3 = lambda x: round(x, 3)  # noqa: E731 (as score.py rounds, then formats)
    out.append(f"nodes P={r3(np_):.3f} R={r3(nr):.3f} F1={r3(nf):.3f}  edges P={r3(ep):.3f} R={r3(er):.3f} F1={r3(ef):.3f}")
    return "\n".join(out) + "\n"


# ---- The tests ----


def golden():
    for case, gold, pred in GOLDEN:
        with open(os.path.join(HERE, case + ".expected"), encoding="utf-8") as f:
            want = f.read()
        args = [os.path.join(SRC, gold), os.path.join(HERE, pred)]
        code, out, err = harness.run(["eval", "--verbose"] + args, text=True)
        check(f"golden {case} --verbose", code == 0 and out == want, err.strip() or first_difference(out, want))
        plain = "".join(l for l in want.splitlines(True) if not re.match(r"(missed|false)_(node|edge): ", l))
        code, out, err = harness.run(["eval"] + args, text=True)
        check(f"golden {case}", code == 0 and out == plain, err.strip() or first_difference(out, plain))
        last = want.splitlines()[-1]
        check(f"golden {case} last line", out.splitlines()[-1:] == [last], repr(out.splitlines()[-1:]))
        # The committed expectation agrees with the port of score.py too.
        with open(args[0], encoding="utf-8") as g, open(args[1], encoding="utf-8") as p:
            ref = reference(json.load(g), json.load(p), True)
        check(f"golden {case} agrees with score.py", ref == want, first_difference(ref, want))


def live():
    for article, gold in LIVE:
        name = os.path.basename(article)
        pred = harness.path(name + ".json")
        code, out, err = harness.run(["extract", "-f", "json", "-o", pred, os.path.join(SRC, article)], text=True)
        check(f"extract {name}", code == 0, err.strip())
        if code:
            continue
        with open(os.path.join(SRC, gold), encoding="utf-8") as g, open(pred, encoding="utf-8") as p:
            gj, pj = json.load(g), json.load(p)
        for verbose in (False, True):
            want = reference(gj, pj, verbose)
            opts = ["--verbose"] if verbose else []
            code, out, err = harness.run(["eval"] + opts + [os.path.join(SRC, gold), pred], text=True)
            label = f"live {name}" + (" --verbose" if verbose else "")
            check(label, code == 0 and out == want, err.strip() or first_difference(out, want))
            check(label + " last line", out.splitlines()[-1:] == want.splitlines()[-1:],
                  f"{out.splitlines()[-1:]} != {want.splitlines()[-1:]}")


def errors():
    gold = os.path.join(HERE, "putin-china-visit.gold.json")
    pred = os.path.join(HERE, "mixed.pred.json")
    missing = harness.path("missing.json")
    expect_error("missing gold", ["eval", missing, pred], f"newsgraph: {missing}: cannot open: No such file or directory")
    expect_error("missing pred", ["eval", gold, missing], f"newsgraph: {missing}: cannot open: No such file or directory")
    bad = write("bad.json", b'{"nodes": [}')
    expect_error("invalid JSON gold", ["eval", bad, pred], f"newsgraph: {bad}: invalid JSON near byte 11")
    expect_error("invalid JSON pred", ["eval", gold, bad], f"newsgraph: {bad}: invalid JSON near byte 11")
    trail = write("trail.json", b'{"nodes": [], "edges": []} {}')
    expect_error("text after JSON", ["eval", trail, pred], f"newsgraph: {trail}: invalid JSON near byte 27: text after the end")
    utf = write("utf.json", b'{"nodes": ["\xff"]}')
    expect_error("invalid UTF-8", ["eval", utf, pred], f"newsgraph: {utf}: invalid UTF-8 at offset 12 (line 1)")
    # One check of text for every command, so one message for one file.
    binary = write("binary.json", b'{"nodes": []}\x00')
    expect_error("binary gold", ["eval", binary, pred], f"newsgraph: {binary}: NUL byte at offset 13: binary input, not text")
    check("binary: eval and extract say the same", run(["eval", binary, pred])[2] == run(["extract", binary])[2])
    deep = write("deep.json", b"[" * 65 + b"]" * 65)
    expect_error("too deep", ["eval", deep, pred], f"newsgraph: {deep}: JSON nests deeper than 64 levels")
    nodes = write("nonodes.json", b'{"article": "x.txt", "edges": []}')
    expect_error("not a gold graph", ["eval", nodes, pred], f"newsgraph: {nodes}: not a gold graph: 'nodes' is missing")
    expect_error("arguments swapped", ["eval", pred, gold],
                 f"newsgraph: {pred}: not a gold graph but a newsgraph graph (GOLD comes first, then PRED)")
    key = write("nokey.json", b'{"nodes": [{"type": "person", "names": ["A"], "level": "required"}], "edges": []}')
    expect_error("gold node without key", ["eval", key, pred], f"newsgraph: {key}: not a gold graph: node 0 has no string 'key'")
    ref = write("badref.json", b'{"nodes": [{"key": "a", "type": "person", "names": ["A"], "level": "required"}],'
                               b' "edges": [{"source": "a", "type": "meets", "target": "b", "level": "required"}]}')
    expect_error("gold edge to no node", ["eval", ref, pred],
                 f"newsgraph: {ref}: not a gold graph: edge 0: target 'b' is not the key of a node")
    arr = write("array.json", b"[]")
    expect_error("pred not an object", ["eval", gold, arr], f"newsgraph: {arr}: not a newsgraph graph: the top level is not an object")
    expect_error("one file", ["eval", gold], "newsgraph: eval needs GOLD and PRED (try newsgraph eval --help)")
    expect_error("three files", ["eval", gold, pred, pred], "newsgraph: eval needs GOLD and PRED (try newsgraph eval --help)")
    expect_error("unknown option", ["eval", "--frob", gold, pred], "newsgraph: unknown option '--frob' (try newsgraph eval --help)")
    code, out, err = harness.run(["eval", "--help"], text=True)
    check("--help", code == 0 and out.startswith("usage: newsgraph eval [--verbose] GOLD PRED\n") and err == "", out[:80])


def main():
    global SRC, HERE
    (src,), _ = harness.start(__doc__, 1, 1)
    SRC = os.path.abspath(src)
    HERE = os.path.join(SRC, "tests", "eval")
    with harness.tempdir("ngeval"):
        golden()
        live()
        errors()
    return harness.summary("eval")


if __name__ == "__main__":
    sys.exit(main())
