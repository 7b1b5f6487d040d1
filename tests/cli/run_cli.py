#!/usr/bin/env python3
"""CLI tests: the command-line contract, error messages, the JSON schema of
the output, determinism, DOT rendering and the freshness of graphs/.

usage: run_cli.py NEWSGRAPH SOURCE_DIR
"""
import json
import os
import pty
import re
import shutil
import stat
import subprocess
import sys
import threading

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_equal, expect_error, output, path, run, write  # noqa: E402
import harness  # noqa: E402

SRC = None


def usage_and_errors():
    code, out, err = run(["--version"])
    check("--version", code == 0 and re.fullmatch(rb"newsgraph \d+\.\d+\.\d+\n", out) is not None, out)
    code, out, err = run(["--help"])
    check("--help", code == 0 and b"extract" in out and b"entities" in out and b"explain" in out)
    for cmd in ("extract", "entities", "explain"):
        code, out, err = run([cmd, "--help"])
        check(cmd + " --help", code == 0 and out.startswith(b"usage: newsgraph " + cmd.encode()), out[:60])
    code, out, err = run(["extract", "--help"])
    check("extract --help lists formats", b"dot" in out and b"json" in out)
    expect_error("unknown command", ["frobnicate"], "newsgraph: unknown command 'frobnicate' (try newsgraph --help)")
    expect_error("unknown format", ["extract", "-f", "yaml", "x"],
                 "newsgraph: unknown format 'yaml' (try newsgraph extract --help)")
    expect_error("bad date", ["extract", "--date", "16 May", "x"], "newsgraph: --date '16 May' is not YYYY-MM-DD")
    expect_error("missing value", ["extract", "-o"], "newsgraph: option -o needs a value")
    missing = harness.path("missing.txt")
    expect_error("missing file", ["extract", missing], f"newsgraph: {missing}: cannot open: No such file or directory")
    expect_error("directory", ["extract", harness.TMP], f"newsgraph: {harness.TMP}: is a directory, not a file")
    bad = write("bad.txt", b"Putin visited\xff China.")
    expect_error("invalid UTF-8", ["extract", bad], f"newsgraph: {bad}: invalid UTF-8 at offset 13 (line 1)")
    nul = write("nul.txt", b"Putin\x00visited")
    expect_error("NUL byte", ["extract", nul], f"newsgraph: {nul}: NUL byte at offset 5: binary input, not text")
    u16 = write("u16.txt", "Putin visited China.".encode("utf-16"))
    expect_error("UTF-16", ["extract", u16], f"newsgraph: {u16}: input is UTF-16 (byte order mark), not UTF-8")
    expect_error("stdin invalid", ["extract", "-"], "newsgraph: <stdin>: invalid UTF-8 at offset 0 (line 1)",
                 stdin=b"\xc3(")
    lex = write("bad.lex", b"# comment\nperson:x|X\nstate:ABC|Bad\n")
    art = write("ok.txt", b"Putin visited China.\n")
    expect_error("bad lexicon line", ["extract", "--lexicon", lex, art],
                 f"newsgraph: {lex}:3: bad id 'state:ABC' (want type:slug with a known type and a-z, 0-9, -)")
    lex2 = write("bad2.lex", b"person:y|Y|wikidata=123\n")
    expect_error("bad lexicon attr", ["extract", "--lexicon", lex2, art], f"newsgraph: {lex2}:1: wikidata=123 is not a Q-id")
    rules = write("bad.rules", b"rule r1\n  relation visits\n  triggers go\n  pattern {S:person} (unclosed {T:state}\n")
    expect_error("bad rule", ["extract", "--rules", rules, art], prefix=f"newsgraph: {rules}:1: rule r1: bad pattern: ")
    rules2 = write("bad2.rules", b"rule r2\n  relation visitz\n")
    expect_error("bad rule relation", ["extract", "--rules", rules2, art], f"newsgraph: {rules2}:2: unknown relation 'visitz'")
    rules3 = write("bad3.rules", b"rule r3\n  relation visits\n  triggers go\n  pattern {S:person} goes\n")
    expect_error("rule without target", ["extract", "--rules", rules3, art],
                 f"newsgraph: {rules3}:1: rule r3: pattern needs a source {{S:...}} and a target {{T:...}}")
    rules4 = write("bad4.rules", b"rule r4\n  relation visits\n  triggers @nosuch\n  path ^{S:person} <nsubj x {T:state}$\n")
    expect_error("unknown word class", ["extract", "--rules", rules4, art],
                 f"newsgraph: {rules4}:3: unknown word class '@nosuch' (a 'words' line defines it)")
    rules5 = write("bad5.rules", b"words praise 05x laud lauded\n")
    expect_error("bad CAMEO code", ["extract", "--rules", rules5, art],
                 f"newsgraph: {rules5}:1: '05x' is not a CAMEO code (2 to 4 digits)")
    rules6 = write("bad6.rules", b"words praise 051 laud l(a)uded\n")
    expect_error("bad class word", ["extract", "--rules", rules6, art],
                 f"newsgraph: {rules6}:1: word 'l(a)uded' must be letters, '-' or an apostrophe")
    rules7 = write("bad7.rules", b"rule r7\n  relation owns\n  triggers owned\n  pattern {S:state} owned {T:company}\n"
                                 b"  source home\n")
    expect_error("home rule with a source", ["extract", "--rules", rules7, art],
                 f"newsgraph: {rules7}:1: rule r7: a rule with 'source home' needs a pattern with a target {{T:...}} "
                 "and no source")
    rules8 = write("bad8.rules", b"rule r8\n  relation owns\n  source away\n")
    expect_error("unknown source", ["extract", "--rules", rules8, art],
                 f"newsgraph: {rules8}:3: unknown source 'away' (the one source is 'home')")
    # No half-written output: a failing input leaves no file behind.
    out_path = harness.path("out.json")
    code, _, _ = run(["extract", "-f", "json", "-o", out_path, art, bad])
    check("no partial output", code == 2 and not os.path.exists(out_path) and
          not [f for f in os.listdir(harness.TMP) if ".tmp." in f], os.listdir(harness.TMP))
    nodir = harness.path(os.path.join("no", "dir.dot"))
    expect_error("unwritable output", ["extract", "-o", nodir, art],
                 f"newsgraph: {nodir}: cannot write: No such file or directory")


