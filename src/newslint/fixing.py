"""Apply fixes: non-overlapping, end to start, written atomically.

A fixed file keeps its encoding (UTF-8), BOM, newline style, permissions, owner
and group; it is written to a temporary file in the same folder and renamed over
the original, so a crash leaves either the old file or the new one, never half of
either. `rewrite` says why it left a file alone (changed meanwhile, read-only, hard
links) rather than lose an edit or split a file from its other names.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from newslint.document.reader import BOM

_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")  # a line as git counts one: up to LF, or the unterminated last
from newslint.finding import Finding, Fix


def choose(findings: list[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes to apply, sorted, skipping any that overlaps one already chosen."""
    fixes = sorted({f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)},
                   key=lambda x: (x.start, x.end))
    chosen: list[Fix] = []
    for fix in fixes:
        if chosen and fix.start < chosen[-1].end:
            continue
        chosen.append(fix)
    return chosen


def apply(text: str, fixes: list[Fix]) -> str:
    crlf = "\r\n" in text
    parts, last = [], 0
    for fix in fixes:
        replacement = fix.replacement
        if crlf:  # keep the file's newline style
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        parts += [text[last : fix.start], replacement]
        last = fix.end
    parts.append(text[last:])
    return "".join(parts)


TEMP_MARK = ".newslint-tmp"  # every temporary file newslint writes ends so: `.NAME.newslint-PID-XXXX.newslint-tmp`
LEGACY_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.newslint")  # what earlier versions named their temp files: `.NAME.XXXXXXXX.newslint`
STALE_AFTER = 3600  # seconds: a temp file whose writer may still live is left alone until then


def _temp(path: Path) -> tuple[int, str]:
    """A temporary file beside `path`, named for it and for this process, so that a later run
    can tell a stale one (its writer killed) from one being written right now."""
    return tempfile.mkstemp(prefix=f".{path.name}.newslint-{os.getpid()}-", suffix=TEMP_MARK, dir=path.parent)


def remove_stale(path: Path) -> int:
    """Remove the temp files a killed run left beside `path`; returns how many."""
    removed = 0
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        stale = path.parent / name
        if LEGACY_TEMP.fullmatch(name) and name.startswith(f".{path.name}."):  # earlier versions' names
            stale.unlink(missing_ok=True)
            removed += 1
            continue
        if not (name.startswith(f".{path.name}.newslint-") and name.endswith(TEMP_MARK)):
            continue
        try:
            pid = int(name[len(f".{path.name}.newslint-"):].split("-", 1)[0])
            alive = pid != os.getpid() and _alive(pid)
            if alive and time.time() - stale.lstat().st_mtime < STALE_AFTER:
                continue
            stale.unlink()
            removed += 1
        except (ValueError, OSError):
            continue
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def write_atomic(path: str | Path, text: str, bom: bool = False) -> None:
    """Write a new or replaced file (a baseline, a names list) via a temp file and a rename."""
    path = Path(path)
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:  # a new file (a baseline): the usual permissions under the umask
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    data = (BOM if bom else b"") + text.encode("utf-8")
    fd, tmp = _temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rewrite(path: str | Path, expected: bytes, text: str, bom: bool = False) -> str | None:
    """Replace the article at `path`, whose content was `expected` when it was read, with `text`.

    Returns None when written, else why it was not (a warning; the file is untouched):
    - it changed since it was read (an editor saved meanwhile): compare-and-swap, its
      bytes are compared again just before the rename, so that edit is never lost;
    - it is read-only, or the user cannot write it;
    - it has other hard links: a rename would split this name from the others, which
      would keep the old text (newslint refuses rather than write in place, which is
      not atomic);
    - its owner or group could not be kept (the rename would hand it to this user).

    A symlink is followed: its target is fixed and the link stays a link. The mode is kept.
    """
    shown = str(path)
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except OSError as exc:
        return f"{shown}: cannot rewrite: {exc.strerror or exc}"
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        return f"{shown}: read-only: not rewritten"
    if st.st_nlink > 1:
        return f"{shown}: has {st.st_nlink - 1} other hard link{'s' if st.st_nlink > 2 else ''}: not rewritten (see --diff)"
    remove_stale(target)
    fd, tmp = _temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((BOM if bom else b"") + text.encode("utf-8"))
            handle.flush()
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(handle.fileno(), st.st_uid, st.st_gid)
                except OSError:
                    Path(tmp).unlink(missing_ok=True)
                    return f"{shown}: its owner or group could not be kept: not rewritten"
            os.fchmod(handle.fileno(), stat.S_IMODE(st.st_mode))
            os.fsync(handle.fileno())
        if _changed(target, st, expected):
            Path(tmp).unlink(missing_ok=True)
            return f"{shown}: changed since newslint read it: not rewritten (run again)"
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return None


def _changed(target: Path, before: os.stat_result, expected: bytes) -> bool:
    """Whether the file no longer holds what was read (size, mtime, then the bytes themselves)."""
    try:
        now = target.stat()
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (before.st_size, before.st_mtime_ns, before.st_ino):
            return True
        return target.read_bytes() != expected
    except OSError:
        return True


def diff(path: str, old: str, new: str, bom: bool = False) -> str:
    """A unified diff that `git apply` and `patch` accept: lines split at LF only (as they split them;
    str.splitlines would also split at form feeds and U+2028), CR kept as content, the BOM kept on
    the first line, and a last line without a newline marked `\\ No newline at end of file`."""
    if bom:
        old, new = "\ufeff" + old, "\ufeff" + new
    if not os.path.isabs(path):
        path = Path(os.path.normpath(path)).as_posix()
    a, b = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=a, tofile=b):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)
