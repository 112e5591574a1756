"""Machine formats, each validated against its published schema or format."""

import json
import re

import jsonschema
import pytest

from conftest import ROOT, SHARED
from helpers import house_pack, newslint, write

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
# "😀 We utilize" puts a non-BMP character before the match: code points, UTF-16 and UTF-8 columns differ.
ARTICLE = "Headline\n\n😀 We utilize it, very much.\n"


@pytest.fixture
def repo(tmp_path):
    house_pack(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    return tmp_path


def test_sarif_valid_and_complete(repo):
    r = newslint("check", "a.txt", "--format", "sarif", cwd=repo)
    assert r.code == 1
    sarif = json.loads(r.out)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"House.Utilize", "House.Very"}
    assert rules["House.Utilize"]["help"]["text"] and rules["House.Utilize"]["shortDescription"]["text"]
    first = run["results"][0]
    assert first["ruleId"] == "House.Utilize" and first["level"] == "warning"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "House.Utilize"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 6, 13)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert run["results"][1]["level"] == "note"


def test_sarif_fingerprints_stable_when_lines_shift(repo):
    before = json.loads(newslint("check", "a.txt", "-f", "sarif", cwd=repo).out)["runs"][0]["results"]
    write(repo / "a.txt", "Headline\n\nA new paragraph.\n\n" + ARTICLE.split("\n\n", 1)[1] + "\nWe utilize again.\n")
    after = json.loads(newslint("check", "a.txt", "-f", "sarif", cwd=repo).out)["runs"][0]["results"]
    fp = lambda results: [r["partialFingerprints"]["newslint/v1"] for r in results]
    assert fp(before) == fp(after)[:2]  # moved two lines down, same fingerprints
    assert fp(after)[2] not in fp(before)  # a new occurrence is new
    assert after[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_sarif_valid_without_findings(repo):
    write(repo / "b.txt", "Headline\n\nClean.\n")
    r = newslint("check", "b.txt", "-f", "sarif", cwd=repo)
    assert r.code == 0
    jsonschema.validate(json.loads(r.out), json.loads(SARIF_SCHEMA.read_text()))


GITHUB = re.compile(r"^::(notice|warning|error) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.+)$")


def test_github_annotations(repo):
    write(repo / "b.txt", "Headline\n\nIt is 100% very good, 50%\nmore.\n")
    r = newslint("check", "a.txt", "b.txt", "--format", "github", cwd=repo)
    assert r.code == 1
    lines = r.out.splitlines()
    parsed = [GITHUB.match(line).groups() for line in lines]
    assert parsed[0] == ("warning", "a.txt", "3", "6", "3", "13", "House.Utilize", "Use 'use' instead of 'utilize'.")
    assert parsed[1][:2] == ("notice", "a.txt")
    assert len(parsed) == 3


def test_github_escapes():
    from newslint.report.github import _data, _prop
    assert _data("50%\nnext") == "50%25%0Anext"
    assert _prop("a:b,c") == "a%3Ab%2Cc"


def test_rdjson_valid_and_utf8_columns(repo):
    r = newslint("check", "a.txt", "--format", "rdjson", cwd=repo)
    data = json.loads(r.out)
    jsonschema.validate(data, json.loads((ROOT / "tests" / "schemas" / "rdjson-DiagnosticResult.json").read_text()))
    first = data["diagnostics"][0]
    # reviewdog counts UTF-8 bytes: "😀 We " is 4 + 4 bytes, so 'utilize' starts at byte column 9.
    assert first["location"] == {"path": "a.txt", "range": {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 16}}}
    assert first["severity"] == "WARNING" and first["code"]["value"] == "House.Utilize"


def test_gitlab_code_quality(repo):
    r = newslint("check", "a.txt", "--format", "gitlab", cwd=repo)
    data = json.loads(r.out)
    jsonschema.validate(data, json.loads((ROOT / "tests" / "schemas" / "gitlab-code-quality.json").read_text()))
    assert [d["severity"] for d in data] == ["minor", "info"]
    assert data[0]["location"]["positions"]["begin"] == {"line": 3, "column": 6}
    assert len({d["fingerprint"] for d in data}) == 2


@pytest.mark.parametrize("fmt", ["sarif", "github", "rdjson", "gitlab", "json"])
def test_fail_on_applies_to_every_format(repo, fmt):
    assert newslint("check", "a.txt", "-f", fmt, "--fail-on", "error", cwd=repo).code == 0
    assert newslint("check", "a.txt", "-f", fmt, cwd=repo).code == 1
