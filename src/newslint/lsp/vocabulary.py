"""Add a term to `vocabulary: {accept: [...]}` in a .newslint.yaml by editing its text.

Re-dumping the YAML would drop the user's comments and layout, so the term is inserted where
the list already is (a flow list `[a, b]` or a block list of `- a` lines), found through
PyYAML's node positions; a missing `accept:` or `vocabulary:` is added. The result is parsed
again and must equal the old data plus the term, or nothing is written.
"""

from __future__ import annotations

import json
import re

import yaml

from newslint.errors import ConfigError

_REGEX_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")  # accept terms are regular expressions


def term_for(word: str) -> str:
    """A matched word as an accept term: its regex metacharacters escaped ('-' is not one)."""
    return _REGEX_SPECIAL.sub(r"\\\1", word)


def _scalar(term: str) -> str:
    """The term as a YAML scalar: bare when YAML reads it back unchanged, else JSON-quoted
    (a JSON string is a valid YAML double-quoted scalar)."""
    try:
        if re.fullmatch(r"[\w][\w \-'’.]*", term) and yaml.safe_load(term) == term:
            return term
    except yaml.YAMLError:
        pass
    return json.dumps(term, ensure_ascii=False)


def _key(mapping: yaml.MappingNode, name: str):
    return next(((k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == name), None)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def add_accepted(text: str, term: str, path: str = ".newslint.yaml") -> str:
    """`text` with `term` added to vocabulary.accept; unchanged when it is there already.
    Raises ConfigError when the file is not a config this can edit safely."""
    try:
        data = yaml.safe_load(text) or {}
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", path) from None
    if not isinstance(data, dict) or (root is not None and not isinstance(root, yaml.MappingNode)):
        raise ConfigError("a config must be a YAML mapping", path)
    vocab = data.get("vocabulary") or {}
    if not isinstance(vocab, dict) or not isinstance(vocab.get("accept") or [], list):
        raise ConfigError("'vocabulary.accept' is not a list", path)
    if term in (vocab.get("accept") or []):
        return text
    new = _insert(text, root, _scalar(term))
    expected = {**data, "vocabulary": {**vocab, "accept": [*(vocab.get("accept") or []), term]}}
    try:
        if yaml.safe_load(new) != expected:
            raise ConfigError("could not add the term without changing the rest of the config", path)
    except yaml.YAMLError:
        raise ConfigError("could not add the term without breaking the config", path) from None
    return new


def _insert(text: str, root, scalar: str) -> str:
    found = _key(root, "vocabulary") if root is not None else None
    if found is None:  # no vocabulary: a new block at the end
        sep = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{sep}vocabulary:\n  accept: [{scalar}]\n"
    key, vocab = found
    if isinstance(vocab, yaml.ScalarNode):  # `vocabulary:` with nothing (null) after it
        at = vocab.end_mark.index if vocab.value else key.end_mark.index + 1
        return text[: key.end_mark.index] + f": {{accept: [{scalar}]}}" + text[at:]
    accept = _key(vocab, "accept")
    if accept is None:
        if vocab.flow_style:  # {reject: [x]} -> {accept: [term], reject: [x]}
            at = vocab.start_mark.index + 1
            rest = text[at : vocab.end_mark.index - 1].strip()
            return text[:at] + f"accept: [{scalar}]" + (", " if rest else "") + text[at:].lstrip(" ")
        first = vocab.value[0][0]
        indent = " " * first.start_mark.column
        at = _line_start(text, first.start_mark.index)
        return text[:at] + f"{indent}accept: [{scalar}]\n" + text[at:]
    key, items = accept
    if isinstance(items, yaml.ScalarNode):  # `accept:` with nothing (null) after it
        at = items.end_mark.index if items.value else key.end_mark.index + 1
        return text[: key.end_mark.index] + f": [{scalar}]" + text[at:]
    if items.flow_style:  # [a, b] -> [a, b, term]
        close = text.rindex("]", 0, items.end_mark.index)
        inner = text[items.start_mark.index + 1 : close]
        before = inner.rstrip()
        if not before.strip():
            return text[: items.start_mark.index + 1] + scalar + text[close:]
        cut = items.start_mark.index + 1 + len(before)
        comma = "" if before.endswith(",") else ","
        return text[:cut] + f"{comma} {scalar}" + text[cut:]
    last = items.value[-1]  # a block list: a new `- term` line after the last item, same indent
    dash = text.rfind("-", 0, items.value[0].start_mark.index)
    indent = " " * (dash - _line_start(text, dash))
    at = _line_end(text, last.end_mark.index - 1 if last.end_mark.index > last.start_mark.index else last.end_mark.index)
    line = f"{indent}- {scalar}\n"
    if at == len(text) and not text.endswith("\n"):
        line = "\n" + line
    return text[:at] + line + text[at:]
