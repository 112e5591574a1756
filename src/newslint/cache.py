"""The result cache: a file's findings, keyed by its content, its rules and newslint's version.

Entries are small JSON files under the cache folder, written to a temporary file
and renamed, so concurrent runs never read half an entry; a damaged entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

from newslint import __version__
from newslint.finding import Finding, Fix

DEFAULT_DIR = ".newslint_cache"
LAYOUT = "v1"


def default_dir() -> Path:
    return Path(os.environ.get("NEWSLINT_CACHE_DIR", DEFAULT_DIR))


class Cache:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.root = self.folder / LAYOUT

    @staticmethod
    def key(*parts: str | bytes) -> str:
        h = hashlib.sha256(__version__.encode())
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        try:
            data["findings"] = [finding_from_dict(f) for f in data["findings"]]
        except (KeyError, TypeError, ValueError):
            return None
        return data

    def put(self, key: str, entry: dict) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.folder / ".gitignore"
            if not marker.exists():
                marker.write_text("# created by newslint\n*\n")
            payload = {**entry, "findings": [asdict(f) for f in entry["findings"]]}
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def clear(self) -> int:
        """Remove every entry; returns how many were removed."""
        count = sum(1 for _ in self.root.rglob("*.json")) if self.root.exists() else 0
        shutil.rmtree(self.folder, ignore_errors=True)
        return count


def finding_from_dict(d: dict) -> Finding:
    fix = d.get("fix")
    return Finding(**{**d, "suggestions": tuple(d.get("suggestions", ())), "fix": Fix(**fix) if fix else None})
