"""Three real Vale setups, as shipped, run to the end on a sample of their own documentation (#14).

fixtures/vale/setups/<name>/ holds each project's files where they sit in its repository, with a
README.md naming the repository, commit and license:

- grafana: a sample of writers-toolkit's docs, checked with the setup in fixtures/vale/grafana
  (the grafana/vale image's `.vale.ini`, no StylesPath: $VALE_STYLES_PATH, as test_vale_grafana).
- redhat: vale-at-red-hat's `.vale.ini` and `.vale/styles`, seven of its AsciiDoc modules and
  its Markdown. newslint reads no AsciiDoc: the `.adoc` files are named one by one and read as
  plain text (a directory walk would skip them), under the ini's `[[!.]*.adoc]` section.
- elastic: vale-rules' `.vale.ini`, `styles/`, its Markdown and `rule-tests/`, Elastic's own
  regression tests of its rules. Their expectations are read from `run_rule_tests.py` with `ast`
  and compared with newslint's findings, as that script compares Vale's alerts.

Each run must end with exit 0 or 1, print only the warnings expected of the setup, and give
findings of the setup's own styles at places that exist in the files.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import newslint, write  # noqa: E402

VALE = Path(__file__).parent / "fixtures" / "vale"
SETUPS = VALE / "setups"
GRAFANA = VALE / "grafana"
REDHAT = SETUPS / "redhat" / "vale-at-red-hat"
ELASTIC = SETUPS / "elastic" / "vale-rules"
RULE_TESTS = ELASTIC / "rule-tests" / "run_rule_tests.py"

SCRIPT_SKIPPED = r"newslint: warning: \S+\.yml:1: Vale's 'script' kind \(Tengo scripts\) is not supported by newslint; rule skipped \(--strict makes this an error\)"
PACKAGES = r"newslint: warning: \S+\.vale\.ini:\d+: Packages are not downloaded \(newslint has no 'vale sync'\).*"


@dataclass(frozen=True)
class Setup:
    cwd: Path
    args: tuple[str, ...]  # the files and folders checked, relative to cwd, then options
    styles: Path  # StylesPath
    based_on: frozenset[str]  # BasedOnStyles: every finding's rule is one of these styles'
    files: int  # how many files the run checks
    stderr: tuple[str, ...] = ()  # every stderr line fully matches one of these
    env: dict = field(default_factory=dict)


SETUP = {
    "grafana": Setup(
        cwd=SETUPS / "grafana" / "writers-toolkit",
        args=("docs/sources", "--config", str(GRAFANA / "vale" / ".vale.ini")),
        styles=GRAFANA / "styles", based_on=frozenset({"Grafana"}), files=10,
        stderr=(SCRIPT_SKIPPED, PACKAGES,
                # upstream's own slip, word-list/index.md:99: `<!-- vale Grafana.YES = NO -->`
                r"newslint: warning: \S+/word-list/index\.md:99: suppression comment: unknown rule or pack "
                r"'Grafana\.YES' \(did you mean Grafana\.\w+\?\)"),
        env={"VALE_STYLES_PATH": str(GRAFANA / "styles")}),
    "redhat": Setup(
        cwd=REDHAT,
        args=(*sorted(str(p.relative_to(REDHAT)) for p in (REDHAT / "docs" / "modules").glob("*.adoc")),
              "schematron", ".github/ISSUE_TEMPLATE/bug_report.md"),
        styles=REDHAT / ".vale" / "styles", based_on=frozenset({"RedHat"}), files=10, stderr=(PACKAGES,)),
    "elastic": Setup(cwd=ELASTIC, args=(".",), styles=ELASTIC / "styles", based_on=frozenset({"Elastic"}), files=5),
}


@pytest.fixture(scope="module", params=sorted(SETUP))
def run(request):
    setup = SETUP[request.param]
    result = newslint("check", *setup.args, "--format", "json", "--no-cache", cwd=setup.cwd, env=setup.env, timeout=300)
    return setup, result


def test_the_setup_runs_to_the_end(run):
    setup, result = run
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    for line in result.err.splitlines():
        assert any(re.fullmatch(p, line) for p in setup.stderr), f"unexpected on stderr: {line}"
    report = result.json
    assert report["errors"] == []
    assert report["summary"]["files"] == setup.files


def test_findings_come_from_the_setups_styles(run):
    setup, result = run
    findings = result.json["findings"]
    assert findings
    for style in setup.based_on:
        assert (setup.styles / style).is_dir(), style
    assert {f["rule"].split(".")[0] for f in findings} <= setup.based_on


def test_findings_point_inside_their_file(run):
    setup, result = run
    lines_of: dict[str, list[str]] = {}
    for f in result.json["findings"]:
        if f["path"] not in lines_of:
            lines_of[f["path"]] = (setup.cwd / f["path"]).read_text(encoding="utf-8").split("\n")
        lines = lines_of[f["path"]]
        where = f"{f['path']}:{f['line']}:{f['col']} {f['rule']}"
        assert 1 <= f["line"] <= f["end_line"] <= len(lines), where
        assert 1 <= f["col"] and f["col"] - 1 <= len(lines[f["line"] - 1]), where
        assert f["end_col"] - 1 <= len(lines[f["end_line"] - 1]), where
        # `match` is the file's own text at the finding's span
        span = "\n".join(lines[f["line"] - 1 : f["end_line"]])
        start = f["col"] - 1
        end = len(span) - len(lines[f["end_line"] - 1]) + f["end_col"] - 1
        assert span[start:end] == f["match"], where


# --- Elastic's rule-tests/run_rule_tests.py, ported ---------------------------------------------


@dataclass(frozen=True)
class Expectation:
    fixture: str  # a file in rule-tests/fixtures
    config: str  # "DEFAULT_CONFIG" or the call that writes the config, e.g. "spelling_config(Path(tmp))"
    rule: str
    mode: str  # "contains": these alerts are among the rule's (assert_rule_contains); "matches": exactly these
    expected: tuple[tuple[int, str], ...]


def _expectations() -> list[Expectation]:
    """What run_rule_tests.py's main() asserts: the ALL_RULES_EXPECTED loop and each assert_rule_matches call."""
    tree = ast.parse(RULE_TESTS.read_text(encoding="utf-8"))
    runs: dict[str, tuple[str, str]] = {}  # alerts variable -> (fixture, config), from `x = run_vale(cfg, FIXTURES / "f.md")`
    table = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id == "ALL_RULES_EXPECTED":
                table = ast.literal_eval(node.value)
            elif isinstance(node.value, ast.Call) and ast.unparse(node.value.func) == "run_vale":
                config, path = node.value.args
                assert isinstance(path, ast.BinOp) and ast.unparse(path.left) == "FIXTURES", ast.unparse(path)
                runs[node.targets[0].id] = (ast.literal_eval(path.right), ast.unparse(config))
    assert table and runs
    out, contains_calls = [], 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "assert_rule_contains":
            contains_calls += 1
        if isinstance(node, ast.For) and ast.unparse(node.iter) == "ALL_RULES_EXPECTED.items()":
            call = next(n for n in ast.walk(node) if isinstance(n, ast.Call) and ast.unparse(n.func) == "assert_rule_contains")
            assert [ast.unparse(a) for a in call.args[2:]] == [ast.unparse(e) for e in node.target.elts]  # rule, expected
            fixture, config = runs[ast.unparse(call.args[1])]
            out += [Expectation(fixture, config, rule, "contains", tuple(want)) for rule, want in table.items()]
        elif isinstance(node, ast.Call) and ast.unparse(node.func) == "assert_rule_matches":
            _name, alerts, rule, expected = node.args
            fixture, config = runs[ast.unparse(alerts)]
            out.append(Expectation(fixture, config, ast.literal_eval(rule), "matches",
                                   tuple(ast.literal_eval(expected))))
    assert contains_calls == 1  # the ALL_RULES_EXPECTED loop's, read above
    return out


