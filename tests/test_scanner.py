"""The combined word scanner (checks/_prefilter.py) only skips rules that could not have matched:
for every existence and substitution rule newslint ships or the Vale fixtures hold, on the corpus and
on the fixtures' own documents, the matches with the scanner are the matches rule by rule."""

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SHARED
from newslint.checks import _prefilter as prefilter
from newslint.config import builtin_packs, load_config
from newslint.document.reader import decode, format_for, parse
from newslint.errors import NewslintError
from newslint.loading import build_rule, load_pack

FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = SHARED / "corpus" / "articles"
KINDS = ("existence", "substitution")

pytestmark = pytest.mark.skipif(prefilter.ahocorasick is None, reason="pyahocorasick is not installed")


def shipped_and_fixture_rules() -> list:
    checks = [c for folder in builtin_packs().items() for c in load_pack(folder[1], folder[0], [])]
    for ini in FIXTURES.rglob("*"):
        if ini.name in (".vale.ini", "_vale.ini", "vale.ini") and ini.is_file():
            try:
                checks += load_config(ini).checks
            except NewslintError:
                pass
    for styles in (FIXTURES / "vale" / "styles").iterdir():
        if styles.is_dir():
            checks += load_pack(styles, styles.name, [])
    return [c for c in checks if c.rule.extends in KINDS]


def e2e_cases() -> list[tuple[list, list[tuple[str, str]]]]:
    """Vale's acceptance fixtures: each case's rules and its own documents."""
    out = []
    for spec in sorted((FIXTURES / "vale" / "e2e").glob("*.yaml")):
        for case in yaml.safe_load(spec.read_text(encoding="utf-8"))["cases"]:
            rules, docs = [], []
            for name, text in (case.get("files") or {}).items():
                if name.endswith(".yml") and isinstance(text, str):
                    try:
                        data = yaml.safe_load(text)
                        if isinstance(data, dict) and data.get("extends") in KINDS:
                            rules.append(build_rule(f"E2E.{Path(name).stem}", name, data))
                    except (NewslintError, yaml.YAMLError):
                        pass
                elif name.endswith((".md", ".txt", ".markdown")) and isinstance(text, str):
                    docs.append((name, text))
            if rules:
                out.append((rules, docs))
    return out


def corpus_docs(limit: int = 60) -> list:
    docs = []
    for p in sorted(CORPUS.iterdir())[:limit] if CORPUS.is_dir() else []:
        text, bom = decode(p.read_bytes(), str(p))
        docs.append(parse(str(p), text, format_for(str(p)), bom))
    return docs


def matches(check, doc, monkeypatch=None) -> list:
    return [(m.start, m.end, m.args, m.suggestions, m.message) for m in check.check(doc)]


def compare(checks, docs, monkeypatch) -> tuple[int, int]:
    """(pairs compared, pairs the scanner skipped); asserts equal matches for each pair."""
    skipped = compared = 0
    for doc in docs:
        for check in checks:
            with_scanner = matches(check, doc)
            if not prefilter.may_match(getattr(check, "words", None), check.scope(doc).source):
                skipped += 1
            with monkeypatch.context() as m:
                m.setattr(prefilter, "may_match", lambda words, text: True)
                rule_by_rule = matches(check, doc)
            assert with_scanner == rule_by_rule, f"{check.rule.name} on {doc.path}"
            compared += 1
    return compared, skipped


def test_shipped_packs_and_vale_styles_on_the_corpus(monkeypatch):
    checks = shipped_and_fixture_rules()
    assert any(getattr(c, "words", None) for c in checks)  # some rules do go through the scanner
    compared, skipped = compare(checks, corpus_docs(), monkeypatch)
    assert compared and skipped  # the scanner did skip rules, and those skips changed nothing


def test_vale_acceptance_fixtures_on_their_documents_and_the_corpus(monkeypatch):
    cases = e2e_cases()
    assert len(cases) > 20
    corpus = corpus_docs(20)
    total = skipped_total = 0
    for rules, files in cases:
        docs = [parse(name, text, format_for(name)) for name, text in files] + corpus
        compared, skipped = compare(rules, docs, monkeypatch)
        total += compared
        skipped_total += skipped
    assert total > 1000 and skipped_total


@pytest.mark.parametrize("token, text, ignorecase", [
    ("stop", "ſtop here", True),  # long s: the same letter to IGNORECASE
    ("kelvin", "\u212aELVIN scale", True),  # the Kelvin sign
    ("σοφία", "ΣΟΦΊΑ and σοφίας", True),  # final and medial sigma
    ("straße", "STRASSE, Straße", True),
    ("İstanbul", "istanbul, İSTANBUL", True),
    ("e.g.", "e.g. this", False),
    ("C++", "We use C++ here", False),
    ("Very", "very, VERY, Very", False),  # case-sensitive: the scanner folds, the rule decides
])
def test_case_folding_never_hides_a_match(token, text, ignorecase, monkeypatch):
    import regex

    escaped = regex.escape(token)
    check = build_rule("Test.Words", "<test>", {"extends": "existence", "message": "%s", "tokens": [escaped],
                                               "ignorecase": ignorecase, "nonword": True})
    assert check.words == (token.casefold(),)
    [doc] = [parse("t.txt", text + "\n", "txt")]
    compare([check], [doc], monkeypatch)


@pytest.mark.parametrize("token, plain", [
    ("very", "very"), (r"e\.g\.", "e.g."), ("a lot", "a lot"), (r"C\+\+", "C++"),
    (r"\bvery", None), ("colou?r", None), ("(?i)very", None), ("[Vv]ery", None), (r"\d+", None), ("a|b", None),
])
def test_only_plain_words_are_scanned_for(token, plain):
    assert prefilter.literal(token) == plain
