"""The junction table behind Fragment's `junction` kind: what it calls improbable, and bad tables."""

import pytest

from newslint.checks import _junctions
from newslint.config import builtin_packs
from newslint.errors import RuleError
from newslint.loading import build_rule

TABLE = builtin_packs()["Newsroom"] / "data" / "junctions.tsv"


def table():
    return _junctions.load(TABLE, TABLE.stat().st_mtime)


@pytest.mark.parametrize("pair", ["the of", "the this", "a with", "the we", "an of"])
def test_cut_out_chunks_leave_improbable_junctions(pair):
    assert table().improbable(*pair.split(), 3.0)


@pytest.mark.parametrize("pair", ["of the", "the other", "a few", "a while", "the most", "to be", "the first"])
def test_ordinary_english_is_probable(pair):
    assert not table().improbable(*pair.split(), 3.0)


def test_rare_words_are_never_judged():
    # "the zebra": not a function word, so the table has no say.
    assert not table().improbable("the", "zebra", 0.0)


def test_a_bad_table_is_a_rule_error_naming_its_line(tmp_path):
    bad = tmp_path / "j.tsv"
    bad.write_text("total\t100\nword\tthe\tmany\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"j.tsv:2: expected"):
        build_rule("T.F", str(tmp_path / "F.yml"), {"extends": "fragment", "message": "%s", "junctions": "j.tsv"})
    with pytest.raises(RuleError, match="cannot read"):
        build_rule("T.F", str(tmp_path / "F.yml"), {"extends": "fragment", "message": "%s", "junctions": "nope.tsv"})
