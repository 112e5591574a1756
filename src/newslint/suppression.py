"""Inline suppression comments in Markdown, newslint's own and Vale's.

    <!-- newslint-disable [Rule.Name ...] -->   ... <!-- newslint-enable [Rule.Name ...] -->
    <!-- newslint-disable-next-line [Rule.Name ...] -->
    <!-- vale off --> ... <!-- vale on -->
    <!-- vale Style.Rule = NO --> ... <!-- vale Style.Rule = YES -->   (a style name works too; on/off too)
    <!-- vale Style.Rule["match", "other"] = NO -->   only those matches of the rule
    <!-- vale style = A, B -->                         only those styles from here on

A comment acts from where it stands to the end of the document (or until undone). newslint's
comments work as a sequence (the last one naming a rule wins); Vale's as Vale keeps them
(internal/core/file.go): one switch per name, and a finding is off while any switch that
covers it is (`vale off`, its style, its rule, or its rule and match).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from newslint.document.model import Document
from newslint.finding import Finding

ALL = "*"
_NEWSLINT = re.compile(r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.S)
_VALE_SWITCH = re.compile(r"<!--\s*vale\s+(off|on)\s*-->", re.I)
_VALE_RULES = re.compile(r"<!--\s*vale\s+((?:[\w-]+(?:\.[\w-]+)?\s*=\s*(?:YES|NO|on|off)\s*,?\s*)+)-->", re.I)
_VALE_ASSIGN = re.compile(r"([\w-]+(?:\.[\w-]+)?)\s*=\s*(YES|NO|on|off)", re.I)
_VALE_MATCHES = re.compile(r"<!--\s*vale\s+([\w-]+\.[\w.-]+)(\[.+\])\s*=\s*(YES|NO)\s*-->", re.S)
_VALE_STYLES = re.compile(r"<!--\s*vale\s+styles?\s*=\s*(.*?)\s*-->", re.S)


@dataclass(frozen=True)
class Event:
    offset: int
    disable: bool
    rules: tuple[str, ...]  # rule or pack names; ALL for every rule


def _names(text: str) -> tuple[str, ...]:
    names = tuple(n for n in re.split(r"[\s,]+", text.strip()) if n)
    return names or (ALL,)


def events(doc: Document) -> tuple[list[Event], dict[int, tuple[str, ...]]]:
    """newslint's range events in document order, and next-line suppressions by line number."""
    evs: list[Event] = []
    next_line: dict[int, tuple[str, ...]] = {}
    for comment in doc.comments:
        if m := _NEWSLINT.fullmatch(doc.text[comment.start : comment.end]):
            kind, names = m.group(1), _names(m.group(2))
            if kind == "disable-next-line":
                line = doc.position(comment.end)[0] + 1
                next_line[line] = next_line.get(line, ()) + names
            else:
                evs.append(Event(comment.end, kind == "disable", names))
    return evs, next_line


def _listed(text: str) -> list[str]:
    """`vale style = A, B`: the styles named."""
    return [name.strip() for name in text.split(",") if name.strip()]


def _style(rule: str) -> str:
    return rule.split(".", 1)[0]


def vale_switches(doc: Document, styles: set[str]) -> list[tuple[int, dict[str, bool]]]:
    """Vale's UpdateComments, comment by comment: (offset, {switch: off?}). A switch is `off`, a
    style, a rule, or `Rule[match]`; `style = A` turns every other style of `styles` off."""
    out = []
    for comment in doc.comments:
        text = doc.text[comment.start : comment.end]
        if m := _VALE_SWITCH.fullmatch(text):
            out.append((comment.end, {"off": m.group(1).lower() == "off"}))
        elif m := _VALE_MATCHES.fullmatch(text):
            try:
                matches = json.loads(m.group(2))  # Vale reads the brackets as a JSON list
            except (ValueError, RecursionError):  # RecursionError: brackets nested past Python's limit
                continue
            if isinstance(matches, list):
                out.append((comment.end, {f"{m.group(1)}[{x}]": m.group(3) == "NO" for x in matches if isinstance(x, str)}))
        elif m := _VALE_RULES.fullmatch(text):
            out.append((comment.end, {name: value.upper() in ("NO", "OFF") for name, value in _VALE_ASSIGN.findall(m.group(1))}))
        elif m := _VALE_STYLES.fullmatch(text):
            chosen = set(_listed(m.group(1)))
            out.append((comment.end, {style: style not in chosen for style in styles | chosen}))
    return out


def named(doc: Document) -> list[tuple[int, str]]:
    """(line, name) for every rule or pack a comment names, to warn about typos (the comment would
    otherwise suppress nothing, silently)."""
    out = []
    skipped = getattr(doc, "skipped_rules", ())  # rules a Vale config could not load: known, not typos
    for comment in doc.comments:
        text = doc.text[comment.start : comment.end]
        if m := _NEWSLINT.fullmatch(text):
            names = [n for n in _names(m.group(2)) if n != ALL]
        elif m := _VALE_MATCHES.fullmatch(text):
            names = [m.group(1)]
        elif m := _VALE_RULES.fullmatch(text):
            names = [name for name, _ in _VALE_ASSIGN.findall(m.group(1))]
        elif m := _VALE_STYLES.fullmatch(text):
            names = _listed(m.group(1))
        else:
            continue
        line = doc.position(comment.start)[0]
        out.extend((line, name) for name in names if name not in skipped)
    return out


def _covers(names, rule: str) -> bool:
    return ALL in names or rule in names or _style(rule) in names


def _newslint_off(f: Finding, evs: list[Event], next_line: dict[int, tuple[str, ...]]) -> bool:
    if f.line in next_line and _covers(next_line[f.line], f.rule):
        return True
    off = False
    for e in evs:
        if e.offset > f.offset:
            break
        if _covers(e.rules, f.rule):
            off = e.disable
    return off


def _vale_offs(findings: list[Finding], switches: list[tuple[int, dict[str, bool]]]) -> list[bool]:
    """For each finding, whether Vale's switches leave it off where it stands: one sweep through
    the document (findings by offset, the switches as they come), not a replay per finding."""
    off = [False] * len(findings)
    state: dict[str, bool] = {}
    i = 0
    for n in sorted(range(len(findings)), key=lambda n: findings[n].offset):
        f = findings[n]
        while i < len(switches) and switches[i][0] <= f.offset:
            state.update(switches[i][1])
            i += 1
        off[n] = any(state.get(k, False) for k in ("off", _style(f.rule), f.rule, f"{f.rule}[{f.match}]"))
    return off


def filter_suppressed(doc: Document, findings: list[Finding]) -> list[Finding]:
    if not doc.comments:
        return findings
    evs, next_line = events(doc)
    switches = vale_switches(doc, {_style(f.rule) for f in findings})
    vale_off = _vale_offs(findings, switches)
    untoggled = doc.__dict__.get("untoggled", ())  # Vale's raw and summary rules: see vale/rendered.py
    return [f for f, v in zip(findings, vale_off)
            if f.rule in untoggled or not (v or _newslint_off(f, evs, next_line))]
