#!/usr/bin/env python3
"""Derives src/rules/triggers.rules, newsgraph's trigger lexicon, from the
CAMEO verb dictionary of the PETRARCH 2 event coder (CAMEO.2.0.txt, MIT
licence, Open Event Data Alliance).

    python3 src/rules/derive_triggers.py CAMEO.2.0.txt > src/rules/triggers.rules

Each verb of the dictionary gets a CAMEO code: its own ([code] after it),
else its block's, else, for a verb whose block has no code ([---]), the code
most of its own patterns give it when that is at least three patterns
(SIGN: 13 of its patterns say 057). The code picks a trigger class below;
each class is what one relation's path rules read (`{@class}` in a path,
`@class` in triggers). The dictionary's blocks mix senses ("beat" is a
fight and a football result, "warn" a threat and a forecast), so the verbs
news uses in another sense are left out by name (SKIP), and a few triggers
the dictionary files under a code newsgraph reads otherwise, or lacks,
are added by name (ADD). Both lists are printed into the output, so the
derivation can be checked and redone. The output is deterministic.
"""
import re
import sys
from collections import Counter, defaultdict

# CAMEO code prefixes -> class. Longest prefix wins; a class's relation is
# set by the rules that use it.
CLASSES = [
    ("042", "visit"),      # make a visit
    ("043", "host"),       # host a visit: the guest visits the host
    ("044", "meet"),       # meet at a third location
    ("046", "meet"),       # engage in negotiation
    ("057", "sign"),       # sign a formal agreement
    ("062", "supply"),     # military cooperation: arm, equip
    ("07", "supply"),      # provide aid (071 economic, 072 military, 073 humanitarian)
    ("111", "criticize"),  # criticize or denounce
    ("112", "criticize"),  # accuse
    ("13", "threaten"),    # threaten
    ("163", "sanction"),   # impose embargo, boycott or sanctions
    ("18", "attack"),      # assault
    ("19", "attack"),      # fight
    ("20", "attack"),      # unconventional mass violence
]

# 060 and 061 (material and economic cooperation) are wide; only these
# blocks of them read as one relation: a grant supplies, a buyer or
# importer receives, a financer invests.
BLOCK_CLASS = {"GRANT": "supply", "PURCHASE": "buy", "IMPORT": "buy", "FINANCE": "invest"}

# Verbs of a class's codes that news uses mostly in another sense.
SKIP = {
    "attack": "BEAT BEST BLOW BREAK BUST CIRCLE CLEAR CRACK DIE DOMINATE ENGAGE FIRE HANG HIT "
              "MASTER MATCH OVERCOME OVERSHADOW OVERTAKE PIT RING SCORE SMASH SURMOUNT SURROUND "
              "TEAR RIP MAR SPOIL CORRUPT CONTAMINATE DAMAGE HARM HURT IMPAIR TARNISH VITIATE "
              "CRUSH RUIN SHATTER STORM HAMMER STRUGGLE CONFLICT QUARREL STONE KICK WRESTLE "
              "SLAP CANE LASH WHIP ABUSE MISTREAT BRUISE OVERTHROW INHABIT RESIDE INFEST DUEL "
              "GRAPPLE CLOBBER PUMMEL FLATTEN TORCH PELT EXPLODE DESOLATE RAVISH OVERWHELM "
              "OVERPOWER DEFEAT ADVANCE CONTINUE ENTER SET RAM THUMP POUND TARGET BLAST DISARM "
              "CLEANSE FLOG DISHONOR DISHONOUR REAVE BATTLE FIGHT",
    "supply": "ACCORD ADD ADMINISTER ALLOCATE ALLOT APPORTION ASSIGN AWARD BEQUEATH BESTOW "
              "ENDOW ENTRUST GIVE ISSUE TASK RENDER STOCK TENDER ATTIRE GEAR OUTFIT FURNISH "
              "EVACUATE HELP CONTRIBUTE DONATE INTERFERE INTERVENE STABILISE STABILIZE AIRLIFT "
              "RESCUE DEFEND GUARD PROTECT SAFEGUARD SHIELD TEND WARD SHELTER BENEFIT SERVE "
              "AID ASSIST EXTEND FLY RUSH SEND ARM EQUIP GRANT LEND LOAN",
    "threaten": "ENDANGER RISK CAUTION VOW",
    "criticize": "DEFER DELAY FORESTALL HAMPER HINDER IMPEDE INHIBIT OBSTRUCT POSTPONE PREVENT "
                 "PROCRASTINATE REMIT RETARD SHELVE STALL STYMIE TABLE OVERRIDE OVERRULE "
                 "CHARGE FAULT IMPLICATE BRAND LECTURE FLOG SAVAGE CRUCIFY LAUNCH REACT VOICE",
    "meet": "BARGAIN HAGGLE OPEN RESUME",
    "visit": "CONCLUDE CONVENE START",
    "invest": "PAY",
}

# Triggers the dictionary lacks or files elsewhere (class, lemma, code, and
# the forms when the dictionary has none and they are not regular).
ADD = [
    ("meet", "meet", "040"), ("meet", "talk", "040"), ("meet", "confer", "040", "conferred conferring confers"),
    ("meet", "negotiate", "046"), ("meet", "consult", "040"),
    ("sanction", "sanction", "163"), ("sanction", "blacklist", "163"),
    ("sanction", "embargo", "163"),
    ("supply", "sell", "062"), ("supply", "export", "061"), ("supply", "ship", "061"),
    ("supply", "deliver", "061"), ("supply", "supply", "060"), ("supply", "provide", "060"),
    ("support", "support", "050"), ("support", "back", "050"), ("support", "endorse", "051"),
    ("sign", "ink", "057"), ("sign", "conclude", "057"), ("sign", "ratify", "057"),
    ("sign", "seal", "057"),
    ("criticize", "slam", "111"), ("criticize", "blast", "111"),
    ("attack", "invade", "192"), ("attack", "shell", "190"),
]

