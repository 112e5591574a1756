"""The document model owns positions: 1-based line and column in code points of the original file."""

import pytest

from newslint.checks.existence import Existence  # noqa: F401  (kind registered)
from newslint.document.reader import decode, document_from_string, parse
from newslint.engine import lint
from newslint.loading import build_rule


def find(text, token, fmt="md", scope="text", bom=False):
    rule = build_rule("Test.Find", "Find.yml", {"extends": "existence", "message": "%s", "tokens": [token], "scope": scope, "nonword": True})
    doc = parse("t", text, fmt, bom)
    return [(f.line, f.col, f.end_line, f.end_col, f.match) for f in lint(doc, [rule]).findings]


def test_plain_lf():
    assert find("Title\n\nOne two target.\n", "target", "txt") == [(3, 9, 3, 15, "target")]


def test_crlf_counts_like_lf():
    assert find("Title\r\n\r\nOne two\r\ntarget here.\r\n", "target", "txt") == [(4, 1, 4, 7, "target")]


def test_bom_is_not_a_column():
    text, bom = decode("\ufeffTitle target\n".encode("utf-8"), "t")
    assert bom and find(text, "target", "txt", bom=True) == [(1, 7, 1, 13, "target")]


def test_tab_is_one_column():
    assert find("Title\n\n\tsome target\n", "target", "txt") == [(3, 7, 3, 13, "target")]


def test_emoji_is_one_code_point():
    # "😀" is one code point (two UTF-16 units, four UTF-8 bytes): the column counts it once.
    assert find("Title\n\n😀😀 target\n", "target", "txt") == [(3, 4, 3, 10, "target")]


def test_non_ascii_letters():
    assert find("Título\n\nÀ Zürich, target.\n", "target", "txt") == [(3, 11, 3, 17, "target")]


def test_markdown_front_matter_lines_count():
    text = "---\ntitle: A target title\ndate: 2020-01-01\n---\n\nBody has target too.\n"
    assert find(text, "target") == [(2, 10, 2, 16, "target"), (6, 10, 6, 16, "target")]


def test_front_matter_other_keys_are_not_prose():
    text = "---\ntitle: Fine\nsource: target\n---\n\nNothing.\n"
    assert find(text, "target") == []


def test_markdown_crlf_front_matter_and_emoji():
    text = "---\r\ntitle: \"😀 target\"\r\n---\r\n\r\n# Head 😀 target\r\n\r\n> quoted target\r\n"
    assert find(text, "target") == [(2, 11, 2, 17, "target"), (5, 10, 5, 16, "target"), (7, 10, 7, 16, "target")]


@pytest.mark.parametrize("text", [
    "Use `target` here.",
    "```\ntarget\n```",
    "    target in indented code",
    "A [link](http://example.com/target) here.",
    "See http://example.com/target now.",
    "A <!-- target --> comment.",
    "<div>\ntarget\n</div>",
    "Mail target@example.com today.",
])
def test_never_checked_in_markdown(text):
    assert find(text, "target") == []


@pytest.mark.parametrize("text,token,want", [
    # A run of * or _ with spaces on both sides is text in CommonMark, not emphasis: a blank to fill.
    ("The mayor thanked ___ for it.", "_+", [(1, 19, 1, 22, "___")]),
    ("Signed by ______ on Monday.", "_+", [(1, 11, 1, 17, "______")]),
    ("Rated * by critics.", r"\*", [(1, 7, 1, 8, "*")]),
    # A run nothing pairs is text too (CommonMark's delimiter rules), next to punctuation as well.
    ("Cost $___ million and 2 * 3, **unclosed.", r"_+|\*+", [(1, 7, 1, 10, "___"), (1, 25, 1, 26, "*"),
                                                              (1, 30, 1, 32, "**")]),
    # Emphasis marks are not: only the words inside are prose; a star in code pairs with nothing.
    ("Some **bold** and __strong__ and _em_, snake_case.", "[*_]+", [(1, 45, 1, 46, "_")]),
    ("An `a*b` and *c*, a *x _y* z_ end.", r"[*_]", [(1, 24, 1, 25, "_"), (1, 29, 1, 30, "_")]),
])
def test_emphasis_marks_but_not_lone_runs_are_markup(text, token, want):
    assert find(text, token) == want


def test_link_text_is_prose():
    assert find("A [target](http://example.com) here.", "target") == [(1, 4, 1, 10, "target")]


def test_multiline_match_end_position():
    assert find("Title\n\nfirst tar\nget\n", r"tar\nget", "txt") == [(3, 7, 4, 4, "tar\nget")]


def test_scopes_title_heading_paragraph():
    text = "Target title\n\nA target paragraph.\n"
    assert find(text, "target", "txt", scope="title") == []
    assert find(text, "Target", "txt", scope="title") == [(1, 1, 1, 7, "Target")]
    assert find(text, "target", "txt", scope="paragraph") == [(3, 3, 3, 9, "target")]
    md = "# A target\n\nAnd a target.\n"
    assert find(md, "target", scope="heading") == [(1, 5, 1, 11, "target")]
    assert find(md, "target", scope="heading.h2") == []
    assert find(md, "target", scope="~heading") == [(3, 7, 3, 13, "target")]


def test_quote_scope():
    text = "He said “a target here” and a target there. She said \"target\" and ‘target’."
    assert find(text, "target", scope="quote") == [(1, 12, 1, 18, "target"), (1, 55, 1, 61, "target"), (1, 68, 1, 74, "target")]


def test_quote_left_open_runs_to_paragraph_end():
    text = "“A quote that goes on target\n\n“and ends here target.” Not target."
    assert find(text, "target", scope="quote") == [(1, 23, 1, 29, "target"), (3, 16, 3, 22, "target")]


def test_apostrophes_do_not_open_quotes():
    doc = document_from_string("Israel’s war and the ’90s, don’t.", "md")
    assert doc.quotes == ()


def test_sentence_scope_splits_without_nlp():
    doc = document_from_string("Mr. Smith went to Washington. He said so! Did U.S. officials agree? Yes.", "md")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Mr. Smith went to Washington.", "He said so!", "Did U.S. officials agree?", "Yes."]


def test_raw_scope_sees_markup():
    assert find("Use `target` here.", "`target`", scope="raw") == [(1, 5, 1, 13, "`target`")]
