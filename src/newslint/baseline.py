"""Baselines for legacy archives: record today's findings, later report only new ones.

A finding is known when the baseline holds its path and fingerprint (see
engine.with_fingerprints): edits elsewhere in the file do not make it new, a
new occurrence of the same problem does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newslint.errors import InputError
from newslint.finding import Finding
from newslint.fixing import write_atomic

VERSION = 1


def _key(path: str) -> str:
    return Path(os.path.relpath(path) if os.path.isabs(path) else path).as_posix()


def write(path: str | Path, findings: list[Finding]) -> None:
    entries = sorted(({"path": _key(f.path), "rule": f.rule, "fingerprint": f.fingerprint, "line": f.line,
                       "message": f.message} for f in findings), key=lambda e: (e["path"], e["line"], e["rule"]))
    write_atomic(path, json.dumps({"version": VERSION, "tool": "newslint", "findings": entries}, indent=2, ensure_ascii=False) + "\n")


def load(path: str | Path) -> set[tuple[str, str]]:
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline file not found", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the baseline: {exc}", name) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not a newslint baseline (invalid JSON: {exc.msg})", name, exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise InputError("not a newslint baseline (expected version 1 and a findings list)", name)
    try:
        return {(e["path"], e["fingerprint"]) for e in data["findings"]}
    except (TypeError, KeyError):
        raise InputError("not a newslint baseline (each finding needs path and fingerprint)", name) from None


def new_findings(findings: list[Finding], known: set[tuple[str, str]]) -> list[Finding]:
    return [f for f in findings if (_key(f.path), f.fingerprint) not in known]
