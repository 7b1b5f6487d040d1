"""RDF feeds: N-Triples and Turtle written by newsgraph parse in rapper
(raptor2) without a warning, hold the same triples in both syntaxes, load
into oxigraph, and SPARQL over them gives back exactly the JSON graph of
the same input: nodes by type, names, aliases, kb ids and owl:sameAs,
edges by relation type, every statement's modality, negation, date (typed
by precision), confidence, count, cameo and attrs, every evidence, and the
articles. Runs on the seed article and on a merge of awkward.json, the two
example articles and 30 generated ones with awkward names; checks
--base-iri too.

usage: python3 run_rdf.py NEWSGRAPH PROJECT_SOURCE_DIR"""
import collections
import datetime
import json
import os
import re
import sys
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, expect_error, fatal, output as newsgraph, write  # noqa: E402
import awkward as awkward_graph  # noqa: E402
import harness  # noqa: E402

XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"
STANDARD = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#", XSD,
            "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2004/02/skos/core#", WIKIDATA)
DEFAULT_BASE = "https://newsgraph.example/"
FEEDS = os.path.dirname(os.path.abspath(__file__))


# --- Inputs -------------------------------------------------------------

PEOPLE = ["Zoë O'Brien-Łukasiewicz", "José Núñez-Müller", "Björn Ærøskøbing", "Renée D'Arcy",
          "Søren Kierkegård", "Çağla Öztürk", "Jürgen Groß", "François L'Hôpital", "Ólafur Ragnarsson",
          "Małgorzata Wójcik-Żak", "Anaïs Dubœuf", "Siobhán O'Sullivan", "Nuño Ibáñez"]
COMPANIES = ["Smith & Jones Corp", "Müller & Søn Holdings", "Øresund Shipping Corp", "L'Étoile Industries",
             "Böhm-Škoda Ltd", "O'Neill & Sons Ltd"]
INSTITUTES = ["Ålesund Institute for Strategic Studies", "Université Côte Institute", "Kraków Policy Institute",
              "Smith-O'Hara Institute"]
ACCORDS = ["Zürich Pact", "Malmö Agreement", "Québec-Ñuble Accord"]
STATES = ["France", "Germany", "Poland", "Turkey", "Spain", "Ireland"]
ADJS = ["French", "German", "Polish", "Turkish", "Spanish", "Irish"]
PLACES = ["Côte d'Ivoire", "Ghana", "Norway", "Denmark", "Iceland", "Chile"]
CITIES = ["Zürich", "Kraków", "Malmö", "Bogotá", "Reykjavík"]
DATES = ["on May 3, 2024", "in March 2023", "in 2022", "on June 16"]  # every date precision
ITEMS = ["machine tools", "crude oil", "semiconductors"]


# Ids, an article id and an attr key that IRIs must encode (slash, hash,
# query, space, percent, a leading dot or dash, a trailing dot, tilde);
# strings with control characters; dates at the calendar's edges (a leap
# day, a day without its year: graph files with days the calendar lacks are
# refused on read); no rule, no trigger.
ODD = {"newsgraph": 1,
       "articles": [{"id": "../odd article #1?.txt", "title": None, "date": "2024-02-29", "source": "C:\\odd.txt"}],
       "nodes": [{"id": "person:.dot/slash#hash?q=1 %20", "type": "person", "name": "Dot\u0001\u007f",
                  "aliases": [], "kb": {"wikidata": "Q1 odd"}, "mentions": []},
                 {"id": "location:-dash~tilde.", "type": "location", "name": "Dash", "aliases": ["Dash"],
                  "kb": {"iso3166": "X\"Y"}, "mentions": []}],
       "edges": [{"source": "person:.dot/slash#hash?q=1 %20", "type": "visits", "target": "location:-dash~tilde.",
                  "symmetric": False, "modality": "hypothetical", "negated": True, "date": "--02-29",
                  "count": 1, "confidence": 0.33, "cameo": "042", "attrs": {"odd key/é.": "v\u001f\b\f"},
                  "evidence": [{"article": "../odd article #1?.txt", "sentence": "x\by\fz", "start": 1, "end": 2,
                                "trigger": None, "modality": "hypothetical", "negated": True, "rule": None}]}]}


