"""Hostile rules (#18): generated rule files mixing every kind with runaway patterns, wrong types,
huge lists, deep nesting, YAML bombs and broken syntax. Each one either loads or is refused
with one line naming the file; a rule that loads runs over an article within a hang guard and
ends in findings or in a per-file error, never in an exception; through the command line a
pack of them still checks the other rules' files (a skipped rule is a warning, not an abort)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import newslint, write
from newslint import checks
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import load_rule
from newslint.runner import FileTimedOut, budget

ARTICLE = document_from_string(
    "Council backs plan\n\nThe council utilize the the plan. " + "a" * 3000 + "! (" * 200 + "\n\nIt said: “we will.”\n",
    "txt", "story.txt")

RUNAWAY = ["(a+)+$", "(a|a)*b", "(a|aa)+$", "(\\w+\\s?)+$", "(.*a){20}", "((((((((((x))))))))))" * 20, "(" * 300 + "x" + ")" * 300,
           "[", "(?<=a+)b", "\\1(a)", "(?P<n>a)(?P=n)", "x{1000000}", "(?i)utilize", "\\p{Lu}+", "\\bthe\\b", "", " ", "\\", "*"]
WEIRD = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(allow_nan=True, allow_infinity=True),
                  st.text(max_size=30), st.lists(st.text(max_size=10), max_size=5), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3))
PATTERN = st.one_of(st.sampled_from(RUNAWAY), st.text(max_size=20))
PATTERNS = st.one_of(st.lists(PATTERN, max_size=8), st.builds(lambda n: [f"word{i}" for i in range(n)], st.integers(0, 20000)))
KEYS = {
    "message": st.one_of(st.sampled_from(["%s", "%s %s %s %d %q %[3]s", "%" * 50, "x" * 5000]), WEIRD),
    "level": st.one_of(st.sampled_from(["error", "warning", "suggestion", "fatal"]), WEIRD),
    "scope": st.one_of(st.sampled_from(["heading & ~", "~~text", "text.frontmatter.title", "raw", "sentence", "table.cell", "&"]), WEIRD),
    "tokens": st.one_of(PATTERNS, WEIRD),
    "raw": st.one_of(PATTERNS, WEIRD),
    "swap": st.one_of(st.dictionaries(PATTERN, st.text(max_size=10), max_size=6), WEIRD),
    "exceptions": st.one_of(PATTERNS, WEIRD),
    "filters": st.one_of(PATTERNS, WEIRD),
    "prefix": st.one_of(PATTERN, WEIRD),
    "ignorecase": st.one_of(st.booleans(), WEIRD),
    "nonword": st.one_of(st.booleans(), WEIRD),
    "limit": st.one_of(st.integers(-5, 5), WEIRD),
    "max": st.one_of(st.integers(-5, 5), WEIRD),
    "token": st.one_of(PATTERN, WEIRD),
    "first": st.one_of(PATTERN, WEIRD),
    "second": st.one_of(PATTERN, WEIRD),
    "either": st.one_of(st.dictionaries(PATTERN, PATTERN, max_size=3), WEIRD),
    "match": st.one_of(st.sampled_from(["$title", "$sentence", "$lower", "$upper", "(a+)+$"]), WEIRD),
    "action": st.one_of(st.fixed_dictionaries({"name": st.sampled_from(["replace", "remove", "edit", "nope"])}), WEIRD),
    "regex_timeout": st.one_of(st.floats(allow_nan=True, allow_infinity=True), WEIRD),
    "unknown_key": WEIRD,
}
rule = st.builds(lambda kind, extra: {"extends": kind, **extra},
                 st.one_of(st.sampled_from(sorted(checks.KINDS)), st.sampled_from(["script", "nope"]), WEIRD),
                 st.dictionaries(st.sampled_from(sorted(KEYS)), st.just(None), max_size=6).flatmap(
                     lambda keys: st.fixed_dictionaries({k: KEYS[k] for k in keys})))
BROKEN_YAML = st.sampled_from([
    "extends: existence\ntokens: [a\n",  # unclosed
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nextends: existence\ntokens: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",  # a bomb
    "extends: existence\nextends: substitution\n",  # duplicate key
    "[" * 5000 + "]" * 5000,  # deep nesting
    "extends: existence\nmessage: x\nraw: ['(a+)+$']\n",  # runs away on the article's run of a
    "extends: existence\ntokens: !!python/object:os.system [echo]\n",  # a tag no safe loader builds
    "\x00\x01 binary",
    "extends: existence\nmessage: '" + "x" * 100 + "\n",
])


def _text(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return "extends: existence\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.one_of(rule.map(_text), BROKEN_YAML))
def test_a_hostile_rule_loads_or_is_refused_in_one_line_and_never_hangs(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "House" / "Rule.yml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        try:
            with budget(20):
                try:
                    check = load_rule(path, "House")
                except RuleError as exc:
                    message = str(exc)
                    assert message and "\n" not in message and "Traceback" not in message, message
                    return
                result = lint(ARTICLE, [check])
        except FileTimedOut:
            raise AssertionError(f"no answer within 20 s for the rule:\n{text[:500]}") from None
        for f in result.findings:
            assert 1 <= f.line and 1 <= f.col, f
        for e in result.errors:
            assert "\n" not in str(e), str(e)


def test_a_pack_of_hostile_rules_still_checks_with_the_good_ones(tmp_path):
    write(tmp_path / "House" / "Good.yml", "extends: existence\nmessage: \"Use 'use', not '%s'.\"\nlevel: warning\ntokens: [utilize]\n")
    write(tmp_path / "House" / "Runaway.yml", "extends: existence\nmessage: x\nraw: ['(a+)+$']\n")
    write(tmp_path / "House" / "Broken.yml", "extends: existence\ntokens: [a\n")
    write(tmp_path / "House" / "Script.yml", "extends: script\nmessage: x\nscript: 'x := 1'\n")
    write(tmp_path / "House" / "Typo.yml", "extends: existence\nmesage: x\ntokens: [a]\n")
    write(tmp_path / ".newslint.yaml", "packs: [./House]\n")
    write(tmp_path / "a.txt", "Title\n\nWe utilize it. " + "a" * 5000 + "!\n")
    r = newslint("check", "a.txt", "--no-cache", "--no-nlp", "-f", "json", cwd=tmp_path, timeout=120)
    assert r.code == 2, r.err  # the runaway rule is this file's error...
    assert [f["rule"] for f in r.json["findings"]] == ["House.Good"], r.out  # ...and the good rule still reports
    assert "Runaway.yml:3) stopped: its pattern ran past its time limit" in r.err
    assert "Traceback" not in r.err and "internal error" not in r.err
    for name in ("Broken.yml", "Script.yml", "Typo.yml"):
        assert name in r.err, r.err  # each skipped rule named on its own line
    strict = newslint("check", "a.txt", "--no-cache", "--no-nlp", "--strict", cwd=tmp_path, timeout=120)
    assert strict.code == 2 and "Traceback" not in strict.err
