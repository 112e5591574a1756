"""The result cache: a file's findings, keyed by its content, its rules and newslint's own code.

The key holds a hash of every file of the installed newslint package (code and data), not only
its version: a rebuilt checkout keeps its version number, and must not reuse an older build's
results. Hashing about a megabyte costs a few milliseconds, but it is still done once per code
change: the hash is remembered in the cache folder under a stamp of the files' sizes and
modification times, which a `stat` of each file recomputes.

Entries are small JSON files under the cache folder, written to a temporary file
and renamed, so concurrent runs never read half an entry. The cache folder is not
trusted: an entry is read only if it is a regular file (a FIFO would hang the run,
a symlink could point anywhere) that passes its checksum and a schema check; any
other entry is a miss, removed so that this run's result replaces it (it heals).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import asdict
from pathlib import Path

from newslint import __version__
from newslint.finding import Finding, Fix

DEFAULT_DIR = ".newslint_cache"
LAYOUT = "v1"
PACKAGE = Path(__file__).resolve().parent


def default_dir(config: str | Path | None = None, start: Path | None = None) -> Path:
    """$NEWSLINT_CACHE_DIR, else `.newslint_cache` in the project's root: the nearest folder at or
    above `start` (the current folder) holding `.git`, else the config's folder (`config`, or the
    nearest config file found from `start`), else `start`. One cache per repository, wherever
    in it newslint runs (a hook runs at the top, a person in a subfolder)."""
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    return project_root(config, start) / DEFAULT_DIR


def project_root(config: str | Path | None = None, start: Path | None = None) -> Path:
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():  # a folder, or a file in a worktree or submodule
            return folder
    if config is None:
        from newslint.config import find_config

        config = find_config(start)
    return Path(config).resolve().parent if config is not None else start


_CODE: dict[Path, str] = {}


def code_hash(package: Path = PACKAGE, memo: Path | None = None) -> str:
    """A hash of every file of the newslint package (its code and shipped data), remembered in
    `memo` (a folder) under a stamp of the files' names, sizes and modification times."""
    if package in _CODE:
        return _CODE[package]
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    stamp = hashlib.sha256()
    for f in files:
        st = f.stat()
        stamp.update(f"{f.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    memo_file = memo / f"{stamp.hexdigest()}.code" if memo is not None else None
    known = _read_regular(memo_file) if memo_file is not None else None
    if known and len(known) == 64 and known.isascii():
        value = known.decode("ascii")
    else:
        h = hashlib.sha256()
        for f in files:
            data = f.read_bytes()
            h.update(f"{f.relative_to(package)}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            h.update(data)
        value = h.hexdigest()
        if memo_file is not None:
            _write_atomic(memo_file, value)
    _CODE[package] = value
    return value


class Cache:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.root = self.folder / LAYOUT

    def key(self, *parts: str | bytes) -> str:
        h = hashlib.sha256(__version__.encode())
        h.update(code_hash(memo=self.folder / "code").encode())
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        path = self._path(key)
        data = _read_regular(path)
        entry = _unwrap(data) if data is not None else None
        if entry is None:
            if data is not None or path.is_symlink() or path.exists():
                _remove(path)  # a damaged or foreign entry: gone, so this run's result replaces it
            return None
        return entry

    def put(self, key: str, entry: dict) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            mark(self.folder)
            payload = json.dumps({**entry, "findings": [asdict(f) for f in entry["findings"]]}, ensure_ascii=False)
            _write_atomic(path, json.dumps({"sha256": _digest(payload), "data": payload}, ensure_ascii=False))
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def clear(self) -> int:
        """Remove every entry; returns how many were removed."""
        count = sum(1 for _ in self.root.rglob("*.json")) if self.root.exists() else 0
        shutil.rmtree(self.folder, ignore_errors=True)
        return count


def mark(folder: Path) -> None:
    """A `.gitignore` of `*` in newslint's folder, so that nothing in it is ever committed."""
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# created by newslint\n*\n")


def finding_from_dict(d: dict) -> Finding:
    """A Finding from the dict `put` wrote; ValueError for any other shape (types are checked:
    a string where a line number belongs would break a reporter later)."""
    from newslint.finding import SEVERITIES

    fix = d.get("fix") if isinstance(d, dict) else None
    if not _typed(d, FIELDS) or d["severity"] not in SEVERITIES or not isinstance(d.get("suggestions", []), list) \
            or not all(isinstance(x, str) for x in d.get("suggestions", [])) \
            or (fix is not None and not _typed(fix, FIX_FIELDS)):
        raise ValueError("not a cached finding")
    return Finding(**{**d, "suggestions": tuple(d.get("suggestions", ())), "fix": Fix(**fix) if fix else None})


MAX_ENTRY = 64 * 1024 * 1024  # bytes; an entry larger than any real one is damage, not a result


def _read_regular(path: Path) -> bytes | None:
    """The entry's bytes, only if it is a regular file (not a symlink, FIFO, device or folder)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return b""  # present but not an entry: a miss that heals
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return b""
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    """Write a temporary file and rename it over `path`: a concurrent reader sees all or nothing,
    and a symlink or FIFO planted at `path` is replaced, never written through. OSError passes."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        os.replace(tmp, path)
    except OSError:
        pass


def _digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _unwrap(data: bytes) -> dict | None:
    """The entry, if its checksum holds and it has the shape `put` writes; else None."""
    try:
        outer = json.loads(data)
        payload = outer["data"]
        if not isinstance(payload, str) or outer.get("sha256") != _digest(payload):
            return None
        entry = json.loads(payload)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
    if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
            and isinstance(entry.get("findings"), list) and isinstance(entry.get("lines", {}), dict)):
        return None
    if not all(isinstance(k, str) and k.isdigit() and isinstance(v, str) for k, v in entry.get("lines", {}).items()):
        return None
    try:
        entry["findings"] = [finding_from_dict(f) for f in entry["findings"]]
    except (KeyError, TypeError, ValueError):
        return None
    return entry


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


FIELDS = {"path": str, "line": int, "col": int, "end_line": int, "end_col": int, "rule": str, "severity": str,
          "message": str, "match": str, "offset": int, "end_offset": int, "fingerprint": str}
FIX_FIELDS = {"start": int, "end": int, "replacement": str, "safe": bool, "line": int, "col": int,
              "end_line": int, "end_col": int}


def _typed(d, fields: dict) -> bool:
    return (isinstance(d, dict) and set(d) <= set(fields) | {"suggestions", "fix"}
            and all(type(d.get(k)) is t for k, t in fields.items()))