def user_data():
    art = write("user.txt", b"Zorblat Quux visited Freedonia on Monday.\n")
    lex = write("user.lex", b"state:frd|Freedonia|adj=Freedonian\nperson:zorblat-quux|Zorblat Quux|Quux\n")
    code, out, err = run(["extract", "-f", "json", "--lexicon", lex, art])
    g = json.loads(out)
    check("user lexicon", code == 0 and {"person:zorblat-quux", "state:frd"} <= {n["id"] for n in g["nodes"]},
          [n["id"] for n in g["nodes"]])
    check("user lexicon edge", ("person:zorblat-quux", "visits", "state:frd") in
          {(e["source"], e["type"], e["target"]) for e in g["edges"]})
    rules = write("user.rules", b"rule my-praise\n  relation supports\n  triggers praised\n"
                                b"  pattern {S:person} praised {T:state}\n  confidence 0.6\n")
    art2 = write("praise.txt", b"Zorblat Quux praised Freedonia.\n")
    code, out, err = run(["extract", "-f", "json", "--lexicon", lex, "--rules", rules, art2])
    g = json.loads(out)
    ev = [e for e in g["edges"] if e["type"] == "supports"]
    check("user rules", code == 0 and len(ev) == 1 and ev[0]["evidence"][0]["rule"] == "my-praise" and
          ev[0]["confidence"] == 0.6 and ev[0]["evidence"][0]["trigger"] == "praised", out[:300])
    # A user's trigger class, read on the parse.
    crules = write("user-class.rules", b"words acclaim 051 laud lauded lauds lauding\n"
                                      b"rule my-laud\n  relation supports\n  triggers @acclaim\n"
                                      b"  path ^{S:person} <nsubj {@acclaim}:VERB >obj {T:state}$\n")
    laud = write("laud.txt", b"Zorblat Quux, who lauded Freedonia, left.\n")
    code, out, err = run(["extract", "-f", "json", "--lexicon", lex, "--rules", crules, laud])
    g = json.loads(out)
    check("user word class", code == 0 and [(e["source"], e["type"], e["target"], e["evidence"][0]["rule"])
                                           for e in g["edges"]] ==
          [("person:zorblat-quux", "supports", "state:frd", "my-laud")], out[:300])
    # 'where' gates a path rule on the placeholder form: the same rule with
    # a gate the sentence fails gives nothing, and the sentence is not parsed.
    for gate, want in ((b"{_:person}, who lauded {_:state}", 1), (b"{_:person} lauded {_:state}", 0)):
        grules = write("user-gate.rules", b"words acclaim 051 laud lauded lauds lauding\n"
                                          b"rule my-laud\n  relation supports\n  triggers @acclaim\n"
                                          b"  where " + gate + b"\n"
                                          b"  path ^{S:person} <nsubj {@acclaim}:VERB >obj {T:state}$\n")
        code, out, err = run(["explain", "--lexicon", lex, "--rules", grules, laud])
        check(f"where {gate.decode()}", code == 0 and out.decode().count("my-laud: ") == want and
              out.decode().count(" parse: ") == want, out)
    rules9 = write("bad9.rules", b"rule r9\n  relation supports\n  triggers lauded\n"
                                 b"  pattern {S:person} lauded {T:state}\n  where {_:person}\n")
    expect_error("where on a surface rule", ["extract", "--rules", rules9, art],
                 f"newsgraph: {rules9}:1: rule r9: 'where' is for path rules")
    rules10 = write("bad10.rules", b"rule r10\n  relation supports\n  triggers lauded\n"
                                   b"  path ^{S:person} <nsubj laud:VERB >obj {T:state}$\n  where ({_:person}\n")
    expect_error("bad where", ["extract", "--rules", rules10, art], prefix=f"newsgraph: {rules10}:1: rule r10: bad where: ")
    code, out, err = run(["explain", "--lexicon", lex, "--rules", rules, art2])
    check("explain", code == 0 and out.decode() ==
          "S0: <person#0> praised <state#1>.\n  my-praise: person:zorblat-quux -supports-> state:frd\n", out)
    # a path rule's sentence: each dependency path between two mentions, and the rule that fired on it
    art3 = write("path.txt", b"Chilean President Gabriel Boric, who is visiting Vietnam, said trade would grow.\n")
    code, out, err = run(["explain", art3])
    check("explain shows paths", code == 0 and out.decode() ==
          "S0: <person#1>, who is visiting <state#2>, said trade would grow.\n"
          "S0': <person#1> said trade would grow.\n"
          "S0 parse: 1:Chilean/ADJ>2:amod 2:President/PROPN>3:nmod:desc 3:Gabriel/PROPN>11:nsubj "
          "4:Boric/PROPN>3:flat 5:,/PUNCT>8:punct 6:who/PRON>8:nsubj 7:is/AUX>8:aux 8:visiting/VERB>3:acl:relcl "
          "9:Vietnam/PROPN>8:obj 10:,/PUNCT>8:punct 11:said/VERB>0:root 12:trade/NOUN>14:nsubj "
          "13:would/AUX>14:aux 14:grow/VERB>11:ccomp 15:./PUNCT>11:punct\n"
          "S0 path: <person#1> <nsubj visit:VERB >obj <state#2>\n"
          "  visits-path: person:gabriel-boric -visits-> state:vnm\n"
          "S0 path: <state#2> <obj visit:VERB >nsubj <person#1>\n", out)


