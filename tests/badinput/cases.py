"""The bad-input table: inputs newsgraph must survive, each with the exact
outcome expected. run_badinput.py runs every case.

A case is a dict:
  name    what the input is
  files   {name: bytes, or a function(path) that writes the file}: made in
          a fresh temporary directory at test time (big inputs are never
          committed)
  mode    {name: permission bits} set on a file once written
  args    the command line; {tmp} is that directory, {out} the -o target
          (in {tmp}/out/, which must hold nothing else afterwards)
  exit    the exit status expected
  stderr  the exact stderr (one line), or a compiled regex it must match
          whole; empty when exit is 0
  nodes, edges   for exit 0: the exact node ids and (source, relation,
          target) triples of the JSON graph written to {out}
  limit   seconds the run may take (default 20; generous: it flags hangs
          and quadratic loops, not slow machines); NG_TEST_TIME_SCALE
          multiplies it
  root    "skip" when the case means nothing for root (which reads mode
          000 files); the runner says so in its output
"""
import gzip
import os
import re

MB = 1024 * 1024
ART = b"Putin visited China.\n"
EXTRACT = ["extract", "-f", "json", "-o", "{out}"]
MERGE = ["merge", "-f", "json", "-o", "{out}"]
PUTIN_CHINA = dict(nodes={"person:vladimir-putin", "state:chn"},
                   edges={("person:vladimir-putin", "visits", "state:chn")})
NOTHING = dict(nodes=set(), edges=set())


