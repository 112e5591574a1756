"""Findings as LSP diagnostics, and the code actions an editor offers on them."""

from __future__ import annotations

import re

from lsprotocol import types

from newslint.finding import Finding
from newslint.lsp.checker import Checked, respects_vocabulary
from newslint.lsp.explain import docs_link
from newslint.lsp.positions import LineIndex

SOURCE = "newslint"
FIX_ALL = "source.fixAll.newslint"
FIX_ALL_TITLE = "Fix all safe newslint fixes in this document"
ADD_TO_VOCABULARY = "newslint.addToVocabulary"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "suggestion": types.DiagnosticSeverity.Information}
_NEXT_LINE = re.compile(r"(\s*<!--\s*newslint-disable-next-line\b[^>]*?)(\s*-->\s*)")


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    return types.Range(types.Position(*index.position(start)), types.Position(*index.position(end)))


def finding_range(index: LineIndex, checked: Checked, f: Finding) -> types.Range:
    return lsp_range(index, f.offset + checked.shift, f.end_offset + checked.shift)


def diagnostics(checked: Checked, index: LineIndex, rule_of) -> list[types.Diagnostic]:
    out = []
    for f in checked.findings:
        link = docs_link(rule_of(f.rule))
        out.append(types.Diagnostic(
            range=finding_range(index, checked, f), message=f.message, severity=SEVERITY.get(f.severity),
            code=f.rule, code_description=types.CodeDescription(href=link) if link else None, source=SOURCE))
    return out


class Actions:
    """Builds the code actions for one checked version of one document."""

    def __init__(self, uri: str, version: int | None, checked: Checked, index: LineIndex, document_changes: bool):
        self.uri, self.version, self.checked, self.index = uri, version, checked, index
        self.document_changes = document_changes

    def edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        """A versioned edit where the client takes one, so a stale action is refused, not misapplied."""
        if self.document_changes:
            doc = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=doc, edits=edits)])
        return types.WorkspaceEdit(changes={self.uri: edits})

    def at(self, rng: types.Range) -> list[Finding]:
        """The findings that touch `rng` (a cursor is an empty range)."""
        start = self.index.offset(rng.start.line, rng.start.character) - self.checked.shift
        end = self.index.offset(rng.end.line, rng.end.character) - self.checked.shift
        return [f for f in self.checked.findings if f.offset <= end and start <= f.end_offset]

    def quick_fixes(self, f: Finding, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        """The finding's fix (safe or not: the editor applies it by hand) and each suggestion."""
        replacements: dict[tuple[int, int, str], bool] = {}
        if f.fix is not None:
            replacements[(f.fix.start, f.fix.end, f.fix.replacement)] = f.fix.safe
        for s in f.suggestions:
            replacements.setdefault((f.offset, f.end_offset, s), False)
        actions = []
        for (start, end, replacement), safe in replacements.items():
            shift = self.checked.shift
            old = self.checked.doc.text[start:end]
            title = f"Replace '{_short(old)}' with '{_short(replacement)}'" if replacement else f"Remove '{_short(old)}'"
            edit = types.TextEdit(range=lsp_range(self.index, start + shift, end + shift), new_text=replacement)
            actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                            edit=self.edit([edit]), is_preferred=safe or None))
        return actions

    def disable_line(self, f: Finding, diagnostic: types.Diagnostic) -> types.CodeAction | None:
        """`<!-- newslint-disable-next-line Rule -->` above the finding's line (Markdown and HTML;
        plain text has no comments). An existing one right above gains the rule's name."""
        doc = self.checked.doc
        if doc.format not in ("md", "html"):
            return None
        line, _ = self.index.position(f.offset + self.checked.shift)
        title = f"Disable {f.rule} for this line"
        previous = self._line(line - 1) if line > 0 else ""
        if (m := _NEXT_LINE.fullmatch(previous)) and f.rule not in m.group(1).split():
            at = self.index.offset(line - 1, 0) + m.end(1)
            edit = types.TextEdit(range=lsp_range(self.index, at, at), new_text=f" {f.rule}")
        else:
            text = self._line(line)
            indent = text[: len(text) - len(text.lstrip(" \t"))]
            newline = "\r\n" if "\r\n" in self.checked.text else "\n"
            at = self.index.offset(line, 0)
            edit = types.TextEdit(range=lsp_range(self.index, at, at),
                                  new_text=f"{indent}<!-- newslint-disable-next-line {f.rule} -->{newline}")
        return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                edit=self.edit([edit]))

    def add_to_vocabulary(self, f: Finding, diagnostic: types.Diagnostic, rule) -> types.CodeAction | None:
        """Offered where an accepted term would silence the finding: one word or phrase, no newline."""
        if rule is None or not respects_vocabulary(rule) or not f.match.strip() or "\n" in f.match:
            return None
        command = types.Command(title=f"Add '{f.match}' to the vocabulary", command=ADD_TO_VOCABULARY,
                                arguments=[self.uri, f.match])
        return types.CodeAction(title=command.title, kind=types.CodeActionKind.QuickFix,
                                diagnostics=[diagnostic], command=command)

    def fix_all(self, fixed: Checked) -> types.CodeAction | None:
        """Every safe fix at once, as `newslint check --fix` would write them."""
        if fixed.text == self.checked.text:
            return None
        whole = lsp_range(self.index, 0, len(self.checked.text))
        return types.CodeAction(title=FIX_ALL_TITLE,
                                kind=FIX_ALL, edit=self.edit([types.TextEdit(range=whole, new_text=fixed.text)]))

    def _line(self, line: int) -> str:
        start = self.index.offset(line, 0)
        return self.checked.text[start : self.index.offset(line, 1 << 30)]


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wants(only: list[str] | None, kind: str) -> bool:
    """Whether a client's `context.only` asks for actions of `kind` (a prefix match, as LSP says)."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)
