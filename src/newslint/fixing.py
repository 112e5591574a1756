"""Apply fixes: non-overlapping, end to start, written atomically.

A fixed file keeps its encoding (UTF-8), BOM, newline style and permissions; it
is written to a temporary file in the same folder and renamed over the original,
so a crash leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
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


def write_atomic(path: str | Path, text: str, bom: bool = False) -> None:
    path = Path(path)
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:  # a new file (a baseline): the usual permissions under the umask
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    data = (BOM if bom else b"") + text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint", dir=path.parent)
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
