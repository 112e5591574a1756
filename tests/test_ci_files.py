"""The files other tools read: the pre-commit hook manifest and the GitHub Action."""

import yaml

from conftest import ROOT
from newslint.report import FORMATS


def test_pre_commit_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = {h["id"]: h for h in hooks}["newslint"]
    assert hook["language"] == "python" and hook["require_serial"] is False
    assert hook["entry"] == "newslint check"
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


def test_action_is_a_composite_that_runs_newslint():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in s for s in steps if "run" in s)
    assert any("newslint check --format sarif" in s.get("run", "") for s in steps)
    assert action["inputs"]["format"]["default"] in FORMATS


def test_licence_is_the_mit_text_pyproject_declares():
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    text = (ROOT / "LICENSE").read_text()
    assert declared == "MIT" and text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text
