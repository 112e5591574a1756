"""Comparing lines across articles, and the learned furniture lists a Boilerplate rule reads.

A line is compared in a normal form: case folded, quotes and dashes made plain,
numbers, dates, times, months and weekdays replaced by placeholders, punctuation
at its ends and runs of spaces dropped. "Updated 3 March 2021, 10:42 GMT" and
"Updated 12 May 2022, 9:05 GMT" are then one line, as are "Photo: AFP" and
"photo - AFP". A learned list is YAML:

    furniture:
      - line: "Sign up for the Morning Briefing"   # as the archive wrote it most often
        articles: 41                               # how many articles hold it (optional)
      - "Follow us on Mastodon"                    # a plain string works too
"""

from __future__ import annotations

from newslint.checks import _datalists as lists
from newslint.compiled import regex_compile

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december"
           "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_DATE_WORD = regex_compile(rf"\b(?:{_MONTHS}|{_DAYS})\b\.?")
_NUMBER = regex_compile(r"\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|am|pm|h)?\b")
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_EDGES = regex_compile(r"\A[\W_]+|[\W_]+\Z")
_SEPARATOR = regex_compile(r"\s*[-:|•·]\s+")


def normal(line: str) -> str:
    """The form in which two lines of furniture are the same line."""
    text = " ".join(line.translate(_PLAIN).casefold().split())
    text = _DATE_WORD.sub("<date>", text)
    text = _NUMBER.sub("<n>", text)
    text = _SEPARATOR.sub(" : ", text)
    return " ".join(_EDGES.sub("", text).split())


def load_learned(rule_path: str, ref, key: str = "furniture") -> frozenset[str]:
    """The normal forms of one learned list (relative to the rule file)."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    node, _ = lists.read_list(rule_path, ref, key, "furniture")
    if not isinstance(node, yaml.SequenceNode):
        raise lists.fail(key, ref, node, "'furniture' must be a list of lines")
    out = set()
    for item in node.value:
        text = lists.scalar(item)
        if text is None and isinstance(item, yaml.MappingNode):
            text = next((lists.scalar(v) for k, v in item.value if lists.scalar(k) == "line"), None)
        if not text or not normal(text):
            raise lists.fail(key, ref, item, "every item must be a line of text (or a mapping with 'line:')")
        out.add(normal(text))
    return frozenset(out)


def to_yaml(lines: list[tuple[str, int]], header: str = "") -> str:
    """A learned list: (line as written, articles) pairs, most frequent first."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    body = yaml.safe_dump({"furniture": [{"line": line, "articles": n} for line, n in lines]},
                          allow_unicode=True, sort_keys=False, width=120)
    return "".join(f"# {h}\n" if h else "#\n" for h in header.splitlines()) + body
