"""Inline suppression comments in Markdown (newslint's and Vale's) and per-file settings."""

import pytest

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import build_rule

RULES = [
    build_rule("House.Very", "Very.yml", {"extends": "existence", "message": "%s", "tokens": ["very"]}),
    build_rule("House.Bad", "Bad.yml", {"extends": "existence", "message": "%s", "tokens": ["bad"]}),
    build_rule("Other.Bad", "Bad.yml", {"extends": "existence", "message": "%s", "tokens": ["bad"]}),
]


def found(text):
    return [(f.rule, f.line) for f in lint(document_from_string(text, "md"), RULES).findings]


def test_no_comment_all_found():
    assert found("very bad\n") == [("House.Very", 1), ("House.Bad", 1), ("Other.Bad", 1)]


@pytest.mark.parametrize("text,expected", [
    ("<!-- newslint-disable -->\nvery bad\n<!-- newslint-enable -->\n\nvery\n", [("House.Very", 5)]),
    ("<!-- newslint-disable House.Very -->\nvery bad\n", [("House.Bad", 2), ("Other.Bad", 2)]),
    ("<!-- newslint-disable House.Very, House.Bad -->\nvery bad\n", [("Other.Bad", 2)]),
    ("<!-- newslint-disable House -->\nvery bad\n", [("Other.Bad", 2)]),
    ("<!-- newslint-disable -->\n<!-- newslint-enable House.Very -->\nvery bad\n", [("House.Very", 3)]),
    ("<!-- newslint-disable-next-line House.Very -->\nvery bad\n\nvery\n", [("House.Bad", 2), ("Other.Bad", 2), ("House.Very", 4)]),
    ("<!-- newslint-disable-next-line -->\nvery bad\nvery\n", [("House.Very", 3)]),
    ("very <!-- vale off --> bad\n\nvery\n\n<!-- vale on -->\n\nbad", [("House.Very", 1), ("House.Bad", 7), ("Other.Bad", 7)]),
    ("<!-- vale House.Bad = NO -->\n\nvery bad\n\n<!-- vale House.Bad = YES -->\n\nbad\n",
     [("House.Very", 3), ("Other.Bad", 3), ("House.Bad", 7), ("Other.Bad", 7)]),
    ("<!-- vale Other = NO -->\nbad\n", [("House.Bad", 2)]),
    # Vale 3 (vale-cli/vale internal/core/file.go): one switch per name, a finding off while any is.
    ("<!-- vale House = NO -->\n<!-- vale House.Bad = YES -->\nvery bad\n", [("Other.Bad", 3)]),
    ("<!-- vale off -->\n<!-- vale House.Bad = YES -->\nbad\n<!-- vale on -->\nbad\n",
     [("House.Bad", 5), ("Other.Bad", 5)]),
    ("<!-- vale House = off -->\nvery bad\n<!-- vale House = on -->\nvery\n", [("Other.Bad", 2), ("House.Very", 4)]),
    ('<!-- vale House.Bad["bad"] = NO -->\nvery bad\n<!-- vale House.Bad["bad"] = YES -->\nbad\n',
     [("House.Very", 2), ("Other.Bad", 2), ("House.Bad", 4), ("Other.Bad", 4)]),
    ('<!-- vale House.Bad["Bad"] = NO -->\nbad\n', [("House.Bad", 2), ("Other.Bad", 2)]),  # the match, as written
    ('<!-- vale House.Bad["x", "bad"] = NO -->\nbad\n', [("Other.Bad", 2)]),
    ('<!-- vale House.Bad[not json] = NO -->\nbad\n', [("House.Bad", 2), ("Other.Bad", 2)]),
    ("<!-- vale style = Other -->\nvery bad\n<!-- vale House = YES -->\nvery\n", [("Other.Bad", 2), ("House.Very", 4)]),
    ("<!-- vale styles = House, Other -->\nbad\n", [("House.Bad", 2), ("Other.Bad", 2)]),
])
def test_comments(text, expected):
    assert sorted(found(text), key=lambda x: (x[1], x[0])) == sorted(expected, key=lambda x: (x[1], x[0]))


def test_comments_are_not_directives_in_plain_text():
    doc = document_from_string("Title\n\n<!-- newslint-disable -->\nvery\n", "txt")
    assert [f.rule for f in lint(doc, RULES).findings] == ["House.Very"]


def test_every_vale_comment_form_names_its_rules_for_the_typo_warning():
    from newslint.suppression import named
    doc = document_from_string('<!-- vale House.Bda["bad"] = NO -->\n\n<!-- vale Hous = off -->\n\n'
                               "<!-- vale styles = House, Othr -->\n\nbad\n", "md")
    assert named(doc) == [(1, "House.Bda"), (3, "Hous"), (5, "House"), (5, "Othr")]


def test_brackets_nested_past_the_recursion_limit_are_no_switch():
    deep = "[" * 50_000 + "]" * 50_000
    assert found(f"<!-- vale House.Bad{deep} = NO -->\n\nbad\n") == [("House.Bad", 3), ("Other.Bad", 3)]
