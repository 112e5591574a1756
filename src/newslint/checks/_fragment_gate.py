"""Which paragraphs Newsroom.Fragment could flag, judged without parsing them (#17).

Fragment reads the tagger and the parser, the costly part of a run, yet most paragraphs
of clean copy give it nothing to look at: each of its kinds of damage needs a sign that
plain text shows. A paragraph is parsed only when it has one:

* a full stop then a lowercase word, a speech verb alone after a comma or a full stop,
  an article or conjunction before a full stop, a capitalised opener in mid-sentence
  (the kinds' own patterns, which the parse only confirms);
* a pair of adjacent words the junction table calls improbable (what the parse decides on
  is a pair the table already flags);
* a word spaCy can tag as a preposition right before a full stop (the `truncated` kind);
* a sentence long enough to be `verbless` with no word that the tagger always reads as
  a verb.

The two word lists (`data/tagger_words.tsv`) describe the English model's tagger and are
measured on text newslint's developers did not write (scripts/build_tagger_words.py;
held-out figures in the file's header). tests/test_gating.py proves the gate leaves no
finding out on the corpus and on the planted-damage benchmark.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.compiled import regex_compile

WORDS = Path(__file__).with_name("data") / "tagger_words.tsv"
_LETTERS = regex_compile(r"[^\W\d_]+")
# Two words with one space between them (the parse's `t.whitespace_ == " "`), overlapping.
_PAIR = regex_compile(r"(?<![^\W\d_])([^\W\d_]+) (?=([^\W\d_]+)(?![^\W\d_]))")
# Words spaCy splits in two: "cannot" is two alphabetic tokens, one run of letters.
_SPLIT_WORDS = regex_compile(r"(?i)cannot|gonna|gotta|wanna|gimme|lemme")
_BEFORE_STOP = regex_compile(r"(?<![^\W\d_])([^\W\d_]+)\.")
# A whitespace-separated word written in lower case, trailing punctuation aside: only such a
# word is read as the lexicon says ("Said" may be a name).
_LOWER_WORD = regex_compile(r"(?<!\S)([a-z]+)[,;:.!?\"”’')\]]*(?!\S)")


@lru_cache(maxsize=1)
def tagger_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, prepositions): words the tagger always reads as a verb; words it may read as ADP."""
    verbs, adps = set(), set()
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, word = line.split("\t")
            (verbs if kind == "verb" else adps).add(word)
    return frozenset(verbs), frozenset(adps)


# A modal verb, one space, a lower-case word: "would sentenced" when the word is a past form.
_MODAL_WORD = regex_compile(r"(?<![\w'’-])(?:will|would|can|could|shall|should|may|might|must)[ \t\u00a0]+([a-z]+)(?![\w'’-])")
# Past forms no modal takes ("would been", "might said"): a lost "have" or "be". Not "found" (to found a firm),
# nor forms that are also bare verbs ("cut", "put", "read", "shed").
_IRREGULAR_PAST = frozenset("""been was were had has is are did does taken given seen done gone known shown written made
    told said held paid sent spent brought bought thought sold won""".split())


def past_form(word: str) -> bool:
    """A verb's past tense or participle that is not also its bare form: "sentenced", "carried", "stopped", "been"."""
    if word in _IRREGULAR_PAST:
        return True
    stems = verb_stems()
    if not word.endswith("ed") or len(word) < 5 or word in stems:
        return False  # "need", "proceed": a bare verb; "shed", "bed": too short to tell from a stem and a "d"
    candidates = (word[:-2], word[:-1], word[:-3] if word[-3:-2] == word[-4:-3] else "", word[:-3] + "y" if word.endswith("ied") else "")
    return any(len(c) >= 3 and c in stems for c in candidates)


@lru_cache(maxsize=1)
def verb_stems() -> frozenset[str]:
    """Stems of the en_US Hunspell dictionary (shipped with spylls) that take -ed or -ing: verbs."""
    from newslint.names.compare import dictionary_entries

    return frozenset(stem for stem, flags in dictionary_entries() if ("D" in flags or "G" in flags) and stem.islower())


# Determiners no modal takes after it but in a question or an inversion ("Would the minister ...?", "should the
# dollar fall"): "they would the decision" lost its verb.
MODAL_DETERMINERS = frozenset("the a an this these those its their his her our your my".split())


def modals_before_past(text: str, start: int, end: int):
    """(start, end) of each modal verb followed by a past form ("would sentenced") or a determiner ("would the"),
    judged from the text alone (the check asks the parse about each)."""
    return [(m.start(), m.end()) for m in _MODAL_WORD.finditer(text, start, end)
            if past_form(m.group(1)) or m.group(1) in MODAL_DETERMINERS]


# A subordinating conjunction, one space, a finite verb in lower case: "before was found" lost its subject.
# ("since" is an adverb as often: "and since have added"; "once" too: "what once was a mill".)
SUBORDINATORS = frozenset("before after because although though while whereas unless until".split())
FINITE_WORDS = frozenset("was were is are has had have will would could can should did does must might may".split())
# One space, then a finite verb as written ("because wasn't claimed": spaCy reads "was" and "n't").
_THEN_FINITE = r"[ \t\u00a0]+(?:" + "|".join(sorted(FINITE_WORDS)) + r")(?:n['’]t)?(?![\w'’-])"
_SUBORDINATOR_VERB = regex_compile(r"(?<![\w'’-])(?:" + "|".join(sorted(SUBORDINATORS)) + r")" + _THEN_FINITE)


# A verb of saying right after a comma, then a finite verb: "The company, which employs 250 people, said would
# cut jobs" lost the subject of what was said. (With its subject, "which he said would", there is no comma.)
SAYING_AFTER_COMMA = frozenset("said says added adds warned announced argued insisted explained noted".split())
_SAYING_VERB = regex_compile(r",\s+(?:" + "|".join(sorted(SAYING_AFTER_COMMA)) + r")" + _THEN_FINITE)


def subject_lost(text: str, start: int, end: int) -> bool:
    """A finite verb right after a subordinating conjunction or a comma's verb of saying: a clause whose subject
    may have been cut ("before was found", ", said would cut"); the check asks the parse."""
    return _SUBORDINATOR_VERB.search(text, start, end) is not None or _SAYING_VERB.search(text, start, end) is not None


def improbable_pair(text: str, start: int, end: int, junctions, min_expected: float, max_ratio: float) -> bool:
    for m in _PAIR.finditer(text, start, end, overlapped=True):
        a, b = m.group(1).lower(), m.group(2).lower()
        if junctions.improbable(a, b, min_expected, max_ratio):  # never seen (the article kind's test) is within any ratio
            return True
    return False


def preposition_before_stop(text: str, start: int, end: int, spared: frozenset[str]) -> bool:
    adps = tagger_words()[1]
    return any(m.group(1).lower() in adps and m.group(1).lower() not in spared
               for m in _BEFORE_STOP.finditer(text, start, end))


def may_be_verbless(text: str, start: int, end: int, min_words: int) -> bool:
    """A sentence of at least `min_words` words (counted as the parse's alphabetic tokens would be
    at most) and no word the tagger always reads as a verb."""
    words = len(_LETTERS.findall(text, start, end)) + len(_SPLIT_WORDS.findall(text, start, end))
    if words < min_words:
        return False
    verbs = tagger_words()[0]
    return not any(m.group(1) in verbs for m in _LOWER_WORD.finditer(text, start, end))
