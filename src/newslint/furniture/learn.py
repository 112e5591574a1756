"""`newslint furniture learn ARCHIVE/ -o furniture.yaml`: a site's page furniture, learned from its archive.

Stories differ; furniture does not. A paragraph (or a line of a stacked block)
that recurs in at least `min_articles` articles of one archive is not a
story's: it is the site's credit line, newsletter box, "Related coverage"
header or footer. A line without a sentence end ("Updated 3 March, 10:42
GMT") may recur nearly (the normal form of `lines.normal`: numbers, dates and
case aside); a sentence must recur verbatim, since a story's sentences follow
templates too ("The index rose 12 points to 1,234."). Headlines are not counted. Lines longer than `max_words` words are left out (a repeated
long paragraph is a quotation or a syndicated story, not chrome).

The list is written atomically as YAML (`lines.to_yaml`): each line as the
archive wrote it most often, with the number of articles that hold it. A
Boilerplate rule reads it through its `furniture:` option.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from pathlib import Path

from newslint.compiled import regex_compile
from newslint.errors import InputError, NewslintError
from newslint.furniture.lines import normal, to_yaml

_SENTENCE_END = regex_compile(r"[.!?…][\"”’')\]]*\Z")


def count_lines(paths: list[Path], max_words: int, errors: list) -> dict[str, dict[str, set]]:
    """Normal form -> each way it was written -> the articles holding it so."""
    from newslint.document.model import BODY_KINDS
    from newslint.document.reader import read_document

    found: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for n, path in enumerate(paths):
        try:
            doc = read_document(path)
        except NewslintError as exc:
            errors.append(exc)
            continue
        for block in doc.blocks_of(*BODY_KINDS, "heading"):
            for line in doc.prose[block.start : block.end].splitlines():
                line = " ".join(line.split())
                if not line or len(line.split()) > max_words:
                    continue
                key = normal(line)
                if key and any(c.isalpha() for c in key.replace("<n>", "").replace("<date>", "")):
                    found[key][line].add(n)
    return found


def furniture(paths: list[Path], min_articles: int = 3, max_words: int = 40,
              errors: list | None = None) -> list[tuple[str, int]]:
    """(line as most often written, articles) for every line the archive repeats, most frequent first."""
    out = []
    for forms in count_lines(paths, max_words, errors if errors is not None else []).values():
        line, docs = min(forms.items(), key=lambda item: (-len(item[1]), min(item[1])))  # the usual form, first seen
        if not _SENTENCE_END.search(line):
            docs = set().union(*forms.values())  # near repeats count: "Updated 3 March" is "Updated 9 May"
        if len(docs) >= min_articles:
            out.append((line, len(docs)))
    return sorted(out, key=lambda item: (-item[1], item[0].casefold()))


def learn(paths: list[str], output: str | Path, min_articles: int = 3, max_words: int = 40) -> tuple[int, int, list]:
    """Learn the furniture of the articles under `paths` and write it to `output`.

    Returns (number of lines, number of articles read, input errors).
    """
    from newslint.files import expand
    from newslint.fixing import write_atomic

    files, errors = [], []
    for p in expand(paths):
        (errors if isinstance(p, InputError) else files).append(p)
    if not files:
        raise NewslintError(f"no articles (.md, .txt) found under {', '.join(paths)}")
    lines = furniture(files, min_articles, max_words=max_words, errors=errors)
    header = (f"Page furniture learned by `newslint furniture learn` from {len(files)} articles on {datetime.date.today()}:\n"
              f"lines that recur (numbers and dates aside) in at least {min_articles} articles. Delete any line that is\n"
              "real copy, then name this file in a Boilerplate rule's `furniture:` (a path relative to the rule).")
    write_atomic(output, to_yaml(lines, header))
    return len(lines), len(files), errors
