#!/usr/bin/env python3
"""Reruns the derivation of the trigger lexicon from CAMEO and compares it
with the committed src/rules/triggers.rules, byte for byte.

usage: check_triggers.py SOURCE_DIR CAMEO.2.0.txt
"""
import subprocess
import sys

src, cameo = sys.argv[1:3]
got = subprocess.run([sys.executable, f"{src}/src/rules/derive_triggers.py", cameo],
                     capture_output=True, check=True).stdout
with open(f"{src}/src/rules/triggers.rules", "rb") as f:
    want = f.read()
if got != want:
    a, b = got.decode().splitlines(), want.decode().splitlines()
    diff = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    print(f"FAIL src/rules/triggers.rules differs from the derivation at line {diff + 1}:")
    print(f"  derived:   {a[diff] if diff < len(a) else '(end)'}")
    print(f"  committed: {b[diff] if diff < len(b) else '(end)'}")
    sys.exit(1)
n = sum(1 for line in got.decode().splitlines() if line.startswith("words "))
print(f"ok triggers.rules: {n} lexicon lines, as derived")
