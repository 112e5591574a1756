"""A rule's explanation as Markdown for a hover: what `newslint explain` prints, for an editor."""

from __future__ import annotations

from newslint.finding import Finding
from newslint.ruledocs import help_uri, is_builtin


def docs_link(rule) -> str | None:
    """The rule's `link:`, else its section of docs/rules.md for a built-in rule."""
    return help_uri(rule, is_builtin(rule)) if rule is not None else None


def hover_markdown(finding: Finding, rule) -> str:
    out = [f"**{finding.rule}** ({finding.severity}): {finding.message}"]
    if finding.suggestions:
        out.append("Suggestion: " + ", ".join(f"`{s}`" for s in finding.suggestions))
    if rule is not None:
        if rule.description:
            out.append(rule.description.strip())
        if rule.fix:
            out.append(f"Fix: {rule.fix}")
        examples = rule.examples or {}
        for case in examples.get("flag", [])[:1]:
            out.append("Flagged:\n\n```\n" + case["text"].rstrip() + "\n```")
        for case in examples.get("pass", [])[:1]:
            text = case if isinstance(case, str) else case["text"]
            out.append("Not flagged:\n\n```\n" + text.rstrip() + "\n```")
        if link := docs_link(rule):
            out.append(f"[More about {rule.name}]({link})")
    return "\n\n".join(out)