def follows_schema(g):
    """Structural check of SCHEMA.md's JSON format version 1."""
    ok = g.get("newsgraph") == 1 and isinstance(g.get("articles"), list)
    ok &= all(set(a) == {"id", "title", "date", "source"} for a in g["articles"])
    ids = [n["id"] for n in g["nodes"]]
    ok &= ids == sorted(ids) and len(set(ids)) == len(ids)
    types = {"person", "state", "organization", "company", "agreement", "location", "group"}
    for n in g["nodes"]:
        ok &= set(n) == {"id", "type", "name", "aliases", "kb", "mentions"}
        ok &= n["type"] in types and n["id"].startswith(n["type"] + ":")
        ok &= isinstance(n["aliases"], list) and n["aliases"] == sorted(n["aliases"])
        ok &= all(set(m) == {"article", "start", "end", "kind"} and m["kind"] in ("name", "nominal", "pronoun")
                  and 0 <= m["start"] < m["end"] for m in n["mentions"])
        ok &= set(n["kb"]) <= {"iso3166", "wikidata"}
        if n["type"] == "state" and "iso3166" in n["kb"]:
            ok &= n["id"] == "state:" + n["kb"]["iso3166"].lower()
    keys = [(e["source"], e["type"], e["target"]) for e in g["edges"]]
    ok &= keys == sorted(keys) and len(set(keys)) == len(keys)
    mods = ("asserted", "reported", "expected", "hypothetical")
    for e in g["edges"]:
        ok &= set(e) == {"source", "type", "target", "symmetric", "modality", "negated", "date", "count",
                         "confidence", "cameo", "attrs", "evidence"}
        ok &= e["source"] in ids and e["target"] in ids and e["modality"] in mods
        ok &= e["count"] == len(e["evidence"]) >= 1 and 0 < e["confidence"] <= 1
        if e["symmetric"]:
            ok &= e["source"] <= e["target"]
        ok &= e["date"] is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|--\d\d-\d\d", e["date"]) is not None
        for v in e["evidence"]:
            ok &= set(v) == {"article", "sentence", "start", "end", "trigger", "modality", "negated", "rule"}
            ok &= v["modality"] in mods and isinstance(v["rule"], str)
    return ok


