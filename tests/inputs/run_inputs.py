#!/usr/bin/env python3
"""Real inputs: web pages, web archives made by wget, and wire datelines.

- Pages in four site styles (tests/inputs/pages, our own pages): the text
  extract keeps (--emit-text) equals the clean text committed beside each
  page, byte for byte; title, date and id are the page's; the graph of the
  page equals the graph of its clean text given the same id and date; the
  page's entities and key relations are there; merge, diff and render read
  a page as extract does. A German page is refused, or skipped with
  --keep-going in a batch. Small pages that give their date or title one
  way only: in the canonical URL, in the text, in a <title> with the site
  name before or after it; a story in <br>-separated text.
- WARC: wget --warc-file crawls tests/inputs/serve.py (Python's http.server
  on 127.0.0.1) serving those pages plain, gzip, deflate and chunked, into
  a gzip and an uncompressed archive; extract --warc gives one graph per
  English page, the same graphs as the pages, the same bytes for -j 1 and
  -j 2; a truncated archive, or a record with a lying Content-Length,
  fails with what is wrong, or with --keep-going yields the other pages; --emit-text writes JSON Lines that
  extract --jsonl reads back to the same graphs.
- Datelines: the place is a location mention, the agency no node, the day
  the article's date when none was given, and the story's first sentence
  is read without the dateline.

usage: run_inputs.py NEWSGRAPH SOURCE_DIR
"""
import gzip
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_equal, expect_error, output, run  # noqa: E402
import harness  # noqa: E402

PAGES = None
# Per page: id, title, date, every node, and relations that must be there.
EXPECT = {
    "wire": dict(
        id="https://wire.example.com/world/putin-arrives-in-beijing-idUS2024",
        title="Putin arrives in Beijing for talks with Xi", date="2024-05-16",
        nodes={"location:beijing", "location:moscow", "person:vladimir-putin", "person:xi-jinping",
               "state:chn", "state:rus"},
        edges={("person:vladimir-putin", "meets", "person:xi-jinping"),
               ("person:vladimir-putin", "visits", "location:beijing")}),
    "newspaper": dict(
        id="https://www.dailyplanet.example/world/2024/03/05/chile-peru-trade",
        title="Chile and Peru sign a trade agreement", date="2024-03-05",
        nodes={"agreement:trade-agreement-chl-per", "location:lima", "person:dina-boluarte",
               "person:gabriel-boric", "state:chl", "state:per"},
        edges={("state:chl", "signs", "agreement:trade-agreement-chl-per"),
               ("state:per", "signs", "agreement:trade-agreement-chl-per")}),
    "jsonld": dict(
        id="https://ledger.example.org/story/us-iran-sanctions",
        title="United States imposes new sanctions on Iran", date="2023-11-02",
        nodes={"organization:us-treasury", "person:janet-yellen", "state:irn", "state:usa"},
        edges={("state:usa", "sanctions", "state:irn")}),
    "ads": dict(
        id="https://eurotimes.example.net/2024/02/12/germany-france-defence-pact",
        title="Germany and France agree on a defence pact", date="2024-02-12",
        nodes={"agreement:defence-pact-deu-fra", "location:elysee", "location:paris", "person:emmanuel-macron",
               "person:olaf-scholz", "state:deu", "state:fra", "state:pol", "state:ukr"},
        edges={("state:deu", "signs", "agreement:defence-pact-deu-fra"),
               ("person:emmanuel-macron", "meets", "person:olaf-scholz")}),
}
GERMAN = "the page is in language 'de', not English: newsgraph reads English news"


def graph(data):
    return json.loads(data)


def triples(g):
    return {(e["source"], e["type"], e["target"]) for e in g["edges"]}


def sourceless(g):
    """A graph without its articles' sources (a file name or an archive's)."""
    for a in g["articles"]:
        a.pop("source", None)
    return g


def page(name):
    return os.path.join(PAGES, name)


