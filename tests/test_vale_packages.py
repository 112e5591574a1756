"""The errata-ai style packages' own fixture tests, run against newslint.

fixtures/vale/packages/<Package>/ holds, unchanged, each package's rules, its
features/rules.feature and the fixture folders those scenarios use (see each
README.md for the source commit and the LICENSE beside it). A scenario reads

    When I test "Passive"
    Then the output should contain exactly:
      \"\"\"
      test.md:3:6:Google.Passive:In general, use active voice ...
      \"\"\"

and the package's features/steps.rb turns it into `cd fixtures/Passive &&
vale --output=line --sort --normalize --relative .`. Here the same folder is
checked with `newslint check .` and its findings written as Vale's line
output, `path:line:col:Rule:Message`. The expected alerts are read from the
feature files, never copied. Scenarios that still differ are in XFAIL with
why; run this file as a script to print how many pass.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import newslint  # noqa: E402

ROOT = Path(__file__).parent / "fixtures" / "vale" / "packages"

# "Package/fixture" -> why newslint's alerts still differ from the feature's. Each of these is an
# expectation that today's Vale would not meet either (its source at vale-cli/vale, read for each).
XFAIL: dict[str, str] = {
    "Microsoft/Contractions": "written for Vale 3.3 (the package's CI), where `ignorecase` capitalized the "
        "suggestion ('Aren't' for 'Are not'); since Vale 3.4.1 that takes `capitalize: true`, which "
        "Contractions.yml does not set, so Vale and newslint both suggest 'aren't'",
    "proselint/basic": "written for Vale 1.x: since Vale 2 the suggestion is quoted (core.ToSentence) and "
        "a message with one '%s' keeps its quotes (convertMessage), so Vale and newslint both print "
        "''Hong Konger''",
    "alex/basic": "stale feature: it names alex.Profanity, split into ProfanityLikely/Maybe/Unlikely in "
        "2022, and fail.md's o.c.d. line (2024, 'Fix ocd greediness') has no expected alerts",
    "write-good/Weasel": "stale feature: test.md's 'fairly' line came with 90c06e6 (2024) without an "
        "expected alert, and 'fairly' has been one of Weasel's tokens since 2019",
    "write-good/Illusions": "the alert is in test.rst: newslint reads no reStructuredText (Vale needs "
        "rst2html for it)",
}


def parse_feature(text: str) -> list[tuple[str, list[str]]]:
    """(fixture folder, expected alerts) for each scenario; commented-out ones are skipped."""
    scenarios, fixture, block = [], None, None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if block is not None:
            if stripped == '"""':
                scenarios.append((fixture, block))
                fixture, block = None, None
            else:
                block.append(stripped)
            continue
        if match := re.fullmatch(r'When I test "(.*)"', stripped):
            fixture = match.group(1)
        elif stripped == '"""' and fixture is not None:
            block = []
    return scenarios


def _scenarios() -> dict[str, list[str]]:
    found = {}
    for feature in sorted(ROOT.glob("*/features/rules.feature")):
        package = feature.parent.parent.name
        for fixture, alerts in parse_feature(feature.read_text(encoding="utf-8")):
            found[f"{package}/{fixture}"] = [a for a in alerts if a]
    return found


SCENARIOS = _scenarios()


def _position(alert: str):
    path, line, col, rest = alert.split(":", 3)
    return path, int(line), int(col), rest


def alerts(name: str) -> list[str]:
    """newslint's findings in the scenario's fixture folder, as `vale --output=line --sort` lines."""
    package, fixture = name.split("/", 1)
    run = newslint("check", ".", "--format", "json", "--no-cache", "--fail-on", "never",
                   cwd=ROOT / package / "fixtures" / fixture)
    assert run.code == 0, run.err
    found = [f"{f['path']}:{f['line']}:{f['col']}:{f['rule']}:{f['message']}" for f in run.json["findings"]]
    return sorted(found, key=_position)


def _marks(name: str):
    return [pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else []


def test_feature_files_parse():
    assert parse_feature('  # Scenario: off\n  #  When I test "A"\n  When I test "B"\n'
                         '  Then the output should contain exactly:\n    """\n    t.md:1:1:X.Y:m\n    """\n') \
        == [("B", ["t.md:1:1:X.Y:m"])]
    assert len(SCENARIOS) == 42, sorted(SCENARIOS)


def test_xfail_table_names_real_scenarios():
    assert set(XFAIL) <= set(SCENARIOS), sorted(set(XFAIL) - set(SCENARIOS))


@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n), id=n) for n in SCENARIOS])
def test_package_scenario(name):
    assert alerts(name) == sorted(SCENARIOS[name], key=_position)


if __name__ == "__main__":
    totals: dict[str, list[int]] = {}
    for name, want in SCENARIOS.items():
        got = alerts(name)
        ok = got == sorted(want, key=_position)
        score = totals.setdefault(name.split("/")[0], [0, 0])
        score[0] += ok
        score[1] += 1
        print(("PASS " if ok else "FAIL ") + name)
        if not ok:
            for line in sorted(set(got) - set(want), key=_position):
                print("  extra   " + line)
            for line in sorted(set(want) - set(got), key=_position):
                print("  missing " + line)
    for package, (ok, total) in totals.items():
        print(f"{package}: {ok}/{total}")
    print(f"{sum(s[0] for s in totals.values())} of {len(SCENARIOS)} pass")