def seed_output():
    seed = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    text = open(seed, "rb").read()
    code, out, err = run(["extract", "-f", "json", seed])
    g = json.loads(out)
    check("seed json schema", code == 0 and follows_schema(g))
    check("seed article", g["articles"] == [{"id": "putin-china-visit.txt", "title":
          "Putin to Visit China for the Second Time in Six Months, Experts Believe He Has Two Main Objectives",
          "date": None, "source": seed}], g["articles"])
    # offsets are byte offsets into the input; evidence quotes it verbatim
    for n in g["nodes"]:
        for m in n["mentions"]:
            if m["kind"] == "name":
                check("mention offsets " + n["id"], text[m["start"]:m["end"]].decode() in n["aliases"],
                      text[m["start"]:m["end"]])
                break
    for e in g["edges"]:
        v = e["evidence"][0]
        check("evidence offsets", text[v["start"]:v["end"]].decode() == v["sentence"])
    code2, out2, _ = run(["extract", "-f", "json", seed])
    check("deterministic json", out == out2)
    code, dot1, _ = run(["extract", seed])
    code, dot2, _ = run(["extract", "-f", "dot", seed])
    check("deterministic dot", dot1 == dot2 and dot1.startswith(b"digraph newsgraph {"))
    code, svg, err = harness.tool(["dot", "-Tsvg"], stdin=dot1)
    check("dot renders without warnings", code == 0 and err == "" and b"<svg" in svg, err)
    # stdin and --id
    code, out, _ = run(["extract", "-f", "json", "--id", "a1", "-"], stdin=text)
    check("stdin with --id", code == 0 and json.loads(out)["articles"][0]["id"] == "a1")
    # two articles give one graph, each mention keeping its article
    other = os.path.join(SRC, "graphs", "wto-steel-talks.txt")
    code, out, _ = run(["extract", "-f", "json", seed, other])
    g2 = json.loads(out)
    check("merge two articles", code == 0 and follows_schema(g2) and
          [a["id"] for a in g2["articles"]] == ["putin-china-visit.txt", "wto-steel-talks.txt"])
    arts = {m["article"] for n in g2["nodes"] for m in n["mentions"]}
    check("mentions keep their article", arts == {"putin-china-visit.txt", "wto-steel-talks.txt"}, arts)
    code, out, _ = run(["extract", "-f", "json", other, seed])
    check("merge order does not matter", json.loads(out) == g2)
    expect_error("--id with two files", ["extract", "--id", "x", seed, other],
                 "newsgraph: --id names one article, but 2 were given")
    code, out, _ = run(["entities", "-f", "json", seed])
    ms = json.loads(out)["mentions"]
    check("entities json", code == 0 and all(text[m["start"]:m["end"]].decode() == m["text"] for m in ms) and
          [m["start"] for m in ms] == sorted(m["start"] for m in ms))
    code, out, _ = run(["entities", seed])
    first = out.decode().splitlines()[0].split("\t")
    check("entities tsv", code == 0 and len(first) == 7 and first[0] == "putin-china-visit.txt", first)


def edge_cases():
    for name, data in (("empty", b""), ("spaces", b"  \n\n\t \n"), ("one-word", b"Hello"),
                       ("headline-only", b"PUTIN VISITS CHINA\n")):
        p = write(name + ".txt", data)
        code, out, err = run(["extract", "-f", "json", p])
        g = json.loads(out) if code == 0 else None
        check("edge case " + name, code == 0 and g is not None and follows_schema(g), err)


def schema_doc():
    """SCHEMA.md's tables say what `newsgraph schema` says: entity types,
    mention kinds, relations with symmetry, endpoint types and CAMEO."""
    code, out, _ = run(["schema", "-f", "json"])
    vocab = json.loads(out)
    with open(os.path.join(SRC, "SCHEMA.md"), encoding="utf-8") as f:
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in f if line.startswith("| `")]
    types = vocab["types"]
    check("SCHEMA.md entity types", [r[0].strip("`") for r in rows if len(r) == 3 and r[0].strip("`") in types] ==
          types)
    check("SCHEMA.md mention kinds", [r[0].strip("`") for r in rows if len(r) == 2] == vocab["mention_kinds"])

    def type_list(text, same):
        text = text.strip()
        return types if text == "any type" else same if text == "the same" else text.split(", ")

    doc = []
    for r in rows:
        if len(r) == 5:
            src, _, tgt = r[2].partition(" -> ")
            srcs = type_list(src, None)
            doc.append({"name": r[0].strip("`"), "symmetric": r[1] == "yes", "cameo": None if r[3] == "-" else r[3],
                        "source_types": srcs, "target_types": type_list(tgt, srcs)})
    check("SCHEMA.md relation table is newsgraph schema's", doc == vocab["relations"],
          [x["name"] for x, y in zip(doc, vocab["relations"]) if x != y] or len(doc))


