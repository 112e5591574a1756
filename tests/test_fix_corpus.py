"""--fix on real copy: the seed loses exactly its furniture; the whole corpus round-trips.

The corpus is news articles from Wikinews (https://en.wikinews.org), CC BY 2.5.
"""

import json
import shutil

import pytest

from conftest import ROOT, SHARED
from helpers import newslint
from newslint.document.reader import document_from_string

CORPUS = SHARED / "corpus" / "articles"


def test_seed_safe_fix_removes_title_suffix_and_boilerplate_only(tmp_path):
    seed = tmp_path / "seed.txt"
    shutil.copy(ROOT / "seeds" / "gaza-ceasefire-talks.txt", seed)
    before = seed.read_text(encoding="utf-8").split("\n")
    newslint("check", seed, "--fix", "--no-cache")
    after = seed.read_text(encoding="utf-8").split("\n")
    assert after[0] == "Hamas delegation leaves Cairo, Gaza ceasefire talks at critical stage"
    assert after[1:] == before[1:47]  # lines 2-47 untouched; 48-52 (furniture) gone
    assert after[-1].endswith("according to an NDMT tally based on Israeli statistics.")


def _fix_spans(text: str, fmt: str, findings: list[dict]) -> list[tuple[int, int]]:
    doc = document_from_string(text, fmt)
    return [(doc.offset(x["line"], x["col"]), doc.offset(x["end_line"], x["end_col"])) for x in (f["fix"] for f in findings)]


# Other outlets' copy, where scripts/build_outlets.py has rebuilt it (it is not in git: see benchmarks/OUTLETS.md).
OUTLETS = sorted(p for p in (ROOT / "benchmarks" / "outlets").glob("*/*") if p.is_dir() and p.name in ("dev", "heldout", "fresh"))


@pytest.mark.parametrize("corpus", [CORPUS, *OUTLETS], ids=lambda p: "wikinews" if p == CORPUS else f"{p.parent.name}/{p.name}")
def test_fix_round_trips_the_corpus(tmp_path, corpus):
    if not corpus.is_dir():
        pytest.skip("needs ../shared/corpus")
    work = tmp_path / "articles"
    shutil.copytree(corpus, work, ignore=shutil.ignore_patterns("*.tsv", "*.md") if corpus != CORPUS else None)
    for p in work.iterdir():  # the shared corpus is read-only, and --fix leaves read-only files alone
        p.chmod(0o644)
    originals = {p.name: p.read_text(encoding="utf-8") for p in work.iterdir()}
    before = json.loads(newslint("check", work, "-f", "json", "--no-cache", timeout=600).out)["findings"]
    safe = [f for f in before if f["fix"] and f["fix"]["safe"]]
    after = newslint("check", work, "--fix", "-f", "json", "--no-cache", timeout=600)
    assert after.code in (0, 1), after.err
    remaining = json.loads(after.out)["findings"]
    assert not [f for f in remaining if f["fix"] and f["fix"]["safe"]], "safe-fixable findings left after --fix"
    changed = 0
    for path in work.iterdir():
        old, new = originals[path.name], path.read_text(encoding="utf-8")
        fmt = "md" if path.suffix == ".md" else "txt"
        spans = sorted(_fix_spans(old, fmt, [f for f in safe if f["path"].endswith(path.name)]))
        replacements = {(s, e): f["fix"]["replacement"] for (s, e), f in
                        zip(_fix_spans(old, fmt, [f for f in safe if f["path"].endswith(path.name)]),
                            [f for f in safe if f["path"].endswith(path.name)])}
        # Rebuild the expected text from the original and the reported fix spans alone:
        # if --fix had touched anything else, the texts would differ.
        expected, last = [], 0
        for s, e in spans:
            if s < last:
                continue
            expected += [old[last:s], replacements[(s, e)]]
            last = e
        expected.append(old[last:])
        assert new == "".join(expected), path.name
        changed += old != new
    assert changed == len({f["path"] for f in safe})
