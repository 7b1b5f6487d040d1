"""The HTML map in a real browser: pages written by newsgraph (render, extract,
merge and diff -f html) opened from disk in Debian's chromium, headless,
with the network off, driven by drive.js (puppeteer-core, pinned by
package-lock.json). Asserts: no console error, page error, dialog or
request; one element per node and per edge; a known node's and a known
edge's panel (every evidence, its trigger marked); hover, zoom and pan;
each filter and the legends hide exactly what they should (checked
against the same rules computed here), and the URL fragment brings a view
back; the search finds a node by an alias; the diff page marks what was
added, removed and changed and can show only that; a screenshot is not
blank; hostile names and evidence (markup, quotes, &, right-to-left text)
show as text; an empty graph gives an empty map; a map of more than 60
entities is laid out by sfdp without those that have no relation, and drawn
whole. Missing chromium, node or
the npm packages fail the test (bash tests/deps.sh installs them).

usage: python3 run_html.py NEWSGRAPH PROJECT_SOURCE_DIR"""
import json
import os
import struct
import sys
import urllib.parse
import zlib

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402
from harness import check, check_equal, fatal, path, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CHROMIUM = os.environ.get("NG_CHROMIUM", "/usr/bin/chromium")


def newsgraph(args, code=0):
    got, out, err = harness.run(args, env=harness.graphviz_env())
    if got != code:
        fatal(f"newsgraph {' '.join(args)}: exit {got}: {err[-2000:]}")
    return out


def drive(plan):
    """Runs a plan in the browser; returns one result per step."""
    p = write("plan.json", json.dumps(plan).encode())
    code, out, err = harness.tool(["node", os.path.join(HERE, "drive.js"), p], timeout=300)
    if code != 0:
        fatal(f"drive.js: exit {code}: {err[-2000:]}")
    results = [json.loads(line) for line in out.decode().splitlines()]
    if len(results) != len(plan):
        fatal(f"drive.js answered {len(results)} of {len(plan)} steps")
    for s, r in zip(plan, results):
        if "error" in r:
            fatal(f"step {json.dumps(s)[:200]}: {r['error']}")
    return results


def page_data(html):
    """The graph a page carries, read back from its data script."""
    start = html.index(b'<script type="application/json" id="ng-data">') + 45
    return json.loads(html[start:html.index(b"</script>", start)])


# --- The rules the page's filters follow, computed here ------------------

MODALITIES = ["asserted", "reported", "expected", "hypothetical"]


def edge_when(g, e):
    if e["date"] and e["date"][:4].isdigit():
        return e["date"]
    dates = {a["id"]: a["date"] for a in g["articles"]}
    found = [dates[v["article"]] for v in e["evidence"] if dates.get(v["article"])]
    return min(found) if found else None


def visible(g, s):
    """(shown node ids, shown edge indexes) under filter state s."""
    types = {n["id"]: n["type"] for n in g["nodes"]}
    frm, to = s.get("from", ""), s.get("to", "")
    active = bool(s.get("rels") or s.get("mods") or s.get("negation", "all") != "all" or s.get("min", 1) > 1
                  or frm or to)

    def date_ok(d):
        if not frm and not to:
            return True
        return bool(d) and (not frm or d >= frm[:len(d)]) and (not to or d <= to[:len(d)])

    edges, touched = set(), set()
    for i, e in enumerate(g["edges"]):
        neg = s.get("negation", "all")
        if (types[e["source"]] not in s.get("types", ()) and types[e["target"]] not in s.get("types", ())
                and e["type"] not in s.get("rels", ()) and e["modality"] not in s.get("mods", ())
                and (neg == "all" or (neg == "negated") == e["negated"]) and e["count"] >= s.get("min", 1)
                and date_ok(edge_when(g, e)) and e.get("diff") not in s.get("diffs", ())):
            edges.add(i)
            touched |= {e["source"], e["target"]}
    nodes = {n["id"] for n in g["nodes"] if n["type"] not in s.get("types", ())
             and (n["id"] in touched or (not active and n.get("diff") not in s.get("diffs", ())))}
    return nodes, edges


