"""Rule patterns compiled once per machine, not once per run (#17 item 2).

The `regex` module parses a pattern in Python. A Vale setup of a few dozen rules (Red Hat's)
compiles about 1,600 patterns, 0.4 s of every run: more than checking a file takes, so a
pre-commit hook paid it on each commit. A compiled pattern is plain data, what it pickles to
(the pattern, its flags and the engine's code), so the patterns a run compiled are kept in one
file in the user's cache folder and read back by the next run.

The engine runs the stored code as it finds it (a damaged one can crash or hang the matcher),
so what is read back must be what this user's newslint wrote: the file and its folder must
belong to the user and be writable by no one else, the payload must match the digest stored
with it (a torn or damaged file does not), and each entry must have the shape of a compiled
pattern of its own pattern text. It is read with `marshal`, which builds strings, numbers,
bytes and containers and no objects. The file's name holds the versions of Python and of
`regex`, whose code format it is. Anything wrong with it means compiling as before. Only the
process that read it writes it back, once, at exit, and only when it compiled something new;
NEWSLINT_PATTERN_CACHE=0 turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import regex
from regex import _regex

# Entries kept at most (a machine with many setups): beyond it, the patterns this run used and
# then the newest.
LIMIT = 20_000
_FIELDS = 11  # len(Pattern._pickled_data) in the regex versions this reads
_MAGIC = "newslint-patterns-2"  # 2: the envelope of read_kept/write_kept, with a key
_KEPT = "newslint-kept-1"

_store: dict[tuple[str, int], regex.Pattern] | None = None
_data: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()
_dirty = False
_owner = 0


def folder() -> Path | None:
    """newslint's folder in the user's cache folder, or None where there is none to use (no home)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG spec says to ignore it
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry (some containers)
            return None
    return Path(base) / "newslint"


def clear() -> tuple[int, Path | None]:
    """Remove every file of newslint's folder in the user's cache folder (this store, the built packs
    of rulestore.py, kept() data): (how many, the folder). Only regular files, not what a link
    points to."""
    base = folder()
    removed = 0
    try:
        if base is None or base.is_symlink() or not base.is_dir():
            return 0, base
        for entry in base.iterdir():
            if entry.is_file() and not entry.is_symlink():
                entry.unlink()
                removed += 1
    except OSError:
        pass
    return removed, base


def path() -> Path | None:
    """The store's file, or None where there is no cache folder to use (no home, say)."""
    base = folder()
    version = f"py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}"
    return base / f"patterns-{version}.marshal" if base is not None else None


def enabled() -> bool:
    return os.environ.get("NEWSLINT_PATTERN_CACHE", "1") != "0"


def regex_compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """regex.compile(pattern, flags), from the store when an earlier run compiled it."""
    store = _load()
    key = (pattern, int(flags))
    found = store.get(key)
    _used.add(key)
    if found is None and key in _data:  # built from the stored code only when asked for
        try:
            found = store[key] = _regex.compile(*_data[key])
        except Exception:  # another regex build's code: compile it again
            del _data[key]
    if found is None:
        found = regex.compile(pattern, flags)  # a bad pattern raises here, and is never stored
        _remember(key, found)
    return found


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
    for entry in _read(path()):
        if _shaped(entry):
            _data[(entry[0], entry[1])] = entry[2]
    return _store


def _read(target: Path | None) -> list:
    """The stored entries, or none unless the file is this user's own, unaltered, and ours."""
    payload = read_kept(target, _MAGIC, None) if target is not None else None
    if payload is None:
        return []
    try:
        entries = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return []
    return entries if isinstance(entries, list) else []


def private(place: Path) -> bool:
    """Owned by this user and writable by no one else (where the platform says who owns what)."""
    info = place.lstat()
    if stat.S_ISLNK(info.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _shaped(entry) -> bool:
    """(pattern, flags as asked, the compiled data of that very pattern; its flags are the ones
    regex settled on)."""
    if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], str) and isinstance(entry[1], int)):
        return False
    data = entry[2]
    return (isinstance(data, tuple) and len(data) == _FIELDS and data[0] == entry[0]
            and isinstance(data[1], int) and isinstance(data[2], bytes))


