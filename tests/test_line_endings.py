"""One line model for every reader: CRLF, LF and a lone CR each end a line, in the document model,
in markdown-it's input and in the fixer, so a stray CR never shifts a block (issue: --fix rewrote a
fenced code block) and a CR-only file is read line by line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import newslint
from newslint.config import default_config
from newslint.document.model import LINE_BREAK
from newslint.document.reader import document_from_string
from newslint.engine import Selection, check_document

MD = "# Title\n\nThe talks the the end.\n\n```\ncode code: the the\n```\n\nMore text here.\n"
TXT = "Title here\n\nBody the the one.\n\nSecond para.\n"


def findings(text: str, fmt: str):
    doc = document_from_string(text, fmt)
    return [(f.rule, f.line, f.col, f.match) for f in check_document(doc, default_config(), Selection(nlp=False)).findings]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("text,fmt", [(MD, "md"), (TXT, "txt")])
def test_same_findings_at_the_same_lines_whatever_the_newlines(text, fmt, newline):
    assert findings(text.replace("\n", newline), fmt) == findings(text, fmt) != []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=MD.count("\n"), max_size=MD.count("\n")))
def test_mixed_newlines_never_move_a_block(newlines):
    parts = MD.split("\n")
    text = "".join(p + (newlines[i] if i < len(newlines) else "") for i, p in enumerate(parts))
    doc = document_from_string(text, "md")
    code = [b for b in doc.blocks if b.kind == "code"]
    assert len(code) == 1 and LINE_BREAK.sub("\n", doc.text[code[0].start:code[0].end]) == "```\ncode code: the the\n```"
    line = len(LINE_BREAK.findall(text, 0, text.index("The talks"))) + 1  # "\r" then "\n" is one CRLF
    assert [f[1:] for f in findings(text, "md")] == [(line, 11, "the the")]


def test_fix_leaves_a_code_block_alone_after_a_stray_cr(tmp_path):
    article = tmp_path / "a.md"
    article.write_bytes(b"Para one\rcontinues the the here.\n\n```\ncode code: the the\n```\n")
    r = newslint("check", article, "--fix", "--no-cache", "--no-nlp")
    assert r.code in (0, 1), r.err
    assert article.read_bytes() == b"Para one\rcontinues the here.\n\n```\ncode code: the the\n```\n"


def test_cr_only_text_is_read_line_by_line():
    doc = document_from_string(TXT.replace("\n", "\r"), "txt")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph"]
    assert doc.line_count == 6 and doc.line_text(3) == "Body the the one."
