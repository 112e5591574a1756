"""Rule scopes as Vale writes them, evaluated as its internal/check/scope.go does.

A rule's `scope` is a list; a block is in scope when any entry matches it. An
entry is terms joined by `&`, each a dotted selector, `~` negating it:

    heading & ~heading.h1        a heading that is not an h1
    text.frontmatter.title       front matter's title value
    text.html                    any text, in .html files only
    table.cell                   a body row of a table

A term matches when every dot-separated part of it is among the block's parts
(Vale's Selector.Contains), and a negated term when they are not all there.
Vale names each block by a dotted scope (`text.heading.h1.md`, `paragraph.md`,
`text.table.header.md`, `text.frontmatter.title.md`, `text.attr.alt`);
`parts()` gives the same parts for a newslint block.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document.model import Block

# Vale's allowedScopes (check/scope.go) by their first part, and newslint's own scopes.
# Vale checks only the first part of a selector (check/definition.go checkScopes).
VALE_FIRST_PARTS = ("text", "heading", "table", "figure", "list", "paragraph", "sentence", "alt", "title",
                    "blockquote", "summary", "raw", "attr", "frontmatter")
NEWSLINT_FIRST_PARTS = ("quote", "code")
# Vale 2's inline scopes: Vale 3 refuses them ("use 'raw' instead"); newslint accepts them as
# scopes that match nothing in Markdown, as it always has.
RETIRED = ("strong", "emphasis", "link", "comment")


@dataclass(frozen=True)
class ScopedBlock(Block):
    """A block whose Vale parts go beyond its kind: a front matter value's key, alt text."""

    parts: tuple[str, ...] = ()


def terms(entry: str) -> list[tuple[bool, frozenset[str]]]:
    """`heading & ~heading.h1` -> [(False, {heading}), (True, {heading, h1})]."""
    out = []
    for term in entry.split("&"):
        term = term.strip()
        negated = term.startswith("~")
        out.append((negated, frozenset(p.strip() for p in term.lstrip("~").split(".") if p.strip())))
    return out


def check_entry(entry: str) -> str | None:
    """Why a scope entry is not one Vale accepts, or None."""
    for _, parts in terms(entry):
        if not parts:
            return f"empty selector in scope {entry!r}"
    if "&" in entry:
        return None  # Vale does not check a multi-part entry's selectors either
    first = entry.strip().lstrip("~").split(".")[0]
    if first not in VALE_FIRST_PARTS + NEWSLINT_FIRST_PARTS + RETIRED:
        known = ", ".join(VALE_FIRST_PARTS + NEWSLINT_FIRST_PARTS)
        return f"unknown scope {entry!r} (known: {known}; join with & and negate with ~, e.g. heading & ~heading.h1)"
    return None


def is_expression(names: tuple[str, ...]) -> bool:
    """Whether a scope list needs Vale's evaluation: a `&`, or a dotted selector newslint's
    document model does not name (`text.md`, `table.cell`, `text.frontmatter.title`)."""
    from newslint.document.model import SCOPES

    return any("&" in n or n.strip().lstrip("~") not in SCOPES for n in names)


def matches(entries: tuple[str, ...], parts: frozenset[str], sized: bool = False) -> bool:
    """Vale's Scope.Matches for a block with these parts (`sized`: raw or summary)."""
    for entry in entries:
        ok = True
        for negated, need in terms(entry):
            inside = need <= parts
            if negated and not inside:
                if sized:  # a negation never selects raw or summary (Vale: "can't apply to sized scopes")
                    ok = False
                    break
            elif inside != (not negated):
                ok = False
                break
        if ok:
            return True
    return False


def parts(block: Block, ext: str) -> frozenset[str]:
    """The parts of Vale's scope for a newslint block of a file with this extension."""
    own = getattr(block, "parts", ())
    if own:
        return frozenset(own)
    kind = block.kind
    if kind == "heading":
        return frozenset(("text", "heading", f"h{block.level}", ext))
    if kind == "table":
        return frozenset(("text", "table", "header" if block.level else "cell", ext))
    if kind in ("list", "blockquote"):
        return frozenset(("text", kind, ext))
    if kind in ("paragraph", "sentence"):
        return frozenset((kind, ext))
    if kind == "text":
        return frozenset(("text", ext))
    return frozenset((kind, ext))


def extension(doc) -> str:
    """The file's extension, the last part of Vale's block scopes (`text.md`); stdin's format."""
    name = doc.path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name and not name.startswith("<") else doc.format


def resolve(doc, names: tuple[str, ...]) -> tuple[Block, ...]:
    """The spans of `doc` (indexing its prose) that a Vale scope expression selects.

    Vale lints a paragraph three times, as `text`, `paragraph` and each `sentence` (lint.go
    lintProse), and other blocks once, as `text.<kind>`; it drops repeated alerts. Here each
    candidate is offered once, and a span inside another selected span is dropped, so a match is
    found once whichever of its blocks selected it.
    """
    ext = extension(doc)
    chosen: list[Block] = []
    for block in doc.blocks:
        if block.kind in ("code", "html", "frontmatter", "title"):
            continue
        if block.kind == "paragraph" and not getattr(block, "parts", ()):
            candidates = [Block("text", block.start, block.end), block]
            candidates += [s for s in doc.sentences if block.start <= s.start and s.end <= block.end]
        else:
            candidates = [block]
        for c in candidates:
            if matches(names, parts(c, ext)):
                chosen.append(c)
    chosen.sort(key=lambda b: (b.start, -b.end))
    out: list[Block] = []
    for b in chosen:
        if out and out[-1].start <= b.start and b.end <= out[-1].end:
            continue  # inside a span already selected
        out.append(b)
    return tuple(out)
