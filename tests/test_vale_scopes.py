"""#14 item 1: Vale's scope expressions (internal/check/scope.go), in any config."""

import pytest

from helpers import newslint, write

from newslint.scopes import check_entry, matches

H1 = frozenset(("text", "heading", "h1", "md"))
H2 = frozenset(("text", "heading", "h2", "md"))
PARA = frozenset(("paragraph", "md"))
CELL = frozenset(("text", "table", "cell", "md"))
TITLE = frozenset(("text", "frontmatter", "title", "md"))


@pytest.mark.parametrize("scope,parts,want", [
    (("heading & ~heading.h1",), H2, True),
    (("heading & ~heading.h1",), H1, False),
    (("~blockquote & ~heading",), PARA, True),
    (("~blockquote & ~heading",), H2, False),
    (("text.md",), H1, True),
    (("text.html",), H1, False),
    (("table.cell",), CELL, True),
    (("table.header",), CELL, False),
    (("text.frontmatter.title",), TITLE, True),
    (("~text.frontmatter.navigation_title",), TITLE, True),
    (("heading.h3", "heading.h2"), H2, True),
])
def test_matches_as_vale(scope, parts, want):
    assert matches(scope, parts) is want


def test_a_negation_never_selects_raw_or_summary():
    assert not matches(("~heading",), frozenset(("summary", "md")), sized=True)


@pytest.mark.parametrize("entry", ["heading & ~heading.h1", "figure.caption", "text.html", "paragraph.rst",
                                   "table.cell", "text.frontmatter.title", "~text.frontmatter.navigation_title", "alt"])
def test_accepted(entry):
    assert check_entry(entry) is None


def test_unknown_scope_is_refused():
    assert "unknown scope 'headline'" in check_entry("headline")


MD = """\
---
title: A TODO title
navigation_title: TODO nav
---

# TODO one

## TODO two

TODO para.

| TODO head | b |
| --- | --- |
| c | TODO cell |
"""


@pytest.mark.parametrize("scope,want", [
    ("heading & ~heading.h1", [8]),
    ("text.md & ~heading", [2, 3, 10, 12, 14]),
    ("text.html", []),
    ("table.cell", [14]),
    ("table.header", [12]),
    ("text.frontmatter.title", [2]),
    ("text & ~text.frontmatter.navigation_title", [2, 6, 8, 10, 12, 14]),
    ("[heading.h1, table.header]", [6, 12]),  # a list: any entry
])
def test_end_to_end(tmp_path, scope, want):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Todo.yml", f"extends: existence\nmessage: '%s'\nscope: {scope}\ntokens: [TODO]\n")
    write(tmp_path / "a.md", MD)
    r = newslint("check", "--format", "json", "a.md", cwd=tmp_path)
    assert r.err == "" and sorted(f["line"] for f in r.json["findings"]) == want, r.err


def test_expression_in_a_newslint_pack(tmp_path):
    write(tmp_path / ".newslint.yaml", "packs: [./House]\n")
    write(tmp_path / "House/Todo.yml", "extends: existence\nmessage: '%s'\nscope: heading & ~heading.h1\ntokens: [TODO]\n")
    write(tmp_path / "a.md", "# TODO one\n\n## TODO two\n\nTODO.\n")
    r = newslint("check", "--format", "json", "a.md", cwd=tmp_path)
    assert [f["line"] for f in r.json["findings"]] == [3], r.err


SENTENCE_RULE = "extends: existence\nmessage: \"'%s'\"\nscope: sentence\ntokens: [zzz]\n"
END_RULE = "extends: existence\nmessage: \"'%s' ends\"\nnonword: true\ntokens: ['\\w+!(?:\\s|$)', '\\w+\\.$']\n"


@pytest.mark.parametrize("with_sentence_rule,want", [
    # #14 item 8: with a scope: sentence rule loaded, Vale also runs text rules on each sentence of a
    # paragraph first (nlp/provider.go doNLP): `$` holds at a sentence's end, and at one place the
    # sentence's alert stays ('amazing!', not the paragraph's 'amazing! ').
    (True, [(3, 4, "amazing!"), (3, 28, "too."), (3, 37, "end.")]),
    (False, [(3, 4, "amazing! "), (3, 37, "end.")]),
])
def test_text_rules_also_run_per_sentence_when_a_rule_reads_sentences(tmp_path, with_sentence_rule, want):
    write(tmp_path / ".vale.ini", "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = T\n")
    write(tmp_path / "styles" / "T" / "End.yml", END_RULE)
    if with_sentence_rule:
        write(tmp_path / "styles" / "T" / "Sent.yml", SENTENCE_RULE)
    write(tmp_path / "a.md", "# Title\n\nSo amazing! It is **bold** too. The end.\n")
    write(tmp_path / "a.txt", "Title\n\nSo amazing! It is **bold** too. The end.\n")  # Vale's lintTxt: the same
    for name in ("a.md", "a.txt"):
        run = newslint("check", name, "--format", "json", "--no-cache", cwd=tmp_path)
        assert [(f["line"], f["col"], f["match"]) for f in run.json["findings"]] == want, (name, run.err)
