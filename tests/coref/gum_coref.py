#!/usr/bin/env python3
"""Scores newsgraph's coreference against GUM's (CorefUD-style Entity= in MISC).

usage: gum_coref.py NEWSGRAPH GUM_DIR [SPLIT...] [--floor=F1,P] [--verbose]

SPLIT is train, dev or test (default: all three; each is reported apart,
and train+dev together as the tuning figure). For each document its text
is rebuilt from the tokens (a space unless SpaceAfter=No, a blank line
between paragraphs), `newsgraph entities -f json` runs on it with the
document's date, and the mentions of the scored entities are compared:

- scored entities: typed person, place or organization, with a Wikipedia
  identity, and at least two mentions;
- a predicted mention (one that has a node) matches the innermost gold
  mention that ends where it ends and contains it. GUM puts a possessive
  's inside the mention ("Afghanistan 's"); newsgraph's mention stops
  before it, so a gold mention ends before a final possessive word;
- mention recall: the share of scored gold mentions that some predicted
  mention matches;
- B-cubed over the scored gold mentions: a matched mention's response
  cluster is the matched mentions that share its node; recall averages
  over every scored mention (an unmatched one counts 0), precision over
  the matched ones.

With --floor=F1,P the exit status is 1 when the last split's B-cubed F1 or
precision is below the floor (the ctest test runs it on test).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SCORED_TYPES = {"person", "place", "organization"}
OPEN = re.compile(r"\((\d+)-([^()]*)")
CLOSE = re.compile(r"(\d+)\)")


def entity_events(misc):
    """The Entity= value of a MISC column as a list of ('open', id, fields)
    and ('close', id) in written order; a '(3-...)' mention gives both."""
    val = None
    for part in misc.split("|"):
        if part.startswith("Entity="):
            val = part[len("Entity="):]
    events, i = [], 0
    while val and i < len(val):
        m = OPEN.match(val, i)
        if m:
            events.append(("open", m.group(1), m.group(2).split("-")))
            i = m.end()
            if val.startswith(")", i):  # a one-word mention
                events.append(("close", m.group(1)))
                i += 1
            continue
        m = CLOSE.match(val, i)
        if not m:
            raise ValueError(f"bad Entity value: {val!r}")
        events.append(("close", m.group(1)))
        i = m.end()
    return events


def read_doc(path):
    """One GUM document: (id, date, text bytes, words, mentions). A word is
    (start, end, form, xpos) in bytes of the text; a mention is
    (entity id, first word, last word); entities maps an id to
    (type, identity)."""
    doc = {"id": os.path.basename(path).rsplit(".", 1)[0], "date": None}
    text, words, mentions, entities, stack = bytearray(), [], [], {}, {}
    mwt_end, mwt_pos, mwt, first_par = 0, 0, (0, 0), True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# meta::dateCreated = "):
                doc["date"] = line.split("=", 1)[1].strip()
            elif line.startswith("# newpar") and not line.startswith("# newpar_"):
                if not first_par:
                    text[:] = text.rstrip(b" ") + b"\n\n"
                first_par = False
            elif not line or line.startswith("#"):
                mwt_end = 0  # word numbers start again in each sentence
                continue
            else:
                col = line.split("\t")
                if "." in col[0]:
                    continue
                misc = col[9]
                if "-" in col[0]:
                    mwt_end = int(col[0].split("-")[1])
                    mwt = (len(text), len(text) + len(col[1].encode()))
                    mwt_pos = mwt[0]
                    text += col[1].encode()
                    if "SpaceAfter=No" not in misc:
                        text += b" "
                    continue
                n = int(col[0])
                form = col[1].encode()
                if n <= mwt_end:  # a word of a multiword token: its share of the surface
                    if text.startswith(form, mwt_pos) and mwt_pos + len(form) <= mwt[1]:
                        s, e = mwt_pos, mwt_pos + len(form)
                    else:
                        s, e = mwt_pos, mwt[1]
                    if n == mwt_end:
                        e = mwt[1]
                    mwt_pos = e
                else:
                    s = len(text)
                    text += form
                    e = len(text)
                    if "SpaceAfter=No" not in misc:
                        text += b" "
                widx = len(words)
                words.append((s, e, col[1], col[4]))
                for ev in entity_events(misc):
                    if ev[0] == "open":
                        fields = ev[2]
                        ident = fields[6] if len(fields) > 6 else None
                        etype = fields[0] if fields else None
                        old = entities.get(ev[1], (etype, None))
                        entities[ev[1]] = (old[0] or etype, old[1] or ident)
                        stack.setdefault(ev[1], []).append(widx)
                    else:
                        first = stack[ev[1]].pop()
                        mentions.append((ev[1], first, widx))
    doc["text"] = bytes(text).rstrip(b" ") + b"\n"
    doc["words"], doc["mentions"], doc["entities"] = words, mentions, entities
    return doc


def gold_spans(doc):
    """The scored gold mentions: a list of (start, end, entity id), ends
    leaving out a final possessive word."""
    count = {}
    for eid, _, _ in doc["mentions"]:
        count[eid] = count.get(eid, 0) + 1
    out = []
    for eid, a, b in doc["mentions"]:
        etype, ident = doc["entities"][eid]
        if etype not in SCORED_TYPES or not ident or count[eid] < 2:
            continue
        out.append((doc["words"][a][0], mention_end(doc["words"], a, b), eid))
    return out


def mention_end(words, a, b):
    if b > a and words[b][3] == "POS":
        b -= 1
    return words[b][1]


def all_gold_spans(doc):
    """Every gold mention as (start, end, entity id), for the innermost match."""
    return [(doc["words"][a][0], mention_end(doc["words"], a, b), eid)
            for eid, a, b in doc["mentions"]]


def match(pred, gold):
    """Maps each predicted (start, end, node) to the innermost gold
    (start, end, id) that ends where it ends and contains it. Returns
    {gold index: node}; the first predicted mention to claim a gold
    mention keeps it."""
    by_end = {}
    for i, (s, e, _) in enumerate(gold):
        by_end.setdefault(e, []).append(i)
    got = {}
    for ps, pe, node in pred:
        best = None
        for i in by_end.get(pe, []):
            if gold[i][0] <= ps and (best is None or gold[i][0] > gold[best][0]
                                     or (gold[i][0] == gold[best][0] and i < best)):
                best = i
        if best is not None and best not in got:
            got[best] = node
    return got


def bcubed(key, response):
    """key: {mention: gold cluster}; response: {mention: predicted cluster}
    for the matched mentions only. Returns (sum of precision, number of
    response mentions, sum of recall, number of key mentions)."""
    kmembers, rmembers = {}, {}
    for m, c in key.items():
        kmembers.setdefault(c, set()).add(m)
    for m, c in response.items():
        rmembers.setdefault(c, set()).add(m)
    psum = rsum = 0.0
    for m, c in response.items():
        inter = len(kmembers[key[m]] & rmembers[c])
        psum += inter / len(rmembers[c])
        rsum += inter / len(kmembers[key[m]])
    return psum, len(response), rsum, len(key)


class Totals:
    def __init__(self):
        self.p = self.np = self.r = self.nr = 0.0
        self.matched = 0

    def add(self, psum, np_, rsum, nr):
        self.p += psum
        self.np += np_
        self.r += rsum
        self.nr += nr
        self.matched += np_

    def figures(self):
        p = self.p / self.np if self.np else 0.0
        r = self.r / self.nr if self.nr else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        mr = self.matched / self.nr if self.nr else 0.0
        return mr, p, r, f


def score_doc(newsgraph, doc, verbose=False):
    """Runs newsgraph on one document; returns bcubed() figures."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as tf:
        tf.write(doc["text"])
        tf.flush()
        args = [newsgraph, "entities", "-f", "json", "--id", doc["id"]]
        if doc["date"]:
            args += ["--date", doc["date"]]
        out = subprocess.run(args + [tf.name], capture_output=True, check=True, timeout=120)
    pred = [(m["start"], m["end"], m["node"]) for m in json.loads(out.stdout)["mentions"] if m.get("node")]
    gold_all = all_gold_spans(doc)
    scored = gold_spans(doc)
    scored_set = {(s, e, g): True for s, e, g in scored}
    got = match(pred, gold_all)
    key, response = {}, {}
    for i, g in enumerate(gold_all):
        if g in scored_set:
            key[i] = g[2]
            if i in got:
                response[i] = got[i]
    if verbose:
        for i in sorted(key, key=lambda i: gold_all[i][:2]):
            s, e, eid = gold_all[i]
            print(f"{doc['id']}\t{eid}\t{doc['text'][s:e].decode()}\t{response.get(i, '-')}")
    return bcubed(key, response)


