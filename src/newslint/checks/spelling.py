"""`extends: spelling` — flag words a Hunspell dictionary does not know (Vale's semantics).

Words are split as Vale's `nlp.WordTokenizer` splits them: on white space, then
leading `$ ( " [ '` and trailing `, ) " ] ! ; . ? : '` are peeled off, curly quotes
read as straight ones, and a token with no letter is dropped. Unless `custom: true`,
Vale's default filters skip camelCase, words ending in a capital (acronyms) and
any word holding something other than ASCII letters, `_` and `'` (numbers,
hyphens, dots, accents). A `filters` pattern skips a word it matches anywhere
(Go's MatchString). A word passes when a dictionary, or an `ignore` list, has it
as written or in lower case.

Dictionaries are read with spylls (a pure-Python Hunspell); spylls' bundled
en_US stands in for Vale's built-in en_US-web. Each dictionary loads once per
process; lookups and suggestions are cached per word. Suggestions cost about
0.2 s a word, so, as in Vale, they are made only for a rule that asks for them
with `action: {name: suggest}`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterator

from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Match
from newslint.patterns import compile_pattern

SUGGESTIONS = 5  # at most this many suggestions per word

# Vale's defaults (internal/check/spelling.go): mixed case, trailing capitals, anything not [a-zA-Z_'].
DEFAULT_FILTERS = tuple(regex_compile(p) for p in (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']"))

# The tokenizer's tables (internal/nlp/var.go).
_SANITIZE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_PREFIXES = frozenset("$(\"['")
_SUFFIXES = frozenset(",)\"]!;.?:'")
_SPECIAL = regex_compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$")  # U.S., Mr.: kept whole
_EMOTICONS = frozenset(
    "(-8 (-; (-_-) (._.) (: (= (o: (¬_¬) (ಠ_ಠ) -__- 8-) 8-D 8D :( :(( :((( :() :))) :-) :-)) :-))) "
    ":-* :-/ :-X :-] :-o :-p :-x :-| :-} :0 :3 :P :] :`( :`) :`-( :o :o) =( =) =D =| @_@ O.o O_o "
    "V_V XDD [-: ^___^ o_0 o_O o_o v_v xD xDD".split()
)
_CHUNK = regex_compile(r"\S+")


class Spelling(Check):
    kind = "spelling"
    summary = "Flags words the Hunspell dictionaries do not know."
    options = {
        "dicpath": Option("str", "", doc="folder(s) with .dic/.aff files, relative to the rule's folder or the styles folder"),
        "dictionaries": Option("list", [], doc="dictionary names to load (default: the built-in en_US)"),
        "append": Option("bool", False, doc="load the built-in dictionary as well as `dictionaries`"),
        "aff": Option("str", "", doc="path of one .aff file (with `dic`)"),
        "dic": Option("str", "", doc="path of one .dic file (with `aff`)"),
        "ignore": Option("str|list", [], doc="word-list files (one word per line) to accept"),
        "filters": Option("list", [], doc="patterns: a word they match is not checked"),
        "custom": Option("bool", False, doc="turn off the default filters (acronyms, numbers, camelCase)"),
        "threshold": Option("int", 0, doc="accepted for Vale compatibility; unused, as in Vale"),
    }

    def setup(self) -> None:
        o = self.opts
        here = Path(self.rule.path).parent
        # Vale resolves paths against StylesPath; a rule lives in <StylesPath>/<Pack>/.
        self.roots = (here, here.parent)
        self.dictionaries = self._load_dictionaries()
        self.ignored = self._load_ignore()
        if not all(isinstance(f, str) for f in o["filters"]):
            raise OptionError("filters", "every item of 'filters' must be a string")
        self.filters = tuple(compile_pattern(f, "filters") for f in o["filters"])
        if not o["custom"]:
            self.filters += DEFAULT_FILTERS
        self.known: dict[str, bool] = {}
        action = self.rule.action or {}
        self.suggests = isinstance(action, dict) and action.get("name") == "suggest"

    # -- loading -----------------------------------------------------------
    def _resolve(self, name: str) -> list[Path]:
        path = Path(os.path.expanduser(name))
        return [path] if path.is_absolute() else [root / path for root in self.roots]

    def _load_dictionaries(self) -> list:
        o = self.opts
        if bool(o["aff"]) != bool(o["dic"]):
            raise OptionError("aff" if o["aff"] else "dic", "'aff' and 'dic' go together: give both or neither")
        if o["aff"]:
            aff = next((p for p in self._resolve(o["aff"]) if p.is_file()), None)
            dic = next((p for p in self._resolve(o["dic"]) if p.is_file()), None)
            if aff is None or dic is None:
                key, value = ("aff", o["aff"]) if aff is None else ("dic", o["dic"])
                raise OptionError(key, f"no such file for '{key}': {value}")
            return [load_dictionary(str(dic), str(aff))]
        folders = self._dicpath()
        names = o["dictionaries"]
        if not all(isinstance(n, str) and n for n in names):
            raise OptionError("dictionaries", "every item of 'dictionaries' must be a dictionary name")
        loaded = [self._find(name, folders) for name in names]
        if not names or o["append"]:
            loaded.append(load_dictionary(*BUILT_IN))
        return loaded

    def _dicpath(self) -> list[Path]:
        """Folders to search: `dicpath` (os.pathsep-separated), else <StylesPath>/config/dictionaries."""
        if not self.opts["dicpath"]:
            return [self.roots[1] / "config" / "dictionaries", self.roots[0]]
        folders = []
        for part in filter(None, self.opts["dicpath"].split(os.pathsep)):
            found = next((p for p in self._resolve(part) if p.is_dir()), None)
            if found is None:
                raise OptionError("dicpath", f"'dicpath' folder not found: {part} (looked in {', '.join(map(str, self._resolve(part)))})")
            folders.append(found)
        return folders

    def _find(self, name: str, folders: list[Path]):
        for folder in folders:
            dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
            if dic.is_file() and aff.is_file():
                return load_dictionary(str(dic), str(aff))
        if name == "en_US":
            return load_dictionary(*BUILT_IN)
        where = ", ".join(str(f) for f in folders)
        raise OptionError("dictionaries", f"dictionary '{name}' not found: no {name}.dic and {name}.aff in {where}")

    def _load_ignore(self) -> frozenset[str]:
        files = self.opts["ignore"]
        files = [files] if isinstance(files, str) else files
        words: set[str] = set()
        for name in files:
            if not isinstance(name, str):
                raise OptionError("ignore", "every item of 'ignore' must be a file path")
            candidates = self._resolve(name) + [self.roots[1] / "config" / "ignore" / name]
            path = next((p for p in candidates if p.is_file()), None)
            if path is None:
                raise OptionError("ignore", f"'ignore' file not found: {name}")
            try:
                lines = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise OptionError("ignore", f"cannot read 'ignore' file {path}: {exc}") from None
            # gospell's AddWordList: one word per line, trimmed; blank lines and '#' skipped.
            words.update(w for w in (line.strip() for line in lines) if w and w != "#")
        return frozenset(words)

    # -- checking ----------------------------------------------------------
    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        source = scope.source
        for span in scope.spans:
            for start, end in tokenize(source, span.start, span.end):
                word = source[start:end].translate(_SANITIZE)
                if any(f.search(word) for f in self.filters):
                    continue
                if not self.spelled(word):
                    offered = suggest(self.dictionaries, word) if self.suggests else ()
                    yield Match(start, end, args=(word,), suggestions=offered)

    def spelled(self, word: str) -> bool:
        """Vale's Spell: the word as written, or in lower case, is known."""
        known = self.known.get(word)
        if known is None:
            lower = word.lower()
            known = (word in self.ignored or lower in self.ignored
                     or any(d.lookup(word) or (lower != word and d.lookup(lower)) for d in self.dictionaries))
            self.known[word] = known
        return known


