"""A names list as data: the spellings a newsroom has settled on.

YAML (`.yaml`/`.yml`):

    names:
      - canonical: Ismail Haniyeh
        variants: [Ismail Haniya]        # also right: never flagged
        misspellings: [Ismail Hanyahu]   # known wrong spellings: always flagged
        kind: person                     # person, place or org
        note: Hamas political leader; AP spelling.

CSV (`.csv`), with a header row (a row starting with # is a comment); several variants or misspellings are separated by `|`:

    canonical,variants,kind,note,misspellings
    Al-Qahera News,Al Qahera News,org,Egyptian state-linked outlet,

Only `canonical` and `kind` are required. A mistake (an unknown key, a missing
field, a bad kind, a name defined twice) is a RuleError naming the list file
and its line. Lists are read once per process (keyed by path, size and mtime).

`NameList.merge` joins several lists; a later list's entry for a name replaces
an earlier one's (a newsroom's own list after the built-in starter list).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import RuleError
from newslint.names.compare import fold, key, normalise

KINDS = ("person", "place", "org")
FIELDS = ("canonical", "variants", "misspellings", "kind", "note")
STARTER = "@starter"  # the lists shipped with newslint, usable in any rule's `names`
# In this order: a later file's entry for a name replaces an earlier one's.
STARTER_FILES = ("geonames.csv", "wikinews.yaml", "curated.yaml")


def starter_paths() -> list[Path]:
    from newslint.config import builtin_rules_dir

    folder = builtin_rules_dir() / "Newsroom" / "names"
    return [folder / name for name in STARTER_FILES]


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    note: str = ""
    source: str = ""  # path:line, for messages and debugging

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants)


@dataclass
class NameList:
    entries: list[Entry] = field(default_factory=list)

    _indexed: bool = False

    def _build(self) -> None:
        self._known: dict[str, Entry] = {}  # normalised right form -> entry
        self._wrong: dict[str, Entry] = {}  # normalised misspelling -> entry
        self._by_key: dict[str, list[tuple[Entry, str]]] = {}  # canonical forms only: variants are right, not targets
        self._by_first: dict[str, list[tuple[Entry, str]]] = {}  # people: folded first name -> (entry, form)
        for e in self.entries:
            self._index(e)
        # A right form of any entry is never another's misspelling.
        self._wrong = {k: v for k, v in self._wrong.items() if k not in self._known}
        self._indexed = True

    # The indexes are built on first use: a list that is only merged into another is never indexed.
    @property
    def known(self) -> dict[str, Entry]:
        if not self._indexed:
            self._build()
        return self._known

    @property
    def wrong(self) -> dict[str, Entry]:
        if not self._indexed:
            self._build()
        return self._wrong

    @property
    def by_key(self) -> dict[str, list[tuple[Entry, str]]]:
        if not self._indexed:
            self._build()
        return self._by_key

    @property
    def by_first(self) -> dict[str, list[tuple[Entry, str]]]:
        if not self._indexed:
            self._build()
        return self._by_first

    def _index(self, e: Entry) -> None:
        for form in e.forms:
            self._known[normalise(form)] = e
            if form is e.canonical:
                self._by_key.setdefault(key(form), []).append((e, form))
            words = form.split()
            if e.kind == "person" and len(words) >= 2:
                self._by_first.setdefault(fold(words[0]), []).append((e, form))
        for form in e.misspellings:
            self._wrong.setdefault(normalise(form), e)

    @classmethod
    def merge(cls, lists: list["NameList"]) -> "NameList":
        chosen: dict[str, Entry] = {}
        for lst in lists:
            for e in lst.entries:
                chosen[normalise(e.canonical)] = e
        return cls(list(chosen.values()))

    def __len__(self) -> int:
        return len(self.entries)


_CACHE: dict[tuple[str, int, int], NameList] = {}


def load(path: str | Path) -> NameList:
    """Read one list (YAML or CSV). Raises RuleError(path, line) for a broken one."""
    path = Path(path)
    name = str(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise RuleError(f"cannot read the names list: {exc.strerror or exc}", name) from None
    cache_key = (str(path.resolve()), st.st_size, int(st.st_mtime_ns))
    if cache_key in _CACHE:
        return _CACHE[cache_key]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RuleError("the names list is not valid UTF-8", name) from None
    except OSError as exc:
        raise RuleError(f"cannot read the names list: {exc.strerror or exc}", name) from None
    if path.suffix.lower() == ".csv":
        entries = _from_csv(text, name)
    elif path.suffix.lower() in (".yaml", ".yml"):
        entries = _from_yaml(text, name)
    else:
        raise RuleError("a names list must be .yaml, .yml or .csv", name)
    result = NameList(entries)
    _CACHE[cache_key] = result
    return result


def _entry(raw: dict, name: str, line: int, seen: dict[str, int]) -> Entry:
    def fail(message: str) -> RuleError:
        return RuleError(message, name, line)

    for k in raw:
        if k not in FIELDS:
            raise fail(f"unknown key '{k}' in a names entry (use {', '.join(FIELDS)})")
    canonical = raw.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise fail("a names entry needs 'canonical': the right spelling")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail(f"'kind' of '{canonical}' must be one of {', '.join(KINDS)}, not {kind!r}")
    lists = {}
    for k in ("variants", "misspellings"):
        value = raw.get(k) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"'{k}' of '{canonical}' must be a list of names")
        lists[k] = tuple(" ".join(v.split()) for v in value)
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise fail(f"'note' of '{canonical}' must be text")
    norm = normalise(canonical)
    if norm in seen:
        raise fail(f"'{canonical}' is listed twice (first at line {seen[norm]})")
    seen[norm] = line
    for wrong in lists["misspellings"]:
        if normalise(wrong) in (normalise(f) for f in (canonical, *lists["variants"])):
            raise fail(f"'{wrong}' is both a right spelling and a misspelling of '{canonical}'")
    return Entry(" ".join(canonical.split()), kind, lists["variants"], lists["misspellings"], note, f"{name}:{line}")


def _from_yaml(text: str, name: str) -> list[Entry]:
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(f"invalid YAML: {exc.problem or exc.context}", name, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", name) from None
    if root is None:
        return []
    items = None
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if k.value != "names":
                raise RuleError(f"unknown key '{k.value}' at the top of a names list (use 'names')", name, k.start_mark.line + 1)
            items = v
    if not isinstance(items, yaml.SequenceNode):
        raise RuleError("a names list is a mapping with 'names:', a list of entries", name, 1)
    construct = loader(io.StringIO("")).construct_object
    entries, seen = [], {}
    for node in items.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise RuleError("each names entry is a mapping (canonical, variants, misspellings, kind, note)", name, line)
        raw = {}
        for k, v in node.value:
            raw[k.value] = construct(v, deep=True)
        entries.append(_entry(raw, name, line, seen))
    return entries


def _from_csv(text: str, name: str) -> list[Entry]:
    reader = csv.reader(io.StringIO(text))
    header = None
    entries, seen = [], {}
    try:
        for row in reader:
            n = reader.line_num
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue  # blank lines and comments (the credits at the top)
            if header is None:
                header = [h.strip() for h in row]
                for h in header:
                    if h not in FIELDS:
                        raise RuleError(f"unknown column '{h}' (use {', '.join(FIELDS)})", name, n)
                continue
            if len(row) > len(header):
                raise RuleError(f"{len(row)} fields where the header has {len(header)}", name, n)
            raw = {h: c.strip() for h, c in zip(header, row) if c.strip()}
            for k in ("variants", "misspellings"):
                if k in raw:
                    raw[k] = [v.strip() for v in raw[k].split("|") if v.strip()]
            entries.append(_entry(raw, name, n, seen))
    except csv.Error as exc:
        raise RuleError(f"invalid CSV: {exc}", name, reader.line_num) from None
    return entries


class LazyLists:
    """A rule's names lists: its own are read at once (a broken one stops the run before any
    check), the shipped starter list on first use (a --no-nlp run never pays for it)."""

    def __init__(self, paths: list[str], base: Path):
        self.paths, self.base = list(paths), Path(base)
        own = [p for p in self.paths if p != STARTER]
        if own:
            load_many(own, self.base)
        self._lists: NameList | None = None

    def get(self) -> NameList:
        if self._lists is None:
            self._lists = load_many(self.paths, self.base) if self.paths else NameList()
        return self._lists


def load_many(paths: list[str], base: Path) -> NameList:
    """The lists a rule names, relative to its folder (`@starter`: the shipped list), merged in order.

    Each file is parsed once per process (`load` caches by path, size and mtime)."""
    lists = []
    for p in paths:
        for path in starter_paths() if p == STARTER else [base / p]:
            lists.append(load(path))
    return NameList.merge(lists)
