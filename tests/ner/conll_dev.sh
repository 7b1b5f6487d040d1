#!/bin/sh
# Scores newsgraph's names on the CoNLL-2003 development set (exact span,
# PER/LOC/ORG), as ../shared/fixtures/conll2003-dev/README.md describes.
# Usage: sh tests/ner/conll_dev.sh BIN [PRED.jsonl]
set -eu
NG=${1:?usage: conll_dev.sh BIN [PRED.jsonl]}
# The predictions go to PRED when given, else to a temporary file: spans
# of a research-use corpus stay out of the checkout.
if [ $# -ge 2 ]; then PRED=$2; else PRED=$(mktemp); trap 'rm -f "$PRED"' EXIT; fi
DOCS=$(dirname "$0")/../../../shared/fixtures/conll2003-dev/documents
TOOLS=$(dirname "$0")/../../../shared/tools
python3 - "$NG" "$DOCS" > "$PRED" <<'PY'
import json, os, subprocess, sys
ng, docs = sys.argv[1:3]
for f in sorted(os.listdir(docs)):
    if not f.startswith("doc-"): continue
    r = subprocess.run([ng, "entities", "-f", "json", os.path.join(docs, f)], capture_output=True, check=True)
    d = json.loads(r.stdout)
    ms = d.get("mentions", d) if isinstance(d, dict) else d
    # CoNLL-2003 names no name inside another
    spans = [[m["start"], m["end"], m["type"]] for m in ms if m.get("kind", "name") == "name" and not m.get("nested")]
    print(json.dumps({"doc": int(f[4:7]), "spans": spans}))
PY
python3 "$TOOLS/conll_ner.py" score "$DOCS" "$PRED"
