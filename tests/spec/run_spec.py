#!/usr/bin/env python3
"""Spec tests: example sentences with the exact entities and relations expected.

usage: run_spec.py NEWSGRAPH FILE.txt... [--verbose]

A case is

    ### name of the case
    D 1990-05-03                            (optional: the article's date)
    One or more lines of article text (a first line followed by a blank
    line would be a headline, so cases are plain paragraphs; a line "---"
    stands for a blank line: a headline, then "---", then the body).
    E text | type | node id | kind          (zero or more)
    E-                                      (no entity at all)
    R source relation target modality [negated] [key=value ...]
    R-                                      (no relation at all)

Entities are checked, as an exact set, when the case has any E line (or E-).
Relations are checked, as an exact set of (source, relation, target,
modality, negated), when the case has any R line (or R-); key=value
attributes must be present with that value; date=... is the edge's date
(date=none: it has none). A case must check something.
Prints one line per failing case and a closing 'N passed, N failed'.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402


def vocabulary():
    """The vocabulary, from the binary itself: no copy kept here."""
    return json.loads(harness.output(["schema", "-f", "json"], timeout=60))


def parse(path, modalities):
    cases, cur = [], None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("### "):
                cur = {"name": line[4:].strip(), "file": path, "line": ln, "text": [], "E": None, "R": None,
                       "date": []}
                cases.append(cur)
            elif cur is None or (line.startswith("#") and not cur["text"]):
                continue
            elif line.startswith("D "):
                cur["date"] = ["--date", line[2:].strip()]
            elif line.startswith("E-"):
                cur["E"] = []
            elif line.startswith("E "):
                parts = [p.strip() for p in line[2:].split("|")]
                if len(parts) != 4:
                    sys.exit(f"{path}:{ln}: E line needs text | type | node | kind")
                cur["E"] = (cur["E"] or []) + [tuple(parts)]
            elif line == "---":
                cur["text"].append("")
            elif line.startswith("R-"):
                cur["R"] = cur["R"] or []
            elif line.startswith("R "):
                w = line[2:].split()
                if len(w) < 4:
                    sys.exit(f"{path}:{ln}: R line needs source relation target modality")
                neg = len(w) > 4 and w[4] == "negated"
                attrs = dict(x.split("=", 1) for x in w[5 if neg else 4:] if "=" in x)
                if w[3] not in modalities:
                    sys.exit(f"{path}:{ln}: unknown modality '{w[3]}'")
                cur["R"] = (cur["R"] or []) + [((w[0], w[1], w[2], w[3], neg), attrs)]
            elif line.strip():
                cur["text"].append(line)
    return cases


def run_on(args, text):
    """newsgraph's JSON output on `text` as an article file."""
    code, out, err = harness.run(args + [harness.write("case.txt", text.encode())], timeout=60)
    if code:
        raise RuntimeError(err)
    return json.loads(out)


def problems_of(case, symmetric):
    text = "\n".join(case["text"]) + "\n"
    problems = []
    if case["E"] is not None:
        got = run_on(["entities", "-f", "json"] + case["date"], text)["mentions"]
        have = {(m["text"], m["type"], m["node"], m["kind"]) for m in got}
        want = set(case["E"])
        for x in sorted(want - have):
            problems.append("missing entity " + " | ".join(x))
        for x in sorted(have - want):
            problems.append("unexpected entity " + " | ".join(x))
    if case["E"] is None and case["R"] is None:
        return ["the case checks nothing: give E or R lines"]
    if case["R"] is None:
        return problems
    g = run_on(["extract", "-f", "json"] + case["date"], text)
    have = {}
    for e in g["edges"]:
        have[(e["source"], e["type"], e["target"], e["modality"], e["negated"])] = dict(e["attrs"], date=e["date"] or "none")
    want = {}
    for key, attrs in case["R"]:
        s, rel, t, mod, neg = key
        if rel in symmetric and s > t:
            s, t = t, s
        want[(s, rel, t, mod, neg)] = attrs
    for k in sorted(set(want) - set(have)):
        problems.append("missing relation " + " ".join(map(str, k)))
    for k in sorted(set(have) - set(want)):
        problems.append("unexpected relation " + " ".join(map(str, k)))
    for k in sorted(set(want) & set(have)):
        for a, v in want[k].items():
            if have[k].get(a) != v:
                problems.append(f"relation {' '.join(map(str, k))}: {a}={have[k].get(a)!r}, expected {v!r}")
    return problems


def main():
    files, opts = harness.start(__doc__, 1)
    vocab = vocabulary()
    symmetric = {r["name"] for r in vocab["relations"] if r["symmetric"]}
    with harness.tempdir("ngspec"):
        for path in files:
            for case in parse(path, vocab["modalities"]):
                try:
                    problems = problems_of(case, symmetric)
                except RuntimeError as e:
                    problems = ["newsgraph failed: " + str(e).strip()]
                if harness.check(f"{case['file']}:{case['line']}: {case['name']}", not problems,
                                 "".join("\n    " + p for p in problems)) and "--verbose" in opts:
                    print(f"ok   {case['name']}")
    return harness.summary("spec", need_some=True)


if __name__ == "__main__":
    sys.exit(main())
