#!/usr/bin/env python3
"""The GUM coreference scorer's own tests: reading Entity= brackets, text
rebuilt from tokens (multiword tokens, paragraphs), the matching rule and
the B-cubed arithmetic, on small made-up documents with known figures.

usage: run_scorer_unit.py NEWSGRAPH
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import harness  # noqa: E402
import gum_coref as g  # noqa: E402

DOC = """# newdoc id = GUM_news_made_up
# meta::dateCreated = 2010-05-04
# newpar
# sent_id = x-1
1	Acme	Acme	PROPN	NNP	_	2	nsubj	_	Entity=(1-organization-new-sssss-cf1-1-coref-Acme_Corp)
2	grows	grow	VERB	VBZ	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

# newpar
# sent_id = x-2
1-2	Paris's	_	_	_	_	_	_	_	_
1	Paris	Paris	PROPN	NNP	_	3	nmod:poss	_	Entity=(2-person-new-sssss-cf1-1-coref-Paris_Hilton(3-place-new-sssss-cf1-1-coref-Paris
2	's	's	PART	POS	_	1	case	_	Entity=3)
3	firm	firm	NOUN	NN	_	4	nsubj	_	Entity=2)
4	is	be	AUX	VBZ	_	0	root	_	_
5	it	it	PRON	PRP	_	4	nsubj	_	Entity=(1-organization-giv-sssss-cf1-1-coref)|SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_

"""


def test_events():
    harness.check_equal("events: one-word mention", g.entity_events("Entity=(1-person-new-s-c-1-coref-X)"),
                        [("open", "1", ["person", "new", "s", "c", "1", "coref", "X"]), ("close", "1")])
    harness.check_equal("events: nested open and a close", g.entity_events("XML=<b>|Entity=2)(3-place-new)"),
                        [("close", "2"), ("open", "3", ["place", "new"]), ("close", "3")])
    harness.check_equal("events: none", g.entity_events("SpaceAfter=No"), [])


def test_doc(path):
    doc = g.read_doc(path)
    harness.check_equal("text: spaces, SpaceAfter and paragraphs", doc["text"], b"Acme grows.\n\nParis's firm is it.\n")
    harness.check_equal("date", doc["date"], "2010-05-04")
    harness.check_equal("words of a multiword token", [w[:2] for w in doc["words"][3:5]], [(13, 18), (18, 20)])
    spans = sorted(g.all_gold_spans(doc))
    # Paris's firm (2) ends at firm; Paris 's (3) ends before the possessive.
    harness.check_equal("gold spans", spans, [(0, 4, "1"), (13, 18, "3"), (13, 25, "2"), (29, 31, "1")])
    harness.check_equal("scored: two mentions, typed, with identity", sorted(g.gold_spans(doc)),
                        [(0, 4, "1"), (29, 31, "1")])


def test_match():
    gold = [(0, 20, "a"), (10, 20, "b"), (30, 40, "c")]
    harness.check_equal("innermost that ends there and contains it", g.match([(12, 20, "n")], gold), {1: "n"})
    harness.check_equal("starting before the gold mention: outer one", g.match([(5, 20, "n")], gold), {0: "n"})
    harness.check_equal("another end: no match", g.match([(30, 39, "n")], gold), {})
    harness.check_equal("the first claim keeps it", g.match([(32, 40, "n"), (35, 40, "m")], gold), {2: "n"})


def test_bcubed():
    # Key {a1 a2 a3} {b1 b2}; response: a1 a2 -> X, b1 -> X, a3 and b2 unmatched.
    key = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"}
    resp = {"a1": "X", "a2": "X", "b1": "X"}
    psum, np_, rsum, nr = g.bcubed(key, resp)
    harness.check_equal("B3 precision sum", round(psum, 6), round(2 / 3 + 2 / 3 + 1 / 3, 6))
    harness.check_equal("B3 recall sum", round(rsum, 6), round(2 / 3 + 2 / 3 + 1 / 2, 6))
    harness.check_equal("B3 counts", (np_, nr), (3, 5))
    t = g.Totals()
    t.add(psum, np_, rsum, nr)
    mr, p, r, f = t.figures()
    harness.check_equal("figures", tuple(round(x, 4) for x in (mr, p, r, f)), (0.6, 0.5556, 0.3667, 0.4418))
    harness.check_equal("perfect", g.bcubed({"a": 1, "b": 1}, {"a": "n", "b": "n"}), (2.0, 2, 2.0, 2))


def main():
    harness.start(__doc__, 0, 0)
    with harness.tempdir("ng-coref-"):
        test_events()
        test_doc(harness.write("doc.conllu", DOC.encode()))
        test_match()
        test_bcubed()
    sys.exit(harness.summary("coref_scorer"))


if __name__ == "__main__":
    main()