def line_of(size):
    """A single line of `size` bytes: a relation, then lower-case prose with
    no sentence end, so that the sentence splitter must cut it."""
    def make(path):
        head = b"Putin visited China and "
        filler = b"the talks went on and on for days "
        body = filler * ((size - len(head)) // len(filler) + 1)
        with open(path, "wb") as f:
            f.write((head + body)[:size - 1] + b"\n")
    return make


def article_of(size):
    """The bundled example article repeated to `size` bytes, as one article:
    real prose at every size, so every stage's cost grows with it."""
    def make(path):
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(here, "..", "..", "graphs", "putin-china-visit.txt"), "rb") as f:
            unit = f.read() + b"\n\n"
        with open(path, "wb") as f:
            f.write(unit * (size // len(unit) + 1))
    return make


def repeated(unit, count, tail=b""):
    def make(path):
        with open(path, "wb") as f:
            f.write(unit * count + tail)
    return make


def graph_json(nodes, edges=b"[]", articles=b'[{"id": "a"}]', version=b"1"):
    return (b'{"newsgraph": ' + version + b', "articles": ' + articles + b', "nodes": ' + nodes +
            b', "edges": ' + edges + b"}\n")


def warc_record(body, length=None, ctype=b"text/html"):
    """A WARC response record as crawlers write it; `length` may lie."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n\r\n" + body
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
            b"WARC-Date: 2024-05-17T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(http) if length is None else length))
    return head + http + b"\r\n\r\n"


PAGE = b"<!DOCTYPE html><html lang=en><body><article><p>Putin visited China.</p></article></body></html>\n"
WARC_OK = warc_record(PAGE)


def page_of(size):
    """A web page of `size` bytes: the example article's paragraphs."""
    def make(path):
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(here, "..", "..", "graphs", "putin-china-visit.txt"), "rb") as f:
            paras = [p for p in f.read().split(b"\n\n") if p.strip()]
        unit = b"".join(b"<p>" + p.replace(b"\n", b" ") + b"</p>\n" for p in paras)
        with open(path, "wb") as f:
            f.write(b"<!DOCTYPE html>\n<html lang=en><body><article>\n")
            f.write(unit * (size // len(unit) + 1))
            f.write(b"</article></body></html>\n")
    return make


def binary(size):
    def make(path):
        with open(path, "wb") as f:
            f.write(bytes((i * 7919 + (i >> 8) * 31) & 0xff for i in range(size)))
    return make


NODE_X = b'{"id": "person:x", "type": "person", "name": "X"}'
NODE_Y = b'{"id": "state:y", "type": "state", "name": "Y"}'
EVIDENCE = b'{"article": "a", "sentence": "X visited Y.", "start": 0, "end": 12, "modality": "asserted", "negated": false}'
DOT_OK = (b'digraph newsgraph {\n\t"person:x" [ng_type=person, label=X];\n\t"state:y" [ng_type=state, label=Y];\n'
          b'\t"person:x" -> "state:y" [label=visits, ng_modality=asserted, tooltip="X visited Y."];\n}\n')
RULE = b"rule %s\n  relation meets\n  triggers %s\n  pattern %s\n"

CASES = [
    # ---- articles: size and shape
    dict(name="empty file", files={"a.txt": b""}, args=EXTRACT + ["{tmp}/a.txt"], exit=0, **NOTHING),
    dict(name="only whitespace", files={"a.txt": b" \t\n\r\n\f\v\n\n   \n"}, args=EXTRACT + ["{tmp}/a.txt"],
         exit=0, **NOTHING),
    dict(name="5 MB single line (the linearity baseline)", files={"a.txt": line_of(5 * MB)},
         args=EXTRACT + ["{tmp}/a.txt"], exit=0, limit=30, **PUTIN_CHINA),
    dict(name="50 MB single line", files={"a.txt": line_of(50 * MB)}, args=EXTRACT + ["{tmp}/a.txt"], exit=0,
         limit=120, **PUTIN_CHINA),
    dict(name="one article of 1 MB", files={"a.txt": article_of(1 * MB)}, args=EXTRACT + ["{tmp}/a.txt"], exit=0,
         limit=60),
    dict(name="one article of 4 MB", files={"a.txt": article_of(4 * MB)}, args=EXTRACT + ["{tmp}/a.txt"], exit=0,
         limit=120),
    dict(name="one article of 16 MB", files={"a.txt": article_of(16 * MB)}, args=EXTRACT + ["{tmp}/a.txt"],
         exit=0, limit=300),
    dict(name="50 MB single word", files={"a.txt": repeated(b"a", 50 * MB, b"\n")},
         args=EXTRACT + ["{tmp}/a.txt"], exit=0, limit=120, **NOTHING),
    dict(name="one million one-word sentences", files={"a.txt": repeated(b"Yes. ", 1000000)},
         args=EXTRACT + ["{tmp}/a.txt"], exit=0, limit=120, **NOTHING),
    dict(name="UTF-8 byte order mark", files={"a.txt": b"\xef\xbb\xbf" + ART}, args=EXTRACT + ["{tmp}/a.txt"],
         exit=0, **PUTIN_CHINA),
    # ---- articles: not UTF-8 text
    dict(name="invalid UTF-8 (0xff)", files={"a.txt": b"Putin visited\xff China.\n"},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: invalid UTF-8 at offset 13 (line 1)"),
    dict(name="invalid UTF-8 (surrogate)", files={"a.txt": b"Putin\nvisited \xed\xa0\x80 China.\n"},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: invalid UTF-8 at offset 14 (line 2)"),
    dict(name="invalid UTF-8 (truncated at the end)", files={"a.txt": b"Putin visited China \xe2\x80"},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: invalid UTF-8 at offset 20 (line 1)"),
    dict(name="NUL bytes", files={"a.txt": b"Putin\x00visited\x00China.\n"}, args=EXTRACT + ["{tmp}/a.txt"],
         exit=2, stderr="newsgraph: {tmp}/a.txt: NUL byte at offset 5: binary input, not text"),
    dict(name="UTF-16 LE without a BOM", files={"a.txt": "Putin visited China.\n".encode("utf-16-le")},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: NUL byte at offset 1: binary input, not text"),
    dict(name="UTF-16 with a BOM", files={"a.txt": "Putin visited China.\n".encode("utf-16")},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: input is UTF-16 (byte order mark), not UTF-8"),
    dict(name="UTF-16 BE with a BOM", files={"a.txt": b"\xfe\xff" + "Putin.".encode("utf-16-be")},
         args=EXTRACT + ["{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/a.txt: input is UTF-16 (byte order mark), not UTF-8"),
    # ---- files that cannot be read
    dict(name="missing file", files={}, args=EXTRACT + ["{tmp}/missing.txt"], exit=2,
         stderr="newsgraph: {tmp}/missing.txt: cannot open: No such file or directory"),
    dict(name="directory given as input", files={}, args=EXTRACT + ["{tmp}"], exit=2,
         stderr="newsgraph: {tmp}: is a directory, not a file"),
    # Opens, then every read fails (EIO: address 0 of the reader's own
    # memory is unmapped): unreadable even for root.
    dict(name="unreadable file (read fails: /proc/self/mem)", files={}, args=EXTRACT + ["/proc/self/mem"],
         exit=2, stderr="newsgraph: /proc/self/mem: cannot read: Input/output error"),
    dict(name="unreadable file (mode 000)", files={"a.txt": ART}, mode={"a.txt": 0}, root="skip",
         args=EXTRACT + ["{tmp}/a.txt"], exit=2, stderr="newsgraph: {tmp}/a.txt: cannot open: Permission denied"),
    dict(name="output directory missing", files={"a.txt": ART},
         args=["extract", "-o", "{tmp}/out/no/such/dir/g.dot", "{tmp}/a.txt"], exit=2,
         stderr=re.compile(r"newsgraph: .*/out/no/such/dir/g\.dot: cannot write: No such file or directory")),
    # --explain opens its output first: the second article's error must
    # remove the half-written temporary file.
    dict(name="bad second article after output began", files={"a.txt": ART, "b.txt": b"Xi\xff\n"},
         args=["extract", "--explain", "-o", "{out}", "{tmp}/a.txt", "{tmp}/b.txt"], exit=2,
         stderr="newsgraph: {tmp}/b.txt: invalid UTF-8 at offset 2 (line 1)"),
    # ---- JSON graphs
    dict(name="JSON truncated", files={"g.json": graph_json(b"[" + NODE_X + b"]")[:60]},
         args=MERGE + ["{tmp}/g.json"], exit=2, stderr="newsgraph: {tmp}/g.json: invalid JSON near byte 59"),
    dict(name="JSON wrongly typed: nodes is an object", files={"g.json": graph_json(b"{}")},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr='newsgraph: {tmp}/g.json: "articles", "nodes" and "edges" must be lists'),
    dict(name="JSON wrongly typed: a numeric id",
         files={"g.json": graph_json(b'[{"id": 7, "type": "person", "name": "X"}]')},
         args=MERGE + ["{tmp}/g.json"], exit=2, stderr="newsgraph: {tmp}/g.json: node 0 needs string id, type and name"),
    dict(name="JSON wrongly typed: version a string", files={"g.json": graph_json(b"[]", version=b'"1"')},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr='newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): "newsgraph": 1 is missing'),
    dict(name="JSON wrongly typed: negated a string",
         files={"g.json": graph_json(b"[" + NODE_X + b", " + NODE_Y + b"]",
                                     b'[{"source": "person:x", "type": "visits", "target": "state:y", "evidence": ['
                                     + EVIDENCE.replace(b"false", b'"no"') + b"]}]")},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: edge person:x -visits-> state:y: an evidence needs article, sentence, "
                "start, end, modality, negated"),
    dict(name="JSON article date not a day of the calendar",
         files={"g.json": graph_json(b"[" + NODE_X + b"]", articles=b'[{"id": "a", "date": "2023-02-29"}]')},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: article a: date '2023-02-29' is not a day of the calendar, YYYY-MM-DD"),
    dict(name="JSON edge date not a day of the calendar",
         files={"g.json": graph_json(b"[" + NODE_X + b", " + NODE_Y + b"]",
                                     b'[{"source": "person:x", "type": "visits", "target": "state:y", '
                                     b'"date": "--02-30", "evidence": [' + EVIDENCE + b"]}]")},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: edge person:x -visits-> state:y: date '--02-30' is not a day or month of "
                "the calendar (ISO 8601)"),
    dict(name="JSON edge date of a leap day without its year is fine",
         files={"g.json": graph_json(b"[" + NODE_X + b", " + NODE_Y + b"]",
                                     b'[{"source": "person:x", "type": "visits", "target": "state:y", '
                                     b'"date": "--02-29", "evidence": [' + EVIDENCE + b"]}]")},
         args=MERGE + ["{tmp}/g.json"], exit=0, nodes={"person:x", "state:y"},
         edges={("person:x", "visits", "state:y")}),
    dict(name="JSON Lines article date not a day of the calendar",
         files={"a.jsonl": b'{"id": "a", "date": "2024-04-31", "text": "Putin visited China."}\n'},
         args=["extract", "--jsonl", "-o", "{out}", "{tmp}/a.jsonl"], exit=2,
         stderr='newsgraph: {tmp}/a.jsonl:1: "date" is not a day of the calendar, YYYY-MM-DD'),
    dict(name="JSON node id not type:slug (cgraph's '%' names)",
         files={"g.json": graph_json(b'[{"id": "%x", "type": "person", "name": "X"}]')},
         args=MERGE + ["{tmp}/g.json"], exit=2, stderr="newsgraph: {tmp}/g.json: node %x: id must read person:SLUG"),
    dict(name="JSON huge numbers: an offset of 1e999",
         files={"g.json": graph_json(b'[{"id": "person:x", "type": "person", "name": "X", "mentions": '
                                     b'[{"article": "a", "start": 1e999, "end": 2}]}]')},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: node person:x: a mention needs article, start and end "
                "(0 <= start <= end < 2^32)"),
    dict(name="JSON huge numbers: an offset of 2^32",
         files={"g.json": graph_json(b'[{"id": "person:x", "type": "person", "name": "X", "mentions": '
                                     b'[{"article": "a", "start": 0, "end": 4294967296}]}]')},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: node person:x: a mention needs article, start and end "
                "(0 <= start <= end < 2^32)"),
    dict(name="JSON huge numbers: version 1e400", files={"g.json": graph_json(b"[]", version=b"1e400")},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr='newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): "newsgraph": 1 is missing'),
    # Out-of-range confidence and count are not trusted: the confidence
    # falls back to 0.5, the count is the evidence's.
    dict(name="JSON huge numbers: confidence 1e308, count 1e23",
         files={"g.json": graph_json(b"[" + NODE_X + b", " + NODE_Y + b"]",
                                     b'[{"source": "person:x", "type": "visits", "target": "state:y", '
                                     b'"confidence": 1e308, "count": 99999999999999999999999, "evidence": ['
                                     + EVIDENCE + b"]}]")},
         args=MERGE + ["{tmp}/g.json"], exit=0, nodes={"person:x", "state:y"},
         edges={("person:x", "visits", "state:y")}),
    dict(name="JSON nesting 10,000 deep",
         files={"g.json": graph_json(b"[]").replace(b"}\n", b', "x": ' + b"[" * 10000 + b"]" * 10000 + b"}")},
         args=MERGE + ["{tmp}/g.json"], exit=2, stderr="newsgraph: {tmp}/g.json: JSON nests deeper than 64 levels"),
    dict(name="JSON nesting 10,000 deep, unclosed", files={"g.json": b"{" + b'"a": [' * 10000},
         args=MERGE + ["{tmp}/g.json"], exit=2, stderr="newsgraph: {tmp}/g.json: JSON nests deeper than 64 levels"),
    # ---- JSON that is not a graph: refused, never extracted as article text
    dict(name="JSON not a graph: a bare array", files={"g.json": b"[1, 2]\n"}, args=MERGE + ["{tmp}/g.json"],
         exit=2, stderr="newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): the top level is not an object"),
    dict(name="JSON not a graph: a string", files={"g.json": b'"Putin visited China."\n'},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): the top level is not an object"),
    dict(name="JSON not a graph: an object without \"newsgraph\"", files={"g.json": b'{"title": "Putin visited China."}'},
         args=MERGE + ["{tmp}/g.json"], exit=2,
         stderr='newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): "newsgraph": 1 is missing'),
    dict(name="JSON not a graph: diff of a bare array", files={"g.json": b"[]", "a.txt": ART},
         args=["diff", "-o", "{out}", "{tmp}/a.txt", "{tmp}/g.json"], exit=2,
         stderr="newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): the top level is not an object"),
    dict(name="JSON not a graph: diff of a string", files={"g.json": b' "Putin visited China." ', "a.txt": ART},
         args=["diff", "-o", "{out}", "{tmp}/g.json", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): the top level is not an object"),
    dict(name="JSON not a graph: diff of an object without \"newsgraph\"",
         files={"g.json": b'{"nodes": [], "edges": []}', "a.txt": ART},
         args=["diff", "-o", "{out}", "{tmp}/a.txt", "{tmp}/g.json"], exit=2,
         stderr='newsgraph: {tmp}/g.json: not a newsgraph graph (format version 1): "newsgraph": 1 is missing'),
    # ... while articles that merely open like JSON or DOT are articles.
    dict(name="article opening with '{'", files={"a.txt": b"{Editor's note} " + ART}, args=MERGE + ["{tmp}/a.txt"],
         exit=0, **PUTIN_CHINA),
    dict(name="article opening with '['", files={"a.txt": b"[Reuters] " + ART}, args=MERGE + ["{tmp}/a.txt"],
         exit=0, nodes=PUTIN_CHINA["nodes"] | {"organization:reuters"}, edges=PUTIN_CHINA["edges"]),
    dict(name="article opening with a quotation", files={"a.txt": b'"We will go," an aide said. ' + ART},
         args=MERGE + ["{tmp}/a.txt"], exit=0, **PUTIN_CHINA),
    dict(name="article opening with 'graph' and 'strict' in words", files={"a.txt": b"graphite, strictly: " + ART,
                                                                          "b.txt": b"strict rules. " + ART},
         args=MERGE + ["{tmp}/a.txt", "{tmp}/b.txt"], exit=0, **PUTIN_CHINA),
    # ---- web pages and web archives (WARC)
    dict(name="HTML with no body", files={"a.html": b"<!DOCTYPE html><html><head><title>X</title></head></html>"},
         args=EXTRACT + ["{tmp}/a.html"], exit=2, stderr="newsgraph: {tmp}/a.html: the page has no <body>: no article text"),
    dict(name="HTML whose body has no text", files={"a.html": b"<html><body><nav><a href=/>Home</a></nav></body></html>"},
         args=EXTRACT + ["{tmp}/a.html"], exit=2, stderr="newsgraph: {tmp}/a.html: the page has no article text"),
    dict(name="HTML page of 8 MB (under the limit: read whole, in time)", files={"a.html": page_of(8 * MB)},
         args=EXTRACT + ["{tmp}/a.html"], exit=0, limit=60),
    dict(name="HTML page of 50 MB", files={"a.html": page_of(50 * MB)}, args=EXTRACT + ["{tmp}/a.html"], exit=2,
         stderr=re.compile(r"newsgraph: .*/a\.html: the page is 5\d{7} bytes, over the limit of 16777216 "
                           r"for a web page")),
    # libxml2 stops nesting at 256 levels; the readers' walks stay shallow
    dict(name="HTML nested 200,000 deep",
         files={"a.html": b"<html><body>" + b"<div>" * 200000 + b"<p>Putin visited China.</p>" + b"</div>" * 200000},
         args=EXTRACT + ["{tmp}/a.html"], exit=2, stderr="newsgraph: {tmp}/a.html: the page has no article text"),
    dict(name="HTML with binary content", files={"a.html": b"<html><body><p>" + bytes(range(256)) * 4},
         args=EXTRACT + ["{tmp}/a.html"], exit=2,
         stderr="newsgraph: {tmp}/a.html: the page holds a NUL byte: binary data, not HTML"),
    dict(name="binary content given as a web archive", files={"a.warc": binary(100000)},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: not a WARC 1.0 or 1.1 record"),
    dict(name="WARC record with binary content", files={"a.warc": warc_record(bytes(range(256)) * 8)},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: http://x.example/a: the page holds a NUL byte: binary data, not HTML"),
    dict(name="WARC record of binary text/plain", files={"a.warc": warc_record(b"\x89PNG\r\n\x1a\n\x00\x00", ctype=b"text/plain")},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: invalid UTF-8 at offset 0 (line 1)"),
    dict(name="WARC gzip truncated", files={"a.warc.gz": (gzip.compress(WARC_OK) + gzip.compress(WARC_OK))[:-40]},
         args=EXTRACT + ["--warc", "{tmp}/a.warc.gz"], exit=2,
         stderr="newsgraph: {tmp}/a.warc.gz: the gzip data ends early: the file is truncated"),
    dict(name="WARC gzip whole", files={"a.warc.gz": gzip.compress(WARC_OK)},
         args=EXTRACT + ["--warc", "{tmp}/a.warc.gz"], exit=0, **PUTIN_CHINA),
    dict(name="WARC with a lying Content-Length (too long)",
         files={"a.warc": warc_record(PAGE, length=len(PAGE) + 200) + WARC_OK},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: Content-Length does not end at the record's end: "
                "the header lies or the record is damaged"),
    dict(name="WARC with a lying Content-Length (too short)", files={"a.warc": warc_record(PAGE, length=20) + WARC_OK},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: Content-Length does not end at the record's end: "
                "the header lies or the record is damaged"),
    dict(name="WARC with a Content-Length past the end of the file",
         files={"a.warc": warc_record(PAGE, length=1 << 20)},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: the file ends inside a record: it is truncated"),
    dict(name="WARC with a Content-Length of 2^64", files={"a.warc": re.sub(
        rb"Content-Length: \d+", b"Content-Length: 18446744073709551616", warc_record(PAGE))},
         args=EXTRACT + ["--warc", "{tmp}/a.warc"], exit=2,
         stderr="newsgraph: {tmp}/a.warc: record 1: the record is over the size limit of 64 MB"),
    # ---- DOT graphs
    dict(name="DOT truncated", files={"g.dot": DOT_OK[:70]}, args=MERGE + ["{tmp}/g.dot"], exit=2,
         stderr="newsgraph: {tmp}/g.dot: not a DOT graph: syntax error in line 3"),
    dict(name="DOT wrongly typed: a numeric relation",
         files={"g.dot": DOT_OK.replace(b"label=visits", b"label=42")}, args=MERGE + ["{tmp}/g.dot"], exit=2,
         stderr="newsgraph: {tmp}/g.dot: edge person:x -> state:y: unknown relation '42'"),
    dict(name="DOT wrongly typed: an unknown entity type",
         files={"g.dot": DOT_OK.replace(b"ng_type=person", b"ng_type=7")}, args=MERGE + ["{tmp}/g.dot"], exit=2,
         stderr="newsgraph: {tmp}/g.dot: node 'person:x' has no entity type (ng_type or a type: prefix)"),
    dict(name="DOT node id not type:slug", files={"g.dot": b'digraph { "%x" [ng_type=person]; }\n'},
         args=MERGE + ["{tmp}/g.dot"], exit=2, stderr="newsgraph: {tmp}/g.dot: node '%3': id must read person:SLUG"),
    dict(name="DOT huge numbers",
         files={"g.dot": DOT_OK.replace(b"ng_modality=asserted", b'ng_confidence="1e999", ng_count="1e30", '
                                        b'penwidth="1e308", ng_modality=asserted')},
         args=MERGE + ["{tmp}/g.dot"], exit=0, nodes={"person:x", "state:y"}, edges={("person:x", "visits", "state:y")}),
    dict(name="DOT nesting 10,000 deep",
         files={"g.dot": b"digraph {" + b"subgraph {" * 10000 + b'"person:x" [ng_type=person]' + b"}" * 10001},
         args=MERGE + ["{tmp}/g.dot"], exit=2,
         stderr="newsgraph: {tmp}/g.dot: not a DOT graph: memory exhausted in line 1 near 'subgraph'"),
    dict(name="DOT nesting 1,000 deep", files={"g.dot": b"digraph {" + b"{" * 1000 + DOT_OK[20:-2] + b"}" * 1001},
         args=MERGE + ["{tmp}/g.dot"], exit=0, nodes={"person:x", "state:y"}, edges={("person:x", "visits", "state:y")}),
    # ---- rule files
    dict(name="rule with a bad regex",
         files={"r.rules": RULE % (b"bad-re", b"met", b"{S:person} met (unclosed {T:person}"), "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule bad-re: bad pattern: missing closing parenthesis"),
    dict(name="rule with a variable-length lookbehind",
         files={"r.rules": RULE % (b"lb", b"met", b"(?<=a+){S:person} met {T:person}"), "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule lb: bad pattern: lookbehind assertion is not fixed length"),
    dict(name="rule without source and target slots",
         files={"r.rules": RULE % (b"no-slot", b"met", b"\\w+ met \\w+"), "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule no-slot: pattern needs a source {S:...} and a target {T:...}"),
    dict(name="rule with a pairs slot for a directed relation",
         files={"r.rules": b"rule pairs\n  relation visits\n  triggers met\n  pattern {P+:state} met\n", "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule pairs: a pairs slot {P+:...} is for a symmetric relation's pattern, "
                "with no other slot"),
    dict(name="rule without a pattern",
         files={"r.rules": b"rule no-pattern\n  relation meets\n  triggers met\n", "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule no-pattern has no pattern or path"),
    dict(name="rule id defined twice",
         files={"r.rules": RULE % (b"twice", b"met", b"{S:person} met {T:person}")
                + RULE % (b"twice", b"saw", b"{S:person} saw {T:person}"), "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:5: rule twice is already defined at {tmp}/r.rules:1"),
    dict(name="rule id of a built-in rule",
         files={"r.rules": RULE % (b"visits-verb", b"met", b"{S:person} met {T:person}"), "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule visits-verb is already defined at src/rules/relations.rules:20"),
    dict(name="rule file whose last line has no newline",
         files={"r.rules": (RULE % (b"last", b"visited", b"{S:person} visited {T:state}"))[:-1]
                + b"\n  confidence 0.99", "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=0,
         nodes={"person:vladimir-putin", "state:chn"},
         edges={("person:vladimir-putin", "meets", "state:chn"), ("person:vladimir-putin", "visits", "state:chn")}),
    dict(name="rule file whose last rule lacks its pattern, no newline",
         files={"r.rules": b"rule last\n  relation meets\n  triggers met", "a.txt": ART},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/r.rules:1: rule last has no pattern or path"),
    # Exponential backtracking on a sentence just under NG_MAX_SENTENCE
    # (8192 bytes): pcre2's match limit stops it, that rule gives nothing
    # there, and the rest of the graph stands.
    dict(name="catastrophic backtracking: (a+)+$ on 8,000 a's",
         files={"r.rules": RULE % (b"slow", b"*", b"{S:any} (a+)+$ {T:any}"),
                "a.txt": b"Putin visited China. Putin met Xi. Putin " + b"a" * 8000 + b".\n"},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=0, limit=30,
         nodes={"person:vladimir-putin", "state:chn", "person:xi-jinping"},
         edges={("person:vladimir-putin", "visits", "state:chn"), ("person:vladimir-putin", "meets", "person:xi-jinping")}),
    dict(name="catastrophic backtracking: nested groups over 1,000 words",
         files={"r.rules": RULE % (b"slow", b"*", b"{S:any} (?:(?:\\w+ ?)+)+\\d {T:any}"),
                "a.txt": b"Putin met Xi. Putin " + b"talks " * 1000 + b"said.\n"},
         args=EXTRACT + ["--rules", "{tmp}/r.rules", "{tmp}/a.txt"], exit=0, limit=30,
         nodes={"person:vladimir-putin", "person:xi-jinping"},
         edges={("person:vladimir-putin", "meets", "person:xi-jinping")}),
    # ---- lexicon lines with missing fields
    dict(name="lexicon entry without a name", files={"l.txt": b"# people\nperson:x\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:2: entry person:x has no name"),
    dict(name="lexicon entry with an empty name", files={"l.txt": b"person:x|\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: entry person:x has no name"),
    dict(name="lexicon attribute without a value", files={"l.txt": b"person:x|X|leads=\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: attribute leads has no value"),
    dict(name="lexicon cue without forms", files={"l.txt": b"title|leads\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: 'title' line needs a class and at least one form"),
    dict(name="lexicon cue with an empty form", files={"l.txt": b"head|company|\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: 'head' line needs a class and at least one form"),
    dict(name="lexicon line with an empty first field", files={"l.txt": b"|X\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: '' line needs a class and at least one form"),
    dict(name="lexicon office with a bad date", files={"l.txt": b"person:x|X|leads=state:usa|from=1989-13-01\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: from=1989-13-01 is not a date like 1989-01-20"),
    dict(name="lexicon with 2,000 fields on a line", files={"l.txt": b"person:x|X" + b"|a" * 2000 + b"\n", "a.txt": ART},
         args=EXTRACT + ["--lexicon", "{tmp}/l.txt", "{tmp}/a.txt"], exit=2,
         stderr="newsgraph: {tmp}/l.txt:1: more than 1024 fields"),
]

# The 50 MB line must cost about ten times the 5 MB one (linear, not
# quadratic); the bound leaves room for noise.
LINEAR = ("5 MB single line (the linearity baseline)", "50 MB single line", 10, 25)

# One article growing from 1 to 16 MB: the time must grow linearly. The
# exponent of the fit (time ~ size^k) is bounded loosely against noise; a
# quadratic path gives k near 2. tests/bench prints the exact figure.
LADDER = (("one article of 1 MB", 1), ("one article of 4 MB", 4), ("one article of 16 MB", 16))
LADDER_MAX_EXPONENT = 1.3

assert len({c["name"] for c in CASES}) == len(CASES)
assert all(os.sep not in f for c in CASES for f in c["files"])