VOWELS = "aeiou"


def regular_forms(v):
    """-s, -ed, -ing of a regular English verb."""
    if re.search(r"(s|x|z|ch|sh)$", v):
        s = v + "es"
    elif re.search(r"[^aeiou]y$", v):
        s = v[:-1] + "ies"
    else:
        s = v + "s"
    if v.endswith("e"):
        ed, ing = v + "d", v[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", v):
        ed, ing = v[:-1] + "ied", v + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", v):
        # one syllable ending consonant-vowel-consonant: ban, banned
        ed, ing = v + v[-1] + "ed", v + v[-1] + "ing"
    else:
        ed, ing = v + "ed", v + "ing"
    return [s, ed, ing]


def class_of(code, block):
    if code.startswith("060") or code.startswith("061"):
        return BLOCK_CLASS.get(block)
    best = None
    for prefix, cls in CLASSES:
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, cls)
    return best[1] if best else None


def read(path):
    block = bcode = None
    verbs = []  # (VERB, code, block, irregular forms)
    votes = defaultdict(Counter)
    for line in open(path, encoding="latin-1"):
        text = line.split("#")[0].rstrip()
        if not text.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[(\S+)\]\s+---", text)
        if m:
            block, bcode = m.group(1), m.group(2).split(":")[0]
            continue
        if block is None or text.startswith("&"):
            continue
        if text.startswith("-"):
            m = re.search(r"\[([^\]]+)\]\s*#\s*([A-Z_+']+)", line)
            if m:
                votes[m.group(2).lstrip("+")][m.group(1).split(":")[0]] += 1
            continue
        m = re.match(r"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]+)\])?", text)
        if not m or "_" in m.group(1) or m.group(1).startswith("+"):
            continue  # phrasal verbs: the parse reads their particle
        own = m.group(4).split(":")[0] if m.group(4) else None
        forms = m.group(2)[1:-1].split() if m.group(2) else []
        verbs.append((m.group(1), own or bcode, block, forms))
    return verbs, votes


def main():
    verbs, votes = read(sys.argv[1])
    skip = {c: set(v.split()) for c, v in SKIP.items()}
    entries = {}  # (class, lemma) -> (code, forms)
    known_forms = {}
    for verb, _, _, forms in verbs:
        if forms:
            known_forms.setdefault(verb.lower(), set()).update(f.lower() for f in forms if re.fullmatch(r"[A-Z]+", f))
    for verb, code, block, irregular in verbs:
        if code == "---":
            top = sorted(votes[verb].items(), key=lambda kv: (-kv[1], kv[0]))
            if not top or top[0][1] < 3 or top[0][0] == "---":
                continue
            code = top[0][0]
        cls = class_of(code, block)
        if not cls or verb in skip.get(cls, ()):
            continue
        lemma = verb.lower()
        forms = set(f.lower() for f in irregular if re.fullmatch(r"[A-Z]+", f))
        if not forms:
            forms = set(regular_forms(lemma))
        key = (cls, lemma)
        if key in entries:
            forms |= entries[key][1]
            code = min(code, entries[key][0])
        entries[key] = (code, forms)
    for cls, lemma, code, *given in ADD:
        prev = entries.get((cls, lemma))
        forms = set(given[0].split()) if given else known_forms.get(lemma) or set(regular_forms(lemma))
        forms |= prev[1] if prev else set()
        entries[(cls, lemma)] = (prev[0] if prev else code, forms)
    out = sys.stdout
    out.write(HEADER)
    for cls in sorted(SKIP):
        out.write("#   left out of %s: %s\n" % (cls, " ".join(sorted(w.lower() for w in skip[cls]))))
    out.write("#   added by name: %s\n#\n" % " ".join("%s:%s" % (a[0], a[1]) for a in ADD))
    for cls, lemma in sorted(entries):
        code, forms = entries[(cls, lemma)]
        forms.discard(lemma)
        out.write("words %s %s %s %s\n" % (cls, code, lemma, " ".join(sorted(forms))))


HEADER = """\
# Trigger lexicon: verbs by class, with their CAMEO code and inflected
# forms. Derived from the CAMEO verb dictionary of PETRARCH 2
# (https://github.com/openeventdata/petrarch2, data/dictionaries/CAMEO.2.0.txt,
# commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by
#
#   python3 src/rules/derive_triggers.py CAMEO.2.0.txt > src/rules/triggers.rules
#
# Do not edit by hand: change the script and rerun it (tests/rules checks
# that the file is what the script gives).
#
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a
# copy of this software and associated documentation files (the
# "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit
# persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission
# notice shall be included in all copies or substantial portions of the
# Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
# EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
# NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
# USE OR OTHER DEALINGS IN THE SOFTWARE.
#
#   words CLASS CAMEO LEMMA FORM...
#
# A path rule reads a class as {@CLASS} (its lemmas) and its triggers as
# @CLASS (every form); see README.md, "Writing rules".
"""

if __name__ == "__main__":
    main()
