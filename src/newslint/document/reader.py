"""Turn a path, or bytes from stdin, into a Document; refuse what is not a UTF-8 article."""

from __future__ import annotations

from pathlib import Path

from newslint.document.model import Document
from newslint.document.text import parse_text
from newslint.errors import InputError

MARKDOWN_EXTS = (".md", ".markdown", ".mdown", ".mkd")
TEXT_EXTS = (".txt", ".text")
HTML_EXTS = (".html", ".htm", ".xhtml")  # what most CMSs export: document/html.py
ARTICLE_EXTS = MARKDOWN_EXTS + TEXT_EXTS + HTML_EXTS
BOM = b"\xef\xbb\xbf"


def format_for(name: str, ext: str | None = None) -> str:
    suffix = (ext or Path(name).suffix).lower()
    if not suffix.startswith("."):
        suffix = "." + suffix
    return "md" if suffix in MARKDOWN_EXTS else "html" if suffix in HTML_EXTS else "txt"


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """UTF-8 text and whether it had a BOM; InputError for binary or non-UTF-8 data."""
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # its NUL bytes would read as "binary"
        raise InputError("UTF-16 text: newslint reads UTF-8; convert it, e.g. iconv -f UTF-16 -t UTF-8", path, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not an article", path, line)
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line) from None


def parse(path: str, text: str, fmt: str, bom: bool = False) -> Document:
    if fmt == "plain":  # Vale's plain text (Vale configs, --ignore-syntax): see document/plain.py
        from newslint.document.plain import parse_plain

        return parse_plain(path, text, bom)
    if fmt == "md":  # imported here: markdown-it costs start-up time a plain-text run need not pay
        from newslint.document.markdown import parse_markdown

        return parse_markdown(path, text, bom)
    if fmt == "html":
        from newslint.document.html import parse_html

        return parse_html(path, text, bom)
    return parse_text(path, text, bom)


def read_document(path: str | Path, ext: str | None = None) -> Document:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    text, bom = decode(data, name)
    return parse(name, text, format_for(name, ext), bom)


def document_from_string(text: str, fmt: str = "txt", path: str = "<string>") -> Document:
    return parse(path, text, fmt)
