"""Every rule of every built-in pack runs its own examples: adding a rule adds data, not tests."""

import pytest

from newslint.config import builtin_packs
from newslint.examples import run_examples
from newslint.loading import load_pack

CHECKS = [c for name, folder in builtin_packs().items() for c in load_pack(folder, name)]


def test_there_are_rules():
    assert CHECKS, "no built-in rules found"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.rule.name)
def test_rule_examples(check):
    examples = check.rule.examples or {}
    assert examples.get("flag"), f"{check.rule.name} has no 'flag' examples"
    assert examples.get("pass"), f"{check.rule.name} has no 'pass' examples"
    count, failures = run_examples(check)
    assert count > 0
    assert not failures, "\n".join(map(str, failures))
