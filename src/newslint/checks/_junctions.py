"""How often one function word follows another in published English: the table behind "the of".

`rules/Newsroom/data/junctions.tsv` (rebuilt by scripts/build_junctions.py from
treebanks and public-domain speeches) holds the corpus size, the frequency of
every function word and the frequency of every pair of them. A pair that never
occurs although chance alone would put it there `min_expected` times or more
is improbable: "the of" (expected 500 times, seen never) is what cutting a
chunk out of "the release of" leaves; "the same" or "a few" are not in the
way, since only function words are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newslint.checks._datalists import ListError


@dataclass(frozen=True)
class Junctions:
    total: int
    words: dict[str, int]
    pairs: dict[tuple[str, str], int]

    def improbable(self, a: str, b: str, min_expected: float, max_ratio: float = 0.0) -> bool:
        """True when `a b` occurs in the corpus at most `max_ratio` times as often as chance predicts,
        and chance predicts it `min_expected` times or more (0.0: never seen at all)."""
        if a not in self.words or b not in self.words:
            return False
        expected = self.words[a] * self.words[b] / self.total
        seen = self.pairs.get((a, b), 0)
        return expected >= min_expected and (seen == 0 if max_ratio <= 0 else seen <= max_ratio * expected)


@lru_cache(maxsize=8)
def load(path: Path, mtime: float) -> Junctions:  # mtime: an edited table is read again
    total, words, pairs = 0, {}, {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        try:
            if cols[0] == "total" and len(cols) == 2:
                total = int(cols[1])
            elif cols[0] == "word" and len(cols) == 3:
                words[cols[1]] = int(cols[2])
            elif cols[0] == "pair" and len(cols) == 4:
                pairs[(cols[1], cols[2])] = int(cols[3])
            else:
                raise ValueError
        except ValueError:
            raise ListError("expected 'total N', 'word W N' or 'pair A B N', tab-separated", n) from None
    if total <= 0:
        raise ListError("no 'total' line: the corpus size is needed", 1)
    return Junctions(total, words, pairs)