def pages():
    for name, want in EXPECT.items():
        text = harness.path(name + ".text")
        g = graph(output(["extract", "-f", "json", "--emit-text", text, page(name + ".html")]))
        clean = open(page(name + ".txt"), "rb").read()
        check_equal(f"{name}: the text kept is the clean text", open(text, "rb").read(), clean)
        art = g["articles"][0]
        check_equal(f"{name}: id", art["id"], want["id"])
        check_equal(f"{name}: title", art["title"], want["title"])
        check_equal(f"{name}: date", art["date"], want["date"])
        check_equal(f"{name}: nodes", {n["id"] for n in g["nodes"]}, want["nodes"])
        check(f"{name}: key relations", want["edges"] <= triples(g), sorted(want["edges"] - triples(g)))
        plain = graph(output(["extract", "-f", "json", "--id", want["id"], "--date", want["date"],
                              page(name + ".txt")]))
        check_equal(f"{name}: the page's graph is its clean text's", sourceless(g), sourceless(plain))
        # offsets count in the text kept
        for n in g["nodes"]:
            for m in n["mentions"]:
                check(f"{name}: mention of {n['id']} in the text", clean[m["start"]:m["end"]].strip() != b"")
        merged = sourceless(graph(output(["merge", "-f", "json", page(name + ".html")])))
        check_equal(f"{name}: merge reads a page as extract does", merged, sourceless(g))
    code, out, err = run(["diff", page("wire.html"), page("wire.html")], text=True)
    check_equal("diff of a page with itself", (code, err), (0, ""))
    svg = harness.path("wire.svg")
    code, out, err = run(["render", "-o", svg, page("wire.html")], text=True, env=harness.graphviz_env())
    check("render draws a page", code == 0 and err == "" and "Xi Jinping" in open(svg, encoding="utf-8").read(),
          (code, err))
    expect_error("a German page is refused", ["extract", page("german.html")], f"newsgraph: {page('german.html')}: {GERMAN}")
    code, out, err = run(["extract", "-f", "json", "--keep-going", page("german.html"), page("wire.html")],
                         text=True)
    check_equal("a German page in a batch, --keep-going: skipped",
                (code, err), (0, f"newsgraph: {page('german.html')}: {GERMAN}\nnewsgraph: 1 bad file skipped\n"))
    check_equal("... and the others extracted", [a["id"] for a in graph(out)["articles"]], [EXPECT["wire"]["id"]])


BODY = "<p>Chile and Peru signed a trade agreement on Tuesday, officials said.</p>"
# Pages that give a date or a title one way only: (page, what extract reads).
METADATA = [
    ("<html lang=en><head><title>Trade deal signed | The Andes Post</title>"
     "<link rel=canonical href='https://andes.example/2021/07/09/trade'></head><body><article>" + BODY,
     ("https://andes.example/2021/07/09/trade", "Trade deal signed", "2021-07-09")),
    ("<html lang=en><head><title>Trade deal signed - Andes Post</title></head><body><main>"
     "<p class=dateline>Published July 9, 2021</p>" + BODY + "<p>Updated 9 July 2021.</p>",
     ("page.html", "Trade deal signed", "2021-07-09")),
    ("<html lang=en><head><meta property='og:site_name' content='Andes Post'>"
     "<title>Andes Post :: Trade deal signed</title></head><body><h1>Ignored</h1><article>" + BODY,
     ("page.html", "Trade deal signed", None)),
    ("<!DOCTYPE html><html lang=en><body><div class=story><h1>Trade deal signed</h1>"
     "<div class=text>Chile and Peru signed a trade agreement on Tuesday.<br><br>Officials in Lima said "
     "the deal cuts tariffs on copper.</div></div></body></html>",
     ("page.html", "Trade deal signed", None)),
]


def metadata():
    for k, (html, want) in enumerate(METADATA):
        f = harness.write("page.html", html.encode())
        g = graph(output(["extract", "-f", "json", f]))
        a = g["articles"][0]
        check_equal(f"metadata page {k}: id, title, date", (a["id"], a["title"], a["date"]), want)
        check(f"metadata page {k}: the agreement", "agreement:trade-agreement-chl-per" in
              {n["id"] for n in g["nodes"]}, sorted(n["id"] for n in g["nodes"]))


def crawl(port, warc, urls, compress):
    cmd = ["wget", "-q", "--tries=1", "--timeout=20", f"--warc-file={harness.path(warc)}", "-P", harness.path("dl")]
    if not compress:
        cmd.append("--no-warc-compression")
    r = subprocess.run(cmd + [f"http://127.0.0.1:{port}/{u}" for u in urls], capture_output=True)
    # wget exits 8 when a page answered 404, which the crawl includes
    check(f"wget made {warc}", r.returncode in (0, 8), r.stderr.decode(errors="replace"))
    return harness.path(warc + (".warc.gz" if compress else ".warc"))