SHOWN = ("[Array.from(document.querySelectorAll('.node:not(.hidden)')).map(e => e.getAttribute('data-id')).sort(),"
         " Array.from(document.querySelectorAll('.edge:not(.hidden)')).map(e => +e.getAttribute('data-i'))"
         ".sort((a, b) => a - b), location.hash]")


def legend(kind, value):
    return f'.legend input[data-kind="{kind}"][value="{value}"]'


def filter_steps(state):
    """The clicks and keys that set filter state (from a reset page)."""
    steps = [{"click": "#reset"}]
    for kind in ("types", "rels", "mods", "diffs"):
        steps += [{"click": legend(kind, v)} for v in state.get(kind, ())]
    if state.get("negation", "all") != "all":
        steps.append({"select": ["#negation", state["negation"]]})
    if state.get("min", 1) > 1:
        steps.append({"type": ["#min-count", str(state["min"])]})
    for k in ("from", "to"):
        if state.get(k):
            steps.append({"eval": f"(() => {{ const d = document.getElementById('date-{k}'); d.value = '{state[k]}';"
                                  " d.dispatchEvent(new Event('change')); })()"})
    return steps


def check_filters(name, html_path, g, scenarios):
    """Each filter state, set through the page's controls, shows exactly what
    the rules say; the URL fragment it leaves brings the same view back."""
    plan = [{"open": html_path}]
    marks = []
    for state in scenarios:
        plan += filter_steps(state)
        marks.append(len(plan))
        plan.append({"eval": SHOWN})
    plan.append({"log": 1})
    res = drive(plan)
    again = [{"open": html_path, "hash": res[m]["value"][2]} for m in marks]
    replay = drive([x for step in again for x in (step, {"eval": SHOWN})])
    for k, (state, m) in enumerate(zip(scenarios, marks)):
        nodes, edges = visible(g, state)
        got_nodes, got_edges, hash_ = res[m]["value"]
        label = f"{name} filter {json.dumps(state)}"
        check_equal(label + ": nodes shown", got_nodes, sorted(nodes))
        check_equal(label + ": edges shown", got_edges, sorted(edges))
        check(label + ": hides something", len(nodes) < len(g["nodes"]) or len(edges) < len(g["edges"]),
              "the scenario hides nothing")
        check_equal(label + ": the URL fragment brings it back", replay[2 * k + 1]["value"][:2], [got_nodes, got_edges])
    clean(name + " filters", res[-1]["log"])


def clean(name, log):
    check_equal(name + ": no console error", log["console"], [])
    check_equal(name + ": no page error", log["errors"], [])
    check_equal(name + ": no dialog", log["dialogs"], [])
    check_equal(name + ": no request", log["requests"], [])


# --- A screenshot's pixels (PNG: 8-bit RGB or RGBA, as chromium writes) --

