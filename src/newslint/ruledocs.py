"""What a rule says about itself, in the forms the outputs need: one plain sentence (`rules list`,
SARIF's shortDescription), the Markdown (fullDescription, docs/rules.md), and where its docs live.

Descriptions are Markdown that opens with a bold label ("**What it does.** Flags ..."); cutting
the first line of that mid-sentence is what a reader must never see, so the summary is the first
whole sentence of the text with the markup taken out.
"""

from __future__ import annotations

import re

DOCS_URL = "https://github.com/newslint/newslint/blob/main/docs/rules.md"

_LABEL = re.compile(r"^\s*\*\*[^*]+?[.:]\*\*\s*")  # "**What it does.** "
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_OPEN, _CLOSE = "([{“", ")]}”"
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "U.S.", "a.k.a.")
_MARKS = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


def plain(markdown: str) -> str:
    """Markdown inline markup removed, whitespace folded: text for a terminal or a tooltip."""
    text = _LINK.sub(r"\1", markdown)
    return " ".join(_MARKS.sub("", text).split())


def summary(rule) -> str:
    """One plain-text sentence: the first of the description, else the message (placeholders as '…')."""
    paragraph = (rule.description or "").strip().split("\n\n", 1)[0]
    text = plain(_LABEL.sub("", paragraph))
    if text:
        return plain(first_sentence(_LABEL.sub("", paragraph)))
    return plain(re.sub(r"%[sv]", "…", rule.message or rule.name))


def first_sentence(markdown: str) -> str:
    """Up to the first full stop (or ! ?) that ends a sentence: outside code, brackets and quotation
    marks, before a space and a capital (or the end), and not an abbreviation. An ellipsis never ends one."""
    depth, quoted, code = 0, False, False
    for i, ch in enumerate(markdown):
        if ch == "`":
            code = not code
        elif code:
            continue
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE or ch == '"':
            if ch == '"':
                quoted = not quoted
            else:
                depth = max(depth - 1, 0)
            # a quoted sentence ends the sentence around it: `words: "I told him." One ...`
            if markdown[i - 1] in ".!?" and _ends(markdown, i, depth, quoted):
                return markdown[: i + 1]
        elif ch in ".!?" and _ends(markdown, i, depth, quoted):
            return markdown[: i + 1]
    return markdown


def _ends(markdown: str, i: int, depth: int, quoted: bool) -> bool:
    rest = markdown[i + 1 :]
    return (not depth and not quoted and (not rest.strip() or bool(re.match(r"\s+[\W_]*[A-Z]", rest)))
            and not markdown[: i + 1].rstrip('"”)').endswith(_ABBREVIATIONS))


def anchor(name: str) -> str:
    """The anchor GitHub gives a `## Pack.Rule` heading: lower case, punctuation but - and _ dropped."""
    return re.sub(r"[^\w\- ]", "", name.lower()).replace(" ", "-")


def help_uri(rule, builtin: bool) -> str | None:
    """The rule's own `link`, else its section of docs/rules.md for a built-in rule, else None."""
    if rule.link:
        return rule.link
    return f"{DOCS_URL}#{anchor(rule.name)}" if builtin else None


def is_builtin(rule) -> bool:
    """Whether the rule ships with newslint (so docs/rules.md has a section for it)."""
    from pathlib import Path

    from newslint.config import builtin_rules_dir

    return Path(rule.path).resolve().is_relative_to(builtin_rules_dir().resolve())
