#!/usr/bin/env python3
"""Feeds for property-graph stores: the jsonl, graphml, cypher and csv
writers' output, read back by real consumers (Python's json, networkx, and
kuzu through tests/feeds/pg_kuzu.js) and compared with the JSON graph of the
same input: node count per type, edge count per relation type, Putin's
neighbours and the relations linking them, one evidence sentence, one date,
every awkward name, and then every field of every node and edge.

Inputs: the seed article (graphs/putin-china-visit.txt) extracted; a merge
of awkward.json (awkward.py), a small graph with CRs in its names, the seed
article, graphs/wto-steel-talks.txt and the graph of 50 generated articles
with awkward but extractable names; and a graph just over two Cypher
batches. A missing tool fails the test; nothing is skipped.

usage: run_pg.py NEWSGRAPH SRCDIR"""
import collections
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check_equal, fail, fatal  # noqa: E402
import awkward  # noqa: E402
import harness  # noqa: E402

FORMATS = ["jsonl", "graphml", "cypher", "csv"]
PUTIN = "person:vladimir-putin"

# Names the extractor takes whole (checked by hand); each must reach every
# store exactly as it reaches the JSON graph.
PEOPLE = ["José Ñúñez", "Seán O'Neill", "Zoë Ångström", "Dmitrï Kovačević", "Renée D'Arcy", "Øyvind Bråten",
          "Mary-Kate O'Hara", "Jürgen Groß", "Ana María Peñalosa", "Søren Kierkegård", "Chloé D'Souza",
          "Björn Ærø", "Ewa Wróblewska", "Siobhán Ní Bhriain", "Héloïse Dubois-Lefèvre", "Émile Zéphyr",
          "Pål Østergård", "Ramón O'Donnell-Núñez"]
COMPANIES = ["O'Neill Holdings Inc.", "Société Nouvelle Corp", "Ångström Capital Ltd", "Kovačević & Sons Inc.",
             "D'Arcy Mining Corp", "Peñalosa Hermanos S.A.", "Ærø Shipping Ltd", "Dubois-Lefèvre Industries Inc.",
             "Zéphyr Technologies Corp", "Wróblewski Group Inc."]
LEADERS = [("Russian President Vladimir Putin", "Moscow"), ("Chinese President Xi Jinping", "Beijing"),
           ("Russian President Vladimir Putin", "Sochi"), ("Japanese Prime Minister Fumio Kishida", "Tokyo")]
