#!/usr/bin/env python3
"""Golden tests of the graph tools: merge, diff and the graph readers.

usage: run_tools.py NEWSGRAPH SOURCE_DIR [--update]

The seed article (graphs/putin-china-visit.txt) is compared with an edited
copy (tests/tools/seed-edited.txt: one sentence added, one removed, one
changed); expected outputs live in tests/tools/expected/, and --update
rewrites them deliberately.
"""
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_golden, expect_error, run  # noqa: E402
import harness  # noqa: E402


def main():
    (src,), opts = harness.start(__doc__, 1, 1)
    src, update = os.path.abspath(src), "--update" in opts
    here = os.path.join(src, "tests", "tools")
    exp = os.path.join(here, "expected")
    os.makedirs(exp, exist_ok=True)
    # Runs happen in the temporary directory, on relative paths, so that
    # outputs do not depend on where it is.
    with harness.tempdir("ngtools", chdir=True) as tmp:
        tests(src, here, exp, tmp, update)
    return harness.summary("tools")


def tests(src, here, exp, tmp, update):
    # Inputs are copied under fixed names so that outputs do not depend on paths.
    shutil.copy(os.path.join(src, "graphs", "putin-china-visit.txt"), os.path.join(tmp, "seed.txt"))
    shutil.copy(os.path.join(here, "seed-edited.txt"), os.path.join(tmp, "seed-edited.txt"))
    shutil.copy(os.path.join(src, "graphs", "wto-steel-talks.txt"), os.path.join(tmp, "steel.txt"))

    def golden(name, args, want_code):
        code, out, err = run(args)
        check(name + " exit", code == want_code, f"exit {code}: {err.strip()}")
        check_golden(name + " output", out, os.path.join(exp, name), update and code == want_code)

    for f in ("seed", "seed-edited", "steel"):
        run(["extract", "-f", "json", "-o", f + ".json", "--id", f + ".txt", f + ".txt"])
        run(["extract", "-f", "dot", "-o", f + ".dot", "--id", f + ".txt", f + ".txt"])
    # diff: articles, graphs, formats, ignore options, exit codes
    golden("diff.txt", ["diff", "seed.json", "seed-edited.json"], 1)
    golden("diff.json", ["diff", "-f", "json", "seed.json", "seed-edited.json"], 1)
    golden("diff.dot", ["diff", "-f", "dot", "seed.json", "seed-edited.json"], 1)
    golden("diff-facts.txt", ["diff", "--ignore", "evidence,counts,dates,confidence", "seed.json",
                              "seed-edited.json"], 1)
    code, out, _ = run(["diff", "seed.txt", "seed-edited.txt"])
    check("diff of articles equals diff of their graphs", code == 1 and out ==
          open(os.path.join(exp, "diff.txt"), "rb").read().replace(b"seed.txt", b"seed.txt"))
    code, out, _ = run(["diff", "seed.json", "seed.json"])
    check("diff equal exit 0", code == 0 and out == b"", out[:100])
    code, _, err = harness.tool(["dot", "-Tsvg"], stdin=open(os.path.join(exp, "diff.dot"), "rb").read())
    check("diff dot renders", code == 0 and err == "", err[:200])
    # diff in the feed formats: the union graph, each node and edge with its status
    want = {"+": "added", "-": "removed", "~": "changed"}
    text = open(os.path.join(exp, "diff.txt")).read().splitlines()
    node_st = {l.split()[2]: want[l[0]] for l in text if l.split()[1] == "node"}
    edge_st = {tuple(l.split()[2:5]): want[l[0]] for l in text if l.split()[1] == "edge"}
    code, out, err = run(["diff", "-f", "jsonl", "seed.json", "seed-edited.json"])
    items = [json.loads(l) for l in out.decode().splitlines()]
    code_u, union, _ = run(["merge", "seed.json", "seed-edited.json"])
    u = json.loads(union)
    got_nodes = {i["id"]: i["diff"] for i in items if i["kind"] == "node"}
    got_edges = {(i["source"], "-" + i["type"] + "->", i["target"]): i["diff"] for i in items if i["kind"] == "edge"}
    check("diff -f jsonl exit", code == 1, f"exit {code}: {err}")
    check("diff -f jsonl is the union", sorted(got_nodes) == [n["id"] for n in u["nodes"]] and
          len(got_edges) == len(u["edges"]))
    check("diff -f jsonl node status", {k: v for k, v in got_nodes.items() if v != "unchanged"} == node_st,
          got_nodes)
    check("diff -f jsonl edge status", {k: v for k, v in got_edges.items() if v != "unchanged"} == edge_st,
          got_edges)
    code, out, err = run(["diff", "-f", "graphml", "seed.json", "seed.json"])
    check("diff -f graphml equal", code == 0 and out.count(b'<data key="n_diff">unchanged</data>') ==
          len(json.loads(open(os.path.join(tmp, "seed.json")).read())["nodes"]), err)
    code, out, err = run(["diff", "-f", "csv", "-o", "dcsv", "seed.json", "seed-edited.json"])
    rows = open(os.path.join(tmp, "dcsv", "edges.csv")).read().splitlines()
    check("diff -f csv", code == 1 and rows[0].endswith(",diff") and
          sum(r.endswith(",removed") for r in rows) == list(edge_st.values()).count("removed"), rows[:2])
    code, out, err = run(["diff", "-f", "yaml", "seed.json", "seed.json"])
    check("diff unknown format", code == 2 and
          err == "newsgraph: unknown diff format 'yaml' (try newsgraph diff --help)\n", err)
    # merge: golden, and any order or grouping gives the same bytes
    golden("merge.json", ["merge", "seed.json", "steel.json"], 0)
    code1, m1, _ = run(["merge", "steel.json", "seed.json"])
    run(["merge", "-o", "se.json", "seed.json", "seed-edited.json"])
    code2, m2, _ = run(["merge", "se.json", "steel.json"])
    code3, m3, _ = run(["merge", "steel.json", "seed-edited.json", "seed.json"])
    check("merge order", m1 == open(os.path.join(exp, "merge.json"), "rb").read())
    check("merge grouping", code2 == 0 and m2 == m3, "(seed+edited)+steel != steel+edited+seed")
    code, m4, _ = run(["merge", "seed.json", "seed.json"])
    check("merge idempotent", m4 == open(os.path.join(tmp, "seed.json"), "rb").read())
    g = json.loads(m1)
    check("merge provenance", [a["id"] for a in g["articles"]] == ["seed.txt", "steel.txt"])
    # the DOT reader: a DOT graph comes back with its nodes and edges
    golden("from-dot.json", ["merge", "seed.dot"], 0)
    d = json.loads(open(os.path.join(exp, "from-dot.json")).read())
    s = json.loads(open(os.path.join(tmp, "seed.json")).read())
    check("dot keeps nodes", [n["id"] for n in d["nodes"]] == [n["id"] for n in s["nodes"]])
    check("dot keeps edges", [(e["source"], e["type"], e["target"], e["modality"]) for e in d["edges"]] ==
          [(e["source"], e["type"], e["target"], e["modality"]) for e in s["edges"]])
    # filters
    code, out, _ = run(["merge", "--types", "person,state", "--relations", "leads,works_for", "seed.json"])
    g = json.loads(out)
    check("filters", code == 0 and {n["type"] for n in g["nodes"]} <= {"person", "state"} and
          {e["type"] for e in g["edges"]} <= {"leads", "works_for"} and g["edges"], out[:200])
    # bad graph files: exit 2, one line naming the file
    bad = {
        "truncated.json": (open(os.path.join(tmp, "seed.json")).read()[:500],
                           "newsgraph: truncated.json: invalid JSON near byte 499"),
        "typed.json": ('{"newsgraph": 1, "articles": [], "nodes": [{"id": 5, "type": "person", "name": "x"}],'
                       ' "edges": []}', "newsgraph: typed.json: node 0 needs string id, type and name"),
        "huge.json": ('{"newsgraph": 1, "articles": [], "nodes": [{"id": "person:x", "type": "person", '
                      '"name": "x", "aliases": [], "kb": {}, "mentions": [{"article": "a", "start": 1e300, '
                      '"end": 2}]}], "edges": []}',
                      "newsgraph: huge.json: node person:x: a mention needs article, start and end "
                      "(0 <= start <= end < 2^32)"),
        "deep.json": ('{"a":' * 10000 + "1" + "}" * 10000, "newsgraph: deep.json: JSON nests deeper than 64 levels"),
        "version.json": ('{"nodes": []}', 'newsgraph: version.json: not a newsgraph graph (format version 1): '
                                          '"newsgraph": 1 is missing'),
        "edge.json": ('{"newsgraph": 1, "articles": [], "nodes": [], "edges": [{"source": "a:b", "type": "visits",'
                      ' "target": "c:d", "evidence": []}]}',
                      "newsgraph: edge.json: edge a:b -visits-> c:d: an endpoint is not a node"),
        "bad.dot": ("digraph { a -> ", None),
    }
    for name, (text, msg) in bad.items():
        harness.write(name, text.encode())
        expect_error(f"bad input {name}", ["merge", name], msg, prefix=f"newsgraph: {name}: ")
    # DOT nested 10,000 deep overflows the parser's stack: refused, not
    # read as an empty graph
    harness.write("deep.dot", ("digraph {" + "subgraph {" * 10000 + "}" * 10000 + "}").encode())
    expect_error("deep dot refused", ["merge", "deep.dot"], prefix="newsgraph: deep.dot: not a DOT graph: ")


if __name__ == "__main__":
    sys.exit(main())