def article(i):
    """An article whose names carry apostrophes, hyphens, ampersands and
    non-ASCII letters, and whose relations cover every date precision and
    a negated one."""
    def p(k):
        return PEOPLE[(i * 3 + k) % len(PEOPLE)]

    def at(lst, k=0):
        return lst[(i + k) % len(lst)]
    return ("%s Meets %s\n\n" % (p(0), p(1)) +
            "%s President %s visited %s %s. " % (at(ADJS), p(0), at(PLACES), at(DATES)) +
            "%s met Prime Minister %s in %s. " % (p(0).split()[-1], p(1), at(CITIES)) +
            "%s supplies %s to %s. " % (at(COMPANIES), at(ITEMS), at(PLACES, 1)) +
            "Researcher %s of the %s told Reuters that %s did not sign the \"%s\". " % (
                p(2), at(INSTITUTES), at(STATES), at(ACCORDS)) +
            "%s, chief executive of %s, said the company will invest in %s.\n" % (
                p(3), at(COMPANIES, 2), at(PLACES, 2)))


# --- What the JSON graph says ---------------------------------------------

def pct(s):
    """The writer's IRI path-segment encoding."""
    out = []
    for i, b in enumerate(s.encode()):
        c = chr(b)
        keep = c.isascii() and (c.isalnum() or c in "_:-" or (c == "." and i > 0))
        out.append(c if keep else "%%%02X" % b)
    return "".join(out)


def date_type(d):
    """The XSD type of a date by its precision; None (a plain string) for
    any other shape or a day the calendar lacks."""
    if re.fullmatch(r"\d{4}", d):
        return XSD + "gYear"
    if re.fullmatch(r"--\d\d-\d\d", d):
        full, typ = "2000" + d[1:], "gMonthDay"  # a leap year: --02-29 exists
    elif re.fullmatch(r"\d{4}-\d\d", d):
        full, typ = d + "-01", "gYearMonth"
    else:
        full, typ = d, "date"
    try:
        datetime.datetime.strptime(full, "%Y-%m-%d")
    except ValueError:
        return None
    return XSD + typ if re.fullmatch(r"\d{4}-\d\d-\d\d", full) else None


def ekey(e):
    return (e["source"], e["type"], e["target"])


def expected(g, base):
    ent = lambda i: base + "entity/" + pct(i)
    nodes = {ent(n["id"]): (n["id"], n["type"].capitalize(), n["name"], n["kb"].get("iso3166"),
                            n["kb"].get("wikidata"), len(n["mentions"])) for n in g["nodes"]}
    stmts = {}
    for e in g["edges"]:
        date = (e["date"], date_type(e["date"])) if e["date"] else None
        stmts[ekey(e)] = (e["modality"], "true" if e["negated"] else "false", date, e["confidence"], e["count"],
                          e["cameo"])
    evidence = set()
    for e in g["edges"]:
        for v in e["evidence"]:
            iri = base + "evidence/" + "/".join(pct(x) for x in (
                e["source"], e["type"], e["target"], v["article"], "%d-%d" % (v["start"], v["end"]), v["rule"] or ""))
            evidence.add(ekey(e) + (iri, base + "article/" + pct(v["article"]), v["sentence"], v["start"], v["end"],
                                    v["trigger"], v["modality"], "true" if v["negated"] else "false", v["rule"]))
    articles = {}
    for a in g["articles"]:
        date = (a["date"], date_type(a["date"])) if a["date"] else None
        articles[base + "article/" + pct(a["id"])] = (a["id"], a["title"], date, a["source"])
    return {
        "types": collections.Counter(n["type"].capitalize() for n in g["nodes"]),
        "nodes": nodes,
        "aliases": {(n["id"], a) for n in g["nodes"] for a in n["aliases"]},
        "sameas": {(n["id"], WIKIDATA + pct(n["kb"]["wikidata"])) for n in g["nodes"] if "wikidata" in n["kb"]},
        "relations": collections.Counter(e["type"] for e in g["edges"]),
        "direct": {ekey(e) for e in g["edges"] if not e["negated"]},
        "statements": stmts,
        "attrs": {ekey(e) + (k, v) for e in g["edges"] for k, v in e["attrs"].items()},
        "evidence": evidence,
        "articles": articles,
    }


