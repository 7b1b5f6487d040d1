#!/usr/bin/env python3
"""Derives src/kb/phoenix.txt from the Phoenix actor dictionary.

usage: phoenix.py PHOENIX.Countries.actors.txt KB_DIR > phoenix.txt

Input: Phoenix.Countries.actors.txt of PETRARCH 2 (MIT licence, Open Event
Data Alliance; see README.md) and the knowledge base (KB_DIR: states.txt for
the states by ISO code, cues.txt for the titles, every other file for the
names already known). Output: one person per line, with a works_for= tie
for each dated government (GOV) or military (MIL) office and its from=/to=,
for people the curated files do not hold, whose office lasted four
years or more and ended after 1990 (an office open when the dictionary
was made, 2014-01-30, ends there). A name that two of them share is a
short= name: it matches only in an article dated within one office of
theirs. Surnames alone are left out: a bare "Wilson" is too often someone
else.
Deterministic: the same inputs give the same bytes.
"""
import re
import sys

HEADER = """\
# phoenix.txt: people with dated government and military offices, derived
# by src/kb/phoenix.py from Phoenix.Countries.actors.txt of the PETRARCH 2
# dictionaries (https://github.com/openeventdata/petrarch2, commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf). Do not edit: rerun the script
# (src/kb/README.md says how).
#
# Phoenix.Countries.actors.txt is under the MIT licence of PETRARCH 2,
# whose LICENSE reads:
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

# CountryInfo.140130.txt: an office still open then is known only until then
DICTIONARY_DAY = "2014-01-30"
ROLE = re.compile(r"^\s+\[([A-Z]{3})(GOV|MIL)\s+([<>]?)(\d{6})?(?:-(\d{6}))?\]")


def day(yymmdd):
    """Phoenix writes two-digit years: up to 30 is this century."""
    y, m, d = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:]
    return f"{2000 + y if y <= 30 else 1900 + y}-{m}-{d}"


def words(phrase):
    return [w for w in phrase.strip().strip("_").split("_") if w]


def pretty(ws):
    return " ".join(w.capitalize() if w.isalpha() else w for w in ws)


def known_names(kb):
    """Every name and alias of the curated files, in lower case."""
    names = set()
    for f in ("people.txt", "organizations.txt", "companies.txt", "places.txt", "states.txt", "groups.txt"):
        for line in open(f"{kb}/{f}", encoding="utf-8"):
            if ":" in line.split("|")[0] and not line.startswith("#"):
                names.update(x.strip().lower() for x in line.split("|")[1:] if "=" not in x)
    return names


def titles(kb):
    out = set()
    for line in open(f"{kb}/cues.txt", encoding="utf-8"):
        if line.startswith("title|"):
            out.update(x.strip().lower() for x in line.split("|")[2:])
    return out


def people(path):
    """(primary words, alias word lists, [(iso, from, to)]) per person."""
    cur = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if re.match(r"^[A-Z]", line):
            if cur:
                yield cur
            head = line.split("#")[0].split("[")[0]
            cur = (words(head), [], []) if "CountryInfo" in line else None
        elif cur and line.startswith("+"):
            cur[1].append(words(line[1:].split("#")[0]))
        elif cur:
            m = ROLE.match(line)
            if m and (m.group(4) or m.group(5)):
                iso, _, sign, a, b = m.groups()
                fr = day(a) if a and sign != "<" else None
                to = day(b) if b else (day(a) if sign == "<" else DICTIONARY_DAY)
                cur[2].append((iso, fr, to))
    if cur:
        yield cur


def merged(roles):
    """CountryInfo cuts a long office into months: one tie per state and
    run of periods less than 62 days apart."""
    out = []
    for iso, fr, to in sorted(set(roles), key=lambda r: (r[0], r[1] or "", r[2] or "")):
        last = out[-1] if out and out[-1][0] == iso else None
        if last and (last[2] is None or (fr or "") <= shift(last[2], 62)):
            last[2] = None if last[2] is None or to is None else max(last[2], to)
        else:
            out.append([iso, fr, to])
    return sorted(out, key=lambda r: (r[1] or "", r[0]))


def long_office(r):
    """Kept small so that the knowledge base loads fast: offices of four
    years or more that ended after 1990."""
    iso, fr, to = r
    return to >= "1990" and (fr is None or shift(fr, 1461) <= to)


def shift(d, days):
    import datetime
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=days)).isoformat()


def main():
    src, kb = sys.argv[1], sys.argv[2]
    states = {}
    for line in open(f"{kb}/states.txt", encoding="utf-8"):
        m = re.search(r"\biso3166=([A-Z]{3})\b", line)
        if m and line.startswith("state:"):
            states[m.group(1)] = line.split("|")[0]
    known, title_words = known_names(kb), titles(kb)
    chosen = []
    for prim, aliases, roles in people(src):
        roles = [r for r in roles if r[0] in states and (r[2] or "9999") >= "1980"]
        name = pretty(prim)
        if len(prim) < 2 or not roles or name.lower() in known or not all(w.isalpha() or w in ".-'" for w in prim):
            continue
        forms = {name}
        for a in aliases:
            if len(a) >= 2 and " ".join(a).lower() not in known and not any(
                    " ".join(a[:k]).lower() in title_words for k in range(1, len(a))) and a[-1] == prim[-1]:
                forms.add(pretty(a))
        roles = [r for r in merged(roles) if long_office(r)]
        if roles:
            chosen.append((name, sorted(forms - {name}), roles))
    # a name that two people share, or a known name, is a short name
    count = {}
    for name, forms, _ in chosen:
        for f in {name.lower()} | {x.lower() for x in forms}:
            count[f] = count.get(f, 0) + 1
    ids, out = set(l.split("|")[0] for l in open(f"{kb}/people.txt", encoding="utf-8")), [HEADER]
    for name, forms, roles in sorted(chosen):
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if f"person:{slug}" in ids or count[name.lower()] > 1:
            continue
        ids.add(f"person:{slug}")
        fields = [f"person:{slug}", name]
        fields += [f for f in forms if count[f.lower()] == 1]
        for iso, fr, to in roles:
            fields.append(f"works_for={states[iso]}")
            fields += [f"from={fr}"] if fr else []
            fields += [f"to={to}"] if to else []
        shorts = {f for f in forms if count[f.lower()] > 1}
        fields += [f"short={s}" for s in sorted(shorts) if s.lower() not in title_words]
        out.append("|".join(fields) + "\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
