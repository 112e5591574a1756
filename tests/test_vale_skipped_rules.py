"""#14 item 13: a rule newslint cannot load never stops a Vale setup.

A Tengo `script` rule (newslint has no Tengo interpreter) or a rule newslint
rejects is skipped with one stderr line naming its file and line; every other
rule runs; `--strict` makes the skipped rules an error (exit 2).
"""

import pytest

from helpers import newslint, write

SCRIPT = """
extends: script
message: "Consider inserting a new section heading at this point."
link: https://tengo.io/
scope: raw
script: |
  text := import("text")
  matches := []
"""
GOOD = """
extends: existence
message: "Avoid '%s'."
tokens: [utilize]
"""
BAD_KEY = """
extends: existence
message: "x"
tokens: [a]
nonsense: 1
"""


@pytest.fixture
def setup(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Sections.yml", SCRIPT)
    write(tmp_path / "styles/House/Utilize.yml", GOOD)
    write(tmp_path / "styles/House/Zany.yml", BAD_KEY)
    write(tmp_path / "a.md", "# Title\n\nWe utilize it.\n")
    return tmp_path


def test_script_and_bad_rules_are_skipped_and_the_rest_runs(setup):
    r = newslint("check", "a.md", "--format", "json", cwd=setup)
    assert r.code == 1, r.err
    assert [(f["rule"], f["line"], f["col"]) for f in r.json["findings"]] == [("House.Utilize", 3, 4)]
    lines = r.err.strip().splitlines()
    assert len(lines) == 2, r.err
    assert lines[0].startswith("newslint: warning: styles/House/Sections.yml:1: Vale's 'script' kind")
    assert lines[1].startswith("newslint: warning: styles/House/Zany.yml:4: unknown key 'nonsense'")
    assert all(line.endswith("rule skipped (--strict makes this an error)") for line in lines)
    assert "Traceback" not in r.err


def test_strict_makes_them_errors(setup):
    r = newslint("check", "a.md", "--strict", cwd=setup)
    assert r.code == 2
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert [line.split(":")[1] for line in lines] == [" styles/House/Sections.yml", " styles/House/Zany.yml"]


def test_a_setting_naming_a_skipped_rule_is_not_an_error(setup):
    write(setup / ".vale.ini", "StylesPath = styles\n[*.md]\nBasedOnStyles = House\nHouse.Sections = NO\n")
    r = newslint("check", "a.md", "--format", "json", cwd=setup)
    assert r.code == 1 and len(r.json["findings"]) == 1


def test_one_warning_per_rule_for_many_files(setup):
    write(setup / "b.md", "# Other\n\nWe utilize it too.\n")
    r = newslint("check", "a.md", "b.md", "--format", "json", cwd=setup)
    assert r.code == 1 and len(r.json["findings"]) == 2
    assert len(r.err.strip().splitlines()) == 2


def test_json_report_still_printed_when_a_file_cannot_be_read(setup):
    (setup / "bin.md").write_bytes(b"\xff\xfe\x00bad")
    r = newslint("check", "a.md", "bin.md", "--format", "json", cwd=setup)
    assert r.code == 2
    assert len(r.json["findings"]) == 1
    assert any("bin.md" in e for e in r.json["errors"])


def test_a_comment_naming_a_skipped_rule_is_no_typo(setup):
    """A comment switching off a rule that was skipped at load names a real rule: no 'unknown' warning;
    a misspelled name still gets one."""
    write(setup / "a.md", "<!-- vale House.Sections = NO -->\n<!-- vale House.Utilise = NO -->\n\nWe utilize it.\n")
    run = newslint("check", "a.md", "--no-cache", cwd=setup)
    assert "House.Sections" not in run.err.replace("House/Sections.yml", "")
    assert "unknown rule or pack 'House.Utilise'" in run.err
