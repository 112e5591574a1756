"""`extends: known-names` — a name the newsroom's names list spells otherwise ("Ismail Hanyahu" for Haniyeh).

The list (`names`: YAML or CSV files relative to the rule file, `@starter` for
the one shipped with newslint; see `newslint.names.namelist`) gives each name's
canonical spelling, accepted variants and known misspellings. Each name of the
document (spaCy entities plus capitalised sequences, as for name-consistency)
and each run of its words is looked up:

* a right form (canonical or variant) is never reported;
* a listed misspelling is reported;
* otherwise a near-spelling is reported only on strong evidence, so that a
  name the list does not know is never "corrected" into someone else:
  - the same transliteration key as a listed form (q/k, y/i, doubled letters,
    dropped final h...), for a name of two or more words ("Al-Kahera News"), or
    of one word that spaCy tags with the entry's kind (a place as GPE/LOC/FAC)
    and, for a person, that is not itself a name people write ("Stephan" is no
    slip of a listed "Stefan": `compare.real_word`);
  - for people: the same first name and a surname that is a transliteration or
    vowel variant of the listed surname ("Ismail Hanyahu" / "Ismail Haniyeh"),
    the name being tagged as a person or untagged.
  A later bare surname equal to a reported one ("Hanyahu said") is reported too.

The finding covers the words that differ from the listed spelling (the
surname "Hanyahu", not "Ismail"; "Al-Kahera", not "News"), aligned word by
word; the suggestion and the unsafe fix are the listed words. When the word
counts differ the whole name is reported and the fix is the whole canonical
form. Quotations, headlines and subheads are checked like the body: a name's
spelling is the newsroom's in all of them.

The matching lives in `newslint.names.known`, which name-consistency also
reads: a word reported here is not reported again by name-consistency.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from newslint import nlp
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.names import namelist
from newslint.names.candidates import COMPONENTS, alias_words, mentions_in
from newslint.names.gate import Listed
from newslint.names.known import misspelled


class KnownNames(Check):
    kind = "known-names"
    summary = "Flags a name that a names list spells otherwise (suggesting the canonical form)."
    needs_nlp = True
    nlp_components = COMPONENTS
    can_fix = True
    options = {
        "names": Option("list", [namelist.STARTER], doc="names lists (YAML or CSV) relative to the rule file; @starter is the list shipped with newslint"),
    }

    def setup(self) -> None:
        paths = self.opts["names"]
        if not paths or not all(isinstance(p, str) for p in paths):
            raise OptionError("names", "'names' must list at least one names file (YAML or CSV)")
        self._lists = namelist.LazyLists(paths, Path(self.rule.path).parent)

    @property
    def names(self):
        return self._lists.get()

    def parse_wanted(self, doc) -> frozenset[int] | None:
        """Every paragraph when a capitalised word is near a listed name's spelling, else none (names.gate)."""
        names = self.names
        if getattr(self, "_listed_for", None) is not names:
            self._listed, self._listed_for = Listed(names), names
        return None if self._listed.near(doc.prose) else frozenset()

    def check(self, doc) -> Iterator[Match]:
        if nlp.wanted(self, doc) == frozenset():
            return  # no name near a listed one: nothing to parse, nothing to report
        found = mentions_in(doc, self.scope(doc).spans)
        if not found:
            return
        for start, end, right in misspelled(doc, found, self.names, alias_words(doc, tuple(found))):
            fix = Fix(start, end, right, self.fix_safe) if self.fix_safe is not None else None
            yield Match(start, end, args=(doc.text[start:end], right), suggestions=(right,), fix=fix)
