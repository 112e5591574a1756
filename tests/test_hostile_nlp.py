"""Hostile text before spaCy (issue #18): runs of punctuation in linear time, paragraphs over
spaCy's max_length split (never rejected), offsets kept. Hang guards, not speed tests: each
compares 1x with 8x input under a generous factor."""

import time

import pytest

pytest.importorskip("spacy")

from newslint import nlp  # noqa: E402


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _parse(text: str):
    return list(nlp.pipe(nlp.load(), [text]))


@pytest.mark.parametrize("mark", ["(", "[", ".", "!"])
def test_a_run_of_one_mark_parses_in_linear_time(mark):
    _parse("Warm up.")
    small = _time(lambda: _parse("A story. " + mark * 1_000))
    large = _time(lambda: _parse("A story. " + mark * 8_000))
    # Quadratic would be 64x; linear 8x. 24x (plus a fixed allowance) catches the one, never the other.
    assert large < 24 * small + 0.5, (small, large)


def test_a_defused_run_keeps_length_and_offsets():
    text = "He said ((((((((((((((((((((((((((((( then left."
    safe = nlp.defused(text)
    assert len(safe) == len(text) and safe.startswith("He said ( ( (") and safe.endswith(" then left.")
    doc = _parse(text)[0]
    assert len(doc.text) == len(text)
    assert [t.idx for t in doc if t.text == "left"] == [text.index("left")]


def test_pieces_cut_at_sentence_ends_and_cover_the_text():
    text = "One two three. " * 5_000
    parts = nlp.pieces(text, 10_000)
    assert "".join(parts) == text
    assert all(len(p) <= 10_000 for p in parts) and all(p.endswith(". ") for p in parts[:-1])
    assert nlp.pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_paragraph_over_max_length_is_split_not_rejected(monkeypatch):
    monkeypatch.setattr(nlp, "PIECE", 2_000)
    pipeline = nlp.load()
    monkeypatch.setattr(pipeline, "max_length", 5_000)  # E088 for any longer text
    text = "The minister said the talks would resume in Cairo. " * 400  # 20,400 characters
    [doc] = list(nlp.pipe(pipeline, [text]))
    assert doc.text == text
    cairo = [t.idx for t in doc if t.text == "Cairo"]
    assert len(cairo) == 400 and all(text[i : i + 5] == "Cairo" for i in cairo)
    assert len(list(doc.sents)) >= 400


def test_a_run_the_tokenizer_keeps_whole_is_left_alone():
    # `.` and `-` runs are one token to spaCy, and fast: spacing them out would only add tokens.
    text = "Then " + "." * 40 + " and " + "-" * 40 + " end."
    doc = _parse(text)[0]
    assert doc.text == text
    assert "." * 40 in [t.text for t in doc] and "-" * 40 in [t.text for t in doc]


def test_the_entity_reader_alone_finds_what_the_whole_pipeline_finds():
    """NameConsistency re-reads a name's context with the other spelling through `nlp.entities` (the
    recogniser and what it listens to), not the whole pipeline: the entities must be the same."""
    texts = ["Kamala Harris met Joe Biden in Washington on Monday.",
             "Hamas leader Ismail Haniyeh said the talks in Cairo had stalled, Reuters reported.",
             "The World Health Organization said Rafah's hospitals were running out of fuel."]
    full = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.load().pipe(texts)]
    alone = [[(e.start_char, e.end_char, e.label_) for e in nlp.entities(t).ents] for t in texts]
    assert alone == full and any(full)


def test_a_name_is_read_again_in_its_sentences_not_a_whole_long_paragraph():
    """Reading a paragraph of a thousand names again for each near pair of them was cubic (54 s for 800)."""
    from newslint.document.reader import document_from_string
    from newslint.names import candidates

    short = "Title\n\nKamala Harris met Joe Biden. Harris said so.\n"
    doc = document_from_string(short)
    word = candidates.Word(short.index("Biden"), short.index("Biden") + 5, "Biden")
    block = next(b for b in nlp.blocks(doc) if b.start <= word.start < b.end)
    assert candidates._context(doc, block, word) == (block.start, block.end)

    long = "Title\n\n" + "Officials met in Cairo on Monday. " * 400 + "Kamala Harris met Joe Biden there. " + "It rained. " * 400 + "\n"
    doc = document_from_string(long)
    at = long.index("Biden")
    block = next(b for b in nlp.blocks(doc) if b.start <= at < b.end)
    start, end = candidates._context(doc, block, candidates.Word(at, at + 5, "Biden"))
    assert block.start < start < at < end < block.end
    assert end - start <= 2 * candidates.RETAG_CONTEXT + 80  # whole sentences, of at most this length here
    assert long[start:].startswith("Officials") and long[:end].endswith(("Monday.", "there.", "rained."))
