"""Newsroom.Variants on other outlets' published copy: a name's own spelling, a legal term of art and an
abbreviation are no variants -- and a real mixed spelling beside them is still flagged."""

from pathlib import Path

from newslint.checks.variants import _TOKEN
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import load_rule

RULE = load_rule(Path(__file__).resolve().parent.parent / "rules" / "Newsroom" / "Variants.yml")


def flagged(text: str) -> list[tuple[str, tuple]]:
    return [(f.match, f.suggestions) for f in lint(document_from_string(text, "md"), [RULE]).findings]


def test_a_name_opening_a_sentence_keeps_its_own_spelling():
    assert flagged("E-Mail Partners Ltd said it had sent an email. The email was read.\n") == []
    assert flagged("Email Partners Ltd sent an e-mail. The e-mail was read.\n") == []
    assert flagged("# DrugShortages App Accelerates Access\n\nIt lists drug shortages as they happen.\n") == []
    # An ordinary word opening a sentence before a name still counts.
    assert flagged("Longtime Imus writer Rob Bartlett wrote it. His long time rival said so.\n") == [("long time", ("longtime",))]


def test_judgment_in_its_legal_sense_is_not_a_variant():
    assert flagged("The judgement of voters was clear. The High Court's judgment was upheld on appeal.\n") == []
    assert flagged("The judges delivered their judgments. Her judgement, she said, was sound.\n") == []
    # Outside a court, "judgment" beside "judgement" is a mixed spelling.
    got = flagged("The judgement of voters was clear. The judgement held. It was a judgment call.\n")
    assert got == [("judgment", ("judgement",))]


def test_an_abbreviation_is_never_cut_into_a_word():
    tokens = [m.group() for m in _TOKEN.finditer("South Korean-U.S. drills and U.S.-Korean talks")]
    assert "Korean-U" not in tokens and "Korean" not in tokens and "drills" in tokens
    assert flagged("Korean-U.S. drills began. A koreanu is no word.\n") == []
    assert flagged("Visit CitizenScience.gov today. Citizen science is growing.\n") == []


def test_a_noun_and_its_verb_after_see_or_watch_are_no_compound():
    assert flagged("In winter, Iqaluit sees the sun rise and set within hours. By January, sunrise comes at noon.\n") == []
    assert flagged("The sun rise was early. By January, sunrise comes at noon. Sunrise is at nine.\n") == [("sun rise", ("sunrise",))]


def test_the_message_names_a_spelling_the_story_uses():
    """"focussed" beside "focusing": the message quotes "focusing", the suggestion is "focused"."""
    doc = document_from_string("Prosecutors focussed on the bank. They are focusing on its dealers.\n", "md")
    (finding,) = lint(doc, [RULE]).findings
    assert finding.match == "focussed" and finding.suggestions == ("focused",)
    assert "beside 'focusing' (1)" in finding.message and "'focused'" not in finding.message


def test_a_group_of_three_spellings_is_counted_without_a_crash(tmp_path):
    # A group may hold three spellings (a transliteration's); a tie among them used to index past the
    # two dialects a pair has.
    rule_file = tmp_path / "Feast.yml"
    rule_file.write_text(
        "extends: variants\nmessage: \"'%s' (%s) beside '%s' (%s)\"\nlevel: warning\n"
        "groups: [[hanukkah, chanukah, hanukah]]\ncompounds: false\nabbreviations: false\n", encoding="utf-8")
    rule = load_rule(rule_file)
    found = lint(document_from_string("The hanukah party was fun. The hanukkah lights were lit.\n", "md"), [rule]).findings
    assert [f.match for f in found] == ["hanukkah"]
    found = lint(document_from_string("The hanukah party. The hanukkah lights. The hanukkah meal.\n", "md"), [rule]).findings
    assert [f.match for f in found] == ["hanukah"]
