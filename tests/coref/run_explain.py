#!/usr/bin/env python3
"""Coreference through the CLI: explain names the pass and the antecedent
of every mention that names nothing by itself, and a headline without final
punctuation keeps its agreement.

usage: run_explain.py NEWSGRAPH
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import harness  # noqa: E402

CASES = [
    ("company, it, its, he",
     "Codelco signed a deal with Tesla. The company said it would supply lithium to Tesla. "
     "Its chief, Maximo Pacheco, said he was pleased.\n",
     ["  #3 company -> company:codelco (body-nominal, through #0)",
      "  #4 it -> company:codelco (it, through #3)",
      "  #6 Its -> company:codelco (it, through #3)",
      "  #8 he -> person:maximo-pacheco (pronoun, through #7)"]),
    ("split antecedents",
     "Modi and Macron met in Paris on Monday. They signed a defence pact.\n",
     ["  #3 They -> person:narendra-modi, person:emmanuel-macron (split, through #0)"]),
    ("role nominal and head match",
     "Russian President Vladimir Putin arrived in Beijing. The Russian president met Xi Jinping. "
     "Columbia University said the university would grow.\n",
     ["  #4 president -> person:vladimir-putin (role-nominal, through #1)",
      "  #7 university -> organization:columbia-university (head-match, through #6)"]),
    ("he (Putin) and safe cataphora",
     "After his reelection, he (Putin) went to China.\n",
     ["  #0 his -> person:vladimir-putin (cataphora, through #1)",
      "  #1 he -> person:vladimir-putin (parenthesis, through #2)"]),
    ("no link: he with no person before",
     "He said the plan would never work.\n", []),
]


def main():
    harness.start(__doc__, 0, 0)
    with harness.tempdir("ng-coref-"):
        for name, text, want in CASES:
            out = harness.output(["explain", harness.write("a.txt", text.encode())], text=True)
            got = [ln for ln in out.splitlines() if ln.startswith("  #")]
            harness.check_equal(f"explain: {name}", got, want)
        g = json.loads(harness.output(["extract", "-f", "json", harness.write(
            "h.txt", b"Chile signs $2 billion copper contract\n\nThe deal was welcomed in Santiago.\n")]))
        edges = sorted((e["source"], e["type"], e["target"]) for e in g["edges"])
        harness.check_equal("headline without final punctuation keeps its agreement", edges,
                            [("state:chl", "signs", "agreement:copper-contract-chl-h-txt")])
    sys.exit(harness.summary("coref_explain"))


if __name__ == "__main__":
    main()
