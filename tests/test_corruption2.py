"""benchmarks/corruption2.py plants what it says where it says, and its dev/heldout halves are fixed and disjoint.

Only the planting is tested (no newslint run, no corpus, no outlets).
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def c2():
    spec = importlib.util.spec_from_file_location("corruption2", ROOT / "benchmarks" / "corruption2.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["corruption2"] = mod
    spec.loader.exec_module(mod)
    mod.VOCAB = mod.load_vocab()
    return mod


ARTICLE = """Harbour council backs new centre for the town

The town council of Portwell voted on Tuesday to build a new sports centre near the harbour, the mayor, Helena Brightwater, said in a statement.

Brightwater said the centre would cost about 12 million pounds and open in 2026. "We have waited a long time. This is a good day for us," she said.

Opponents of the plan said the money should go to the harbour instead. The council will meet again in March to approve the final design of the building.

Brightwater told reporters the harbour wall would also be repaired before the winter storms arrive in the autumn.
"""


def planted(c2, cls, seed=0, split="all"):
    doc = c2.Doc(ARTICLE, ".txt")
    pl = c2.PLANTERS[cls](doc, random.Random(seed), c2.VOCAB, split)
    assert pl is not None, f"{cls} could not be planted in the test article"
    new = pl.apply(ARTICLE)
    return pl, new, new[pl.span[0]:pl.span[1]]


@pytest.mark.parametrize("seed", range(5))
def test_variant_changes_one_occurrence_into_the_other_spelling(c2, seed):
    pl, new, got = planted(c2, "variant", seed)
    assert got in ("center", "harbor", "Harbor")  # the story writes centre and harbour, three times each
    assert ARTICLE[pl.start:pl.end].lower() in ("centre", "harbour")
    assert "Harbour council" in new  # the headline is never touched
    body = new.split("\n", 1)[1]
    assert body.lower().count(got.lower()) == 1


@pytest.mark.parametrize("cls", ["firstperson", "fragment", "placeholder", "bracket", "furniture", "sitename", "names"])
def test_the_span_holds_the_planted_defect_outside_quotes(c2, cls):
    pl, new, got = planted(c2, cls)
    assert got and got.strip() == got
    assert got in pl.repl and new == ARTICLE[:pl.start] + pl.repl + ARTICLE[pl.end:]
    if pl.start == pl.end:  # an insertion: the span holds a vocabulary item, word for word
        vocab = c2.VOCAB[cls]
        items = vocab if isinstance(vocab, list) else sum(vocab.values(), []) if cls != "sitename" else []
        assert cls == "sitename" or got in items
    opening, closing = ARTICLE.index('"We have'), ARTICLE.index('us,"') + len('us,')
    assert not opening < pl.start <= closing, "planted inside the quotation"
    if cls == "sitename":
        assert new.split("\n")[0].startswith("Harbour council backs new centre for the town ")
    elif cls == "names":
        assert pl.key == "Brightwater" and got != "Brightwater" and new.count("Brightwater") == 2
    else:
        assert pl.start > ARTICLE.index("\n\n"), "planted in the headline"
    if cls == "firstperson":
        assert got in c2.VOCAB["firstperson"] and new[pl.span[0] - 2:pl.span[0]] == ". "


@pytest.mark.parametrize("cls", ["variant", "garbled", "firstperson", "fragment", "placeholder", "bracket"])
def test_never_inside_the_quotation(c2, cls):
    opening, closing = ARTICLE.index('"We have'), ARTICLE.index('us,"') + len('us,')
    for seed in range(40):
        pl = planted(c2, cls, seed)[0]
        assert not (opening < pl.start <= closing or opening < pl.end <= closing), (seed, pl)


def test_garbled_makes_function_words_collide_or_splices_sentences(c2):
    for seed in range(10):
        pl, new, got = planted(c2, "garbled", seed)
        w1, w2 = got.split(" ")
        assert pl.repl == " " and ARTICLE[pl.start:pl.end].strip()  # words were cut out
        assert ARTICLE[pl.start - len(w1):pl.start] == w1 and ARTICLE[pl.end:pl.end + len(w2)] == w2
        assert not any(c in ARTICLE[pl.start:pl.end] for c in '"“”'), "a cut through a quotation"
        if pl.kind == "collision":
            assert got in c2.VOCAB["garbled_pairs"]


def test_same_seed_same_defect_and_split_restricts_the_vocabulary(c2):
    for cls in c2.PLANTERS:
        a, b = planted(c2, cls, 3), planted(c2, cls, 3)
        assert (a[0].start, a[0].repl) == (b[0].start, b[0].repl)
    for split in ("dev", "heldout"):
        for seed in range(6):
            for cls in ("firstperson", "fragment", "furniture", "placeholder", "bracket"):
                assert planted(c2, cls, seed, split)[0].split == split


def test_split_is_deterministic_disjoint_and_about_half(c2):
    vocab = c2.VOCAB
    items = list(vocab["firstperson"]) + list(vocab["garbled_pairs"]) + list(vocab["sitename"]["sites"])
    for section in ("furniture", "placeholder", "bracket", "fragment"):
        items += sum(vocab[section].values(), [])
    dev = {it for it in items if c2.split_of(it) == "dev"}
    heldout = {it for it in items if c2.split_of(it) == "heldout"}
    assert dev and heldout and not dev & heldout and dev | heldout == set(items)
    assert 0.35 < len(dev) / len(set(items)) < 0.65
    assert [c2.split_of(it) for it in items] == [c2.split_of(it) for it in items]
    # fixed across runs, machines and Python versions (no salted hash()): a function of the text alone;
    # a change here reshuffles the halves, and a tuned-on dev item would land in the held-out half
    assert [c2.split_of(s) for s in ("said.", "[sic]", "colour/color", "CNN", "the of")] == \
        ["heldout", "dev", "dev", "heldout", "dev"]
    assert c2.split_of("said.") == c2.split_of(" said. ")


def test_third_vocabulary_plants_every_class_and_borrows_what_it_lacks(c2):
    """`--vocab benchmarks/corruption3_vocab.yaml`: another author's wording, in the same shape. Every class it
    words plants from it (the planted text is one of its items), and the sections it lacks come from the
    second vocabulary, as main() merges them."""
    third = c2.load_vocab(ROOT / "benchmarks" / "corruption3_vocab.yaml")
    merged = c2.load_vocab() | third
    assert "garbled_pairs" not in third and merged["garbled_pairs"] == c2.VOCAB["garbled_pairs"]
    items = {"firstperson": set(third["firstperson"]), "fragment": set(sum(third["fragment"].values(), [])),
             "furniture": set(sum(third["furniture"].values(), [])), "bracket": set(sum(third["bracket"].values(), []))}
    doc = c2.Doc(ARTICLE, ".txt")
    for cls, words in items.items():
        for seed in range(4):
            pl = c2.PLANTERS[cls](doc, random.Random(seed), merged, "all")
            assert pl is not None and pl.key in words, (cls, seed)
    assert not set(third["firstperson"]) & set(c2.VOCAB["firstperson"])  # another author's sentences