def png_pixels(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fatal("the screenshot is no PNG")
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour = hdr[:4]
    if depth != 8 or colour not in (2, 6):
        fatal(f"screenshot PNG of depth {depth}, colour type {colour}: not read here")
    bpp = 3 if colour == 2 else 4
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def ink(png):
    """The share of pixels that are not the background (white), and how many
    colours there are."""
    w, h, bpp, rows = png_pixels(png)
    inked, colours = 0, set()
    for row in rows:
        for x in range(0, w * bpp, bpp):
            px = row[x:x + 3]
            colours.add(px)
            inked += px != b"\xff\xff\xff"
    return inked / (w * h), len(colours)


# --- The pages ------------------------------------------------------------

def bundled_map(src):
    """The bundled article's map: elements, panels, hover, zoom, pan, search,
    filters, screenshot; and render, extract and the graphs/ copy agree."""
    art = os.path.join(src, "graphs", "putin-china-visit.txt")
    page = path("putin.html")
    newsgraph(["render", "-f", "html", "--date", "2024-05-10", "-o", page, art])
    html = open(page, "rb").read()
    check("render -f html is deterministic", html == newsgraph(["render", "-f", "html", "--date", "2024-05-10",
                                                                   "-o", "-", art]))
    check("extract -f html writes the same page", html == newsgraph(["extract", "-f", "html", "--date",
                                                                     "2024-05-10", art]))
    check("render: -o FILE.html needs no -f", newsgraph(["render", "--date", "2024-05-10", "-o", path("x.html"),
                                                         art]) == b"" and open(path("x.html"), "rb").read() == html)
    g = json.loads(newsgraph(["extract", "-f", "json", "--date", "2024-05-10", art]))
    data = page_data(html)
    check_equal("the page carries the graph's nodes", [n["id"] for n in data["nodes"]], [n["id"] for n in g["nodes"]])
    check_equal("the page carries the graph's edges", [e["evidence"] for e in data["edges"]],
                [e["evidence"] for e in g["edges"]])
    check("every node has a position", all(isinstance(n["x"], (int, float)) and isinstance(n["y"], (int, float))
                                           for n in data["nodes"]))
    check("the page forbids every request", b"content=\"default-src 'none'; style-src 'unsafe-inline'; "
          b"script-src 'unsafe-inline'\">" in html)
    gdir = os.path.join(src, "graphs")
    for f in sorted(x for x in os.listdir(gdir) if x.endswith(".txt")):
        have = os.path.join(gdir, f[:-4] + ".html")
        code, out, err = harness.run(["extract", "-f", "html", f], cwd=gdir, env=harness.graphviz_env())
        check(f"graphs/{f[:-4]}.html is current (cmake --build build --target graphs)",
              code == 0 and os.path.exists(have) and open(have, "rb").read() == out, err)

    ids = [n["id"] for n in g["nodes"]]
    putin = ids.index("person:vladimir-putin")
    china = ids.index("state:chn")
    visits = next(i for i, e in enumerate(g["edges"]) if (e["source"], e["type"], e["target"]) ==
                  ("person:vladimir-putin", "visits", "state:chn"))
    neighbours = {e["target"] if e["source"] == "state:chn" else e["source"] for e in g["edges"]
                  if "state:chn" in (e["source"], e["target"])}
    panel = ("(() => { const b = document.getElementById('panel-body'); return {hidden: document.getElementById("
             "'panel').hidden, h2: b.querySelector('h2').textContent, facts: Array.from(b.querySelectorAll("
             "':scope > dl dd')).map(d => d.textContent), aliases: Array.from(b.querySelectorAll('.aliases li'))"
             ".map(l => l.textContent), relations: Array.from(b.querySelectorAll('.relations li')).map(l => "
             "l.textContent), links: Array.from(b.querySelectorAll('dd a[href]')).map(a => a.href), evidence: "
             "Array.from(b.querySelectorAll('.evidence')).map(v => ({sentence: v.querySelector('blockquote')"
             ".textContent, mark: (v.querySelector('mark') || {}).textContent, facts: Array.from("
             "v.querySelectorAll('dd')).map(d => d.textContent)})), hash: location.hash}; })()")
    transform = "document.getElementById('viewport').getAttribute('transform')"
    plan = [
        {"open": page},
        {"eval": "[document.querySelectorAll('.node').length, document.querySelectorAll('.edge').length,"
                 " Array.from(document.querySelectorAll('.node text')).map(t => t.textContent),"
                 " document.getElementById('title').textContent]"},
        {"click": f'.node[data-i="{putin}"] circle'},
        {"eval": panel},
        {"clickEdge": visits},
        {"eval": panel},
        {"click": "#close"},
        {"hover": f'.node[data-i="{china}"] circle'},
        {"eval": "[document.getElementById('map').classList.contains('hovering'),"
                 " Array.from(document.querySelectorAll('.node.hl')).map(e => e.getAttribute('data-id')).sort()]"},
        {"eval": transform},
        {"wheel": -300},
        {"eval": transform},
        {"drag": [700, 860, 800, 700]},
        {"eval": transform},
        {"type": ["#search", "Western countries"]},
        {"eval": "Array.from(document.querySelectorAll('#results li')).map(l => l.textContent)"},
        {"click": "#results li"},
        {"eval": panel},
        {"click": "#close"},
        {"type": ["#search", "chin"]},
        {"press": "ArrowDown"},
        {"press": "ArrowDown"},
        {"eval": "Array.from(document.querySelectorAll('#results li')).map(l => l.firstChild.textContent.trim())"},
        {"press": "Enter"},
        {"eval": panel},
        {"click": "#close"},
        {"click": "#fit"},
        {"screenshot": path("map.png"), "clip": "#map"},
        {"log": 1},
    ]
    r = drive(plan)
    nodes, edges, labels, title = r[1]["value"]
    check_equal("one element per node", nodes, len(g["nodes"]))
    check_equal("one element per edge", edges, len(g["edges"]))
    check_equal("node labels are the names", labels, [n["name"] for n in g["nodes"]])
    check_equal("the title is the article's", title, g["articles"][0]["title"])

    p = r[3]["value"]
    n = g["nodes"][putin]
    check_equal("node panel: name", p["h2"], "Vladimir Putin")
    check_equal("node panel: type, id, Wikidata, mentions", p["facts"][:4], ["person", n["id"], "Q7747",
                                                                             str(len(n["mentions"]))])
    check_equal("node panel: Wikidata link", p["links"], ["https://www.wikidata.org/wiki/Q7747"])
    check_equal("node panel: aliases", p["aliases"], n["aliases"])
    names = {x["id"]: x["name"] for x in g["nodes"]}
    want = [f"{names[e['source']]} {'not ' if e['negated'] else ''}{e['type']} {names[e['target']]} ({e['count']})"
            for e in g["edges"] if n["id"] in (e["source"], e["target"])]
    check_equal("node panel: its relations", p["relations"], want)
    check_equal("node selection in the URL fragment", p["hash"], "#node=person%3Avladimir-putin")

    p, e = r[5]["value"], g["edges"][visits]
    check_equal("edge panel: heading", p["h2"], "Vladimir Putin visits China")
    check_equal("edge panel: modality, negated, date, confidence, count", p["facts"][:5],
                [e["modality"], "no", e["date"], str(e["confidence"]), str(e["count"])])
    check_equal("edge panel: every evidence sentence", [v["sentence"] for v in p["evidence"]],
                [v["sentence"] for v in e["evidence"]])
    # Marked as the sentence writes it ("Visit" for the trigger "visit").
    check("edge panel: the trigger marked", [v["mark"].lower() for v in p["evidence"]] ==
          [v["trigger"].lower() for v in e["evidence"]] and len(e["evidence"]) == 10, [v["mark"] for v in p["evidence"]])
    art_ = g["articles"][0]
    check_equal("edge panel: article, date, title, modality, negation, trigger, rule of each evidence",
                [v["facts"] for v in p["evidence"]],
                [[v["article"], art_["date"], art_["title"], v["modality"], "yes" if v["negated"] else "no",
                  v["trigger"], v["rule"]] for v in e["evidence"]])
    check_equal("edge selection in the URL fragment", p["hash"], "#edge=person%3Avladimir-putin/visits/state%3Achn")

    hovering, lit = r[8]["value"]
    check("hover dims the rest", hovering)
    check_equal("hover lights the node and its neighbours", lit, sorted(neighbours | {"state:chn"}))
    check("the wheel zooms", r[11]["value"] != r[9]["value"] and "scale(" in r[11]["value"],
          (r[9]["value"], r[11]["value"]))
    check("dragging pans", r[13]["value"] != r[11]["value"], r[13]["value"])
    check("search finds a node by an alias", r[15]["value"][:1] == ["the West group, as Western countries"],
          r[15]["value"])
    check_equal("a search result opens its node", r[17]["value"]["h2"], "the West")
    found = r[22]["value"]
    check("search: several results for 'chin'", len(found) >= 2 and "China" in found, found)
    check_equal("search: the arrows and Enter open the second result", r[24]["value"]["h2"], found[1:2] and found[1])
    clean("bundled map", r[-1]["log"])
    share, colours = ink(open(path("map.png"), "rb").read())
    check("the screenshot is not blank", share > 0.01 and colours > 20, f"{share:.4f} inked, {colours} colours")

    # The shared view: a fragment opens the edge's panel, or a node's.
    r = drive([{"open": page, "hash": "#edge=person%3Avladimir-putin/visits/state%3Achn"}, {"eval": panel},
               {"open": page, "hash": "#node=state%3Achn"}, {"eval": panel}, {"log": 1},
               {"open": page, "hash": "#node=%E0%A4%A&hide-types=%,person&edge=%/x&min=x&from=2024"},
               {"eval": SHOWN}, {"log": 1}])
    check_equal("a shared URL opens the edge", r[1]["value"]["h2"], "Vladimir Putin visits China")
    p = r[3]["value"]
    check_equal("a shared URL opens the node: ISO 3166 and Wikidata", [p["h2"]] + p["facts"][:4] + p["links"],
                ["China", "state", "state:chn", "CHN", "Q148", "https://www.wikidata.org/wiki/Q148"])
    clean("shared URLs", r[4]["log"])
    nodes, edges = visible(g, {"types": ["person"]})
    check_equal("a bad fragment: what it names well applies, the rest is ignored", r[6]["value"][:2],
                [sorted(nodes), sorted(edges)])
    clean("a bad fragment", r[-1]["log"])

    check_filters("bundled", page, g, [
        {"types": ["person"]}, {"types": ["state", "agreement"]}, {"rels": ["works_for"]},
        {"rels": ["visits", "leads"]}, {"mods": ["reported"]}, {"mods": ["asserted"]}, {"min": 2},
        {"from": "2024-05-15"}, {"to": "2024-05-14"}, {"from": "2023-01-01", "to": "2023-12-31"},
        {"negation": "negated"}, {"types": ["organization"], "min": 2, "mods": ["hypothetical"]}])


# Names, aliases, titles and evidence that markup, quotes, ampersands and
# right-to-left text must not escape from.
EVIL = "<img src=x onerror=alert(1)>"
HOSTILE = [
    ("person", "person:evil", EVIL, ["<b>bold</b>", "Evil"]),
    ("organization", "organization:script", "</script><script>window.pwned = 1</script>", ["Script & Co"]),
    ("company", "company:quotes", "\"Quoted\" & 'Apos' &amp; Co", ["Q&A \"Ltd\""]),
    ("state", "state:rtl", "\u202eالعربية\u202c \u05e2\u05d1\u05e8\u05d9\u05ea", ["\u200fRTL alias"]),
    ("location", "location:plain", "Plain Town", []),
]


def hostile_graph():
    arts = [{"id": "a<1>", "title": "<h1>Title</h1> & \"more\"", "date": "2024-03-01", "source": None},
            {"id": "a&2", "title": None, "date": "2025-01-15", "source": None}]
    nodes = [{"id": i, "type": t, "name": n, "aliases": sorted(set(al + [n])), "kb": {"wikidata": "Q1\"><b>x"},
              "mentions": []} for t, i, n, al in HOSTILE]

    def edge(src, rel, dst, sentence, trigger, modality, negated, date, arts_):
        ev = [{"article": a, "sentence": sentence, "start": 0, "end": len(sentence.encode()), "trigger": trigger,
               "modality": modality, "negated": negated, "rule": "<rule>&"} for a in arts_]
        return {"source": src, "type": rel, "target": dst, "symmetric": rel == "meets", "modality": modality,
                "negated": negated, "date": date, "count": len(ev), "confidence": 0.5, "cameo": None,
                "attrs": {"<k>": "<v>&"}, "evidence": ev}

    edges = [
        edge("person:evil", "meets", "organization:script", "They <script>alert(2)</script> met & \"talked\".",
             "met", "asserted", False, "2024-03-01", ["a<1>"]),
        edge("person:evil", "leads", "company:quotes", "<img src=y onerror=alert(3)> leads it, \u202eصحيح\u202c.",
             "leads", "reported", True, None, ["a<1>", "a&2"]),
        edge("state:rtl", "sanctions", "company:quotes", "ישראל sanctions the \"Quoted\" firm.", "sanctions",
             "expected", False, "2025", ["a&2"]),
        edge("company:quotes", "based_in", "location:plain", "Based in <u>Plain</u> Town.", "Based", "hypothetical",
             False, None, ["a&2"]),
    ]
    edges.sort(key=lambda e: (e["source"], e["type"], e["target"]))
    nodes.sort(key=lambda n: n["id"])
    return {"newsgraph": 1, "articles": arts, "nodes": nodes, "edges": edges}


def hostile_map():
    g = hostile_graph()
    src = write("hostile.json", json.dumps(g, ensure_ascii=False).encode())
    page = path("hostile.html")
    newsgraph(["merge", "-f", "html", "-o", page, src])
    g = json.loads(newsgraph(["merge", "-f", "json", src]))
    html = open(page, "rb").read()
    check("hostile: no raw markup from the graph in the page", b"<img" not in html and html.count(b"<script") == 2
          and html.count(b"</script>") == 2, html.count(b"<script"))
    ids = [n["id"] for n in g["nodes"]]
    evil = ids.index("person:evil")
    leads = next(i for i, e in enumerate(g["edges"]) if e["type"] == "leads")
    probe = ("[document.querySelectorAll('img, iframe, object, embed, b, u, h1:not(#title)').length, typeof window.pwned,"
             " document.scripts.length, Array.from(document.querySelectorAll('.node text')).map(t => t.textContent),"
             " document.getElementById('title').textContent]")
    r = drive([
        {"open": page}, {"eval": probe},
        {"click": f'.node[data-i="{evil}"] circle'},
        {"eval": "[document.querySelector('#panel-body h2').textContent,"
                 " Array.from(document.querySelectorAll('.aliases li')).map(l => l.textContent),"
                 " document.querySelectorAll('#panel-body a[href]').length, document.querySelectorAll('img').length]"},
        {"clickEdge": leads},
        {"eval": "[Array.from(document.querySelectorAll('.evidence blockquote')).map(q => q.textContent),"
                 " Array.from(document.querySelectorAll('.evidence mark')).map(q => q.textContent),"
                 " document.querySelectorAll('img, b, u, h1:not(#title)').length]"},
        {"type": ["#search", "RTL alias"]},
        {"eval": "Array.from(document.querySelectorAll('#results li')).map(l => l.textContent)"},
        {"click": "#results li"},
        {"eval": "document.querySelector('#panel-body h2').textContent"},
        {"log": 1}])
    elements, pwned, scripts, labels, title = r[1]["value"]
    check_equal("hostile: no element made from a name", elements, 0)
    check_equal("hostile: no script ran from a name", pwned, "undefined")
    check_equal("hostile: the page's two scripts only", scripts, 2)
    check_equal("hostile: names shown as text", labels, [n["name"] for n in g["nodes"]])
    check_equal("hostile: title shown as text", title,
                f"{len(g['nodes'])} entities, {len(g['edges'])} relations from 2 articles")
    check_equal("hostile: the panel shows the name as text", r[3]["value"][:2],
                [EVIL, g["nodes"][evil]["aliases"]])
    check_equal("hostile: a Wikidata id that is no Q-number is no link", r[3]["value"][2:], [0, 0])
    ev = g["edges"][leads]["evidence"]
    check_equal("hostile: evidence shown as text", r[5]["value"], [[v["sentence"] for v in ev],
                                                                  [v["trigger"] for v in ev], 0])
    check("hostile: search finds the right-to-left name by its alias",
          r[7]["value"] and r[7]["value"][0].startswith(HOSTILE[3][2]), r[7]["value"])
    check_equal("hostile: right-to-left name in the panel", r[9]["value"], HOSTILE[3][2])
    clean("hostile map", r[-1]["log"])
    check_filters("hostile", page, g, [{"negation": "negated"}, {"negation": "affirmed"},
                                       {"from": "2025-01-01"}, {"to": "2024-12-31"}, {"rels": ["leads"]},
                                       {"types": ["company"]}, {"mods": ["expected", "asserted"]}, {"min": 2}])


def diff_map():
    """A against B: one node and its edges removed, one added with an edge,
    one edge changed; the diff page marks each, and shows only changes."""
    g = hostile_graph()
    a = write("a.json", json.dumps(g).encode())
    b_graph = json.loads(json.dumps(g))
    b_graph["nodes"] = [n for n in b_graph["nodes"] if n["id"] != "location:plain"]
    b_graph["nodes"].append({"id": "person:new", "type": "person", "name": "New Person", "aliases": ["New Person"],
                             "kb": {}, "mentions": []})
    b_graph["nodes"].sort(key=lambda n: n["id"])
    b_graph["edges"] = [e for e in b_graph["edges"] if e["target"] != "location:plain"]
    ev = dict(g["edges"][0]["evidence"][0], sentence="New Person meets Evil.", trigger="meets")
    b_graph["edges"].append({"source": "person:new", "type": "meets", "target": "person:evil", "symmetric": True,
                             "modality": "asserted", "negated": False, "date": None, "count": 1, "confidence": 0.5,
                             "cameo": None, "attrs": {}, "evidence": [ev]})
    for e in b_graph["edges"]:
        if e["type"] == "sanctions":
            e["modality"] = e["evidence"][0]["modality"] = "asserted"
    b_graph["edges"].sort(key=lambda e: (e["source"], e["type"], e["target"]))
    b = write("b.json", json.dumps(b_graph).encode())
    page = path("diff.html")
    newsgraph(["diff", "-f", "html", "-o", page, a, b], code=1)
    g = page_data(open(page, "rb").read())
    want = json.loads(newsgraph(["diff", "-f", "json", a, b], code=1))
    r = drive([{"open": page},
               {"eval": "(() => { const d = JSON.parse(document.getElementById('ng-data').textContent); const out = {};"
                        " for (const s of ['added', 'removed', 'changed', 'unchanged']) out[s] = [Array.from("
                        "document.querySelectorAll('.node.diff-' + s)).map(e => e.getAttribute('data-id')).sort(),"
                        " Array.from(document.querySelectorAll('.edge.diff-' + s)).map(e => { const x = d.edges["
                        "+e.getAttribute('data-i')]; return [x.source, x.type, x.target]; })]; return out; })()"},
               {"click": "#only-changes"},
               {"eval": SHOWN},
               {"log": 1}])
    marked = r[1]["value"]
    for status in ("added", "removed", "changed"):
        check_equal(f"diff: {status} nodes marked", marked[status][0],
                    sorted(x["id"] for x in want["nodes"][status]))
        check_equal(f"diff: {status} edges marked", marked[status][1],
                    [[x["source"], x["type"], x["target"]] for x in want["edges"][status]])
    check("diff: every status present", all(marked[s][0] or marked[s][1] for s in ("added", "removed", "changed")))
    nodes, edges = visible(g, {"diffs": ["unchanged"]})
    check_equal("diff: only changes: nodes", r[3]["value"][:2], [sorted(nodes), sorted(edges)])
    check("diff: only changes hides the unchanged", len(edges) < len(g["edges"]) and "hide-diffs=unchanged" in
          r[3]["value"][2], r[3]["value"][2])
    clean("diff map", r[-1]["log"])


def empty_map():
    src = write("empty.json", b'{"newsgraph": 1, "articles": [], "nodes": [], "edges": []}')
    page = path("empty.html")
    newsgraph(["merge", "-f", "html", "-o", page, src])
    r = drive([{"open": page},
               {"eval": "[document.querySelectorAll('.node, .edge').length, document.getElementById('empty').hidden,"
                        " document.getElementById('shown').textContent]"},
               {"log": 1}])
    check_equal("empty graph: an empty map that says so", r[1]["value"],
                [0, False, "0 of 0 entities, 0 of 0 relations"])
    clean("empty map", r[-1]["log"])


def big_map():
    """More than 60 entities: laid out by sfdp, those without a relation
    left out before the layout, as render does; every one drawn."""
    types = ["person", "state", "organization", "company"]
    nodes = [{"id": f"{types[i % 4]}:n{i:03d}", "type": types[i % 4], "name": f"Name {i}", "aliases": [f"Name {i}"],
              "kb": {}, "mentions": []} for i in range(120)]
    ev = {"article": "big", "sentence": "A met B.", "start": 0, "end": 8, "trigger": "met", "modality": "asserted",
          "negated": False, "rule": "r"}
    edges = [{"source": nodes[i]["id"], "type": "meets", "target": nodes[(i * 7 + 3) % 80]["id"], "symmetric": True,
              "modality": "asserted", "negated": False, "date": None, "count": 1, "confidence": 0.5, "cameo": None,
              "attrs": {}, "evidence": [ev]} for i in range(80) if (i * 7 + 3) % 80 != i]
    for e in edges:  # a symmetric relation's source is the smaller id
        if e["source"] > e["target"]:
            e["source"], e["target"] = e["target"], e["source"]
    edges = list({(e["source"], e["target"]): e for e in edges}.values())
    edges.sort(key=lambda e: (e["source"], e["type"], e["target"]))
    nodes.sort(key=lambda n: n["id"])
    g = {"newsgraph": 1, "articles": [{"id": "big", "title": None, "date": None, "source": None}], "nodes": nodes,
         "edges": edges}
    src = write("big.json", json.dumps(g).encode())
    page = path("big.html")
    newsgraph(["render", "-o", page, src])
    data = page_data(open(page, "rb").read())
    linked = {x for e in edges for x in (e["source"], e["target"])}
    check_equal("big map: sfdp", data["layout"], "sfdp")
    check_equal("big map: entities without a relation left out", [n["id"] for n in data["nodes"]], sorted(linked))
    r = drive([{"open": page}, {"eval": "[document.querySelectorAll('.node').length,"
                                        " document.querySelectorAll('.edge').length]"}, {"log": 1}])
    check_equal("big map: every node and edge drawn", r[1]["value"], [len(linked), len(edges)])
    clean("big map", r[-1]["log"])


def bad_input(src):
    art = os.path.join(src, "graphs", "putin-china-visit.txt")
    harness.expect_error("unknown engine", ["render", "-f", "html", "-K", "spring", "-o", path("x.html"), art],
                         "newsgraph: unknown layout engine 'spring' (try newsgraph render --help)")
    harness.expect_error("--layout with csv", ["extract", "-f", "csv", "--layout", "dot", art],
                         "newsgraph: --layout gives positions to -f graphml and html only (render draws other maps)")
    ok = newsgraph(["extract", "-f", "html", "--layout", "neato", art])
    check("extract -f html --layout picks the engine", page_data(ok)["layout"] == "neato")


def main():
    args, _ = harness.start(__doc__, 1, 1)
    src = args[0]
    harness.require("node", "install nodejs (bash tests/deps.sh)")
    if not os.path.exists(CHROMIUM):
        fatal(f"{CHROMIUM} is missing: install the Debian package chromium (bash tests/deps.sh)")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "puppeteer-core")):
        fatal("tests/html/node_modules is missing: run bash tests/deps.sh (npm ci in tests/html)")
    with harness.tempdir("ng-html-"):
        bundled_map(src)
        hostile_map()
        diff_map()
        empty_map()
        big_map()
        bad_input(src)
    return harness.summary("html", need_some=True)


if __name__ == "__main__":
    sys.exit(main())
