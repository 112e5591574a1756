"""Rebuild rules/Newsroom/data/variants_spelling.tsv: one word's spellings, from VarCon.

    python scripts/build_variants.py [--varcon FILE | --mirror /work/.mirror] [--out FILE] [--level 70]

The source is VarCon (Variant Conversion Info, part of SCOWL, by Kevin Atkinson
and Benjamin Titze; a permissive licence, reproduced in the output's header):
`varcon/varcon.txt` of github en-wl/wordlist at the pinned commit below (release
2020.12.07 and fixes), read with git from a `fetch`ed snapshot, or a copy given
with --varcon (its SHA-256 is checked, so the output is the same everywhere).

VarCon writes each word's spellings on one line, tagged by where each is used
(`A Cv: color / B C D: colour`), in clusters of senses (`tire | exhausted`,
`tire / tyre | wheel`). A line becomes a pair when it has two spellings used in
American or British English (`A`, `B`: the American and British spellings, or a
spelling both use and a variant of it: `yogurt` / `yoghurt`). Left out, by the
data:

* a sense marked rare or archaic (`(-)`), and a line with a spelling the
  dictionaries disagree on (a `.` tag: `learned` / `learnt`, `inquiry` /
  `enquiry`, `afterward` / `afterwards`, which careful writers mix);
* a spelling that belongs to two senses: it is also another word (`tire` =
  to weary beside `tire` / `tyre`; `check`, `story`, `meter`, `draft`, `curb`,
  `program` (software), `practice` (noun) / `practise` (verb), `license`
  (verb), `analyses` (plural of analysis));
* capitalised spellings (trademarks, names), words under three letters
  (`et` / `aet`), possessives, and clusters above
  SCOWL level `--level` (70: "can be found in the dictionary"; 80 and up are
  words few stories use);
* EXCLUDE: pairs the data calls one word that news copy uses as two.

Pairs that differ the same way at the same stem (`organi` + z/s: organize,
organization) form one family, so a story's inflections and derivations count
together. Each output line is one family: the first spellings, a tab, the
second spellings (aligned by position, comma-separated), a tab, `A/B` (the
first are American, the second British), `Z/B` (the first are American and
also Oxford British, VarCon's `Z`: organize / organise) or `=` (variants
either may use), a tab, the SCOWL level.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "Newsroom" / "data" / "variants_spelling.tsv"
REPO, COMMIT, PATH = "en-wl+wordlist", "1605448f6522e9dd432287eff44dfa7232b39c94", "varcon/varcon.txt"
SHA256 = "75af63da46ec12d7eb14b9f1ba8d3898d484dd6872755b73c921b215875a3629"
# One word to VarCon, two in the news: whisky (Scotch) and whiskey (Irish, American).
EXCLUDE = {"whiskey", "whiskeys", "whisky", "whiskies"}
_TAG = re.compile(r"^([ABZCD_])([.vVx-]?)$")
_HEAD = re.compile(r"^# (\S+).*?\(level (\d+)\)")
NOTICE = """\
# Derived from VarCon 2020.12.07 (SCOWL), by scripts/build_variants.py; do not edit by hand.
#
# Copyright 2000-2019 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell this array, the
# associated software, and its documentation for any purpose is hereby
# granted without fee, provided that the above copyright notice appears
# in all copies and that both that copyright notice and this permission
# notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
#
# Copyright 2016 by Benjamin Titze
#
# Permission to use, copy, modify, distribute and sell this array, the
# associated software, and its documentation for any purpose is hereby
# granted without fee, provided that the above copyright notice appears
# in all copies and that both that copyright notice and this permission
# notice appear in supporting documentation. Benjamin Titze makes no
# representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
#
# (VarCon began as Ispell's word lists: Copyright 1993, Geoff Kuenning,
# Granada Hills, CA; redistribution permitted with this notice.)
#
# One family a line: spellings<TAB>other spellings<TAB>kind<TAB>SCOWL level. The
# k-th word of one column is spelt the k-th word of the other. Kind "A/B": the
# first column is American, the second British; "Z/B": the first is American and
# Oxford British too (organize / organise); "=": variants used alike in both
# (yogurt / yoghurt, protesters / protestors).
"""


def read_varcon(args) -> str:
    if args.varcon:
        data = Path(args.varcon).read_bytes()
    else:
        git = next(iter(sorted((Path(args.mirror) / REPO).glob("*"))), None)
        if git is None:
            sys.exit(f"no snapshot of {REPO} under {args.mirror}: fetch github:en-wl/wordlist, or pass --varcon")
        data = subprocess.run(["git", "--git-dir", str(git), "show", f"{COMMIT}:{PATH}"], check=True,
                              capture_output=True).stdout
    if hashlib.sha256(data).hexdigest() != SHA256:
        sys.exit(f"{PATH} is not the pinned version (SHA-256 differs): the output would not be reproducible")
    return data.decode("utf-8", errors="replace")


def parse(text: str):
    """VarCon's lines as (cluster level, sense key, [(categories, word)], note)."""
    level, head = 99, ""
    for raw in text.splitlines():
        if raw.startswith("# "):
            m = _HEAD.match(raw)
            head, level = (m.group(1), int(m.group(2))) if m else (raw.split()[1], 99)
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        left, _, note = line.partition(" | ")
        entries = []
        for entry in left.split(" / "):
            tags, _, word = entry.partition(": ")
            entries.append(([_TAG.match(t).groups() for t in tags.split() if _TAG.match(t)], word.strip()))
        # A sense is the cluster and the line's note, without its "--" remarks (-- pl: ...).
        yield level, (head, note.split(" -- ")[0].strip()), entries, note