# --- What SPARQL says -------------------------------------------------------

def sparql_str(s):
    """A SPARQL string literal: the same escapes as N-Triples."""
    esc = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(esc.get(c, c) for c in s) + '"'


STMT = ("?st a rdf:Statement ; rdf:subject/ng:id ?src ; rdf:predicate/rdfs:label ?rel ; "
        "rdf:object/ng:id ?tgt .")


def queries(base, probes):
    prefixes = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                "PREFIX ng: <%sontology#>\nPREFIX ent: <%sentity/>\n" % (base, base))
    q = {
        "types": "SELECT ?c (COUNT(?x) AS ?n) WHERE { ?c rdfs:subClassOf ng:Entity . ?x a ?c } GROUP BY ?c",
        "person_count": "SELECT (COUNT(?x) AS ?n) WHERE { ?x a ng:Person }",
        "nodes": "SELECT ?x ?id ?c ?name ?iso ?wd ?mc WHERE { ?c rdfs:subClassOf ng:Entity . ?x a ?c ; ng:id ?id ; "
                 "rdfs:label ?name ; ng:mentionCount ?mc . OPTIONAL { ?x ng:iso3166 ?iso } "
                 "OPTIONAL { ?x ng:wikidata ?wd } }",
        "aliases": "SELECT ?id ?a WHERE { ?x ng:id ?id ; skos:altLabel ?a }",
        "sameas": "SELECT ?id ?s WHERE { ?x ng:id ?id ; owl:sameAs ?s }",
        "relations": "SELECT ?rel (COUNT(?st) AS ?n) WHERE { ?st a rdf:Statement ; rdf:predicate/rdfs:label ?rel }"
                     " GROUP BY ?rel",
        "direct": "SELECT ?src ?rel ?tgt WHERE { ?p a owl:ObjectProperty ; rdfs:label ?rel . ?s ?p ?o . "
                  "?s ng:id ?src . ?o ng:id ?tgt }",
        "statements": "SELECT ?src ?rel ?tgt ?mod ?neg ?date ?conf ?count ?cameo WHERE { " + STMT +
                      " ?st ng:modality ?mod ; ng:negated ?neg ; ng:confidence ?conf ; ng:count ?count . "
                      "OPTIONAL { ?st ng:date ?date } OPTIONAL { ?st ng:cameo ?cameo } }",
        "attrs": "SELECT ?src ?rel ?tgt ?p ?v WHERE { " + STMT + " ?st ?p ?v . "
                 "FILTER(STRSTARTS(STR(?p), STR(ng:attr_))) }",
        "evidence": "SELECT ?src ?rel ?tgt ?ev ?art ?sent ?start ?end ?trig ?mod ?neg ?rule WHERE { " + STMT +
                    " ?st ng:evidence ?ev . ?ev a ng:Evidence ; ng:article ?art ; ng:sentence ?sent ; "
                    "ng:start ?start ; ng:end ?end ; ng:modality ?mod ; ng:negated ?neg . "
                    "OPTIONAL { ?ev ng:trigger ?trig } OPTIONAL { ?ev ng:rule ?rule } }",
        "articles": "SELECT ?a ?id ?title ?date ?source WHERE { ?a a ng:Article ; ng:id ?id . "
                    "OPTIONAL { ?a ng:title ?title } OPTIONAL { ?a ng:date ?date } "
                    "OPTIONAL { ?a ng:source ?source } }",
        "putin": "SELECT DISTINCT ?n ?rel WHERE { ?st a rdf:Statement ; rdf:predicate/rdfs:label ?rel . "
                 "{ ?st rdf:subject ent:person:vladimir-putin ; rdf:object/ng:id ?n } UNION "
                 "{ ?st rdf:object ent:person:vladimir-putin ; rdf:subject/ng:id ?n } }",
    }
    # Exact-match lookups with the awkward strings written into the query.
    for i, (kind, text) in enumerate(probes):
        pred = {"name": "rdfs:label", "sentence": "ng:sentence", "title": "ng:title"}[kind]
        q["probe%d" % i] = "SELECT (COUNT(*) AS ?n) WHERE { ?x %s %s }" % (pred, sparql_str(text))
    return {k: prefixes + v for k, v in q.items()}


