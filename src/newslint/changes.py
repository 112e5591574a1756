"""What changed since a git ref: files (for --diff-base) and lines (for --changed-lines)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from newslint.errors import NewslintError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def _git(*args: str, cwd: Path | None = None) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise NewslintError("--diff-base needs git, which is not installed") from None
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise NewslintError(f"git {' '.join(args[:2])}: {reason}")
    return proc.stdout


def toplevel(cwd: Path | None = None) -> Path | None:
    """The top of the git work tree around `cwd`, or None outside one (or without git)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True)
    except OSError:
        return None
    top = proc.stdout.strip()
    return Path(top) if proc.returncode == 0 and top else None


def _missing_ref(ref: str, top: Path) -> NewslintError:
    """A ref the clone lacks: CI checkouts are usually shallow (actions/checkout fetches one commit)."""
    shallow = _git("rev-parse", "--is-shallow-repository", cwd=top).strip() == "true"
    why = "this clone is shallow and lacks it" if shallow else "no such commit, branch or tag in this clone"
    return NewslintError(
        f"--diff-base {ref}: {why}; fetch the history first (GitHub Actions: actions/checkout with "
        f"`fetch-depth: 0`; elsewhere: git fetch --unshallow, or git fetch origin {ref.split('/', 1)[-1]})")


class Changes:
    """Files and lines changed between `ref` and the working tree (untracked files count as new)."""

    def __init__(self, ref: str):
        self.ref = ref
        self.top = Path(_git("rev-parse", "--show-toplevel").strip())
        try:
            _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=self.top)
        except NewslintError:
            raise _missing_ref(ref, self.top) from None
        names = _git("diff", "--name-only", "--diff-filter=ACMR", ref, "--", cwd=self.top).splitlines()
        self.untracked = {(self.top / n).resolve() for n in _git("ls-files", "--others", "--exclude-standard", cwd=self.top).splitlines()}
        self.files = {(self.top / n).resolve() for n in names} | self.untracked

    def has(self, path: str | Path) -> bool:
        return Path(path).resolve() in self.files

    def lines(self, path: str | Path) -> set[int] | None:
        """Changed line numbers of the new file; None means every line (a new file)."""
        resolved = Path(path).resolve()
        if resolved in self.untracked:
            return None
        out = _git("diff", "-U0", self.ref, "--", str(resolved), cwd=self.top)
        changed: set[int] = set()
        for m in _HUNK.finditer(out):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            changed.update(range(start, start + count))
        return changed
