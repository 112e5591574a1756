"""Rule patterns compiled once per machine, not once per run (#17 item 2).

The `regex` module parses a pattern in Python. A Vale setup of a few dozen rules (Red Hat's)
compiles about 1,600 patterns, 0.4 s of every run: more than checking a file takes, so a
pre-commit hook paid it on each commit. A compiled pattern is plain data, what it pickles to
(the pattern, its flags and the engine's code), so the patterns a run compiled are kept in one
file in the user's cache folder and read back by the next run.

The file is read with `marshal`, which builds strings, numbers, bytes and containers and runs
no code, and every entry is checked for that shape; the folder is the user's own (0700). Its
name holds the versions of Python and of `regex`, whose code format it is. Anything wrong with
it (missing, truncated, another format) means compiling as before. Only the process that read
it writes it back, once, at exit, atomically; NEWSLINT_PATTERN_CACHE=0 turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from pathlib import Path

import regex
from regex import _regex

# Entries kept at most: beyond this the store starts again (a machine with many setups).
LIMIT = 20_000
_FIELDS = 11  # len(Pattern._pickled_data) in the regex versions this reads

_store: dict[tuple[str, int], regex.Pattern] | None = None
_data: dict[tuple[str, int], tuple] = {}
_dirty = False
_owner = 0


def path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    version = f"py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}"
    return Path(base) / "newslint" / f"patterns-{version}.marshal"


def enabled() -> bool:
    return os.environ.get("NEWSLINT_PATTERN_CACHE", "1") != "0"


def compiled(pattern: str, flags: int) -> regex.Pattern:
    """regex.compile(pattern, flags), from the store when an earlier run compiled it."""
    store = _load()
    key = (pattern, int(flags))
    found = store.get(key)
    if found is None and key in _data:  # built from the stored code only when asked for
        try:
            found = store[key] = _regex.compile(*_data[key])
        except Exception:  # another regex build's code: compile it again
            del _data[key]
    if found is None:
        found = regex.compile(pattern, flags)  # a bad pattern raises here, and is never stored
        _remember(key, found)
    return found


def regex_compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """regex.compile's signature, for the modules' own patterns: kept on disk the same way."""
    return compiled(pattern, flags)


def _remember(key: tuple[str, int], found: regex.Pattern) -> None:
    global _dirty
    _store[key] = found
    data = getattr(found, "_pickled_data", None)
    if enabled() and isinstance(data, tuple) and len(data) == _FIELDS:
        _data[key] = data
        _dirty = True


def _load() -> dict:
    global _store, _owner
    if _store is not None:
        return _store
    _store, _owner = {}, os.getpid()
    if not enabled():
        return _store
    atexit.register(save)
    try:
        entries = marshal.loads(path().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return _store
    if not isinstance(entries, list):
        return _store
    for entry in entries:
        if _shaped(entry):
            _data[(entry[0], entry[1])] = entry[2]
    return _store


def _shaped(entry) -> bool:
    """(pattern, flags as asked, the compiled data): the data holds the flags regex settled on."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], str) and isinstance(entry[1], int)):
        return False
    data = entry[2]
    return (isinstance(data, tuple) and len(data) == _FIELDS and isinstance(data[0], str)
            and isinstance(data[1], int) and isinstance(data[2], bytes))


def save() -> None:
    """Write the store if this run compiled something new (only in the process that read it:
    a forked worker's patterns are the parent's)."""
    global _dirty
    if not _dirty or os.getpid() != _owner or not enabled():
        return
    _dirty = False
    entries = [(key[0], int(key[1]), data) for key, data in _data.items()]  # flags: IntFlag to int
    if len(entries) > LIMIT:
        entries = entries[-LIMIT:]
    target = path()
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".patterns-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(entries))
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):  # ValueError: something marshal cannot write
        pass  # a read-only home, a full disk: the next run compiles again
