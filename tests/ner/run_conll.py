#!/usr/bin/env python3
"""entities -f conll: labels pre-tokenised CoNLL text of our own (sports,
company, court news) with PER/LOC/ORG/MISC in IOB2; the output must equal
tests/ner/conll/expected.conll byte for byte, keep every input line, and
be the same whether read from a file or standard input.

usage: run_conll.py NEWSGRAPH [--update]
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, check_equal, check_golden, expect_error, output  # noqa: E402
import harness  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conll")


def main():
    _, opts = harness.start(__doc__, 0, 0)
    inp = os.path.join(HERE, "input.conll")
    out = output(["entities", "-f", "conll", inp])
    check_golden("conll golden", out, os.path.join(HERE, "expected.conll"), "--update" in opts)
    src = open(inp, "rb").read().splitlines()
    got = out.splitlines()
    check_equal("conll line count", len(got), len(src))
    check("conll lines kept", all(g == s or g.startswith(s + b" ") for g, s in zip(got, src)))
    check_equal("conll stdin", output(["entities", "-f", "conll", "-"], stdin=open(inp, "rb").read()), out)
    # CRLF line ends label the same tokens
    crlf = output(["entities", "-f", "conll", "-"], stdin=open(inp, "rb").read().replace(b"\n", b"\r\n"))
    check_equal("conll crlf", crlf.replace(b"\r", b""), out)
    with harness.tempdir("ngconll"):
        bad = harness.write("bad.conll", b"Caf\xe9 NNP\n\n")
        expect_error("conll bad utf-8", ["entities", "-f", "conll", bad], prefix=f"newsgraph: {bad}:")
    expect_error("conll missing file", ["entities", "-f", "conll", "/nonexistent/x.conll"],
                 prefix="newsgraph: /nonexistent/x.conll:")
    return harness.summary("ner_conll", need_some=True)


if __name__ == "__main__":
    sys.exit(main())
