"""The Newsroom check kinds: exact positions, fixes, formats (.md, .txt, CRLF) and option errors."""

from pathlib import Path

import pytest

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule

RULES = Path(__file__).resolve().parent.parent / "rules" / "Newsroom"


def run(rule: str, text: str, fmt: str = "md"):
    check = load_rule(RULES / f"{rule}.yml")
    doc = document_from_string(text, fmt)
    return doc, lint(doc, [check]).findings


def at(rule: str, text: str, fmt: str = "md") -> list[str]:
    return [f"{f.line}:{f.col}" for f in run(rule, text, fmt)[1]]


def fixed(rule: str, text: str, fmt: str = "md") -> str:
    _, findings = run(rule, text, fmt)
    for fix in sorted((f.fix for f in findings if f.fix), key=lambda x: -x.start):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


# -- boilerplate ------------------------------------------------------------
def test_boilerplate_blocks_and_tail_run_txt():
    text = "Title\n\nBody.\n\nRelated Articles\n\n\nLeave a Comment\n"
    doc, findings = run("Boilerplate", text, "txt")
    assert [(f.line, f.col, f.end_line, f.end_col) for f in findings] == [(5, 1, 5, 17), (6, 1, 8, 1), (8, 1, 8, 16)]
    assert findings[1].message == "Remove scraped page furniture: 2 empty lines."
    assert findings[1].fix is None  # removing "Leave a Comment" takes the run with it
    assert fixed("Boilerplate", text, "txt") == "Title\n\nBody.\n"


def test_boilerplate_crlf_trailing_run_is_fixed_to_one_line_break():
    text = "Title\r\n\r\nBody.\r\n\r\n\r\n\r\n"
    assert at("Boilerplate", text, "txt") == ["4:1"]
    assert fixed("Boilerplate", text, "txt") == "Title\r\n\r\nBody.\r\n"


def test_boilerplate_one_trailing_blank_line_and_inner_gaps_pass():
    assert at("Boilerplate", "Body.\n\n") == []
    assert at("Boilerplate", "One.\n\n\n\nTwo.\n") == []  # a wide gap inside the article is another rule's business


def test_boilerplate_markdown_heading_and_list_fix_whole_lines():
    text = "Body.\n\n## Related stories\n\n- [Read more](https://example.com)\n- Share this article\n\nMore body.\n"
    assert at("Boilerplate", text) == ["3:4", "5:4", "6:3"]
    assert fixed("Boilerplate", text) == "Body.\n\nMore body.\n"


def test_boilerplate_at_document_start_takes_the_gap_after():
    assert fixed("Boilerplate", "Advertisement\n\nBody.\n") == "Body.\n"


def test_boilerplate_quoted_or_in_a_sentence_passes():
    assert at("Boilerplate", "Body.\n\n“Read more,” she said.\n\n> Advertisement\n\nRead more in the report.\n") == []


def test_boilerplate_options():
    doc = document_from_string("Body.\n\n\n\n", "md")
    check = build_rule("T.B", "t.yml", {"extends": "boilerplate", "phrases": ["x"], "trailing_blank_lines": False})
    assert lint(doc, [check]).findings == []
    with pytest.raises(RuleError, match="phrases"):
        build_rule("T.B", "t.yml", {"extends": "boilerplate", "phrases": [1]})
    with pytest.raises(RuleError, match="bad regular expression"):
        build_rule("T.B", "t.yml", {"extends": "boilerplate", "phrases": ["("]})


# -- title-suffix -----------------------------------------------------------
def test_title_suffix_txt_crlf_and_fix():
    text = "Talks stall | Reuters\r\n\r\nBody.\r\n"
    assert at("TitleSuffix", text, "txt") == ["1:12"]
    assert fixed("TitleSuffix", text, "txt") == "Talks stall\r\n\r\nBody.\r\n"


def test_title_suffix_front_matter_title():
    text = '---\ntitle: "Minister resigns – The Guardian"\ndate: 2024-01-01\n---\n\nBody.\n'
    doc, findings = run("TitleSuffix", text)
    assert [(f.line, f.col, f.match) for f in findings] == [(2, 25, " – The Guardian")]
    assert fixed("TitleSuffix", text).startswith('---\ntitle: "Minister resigns"\n')


def test_title_suffix_leftmost_qualifying_separator():
    # The dash is a real one (its remainder holds a pipe); the pipe starts the suffix.
    assert at("TitleSuffix", "Biden – Harris ticket wins | CNN\n\nBody.\n", "txt") == ["1:27"]
    assert at("TitleSuffix", "Biden – Harris ticket wins\n\nBody.\n", "txt") == []
    # A long pipe part is not a site name.
    assert at("TitleSuffix", "Vote | what the result means for the coalition government\n\nBody.\n", "txt") == []


def test_title_suffix_only_the_title():
    assert at("TitleSuffix", "Title\n\nBody ends | Reuters\n", "txt") == []


def test_title_suffix_option_errors():
    with pytest.raises(RuleError, match="max_words"):
        build_rule("T.S", "t.yml", {"extends": "title-suffix", "max_words": 0})
    with pytest.raises(RuleError, match="needs"):
        build_rule("T.S", "t.yml", {"extends": "title-suffix", "separators": [], "sites": []})