def pairs(text: str, max_level: int):
    lines = list(parse(text))
    senses: dict[str, set] = {}
    for _, sense, entries, note in lines:
        if "(-)" in note:
            continue  # a rare or archaic sense makes no spelling ambiguous (gray, the unit)
        for _, word in entries:
            senses.setdefault(word.lower(), set()).add(sense)
    for level, sense, entries, note in lines:
        if level > max_level or "(-)" in note or any(v == "." for tags, _ in entries for _, v in tags):
            continue
        regional = [(tags, w) for tags, w in entries if any(c in "AB" and v != "x" for c, v in tags)]
        words = list(dict.fromkeys(w for _, w in regional))
        if len(words) < 2 or any(not re.fullmatch(r"[a-z]{3,}(?:-[a-z]+)*", w) for w in words):
            continue
        if any(len(senses.get(w, ())) > 1 or w in EXCLUDE for w in words):
            continue

        def primary(cat):
            return next((w for tags, w in regional if (cat, "") in tags), None)

        first = primary("A") or words[0]  # the American spelling, or the one both use
        us_uk = primary("B") not in (None, first) and primary("A") is not None
        second = primary("B") if us_uk else next(w for w in words if w != first)
        # "A Z: organize / B: organise": Oxford spelling writes the American form too, so it tells no
        # dialect; only the other spelling does.
        oxford = us_uk and any(w == first and ("Z", "") in tags for tags, w in regional)
        yield level, sense, first, second, us_uk, oxford


def diff_key(a: str, b: str):
    """Where two spellings differ: organize and organization both give ('organi', 'z', 's')."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return a[:i], a[i:len(a) - j], b[i:len(b) - j]


def families(found):
    parent: dict = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    rows, regional, oxford = {}, set(), set()
    for level, sense, a, b, us_uk, ox in found:
        rows.setdefault((a, b), level)
        if us_uk:
            regional.add((a, b))
        if ox:
            oxford.add((a, b))
        parent[root((a, b))] = root(sense)  # the inflections of one sense (hemorrhage, hemorrhaging)
        # Pairs that differ alike at the same stem are one family: organize and organization
        # (organi + z/s), color and colorful. The stem reaches past the difference when it starts
        # early (h + /a + emor: hemorrhage, hemorrhagic), and is four letters at least, or it would
        # join different words (mo + /u + ld, mo + /u + lt: mold, molt).
        stem, x, y = diff_key(a, b)
        stem += "|" + a[len(stem) + len(x):][: max(0, 4 - len(stem))]
        if len(stem) >= 5:
            parent[root((a, b))] = root((stem, x, y))
    groups: dict = {}
    for pair, level in rows.items():
        groups.setdefault(root(pair), []).append((pair, level))
    for members in groups.values():
        members.sort(key=lambda m: (len(m[0][0]), m[0]))
        kind = "A/B" if any(p in regional for p, _ in members) else "="
        if kind == "A/B" and all(p in oxford for p, _ in members if p in regional):
            kind = "Z/B"  # the first spellings are Oxford British as well as American: organize
        yield [p[0] for p, _ in members], [p[1] for p, _ in members], kind, min(lv for _, lv in members)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--varcon", help="a copy of varcon.txt (else read from the snapshot under --mirror)")
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--level", type=int, default=70)
    args = ap.parse_args()
    fams = sorted(families(pairs(read_varcon(args), args.level)), key=lambda f: f[0][0])
    lines = [f"{','.join(a)}\t{','.join(b)}\t{kind}\t{level}" for a, b, kind, level in fams]
    Path(args.out).write_text(NOTICE + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} families, {sum(len(a) for a, *_ in fams)} pairs -> {args.out}")


if __name__ == "__main__":
    main()
