"""The registry of check kinds: `extends:` value -> Check class, built from the modules here.

Built on first use (`KINDS`), not at import, so a kind's module can import shared
helpers (patterns, base) that themselves import from this package.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from newslint.checks.base import Check


@lru_cache(maxsize=1)
def _discover() -> dict[str, type[Check]]:
    kinds: dict[str, type[Check]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Check) and value.kind and value.__module__ == module.__name__:
                kinds[value.kind] = value
    return kinds


def __getattr__(name: str):
    if name == "KINDS":
        return _discover()
    raise AttributeError(name)
