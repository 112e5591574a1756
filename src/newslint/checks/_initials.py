"""Do a name's words spell these initials? Shared by the checks that meet acronyms and their definitions."""

from __future__ import annotations

MINOR = frozenset("of for and the on in de du des la le el al und &".split())
# A country the initials may start with, named or not: the USDA is the "Agriculture Department".
PLACES = ("US", "UK", "EU", "UN")


def spells(acronym: str, words: list[str]) -> bool:
    """Whether the initials of a name's words spell `acronym` exactly, reading the name from any word
    round to the same word ("Agriculture Department" is the Department of Agriculture: DA, or DOA with
    the "of" at the turn), with function words and a country ("U.S.") counted or skipped."""
    cores = [acronym] + [acronym[len(p):] for p in PLACES if acronym.startswith(p) and len(acronym) > len(p) + 1]
    for k in range(len(words)):
        order = words[k:] + (["of"] if k else []) + words[:k]
        if any(initials_spell(core, order) for core in cores):
            return True
    return False


def tail_spells(acronym: str, words: list[str], shortest: int = 1) -> bool:
    """Whether the last `shortest` or more of `words` spell `acronym`: the words written just before
    the initials ("a Web service Uniform Resource Locator (URL)") may open with others."""
    return any(spells(acronym, words[i:]) for i in range(len(words) - shortest + 1))


def initials_spell(acronym: str, words: list[str], i: int = 0) -> bool:
    """Whether `words`, in this order, spell `acronym` from `i` on (a country gives all its letters: U.S.)."""
    if not words:
        return i == len(acronym)
    word, rest = words[0], words[1:]
    place = word.replace(".", "") in PLACES
    initial = word.replace(".", "") if place else word[0].upper()
    if acronym.startswith(initial, i) and initials_spell(acronym, rest, i + len(initial)):
        return True
    return (place or word.lower() in MINOR) and initials_spell(acronym, rest, i)