def save() -> None:
    """Write the store if this run compiled something new (only in the process that read it:
    a forked worker's patterns are the parent's)."""
    global _dirty
    if not _dirty or os.getpid() != _owner or not enabled():
        return
    _dirty = False
    keys = list(_data)
    if len(keys) > LIMIT:  # the patterns this run used stay, and the newest of the others
        used = [k for k in keys if k in _used]
        room = max(LIMIT - len(used), 0)
        keys = ([k for k in keys if k not in _used][-room:] if room else []) + used[-LIMIT:]
    entries = [(key[0], int(key[1]), _data[key]) for key in keys]  # flags: IntFlag to int
    target = path()
    if target is None:
        return
    try:
        payload = marshal.dumps(entries)
    except ValueError:  # something marshal cannot write
        return
    write_kept(target, _MAGIC, None, payload)  # a read-only home, a full disk: the next run compiles again


def files_stamp(folder: Path) -> list[tuple[str, int, int]]:
    """(path, size, modification time) of every file under `folder` but bytecode: os.walk, as
    this runs on every start and a Path.rglob walk costs three times as much."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            full = os.path.join(root, name)
            st = os.stat(full)
            out.append((full, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


def code_digest() -> str:
    """A digest of newslint's own files (names, sizes, modification times) as they are now."""
    package = Path(__file__).resolve().parent
    return hashlib.blake2b(repr(files_stamp(package)).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def first_code() -> str:
    """code_digest() as this process first found it: the code it runs. What one version of newslint
    built is not read back by another (a parse, a check's state, changed by an upgrade)."""
    return code_digest()


def current_code() -> str | None:
    """code_digest() now, or None when newslint's files changed since this process first looked (the
    first time, one walk of the files, not two)."""
    if not first_code.cache_info().currsize:
        return first_code()
    now = code_digest()
    return now if now == first_code() else None


def read_kept(target: Path, magic: str, key) -> bytes | None:
    """The payload write_kept() left in `target` under `magic` and `key`; None unless the file and its
    folder are the user's own and writable by no one else, and the payload matches its digest."""
    try:
        if private(target.parent) and private(target):
            stored_magic, stored_key, stored, payload = marshal.loads(target.read_bytes())
            if stored_magic == magic and stored_key == key and stored == digest(payload):
                return payload
    except (OSError, ValueError, EOFError, TypeError):  # missing, torn, not ours
        pass
    return None


def write_kept(target: Path, magic: str, key, payload: bytes) -> None:
    """Keep `payload` in `target` for read_kept() (a read-only home, a full disk: nothing kept; a
    folder others can write to: nothing, as nothing read from it would be trusted either)."""
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if private(target.parent):
            write_private(target, marshal.dumps((magic, key, digest(payload), payload)))
    except (OSError, ValueError):
        pass


def kept(name: str, key: str, build):
    """What `build()` returns, kept in the cache folder under `name` for as long as `key` (a stamp
    of what it was built from: a file's path, size and time) and newslint's code are the same. For
    data that marshal writes (strings, numbers, containers) and that costs a run more to build than
    to read back: a word list parsed into entries. Anything wrong with the file means building it
    again."""
    base = folder() if enabled() else None
    target = base / f"{name}.marshal" if base is not None else None
    key = f"{key}\0{first_code()}"
    payload = read_kept(target, _KEPT, key) if target is not None else None
    if payload is not None:
        try:
            return marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            pass
    value = build()
    if target is not None:
        try:
            write_kept(target, _KEPT, key, marshal.dumps(value))
        except ValueError:  # something marshal cannot write
            pass
    return value


def digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).digest()


def write_private(target: Path, data: bytes) -> None:
    """Write `data` to `target` in a folder of the user's own, atomically (a temporary file renamed
    over it: a reader sees the old file or the new one, never half of one)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
