"""Inline suppression comments in Markdown, newslint's own and Vale's.

    <!-- newslint-disable [Rule.Name ...] -->   ... <!-- newslint-enable [Rule.Name ...] -->
    <!-- newslint-disable-next-line [Rule.Name ...] -->
    <!-- vale off --> ... <!-- vale on -->
    <!-- vale Style.Rule = NO --> ... <!-- vale Style.Rule = YES -->   (a style name works too)

A comment acts from where it stands to the end of the document (or until undone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.document.model import Document
from newslint.finding import Finding

ALL = "*"
_NEWSLINT = re.compile(r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.S)
_VALE_SWITCH = re.compile(r"<!--\s*vale\s+(off|on)\s*-->", re.I)
_VALE_RULES = re.compile(r"<!--\s*vale\s+((?:[\w-]+(?:\.[\w-]+)?\s*=\s*(?:YES|NO)\s*,?\s*)+)-->", re.I)
_VALE_ASSIGN = re.compile(r"([\w-]+(?:\.[\w-]+)?)\s*=\s*(YES|NO)", re.I)


@dataclass(frozen=True)
class Event:
    offset: int
    disable: bool
    rules: tuple[str, ...]  # rule or pack names; ALL for every rule


def _names(text: str) -> tuple[str, ...]:
    names = tuple(n for n in re.split(r"[\s,]+", text.strip()) if n)
    return names or (ALL,)


def events(doc: Document) -> tuple[list[Event], dict[int, tuple[str, ...]]]:
    """Range events in document order, and next-line suppressions by line number."""
    evs: list[Event] = []
    next_line: dict[int, tuple[str, ...]] = {}
    for comment in doc.comments:
        text = doc.text[comment.start : comment.end]
        if m := _NEWSLINT.fullmatch(text):
            kind, names = m.group(1), _names(m.group(2))
            if kind == "disable-next-line":
                line = doc.position(comment.end)[0] + 1
                next_line[line] = next_line.get(line, ()) + names
            else:
                evs.append(Event(comment.end, kind == "disable", names))
        elif m := _VALE_SWITCH.fullmatch(text):
            evs.append(Event(comment.end, m.group(1).lower() == "off", (ALL,)))
        elif m := _VALE_RULES.fullmatch(text):
            for name, value in _VALE_ASSIGN.findall(m.group(1)):
                evs.append(Event(comment.end, value.upper() == "NO", (name,)))
    return evs, next_line


def named(doc: Document) -> list[tuple[int, str]]:
    """(line, name) for every rule or pack a comment names, to warn about typos (the comment would
    otherwise suppress nothing, silently)."""
    out = []
    skipped = getattr(doc, "skipped_rules", ())  # rules a Vale config could not load: known, not typos
    for comment in doc.comments:
        text = doc.text[comment.start : comment.end]
        if m := _NEWSLINT.fullmatch(text):
            names = [n for n in _names(m.group(2)) if n != ALL]
        elif m := _VALE_RULES.fullmatch(text):
            names = [name for name, _ in _VALE_ASSIGN.findall(m.group(1))]
        else:
            continue
        line = doc.position(comment.start)[0]
        out.extend((line, name) for name in names if name not in skipped)
    return out


def _covers(names, rule: str) -> bool:
    return ALL in names or rule in names or rule.split(".", 1)[0] in names


def filter_suppressed(doc: Document, findings: list[Finding]) -> list[Finding]:
    if not doc.comments:
        return findings
    evs, next_line = events(doc)
    untoggled = doc.__dict__.get("untoggled", ())  # Vale's raw and summary rules: see vale/rendered.py
    kept = []
    for f in findings:
        if f.rule in untoggled:
            kept.append(f)
            continue
        if f.line in next_line and _covers(next_line[f.line], f.rule):
            continue
        off = False
        for e in evs:
            if e.offset > f.offset:
                break
            if _covers(e.rules, f.rule):
                off = e.disable
        if not off:
            kept.append(f)
    return kept
