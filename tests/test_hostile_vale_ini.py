"""A hostile `.vale.ini` (issue #18): its patterns run under the time limit, and every error names
the line that holds the bad value."""

import pytest

from helpers import newslint, write

VERY = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [very]\n"


def _project(root, ini: str) -> None:
    write(root / "styles" / "House" / "Very.yml", VERY)
    (root / ".vale.ini").write_text(ini, encoding="utf-8")
    write(root / "a.md", "A very " + "a" * 40 + "!\n")
    write(root / "b.md", "A very good day.\n")


@pytest.mark.parametrize("key", ["TokenIgnores", "BlockIgnores", "IgnorePatterns"])
def test_a_runaway_ignore_pattern_is_that_files_error_and_the_run_goes_on(tmp_path, key):
    _project(tmp_path, f"StylesPath = styles\n\n[*]\nBasedOnStyles = House\n{key} = (a|a)+$\n")
    r = newslint("check", "a.md", "b.md", "--no-cache", "--no-nlp", "-f", "json", "--timeout-per-file", "0",
                 cwd=tmp_path, timeout=60)
    assert r.code == 2, r.err
    assert [(f["path"], f["rule"]) for f in r.json["findings"]] == [("b.md", "House.Very")], r.out
    assert len(r.json["errors"]) == 1, r.json["errors"]
    error = r.json["errors"][0]
    assert error.startswith("a.md: not checked: ") and f".vale.ini:5: {key} = (a|a)+$ ran past" in error, error
    assert "Traceback" not in r.err


@pytest.mark.parametrize("key", ["TokenIgnores", "BlockIgnores", "IgnorePatterns"])
def test_a_broken_ignore_pattern_is_a_config_error_naming_its_line(tmp_path, key):
    _project(tmp_path, f"StylesPath = styles\n\n[*]\nBasedOnStyles = House\nTokenIgnores = x\n{key} = (a\n")
    r = newslint("check", "b.md", "--no-cache", "--no-nlp", cwd=tmp_path, timeout=60)
    assert r.code == 2
    assert f".vale.ini:6: bad regular expression in {key}: (a" in r.err, r.err
    assert r.err.count("\n") == 1, r.err


@pytest.mark.parametrize("ini, line", [
    # a repeated key adds its values ("shadows"): a bad one is named on its own line, not the first's
    ("StylesPath = styles\n\n[*]\nBasedOnStyles = House\nBasedOnStyles = Nope\n", 5),
    ("StylesPath = styles\nStylesPath = nowhere\n\n[*]\nBasedOnStyles = House\n", 2),
    ("StylesPath = styles\nMinAlertLevel = warning\nMinAlertLevel = loud\n[*]\nBasedOnStyles = House\n", 3),
    ("StylesPath = styles\nVocab = \nVocab = Nope\n[*]\nBasedOnStyles = House\n", 3),
    # only CR, LF and CRLF end a line (as everywhere in newslint): a form feed does not
    ("StylesPath = styles\n\x0c\x0b\n[*]\nBasedOnStyles = Nope\n", 4),
    ("StylesPath = styles\r\n\r\n[*]\rBasedOnStyles = Nope\n", 4),
])
def test_each_ini_error_names_the_line_of_its_value(tmp_path, ini, line):
    _project(tmp_path, ini)
    r = newslint("check", "b.md", "--no-cache", "--no-nlp", cwd=tmp_path, timeout=60)
    assert r.code == 2
    assert f".vale.ini:{line}: " in r.err, r.err
