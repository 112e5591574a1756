"""`extends: readability` — flag a document whose average reading grade is above `grade` (Vale's semantics).

Vale computes each listed metric over the document's summary (paragraphs, list
items, blockquotes), divides their sum by the number listed, and reports once,
at 1:1, when the average is strictly above `grade`; `%s` is the average as `%.2f`.
Like Vale, the kind ignores `scope`: grades need whole paragraphs.
"""

from __future__ import annotations

import math
from typing import Callable, Iterator

from newslint.checks._summary import Counts, summary_counts
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match

# The formulas of summarize/readability.go, by the names Vale accepts.
METRICS: dict[str, Callable[[Counts], float]] = {
    "Gunning Fog": lambda c: 0.4 * (c.words / c.sentences + 100.0 * c.complex_words / c.words),
    "Coleman-Liau": lambda c: 0.0588 * (c.characters / c.words) * 100 - 0.296 * (c.sentences / c.words) * 100 - 15.8,
    "Flesch-Kincaid": lambda c: 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59,
    "SMOG": lambda c: 1.0430 * math.sqrt(c.polysyllabic_words * 30.0 / c.sentences) + 3.1291,
    "Automated Readability": lambda c: 4.71 * (c.characters / c.words) + 0.5 * (c.words / c.sentences) - 21.43,
}


class Readability(Check):
    kind = "readability"
    summary = "Flags a document whose average reading grade is above a threshold."
    default_scope = ("summary",)
    options = {
        "metrics": Option("list", required=True, doc=", ".join(METRICS)),
        "grade": Option("number", required=True, doc="the highest acceptable average grade"),
    }

    def setup(self) -> None:
        metrics = self.opts["metrics"]
        if not metrics:
            raise OptionError("metrics", "'metrics' must list at least one of: " + ", ".join(METRICS))
        for name in metrics:
            if name not in METRICS:
                raise OptionError("metrics", f"unknown metric {name!r} (known: {', '.join(METRICS)})")
        if len(set(metrics)) != len(metrics):
            # Vale would count a repeated metric once but divide by it twice.
            raise OptionError("metrics", "'metrics' lists a metric twice")
        self.metrics = [METRICS[name] for name in metrics]

    def check(self, doc) -> Iterator[Match]:
        counts = summary_counts(doc)
        if not counts.words:
            return  # Vale's grade is NaN here, which is never above anything
        grade = sum(metric(counts) for metric in self.metrics) / len(self.metrics)
        if grade > self.opts["grade"]:
            yield Match(0, 0, args=(f"{grade:.2f}",))
