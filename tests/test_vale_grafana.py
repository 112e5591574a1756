"""Grafana's writers-toolkit golden fixture tests, run against newslint.

fixtures/vale/grafana/ holds Grafana's Vale setup as its container image runs it (see its
README.md): the `.vale.ini` as shipped, with no StylesPath, so the styles come from Vale's
default StylesPath (here $VALE_STYLES_PATH), and Hugo's `.vale-config` pipeline on top. Each
fixture folder's `.golden` files are Vale's `--output=line` for one rule (its `filter.expr`).
newslint checks the whole fixtures folder in one run; each golden is compared with that rule's
findings in its file, as `file:line:col:Rule:Message` lines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import newslint  # noqa: E402

ROOT = Path(__file__).parent / "fixtures" / "vale" / "grafana"
FIXTURES = ROOT / "vale" / "fixtures" / "Grafana"
STYLES = ROOT / "styles"

# Rules that are Tengo scripts, which newslint skips with a warning: their invalid cases cannot pass.
SCRIPTS = {"Admonitions", "AltText", "CommandLinePrompts", "Gerunds", "Shortcodes", "SmartQuotes"}

# Goldens written before the rule's message changed: writers-toolkit 31bf09e5 (2026-04-28, #1384)
# rewrote these messages, and the goldens were last written on 2025-03-25 (d4abfb6b). For these
# the alerts' files, lines, columns and rule must match; the messages cannot.
STALE_MESSAGE = {"Latin", "Ordinal", "RepeatedWords", "Wish"}

XFAIL = {
    "PalantirProductNames/testinvalid": "the goldens are the empty files `make fixtures/Grafana/<Rule>` touches, "
        "never written by Vale (cd525afd): Vale's conditional (check/conditional.go) alerts on 'Apollo' "
        "with no 'Palantir Apollo' before it, as newslint does",
}


def _cases() -> list[tuple[str, str]]:
    return [(d.name, t) for d in sorted(p for p in FIXTURES.iterdir() if p.is_dir())
            for t in ("testvalid", "testinvalid")]


CASES = _cases()


@pytest.fixture(scope="module")
def run():
    result = newslint("check", ".", "--format", "json", "--no-cache", "--fail-on", "never",
                      cwd=FIXTURES, env={"VALE_STYLES_PATH": str(STYLES)}, timeout=300)
    assert result.code == 0, result.err
    return result


def _rule(fixture: str) -> str:
    return re.fullmatch(r'\.Name == "(.+)"\s*', (FIXTURES / fixture / "filter.expr").read_text()).group(1)


def _alerts(run, fixture: str, test: str) -> list[str]:
    rule, path = _rule(fixture), f"{fixture}/{test}.md"
    return sorted(f"{test}.md:{f['line']}:{f['col']}:{f['rule']}:{f['message']}"
                  for f in run.json["findings"] if f["path"] == path and f["rule"] == rule)


def _golden(fixture: str, test: str) -> list[str]:
    text = (FIXTURES / fixture / f"{test}.golden").read_text(encoding="utf-8")
    return sorted(line for line in text.splitlines() if line.strip())  # a message may end in a space


def _marks(fixture: str, test: str):
    name = f"{fixture}/{test}"
    if fixture in SCRIPTS and test == "testinvalid":
        return [pytest.mark.xfail(reason="a Tengo script rule: newslint has no interpreter", strict=True)]
    return [pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else []


def test_there_are_66_goldens_and_the_tables_name_real_fixtures():
    assert len(CASES) == 66
    names = {f for f, _ in CASES}
    assert SCRIPTS | STALE_MESSAGE | {x.split("/")[0] for x in XFAIL} <= names


def test_script_rules_are_skipped_with_one_warning_each(run):
    for name in SCRIPTS:
        assert re.search(rf"Grafana/{name}\.yml:1: Vale's 'script' kind .* rule skipped", run.err), name
    assert run.err.count("rule skipped") == len(SCRIPTS) + 2  # Paragraphs and Relref have no fixture
    assert "Packages are not downloaded" in run.err


@pytest.mark.parametrize("fixture,test", [pytest.param(f, t, marks=_marks(f, t), id=f"{f}/{t}") for f, t in CASES])
def test_golden(run, fixture, test):
    got, want = _alerts(run, fixture, test), _golden(fixture, test)
    if fixture in STALE_MESSAGE:  # where and which rule; the message has been rewritten since
        assert [g.split(":", 4)[:4] for g in got] == [w.split(":", 4)[:4] for w in want]
    else:
        assert got == want
