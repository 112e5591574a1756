"""Vale configs read Markdown and HTML as Vale renders them, and Hunspell files as gospell reads them (#14).

Items 3 (inline markup removed, positions kept), 5 (vocabulary as exceptions),
6 (dictionaries), 7 (raw rules ignore toggles).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks.base import OptionError
from newslint.checks.spelling import load_dictionary
from newslint.engine import check_document
from newslint.vale.ini import load_vale_ini
from newslint.vale.rendered import view_of

SPACING = """extends: existence
message: "Check '%s'"
level: error
nonword: true
tokens:
  - '[a-z][.?!,][A-Z]'
  - '[\\w.?!,\\(\\)\\-":] {2,}[\\w.?!,\\(\\)\\-":]'
"""


def _setup(tmp: Path, rules: dict[str, str], ini_extra: str = "", vocab: str = "") -> Path:
    for name, body in rules.items():
        (tmp / "styles" / "T").mkdir(parents=True, exist_ok=True)
        (tmp / "styles" / "T" / f"{name}.yml").write_text(body, encoding="utf-8")
    head = "StylesPath = styles\nMinAlertLevel = suggestion\n"
    if vocab:
        folder = tmp / "styles" / "config" / "vocabularies" / "V"
        folder.mkdir(parents=True)
        (folder / "accept.txt").write_text(vocab, encoding="utf-8")
        head += "Vocab = V\n"
    ini = tmp / ".vale.ini"
    ini.write_text(head + ini_extra + "\n[*]\nBasedOnStyles = T\n", encoding="utf-8")
    return ini


def _lint(ini: Path, name: str, text: str):
    config = load_vale_ini(ini)
    path = ini.parent / name
    path.write_text(text, encoding="utf-8")
    doc = config.read(str(path), text)
    return doc, [(f.line, f.col, f.rule, f.message, f.match) for f in check_document(doc, config).findings]


def test_markup_is_removed_not_blanked(tmp_path):
    ini = _setup(tmp_path, {"Spacing": SPACING})
    text = "1. Step.\n   - In the **Project name** field, enter `animals`.\n\nA very good sentence.And another.\n"
    doc, found = _lint(ini, "a.md", text)
    assert view_of(doc).doc.text.splitlines()[2] == "In the Project name field, enter *******."
    assert found == [(4, 20, "T.Spacing", "Check 'e.A'", "e.A")]


def test_a_match_across_markup_keeps_its_place_in_the_file(tmp_path):
    rule = "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - very good\n"
    ini = _setup(tmp_path, {"VeryGood": rule})
    doc, found = _lint(ini, "a.md", "It was a **very** good day.\n")
    # The message quotes what the rule saw; the position and match are the file's.
    assert found == [(1, 12, "T.VeryGood", "'very good'", "very** good")]


def test_a_heading_opening_with_code_starts_with_a_word(tmp_path):
    rule = "extends: capitalization\nmessage: \"'%s'\"\nscope: heading\nmatch: $sentence\n"
    ini = _setup(tmp_path, {"Case": rule})
    _, found = _lint(ini, "a.md", "## `this` is in sentence case\n\n## this is not\n")
    assert [f[:2] for f in found] == [(3, 4)]


def test_html_references_are_read_as_characters(tmp_path):
    rule = "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - 'doesn\\S t'\n  - 'doesn’t'\n"
    ini = _setup(tmp_path, {"Ref": rule})
    _, found = _lint(ini, "a.html", "<html><body><p>That doesn&#8217;t work.</p></body></html>\n")
    assert found == [(1, 21, "T.Ref", "'doesn’t'", "doesn&#8217;t")]


def test_raw_rules_ignore_comment_toggles(tmp_path):
    raw = "extends: existence\nmessage: x\nscope: raw\nraw:\n  - '\\.html\\)'\n"
    text_rule = "extends: existence\nmessage: y\ntokens:\n  - Internal\n"
    ini = _setup(tmp_path, {"Raw": raw, "Text": text_rule})
    _, found = _lint(ini, "a.md", "<!-- vale off -->\n\nInternal [link](../index.html)\n")
    assert [f[2] for f in found] == ["T.Raw"]


def test_vocabulary_terms_are_each_rules_exceptions(tmp_path):
    rule = "extends: repetition\nmessage: \"'%s'\"\nalpha: true\ntokens:\n  - '[^\\s]+'\n"
    ini = _setup(tmp_path, {"Rep": rule}, vocab="did\n")
    _, found = _lint(ini, "a.md", "Sometimes did did is okay. But the the is not.\n")
    assert [f[4] for f in found] == ["the the"]


# -- Hunspell files as gospell reads them (#14 item 6) -------------------------------------------

def _dictionary(tmp: Path, aff: str, dic: str, encoding: str = "utf-8") -> tuple[str, str]:
    (tmp / "d.aff").write_bytes(aff.encode(encoding))
    (tmp / "d.dic").write_bytes(dic.encode(encoding))
    return str(tmp / "d.dic"), str(tmp / "d.aff")


def test_a_phone_table_is_skipped(tmp_path):
    aff = "SET UTF-8\nPHONE 2\nPHONE \ufffd<   E\nPHONE B    B\n"
    d = load_dictionary(*_dictionary(tmp_path, aff, "1\nnewsroom\n"))
    assert d.lookup("newsroom") and not d.lookup("newsrom")


def test_an_aff_without_set_is_utf8(tmp_path):
    aff = "SFX S N 1\nSFX S а 0 .\n"
    d = load_dictionary(*_dictionary(tmp_path, aff, "1\nструктура/S\n"))
    assert d.lookup("структур") and d.lookup("структура")


def test_hyphenated_words_are_not_split(tmp_path):
    d = load_dictionary(*_dictionary(tmp_path, "SET UTF-8\n", "2\nhuman\nfriendly\n"))
    assert d.lookup("human") and not d.lookup("human-friendly")


def test_an_unreadable_dictionary_names_its_file(tmp_path):
    dic, aff = _dictionary(tmp_path, "SET UTF-8\nSFX S Y x\n", "1\nword/S\n")  # spylls: int('x')
    with pytest.raises(OptionError) as err:
        load_dictionary(dic, aff)
    assert "d.dic" in err.value.message


def test_vale_spelling_uses_config_dictionaries_and_ignore_lists(tmp_path):
    folder = tmp_path / "styles" / "config"
    (folder / "dictionaries").mkdir(parents=True)
    (folder / "dictionaries" / "news.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (folder / "dictionaries" / "news.dic").write_text("3\nthe\nnewsroom\nwrote\n", encoding="utf-8")
    (folder / "ignore" / "tech").mkdir(parents=True)
    (folder / "ignore" / "tech" / "words.txt").write_text("nginx\n", encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\n\n[*]\nVale.Spelling = YES\n", encoding="utf-8")
    _, found = _lint(ini, "a.md", "The newsroom wrote nginx zzyzx.\n")
    assert [f[4] for f in found] == ["zzyzx"]


def test_a_multi_line_front_matter_value_is_prose(tmp_path):
    """#14 item 9: `key: |` values are linted for text.frontmatter.<key>, where each line is written."""
    rule = "extends: existence\nmessage: \"'%s'\"\nscope: text.frontmatter.description\ntokens:\n  - utilize\n"
    ini = _setup(tmp_path, {"Desc": rule})
    text = "---\ntitle: A title\ndescription: |\n  We plan to\n  utilize it.\ntags: [a]\n---\n\nWe utilize it here too.\n"
    _, found = _lint(ini, "a.md", text)
    assert [f[:2] for f in found] == [(5, 3)]
