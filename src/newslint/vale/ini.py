"""Read a Vale `.vale.ini` into a ValeConfig, as Vale's internal/core/ini.go reads it.

    StylesPath = styles            # core section: before any [section]
    MinAlertLevel = suggestion
    Vocab = Newsroom               # <StylesPath>/config/vocabularies/Newsroom/{accept,reject}.txt
    IgnoredScopes = code, tt
    SkippedScopes = script, style, pre, figure
    IgnoredClasses = ...

    [formats]
    mdx = md

    [*]                            # global: every file
    BasedOnStyles = Vale, House
    House.Rule = NO                # YES | NO | suggestion | warning | error
    TokenIgnores = ...
    BlockIgnores = ...

    [*.{md,txt}]                   # later sections override earlier ones
    BasedOnStyles = House

    [newslint]                     # newslint's packs beside the Vale styles (Vale ignores this)
    packs = Newsroom

The ini format is go-ini's, loaded as Vale loads it: keys may repeat (each
repeat adds values, "shadows"), `#` and `;` start comments (inline only after
a space), list values are split on commas. Every error names the ini and line.
"""

from __future__ import annotations

import os
import re
import sys

from dataclasses import dataclass, field
from pathlib import Path

from newslint import patterns
from newslint.document.model import LINE_BREAK
from newslint.errors import ConfigError
from newslint.finding import SEVERITIES
from newslint.vale.glob import GlobError, compile_glob

# Names Vale looks for in each folder (internal/core/config.go), plus `.vale/.vale.ini`.
VALE_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale", ".vale/.vale.ini")

CORE_KEYS = ("StylesPath", "MinAlertLevel", "IgnoredScopes", "WordTemplate", "SkippedScopes",
             "IgnoredClasses", "Vocab", "NLPEndpoint")
SYNTAX_KEYS = ("BasedOnStyles", "IgnorePatterns", "BlockIgnores", "CommentDelimiters", "TokenIgnores",
               "Transform", "Lang", "View")
SPECIAL_SECTIONS = ("*", "formats", "asciidoctor", "newslint")


@dataclass
class Key:
    values: list[str]
    line: int
    lines: list[int] = field(default_factory=list)  # each value's line: a repeated key's errors name their own
    file: str = ""  # the ini the key is first written in
    files: list[str] = field(default_factory=list)  # each value's ini (a pipeline merges several)

    def __post_init__(self) -> None:
        self.lines = self.lines or [self.line] * len(self.values)
        self.files = self.files or [self.file] * len(self.values)

    @property
    def value(self) -> str:
        return self.values[0]

    def add(self, value: str, line: int, file: str | None = None) -> None:
        self.values.append(value)
        self.lines.append(line)
        self.files.append(self.file if file is None else file)

    def where(self, item: str | None = None) -> tuple[str, int]:
        """(ini, line) where `item` (a value, or one of `items()`) is first written; else the key's own."""
        for v, line, file in zip(self.values, self.lines, self.files):
            if item is None or v == item or item in _split(v):
                return file, line
        return self.file, self.line

    def items(self) -> list[str]:
        """go-ini's StringsWithShadows(",") through Vale's mergeValues: split, trimmed, deduplicated.

        As in go-ini, an escaped comma (`\\,`) does not split: it stays in the value as `,`.
        """
        return list(self.item_lines())

    def item_lines(self) -> dict[str, int]:
        """Each of `items()` with the line it is first written on."""
        out: dict[str, int] = {}
        for v, line in zip(self.values, self.lines):
            for part in _split(v):
                if part and part not in out:
                    out[part] = line
        return out


def _split(value: str) -> list[str]:
    """A value's items: split on commas that are not escaped (`\\,` stays as `,`), trimmed."""
    return [part.replace("\\,", ",").strip() for part in re.split(r"(?<!\\),", value)]


@dataclass
class Section:
    name: str
    line: int
    keys: dict[str, Key] = field(default_factory=dict)
    file: str = ""


def is_vale_ini(path: Path) -> bool:
    return path.name in VALE_NAMES or path.suffix == ".ini" or path.as_posix().endswith("/.vale/.vale.ini")


def parse_ini(text: str, name: str) -> list[Section]:
    """Sections in file order (the first is the core section, named ''); a repeated section merges."""
    sections = [Section("", 1, file=name)]
    by_name = {"": sections[0]}
    current = sections[0]
    lines = LINE_BREAK.split(text)  # not splitlines(): a form feed or U+2028 ends no line in an editor
    number = 0
    while number < len(lines):
        raw = lines[number]
        number += 1
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise ConfigError(f"unclosed section header: {line}", name, number)
            title = line[1:-1].strip()
            if title == "DEFAULT":
                title = ""
            if title not in by_name:
                by_name[title] = Section(title, number, file=name)
                sections.append(by_name[title])
            current = by_name[title]
            continue
        sep = min((i for i in (line.find("="), line.find(":")) if i > 0), default=-1)
        if sep == -1:
            raise ConfigError(f"expected 'key = value', got: {line}", name, number)
        key, rest = line[:sep].strip(), line[sep + 1 :].strip()
        start = number
        if rest.endswith("\\") and not rest.startswith(("`", '"""')):
            value, used = _continued(rest, lines[number:])
            number += used
        else:
            value = _value(rest)
        if key in current.keys:
            current.keys[key].add(value, start)
        else:
            current.keys[key] = Key([value], start, file=name)
    return sections


