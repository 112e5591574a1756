"""The files other tools read: the pre-commit hook manifest and the GitHub Action."""

import yaml

from conftest import ROOT
from newslint.report import FORMATS


def test_pre_commit_manifest():
    import tomllib

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"newslint", "newslint-fast"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is False
        assert set(hook["types_or"]) == {"markdown", "plain-text"}
    assert hooks["newslint"]["entry"] == "newslint check"
    assert hooks["newslint-fast"]["entry"] == "newslint check --no-nlp"
    # the full hook installs the NLP extra's pins, and the fast one nothing beyond the core
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert hooks["newslint"]["additional_dependencies"] == extras["nlp"]
    assert "additional_dependencies" not in hooks["newslint-fast"]


def test_action_is_a_composite_that_runs_newslint():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in s for s in steps if "run" in s)
    assert any("newslint check --format sarif" in s.get("run", "") for s in steps)
    assert action["inputs"]["format"]["default"] in FORMATS
    # installs with the extras asked for, from a pip cache kept between runs
    assert "extras" in action["inputs"]
    install = next(s for s in steps if s.get("name") == "Install newslint")
    assert "NEWSLINT_EXTRAS" in install["run"] and install["env"]["NEWSLINT_EXTRAS"] == "${{ inputs.extras }}"
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert "pip-cache" in cache["with"]["path"] and "inputs.extras" in cache["with"]["key"]
    assert steps.index(cache) < steps.index(install)


def test_licence_is_the_mit_text_pyproject_declares():
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    text = (ROOT / "LICENSE").read_text()
    assert declared == "MIT" and text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text
