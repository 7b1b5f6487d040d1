#!/usr/bin/env python3
"""Held-out articles: extraction scored against gold graphs that were
written for these articles alone, after the rules, and never used to write
them (see README.md in this folder).

usage: run_heldout.py NEWSGRAPH DIR [--only=BATCH|GLOB,...] [--floor=NODES_F1,EDGES_P,EDGES_R] [--verbose]

For each DIR/NAME.txt with a DIR/NAME.gold.json, runs `extract -f json
--date DATE` and `eval --verbose`, sums eval's counts over every article (micro averages:
precision over the predicted items, recall over the required gold items),
and
prints one line per article, the totals of each batch (BATCHES below, in the
order the README tells) and the totals of all. --only keeps the articles of
the batches named, or whose NAME matches a glob (comma-separated, any mix);
the totals and floors are then those of the articles kept. With --floor,
each total must reach its floor. --verbose also prints eval's misses and
false items.
"""
import fnmatch
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

# The batches the articles were written in (README.md): each is scored
# alone too, since a batch stops being held out once its misses are fixed.
BATCHES = {
    "first": ["airbus-order", "battery-plant", "chipmaker-ceo", "eu-sanctions", "lithium-coref", "lng-deal",
              "modi-paris", "nato-summit", "steel-tariffs", "sudan-drone"],
    "second": ["airline-strike", "gaza-aid", "india-russia-oil", "japan-philippines", "mining-congo",
               "pharma-merger"],
    "third": ["brics-rio", "hsbc-ceo", "indonesia-bauxite", "israel-ministers", "japan-yen", "kazakhstan-xi",
              "mars-kellanova", "niger-uranium", "taiwan-arms", "thai-cambodia"],
    "fourth": ["braga-stake", "carney-europe", "czech-coalition", "esa-launch", "maersk-port", "opec-cut",
               "oxford-tokyo", "pakistan-strike", "skt-fine", "somalia-mediation"],
    "fifth": ["alaska-hawaiian", "algeria-expulsions", "argentina-swap", "geely-renault-brazil", "iran-oil-network",
              "mercosur-efta", "rosatom-uzbekistan", "swiss-ammunition", "wong-jakarta", "zambia-debt"],
}

LINE = re.compile(r"^(node|edge) \S+\s+tp=(\d+) fp=(\d+) fn=(\d+) ")
TOTALS = re.compile(r"^nodes P=([\d.]+) R=([\d.]+) F1=[\d.]+  edges P=([\d.]+) R=([\d.]+) F1=[\d.]+$")


def counts(gold, out):
    """For nodes and for edges: [predicted items that match, false ones,
    required gold items found, required gold items]. eval's per-type lines
    give the first two (tp, fp) and the misses (fn)."""
    got = {}
    for kind, items in (("node", gold["nodes"]), ("edge", gold["edges"])):
        tp = fp = fn = 0
        for line in out.splitlines():
            m = LINE.match(line)
            if m and m.group(1) == kind:
                tp, fp, fn = tp + int(m.group(2)), fp + int(m.group(3)), fn + int(m.group(4))
        required = sum(1 for x in items if x.get("level") == "required")
        got[kind] = [tp, fp, required - fn, required]
    return got


def prf(c):
    p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def selected(name, only):
    """Whether --only (a list of batch names and globs; empty: all) keeps
    the article."""
    return not only or any(name in BATCHES.get(x, ()) or fnmatch.fnmatchcase(name, x) for x in only)


def report(label, total):
    """Prints one totals line; returns the nodes' and edges' (P, R, F1)."""
    n, e = prf(total["node"]), prf(total["edge"])
    print(f"{label}: nodes P={n[0]:.3f} R={n[1]:.3f} F1={n[2]:.3f}  "
          f"edges P={e[0]:.3f} R={e[1]:.3f} F1={e[2]:.3f}")
    return n, e


def main():
    args, opts = harness.start(__doc__, 1, 1)
    folder = os.path.abspath(args[0])
    floors = [o.split("=", 1)[1] for o in opts if o.startswith("--floor=")]
    verbose = "--verbose" in opts
    only = [x for o in opts if o.startswith("--only=") for x in o.split("=", 1)[1].split(",") if x]
    names = sorted(f[:-4] for f in os.listdir(folder)
                   if f.endswith(".txt") and os.path.exists(os.path.join(folder, f[:-4] + ".gold.json"))
                   and selected(f[:-4], only))
    # a folder holds all batches; a selection may be one short batch
    harness.check("articles found", len(names) >= (1 if only else 10), f"{len(names)} in {folder}")
    total = {"node": [0, 0, 0, 0], "edge": [0, 0, 0, 0]}
    batch = {b: {"node": [0, 0, 0, 0], "edge": [0, 0, 0, 0]} for b in BATCHES}
    with harness.tempdir("ng-heldout-"):
        for name in names:
            # else its batch line would go missing without a word
            harness.check(f"{name}: in a batch", any(name in m for m in BATCHES.values()), "add it to BATCHES")
            gold = os.path.join(folder, name + ".gold.json")
            with open(gold, encoding="utf-8") as f:
                date = json.load(f)["date"]
            pred = harness.path(name + ".json")
            code, _, err = harness.run(["extract", "-f", "json", "--date", date, "-o", pred,
                                        os.path.join(folder, name + ".txt")])
            if not harness.check(f"{name}: extract", code == 0, err):
                continue
            code, out, err = harness.run(["eval", "--verbose", gold, pred], text=True)
            if not harness.check(f"{name}: eval", code == 0, err):
                continue
            with open(gold, encoding="utf-8") as f:
                own = counts(json.load(f), out)
            if verbose:
                for line in out.splitlines():
                    if line.startswith(("missed_", "false_")):
                        print(f"  {name}: {line}")
            # the counts must give eval's own figures
            m = TOTALS.match(out.splitlines()[-1] if out else "")
            n, e = prf(own["node"]), prf(own["edge"])
            harness.check(f"{name}: counts agree with eval", m and all(
                abs(float(m.group(i + 1)) - x) < 0.0006 for i, x in enumerate((n[0], n[1], e[0], e[1]))), out[-200:])
            sums = [total] + [batch[b] for b in BATCHES if name in BATCHES[b]]
            for kind in own:
                for i in range(4):
                    for t in sums:
                        t[kind][i] += own[kind][i]
            print(f"{name}: nodes F1={n[2]:.3f}  edges P={e[0]:.3f} R={e[1]:.3f}")
    for b, members in BATCHES.items():
        count = sum(1 for x in names if x in members)
        if count:
            report(f"batch {b}, {count} of {len(members)} articles", batch[b])
    n, e = report(f"ALL {len(names)} articles", total)
    for floor in floors:
        want = [float(x) for x in floor.split(",")]
        for label, got, least in zip(("nodes F1", "edges P", "edges R"), (n[2], e[0], e[1]), want):
            harness.check(f"{label} {got:.3f} >= {least}", got >= least)
    return harness.summary("heldout", need_some=True)


if __name__ == "__main__":
    sys.exit(main())