# -- placeholder ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Super Bowl XXX was in Tempe.", []),
    ("XXX Olympiad: the Games of the XXX Olympiad.", []),
    ("In XX cases the vote failed.", ["1:4"]),
    ("XX people died on March XXX.", ["1:1", "1:25"]),
    ("The XXXX Bowl.", ["1:5"]),
    ("It cost $XXm, or XX%.", ["1:10", "1:18"]),
    ("Sizes XXL and XX-rated films.", []),
    ("The source [TK] said.", ["1:12"]),  # one finding, not [TK] and TK
    ("“I told [NAME] no,” he said.", ["1:9"]),  # a placeholder inside a quote is still one
    ("The king [TBD] and [sic] and [Sunday].", ["1:10"]),
    ("Was it?? Yes. On ?? May.", ["1:18"]),
])
def test_placeholder_cases(text, expected):
    assert at("Placeholder", text) == expected


def test_placeholder_txt_crlf_title_and_code():
    assert at("Placeholder", "Storm hits XX towns\r\n\r\nBody TK.\r\n", "txt") == ["1:12", "3:6"]
    assert at("Placeholder", "Body.\n\n    TK in code\n\n`XX` and [TK](https://example.com)\n") == ["5:11"]


# -- bracket-outside-quote --------------------------------------------------
def test_bracket_outside_quote_positions():
    text = "Title [Video]\n\n“We [the rebels] left.” [Sunday] he said.\n\n“An open quote [runs] on\n"
    assert at("BracketOutsideQuote", text, "txt") == ["1:7", "3:25"]


def test_bracket_outside_quote_markdown():
    text = "See [the report](https://example.com).\r\n\r\n> He [Smith] left.\r\n\r\nHe [Smith] left.\r\n"
    assert at("BracketOutsideQuote", text) == ["5:4"]


# -- repeated-word ----------------------------------------------------------
def test_repeated_word_positions_and_fix():
    text = "Title\n\nThe the talks in\nin Cairo ended the the the day.\n"
    _, findings = run("RepeatedWord", text, "txt")
    assert [(f.line, f.col, f.end_line, f.end_col) for f in findings] == [(3, 1, 3, 8), (3, 15, 4, 3), (4, 16, 4, 23)]
    assert findings[0].message == "'the' is repeated."
    assert fixed("RepeatedWord", text, "txt") == "Title\n\nThe talks in Cairo ended the the day.\n"


def test_repeated_word_crlf_blockquote_and_blocks():
    assert fixed("RepeatedWord", "Talks in\r\nin Cairo.\r\n") == "Talks in Cairo.\r\n"
    assert at("RepeatedWord", "> Talks in\n> in Cairo.\n") == ["1:9"]
    assert at("RepeatedWord", "Talks ended in\n\nin Cairo.\n") == []
    assert at("RepeatedWord", "Talks *in* in Cairo.\n") == []  # Markdown between: not adjacent as typed


def test_repeated_phrase_edges_the_cheap_scan_must_not_lose():
    # The pattern decides; the scan before it must see each of these (a stop, brackets, quotes, apostrophes, case).
    assert at("RepeatedWord", "He said he would go home go home.\n") == ["1:18"]
    assert at("RepeatedWord", "The deal (keep him keep him) holds.\n") == ["1:11"]
    assert at("RepeatedWord", "“They don't know don't know,” she said.\n") == ["1:7"]
    assert at("RepeatedWord", "The deal the deal was signed.\n") == ["1:1"]
    assert at("RepeatedWord", "It rose 4 per cent 4 per cent on Monday.\n") == []  # numbers repeat in tables and lists
    assert at("RepeatedWord", "Lock her up, lock her up, they chanted.\n") == []
    # A fix of its own: the second run and the space before it go, and only with --unsafe-fixes.
    _, findings = run("RepeatedWord", "He would go home go home.\n")
    assert findings[0].fix is not None and not findings[0].fix.safe
    assert fixed("RepeatedWord", "He would go home go home.\n") == "He would go home.\n"
    # A CRLF between the runs, a mark the cheap scan must split at („ “), and a listed double inside a run.
    assert at("RepeatedWord", "Said it in the end\r\nin the end quickly.\r\n") == ["1:9"]
    assert at("RepeatedWord", "The crowd chanted „keep him keep him“ outside.\n") == ["1:20"]
    assert at("RepeatedWord", "He said that that is that that is it.\n") == ["1:9"]


def test_repeated_word_options():
    names = build_rule("T.R", "t.yml", {"extends": "repeated-word", "names": False, "exceptions": ["Had had"]})
    doc = document_from_string("Bora Bora. She had had enough.", "md")
    assert [f.col for f in lint(doc, [names]).findings] == [1]
    with pytest.raises(RuleError, match="exceptions"):
        build_rule("T.R", "t.yml", {"extends": "repeated-word", "exceptions": [3]})


# -- repeated-word: which fixes are safe --------------------------------------
def test_repeated_word_fix_is_safe_only_where_the_double_is_never_grammatical():
    _, findings = run("RepeatedWord", "The talks of of Cairo. They met in in June.\n")
    assert [(f.match, f.fix.safe) for f in findings] == [("of of", True), ("in in", False)]
    # --fix alone leaves the unsafe one for an editor.
    assert fixed_safe("RepeatedWord", "The talks of of Cairo. They met in in June.\n") == "The talks of Cairo. They met in in June.\n"


def fixed_safe(rule: str, text: str) -> str:
    _, findings = run(rule, text)
    for fix in sorted((f.fix for f in findings if f.fix and f.fix.safe), key=lambda x: -x.start):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text
