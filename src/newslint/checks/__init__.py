"""The registry of check kinds: `extends:` value -> Check class, one module here per kind.

A kind's module is named after it (`first-person` -> first_person.py) and imported when a rule
first asks for that kind, not before: a hook whose rules use three kinds imports three modules,
not every kind with its word lists (#17: that was a fifth of a one-file check's start-up).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from functools import lru_cache

from newslint.checks.base import Check


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    """Every kind's name, from the module names alone (nothing imported)."""
    return tuple(sorted(info.name.replace("_", "-") for info in pkgutil.iter_modules(__path__)
                        if not info.name.startswith("_") and info.name != "base"))


@lru_cache(maxsize=None)
def _load(kind: str) -> type[Check]:
    module = importlib.import_module(f"{__name__}.{kind.replace('-', '_')}")
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, Check) and value.kind == kind \
                and value.__module__ == module.__name__:
            return value
    raise KeyError(kind)  # a module without its kind's class: a bug here, found by tests/test_examples


class _Kinds(Mapping):
    """A mapping of every kind to its class that imports a kind's module on first lookup."""

    def __getitem__(self, kind: str) -> type[Check]:
        if kind not in _names():
            raise KeyError(kind)
        return _load(kind)

    def __contains__(self, kind: object) -> bool:
        return kind in _names()

    def __iter__(self) -> Iterator[str]:
        return iter(_names())

    def __len__(self) -> int:
        return len(_names())


KINDS: Mapping[str, type[Check]] = _Kinds()
