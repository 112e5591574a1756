"""The language server's core-facing parts, in process: positions in each LSP encoding, the
vocabulary edit of a .newslint.yaml, and config discovery and reload (no pygls needed)."""

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from newslint.errors import ConfigError
from newslint.lsp.checker import Checker, article_ext
from newslint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from newslint.lsp.vocabulary import add_accepted, term_for

CODECS = {UTF8: "utf-8", UTF16: "utf-16-le", UTF32: "utf-32-le"}
WIDTH = {UTF8: 1, UTF16: 2, UTF32: 4}


def expected_position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """Independently: lines split at CRLF, CR and LF; characters counted by encoding the prefix."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n")
    prefix = before[before.rfind("\n") + 1:]
    return line, len(prefix.encode(CODECS[encoding], "surrogatepass")) // WIDTH[encoding]


def test_an_emoji_before_a_match():
    text = "Talks 🎉 resume\n\nThe leader 🎉 Hanyahu spoke.\n"
    offset = text.index("Hanyahu")
    assert LineIndex(text, UTF16).position(offset) == (2, 14)
    assert LineIndex(text, UTF8).position(offset) == (2, 16)
    assert LineIndex(text, UTF32).position(offset) == (2, 13)
    for encoding, character in ((UTF16, 14), (UTF8, 16), (UTF32, 13)):
        assert LineIndex(text, encoding).offset(2, character) == offset


ALPHABET = st.sampled_from(["a", "é", "€", "🎉", "𝔸", "\n", "\r", "\r\n", " ", "中"])


@given(st.lists(ALPHABET, max_size=30).map("".join), st.data(), st.sampled_from([UTF8, UTF16, UTF32]))
def test_positions_round_trip_in_every_encoding(text, data, encoding):
    offset = data.draw(st.integers(0, len(text)))
    if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # between the CR and LF of one break: no finding starts there
    index = LineIndex(text, encoding)
    assert index.position(offset) == expected_position(text, offset, encoding)
    assert index.offset(*index.position(offset)) == offset


def test_positions_past_a_line_or_the_text_clamp():
    index = LineIndex("ab\ncd", UTF16)
    assert index.offset(0, 99) == 2  # the end of line 0, before its newline
    assert index.offset(7, 0) == 5
    assert index.offset(1, 1) == 4


@pytest.mark.parametrize(("before", "after"), [
    ("", "vocabulary:\n  accept: [Hanyahu]\n"),
    ("packs: [Newsroom]", "packs: [Newsroom]\nvocabulary:\n  accept: [Hanyahu]\n"),
    ("vocabulary: {accept: [Haniyeh], reject: [cease-fire]}\n",
     "vocabulary: {accept: [Haniyeh, Hanyahu], reject: [cease-fire]}\n"),
    ("vocabulary: {reject: [cease-fire]}\n", "vocabulary: {accept: [Hanyahu], reject: [cease-fire]}\n"),
    ("vocabulary:\n  accept:\n    - Haniyeh   # the leader\n    - Gaza\n  reject: [x]\nrules: {}\n",
     "vocabulary:\n  accept:\n    - Haniyeh   # the leader\n    - Gaza\n    - Hanyahu\n  reject: [x]\nrules: {}\n"),
    ("vocabulary:\nrules: {}\n", "vocabulary: {accept: [Hanyahu]}\nrules: {}\n"),
    ("vocabulary:\n  accept:\n  reject: [x]\n", "vocabulary:\n  accept: [Hanyahu]\n  reject: [x]\n"),
    ("vocabulary:\n  accept: []\n", "vocabulary:\n  accept: [Hanyahu]\n"),
    ("vocabulary:\n  accept: [a,\n    b]  # c\n", "vocabulary:\n  accept: [a,\n    b, Hanyahu]  # c\n"),
    ("vocabulary:\n  accept:\n  - a", "vocabulary:\n  accept:\n  - a\n  - Hanyahu\n"),
    ("vocabulary: {accept: [Hanyahu]}\n", "vocabulary: {accept: [Hanyahu]}\n"),  # there already
])
def test_add_accepted_edits_the_text_in_place(before, after):
    assert add_accepted(before, "Hanyahu") == after


def test_a_term_with_regex_or_yaml_syntax_is_escaped_and_quoted():
    new = add_accepted("packs: [Newsroom]\n", term_for("U.S.: yes"))
    assert yaml.safe_load(new)["vocabulary"]["accept"] == [r"U\.S\.: yes"]
    assert term_for("Al-Kahera") == "Al-Kahera"


@pytest.mark.parametrize("text", ["vocabulary: {accept: {a: b}}\n", "[a, b]\n", "packs: [\n"])
def test_a_config_that_cannot_be_edited_safely_is_refused(text):
    with pytest.raises(ConfigError):
        add_accepted(text, "Hanyahu")


def test_format_from_the_name_else_the_language():
    assert article_ext("/a/story.md", "plaintext") == ".md"
    assert article_ext("/a/story.html", None) == ".html"
    assert article_ext(None, "markdown") == ".md"
    assert article_ext("/a/notes.py", "python") is None


RULE = "extends: substitution\nmessage: \"Write '%s', not '%s'.\"\nswap: {Hanyahu: Haniyeh}\n"


def test_config_from_the_documents_folder_and_reloaded_when_it_changes(tmp_path):
    folder = tmp_path / "desk"
    (folder / "House").mkdir(parents=True)
    (folder / "House" / "Names.yml").write_text(RULE)
    config = folder / ".newslint.yaml"
    config.write_text("packs: [./House]\n")
    checker = Checker(root=tmp_path)
    story = str(folder / "story.txt")
    text = "Headline\n\nThe leader Hanyahu spoke.\n"
    assert [f.rule for f in checker.check(story, text).findings] == ["House.Names"]
    assert checker.check(str(tmp_path / "other.txt"), text).config.path is None  # no config above it
    config.write_text("packs: [./House]\nrules: {House.Names: off}\n")  # a new size: reloaded
    assert checker.check(story, text).findings == []
    assert checker.check(str(folder / "notes.py"), text, "python").doc is None  # not an article


def test_a_bom_is_one_character_in_the_editor(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Names.yml").write_text(RULE)
    (tmp_path / ".newslint.yaml").write_text("packs: [./House]\n")
    text = "\ufeffHanyahu spoke.\n"
    checked = Checker(root=tmp_path).check(str(tmp_path / "a.txt"), text)
    (finding,) = checked.findings
    assert text[finding.offset + checked.shift :].startswith("Hanyahu")


def test_a_misspelled_rule_in_the_config_is_noted_once_per_load(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Names.yml").write_text(RULE)
    (tmp_path / ".newslint.yaml").write_text("packs: [./House]\nrules: {House.Nams: off}\n")
    checker = Checker(root=tmp_path)
    checker.check(str(tmp_path / "a.txt"), "Hanyahu spoke.\n")
    checker.check(str(tmp_path / "a.txt"), "Hanyahu spoke again.\n")
    (note,) = checker.notes
    assert "House.Nams" in note and "House.Names" in note  # the name, and what was meant