STATES = ["Japan", "India", "China", "Russia", "Ukraine"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

def require_tools(src):
    try:
        import networkx  # noqa: F401
    except ImportError:
        fatal("networkx is missing (Debian: apt-get install python3-networkx)")
    harness.require("node", "Debian: apt-get install nodejs")
    if not os.path.isfile(os.path.join(src, "tests", "feeds", "node_modules", "kuzu", "package.json")):
        fatal("the npm package kuzu is missing: run `npm ci` in tests/feeds")


def articles(directory):
    """50 short articles: a headline with quotes and commas, a dated meeting
    with a known leader (Putin in half of them), and a statement naming a
    company with an apostrophe or non-ASCII letters."""
    paths = []
    for i in range(50):
        person, company = PEOPLE[i % len(PEOPLE)], COMPANIES[i % len(COMPANIES)]
        leader, city = LEADERS[i % len(LEADERS)]
        date = "%s %d, 2024" % (MONTHS[i % len(MONTHS)], 1 + i % 28)
        text = ('Minister says "talks, not tariffs"; %s responds\n\n'
                "Finance Minister %s met %s in %s on %s.\n\n"
                "%s, an adviser to the Ministry of Finance, told Reuters that %s will supply turbines to %s.\n"
                % (company, person, leader, city, date, person, company, STATES[i % len(STATES)]))
        path = os.path.join(directory, "gen-%02d.txt" % i)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths


def node(nid, typ, name, aliases, article, end):
    """A node of a hand-made graph, with one name mention."""
    return {"id": nid, "type": typ, "name": name, "aliases": aliases, "kb": {},
            "mentions": [{"article": article, "start": 0, "end": end, "kind": "name"}]}


def carriage_returns():
    """A small graph whose names hold CR, which extracted text never gives
    but a JSON input can: the one character Cypher escapes differently in
    Neo4j and kuzu, and that XML and CSV must protect. The person has no
    aliases, which kuzu cannot type in a list beside non-empty ones."""
    sentence = "Ms\rCR works for the\r\nCarriage Office."
    return {"newsgraph": 1, "articles": [{"id": "cr", "title": "CR\r", "date": None, "source": None}],
            "nodes": [node("organization:cr-office", "organization", "Carriage\rReturn\r\nOffice",
                           ["Carriage\rReturn\r\nOffice"], "cr", 4),
                      node("person:cr-tester", "person", "Ms\rCR", [], "cr", 4)],
            "edges": [{"source": "person:cr-tester", "type": "works_for", "target": "organization:cr-office",
                       "symmetric": False, "modality": "asserted", "negated": False, "date": "2024-01", "count": 1,
                       "confidence": 0.5, "cameo": None, "attrs": {"role": "clerk\r"},
                       "evidence": [{"article": "cr", "sentence": sentence, "start": 0, "end": len(sentence),
                                     "trigger": "works", "modality": "asserted", "negated": False,
                                     "rule": "cr"}]}]}


def batches():
    """A graph one row over two UNWIND batches (500 rows) in one node label
    and in one (relation, source label, target label) group: 501 people who
    each met Putin."""
    def person(nid, name):
        return node(nid, "person", name, [name], "batches", 5)
    ids = ["person:batch-%03d" % i for i in range(501)]
    edges = [{"source": i, "type": "meets", "target": PUTIN, "symmetric": True, "modality": "asserted",
              "negated": False, "date": "2024-05-%02d" % (1 + n % 28), "count": 1, "confidence": 0.7,
              "cameo": "040", "attrs": {},
              "evidence": [{"article": "batches", "sentence": "Putin met Ñ'%d." % n, "start": 0, "end": 5,
                            "trigger": "met", "modality": "asserted", "negated": False, "rule": "batches"}]}
             for n, i in enumerate(ids)]
    return {"newsgraph": 1, "articles": [{"id": "batches", "title": None, "date": None, "source": None}],
            "nodes": [person(i, "Ñ'%d, «batch»" % n) for n, i in enumerate(ids)] +
                     [person(PUTIN, "Vladimir Putin")], "edges": edges}


def node_record(n):
    kb = n.get("kb", {})
    return {"type": n["type"], "name": n["name"], "aliases": list(n["aliases"]), "wikidata": kb.get("wikidata"),
            "iso3166": kb.get("iso3166"), "mention_count": len(n["mentions"]), "mentions": n["mentions"]}


EDGE_FIELDS = ["symmetric", "modality", "negated", "date", "count", "confidence", "cameo", "attrs", "evidence"]


def edge_record(e):
    return {k: e[k] for k in EDGE_FIELDS}


def compare(fmt, graph, nodes, edges, awkward_names):
    """nodes: id -> node_record; edges: (source, type, target) -> edge_record,
    as read back from a store; graph: the JSON graph."""
    want_nodes = {n["id"]: node_record(n) for n in graph["nodes"]}
    want_edges = {(e["source"], e["type"], e["target"]): edge_record(e) for e in graph["edges"]}
    check_equal(fmt + ": nodes per type", collections.Counter(r["type"] for r in nodes.values()),
                collections.Counter(r["type"] for r in want_nodes.values()))
    check_equal(fmt + ": edges per relation type", collections.Counter(k[1] for k in edges),
                collections.Counter(k[1] for k in want_edges))

    def neighbours(es):
        return sorted([("out", k[1], k[2]) for k in es if k[0] == PUTIN] +
                      [("in", k[1], k[0]) for k in es if k[2] == PUTIN])
    want_nb = neighbours(want_edges)
    if not want_nb:
        fail(fmt + ": the JSON graph has no edge at " + PUTIN)
    check_equal(fmt + ": Putin's neighbours and relation types", neighbours(edges), want_nb)
    # One evidence sentence and one date: Putin's first dated edge.
    key = next((k for k in sorted(want_edges) if PUTIN in (k[0], k[2]) and want_edges[k]["date"]), None)
    if key is None:
        fail(fmt + ": the JSON graph has no dated edge at " + PUTIN)
    elif check_equal(fmt + ": edge %s present" % (key,), key in edges, True):
        check_equal(fmt + ": evidence sentence of %s" % (key,), edges[key]["evidence"][0]["sentence"],
                    want_edges[key]["evidence"][0]["sentence"])
        check_equal(fmt + ": date of %s" % (key,), edges[key]["date"], want_edges[key]["date"])
    for nid, name in awkward_names.items():
        check_equal(fmt + ": awkward name of " + nid, nodes.get(nid, {}).get("name"), name)
    # Then everything, field by field.
    check_equal(fmt + ": node ids", sorted(nodes), sorted(want_nodes))
    check_equal(fmt + ": edge keys", sorted(edges), sorted(want_edges))
    for nid in sorted(set(nodes) & set(want_nodes)):
        if not check_equal(fmt + ": node " + nid, nodes[nid], want_nodes[nid]):
            break
    for k in sorted(set(edges) & set(want_edges)):
        if not check_equal(fmt + ": edge %s" % (k,), edges[k], want_edges[k]):
            break


def check_jsonl(fmt, text, graph):
    lines = text.decode("utf-8").split("\n")
    check_equal(fmt + ": ends with a newline", lines[-1], "")
    objs = [json.loads(line) for line in lines[:-1]]
    check_equal(fmt + ": \"kind\" opens every line", sorted({next(iter(o)) for o in objs}), ["kind"])
    kinds = [o.pop("kind", None) for o in objs]
    check_equal(fmt + ": line kinds in order", kinds,
                ["article"] * len(graph["articles"]) + ["node"] * len(graph["nodes"]) + ["edge"] * len(graph["edges"]))
    check_equal(fmt + ": lines equal the JSON graph's items", objs, graph["articles"] + graph["nodes"] + graph["edges"])
    return ({o["id"]: node_record(o) for o in objs if "mentions" in o},
            {(o["source"], o["type"], o["target"]): edge_record(o) for o in objs if "evidence" in o})


def check_graphml(fmt, path, graph):
    import networkx as nx
    try:
        g = nx.read_graphml(path)
    except Exception as e:  # a parse error names the bad spot
        fail("%s: networkx cannot read %s: %s" % (fmt, path, e))
        return {}, {}
    check_equal(fmt + ": directed", g.is_directed(), True)
    check_equal(fmt + ": articles", json.loads(g.graph.get("articles", "null")), graph["articles"])
    nodes = {}
    for nid, d in g.nodes(data=True):
        nodes[nid] = {"type": d.get("type"), "name": d.get("name"), "aliases": json.loads(d.get("aliases", "null")),
                      "wikidata": d.get("wikidata"), "iso3166": d.get("iso3166"),
                      "mention_count": d.get("mention_count"), "mentions": json.loads(d.get("mentions", "null"))}
    edges = {}
    for s, t, d in g.edges(data=True):
        r = {k: d.get(k) for k in EDGE_FIELDS}
        r["attrs"], r["evidence"] = json.loads(r["attrs"]), json.loads(r["evidence"])
        check_equal(fmt + ": typed values of %s -%s-> %s" % (s, d.get("type"), t),
                    [type(r[k]).__name__ for k in ("symmetric", "negated", "count", "confidence")],
                    ["bool", "bool", "int", "float"])
        edges[(s, d.get("type"), t)] = r
    return nodes, edges


def kuzu_records(fmt, dump, empty_aliases_are_null):
    """Records of a kuzu dump (pg_kuzu.js), checking the store's own
    counting queries and Putin queries on the way."""
    nodes, edges = {}, {}
    for n in dump["nodes"]:
        check_equal(fmt + ": label of " + n["id"], n["label"], n["type"].capitalize())
        aliases = n["aliases"]
        if aliases is None and empty_aliases_are_null:
            aliases = []  # the import format cannot tell an empty array from none
        nodes[n["id"]] = {"type": n["type"], "name": n["name"], "aliases": aliases, "wikidata": n["wikidata"],
                          "iso3166": n["iso3166"], "mention_count": n["mention_count"],
                          "mentions": json.loads(n["mentions"])}
    for e in dump["edges"]:
        check_equal(fmt + ": relationship type of %s -%s-> %s" % (e["source"], e["type"], e["target"]), e["rel"],
                    e["type"].upper())
        r = {k: e[k] for k in EDGE_FIELDS}
        r["attrs"], r["evidence"] = json.loads(r["attrs"]), json.loads(r["evidence"])
        edges[(e["source"], e["type"], e["target"])] = r
    check_equal(fmt + ": MATCH (n:Label) counts", {k: v for k, v in dump["labels"].items() if v},
                dict(collections.Counter(r["type"].capitalize() for r in nodes.values())))
    check_equal(fmt + ": MATCH ()-[r:TYPE]->() counts", dump["rels"],
                dict(collections.Counter(k[1].upper() for k in edges)))
    check_equal(fmt + ": Putin's neighbours by MATCH",
                sorted([("out", r["rel"], r["other"]) for r in dump["putin_out"]] +
                 [("in", r["rel"], r["other"]) for r in dump["putin_in"]]),
                sorted([("out", k[1].upper(), k[2]) for k in edges if k[0] == PUTIN] +
                 [("in", k[1].upper(), k[0]) for k in edges if k[2] == PUTIN]))
    return nodes, edges


def check_case(name, src, tmp, inputs, command, awkward_names, generated, statements=None):
    print("== %s" % name)
    d = os.path.join(tmp, name)
    os.mkdir(d)
    graph_path = os.path.join(d, "graph.json")
    with open(graph_path, "wb") as f:
        f.write(harness.output([command, "-f", "json"] + inputs))
    with open(graph_path, encoding="utf-8") as f:
        graph = json.load(f)
    names = {n["name"] for n in graph["nodes"]}
    missing = [n for n in awkward_names.values() if n not in names]
    if missing:
        fail("%s: awkward names missing from the JSON graph itself: %r" % (name, missing))
    got = [n for n in generated if n in names]
    print("   %d nodes, %d edges, %d generated awkward names extracted" %
          (len(graph["nodes"]), len(graph["edges"]), len(got)))
    # A few may come and go as the extractor changes; the point is many.
    if generated and len(got) < 20:
        fail("%s: only %d of the generated awkward names were extracted: %r" % (name, len(got), got))

    out = {}
    for fmt in FORMATS:
        path = os.path.join(d, "out." + fmt)
        harness.output([command, "-f", fmt, "-o", path] + inputs)
        # The same bytes again; for merge, from the inputs in reverse order.
        other = os.path.join(d, ("reversed." if command == "merge" else "again.") + fmt)
        harness.output([command, "-f", fmt, "-o", other] + (inputs[::-1] if command == "merge" else inputs))
        for part in ["nodes.csv", "edges.csv"] if fmt == "csv" else [""]:
            with open(os.path.join(path, part) if part else path, "rb") as fa, \
                    open(os.path.join(other, part) if part else other, "rb") as fb:
                check_equal("%s %s: same bytes in %s" % (name, os.path.join(os.path.basename(path), part),
                                                   os.path.basename(other)), fa.read() == fb.read(), True)
        out[fmt] = path

    with open(out["jsonl"], "rb") as f:
        compare(name + " jsonl", graph, *check_jsonl(name + " jsonl", f.read(), graph), awkward_names)
    fmt = name + " graphml (networkx)"
    compare(fmt, graph, *check_graphml(fmt, out["graphml"], graph), awkward_names)

    with open(os.path.join(out["csv"], "nodes.csv"), encoding="utf-8", newline="") as f:
        check_equal(name + " csv: nodes.csv header", f.readline(),
                    "id:ID,:LABEL,type,name,aliases:string[],wikidata,iso3166,mention_count:int,mentions\n")
    with open(os.path.join(out["csv"], "edges.csv"), encoding="utf-8", newline="") as f:
        check_equal(name + " csv: edges.csv header", f.readline(),
                    ":START_ID,:END_ID,:TYPE,type,symmetric:boolean,modality,negated:boolean,date,count:int,"
                    "confidence:double,cameo,attrs,evidence\n")
    with open(out["cypher"], "rb") as f:
        check_equal(name + " cypher: no raw CR (cypher-shell reads by lines)", b"\r" in f.read(), False)
    code, dump, err = harness.tool(["node", os.path.join(src, "tests", "feeds", "pg_kuzu.js"), graph_path,
                                    out["cypher"], out["csv"]])
    if code != 0:
        fail("%s: loading into kuzu failed" % name, "\n" + err[-3000:])
        return
    kz = json.loads(dump)
    cy = kz["cypher"]
    print("   cypher: %d statements" % cy["statements"])
    if statements is not None:
        check_equal(name + " cypher: statements (UNWIND batches of at most 500 rows)", cy["statements"], statements)
    check_equal(name + " cypher: a second run changes nothing", cy["again"] == cy["first"], True)
    compare(name + " cypher (kuzu)", graph, *kuzu_records(name + " cypher (kuzu)", cy["first"], False),
            awkward_names)
    compare(name + " csv (kuzu)", graph, *kuzu_records(name + " csv (kuzu)", kz["csv"], True), awkward_names)


def main():
    (src,), _ = harness.start(__doc__, 1, 1)
    src = os.path.abspath(src)
    require_tools(src)
    seed = os.path.join(src, "graphs", "putin-china-visit.txt")
    with harness.tempdir("feeds_pg.") as tmp:
        awk = os.path.join(tmp, "awkward.json")
        awkward.save(awk)
        awkward_names = {n["id"]: n["name"] for n in awkward.graph()["nodes"]}
        cr = os.path.join(tmp, "cr.json")
        with open(cr, "w", encoding="utf-8") as f:
            json.dump(carriage_returns(), f)
        awkward_names.update((n["id"], n["name"]) for n in carriage_returns()["nodes"])
        gen = os.path.join(tmp, "articles")
        os.mkdir(gen)
        # One extract for the 50 articles: merge builds an extractor per
        # article input, which would dominate the test's run time.
        gen_json = os.path.join(tmp, "generated.json")
        harness.output(["extract", "-f", "json", "-o", gen_json] + articles(gen))
        inputs = [awk, cr, seed, os.path.join(src, "graphs", "wto-steel-talks.txt"), gen_json]
        check_case("seed", src, tmp, [seed], "extract", {}, [])
        check_case("merged", src, tmp, inputs, "merge", awkward_names, PEOPLE + COMPANIES)
        big = os.path.join(tmp, "batches.json")
        with open(big, "w", encoding="utf-8") as f:
            json.dump(batches(), f, ensure_ascii=False)
        check_case("batches", src, tmp, [big], "merge", {}, [], statements=4)
    return harness.summary("feeds_pg")


if __name__ == "__main__":
    sys.exit(main())
