"""Rule YAML -> validated Check objects, with `path:line: what is wrong` errors.

The schema is Vale's (so Vale styles load unchanged) plus newslint's keys:
`description`, `examples` and `fix`. Every key is declared, either here (the
common keys) or by the check kind; anything else is an error, not silence.
"""

from __future__ import annotations

import copy
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import checks, rulestore
from newslint.checks.base import Check, Option, OptionError, Rule, check_type
from newslint.errors import RuleError
from newslint.finding import SEVERITIES
from newslint.scopes import check_entry as check_scope

COMMON: dict[str, Option] = {
    "extends": Option("str", required=True, doc="the check kind"),
    "message": Option("str", doc="shown for each finding; %s is filled with the match"),
    "level": Option("str", "suggestion", doc="suggestion, warning or error"),
    "scope": Option("str|list", doc="where the rule looks: text, title, heading, paragraph, sentence, quote, raw, ..."),
    "link": Option("str", "", doc="a page that explains the rule"),
    "limit": Option("int", 0, doc="report at most this many findings per document (0: no limit)"),
    "action": Option("dict", doc="Vale's action (name, params): how a fix is made"),
    "description": Option("str", "", doc="markdown, shown by `newslint explain`"),
    "examples": Option("dict", doc="{flag: [{text, at: [LINE:COL]}], pass: [text]}"),
    "fix": Option("str", doc="safe or unsafe: whether --fix may apply this rule's rewrite"),
    # Vale sets a rule's name from its file (check/manager.go); a `name:` in the YAML is ignored there too.
    "name": Option("str", doc="ignored: a rule's name is Pack.FileName"),
}
UNSUPPORTED_KINDS = {"script": "Vale's 'script' kind (Tengo scripts) is not supported by newslint"}


@lru_cache(maxsize=1)
def _loaders() -> tuple[type, type]:
    """(libyaml's loader where PyYAML was built with it, else the Python one; go-yaml's dialect).

    Built on first use, as PyYAML itself is imported (10 ms): a run whose rules come from the rule
    store (rulestore.py) and that has no config file reads no YAML at all. go-yaml, which Vale reads
    rules with, also takes `\\'` in a double-quoted string (an apostrophe); PyYAML refuses it, so a
    file the fast loader refuses is read again with that escape added (a valid file costs nothing)."""
    import yaml

    class GoYamlLoader(yaml.SafeLoader):
        ESCAPE_REPLACEMENTS = {**yaml.SafeLoader.ESCAPE_REPLACEMENTS, "'": "'"}

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader), GoYamlLoader