def warc_date(path):
    data = open(path, "rb").read()
    data = gzip.decompress(data) if path.endswith(".gz") else data
    at = data.index(b"WARC-Date: ") + 11
    return data[at:at + 10].decode()


def warcs():
    harness.require("wget", "apt-get install wget (tests/deps.sh)")
    server = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(PAGES), "serve.py"), PAGES],
                              stdout=subprocess.PIPE)
    try:
        port = int(server.stdout.readline())
        urls = ["wire.html", "gzip/newspaper.html", "deflate/jsonld.html", "chunked/ads.html", "german.html",
                "missing.html", "wire-copy.txt"]
        gz = crawl(port, "crawl", urls, True)
        plain = crawl(port, "plain", urls, False)
    finally:
        server.kill()
        server.wait()
    want = [EXPECT[n]["id"] for n in ("wire", "newspaper", "jsonld", "ads")]
    for path in (gz, plain):
        name = os.path.basename(path)
        code, out, err = run(["extract", "--warc", path], text=True)
        check_equal(f"{name}: without --keep-going the German page stops the run",
                    (code, err.splitlines()[-1:]),
                    (2, [f"newsgraph: {path}: record 11: http://127.0.0.1:{port}/german.html: {GERMAN}"]))
        code, out, err = run(["extract", "--warc", "--keep-going", path], text=True)
        check_equal(f"{name}: --keep-going skips it", (code, err.splitlines()[-1:]),
                    (0, ["newsgraph: 1 bad record skipped"]))
        graphs = [graph(line) for line in out.splitlines()]
        check_equal(f"{name}: one graph per English page, in crawl order", [g["articles"][0]["id"] for g in graphs],
                    want + [f"http://127.0.0.1:{port}/wire-copy.txt"])
        for g, n in zip(graphs, ("wire", "newspaper", "jsonld", "ads")):
            single = graph(output(["extract", "-f", "json", page(n + ".html")]))
            check_equal(f"{name}: {n} as in the page", sourceless(g), sourceless(single))
        # a text page with a dateline: dated by it, in the crawl's year
        day = warc_date(path)
        year = int(day[:4]) if day[5:] >= "03-05" else int(day[:4]) - 1
        copy = graphs[-1]
        check_equal(f"{name}: a dateline dates a text page in the crawl's year", copy["articles"][0]["date"],
                    f"{year}-03-05")
        check("... its place a location, its agency no node",
              "location:beijing" in {n["id"] for n in copy["nodes"]} and
              not any("reuters" in n["id"] for n in copy["nodes"]))
        j2 = run(["extract", "--warc", "--keep-going", "-j", "2", path])[1]
        check_equal(f"{name}: -j 2 gives the same bytes", j2, out.encode())
    # the two archives give the same graphs
    a = run(["extract", "--warc", "--keep-going", gz], text=True)[1].replace(os.path.basename(gz), "X")
    b = run(["extract", "--warc", "--keep-going", plain], text=True)[1].replace(os.path.basename(plain), "X")
    check_equal("gzip and plain archives: the same graphs", a, b)
    texts = harness.path("texts.jsonl")
    code, out, err = run(["extract", "--warc", "--keep-going", "--emit-text", texts, gz], text=True)
    back = run(["extract", "--jsonl", texts], text=True)[1]
    check_equal("--emit-text with --warc: each page's outlet",
                [json.loads(x).get("outlet") for x in open(texts, encoding="utf-8")],
                ["Globe Wire", "The Daily Planet", "Capital Ledger", "Euro Times", None])
    check_equal("--emit-text with --warc: JSON Lines that --jsonl reads back to the same graphs",
                [sourceless(graph(x))["nodes"] for x in back.splitlines()],
                [sourceless(graph(x))["nodes"] for x in out.splitlines()])
    truncated(gz, plain)
    lying(plain, port)
    mislabelled()


