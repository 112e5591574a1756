"""Hang guards on hostile input (issue #18): work counted, or best-of-runs time compared, at 1x and 8x input."""

import hashlib

import pytest

from newslint import engine
from newslint.document.reader import document_from_string
from newslint.finding import Finding


def _findings(doc, n):
    return [Finding(path="a.txt", line=1, col=1 + 8 * i, end_line=1, end_col=8 + 8 * i, rule="Newsroom.RepeatedWord",
                    severity="error", message="x", match="the the") for i in range(n)]


def _hashed_bytes(monkeypatch, words: int) -> int:
    counted = [0]

    class Counting:
        @staticmethod
        def sha256(data=b""):
            counted[0] += len(data)
            return hashlib.sha256(data)

    monkeypatch.setattr(engine, "hashlib", Counting)
    doc = document_from_string("the the " * words)
    engine.with_fingerprints(doc, _findings(doc, words))
    return counted[0]


def test_fingerprints_hash_a_long_line_once_not_once_per_finding(monkeypatch):
    small, large = _hashed_bytes(monkeypatch, 2_000), _hashed_bytes(monkeypatch, 16_000)
    assert large < 16 * small, (small, large)  # quadratic would be 64x


def test_fingerprints_of_ordinary_lines_are_unchanged():
    # Baselines hold these: the formula for lines up to LONG_LINE characters must not move.
    doc = document_from_string("We  utilize   it, we utilize it.")
    found = [Finding(path="a.txt", line=1, col=c, end_line=1, end_col=c + 7, rule="House.Utilize",
                     severity="warning", message="x", match="utilize") for c in (5, 22)]
    line = "We utilize it, we utilize it."
    expected = [hashlib.sha256("\0".join(("House.Utilize", "utilize", line, str(n))).encode()).hexdigest()[:32]
                for n in (1, 2)]
    assert [f.fingerprint for f in engine.with_fingerprints(doc, found)] == expected


def _regex_seconds(pattern, text: str) -> float:
    import time
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        list(pattern.finditer(text))
        best = min(best, time.perf_counter() - start)
    return best


def test_markdown_marks_stay_linear_on_a_run_of_spaces():
    from newslint.document import markdown
    for pattern in (markdown._HEADING_MARKS, markdown._TABLE_RULE):
        small = _regex_seconds(pattern, " " * 4_000 + "x")
        large = _regex_seconds(pattern, " " * 32_000 + "x")
        assert large < 24 * small + 0.05, (pattern.pattern, small, large)  # quadratic would be 64x


def test_markdown_marks_match_what_they_matched_before():
    from newslint.document import markdown
    heading = {"## Title ##": [(0, 3), (8, 11)], "x ###  ": [(1, 7)], "a  # b #": [(6, 8)], "# a": [(0, 2)]}
    for text, spans in heading.items():
        assert [m.span() for m in markdown._HEADING_MARKS.finditer(text)] == spans, text
    for row in ("| --- | :-: |", "---", "|---|", "  | - |  ", " :--: | -- "):
        assert markdown._TABLE_RULE.fullmatch(row), row
    assert not markdown._TABLE_RULE.fullmatch("| a | b |")


def test_link_brackets_stay_linear_on_a_run_of_open_brackets():
    from newslint.document import markdown
    small = _regex_seconds(markdown._BRACKET, "[" * 4_000)
    large = _regex_seconds(markdown._BRACKET, "[" * 32_000)
    assert large < 24 * small + 0.05, (small, large)  # quadratic would be 64x
    small = _regex_seconds(markdown._REFERENCE_TAIL, "[a]" * 4_000)
    large = _regex_seconds(markdown._REFERENCE_TAIL, "[a]" * 32_000)
    assert large < 24 * small + 0.05, (small, large)
    # Link text is still found, across a soft line break too.
    text = "See [the full\nreport](https://example.com) and [notes][1]."
    assert [m.start() for m in markdown._BRACKET.finditer(text)] == [4, 20]