def write_failures():
    """A write that fails is reported as one, naming the output (entities -f
    json used to say "cannot write JSON", naming the input, as if out of
    memory)."""
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    gold = os.path.join(SRC, "graphs", "wto-steel-talks.gold.json")
    pred = os.path.join(SRC, "graphs", "wto-steel-talks.json")
    for name, args in (("entities", ["entities", art]), ("entities -f json", ["entities", "-f", "json", art]),
                       ("explain", ["explain", art]), ("extract --explain", ["extract", "--explain", art]),
                       ("eval", ["eval", gold, pred])):
        with open("/dev/full", "wb") as full:
            r = subprocess.run(harness.argv(args), stdout=full, stderr=subprocess.PIPE, timeout=harness.TIMEOUT)
        check(name + " to a full disk",
              r.returncode == 2 and r.stderr == b"newsgraph: <stdout>: write failed: No space left on device\n",
              r.stderr)


def output_targets():
    """-o does what a Unix tool does with what is at the path: a regular file
    is replaced atomically keeping its mode, a symlink's target is written
    and the link kept, a FIFO and a device are written in place, a
    directory is refused. Only paths made here, never the machine's."""
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    want = output(["extract", "-f", "json", art])
    ro = write("readonly.json", b"old\n")
    os.chmod(ro, 0o444)
    code, _, err = run(["extract", "-f", "json", "-o", ro, art])
    if os.getuid() == 0:
        # root may write a read-only file, as the shell would; it stays 444
        check("read-only file (root) written", code == 0 and open(ro, "rb").read() == want, err)
    else:
        check("read-only file refused", code == 2 and err == f"newsgraph: {ro}: cannot write: Permission denied\n",
              err)
    check("read-only file keeps its mode", os.stat(ro).st_mode & 0o777 == 0o444, oct(os.stat(ro).st_mode))
    kept = write("mode.json", b"old\n")
    os.chmod(kept, 0o600)
    code, _, err = run(["extract", "-f", "json", "-o", kept, art])
    check("file keeps mode 600", code == 0 and os.stat(kept).st_mode & 0o777 == 0o600 and
          open(kept, "rb").read() == want, err)
    os.mkdir(path("sub"))
    target = write("sub/target.json", b"old\n")
    link = path("link.json")
    os.symlink("sub/target.json", link)
    code, _, err = run(["extract", "-f", "json", "-o", link, art])
    check("symlink kept, its target written", code == 0 and os.path.islink(link) and
          os.readlink(link) == "sub/target.json" and open(target, "rb").read() == want, err)
    check("no temporary file left", sorted(os.listdir(path("sub"))) == ["target.json"], os.listdir(path("sub")))
    code, _, err = run(["extract", "-f", "json", "-o", path("sub"), art])
    check("directory refused", code == 2 and err == f"newsgraph: {path('sub')}: is a directory, not a file\n", err)
    fifo = path("fifo")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    code, _, err = run(["extract", "-f", "json", "-o", fifo, art], timeout=60)
    reader.join(60)
    check("FIFO written in place", code == 0 and got == [want] and stat.S_ISFIFO(os.stat(fifo).st_mode), err)
    if os.getuid() == 0:
        null = path("null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
        code, _, err = run(["extract", "-f", "json", "-o", null, art])
        check("device written in place", code == 0 and stat.S_ISCHR(os.stat(null).st_mode), err)
    else:
        harness.skip("device written in place", "making a device node needs root")


def dates_and_terminals():
    """--date is a day of the calendar; a forgotten FILE on a terminal is
    said, not waited on in silence."""
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    for bad in ("2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01"):
        expect_error("--date " + bad, ["extract", "--date", bad, art],
                     f"newsgraph: --date '{bad}' is not a day of the calendar")
    for good in ("2024-02-29", "2000-02-29", "2024-12-31"):
        check("--date " + good, run(["extract", "--date", good, art])[0] == 0)
    expect_error("--date 16 May", ["extract", "--date", "16 May", art], "newsgraph: --date '16 May' is not YYYY-MM-DD")
    master, slave = pty.openpty()
    p = subprocess.Popen(harness.argv(["extract", "-f", "json"]), stdin=slave, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, b"Putin visited China.\n\x04")
    out, err = p.communicate(timeout=harness.TIMEOUT)
    os.close(master)
    check("stdin on a terminal: a hint", p.returncode == 0 and err == b"newsgraph: reading an article from the "
          b"terminal; end with Ctrl-D (files: newsgraph extract FILE...)\n" and b"state:chn" in out, err)
    check("stdin not a terminal: no hint", run(["extract", "-f", "json"], stdin=b"Putin visited China.\n")[2] == "")


def agreement_identity():
    """An unnamed agreement is told apart by its parties, and by its article
    when fewer than two parties settle it; a merge of a corpus keeps
    different "trade agreements" apart and one named agreement one node."""
    a = write("a.txt", b"Chile and Peru signed a trade agreement on Monday.\n")
    b = write("b.txt", b"Japan and Vietnam signed a trade agreement on Monday.\n")
    c = write("c.txt", b"Peru and Chile signed a trade agreement in Lima.\n")
    d = write("d.txt", b"Russia signed an energy agreement on Monday.\n")
    e = write("e.txt", b"Russia signed an energy agreement on Friday.\n")
    f = write("f.txt", b"Russia and China signed the Paris Agreement.\n")
    g = write("g.txt", b"Japan signed the Paris Agreement.\n")
    code, out, err = run(["extract", "-f", "json", a, b, c, d, e, f, g])
    nodes = sorted(n["id"] for n in json.loads(out)["nodes"] if n["type"] == "agreement") if code == 0 else err
    check("unnamed agreements by parties and article", nodes == [
        "agreement:energy-agreement-rus-d-txt", "agreement:energy-agreement-rus-e-txt", "agreement:paris-agreement",
        "agreement:trade-agreement-chl-per", "agreement:trade-agreement-jpn-vnm"], nodes)


def inner_names():
    """A name inside a longer name is a mention of its own where the article
    names that entity alone too; the graph lists it on the entity's node
    and relates the longer name only."""
    t = b"Toyota cut its forecast. The Toyota Foundation gave grants to the University of Ohio. Ohio voters agreed.\n"
    p = write("inner.txt", t)
    code, out, err = run(["entities", "-f", "json", p])
    got = [(t[m["start"]:m["end"]].decode(), m["node"], m.get("nested", False))
           for m in json.loads(out)["mentions"]] if code == 0 else err
    check_equal("names inside names", got, [
        ("Toyota", "company:toyota", False), ("its", "company:toyota", False),
        ("Toyota Foundation", "organization:toyota-foundation", False), ("Toyota", "company:toyota", True),
        ("University of Ohio", "organization:university-of-ohio", False), ("Ohio", "location:ohio", True),
        ("Ohio", "location:ohio", False)])
    code, out, err = run(["extract", "-f", "json", p])
    g = json.loads(out) if code == 0 else {"nodes": []}
    spans = {n["id"]: [m["start"] for m in n["mentions"]] for n in g["nodes"]}
    check_equal("names inside names in the graph", spans.get("company:toyota"), [0, 11, 29])
    p = write("demonym.txt", b"Kenyan runners won. The Kenyan Athletics Federation praised them.\n")
    code, out, err = run(["entities", "-f", "json", p])
    got = [m["text"] for m in json.loads(out)["mentions"] if m["kind"] == "name"] if code == 0 else err
    check_equal("no demonym inside a name", got[:2], ["Kenyan", "Kenyan Athletics Federation"])


def readme_usage():
    """The README's synopsis is every command's usage block from --help,
    generated from the option tables, so the two cannot drift apart."""
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        text = f.read()
    block = text.split("## Commands\n\n```\n", 1)[1].split("```", 1)[0]
    want = ""
    for cmd in ("extract", "entities", "explain", "merge", "diff", "render", "eval", "schema", "parse"):
        code, out, _ = run([cmd, "--help"], text=True)
        usage = out.split("\n\n", 1)[0]
        # without "usage: ", and the continuation lines as much less indented
        want += "\n".join(line[len("usage: "):] for line in usage.splitlines()) + "\n"
    check("README synopsis is the --help usage", block == want + "newsgraph --help | --version | COMMAND --help\n",
          "\n" + block)


def long_article_progress():
    """One article of several mebibytes, on a terminal, shows how far into
    it extraction is (by bytes), and ends with the line erased; its graph
    is whole and its offsets are into the whole text."""
    unit = open(os.path.join(SRC, "graphs", "putin-china-visit.txt"), "rb").read() + b"\n\n"
    big = write("big.txt", unit * (3 * 1024 * 1024 // len(unit) + 1))
    master, slave = pty.openpty()
    p = subprocess.Popen(harness.argv(["extract", "-f", "json", "-o", path("big.json"), big]), stdout=subprocess.PIPE,
                         stderr=slave)
    os.close(slave)
    p.communicate(timeout=harness.TIMEOUT * harness.SCALE)
    err = harness.drain_pty(master)
    check("long article: progress by bytes", p.returncode == 0 and b"newsgraph: in article 1, 1.0 MB" in err and
          b"in article 1, 3.1 MB" in err and err.endswith(b"\r\x1b[K"), err[-200:])
    g = json.load(open(path("big.json"), encoding="utf-8"))
    last = max(m["end"] for n in g["nodes"] for m in n["mentions"])
    check("long article: offsets into the whole text", len(unit) * 30 < last <= os.path.getsize(big), last)


def map_filters():
    """--top leaves no orphan (a node whose edges all went to nodes cut);
    --drop-isolated drops nodes without an edge."""
    def node(i):
        return {"id": "person:" + i, "type": "person", "name": i.upper()}

    def edge(s, t):
        return {"source": "person:" + s, "type": "meets", "target": "person:" + t, "evidence": [
            {"article": "a", "sentence": s + " met " + t + ".", "start": 0, "end": 9, "modality": "asserted",
             "negated": False}]}

    g = {"newsgraph": 1, "articles": [{"id": "a"}], "nodes": [node(x) for x in "abcdefgh"],
         "edges": [edge("a", x) for x in "bcd"] + [edge("e", x) for x in "fg"]}
    src = write("star.json", json.dumps(g).encode())

    def kept(args):
        code, out, err = run(["merge", "-f", "json"] + args + [src])
        return sorted(n["id"][7:] for n in json.loads(out)["nodes"]) if code == 0 else err

    check("--top 2: the two hubs share no edge, so nothing is left", kept(["--top", "2"]) == [],
          kept(["--top", "2"]))
    # the top 4 are a, e (hubs), b and c (ties by id); e's edges went to f and g
    check("--top 4: the orphaned hub goes", kept(["--top", "4"]) == ["a", "b", "c"], kept(["--top", "4"]))
    check("--drop-isolated", kept(["--drop-isolated"]) == list("abcdefg"), kept(["--drop-isolated"]))
    check("no filter keeps the isolated node", kept([]) == list("abcdefgh"), kept([]))


def graphml_layout():
    """--layout gives every GraphML node x and y from Graphviz (what Gephi
    places nodes by), the same on every run; without it there are none."""
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    env = harness.graphviz_env()
    a = output(["extract", "-f", "graphml", "--layout", "sfdp", art], env=env)
    check("--layout is deterministic",
          a == output(["extract", "-f", "graphml", "--layout", "sfdp", art], env=env))
    nodes = a.count(b"<node id=")
    check("--layout: x and y for every node", a.count(b'<data key="n_x">') == nodes > 10 and
          a.count(b'<data key="n_y">') == nodes and b'attr.name="x" attr.type="double"' in a, nodes)
    plain = output(["extract", "-f", "graphml", art])
    check("no --layout, no positions", b"n_x" not in plain)
    expect_error("--layout with json", ["extract", "-f", "json", "--layout", "dot", art],
                 "newsgraph: --layout gives positions to -f graphml and html only (render draws other maps)")
    expect_error("--layout engine", ["extract", "-f", "graphml", "--layout", "spring", art],
                 "newsgraph: --layout 'spring' is not a layout engine (dot, neato, fdp, sfdp, circo, twopi)")


def readme_shell():
    """Every sh block of the README runs, as written, in a directory that
    holds the files the examples name (newsgraph first on PATH); a block
    that needs what no test machine has (a Neo4j server, a cluster) says so
    in its first line."""
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        blocks = re.findall(r"^ *```sh\n(.*?)^ *```", f.read(), re.S | re.M)
    work = path("readme")
    os.makedirs(os.path.join(work, "bin"))
    shutil.copytree(os.path.join(SRC, "graphs"), os.path.join(work, "graphs"))
    os.symlink(harness.BIN, os.path.join(work, "bin", "newsgraph"))
    arts = [os.path.join(SRC, "graphs", n + ".txt") for n in ("putin-china-visit", "wto-steel-talks")]
    texts = [open(a, "rb").read() for a in arts]
    for name, data in (("a.txt", texts[0]), ("b.txt", texts[1]), ("c.txt", texts[0][:2000]), ("article.txt", texts[1]),
                       ("before.txt", texts[0]), ("after.txt", texts[0].replace(b"Beijing", b"Shanghai"))):
        with open(os.path.join(work, name), "wb") as f:
            f.write(data)
    with open(os.path.join(work, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": "a%d" % i, "text": t.decode()}) + "\n")
    # the Graphviz leak suppressions: some blocks render
    env = dict(harness.graphviz_env(), PATH=os.path.join(work, "bin") + os.pathsep + os.environ["PATH"])
    subprocess.run(["newsgraph", "extract", "-f", "json", "-o", "merged.json"] + arts, cwd=work, env=env, check=True)
    ran = 0
    for b in blocks:
        if "# (not run by the tests:" in b.split("\n", 1)[0]:
            continue
        # -e but not pipefail: `| head -3` ends newsgraph by SIGPIPE, as it should
        r = subprocess.run(["bash", "-e", "-c", b], cwd=work, env=env, capture_output=True,
                           timeout=harness.TIMEOUT * harness.SCALE)
        check("README block runs: " + b.split("\n", 1)[0][:60], r.returncode == 0, r.stderr.decode()[-300:])
        ran += 1
    check("README blocks run", ran >= 6, ran)


def docs_and_words():
    """The README names only files a user has, gives the graphs target by
    the command that works, and counts in words that agree."""
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    check("README cites nothing outside the repository", "../" not in readme and "shared/" not in readme)
    check("README: graphs/ by the command that works", "`make graphs`" not in readme and
          "cmake --build build --target graphs" in readme)
    one = write("one.txt", b"Putin visited China on Monday. He met Xi Jinping there.\n")
    dot = output(["extract", one])
    check("one article, not one articles", b'label="newsgraph: 1 article"' in dot, dot[:200])


def parse_command():
    """newsgraph parse: CoNLL-U or JSON with offsets into the text, from a
    file or stdin; --conllu-in keeps the input's sentences and words; bad
    input exits 2 with one line."""
    art = os.path.join(SRC, "graphs", "putin-china-visit.txt")
    text = open(art, "rb").read()
    out = output(["parse", art]).decode()
    rows = [line.split("\t") for line in out.splitlines() if line and not line.startswith("#")]
    check("parse: ten columns, one root per sentence", rows and all(len(r) == 10 for r in rows) and
          out.count("\troot\t") == out.count("# sent_id = "), out[:200])
    bad = [r for r in rows if not r[9].startswith("TokenRange=")]
    spans = [tuple(int(x) for x in r[9].split("|")[0][len("TokenRange="):].split(":")) for r in rows]
    check("parse: offsets are the words' bytes", not bad and
          all(text[s:e].decode() == r[1] for (s, e), r in zip(spans, rows)), bad[:2])
    check("parse: stdin gives the same", output(["parse"], stdin=text).decode() == out)
    js = [json.loads(line) for line in output(["parse", "-f", "json", art]).decode().splitlines()]
    check("parse -f json: a sentence a line", len(js) == out.count("# sent_id = ") and
          js[0]["words"][0]["upos"] and js[0]["words"][0]["head"] >= 0)
    conllu = write("in.conllu", b"# sent_id = s1\n# text = Putin visited China.\n"
                   b"1\tPutin\t_\t_\t_\t_\t_\t_\t_\t_\n2\tvisited\t_\t_\t_\t_\t_\t_\t_\t_\n"
                   b"3\tChina\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    got = output(["parse", "--conllu-in", conllu]).decode()
    check("parse --conllu-in keeps ids and words", "# sent_id = s1" in got and
          [line.split("\t")[1] for line in got.splitlines() if line[:1].isdigit()] == ["Putin", "visited", "China", "."]
          and "\tvisit\tVERB\t" in got and "\tnsubj\t" in got, got)
    broken = write("broken.conllu", b"1\tPutin\t_\n")
    expect_error("parse: a short CoNLL-U line", ["parse", "--conllu-in", broken],
                 f"newsgraph: {broken}:1: a word line needs 10 tab-separated fields")
    binary = write("bin.txt", b"Putin\x00")
    expect_error("parse: binary input", ["parse", binary], f"newsgraph: {binary}: NUL byte at offset 5: binary input, not text")
    expect_error("parse: format", ["parse", "-f", "xml", art], "newsgraph: unknown format 'xml' (parse writes conllu or json)")


def graphs_fresh():
    """graphs/ holds what `make graphs` makes from its articles."""
    gdir = os.path.join(SRC, "graphs")
    for f in sorted(os.listdir(gdir)):
        if not f.endswith(".txt"):
            continue
        base = os.path.join(gdir, f[:-4])
        for fmt in ("json", "dot"):
            code, out, _ = run(["extract", "-f", fmt, f], cwd=gdir)
            have = open(base + "." + fmt, "rb").read() if os.path.exists(base + "." + fmt) else b""
            check(f"graphs/{f[:-4]}.{fmt} is current (run make graphs)", code == 0 and out == have)
        check(f"graphs/{f[:-4]}.svg exists", os.path.exists(base + ".svg"))


def main():
    global SRC
    (src,), _ = harness.start(__doc__, 1, 1)
    SRC = os.path.abspath(src)
    with harness.tempdir("ngcli"):
        usage_and_errors()
        user_data()
        seed_output()
        edge_cases()
        write_failures()
        schema_doc()
        output_targets()
        agreement_identity()
        inner_names()
        readme_usage()
        long_article_progress()
        map_filters()
        graphml_layout()
        readme_shell()
        docs_and_words()
        parse_command()
        dates_and_terminals()
        graphs_fresh()
    return harness.summary("cli")


if __name__ == "__main__":
    sys.exit(main())
