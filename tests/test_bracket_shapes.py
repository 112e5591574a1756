"""BracketOutsideQuote's three shapes flagged by where they stand: a tag opening a block, a stray note
reference, "[sic]" after the quotation; and the notes that belong (a run, a lone [1], a notes section)."""

from pathlib import Path

from newslint.checks.bracket_outside_quote import _stray_notes
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import load_rule

RULE = load_rule(Path(__file__).resolve().parent.parent / "rules" / "Newsroom" / "BracketOutsideQuote.yml")


def _found(text: str, fmt: str = "md") -> list[str]:
    return [f.match for f in lint(document_from_string(text, fmt), [RULE]).findings]


def test_tag_opening_a_paragraph_or_headline_is_flagged_in_any_case():
    text = "[Update 2] Talks collapse\n\nThe talks failed.\n\n[LIVE] Crowds gathered.\n\n[Gallery]\n"
    assert _found(text, "txt") == ["[Update 2]", "[LIVE]", "[Gallery]"]


def test_tag_after_a_colon_glued_or_closing_a_headline():
    text = "Talks collapse [UPDATED]\n\n[LIVE]: Crowds gathered.\n\n[VIDEO]Crowds left.\n\nSee the guide [PDF]\n"
    assert _found(text, "txt") == ["[UPDATED]", "[LIVE]", "[VIDEO]"]
    assert _found("# Talks collapse [Updated 3.45pm]\n\nThe talks failed.\n") == ["[Updated 3.45pm]"]


def test_tags_closing_many_headlines_are_each_found_once():
    text = "Title\n\n" + "".join(f"## Head {i} [Tag]\n\nBody {i}.\n\n" for i in range(500))
    assert _found(text) == ["[Tag]"] * 500


def test_bracket_that_the_sentence_goes_on_from_is_no_tag():
    # "[Robbins] designed" (lower case next): an editor's clarification, judged as before; "[I]ndividuals": a letter.
    assert _found("Title\n\n[I]ndividuals have access.\n\n[Robbins]… designed the survey.\n", "txt") == []


def test_a_lone_note_reference_other_than_1_is_stray():
    assert _stray_notes("It ended in 1974.[7] He left.") == frozenset([17])
    assert _stray_notes("It ended in 1974.[a] He left.") == frozenset([17])


def test_notes_that_belong_are_left_alone():
    assert _stray_notes("One.[1] Two.") == frozenset()  # a one-note story numbers it 1
    assert _stray_notes("One.[2] Two.[3]") == frozenset()  # a run of references
    assert _stray_notes("One [2] and two.[3]") == frozenset()
    assert _stray_notes("One.[3]\n\nNotes\n\n3. A source.") == frozenset()  # a notes section
    assert _stray_notes("One, see [3].") == frozenset()  # spaced: a citation style
    assert _stray_notes("It says “[a]s it grows”.[4]") == frozenset([24])  # an altered letter is no reference


def test_sic_after_the_closing_mark_is_flagged_inside_is_not():
    assert _found("He called it “a disaster for are city” [sic] on Monday.\n") == ["[sic]"]
    assert _found("He called it “a disaster for are [sic] city” on Monday.\n") == []
