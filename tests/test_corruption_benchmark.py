"""The corruption benchmark's harness keeps working: planted defects of two spaCy-free classes are found."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus ../shared/corpus/articles")
def test_corruption_benchmark_finds_title_suffix_and_repeated_word(capsys):
    spec = importlib.util.spec_from_file_location("corruption", ROOT / "benchmarks" / "corruption.py")
    corruption = importlib.util.module_from_spec(spec)
    sys.modules["corruption"] = corruption
    spec.loader.exec_module(corruption)
    figures = corruption.main(["--limit", "3", "--classes", "title,repeated", "--no-nlp", "--seed", "7"])
    out = capsys.readouterr().out
    assert "recall" in out
    for cls in ("title", "repeated"):
        assert figures["classes"][cls]["injected"] == 3
        assert figures["classes"][cls]["recall"] == 1.0
    for rule in ("Newsroom.TitleSuffix", "Newsroom.RepeatedWord"):
        assert figures["rules"][rule]["tp"] >= 3
        assert figures["rules"][rule].get("fa", 0) == 0