def lying(plain, port):
    """The wire page's response record claims 50 bytes more than it holds."""
    data = open(plain, "rb").read()
    at = data.index(b"WARC-Type: response")
    cl = data.index(b"Content-Length: ", at) + 16
    end = data.index(b"\r\n", cl)
    bad = harness.write("lying.warc", data[:cl] + b"%d" % (int(data[cl:end]) + 50) + data[end:])
    code, out, err = run(["extract", "--warc", bad], text=True)
    msg = (f"newsgraph: {bad}: record 3: Content-Length does not end at the record's end: "
           "the header lies or the record is damaged")
    check_equal("a lying Content-Length: exit 2 and which record", (code, err, out), (2, msg + "\n", ""))
    code, out, err = run(["extract", "--warc", "--keep-going", bad], text=True)
    check_equal("... with --keep-going: the record is skipped, the reader finds the next",
                (code, [graph(x)["articles"][0]["id"] for x in out.splitlines()], err.splitlines()[0]),
                (0, [EXPECT[n]["id"] for n in ("newspaper", "jsonld", "ads")] +
                 [f"http://127.0.0.1:{port}/wire-copy.txt"], msg))


def mislabelled():
    """A page kept as a text/plain resource record is still read as a page."""
    body = open(page("wire.html"), "rb").read()
    rec = (b"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///pages/wire.html\r\n"
           b"WARC-Date: 2024-05-17T00:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
           % len(body)) + body + b"\r\n\r\n"
    g = graph(output(["extract", "--warc", harness.write("res.warc", rec)]))
    check_equal("a page in a text/plain resource record", (g["articles"][0]["id"], g["articles"][0]["title"]),
                (EXPECT["wire"]["id"], EXPECT["wire"]["title"]))