def load(path, media, base, probes):
    code, out, err = harness.tool(["node", os.path.join(FEEDS, "rdf_query.js"), path, media],
                                  stdin=json.dumps(queries(base, probes)).encode(), cwd=FEEDS)
    if code != 0:
        fatal("oxigraph could not load %s: %s" % (path, err[-2000:]))
    out = json.loads(out)
    return out["size"], {name: r["results"]["bindings"] for name, r in out["results"].items()}


def val(b, k, typed=False):
    t = b.get(k)
    if t is None:
        return None
    if typed:
        return (t["value"], t.get("datatype"))
    return t["value"]


def compare(label, g, res, base, probes):
    exp = expected(g, base)
    check("%s: node count per type" % label,
          {val(b, "c")[len(base + "ontology#"):]: int(val(b, "n")) for b in res["types"]} == exp["types"])
    check("%s: count of ?x a ng:Person" % label, int(val(res["person_count"][0], "n")) == exp["types"]["Person"])
    got = {}
    for b in res["nodes"]:
        got[val(b, "x")] = (val(b, "id"), val(b, "c")[len(base + "ontology#"):], val(b, "name"), val(b, "iso"),
                            val(b, "wd"), int(val(b, "mc")))
    check("%s: nodes (IRI, id, class, exact name, kb ids, mention count)" % label,
          len(res["nodes"]) == len(got) and got == exp["nodes"])
    check("%s: aliases" % label, {(val(b, "id"), val(b, "a")) for b in res["aliases"]} == exp["aliases"])
    check("%s: owl:sameAs" % label, {(val(b, "id"), val(b, "s")) for b in res["sameas"]} == exp["sameas"])
    check("%s: edge count per relation type" % label,
          {val(b, "rel"): int(val(b, "n")) for b in res["relations"]} == exp["relations"])
    direct = [(val(b, "src"), val(b, "rel"), val(b, "tgt")) for b in res["direct"]]
    check("%s: direct triples are exactly the edges not negated" % label,
          len(direct) == len(set(direct)) and set(direct) == exp["direct"])
    stmts = {}
    for b in res["statements"]:
        conf = val(b, "conf", True)
        count = val(b, "count", True)
        neg = val(b, "neg", True)
        check("%s: statement datatypes" % label,
              conf[1] == XSD + "decimal" and count[1] == XSD + "integer" and neg[1] == XSD + "boolean")
        stmts[(val(b, "src"), val(b, "rel"), val(b, "tgt"))] = (
            val(b, "mod"), neg[0], val(b, "date", True), float(conf[0]), int(count[0]), val(b, "cameo"))
    check("%s: statements (modality, negated, typed date, confidence, count, cameo)" % label,
          len(res["statements"]) == len(stmts) and stmts == exp["statements"])
    attrs = set()
    for b in res["attrs"]:
        key = urllib.parse.unquote(val(b, "p")[len(base + "ontology#attr_"):])
        attrs.add((val(b, "src"), val(b, "rel"), val(b, "tgt"), key, val(b, "v")))
    check("%s: attrs" % label, attrs == exp["attrs"])
    ev = set()
    for b in res["evidence"]:
        ev.add((val(b, "src"), val(b, "rel"), val(b, "tgt"), val(b, "ev"), val(b, "art"), val(b, "sent"),
                int(val(b, "start")), int(val(b, "end")), val(b, "trig"), val(b, "mod"), val(b, "neg"), val(b, "rule")))
    check("%s: evidence (IRI, article, exact sentence, offsets, trigger, modality, negated, rule)" % label,
          len(res["evidence"]) == len(ev) and ev == exp["evidence"])
    arts = {val(b, "a"): (val(b, "id"), val(b, "title"), val(b, "date", True), val(b, "source"))
            for b in res["articles"]}
    check("%s: articles" % label, arts == exp["articles"])
    putin = "person:vladimir-putin"
    want = {(e["target"] if e["source"] == putin else e["source"], e["type"])
            for e in g["edges"] if putin in (e["source"], e["target"])}
    check("%s: Putin's neighbours and the relation types linking them" % label,
          want and {(val(b, "n"), val(b, "rel")) for b in res["putin"]} == want)
    for i, (kind, text) in enumerate(probes):
        check("%s: exact %s %r found by SPARQL" % (label, kind, text), int(val(res["probe%d" % i][0], "n")) >= 1)