def split_files(gum, split):
    with open(os.path.join(gum, f"files.{split}"), encoding="utf-8") as f:
        return [os.path.join(gum, "sources", ln.strip()) for ln in f if ln.strip()]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = [a for a in argv if a.startswith("--")]
    if len(args) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    newsgraph, gum, splits = args[0], args[1], args[2:] or ["train", "dev", "test"]
    floor = None
    for o in opts:
        if o.startswith("--floor="):
            floor = [float(x) for x in o.split("=", 1)[1].split(",")]
    verbose = "--verbose" in opts
    tune, last = Totals(), None
    for split in splits:
        t = Totals()
        for path in split_files(gum, split):
            t.add(*score_doc(newsgraph, read_doc(path), verbose))
        if split in ("train", "dev"):
            for name in ("p", "np", "r", "nr", "matched"):
                setattr(tune, name, getattr(tune, name) + getattr(t, name))
        report(split, t)
        last = t
    if "train" in splits and "dev" in splits:
        report("train+dev", tune)
    if floor:
        _, p, _, f = last.figures()
        if f < floor[0] or p < floor[1]:
            print(f"FAIL below the floor: F1 {f:.3f} (floor {floor[0]}), P {p:.3f} (floor {floor[1]})")
            return 1
        print(f"at or above the floor F1 {floor[0]}, P {floor[1]}")
    return 0


def report(name, t):
    mr, p, r, f = t.figures()
    print(f"{name}: mentions {int(t.nr)}, mention recall {mr:.3f}, B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