def test_reference_links_are_blanked_only_where_the_story_defines_the_label():
    from newslint.document.markdown import parse_markdown
    text = "See [the notes][Ref  1] and [this][] but fake.[3][4] stays.\n\n[ref 1]: https://a.gov\n[This]: https://b.gov\n"
    prose = parse_markdown("a.md", text).prose
    assert "See  the notes " in prose and " this  " in prose  # markup and labels blanked, link text kept
    assert "fake.[3][4] stays." in prose  # no "[4]: url": CommonMark prints the brackets, and so do we
    nested = "[![Flood map](map.png)][map] and [Smith [draft]][memo].\n\n[map]: https://a.gov\n[memo]: https://b.gov\n"
    prose = parse_markdown("b.md", nested).prose
    first = prose.split("\n")[0]
    assert "map" not in first and "memo" not in first, prose  # the links' labels are markup
    assert first.count("[") == first.count("]") == 1 and "[draft]" in first, prose  # only the text's own brackets


def test_reference_links_stay_linear_when_the_story_defines_labels():
    import time
    from newslint.document.markdown import parse_markdown

    def seconds(n: int) -> float:
        text = "[x]: https://a.gov\n\n" + "][]" * n + "\n"
        t0 = time.perf_counter()
        parse_markdown("c.md", text)
        return time.perf_counter() - t0

    small, large = seconds(2_000), seconds(16_000)
    assert large < 24 * small + 0.1, (small, large)  # quadratic would be 64x


def _sentence_rule_chars(monkeypatch, sentences: int) -> tuple[int, list]:
    """Characters handed to the regex engine by a sentence-scoped rule with a `^` on one long line."""
    from newslint import patterns
    from newslint.loading import build_rule

    rule = build_rule("T.Start", "<test>", {"extends": "existence", "message": "%s", "scope": "sentence",
                                            "raw": [r"^(No)\b"], "nonword": True})
    handed = [0]
    real = patterns.Guarded.finditer

    def counting(self, text, pos=0, endpos=None):
        handed[0] += len(text)
        return real(self, text, pos, endpos)

    monkeypatch.setattr(patterns.Guarded, "finditer", counting)
    text = "Talks went on. " * sentences + "No deal was reached. It rained.\n"
    found = [(m.start, m.end, text[m.start : m.end]) for m in rule.check(document_from_string(text))]
    monkeypatch.undo()
    return handed[0], found


def test_a_sentence_rule_with_a_caret_reads_each_sentence_not_the_whole_line_each_time(monkeypatch):
    """Vale's `^` at every sentence start once copied the whole text per sentence: quadratic on a long line."""
    small, found_small = _sentence_rule_chars(monkeypatch, 1_000)
    large, found_large = _sentence_rule_chars(monkeypatch, 8_000)
    assert large < 16 * small, (small, large)  # quadratic would be 64x
    # ... and `^` still holds at each sentence's start, with offsets in the text (not the window).
    assert found_small == [(15_000, 15_002, "No")] and found_large == [(120_000, 120_002, "No")]


def _split_seconds(text: str) -> float:
    import time
    from newslint.document.sentences import split_sentences
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        split_sentences(text, 0, len(text))
        best = min(best, time.perf_counter() - start)
    return best


def test_sentences_stay_linear_on_a_paragraph_of_abbreviations():
    """The word before each full stop was searched for from the sentence's beginning: a paragraph of
    "U.S." (none ends a sentence) was quadratic, 63 s for 16,000 of them."""
    small = _split_seconds("Title " + "the U.S. and " * 2_000 + "end.")
    large = _split_seconds("Title " + "the U.S. and " * 16_000 + "end.")
    assert large < 24 * small + 0.05, (small, large)  # quadratic would be 64x


def _checks_seconds(checks, text: str) -> float:
    import time
    doc = document_from_string(text)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for check in checks:
            list(check.check(doc))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", [
    "we told us our ",  # FirstPerson asked each pronoun whether its whole sentence was a question or attributed
    "we are going, ",  # ... and read the sentence from its start for what stood before each official's "we"
    "X people XX on X July ",  # Placeholder read from the block's start for the word before each XX
    "TK [NAME] XX Name Surname ",  # ... and compared every slot found in a block with every other
    "US U.S. NATO Nato said ",  # Variants read a capital's whole line for a small letter, once per capital
])
def test_the_mechanical_rules_stay_linear_on_one_long_sentence(unit):
    """One sentence of 4,000 repeats against 500: each of these was quadratic (58x to 64x)."""
    from newslint.config import ConfigCache
    checks = [c for c in ConfigCache().for_file(None).checks if not c.needs_nlp]
    small = _checks_seconds(checks, "Title\n\n" + unit * 500 + "end.\n")
    large = _checks_seconds(checks, "Title\n\n" + unit * 4_000 + "end.\n")
    assert large < 24 * small + 0.05, (unit, small, large)  # quadratic would be 64x
