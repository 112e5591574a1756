"""Expand the command line's paths (files, folders, globs) into article files, in order."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterator

from newslint.document.reader import ARTICLE_EXTS
from newslint.errors import InputError

# Folders never walked into (besides hidden ones).
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "_build", "build", "dist"})


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_EXTS):
                yield Path(root) / name


def expand(paths: list[str]) -> Iterator[Path | InputError]:
    """Yield article paths; a path that names nothing yields an InputError in its place."""
    seen: set[Path] = set()

    def once(p: Path) -> Iterator[Path]:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            yield p

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for f in _walk(p):
                yield from once(f)
        elif p.exists() or p.is_symlink():
            yield from once(p)  # an explicit file is checked whatever its extension
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield InputError("no file matches this pattern", arg)
            for m in matches:
                mp = Path(m)
                files = _walk(mp) if mp.is_dir() else [mp]
                for f in files:
                    yield from once(f)
        else:
            yield InputError("no such file or folder", arg)