def merge(*sources: list[Section]) -> list[Section]:
    """go-ini's Append with AllowShadows, as Vale loads a config pipeline: later files' sections
    merge into earlier ones of the same name, and a key written again adds its values (a shadow)."""
    merged = [Section("", 1, file=sources[0][0].file)]
    by_name = {"": merged[0]}
    for sections in sources:
        for sec in sections:
            into = by_name.get(sec.name)
            if into is None:
                into = by_name[sec.name] = Section(sec.name, sec.line, file=sec.file)
                merged.append(into)
            for name, key in sec.keys.items():
                if name in into.keys:
                    for value, line, file in zip(key.values, key.lines, key.files):
                        into.keys[name].add(value, line, file)
                else:
                    into.keys[name] = Key(list(key.values), key.line, list(key.lines), key.file, list(key.files))
    return merged


def _continued(first: str, following: list[str]) -> tuple[str, int]:
    """go-ini's readContinuationLines: a value ending in a backslash goes on with the next line,
    joined as written and trimmed, until a line that does not end in one (or the file ends).
    Such a value keeps its `#` and `;`: go-ini strips no inline comment from it.
    Returns the value and how many following lines it used."""
    value, used = first[:-1], 0
    for line in following:
        used += 1
        value = (value + line).strip()
        if not value.endswith("\\"):
            return value, used
        value = value[:-1]
    return value.strip(), used


def _value(raw: str) -> str:
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`":
        return value[1:-1]
    for i, c in enumerate(value):  # SpaceBeforeInlineComment: ` #` or ` ;` starts a comment
        if c in "#;" and i > 0 and value[i - 1] in " \t":
            return value[:i].rstrip()
    return value


def setting(value: str) -> tuple[bool, str | None]:
    """Vale's validateLevel: YES or a level turns a rule on (a level also sets it); anything else off."""
    if value == "YES":
        return True, None
    if value in SEVERITIES:
        return True, value
    return False, None


def default_styles_path() -> Path | None:
    """Vale 3's DefaultStylesPath (where `vale sync` puts packages when the config sets no
    StylesPath): $VALE_STYLES_PATH, else the user's data folder's vale/styles, as Go's
    adrg/xdg names it on each platform; None when there is none (no home folder)."""
    if os.environ.get("VALE_STYLES_PATH"):  # empty is unset: Vale's IsDir("") is false
        return Path(os.environ["VALE_STYLES_PATH"]).expanduser()
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):
        return None
    if sys.platform == "darwin":
        data = home / "Library" / "Application Support"
    elif sys.platform.startswith("win"):
        data = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        data = Path(xdg) if os.path.isabs(xdg) else home / ".local" / "share"
    return data / "vale" / "styles"


def _read(path: Path) -> list[Section]:
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", name) from None
    except UnicodeDecodeError:
        raise ConfigError("not valid UTF-8", name) from None
    return parse_ini(text, name)


def _styles_paths(core: Section, path: Path) -> list[Path]:
    """Vale's config.Paths, the folders styles are looked for in: each StylesPath and the default
    styles folder when it exists. Vale's StylesPath() is the last one written (the default when
    none is), whose config/ and .vale-config/ are read: it comes first here. (Vale looks for a
    style in the default folder first; a style in two of them is rare enough to leave.)"""
    styles_paths: list[Path] = []
    key = core.keys.get("StylesPath")
    for value, line in zip(key.values, key.lines) if key else ():
        folder = Path(value).expanduser()
        folder = folder if folder.is_absolute() else path.parent / folder
        if not folder.exists():
            raise ConfigError(f"StylesPath '{value}' does not exist (looked for {folder})", key.file, line)
        styles_paths.insert(0, folder)  # the last written is the StylesPath
    default = default_styles_path()
    if default is not None and default.is_dir() and default not in styles_paths:
        styles_paths.append(default)
    return styles_paths


