"""Add a word to a config's `vocabulary.accept` list, keeping the rest of the file as written.

The file is the newsroom's, with its comments and layout: rewriting it from parsed
YAML would lose both. So the word is inserted as text, at a place found from the
YAML parser's node positions, and the result is parsed again and compared with
what was meant (the old settings plus the word) before it replaces the file
atomically. A layout this cannot edit is refused, never written half-right.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml

from newslint.config import CONFIG_NAMES, Config
from newslint.errors import NewslintError

MAX_WORD = 100  # a name or a term, not a paragraph
_PLAIN = re.compile(r"[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff'’ .-]*")  # safe unquoted in YAML, flow or block
_REGEX_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")  # accept terms are patterns (as Vale's are)


class VocabularyError(NewslintError):
    """A config the server cannot add the word to (a Vale ini, an unwritable file): a 409."""


def as_term(word: str) -> str:
    """The accept-list pattern that matches `word` literally ('C++' -> 'C\\+\\+'; a hyphen stays)."""
    return _REGEX_SPECIAL.sub(r"\\\1", word)


def accept(config: Config, word: str) -> tuple[str, Path, bool]:
    """Add `word` to the accept list of the file `config` was read from (a new .newslint.yaml in
    the working folder for the defaults). Returns the word as written, that file, and whether it
    changed (False: the word was there already)."""
    from newslint.server.service import BadRequest
    from newslint.vale.ini import is_vale_ini

    word = word.strip()
    if not word:
        raise BadRequest("'word' is empty")
    if len(word) > MAX_WORD:
        raise BadRequest(f"'word' is longer than {MAX_WORD} characters: a word or a name, not a passage")
    if not word.isprintable():
        raise BadRequest("'word' must be one line of printable text")
    if config.path is not None and is_vale_ini(config.path):
        raise VocabularyError(f"{config.path} is a Vale config: add '{word}' to its vocabulary's accept.txt")
    target = config.path or Path.cwd() / CONFIG_NAMES[0]
    try:
        return word, target, add_word(target, word)
    except OSError as exc:
        raise VocabularyError(f"{target}: cannot write: {exc.strerror or exc}") from None


def add_word(config: Path, word: str) -> bool:
    """Add `word` to `config`'s vocabulary.accept (creating the file when absent); False when it
    is there already. The file is replaced atomically: a reader sees the old file or the new."""
    term = as_term(word)
    text = config.read_text(encoding="utf-8-sig") if config.exists() else ""
    try:
        data = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError:  # the server loaded it at start: it has changed since
        raise VocabularyError(f"{config}: no longer valid YAML; add {term!r} by hand", str(config)) from None
    accept = ((data or {}).get("vocabulary") or {}).get("accept") or [] if isinstance(data, dict) else []
    if term in accept or word in accept:
        return False
    new = with_accepted(text, term)
    expected = dict(data or {})
    vocab = dict(expected.get("vocabulary") or {})
    vocab["accept"] = [*(vocab.get("accept") or []), term]
    expected["vocabulary"] = vocab
    if yaml.safe_load(new) != expected:  # a layout the edit below does not know: leave the file alone
        raise VocabularyError(f"{config}: cannot add to 'vocabulary.accept' in this layout; add {term!r} by hand",
                              str(config))
    _write_atomically(config, new)
    return True


def with_accepted(text: str, term: str) -> str:
    """`text` (a config's YAML) with `term` appended to vocabulary.accept, edited in place."""
    item = term if _PLAIN.fullmatch(term) and yaml.safe_load(term) == term else json.dumps(term, ensure_ascii=False)
    root = yaml.compose(text) if text.strip() else None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return _append(text, f"vocabulary:\n  accept:\n    - {item}\n") if root is None else text
    vocab_key, vocab = _entry(root, "vocabulary")
    if vocab is None:
        return _append(text, f"vocabulary:\n  accept:\n    - {item}\n")
    if _is_null(vocab):
        return _replace_value(text, vocab_key, vocab, f" {{accept: [{item}]}}")
    if not isinstance(vocab, yaml.MappingNode):
        return text
    accept_key, accept = _entry(vocab, "accept")
    if accept is None:
        if vocab.flow_style:
            close = vocab.end_mark.index - 1  # the closing brace
            return text[:close] + (", " if vocab.value else "") + f"accept: [{item}]" + text[close:]
        first = vocab.value[0][0].start_mark
        start = first.index - first.column  # the first key's line: same indent, before it
        return text[:start] + " " * first.column + f"accept: [{item}]\n" + text[start:]
    if _is_null(accept):
        return _replace_value(text, accept_key, accept, f" [{item}]")
    if not isinstance(accept, yaml.SequenceNode):
        return text
    if accept.flow_style:
        close = accept.end_mark.index - 1  # the closing bracket
        return text[:close] + (", " if accept.value else "") + item + text[close:]
    first, last = accept.value[0].start_mark, accept.value[-1].end_mark
    line_start = first.index - first.column
    dash = text[line_start:first.index].rstrip()  # the indent and the '-' before the first item
    if not dash.endswith("-"):
        return text
    line_end = text.find("\n", last.index)
    insert = f"{' ' * (len(dash) - 1)}- {item}\n"
    if line_end == -1:
        return text + "\n" + insert
    return text[: line_end + 1] + insert + text[line_end + 1 :]


def _entry(mapping: yaml.MappingNode, key: str):
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None, None


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _replace_value(text: str, key, value, new: str) -> str:
    """Replace `key: <null>` (an empty value, ~ or null) by `key:<new>` on the key's line."""
    colon = text.index(":", key.end_mark.index)
    end = value.end_mark.index if value.end_mark.index > colon else colon + 1
    return text[: colon + 1] + new + text[end:]


def _append(text: str, block: str) -> str:
    if text and not text.endswith("\n"):
        text += "\n"
    return text + block


def _write_atomically(path: Path, text: str) -> None:
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600: keep the old file's mode, or the usual one for a new file
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

