"""The README's Quick start stays true: CI runs the same two commands."""

import re

from conftest import ROOT


def quick_start_commands():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def test_quick_start_has_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("pip install '.[all]' && newslint check seeds/")
    assert re.search(r"pip install -e '\.\[test\]' && python -m pytest tests$", commands[1])


def test_ci_runs_the_quick_start():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "newslint check seeds/" in ci
    assert "pip install --quiet -e '.[test]' && python -m pytest tests" in ci
    assert "pip install --quiet '.[all]'" in ci