# --- rapper --------------------------------------------------------------

def rapper(path, syntax):
    """Parses strictly; returns the triples as rapper's N-Triples lines."""
    code, out, err = harness.tool(["rapper", "-q", "-i", syntax, "-o", "ntriples", path])
    err = err.strip()
    check("rapper -i %s %s: exit %d, %s" % (syntax, path, code, err[:500]), code == 0 and not err)
    return sorted(out.decode().splitlines())


def check_file_pair(label, nt, ttl, g, base, probes):
    a, b = rapper(nt, "ntriples"), rapper(ttl, "turtle")
    check("%s: rapper reads triples, none repeated" % label, len(a) > 0 and len(a) == len(set(a)))
    check("%s: N-Triples and Turtle hold the same %d/%d triples" % (label, len(a), len(b)), a == b)
    for path, media in ((nt, "application/n-triples"), (ttl, "text/turtle")):
        size, res = load(path, media, base, probes)
        check("%s: oxigraph holds %d triples, rapper %d" % (label, size, len(a)), size == len(a))
        compare("%s (%s)" % (label, os.path.basename(path)), g, res, base, probes)


def check_bad_base(args, base):
    out = harness.path("bad.nt")
    name = "--base-iri %r" % base
    expect_error(name, args[:1] + ["-f", "nt", "-o", out, "--base-iri", base] + args[1:], prefix="newsgraph: ")
    check(name + ": no output", not os.path.exists(out))