def truncated(gz, plain):
    data = open(gz, "rb").read()
    cut = harness.write("cut.warc.gz", data[:len(data) // 2])
    code, out, err = run(["extract", "--warc", cut], text=True)
    check_equal("truncated gzip archive: exit 2 and what is wrong", (code, err),
                (2, f"newsgraph: {cut}: the gzip data ends early: the file is truncated\n"))
    code, out2, err = run(["extract", "--warc", "--keep-going", cut], text=True)
    check_equal("... with --keep-going: the pages before the damage", (code, out2.count("\n"), err),
                (0, out.count("\n"), f"newsgraph: {cut}: the gzip data ends early: the file is truncated\n"
                                     "newsgraph: 1 bad record skipped\n"))
    check("... and there are some", out.count("\n") >= 2, out.count("\n"))
    data = open(plain, "rb").read()
    cut = harness.write("cut.warc", data[:len(data) // 2])
    code, out, err = run(["extract", "--warc", "--keep-going", cut], text=True)
    check("truncated plain archive: what is wrong", code == 0 and err.startswith(
        f"newsgraph: {cut}: the file ends inside a record") and err.endswith("it is truncated\nnewsgraph: 1 bad record skipped\n"),
        (code, err))


def datelines():
    arts = [
        {"id": "a", "text": "MOSCOW, May 16 (Reuters) - Russian President Vladimir Putin met Chinese President "
                            "Xi Jinping in Beijing."},
        {"id": "b", "text": "WASHINGTON (AP) \u2014 The United States imposed sanctions on Iran."},
        {"id": "c", "text": "BEIJING, March 5 - China and Russia signed a trade agreement."},
        {"id": "d", "date": "2020-01-01", "text": "BEIJING, March 5 - China and Russia signed a trade agreement."},
        {"id": "e", "text": "SALVADOR, Feb 26 (Reuters) - Showers continued in Bahia, Comissaria Smith said."},
    ]
    data = "".join(json.dumps(a) + "\n" for a in arts).encode()
    gs = [graph(x) for x in output(["extract", "--jsonl", "--date", "2024-06-01"], stdin=data).splitlines()]
    dates = [g["articles"][0]["date"] for g in gs]
    check_equal("datelines date articles without a date (year from --date)", dates,
                ["2024-05-16", "2024-06-01", "2024-03-05", "2020-01-01", "2024-02-26"])
    ids = [{n["id"] for n in g["nodes"]} for g in gs]
    check("the agency is no node", not any("reuters" in i or i.endswith(":ap") for s in ids for i in s), ids)
    check("the place is a location", {"location:moscow", "location:washington", "location:beijing",
                                      "location:salvador"} <= set().union(*ids), ids)
    moscow = [n for n in gs[0]["nodes"] if n["id"] == "location:moscow"][0]
    check_equal("the place's mention", [(m["start"], m["end"]) for m in moscow["mentions"]], [(0, 6)])
    evs = [v for e in gs[0]["edges"] for v in e["evidence"]]
    check_equal("the story's first sentence is read without its dateline (\"May\" is no modal verb)",
                sorted({(v["sentence"][:7], v["start"], v["modality"]) for v in evs}), [("Russian", 27, "asserted")])
    salvador = [n for n in gs[4]["nodes"] if n["id"] == "location:salvador"][0]
    check_equal("a place the knowledge base does not know", [(m["start"], m["end"]) for m in salvador["mentions"]],
                [(0, 8)])
    # a plain file: after its headline; no year known, no date
    f = harness.write("wire.txt", b"Putin visits China\n\nMOSCOW, May 16 (Reuters) - Putin met Xi Jinping.\n")
    g = graph(output(["extract", "-f", "json", f]))
    check_equal("a plain article: no year, no date", g["articles"][0]["date"], None)
    check("... but the place and no agency", "location:moscow" in {n["id"] for n in g["nodes"]} and
          "organization:reuters" not in {n["id"] for n in g["nodes"]})
    f = harness.write("year.txt", b"MOSCOW, May 16, 2024 (Reuters) - Putin met Xi Jinping.\n")
    check_equal("a dateline with its year dates a plain article",
                graph(output(["extract", "-f", "json", f]))["articles"][0]["date"], "2024-05-16")
    check_equal("... unless --date says otherwise",
                graph(output(["extract", "-f", "json", "--date", "2024-05-17", f]))["articles"][0]["date"],
                "2024-05-17")


# Wire styles: (text, the date with --date 2024-06-01, places that must be
# location nodes); None: not a dateline, so --date stands.
STYLES = [
    ("NEW YORK, May 16 (Reuters) - Pfizer Inc said it would buy Seagen.", "2024-05-16", {"location:new-york"}),
    ("KYIV, Ukraine, May 16 (AP) \u2014 Russia attacked Ukraine overnight.", "2024-05-16", {"location:kyiv"}),
    ("SAN FRANCISCO/NEW YORK, May 16 (Reuters) - Apple Inc sued Samsung.", "2024-05-16",
     {"location:san-francisco", "location:new-york"}),
    ("GENEVA/BRUSSELS (Reuters) - The European Union criticised China.", None,
     {"location:geneva", "location:brussels"}),
    ("PARIS, Sept. 3 (AFP) - France and Germany signed a defence pact.", "2023-09-03", {"location:paris"}),
    ("BEIJING, March 5 -- China criticised Japan.", "2024-03-05", {"location:beijing"}),
    ("WASHINGTON, D.C. \u2014 President Joe Biden met Fumio Kishida.", None, {"location:washington"}),
    ("U.S. officials said China criticised Japan.", None, set()),
    ("NATO - the alliance - criticised Russia.", None, set()),
    ("WASHINGTON - The United States sanctioned Iran.", None, set()),
]


def wire_styles():
    data = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, (t, _, _) in enumerate(STYLES)).encode()
    gs = [graph(x) for x in output(["extract", "--jsonl", "--date", "2024-06-01"], stdin=data).splitlines()]
    for (text, day, places), g in zip(STYLES, gs):
        ids = {n["id"] for n in g["nodes"]}
        check_equal(f"dateline {text[:30]!r}: date", g["articles"][0]["date"], day or "2024-06-01")
        check(f"dateline {text[:30]!r}: places, no agency",
              places <= ids and not ids & {"organization:reuters", "organization:ap", "organization:afp"},
              sorted(ids))
    check("a dateline's place is not the government it may stand for",
          "organization:eu" in {n["id"] for n in gs[3]["nodes"]} and
          [m["start"] for n in gs[3]["nodes"] if n["id"] == "organization:eu" for m in n["mentions"]] == [32])


def main():
    global PAGES
    args, _ = harness.start(__doc__, 1, 1)
    PAGES = os.path.join(args[0], "tests", "inputs", "pages")
    with harness.tempdir("ng-inputs-"):
        pages()
        metadata()
        warcs()
        datelines()
        wire_styles()
    sys.exit(harness.summary("inputs"))


if __name__ == "__main__":
    main()
