"""A graph whose names and strings carry everything a feed must escape:
quotes, backslashes, newlines, tabs, commas, semicolons, angle brackets and
non-ASCII text. Feed tests merge it with extracted articles.

usage: python3 awkward.py OUT.json (runners import it and call save(path))"""
import json
import sys

NAMES = [
    ("person", 'José "Pepe" Müller-Øst'),
    ("person", "Seán O'Brien\\Jr"),
    ("organization", "Office of Tabs\tand\nNewlines"),
    ("company", "Smith, Jones & Co; <Ltd>"),
    ("state", "Côte d’Ivoire"),
    ("location", "Zürich {Altstadt} #1"),
    ("group", "北京 Students' \"Union\""),
    ("agreement", "Accord `back` $tick @ 100%"),
]


def node(i, typ, name):
    return {
        "id": "%s:awkward-%d" % (typ, i),
        "type": typ,
        "name": name,
        "aliases": sorted({name, name.split()[0]}),
        "kb": {"wikidata": "Q%d" % (90000 + i)} if i % 2 == 0 else {},
        "mentions": [{"article": "awkward,\"one\"", "start": 10 * i, "end": 10 * i + 5, "kind": "name"}],
    }


def edge(src, rel, dst, sentence, date):
    return {
        "source": src, "type": rel, "target": dst, "symmetric": rel == "meets",
        "modality": "reported", "negated": False, "date": date, "count": 1, "confidence": 0.75,
        "cameo": None, "attrs": {"role": 'chief "whip",\tdeputy\\acting'} if rel == "leads" else {},
        "evidence": [{"article": "awkward,\"one\"", "sentence": sentence, "start": 0, "end": len(sentence.encode()),
                      "trigger": "met", "modality": "reported", "negated": False, "rule": "awkward"}],
    }


def graph():
    nodes = [node(i, t, n) for i, (t, n) in enumerate(NAMES)]
    ids = [n["id"] for n in nodes]
    edges = [
        edge(ids[0], "meets", ids[1], 'He said: "we met,\tthen\nparted" \\ ok — «fin»', "2024-05-16"),
        edge(ids[0], "leads", ids[2], "Line one;\r\nline two, with 'quotes'", "2023"),
        edge(ids[3], "supplies", ids[4], "<tag> & </tag> ]]> --> \u2028", None),
        edge(ids[6], "visits", ids[5], "北京 students visited Zürich.", "2024-05"),
    ]
    edges.sort(key=lambda e: (e["source"], e["type"], e["target"]))
    nodes.sort(key=lambda n: n["id"])
    return {"newsgraph": 1,
            "articles": [{"id": "awkward,\"one\"", "title": "Tab\tand \"quote\"", "date": "2024-05-16", "source": None}],
            "nodes": nodes, "edges": edges}


def save(path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(graph(), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    save(sys.argv[1])