EXPECTATIONS = _expectations()

# Every expectation passes. Elastic.Exclamation's needs #14 item 8: when a rule has scope: sentence
# (Elastic.OxfordComma), Vale also runs text rules on each sentence first, so `\w+!(?:\s|$)` ends at
# the sentence's end ('amazing!', not 'amazing! ').
XFAIL: dict[str, str] = {}


def _module():
    """run_rule_tests.py imported: its spelling_config() writes the spelling run's config."""
    spec = importlib.util.spec_from_file_location("elastic_run_rule_tests", RULE_TESTS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rule_runs(tmp_path_factory) -> dict[str, dict]:
    """newslint's JSON per config, over that config's fixtures, as run_vale runs Vale (--config, cwd the repository)."""
    module, out = _module(), {}
    for config in sorted({e.config for e in EXPECTATIONS}):
        if config == "DEFAULT_CONFIG":
            path = module.DEFAULT_CONFIG
        else:
            assert config == "spelling_config(Path(tmp))", config
            path = module.spelling_config(tmp_path_factory.mktemp("spelling"))
        fixtures = sorted({e.fixture for e in EXPECTATIONS if e.config == config})
        result = newslint("check", f"--config={path}", *(f"rule-tests/fixtures/{f}" for f in fixtures),
                          "--format", "json", "--no-cache", cwd=ELASTIC, timeout=300)
        assert result.code in (0, 1), result.err  # run_vale: anything else is a failure
        assert result.err == "", result.err
        out[config] = result.json
    return out


def test_every_elastic_rule_has_an_expectation():
    """run_rule_tests.py's assert_all_rules_have_assertions, and the parse found all of main()'s assertions."""
    assert {e.rule for e in EXPECTATIONS} == {f"Elastic.{p.stem}" for p in (ELASTIC / "styles" / "Elastic").glob("*.yml")}
    assert len(EXPECTATIONS) == 32 and set(XFAIL) <= {f"{e.fixture}:{e.rule}" for e in EXPECTATIONS}


@pytest.mark.parametrize("case", [
    pytest.param(e, id=f"{e.fixture}:{e.rule}", marks=[pytest.mark.xfail(reason=XFAIL[f"{e.fixture}:{e.rule}"], strict=True)]
                 if f"{e.fixture}:{e.rule}" in XFAIL else [])
    for e in EXPECTATIONS])
def test_elastic_rule_test(rule_runs, case):
    findings = rule_runs[case.config]["findings"]
    actual = [(f["line"], f["match"]) for f in findings
              if f["path"] == f"rule-tests/fixtures/{case.fixture}" and f["rule"] == case.rule]
    if case.mode == "matches":
        assert actual == list(case.expected)
    else:
        assert [m for m in case.expected if m not in actual] == [], actual


# --- the fix these setups needed ----------------------------------------------------------------


def test_vocabulary_leaves_nonword_existence_rules_alone(tmp_path):
    """Vale's 'Vocab does not suppress nonword rules (#1058)' (testdata/features/misc.feature,
    Vale 3.15): an accepted word is no exception of a `nonword` existence rule, whose match is a
    span, not a word; a word rule still takes it. Elastic's OxfordComma and MenuArrowsBold lost
    their matches to accepted 'Analytics' and 'Stack Management' before."""
    write(tmp_path / ".vale.ini", """
        StylesPath = styles
        MinAlertLevel = suggestion

        Vocab = Nonword

        [*.md]
        BasedOnStyles = Bug
        """)
    write(tmp_path / "styles" / "config" / "vocabularies" / "Nonword" / "accept.txt", "plugh\n")
    write(tmp_path / "styles" / "Bug" / "Quotes.yml", """
        extends: existence
        message: "Commas and periods go inside quotation marks."
        level: warning
        nonword: true
        tokens:
          - '"[^"]+"[.,]'
        """)
    write(tmp_path / "styles" / "Bug" / "Word.yml", """
        extends: existence
        message: "'%s'"
        level: warning
        tokens: ['quotes: "plugh']
        """)
    write(tmp_path / "test.md", """
        A normal word in "quotes", is flagged as expected.

        The extra word in quotes: "plugh", should also be flagged.
        """)
    result = newslint("check", "test.md", "--format", "json", "--no-cache", cwd=tmp_path)
    assert result.code == 1, result.err
    got = [(f["line"], f["col"], f["rule"]) for f in result.json["findings"]]
    assert got == [(1, 18, "Bug.Quotes"), (3, 27, "Bug.Quotes")]
