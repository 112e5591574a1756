"""Markdown nested past markdown-it's maxNesting (20) is still read (issue #18): markdown-it skips
the text of a container that deep without a word, so newslint reads it as plain paragraphs, each
at its exact position, container marks blanked and fenced code still code."""

from helpers import house_pack, newslint, write
from newslint.document.markdown import parse_markdown


def _prose(doc, kind=None):
    return [(b.kind, doc.prose[b.start:b.end]) for b in doc.blocks if kind is None or b.kind == kind]


def test_text_25_blockquotes_deep_is_a_block_at_its_position():
    text = "# Title\n\n" + "> " * 25 + "We utilize it.\n" + "> " * 25 + "And more.\n\nAfter.\n"
    doc = parse_markdown("a.md", text)
    start = text.index("We utilize")
    deep = [b for b in doc.blocks if b.start == start]
    assert deep and deep[0].kind == "blockquote", doc.blocks
    assert " ".join(doc.prose[deep[0].start:deep[0].end].split()) == "We utilize it. And more."
    assert doc.text[deep[0].end - 1] == "."
    assert ">" not in doc.prose


def test_a_deep_list_and_a_deep_fence():
    lists = "".join("  " * i + "- item\n" for i in range(30)) + "  " * 30 + "- We utilize it.\n"
    doc = parse_markdown("a.md", lists)
    assert "We utilize it." in doc.prose and "-" not in doc.prose
    at = lists.index("We utilize")
    assert any(b.start <= at < b.end for b in doc.blocks)
    fenced = "> " * 25 + "```\n" + "> " * 25 + "code code: the the\n" + "> " * 25 + "```\n" + "> " * 25 + "Prose.\n"
    doc = parse_markdown("a.md", fenced)
    assert "code code" not in doc.prose  # a fence stays code: never linted, never fixed
    assert _prose(doc) == [("blockquote", "Prose.")]


def test_deep_quote_finding_has_exact_line_and_column(tmp_path):
    house_pack(tmp_path)
    write(tmp_path / "a.md", "# Title\n\n" + "> " * 25 + "We utilize it.\n")
    r = newslint("check", "a.md", "--no-cache", "--no-nlp", "-f", "json", cwd=tmp_path)
    assert [(f["line"], f["col"], f["rule"]) for f in r.json["findings"]] == [(3, 54, "House.Utilize")], r.out