def main():
    (src,), _ = harness.start(__doc__, 1, 1)
    harness.require("rapper", "install the Debian package raptor2-utils (apt-get install raptor2-utils)")
    harness.require("node", "install Node.js 18 or later (apt-get install nodejs)")
    if not os.path.isdir(os.path.join(FEEDS, "node_modules", "oxigraph")):
        fatal("the npm package oxigraph is missing: run `npm ci` in %s" % FEEDS)
    with harness.tempdir("feeds_rdf.") as tmp:
        seed = os.path.join(src, "graphs", "putin-china-visit.txt")
        steel = os.path.join(src, "graphs", "wto-steel-talks.txt")
        awkward = os.path.join(tmp, "awkward.json")
        awkward_graph.save(awkward)
        gen = [write("gen%02d.txt" % i, article(i).encode()) for i in range(30)]

        # The seed graph.
        g = json.loads(newsgraph(["extract", "-f", "json", seed]))
        probe = [("sentence", g["edges"][0]["evidence"][0]["sentence"])]
        nt = write("seed.nt", newsgraph(["extract", "-f", "nt", seed]))
        ttl = write("seed.ttl", newsgraph(["extract", "-f", "ttl", seed]))
        check_file_pair("seed", nt, ttl, g, DEFAULT_BASE, probe)
        check("seed: Putin owl:sameAs wd:Q7747",
              b"<https://newsgraph.example/entity/person:vladimir-putin> "
              b"<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q7747> ." in
              open(nt, "rb").read().splitlines())

        # The merged graph of awkward names.
        odd = write("odd.json", json.dumps(ODD).encode())
        # One extractor for the generated articles: merge would build one
        # per article input.
        gen_json = write("generated.json", newsgraph(["extract", "-f", "json"] + gen))
        inputs = [awkward, odd, seed, steel, gen_json]
        mg = json.loads(newsgraph(["merge", "-f", "json"] + inputs))
        aw = json.load(open(awkward, encoding="utf-8"))
        probes = ([("name", n["name"]) for n in aw["nodes"] + ODD["nodes"]] +
                  [("sentence", e["evidence"][0]["sentence"]) for e in aw["edges"] + ODD["edges"]] +
                  [("title", aw["articles"][0]["title"])])
        non_ascii = [n for n in mg["nodes"] if not n["id"].isascii()]
        check("merged: the generated articles give awkward names, negated edges and every date precision",
              len(non_ascii) >= 10 and any("'" in n["name"] for n in mg["nodes"]) and
              any(e["negated"] for e in mg["edges"]) and
              {date_type(e["date"]) for e in mg["edges"] if e["date"]} == {XSD + t for t in (
                  "date", "gYearMonth", "gYear", "gMonthDay")})
        nt_data = newsgraph(["merge", "-f", "nt"] + inputs)
        check("merged: N-Triples are deterministic", nt_data == newsgraph(["merge", "-f", "nt"] + inputs[::-1]))
        nt = write("merged.nt", nt_data)
        ttl = write("merged.ttl", newsgraph(["merge", "-f", "ttl"] + inputs))
        check_file_pair("merged", nt, ttl, mg, DEFAULT_BASE, probes)

        # A custom base IRI names every resource and the vocabulary.
        bg = json.loads(newsgraph(["merge", "-f", "json", awkward, seed]))
        for base in ("http://example.org/kg/", "urn:example:news:"):
            nt = write("base.nt", newsgraph(["merge", "-f", "nt", "--base-iri", base, awkward, seed]))
            ttl = write("base.ttl", newsgraph(["extract", "-f", "ttl", "--base-iri=" + base, seed]))
            iris = [t for line in open(nt, encoding="utf-8")
                    for t in re.match(r'(<[^>]*>) (<[^>]*>) (<[^>]*>)?', line).groups() if t]
            check("--base-iri %s: every IRI is under the base or a standard namespace" % base,
                  iris and all(t[1:].startswith((base,) + STANDARD) for t in iris))
            _, res = load(nt, "application/n-triples", base, probes[:1])
            compare("base %s" % base, bg, res, base, probes[:1])
            check("--base-iri %s: Turtle uses it" % base, DEFAULT_BASE.encode() not in open(ttl, "rb").read())
            rapper(ttl, "turtle")
        for base in ("not an iri", "relative/path/", "http://example.org/kg#", "http://example.org/%zz/"):
            check_bad_base(["extract", seed], base)
        check_bad_base(["merge", awkward], "relative/")

        # A string that is not UTF-8 cannot become a literal (the JSON reader
        # refuses it first): exit 2, one line, no file.
        bad = write("bad-utf8.json", json.dumps(ODD).encode().replace(b'"Dash"', b'"Da\xffsh"'))
        for fmt in ("nt", "ttl"):
            out = os.path.join(tmp, "bad." + fmt)
            code, _, err = harness.run(["merge", "-f", fmt, "-o", out, bad])
            lines = err.splitlines()
            check("invalid UTF-8 in -f %s: exit 2, one line, no file (got exit %d, %r)" % (fmt, code, lines),
                  code == 2 and len(lines) == 1 and "UTF-8" in lines[0] and not os.path.exists(out))
    return harness.summary("feeds_rdf")


if __name__ == "__main__":
    sys.exit(main())
