"""The probe sets' harness keeps working: every set loads, and planted placeholders are found."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _probes():
    spec = importlib.util.spec_from_file_location("probes", ROOT / "benchmarks" / "probes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["probes"] = module
    spec.loader.exec_module(module)
    return module


def test_every_probe_set_names_its_rule_and_holds_both_kinds():
    probes = _probes()
    sets = sorted(probes.SETS.glob("*.yaml"))
    assert sets
    for path in sets:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.stem.rsplit("_", 1)[0] in probes.RULES, path.name
        assert len(data["damaged"]) >= 50 and len(data["clean"]) >= 30, path.name
        if path.stem.startswith(("variants", "names")):  # a whole story, and the one slip it holds
            assert all(item["text"].count(item["slip"]) == 1 for item in data["damaged"])
        if path.stem.startswith("garbled"):  # the damaged words are in the item
            assert all(item["text"].count(item["garble"]) == 1 for item in data["damaged"])


def test_the_scorer_plants_and_counts_by_half(capsys):
    figures = _probes().score(ROOT / "benchmarks" / "probes" / "placeholder_3.yaml")
    assert "held-out recall" in capsys.readouterr().out
    for half in ("dev", "held-out"):
        got = figures[half]
        assert got["damaged"] == 50 and got["clean"] == 25
        assert got["found"] >= 25  # a broken harness (no rule, no planting) finds none
        assert got["alarms"] < got["clean"]
