"""The registry of check kinds: `extends:` value -> Check class, built from the modules here."""

from __future__ import annotations

import importlib
import pkgutil

from newslint.checks.base import Check


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


KINDS: dict[str, type[Check]] = _discover()
