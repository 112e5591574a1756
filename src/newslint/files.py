"""Expand the command line's paths (files, folders, globs) into article files, in order.

Hostile trees are walked safely: folder symlinks are never followed (a loop cannot
make the walk endless), FIFOs, devices and sockets are skipped with a note (reading
one would hang or never end), and a folder that cannot be listed is reported, not
silently left out.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from pathlib import Path
from typing import Iterator

from newslint.document.reader import ARTICLE_EXTS
from newslint.errors import InputError

# Folders never walked into (besides hidden ones).
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "_build", "build", "dist"})

KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
         (stat.S_ISSOCK, "a socket"))


class Skipped(InputError):
    """A path that is not an article to read (a FIFO, a device, a socket): a note, not an error."""


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is ('a FIFO', ...), or None for a regular file."""
    return next((name for test, name in KINDS if test(mode)), None)


def _skip_special(p: Path) -> InputError | None:
    try:
        mode = p.stat().st_mode  # follows a symlink: a link to /dev/zero is a device
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # said here: later steps resolve the path, which a loop breaks
            return InputError("a symlink loop, not a file", str(p))
        return None  # missing, no permission: reading it says so, for that file
    kind = special_kind(mode)
    return Skipped(f"not a regular file ({kind}): skipped", str(p)) if kind else None


def _walk(folder: Path) -> Iterator[Path | InputError]:
    errors: list[OSError] = []
    # followlinks=False (os.walk's default): a symlinked folder is not entered, so no loop.
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _listing_errors(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_EXTS):
                yield Path(root) / name
    yield from _listing_errors(errors)


def _listing_errors(errors: list[OSError]) -> Iterator[InputError]:
    while errors:
        exc = errors.pop(0)
        yield InputError(f"cannot list this folder: {exc.strerror or exc}", exc.filename)


def _glob(pattern: str) -> list[Path]:
    """Paths matching a glob, `**` included, without following folder symlinks.

    glob.glob's `**` follows them, so one loop (`sub/up -> ..`) multiplies the walk
    without end; pathlib's `**` (Python 3.11, 3.12) does not. The fixed prefix is kept
    as typed (`./news/...` stays `./news/...`), and glob.glob's rule that a wildcard
    skips hidden names holds for the part after it.
    """
    comps = pattern.split("/")
    fixed = 0
    while fixed < len(comps) - 1 and not glob.has_magic(comps[fixed]):
        fixed += 1
    prefix = "/".join(comps[:fixed]) or ("/" if fixed else "")
    wild = [c for c in comps[fixed:] if c]
    dotted = any(c.startswith(".") for c in wild)  # `.*.md` asks for hidden names
    matches = []
    for m in Path(prefix or ".").glob("/".join(wild)):
        tail = m.relative_to(prefix) if prefix else m
        if dotted or not any(t.startswith(".") for t in tail.parts):
            matches.append(Path(os.path.join(prefix, tail)) if prefix else tail)
    return sorted(matches, key=str)


def expand(paths: list[str]) -> Iterator[Path | InputError]:
    """Yield article paths; a path that names nothing yields an InputError in its place, a special
    file a Skipped note."""
    seen: set[str] = set()

    def once(p: Path) -> Iterator[Path | InputError]:
        key = os.path.realpath(p)  # never raises on a symlink loop (Path.resolve does)
        if key in seen:
            return
        seen.add(key)
        yield _skip_special(p) or p

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for f in _walk(p):
                yield from (once(f) if isinstance(f, Path) else [f])
        elif p.exists() or p.is_symlink():
            yield from once(p)  # an explicit file is checked whatever its extension
        elif glob.has_magic(arg):
            matches = _glob(arg)
            if not matches:
                yield InputError("no file matches this pattern", arg)
            for mp in matches:
                for f in _walk(mp) if mp.is_dir() and not mp.is_symlink() else [mp]:
                    yield from (once(f) if isinstance(f, Path) else [f])
        else:
            yield InputError("no such file or folder", arg)
