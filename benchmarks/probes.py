"""Recall and false alarms on probe sets that independent helpers wrote (benchmarks/probes/, see its README).

    python benchmarks/probes.py [--list] [SET ...]      e.g. python benchmarks/probes.py placeholder_3

Each set holds `damaged` items (one defect each) and `clean` look-alikes that must stay quiet. Even items
are the development half, odd items the held-out half: tune on the first, report the second, and do not
read the held-out items (--list prints the development half's misses and false alarms only). An item is
planted in a short third-person story: a sentence or two in the middle of its second paragraph (furniture
as a paragraph of its own); a variants or names item is a whole story. A damaged item counts as found when
its rule reports anything in its file; a clean one as a false alarm likewise. The names and garbled sets run
with spaCy (their rules read it); the others without.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SETS = HERE / "probes"
RULES = {"firstperson": ("Newsroom.FirstPerson",), "placeholder": ("Newsroom.Placeholder",),
         "furniture": ("Newsroom.Boilerplate",), "variants": ("Newsroom.Variants",),
         "names": ("Newsroom.NameConsistency", "Newsroom.KnownNames"), "garbled": ("Newsroom.Fragment", "Newsroom.RepeatedWord")}
WHOLE = {"variants", "names"}  # an item is a whole story
NLP = {"names", "garbled"}  # sets whose rules read spaCy
LEAD = "The city council approved a new budget on Tuesday after a debate that lasted more than six hours, officials said."
TAIL = "The plan raises spending on roads and schools by 4 percent. Opponents said the increase would push up property taxes next year."


def story(kind: str, item) -> str:
    if kind in WHOLE:
        return "Story\n\n" + " ".join(item["text"].split()) + "\n"
    item = " ".join(str(item["text"] if isinstance(item, dict) else item).split())
    if kind == "furniture":
        return f"Council passes budget\n\n{LEAD}\n\n{item}\n\n{TAIL}\n"
    return f"Council passes budget\n\n{LEAD} {item} {TAIL}\n"


def score(path: Path, show: bool = False) -> dict:
    """Print and return {half: {"found", "damaged", "alarms", "clean"}} for one set."""
    kind = path.stem.rsplit("_", 1)[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        meta = {}
        for label in ("damaged", "clean"):
            for i, item in enumerate(data[label]):
                name = f"{label}_{i:03d}.txt"
                (Path(tmp) / name).write_text(story(kind, item), encoding="utf-8")
                meta[name] = (label, "dev" if i % 2 == 0 else "held-out", item)
        cmd = [sys.executable, "-m", "newslint", "check", tmp, "--no-cache", "-f", "json"]
        cmd += [] if kind in NLP else ["--no-nlp"]
        for rule in RULES[kind]:
            cmd += ["--select", rule]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
        found = {Path(f["path"]).name for f in json.loads(out.stdout)["findings"]}
    figures = {}
    for split in ("dev", "held-out"):
        hurt = [n for n, m in meta.items() if m[:2] == ("damaged", split)]
        clean = [n for n, m in meta.items() if m[:2] == ("clean", split)]
        hit = sum(n in found for n in hurt)
        alarms = sum(n in found for n in clean)
        figures[split] = {"found": hit, "damaged": len(hurt), "alarms": alarms, "clean": len(clean)}
        print(f"{path.stem:16s} {split:8s} recall {hit:3d}/{len(hurt):3d} = {hit / len(hurt):.2f}   "
              f"false alarms {alarms:2d}/{len(clean)}")
        kinds = sorted({m[2]["kind"] for n, m in meta.items() if n in hurt and isinstance(m[2], dict) and "kind" in m[2]})
        if kinds:  # figures by kind of damage, where the set names it (counts only: no item is shown)
            print(" " * 26 + ", ".join(f"{k} {sum(n in found for n in hurt if meta[n][2]['kind'] == k)}/"
                                       f"{sum(meta[n][2]['kind'] == k for n in hurt)}" for k in kinds))
        if show and split == "dev":
            for n in hurt:
                if n not in found:
                    print("    miss ", str(meta[n][2])[:150])
            for n in clean:
                if n in found:
                    print("    alarm", str(meta[n][2])[:150])
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (file stems); all by default")
    ap.add_argument("--list", action="store_true", help="print the development half's misses and false alarms")
    args = ap.parse_args()
    paths = [SETS / f"{s}.yaml" for s in args.sets] or sorted(SETS.glob("*.yaml"))
    for path in paths:
        score(path, args.list)


if __name__ == "__main__":
    main()
