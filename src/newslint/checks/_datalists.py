"""Lists shipped as data beside a rule (known organisations, spelling variants).

A rule names its lists by path, relative to the rule file; a list is a YAML file
with one top-level key. Whatever is wrong with a list — missing, not YAML, the
wrong shape — is an OptionError on the rule key that named it, with the list's
own path and line in the message, so the run stops with
`Rule.yml:LINE: 'KEY': data/list.yml:7: what is wrong`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.checks.base import OptionError


class ListError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def resolve(rule_path: str, ref: str) -> Path:
    path = Path(ref).expanduser()
    return path if path.is_absolute() else Path(rule_path).resolve().parent / path


def read_list(rule_path: str, ref: Any, key: str, top: str) -> tuple[yaml.Node, Path]:
    """The YAML node under `top` in the list file `ref` (relative to the rule file)."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    if not isinstance(ref, str) or not ref.strip():
        raise OptionError(key, f"every item of '{key}' must be a path to a YAML list")
    path = resolve(rule_path, ref)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise OptionError(key, f"'{key}': cannot read {ref}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise OptionError(key, f"'{key}': {ref} is not valid UTF-8") from None
    try:
        # libyaml when PyYAML has it: the lists are large (4 of them, 0.05 s of a check in Python)
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{ref}:{mark.line + 1}" if mark else ref
        raise OptionError(key, f"'{key}': {where}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise OptionError(key, f"'{key}': {ref}: invalid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise OptionError(key, f"'{key}': {ref}:1: expected a mapping with the key '{top}'")
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == top:
            return v, path
    raise OptionError(key, f"'{key}': {ref}:1: missing the top-level key '{top}'")


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def scalar(node: yaml.Node) -> str | None:
    """A plain string scalar's value, else None (numbers, booleans and nulls are not strings)."""
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        return node.value
    return None


def fail(key: str, ref: str, node: yaml.Node, message: str) -> OptionError:
    return OptionError(key, f"'{key}': {ref}:{line(node)}: {message}")
