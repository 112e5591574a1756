"""`newslint names learn ARCHIVE/ -o names.yaml`: a names list learned from a newsroom's published archive.

Every name spaCy tags in the body copy (people, places, facilities,
organisations; not groups such as "Israeli") is counted across the archive.
Spellings of one name are grouped: the same transliteration key, or the same
words but one that is a near-spelling (`compare.variant`), never two different
first names. In each group:

* the most frequent spelling, used at least `min_count` times, is canonical;
* another spelling used at least `min_count` times in at least two articles
  is an accepted variant (a house that writes both "Haniyeh" and "Haniya");
* a spelling seen rarely (once, or at most a fifth as often as the canonical one) is a
  misspelling, which the known-names rule then flags.

The kind is the spaCy label most often given (person, place, org). The list is
written as YAML (see `namelist`), atomically.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newslint.errors import InputError, NewslintError
from newslint.names.candidates import mentions
from newslint.names.compare import common_word, fold, key, normalise, variant
from newslint.names.namelist import Entry

KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}
BATCH = 32


@dataclass
class _Form:
    text: str
    count: int = 0
    docs: set = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)


def count_names(paths: list[Path], errors: list | None = None) -> dict[str, _Form]:
    """Normalised name -> how often, where and as what it was written."""
    from newslint import nlp
    from newslint.document.reader import read_document

    forms: dict[str, _Form] = {}
    for first in range(0, len(paths), BATCH):
        docs = []
        for p in paths[first : first + BATCH]:
            try:
                docs.append(read_document(p))
            except NewslintError as exc:
                if errors is not None:
                    errors.append(exc)
        nlp.prepare(docs)
        for n, doc in enumerate(docs, start=first):
            for m in mentions(doc):
                if m.label not in KIND or m.headline:
                    continue
                written = doc.text[m.words[0].start : m.words[-1].end]
                if written.isupper() or len(written) < 3:
                    continue
                f = forms.setdefault(normalise(written), _Form(normalise(written)))
                f.count += 1
                f.docs.add(n)
                f.kinds[KIND[m.label]] += 1
                f.surfaces[written] += 1
            doc.__dict__.pop("_nlp_parsed", None)  # keep memory flat over a large archive
    return forms


def _same_name(a: str, b: str, kind: str) -> bool:
    """Two normalised spellings of one name: same words but one near-spelling, never two first names."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    diff = [i for i, (x, y) in enumerate(zip(wa, wb)) if x != y]
    if len(diff) != 1:
        return False
    i = diff[0]
    if kind == "person" and len(wa) >= 2 and i == 0:
        return False  # John Smith and Jane Smith
    x, y = wa[i], wb[i]
    if common_word(x) and common_word(y):
        return False
    return variant(x, y) is not None


def group(forms: dict[str, _Form], min_count: int = 3) -> list[Entry]:
    """Entries: the frequent consistent spelling of each name, its variants and misspellings."""
    kind_of = {n: f.kinds.most_common(1)[0][0] for n, f in forms.items()}
    parent = {n: n for n in forms}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    buckets: dict[tuple, list[str]] = defaultdict(list)
    for n in forms:
        words = n.split()
        buckets[("k", key(n))].append(n)
        for i, w in enumerate(words):
            # Same words elsewhere, the i-th free: near-spellings of one word meet here.
            buckets[("w", len(words), i, " ".join(words[:i] + words[i + 1 :]), w[:1])].append(n)
    for members in buckets.values():
        if len(members) < 2 or len(members) > 50:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                same_key = key(a) == key(b) and len(key(a)) >= 5 and len(a.split()) == len(b.split())
                if kind_of[a] == kind_of[b] and (same_key or _same_name(a, b, kind_of[a])):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in forms:
        groups[find(n)].append(n)
    entries = []
    for members in groups.values():
        members.sort(key=lambda n: (-forms[n].count, -len(forms[n].docs), n))
        top = forms[members[0]]
        if top.count < min_count:
            continue
        canonical = top.surfaces.most_common(1)[0][0]
        variants, wrong = [], []
        for n in members[1:]:
            f = forms[n]
            spelled = f.surfaces.most_common(1)[0][0]
            if f.count >= min_count and len(f.docs) >= 2:
                variants.append(spelled)
            elif f.count <= max(1, top.count // 5):
                wrong.append(spelled)
        entries.append(Entry(canonical, kind_of[members[0]], tuple(variants), tuple(wrong),
                             f"learned: {top.count} uses in {len(top.docs)} articles"))
    entries.sort(key=lambda e: (e.kind, fold(e.canonical)))
    return entries


def to_yaml(entries: list[Entry], header: str = "") -> str:
    items = []
    for e in entries:
        item = {"canonical": e.canonical}
        if e.variants:
            item["variants"] = list(e.variants)
        if e.misspellings:
            item["misspellings"] = list(e.misspellings)
        item["kind"] = e.kind
        if e.note:
            item["note"] = e.note
        items.append(item)
    body = yaml.safe_dump({"names": items}, allow_unicode=True, sort_keys=False, width=120)
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + body


def learn(paths: list[str], output: str | Path, min_count: int = 3) -> tuple[int, int, list]:
    """Learn a names list from the articles under `paths` and write it to `output`.

    Returns (number of names, number of misspellings, input errors).
    """
    from newslint.files import expand
    from newslint.fixing import write_atomic

    files, errors = [], []
    for p in expand(paths):
        (errors if isinstance(p, InputError) else files).append(p)
    if not files:
        raise NewslintError(f"no articles (.md, .txt) found under {', '.join(paths)}")
    entries = group(count_names(files, errors), min_count)
    header = (f"Names learned by `newslint names learn` from {len(files)} articles on {datetime.date.today()}.\n"
              f"canonical: the archive's frequent spelling (used at least {min_count} times); variants: also right;\n"
              "misspellings: rare near-spellings, flagged by Newsroom.KnownNames. Edit freely.")
    write_atomic(output, to_yaml(entries, header))
    return len(entries), sum(len(e.misspellings) for e in entries), errors
