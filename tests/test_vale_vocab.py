"""#14 item 5: a Vale vocabulary's accepted terms are a capitalization rule's exceptions (updateExceptions)."""

import pytest

from helpers import newslint, write

RULE = "extends: capitalization\nmessage: \"'%s' should be sentence-cased\"\nmatch: $sentence\nscope: heading\n{extra}"


@pytest.mark.parametrize("extra,want", [("", []), ("vocab: false\n", [3])])
def test_accepted_terms_are_capitalization_exceptions(tmp_path, extra, want):
    write(tmp_path / ".vale.ini", "StylesPath = styles\nVocab = House\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/config/vocabularies/House/accept.txt", "High-Def\nRender Pipeline\n")
    write(tmp_path / "styles/House/Sentence.yml", RULE.format(extra=extra))
    write(tmp_path / "a.md", "# Title\n\n## Try the High-Def Render Pipeline\n")
    r = newslint("check", "--format", "json", "--no-cache", "a.md", cwd=tmp_path)
    assert r.code in (0, 1), r.err
    assert [f["line"] for f in r.json["findings"]] == want