def tokenize(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Vale's iterTokenizer over text[start:end], as (start, end) offsets of each word."""
    for chunk in _CHUNK.finditer(text, start, end):
        s, e = chunk.span()
        last = 0
        while s < e and e - s != last:
            token = text[s:e].translate(_SANITIZE)
            if token in _EMOTICONS or _SPECIAL.match(token):
                if _has_letter(token):
                    yield s, e
                break
            last = e - s
            if token[0] in _PREFIXES:
                s += 1
            elif token[-1] in _SUFFIXES:
                e -= 1
            elif _has_letter(token):
                yield s, e


def _has_letter(token: str) -> bool:
    return any(c.isalpha() for c in token)


# -- dictionaries, loaded once per process ---------------------------------


def _built_in() -> tuple[str, str]:
    import spylls.hunspell

    base = Path(spylls.hunspell.__file__).parent / "data" / "en" / "en_US"
    return str(base.with_suffix(".dic")), str(base.with_suffix(".aff"))


BUILT_IN = _built_in()


@lru_cache(maxsize=None)
def load_dictionary(dic: str, aff: str):
    """A Hunspell dictionary read as Vale's gospell reads it. spylls differs in three ways, each
    worked around here: a `PHONE` table crashes it (gospell ignores PHONE: the lines are skipped);
    with no `SET` line it reads Latin-1 where gospell reads UTF-8; and with no `BREAK` line it
    splits words at hyphens, which Vale does not, so `human-friendly` is one word there (a
    dictionary's own BREAK rules do split words, as Vale 3 applies them).
    Anything else spylls cannot read is an OptionError naming the file, never a traceback."""
    from spylls.hunspell import Dictionary
    from spylls.hunspell import readers
    from spylls.hunspell.readers.file_reader import FileReader

    class Reader(FileReader):
        def readlines(self):
            return ((n, line) for n, line in super().readlines() if not line.startswith("PHONE"))

    try:
        raw = Path(aff).read_bytes()
        has_set = any(line.lstrip().startswith(b"SET ") for line in raw.splitlines())
        aff_data, context = readers.read_aff(Reader(aff, encoding="Windows-1252" if has_set else "UTF-8"))
        if not has_set:
            context.encoding = "UTF-8"
        if not any(line.lstrip().startswith(b"BREAK ") for line in raw.splitlines()):
            aff_data.BREAK = []  # spylls' default breaks at hyphens; a dictionary's own BREAK rules stay (Vale #1165)
        dic_data = readers.read_dic(FileReader(dic, encoding=context.encoding), aff=aff_data, context=context)
        return Dictionary(aff_data, dic_data)
    except Exception as exc:  # noqa: BLE001 - spylls raises anything on a malformed file
        raise OptionError("dictionaries", f"cannot read the Hunspell dictionary {dic} ({aff}): "
                          f"{type(exc).__name__}: {exc}") from None


_SUGGESTED: dict[tuple[tuple[int, ...], str], tuple[str, ...]] = {}


def suggest(dictionaries: list, word: str) -> tuple[str, ...]:
    """Up to SUGGESTIONS spellings from the dictionaries, first dictionary first (slow, so cached)."""
    key = (tuple(map(id, dictionaries)), word)  # dictionaries live for the process, so ids are stable
    if key not in _SUGGESTED:
        out: list[str] = []
        for d in dictionaries:
            try:
                found = list(islice(d.suggest(word), SUGGESTIONS))
            except Exception:  # spylls on an odd dictionary: no suggestions rather than no run
                found = []
            for s in found:
                if s not in out:
                    out.append(s)
                if len(out) == SUGGESTIONS:
                    break
            if len(out) == SUGGESTIONS:
                break
        _SUGGESTED[key] = tuple(out)
    return _SUGGESTED[key]
