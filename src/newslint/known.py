"""Rule and pack names a run knows, and one did-you-mean for the names it does not.

`--select`, `--ignore`, a config's `rules:` and suppression comments all name
rules; a typo in any of them is the same warning, worded the same way, so a
reader learns it once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Names:
    """Every rule and pack name loaded, plus the prefixes of checks that name findings themselves."""

    names: frozenset[str]
    dynamic: tuple[str, ...] = ()  # "LanguageTool.": any LanguageTool.<RULE_ID> is a name

    @classmethod
    def of(cls, checks: Iterable) -> "Names":
        checks = list(checks)
        names = {c.rule.name for c in checks} | {c.rule.pack for c in checks}
        return cls(frozenset(names), tuple(c.rule.name + "." for c in checks if c.dynamic_rules))

    def __contains__(self, name: str) -> bool:
        return name in self.names or name.startswith(self.dynamic)

    def unknown(self, names: Iterable[str]) -> list[str]:
        return [n for n in dict.fromkeys(names) if n not in self]

    def message(self, name: str, where: str) -> str:
        """`WHERE: unknown rule or pack 'X' (did you mean Y?)`."""
        return f"{where}: unknown rule or pack '{name}'{did_you_mean(name, self.names)}"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""
