"""Parsing only what an NLP rule could flag (#17): the same findings as parsing everything.

The equality test runs benchmarks/gating.py: the whole corpus and planted damage in some of
its articles, `newslint check` gated and with --parse-all, finding for finding.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import nlp
from newslint.config import default_config
from newslint.document.reader import document_from_string

pytest.importorskip("spacy")
if nlp.missing():
    pytest.skip("needs the spaCy English model", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def _checks():
    return {c.rule.name: c for c in default_config().checks_for("story.md")[0] if c.needs_nlp}


CLEAN = """Council approves new budget

The city council approved the budget on Tuesday after a long debate.

The mayor said the plan would fund two new libraries. Work starts in May.
"""


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus ../shared/corpus/articles")
def test_gated_findings_equal_parse_all_on_corpus_and_planted_damage(capsys):
    spec = importlib.util.spec_from_file_location("gating", ROOT / "benchmarks" / "gating.py")
    gating = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gating)
    code = gating.main(["--limit", "12"])
    out = capsys.readouterr().out
    assert "corpus:" in out and "planted damage" in out
    assert code == 0, out  # the differences are printed


def test_clean_copy_asks_for_no_parse():
    doc = document_from_string(CLEAN, "md", "story.md")
    for name, check in _checks().items():
        assert nlp.wanted(check, doc) == frozenset(), name


def test_each_kind_of_damage_opens_its_paragraph():
    checks = _checks()
    story = CLEAN + (
        "\nThe ceasefire talks resumed in Cairo. is at a critical stage.\n"
        "\nIsmail Haniyeh said on Sunday that talks had resumed. Hanyahu said nothing more.\n"
    )
    doc = document_from_string(story, "md", "story.md")
    blocks = nlp.blocks(doc)
    fragment = nlp.wanted(checks["Newsroom.Fragment"], doc)
    assert [doc.prose[blocks[i].start : blocks[i].end] for i in fragment] == [
        "The ceasefire talks resumed in Cairo. is at a critical stage."]
    assert nlp.wanted(checks["Newsroom.NameConsistency"], doc) is None  # names are judged over the whole story
    assert nlp.wanted(checks["Newsroom.KnownNames"], doc) is None  # "Hanyahu" is a listed misspelling


def test_a_block_two_rules_want_is_parsed_once_with_what_both_read(monkeypatch):
    calls = []
    real = nlp.pipe

    def counting(pipeline, texts, batch_size=None, disable=()):
        texts = list(texts)
        calls.append((len(texts), tuple(sorted(disable))))
        return real(pipeline, texts, batch_size, disable)

    monkeypatch.setattr(nlp, "pipe", counting)
    doc = document_from_string("Title\n\nIsmail Haniyeh spoke. Hanyahu said. is at a critical stage.\n", "txt", "s.txt")
    nlp.need(("tagger", "parser", "ner"))
    nlp._ensure([(doc, frozenset({0}), nlp.components(("tagger", "parser"))),
                 (doc, frozenset({0}), nlp.components(("ner", "parser")))])
    assert len(calls) == 1 and calls[0][0] == 1  # one block, one pass
    assert not {"tagger", "attribute_ruler", "ner", "parser"} & set(calls[0][1])  # with what both read
    nlp.parsed(doc, frozenset({0}), ("tagger", "parser"))
    assert len(calls) == 1  # already parsed with enough


def test_parse_all_flag_parses_every_paragraph(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    script = ("import sys; from newslint import nlp; from newslint.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print('LOADED' if nlp.loaded() else 'NOT LOADED', file=sys.stderr)\n")
    gated = subprocess.run([sys.executable, "-c", script, "check", str(path), "--no-cache", "--jobs", "1"],
                           capture_output=True, text=True)
    full = subprocess.run([sys.executable, "-c", script, "check", str(path), "--no-cache", "--jobs", "1", "--parse-all"],
                          capture_output=True, text=True)
    assert "NOT LOADED" in gated.stderr  # a clean story never loads spaCy: the hook stays fast
    assert "NOT LOADED" not in full.stderr and "LOADED" in full.stderr
    assert gated.stdout == full.stdout