def _key_lines(text: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML once and note the line of each top-level key."""
    import yaml

    fast, go = _loaders()
    try:
        return _parse(text, fast)
    except yaml.YAMLError:
        return _parse(text, go)  # its error, if it fails too, is as good as the first


def _parse(text: str, loader_class) -> tuple[Any, dict[str, int]]:
    import yaml

    from newslint.safe_yaml import guarded

    loader = guarded(loader_class)(text)  # safe_yaml: size, alias-bomb and duplicate-key limits (#18)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines.setdefault(str(key_node.value), key_node.start_mark.line + 1)
    return data, lines


def read_yaml(path: str | Path, error=RuleError) -> tuple[Any, dict[str, int]]:
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", name, raw[: exc.start].count(b"\n") + 1) from None
    import yaml

    try:
        return _key_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(f"invalid YAML: {exc.problem or exc.context}", name, line) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise error(f"invalid YAML: {exc}", name) from None


# Rules built in this process: a process that loads the same packs again (the daemon, once per
# request; two configs naming one pack) builds each rule once, which is most of start-up (word
# lists, patterns). The key is the rule's file and a stamp (names, sizes, times) of every file in
# its pack's folder, as a rule may read data files beside it: a change to any is built again.
_BUILT: dict[tuple, Check] = {}


def _folder_stamp(folder: Path) -> tuple:
    files = []
    try:
        for p in folder.rglob("*"):
            st = p.stat()
            if stat.S_ISREG(st.st_mode):
                files.append((str(p), st.st_size, st.st_mtime_ns, st.st_ino))
    except OSError:
        return (object(),)  # unreadable: never equal, so never reused
    return tuple(sorted(files))


def load_rule(path: str | Path, pack: str | None = None, stamp: tuple | None = None) -> Check:
    path = Path(path)
    stamp = _folder_stamp(path.parent) if stamp is None else stamp
    key = (str(path), os.path.realpath(path), pack, stamp)
    if key in _BUILT:
        return copy.copy(_BUILT[key])  # its own copy: a config may set the copy's `rule` (a level)
    data, lines = read_yaml(path)
    name = f"{pack or path.parent.name}.{path.stem}"
    check = build_rule(name, str(path), data, lines)
    _BUILT[key] = check
    return copy.copy(check)


def build_rule(name: str, path: str, data: Any, lines: dict[str, int] | None = None) -> Check:
    """Validate one rule's mapping and instantiate its check kind."""
    lines = lines or {}

    def fail(message: str, key: str | None = None) -> RuleError:
        return RuleError(message, path, lines.get(key) if key else 1)

    if not isinstance(data, dict):
        raise fail("a rule must be a YAML mapping of keys to values")
    for key in data:
        if not isinstance(key, str):
            raise RuleError(f"keys must be strings, not {key!r}", path, 1)
    if "extends" not in data:
        raise fail("missing required key 'extends'")
    kind_name = data["extends"]
    if not isinstance(kind_name, str):
        raise fail("'extends' must be a string", "extends")
    if kind_name in UNSUPPORTED_KINDS:
        raise fail(UNSUPPORTED_KINDS[kind_name], "extends")
    kind = checks.KINDS.get(kind_name)
    if kind is None:
        raise fail(f"unknown kind 'extends: {kind_name}' (known: {', '.join(sorted(checks.KINDS))})", "extends")

    declared = {**COMMON, **kind.options}
    values: dict[str, Any] = {}
    try:
        for key, value in data.items():
            if key not in declared:
                raise OptionError(key, f"unknown key '{key}' for 'extends: {kind_name}'")
            if value is None and not declared[key].required:
                continue
            values[key] = check_type(key, value, declared[key])
        for key, option in declared.items():
            if option.required and key not in values:
                raise OptionError(key, f"missing required key '{key}'")
        common = _common(values, kind)
        options = {k: values.get(k, o.default) for k, o in kind.options.items()}
        rule = Rule(name=name, path=path, options=options, lines=lines, **common)
        return kind(rule)
    except OptionError as exc:
        raise RuleError(exc.message, path, lines.get(exc.key, 1)) from None


def _common(values: dict[str, Any], kind: type[Check]) -> dict[str, Any]:
    level = values.get("level", "suggestion")
    if level not in SEVERITIES:
        raise OptionError("level", f"'level' must be one of {', '.join(SEVERITIES)}, not '{level}'")
    scope = values.get("scope", kind.default_scope)
    scope = (scope,) if isinstance(scope, str) else tuple(scope)
    for s in scope:
        if not isinstance(s, str):
            raise OptionError("scope", f"each scope must be a string, not {s!r}")
        problem = check_scope(s)
        if problem:
            raise OptionError("scope", problem)
    fix = values.get("fix")
    if fix is not None:
        if fix not in ("safe", "unsafe"):
            raise OptionError("fix", f"'fix' must be safe or unsafe, not '{fix}'")
        if not kind.can_fix:
            raise OptionError("fix", f"'extends: {kind.kind}' cannot rewrite its matches, so 'fix' does not apply")
    limit = values.get("limit", 0)
    if limit < 0:
        raise OptionError("limit", "'limit' must not be negative")
    examples = values.get("examples")
    if examples is not None:
        validate_examples(examples)
    message = values.get("message", "")
    return {
        "extends": kind.kind,
        "message": message,
        "level": level,
        "scope": scope,
        "link": values.get("link", ""),
        "limit": limit,
        "action": values.get("action"),
        "description": values.get("description", ""),
        "examples": examples,
        "fix": fix,
    }


def validate_examples(examples: dict) -> None:
    for key in examples:
        if key not in ("flag", "pass"):
            raise OptionError("examples", f"unknown key '{key}' in 'examples' (use flag and pass)")
        if not isinstance(examples[key], list):
            raise OptionError("examples", f"'examples.{key}' must be a list")
    for case in examples.get("flag", []):
        if not isinstance(case, dict) or not isinstance(case.get("text"), str):
            raise OptionError("examples", "each 'examples.flag' case needs 'text' and 'at'")
        unknown = set(case) - {"text", "at", "format", "fixed"}
        if unknown:
            raise OptionError("examples", f"unknown key '{sorted(unknown)[0]}' in an 'examples.flag' case")
        at = case.get("at")
        ats = [at] if isinstance(at, str) else at
        if not isinstance(ats, list) or not ats or not all(isinstance(a, str) and _is_position(a) for a in ats):
            raise OptionError("examples", "'at' must give each expected finding as LINE:COL, e.g. '1:5'")
        if case.get("format", "md") not in ("md", "txt"):
            raise OptionError("examples", "'format' must be md or txt")
    for case in examples.get("pass", []):
        if isinstance(case, dict):
            if not isinstance(case.get("text"), str) or set(case) - {"text", "format"}:
                raise OptionError("examples", "a mapping in 'examples.pass' takes 'text' and 'format'")
        elif not isinstance(case, str):
            raise OptionError("examples", "each 'examples.pass' case is a string (or {text, format})")


def _is_position(value: str) -> bool:
    parts = value.split(":")
    return len(parts) == 2 and all(p.isdigit() and int(p) > 0 for p in parts)


def load_pack(folder: str | Path, name: str | None = None, skipped: list[str] | None = None) -> list[Check]:
    """Every *.yml / *.yaml rule in a folder, sorted by name.

    With `skipped`, a rule that cannot be loaded is left out and its error (`path:line: why`)
    appended there: a check run goes on without it. Without, the first one raises RuleError
    (`rules test`, `rules list` on a pack folder)."""
    folder = Path(folder)
    pack = name or folder.name
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    stamp = _folder_stamp(folder)
    key = None
    if _shipped(folder):  # built by an earlier run of this very code and these files
        key, kept = rulestore.load(folder, pack, stamp)
        if kept is not None:
            return rulestore.copies(kept)
    problems = len(skipped) if skipped is not None else 0
    out = []
    for p in files:
        check = load_or_skip(lambda: load_rule(p, pack, stamp), skipped)
        if check is not None:
            out.append(check)
    if key is not None and (skipped is None or len(skipped) == problems):
        rulestore.save(folder, pack, key, out)
    return out


def _shipped(folder: Path) -> bool:
    """A pack that ships with newslint (whose rules read only files inside newslint's folders)."""
    from newslint.config import builtin_rules_dir  # config imports this module

    try:
        return folder.resolve().parent == builtin_rules_dir().resolve()
    except OSError:
        return False


def load_or_skip(load, skipped: list[str] | None):
    """`load()`, or None with its RuleError noted in `skipped` (raised when `skipped` is None)."""
    try:
        return load()
    except RuleError as exc:
        if skipped is None:
            raise
        if exc.path and Path(exc.path).is_absolute():  # StylesPath is resolved; a person reads it from here
            try:
                exc.path = str(Path(exc.path).relative_to(Path.cwd()))
            except ValueError:
                pass
        skipped.append(str(exc))
        return None
