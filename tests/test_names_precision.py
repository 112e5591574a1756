"""Name checks on other outlets' copy: what is one name, which spelling a tie suggests, one finding per span.

The word-frequency source (wordfreq) is optional: its tests stand in a fake table for it, and the
fallbacks are tested with it switched off, so the results do not depend on what is installed.
"""

from pathlib import Path

import pytest

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import load_rule
from newslint.names import compare
from newslint.names.candidates import mentions
from newslint.names.compare import foreign_word, inflected, real_word

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "Newsroom"


@pytest.fixture
def no_wordfreq(monkeypatch):
    monkeypatch.setattr(compare, "_zipf", lambda: None)


@pytest.fixture
def fake_wordfreq(monkeypatch):
    """A few Zipf frequencies as wordfreq 3.1 gives them (0: never seen)."""
    table = {("thierry", "en"): 3.15, ("terry", "en"): 4.24, ("regan", "en"): 3.22, ("reagan", "en"): 3.95,
             ("voskhod", "en"): 1.46, ("banco", "en"): 3.03, ("banco", "es"): 5.04, ("bank", "en"): 5.16,
             ("dierdre", "en"): 1.48, ("deirdre", "en"): 2.87}
    monkeypatch.setattr(compare, "_zipf", lambda: lambda word, lang: table.get((word, lang), 0.0))


def _run(text: str, *rules: str):
    checks = [load_rule(RULES / f"{r}.yml", "Newsroom") for r in rules]
    return [(f.rule.split(".")[1], f.match, f.suggestions) for f in lint(document_from_string(text, "md"), checks).findings]


def _consistency(text: str):
    return [(match, sugg) for _rule, match, sugg in _run(text, "NameConsistency")]


@pytest.mark.parametrize("place, people", [
    ("Ukraine", "Ukrainian"), ("Italy", "Italian"), ("Malta", "Maltese"), ("Morocco", "Moroccans"),
    ("Israel", "Israeli"), ("Virtopsy", "Virtopsies"),
])
def test_demonyms_and_plurals_are_one_name(place, people):
    assert inflected(place, people) and inflected(people, place)


def test_a_dropped_final_h_is_no_inflection():
    assert not inflected("Rafa", "Rafah") and not inflected("Karem", "Kerem")


def test_one_span_one_finding_known_names_wins():
    text = "Ismail Haniyeh spoke in Doha. Haniyeh said talks would go on. Later Ismail Hanyahu left."
    assert _run(text, "KnownNames") == [("KnownNames", "Hanyahu", ("Haniyeh",))]
    assert _run(text, "KnownNames", "NameConsistency") == [("KnownNames", "Hanyahu", ("Haniyeh",))]


def test_suggestion_is_the_story_spelling_in_its_inflected_form():
    text = "Brazillian officials met Brazilian ministers. Brazilian ministers said. Brazil agreed."
    assert _consistency(text) == [("Brazillian", ("Brazilian",))]


def test_hyphenated_compound_with_a_dotted_abbreviation_is_one_word():
    doc = document_from_string("The Japan-U.S. Business Council met. Japan agreed.", "md")
    words = [w.text for m in mentions(doc) for w in m.words]
    assert "Japan-U" not in words and "Business" in words


def test_a_tie_in_one_name_is_reported_without_a_suggestion(no_wordfreq):
    # The story's own slip, but the English word is no evidence that it is the right one.
    text = "Emery borrowed from Salomon Brothers Holding Co Inc, the parent of Salmon Brothers Inc."
    assert _consistency(text) == [("Salomon", ())]


def test_two_real_names_are_two_people(fake_wordfreq):
    assert _consistency("Terry Jones spoke. Terry left. Terry said it. Thierry was there.") == []
    assert _consistency("Regan said no. Reagan said yes. Reagan left. Reagan came back.") == []
    # A typo is rarer than a name people write: still reported.
    assert _consistency("Imus married Deirdre Coleman. Deirdre ran the ranch. His wife Dierdre survives him.") == [
        ("Dierdre", ("Deirdre",))]


def test_without_wordfreq_a_name_the_dictionary_does_not_know_is_compared(no_wordfreq):
    assert not real_word("Thierry") and real_word("Terry") and real_word("Scott")
    assert _consistency("Terry Jones spoke. Terry left. Terry said it. Thierry was there.") == [("Thierry", ("Terry",))]


def test_a_tie_is_broken_by_which_spelling_anyone_writes(fake_wordfreq):
    assert _consistency("Alexei Leonov flew Voskhod 2 in 1965. The Voshkod mission lasted a day.") == [
        ("Voshkod", ("Voskhod",))]


def test_a_tie_without_wordfreq_claims_nothing(no_wordfreq):
    # Letter statistics find "Voshkod" the more English-like: they may choose where to point, never what is right.
    check = load_rule(RULES / "NameConsistency.yml", "Newsroom")
    doc = document_from_string("Alexei Leonov flew Voskhod 2 in 1965. The Voshkod mission lasted a day.", "md")
    [f] = lint(doc, [check]).findings
    assert f.suggestions == () and f.fix is None and "'Voskhod'" in f.message and "'Voshkod'" in f.message


def test_foreign_words(no_wordfreq):
    assert foreign_word("Banco") and foreign_word("Institut") and foreign_word("Università")
    assert not foreign_word("Bank") and not foreign_word("Hubre")


def test_foreign_words_from_wordfreq(fake_wordfreq):
    assert foreign_word("Banco") and not foreign_word("Bank") and not foreign_word("Voskhod")


def test_a_list_spacy_takes_for_one_name_does_not_make_two_people():
    text = ("Imus is survived by his second wife Dierdre Coleman and two sons. \"Don loved and adored Deirdre,\" "
            "the statement read. Don and Deirdre's second son spoke.\n\nMy heart breaks for Deirdre, Wyatt & Zach.")
    assert _consistency(text) == [("Dierdre", ("Deirdre",))]
