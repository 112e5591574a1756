"""Vale's acceptance scenarios (testdata/features/*.feature), ported as data.

Each folder under fixtures/vale/conformance is one scenario: a Vale config
(`.vale.ini`, `_vale`, `.vale`...), the articles, `cmd` (the arguments after
`newslint check`, as the feature passes them to `vale`) and `expected`: the
alerts exactly as the feature lists them, `path:line:col:Rule` (Vale's
`--output=line`, without the message), plus `exit` when the run must fail.
The styles they share are in fixtures/vale/styles (Vale's testdata/styles
rules, written again with the same names, levels and messages). Only the
Markdown and plain-text files of a scenario are compared: newslint does not
read other formats.

Run this file as a script to print how many scenarios give Vale's exact alerts.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import newslint  # noqa: E402

ROOT = Path(__file__).parent / "fixtures" / "vale" / "conformance"
SCENARIOS = sorted(p for p in ROOT.iterdir() if p.is_dir())


def alerts(folder: Path) -> tuple[list[str], int]:
    args = shlex.split((folder / "cmd").read_text())
    run = newslint("check", "--format", "json", "--no-cache", "--fail-on", "never", *args, cwd=folder)
    if run.code == 2:
        return [], 2
    found = [f"{f['path']}:{f['line']}:{f['col']}:{f['rule']}" for f in run.json["findings"]]
    return sorted(found, key=_position), run.code


def expected(folder: Path) -> tuple[list[str], int]:
    lines = [line.strip() for line in (folder / "expected").read_text().splitlines() if line.strip()]
    code = int((folder / "exit").read_text()) if (folder / "exit").exists() else 0
    return sorted(lines, key=_position), code


def _position(alert: str):
    path, line, col, rule = alert.rsplit(":", 3)
    return path, int(line), int(col), rule


@pytest.mark.parametrize("folder", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_scenario(folder):
    assert alerts(folder) == expected(folder)


if __name__ == "__main__":
    passed = 0
    for folder in SCENARIOS:
        got, want = alerts(folder), expected(folder)
        passed += got == want
        print(("PASS " if got == want else "FAIL ") + folder.name + ("" if got == want else f"\n  got  {got}\n  want {want}"))
    print(f"{passed} of {len(SCENARIOS)} Vale scenarios give Vale's exact alerts")