def load_vale_ini(path: str | Path):
    from newslint.vale.config import SectionRules, ValeConfig, load_vocab

    path = Path(path)
    name = str(path)
    sections = _read(path)
    styles_paths = _styles_paths(sections[0], path)
    # Vale's pipeConfig: the ini files a package put in <StylesPath>/.vale-config (Hugo's ignores,
    # say) load first, in name order, and the project's config is read on top of them.
    pipeline = styles_paths[0] / ".vale-config" if styles_paths else None
    if pipeline is not None and pipeline.is_dir():
        sections = merge(*[_read(f) for f in sorted(pipeline.iterdir()) if f.is_file()], sections)
    core = sections[0]
    levels: dict[str, str] = {}

    def fail(message: str, key: Key | Section | None, item: str | None = None) -> ConfigError:
        if isinstance(key, Key):
            return ConfigError(message, *key.where(item))
        return ConfigError(message, key.file if key else name, key.line if key else 1)

    for key_name, key in core.keys.items():
        if key_name in SYNTAX_KEYS:
            raise fail(f"'{key_name}' is a syntax-specific option; put it under a section such as [*]", key)

    min_level = "warning"  # Vale's default (core.NewConfig: MinAlertLevel = 1)
    if "MinAlertLevel" in core.keys:
        key = core.keys["MinAlertLevel"]
        min_level = (key.items() or [""])[-1]
        if min_level not in SEVERITIES:
            raise fail("MinAlertLevel must be 'suggestion', 'warning', or 'error'", key, min_level)

    def items(key_name: str) -> tuple[str, ...]:
        return tuple(core.keys[key_name].items()) if key_name in core.keys else ()

    accept: list[str] = []
    reject: list[str] = []
    vocab_files: list[Path] = []
    for vocab in items("Vocab"):
        files = load_vocab(vocab, styles_paths)
        if files is None:
            where = ", ".join(str(p / "config" / "vocabularies" / vocab) for p in styles_paths) or "no StylesPath"
            key = core.keys["Vocab"]
            raise fail(f"'{vocab}' vocabulary not found; searched: {where}", key, vocab)
        for f, accepted in files:
            (accept if accepted else reject).extend(read_word_list(f))
            vocab_files.append(f)

    formats = {}
    global_rules = SectionRules("*", None)
    rule_sections: list[SectionRules] = []
    packs: tuple[str, ...] = ()
    style_lines: dict[str, tuple[str, int]] = {}
    for sec in sections[1:]:
        if sec.name == "formats":
            formats = {k.lstrip("."): v.value.strip().lstrip(".") for k, v in sec.keys.items()}
            continue
        if sec.name == "asciidoctor":
            continue
        if sec.name == "newslint":
            if "packs" in sec.keys:
                packs = tuple(sec.keys["packs"].items())
                for p in packs:
                    style_lines.setdefault(p, sec.keys["packs"].where(p))
            continue
        if sec.name == "*":
            rules = global_rules
        else:
            try:
                rules = SectionRules(sec.name, compile_glob(sec.name))
            except GlobError as exc:
                raise fail(f"the glob pattern '{sec.name}' could not be compiled: {exc}", sec) from None
            rule_sections.append(rules)
        for key_name, key in sec.keys.items():
            if key_name in CORE_KEYS:
                raise fail(f"'{key_name}' is a core option; it should be defined above any section ([...])", key)
            if key_name == "BasedOnStyles":
                rules.styles = tuple(key.items())
                for s in key.items():
                    style_lines.setdefault(s, key.where(s))  # (ini, line): a pipeline file's own
            elif key_name in ("TokenIgnores", "BlockIgnores", "IgnorePatterns"):
                # Vale reads IgnorePatterns as an older name of BlockIgnores (without shadows).
                values = key.item_lines() if key_name != "IgnorePatterns" else \
                    {v.strip(): key.line for v in key.value.split(",") if v.strip()}
                attr = "token_ignores" if key_name == "TokenIgnores" else "block_ignores"
                setattr(rules, attr, tuple(values))
                for pattern, line in values.items():
                    try:  # a bad pattern is the ini's error now, on its line, not each file's later
                        patterns.compile_plain(pattern)
                    except patterns.regex.error as exc:
                        raise fail(f"bad regular expression in {key_name}: {pattern}: {exc}", key, pattern) from None
                    rules.origins.setdefault(pattern, (key_name, line))
            elif key_name in SYNTAX_KEYS:
                continue  # other formats' options (Transform, Lang, View...): nothing to do for md/txt
            else:
                on, level = setting(key.value)
                rules.rules[key_name] = on
                if level:
                    levels[key_name] = level
                style_lines.setdefault(key_name, (key.file, key.line))

    config = ValeConfig(
        path=path, min_severity=min_level, accept=tuple(accept), reject=tuple(reject),
        styles_paths=tuple(styles_paths), global_rules=global_rules, sections=tuple(rule_sections),
        levels=levels, formats=formats, ignored_scopes=items("IgnoredScopes"),
        skipped_scopes=items("SkippedScopes"), ignored_classes=items("IgnoredClasses"),
        extra_packs=packs, vocab_files=tuple(vocab_files), style_lines=style_lines,
        packages_line=core.keys["Packages"].line if "Packages" in core.keys else None,
    )
    return config


def read_word_list(path: Path) -> list[str]:
    """Vale's addWordList: one term a line, trimmed; blank lines and lines starting '# ' skipped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read vocabulary file: {exc}", str(path)) from None
    return [w for w in (line.strip() for line in lines) if w and not w.startswith("# ")]
