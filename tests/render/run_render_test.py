#!/usr/bin/env python3
"""Render tests: `newsgraph render` draws the bundled article as SVG and PNG,
its filters (--types, --top) cut the drawing down, bad engines and formats
stop with one exact line, and a merged graph of 200 synthetic articles
renders with the default engine (sfdp for big graphs) without a warning.

usage: run_render_test.py NEWSGRAPH SOURCE_DIR
"""
import json
import os
import random
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, path, run, write  # noqa: E402
import harness  # noqa: E402

SRC = ENV = None
harness.TIMEOUT = 600
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def render(args):
    """newsgraph render, under the leak suppressions (extract needs none, and
    full unwinding only slows it down)."""
    return run(["render"] + args, env=ENV)


def render_ok(name, args):
    """Runs a render that must succeed silently; returns the output bytes."""
    code, out, err = render(args)
    check(name + " exit", code == 0, f"exit {code}: {err}")
    check(name + " silent", err == "" and out == b"", repr(err[:300]))
    outpath = args[args.index("-o") + 1]
    if not os.path.exists(outpath):
        check(name + " output exists", False)
        return b""
    with open(outpath, "rb") as f:
        return f.read()


def parse_svg(name, data):
    """The SVG's root element, or None after a failed check."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        check(name + " valid XML", False, str(e))
        return None
    check(name + " svg root", root.tag == SVG_NS + "svg", root.tag)
    return root


def svg_texts(root):
    return ["".join(t.itertext()) for t in root.iter(SVG_NS + "text")]


def entity_nodes(root):
    """Titles of the drawn entity nodes (the legend's are not entities)."""
    titles = []
    for g in root.iter(SVG_NS + "g"):
        if g.get("class") == "node":
            t = g.find(SVG_NS + "title")
            if t is not None and not (t.text or "").startswith("legend:"):
                titles.append(t.text)
    return titles


def check_png(name, data, min_size=10 * 1024):
    check(name + " PNG magic", data[:8] == PNG_MAGIC, repr(data[:8]))
    check(name + " PNG size", len(data) > min_size, f"{len(data)} bytes")


def bundled_article():
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    svg = render_ok("svg", ["-f", "svg", "-o", path("putin.svg"), art])
    root = parse_svg("svg", svg)
    putin_nodes = set()
    if root is not None:
        putin_nodes = set(entity_nodes(root))
        check("svg has a legend", b"legend:person" in svg)
        texts = svg_texts(root)
        check("svg names Putin", "Vladimir Putin" in texts, texts[:10])
        check("svg has Tamkang University", "Tamkang University" in texts)
    check_png("png", render_ok("png", ["-f", "png", "-o", path("putin.png"), art]))
    # -f defaults to the extension of -o
    pdf = render_ok("pdf by extension", ["-o", path("putin.pdf"), art])
    check("pdf magic", pdf[:5] == b"%PDF-", repr(pdf[:8]))

    svg = render_ok("--types", ["--types", "person,state", "-o", path("types.svg"), art])
    root = parse_svg("--types", svg)
    if root is not None:
        texts = svg_texts(root)
        check("--types drops organizations", "Tamkang University" not in texts)
        check("--types keeps Putin", "Vladimir Putin" in texts)
        kinds = {t.split(":")[0] for t in entity_nodes(root)}
        check("--types only person and state", kinds <= {"person", "state"} and kinds, kinds)

    svg = render_ok("--top", ["--top=5", "-f", "svg", "-o", path("top.svg"), art])
    root = parse_svg("--top", svg)
    if root is not None:
        nodes = entity_nodes(root)
        check("--top 5 keeps at most 5 entities", 0 < len(nodes) <= 5, nodes)

    svg = render_ok("--relations", ["--relations", "visits", "-o", path("rel.svg"), art])
    root = parse_svg("--relations", svg)
    if root is not None:
        # the legend's edges (their title names legend: points) are not relations
        labels = {"".join(g.find(SVG_NS + "text").itertext()) for g in root.iter(SVG_NS + "g")
                  if g.get("class") == "edge" and g.find(SVG_NS + "text") is not None and
                  "legend:" not in "".join(g.find(SVG_NS + "title").itertext())}
        check("--relations keeps only visits", labels == {"visits"}, labels)
        legend = {"".join(g.find(SVG_NS + "text").itertext()) for g in root.iter(SVG_NS + "g")
                  if g.get("class") == "edge" and "legend:" in "".join(g.find(SVG_NS + "title").itertext())}
        check("the legend explains line width", legend == {"thicker: more evidence"}, legend)

    # a graph file written by extract, DOT as well as JSON, renders too
    for fmt in ("dot", "json"):
        graph = path("putin." + fmt)
        code, out, err = run(["extract", "-f", fmt, "-o", graph, art])
        check("extract -f " + fmt, code == 0, err)
        root = parse_svg("from " + fmt, render_ok("from " + fmt, ["-o", path(fmt + ".svg"), graph]))
        if root is not None:
            check("from " + fmt + " names Putin", "Vladimir Putin" in svg_texts(root))

    for engine in ("neato", "fdp", "sfdp", "circo", "twopi"):
        svg = render_ok("-K " + engine, ["-K", engine, "-o", path(engine + ".svg"), art])
        root = parse_svg("-K " + engine, svg)
        if root is not None:
            check("-K " + engine + " draws every entity", set(entity_nodes(root)) == putin_nodes)
            # only dot and fdp keep a cluster together; elsewhere the legend goes
            check("-K " + engine + " legend", (b"legend:" in svg) == (engine == "fdp"))


def render_error(name, args, message):
    """A render that must fail: exit 2 and one exact line."""
    harness.expect_error(name, ["render"] + args, message, env=ENV)


def errors():
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    out = path("bad.svg")
    render_error("bad engine", ["-K", "spring", "-o", out, art],
                 "newsgraph: unknown layout engine 'spring' (try newsgraph render --help)")
    render_error("bad format", ["-f", "gif", "-o", path("bad.gif"), art],
                 "newsgraph: unknown render format 'gif' (try newsgraph render --help)")
    render_error("no -o", ["-f", "svg", art], "newsgraph: render needs -o FILE")
    render_error("no format", ["-o", path("bad.txt"), art],
                 f"newsgraph: render needs -f svg|png|pdf|html (cannot tell from '{path('bad.txt')}')")
    render_error("bad type", ["--types", "person,country", "-o", out, art],
                 "newsgraph: --types: unknown entity type 'country' (one of person, state, organization, company, "
                 "agreement, location, group)")
    render_error("bad relation", ["--relations", "visits,hugs", "-o", out, art],
                 "newsgraph: --relations: unknown relation 'hugs' (one of visits, meets, signs, party_to, "
                 "cooperates_with, allied_with, trades_with, supplies, supports, sanctions, criticizes, threatens, "
                 "attacks, at_war_with, leads, works_for, appoints, member_of, part_of, based_in, owns, invests_in, "
                 "located_in, speaks_to)")
    render_error("bad top", ["--top", "0", "-o", out, art], "newsgraph: --top needs a positive number")
    render_error("bad min-count", ["--min-count=two", "-o", out, art],
                 "newsgraph: --min-count needs a positive number")
    # An empty graph is said, not drawn as a blank picture.
    empty = write("empty.txt", b"The weather was fine all week.\n")
    render_error("empty graph", ["-o", out, empty], f"newsgraph: {empty}: no nodes to draw")
    render_error("filtered to nothing", ["--types", "company", "-o", out, art],
                 f"newsgraph: {art}: no nodes to draw (the filters left none)")
    check("no output after errors", not os.path.exists(out) and not os.path.exists(path("bad.gif")))
    # A diff drawn as DOT keeps its colours and legend through render.
    steel = os.path.join(SRC, "graphs", "wto-steel-talks.txt")
    code, dot, err = run(["diff", "-f", "dot", art, steel])
    check("diff -f dot", code == 1 and b"ng_diff=added" in dot, err)
    d = write("diff.dot", dot)
    svg = render_ok("diff render", ["-f", "svg", "-o", path("diff.svg"), d])
    check("diff colours survive render", b'stroke="#008b00"' in svg and b'stroke="red"' in svg and
          b">added</text>" in svg and b">removed</text>" in svg, svg[:200])
    # a failed write is reported, not a Graphviz exit(1)
    with open("/dev/full", "wb") as full:
        r = subprocess.run(harness.argv(["render", "-f", "png", "-o", "-", art]), stdout=full,
                           stderr=subprocess.PIPE, timeout=harness.TIMEOUT * harness.SCALE, env=ENV)
    check("full disk exit", r.returncode == 2, f"exit {r.returncode}")
    check("full disk message", r.stderr == b"newsgraph: <stdout>: write failed: No space left on device\n", repr(r.stderr[:300]))
    code, out, err = render(["--help"])
    check("--help", code == 0 and out.startswith(b"usage: newsgraph render") and err == "", out[:60])


def kb_names(name, prefix, keep):
    """Canonical names of knowledge-base entries whose id starts with prefix."""
    names = []
    with open(os.path.join(SRC, "src", "kb", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "|" not in line:
                continue
            parts = line.rstrip("\n").split("|")
            if parts[0].startswith(prefix) and keep(parts):
                names.append(parts[1])
    return names


def big_graph():
    rnd = random.Random(20240516)
    # Modern states (a three-letter code) with plain names read well in
    # template sentences; people likewise.
    states = kb_names("states.txt", "state:",
                      lambda p: len(p[0]) == 9 and "," not in p[1] and "(" not in p[1])
    people = kb_names("people.txt", "person:",
                      lambda p: " " in p[1] and "." not in p[1] and "(" not in p[1])
    states = rnd.sample(states, 70)
    people = rnd.sample(people, 140)
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    files = []
    for i in range(200):
        x, w = rnd.sample(people, 2)
        y, z, v = rnd.sample(states, 3)
        text = (f"{x} visits {z}\n\n"
                f"President {x} of {y} visited {z} on {rnd.choice(days)}. "
                f"{x} met {w} in the capital. "
                f"{y} signed a trade agreement with {z}. "
                f"{z} imposed sanctions on {v}.\n")
        p = path(f"a{i + 1}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        files.append(p)
    # 30 articles: about 100 entities, past dot's limit but small enough for
    # edges routed around nodes
    mid = path("mid.json")
    code, out, err = run(["extract", "-f", "json", "-o", mid] + files[:30])
    check("extract 30 articles", code == 0, err)
    root = parse_svg("mid svg", render_ok("mid svg", ["-o", path("mid.svg"), mid]))
    if root is not None:
        check("mid svg has no legend", not any(t.startswith("legend:") for t in
                                                 (x.text or "" for x in root.iter(SVG_NS + "title"))))
        check("mid svg is big", len(entity_nodes(root)) > 60, len(entity_nodes(root)))

    big = path("big.json")
    code, out, err = run(["extract", "-f", "json", "-o", big] + files)
    check("extract 200 articles", code == 0 and os.path.exists(big), err)
    if code != 0:
        return
    with open(big, encoding="utf-8") as f:
        g = json.load(f)
    check("big graph has 200 articles", len(g["articles"]) == 200, len(g["articles"]))
    check("big graph is big", len(g["nodes"]) > 60, len(g["nodes"]))

    svg = render_ok("big svg", ["-o", path("big.svg"), big])
    root = parse_svg("big svg", svg)
    if root is not None:
        nodes = entity_nodes(root)
        check("big svg draws every node", len(nodes) == len(g["nodes"]), f"{len(nodes)} of {len(g['nodes'])}")
        check("big svg has no legend", b"legend:" not in svg)
        check("big svg has an edge per edge", sum(1 for x in root.iter(SVG_NS + "g") if x.get("class") == "edge")
              == len(g["edges"]))
        texts = set(svg_texts(root))
        check("big svg names a person", any(p in texts for p in people))
    check_png("big png", render_ok("big png", ["-f", "png", "-o", path("big.png"), big]))
    # the filters cut the big graph down too
    svg = render_ok("big --top 20", ["--top", "20", "-o", path("big-top.svg"), big])
    root = parse_svg("big --top 20", svg)
    if root is not None:
        check("big --top 20", 0 < len(entity_nodes(root)) <= 20, len(entity_nodes(root)))


def main():
    global SRC, ENV
    (src,), _ = harness.start(__doc__, 1, 1)
    SRC = os.path.abspath(src)
    with harness.tempdir("ng-render-"):
        ENV = harness.graphviz_env()
        bundled_article()
        errors()
        big_graph()
    return harness.summary("render")


if __name__ == "__main__":
    sys.exit(main())
