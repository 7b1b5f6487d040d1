#!/usr/bin/env python3
"""Scores `newsgraph parse --conllu-in GOLD` against GOLD: UPOS accuracy,
UAS and LAS over all words, punctuation included (the CoNLL 2018
definitions; tokenisation is gold, so words align one to one).

usage: score_conllu.py NEWSGRAPH LABEL MIN_UPOS MIN_UAS MIN_LAS GOLD.conllu...
Prints the figures; exits 1 when one is below its floor."""
import subprocess
import sys


def words(text):
    """(upos, head, deprel) of every basic word line, in order."""
    out = []
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) == 10 and f[0].isdigit():
            out.append((f[3], f[6], f[7]))
    return out


def main(argv):
    if len(argv) < 7:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ng, label, floors, golds = argv[1], argv[2], [float(x) for x in argv[3:6]], argv[6:]
    gold, pred = [], []
    for g in golds:
        with open(g, encoding="utf-8") as f:
            gold += words(f.read())
        r = subprocess.run([ng, "parse", "--conllu-in", g], capture_output=True, timeout=600)
        if r.returncode:
            print(f"{label}: newsgraph parse failed: {r.stderr.decode(errors='replace')}")
            return 1
        pred += words(r.stdout.decode())
    if len(gold) != len(pred) or not gold:
        print(f"{label}: {len(pred)} words parsed, {len(gold)} in the gold file")
        return 1
    n = len(gold)
    upos = sum(g[0] == p[0] for g, p in zip(gold, pred)) / n
    uas = sum(g[1] == p[1] for g, p in zip(gold, pred)) / n
    las = sum(g[1] == p[1] and g[2] == p[2] for g, p in zip(gold, pred)) / n
    ok = upos >= floors[0] and uas >= floors[1] and las >= floors[2]
    print(f"{label}: {n} words, predicted tags: UPOS {upos:.3f} UAS {uas:.3f} LAS {las:.3f} "
          f"(floors {floors[0]} {floors[1]} {floors[2]}) {'ok' if ok else 'BELOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
