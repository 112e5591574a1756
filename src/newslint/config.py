"""Find `.newslint.yaml` and resolve it into one immutable Config.

    packs: [Newsroom, ./styles/House]   # built-in pack names or folders (relative to this file)
    rules: {Newsroom.FirstPerson: off, Newsroom.Placeholder: error, Newsroom: warning}
    min_severity: suggestion
    vocabulary: {accept: [Haniyeh], reject: [cease-fire]}
    overrides: [{files: ["opinion/**"], genre: opinion}, {files: ["wire/*"], rules: {Newsroom.FirstPerson: off}}]
    ignore: ["drafts/**", {"archive/2019-*.txt": [Newsroom.Boilerplate]}]  # skip files; or rules per file
    regex_timeout: 2.0
    serve: {allow_origins: ["https://cms.example.org"]}   # `newslint serve`: pages that may call the API
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from newslint.checks.base import Check
from newslint.errors import ConfigError, NewslintError
from newslint.finding import SEVERITIES
from newslint.known import Names
from newslint.loading import build_rule, load_pack, read_yaml

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
KEYS = ("packs", "rules", "min_severity", "vocabulary", "overrides", "ignore", "regex_timeout", "languagetool", "serve")
SETTINGS = SEVERITIES + ("off", "on")


def builtin_rules_dir() -> Path:
    """Built-in packs: inside the wheel as newslint/rules, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return here / "rules"


def builtin_packs() -> dict[str, Path]:
    root = builtin_rules_dir()
    if not root.is_dir():
        return {}
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith((".", "_"))}


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    rules: dict[str, str]
    genre: str | None = None  # e.g. "opinion": first person is the genre there (document/genre.py)


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # None: the defaults
    packs: tuple[tuple[str, Path], ...] = ()
    rules: dict[str, str] = field(default_factory=dict)
    min_severity: str = "suggestion"
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    ignore: tuple[str, ...] = ()
    regex_timeout: float = 2.0
    languagetool: Any = None  # languagetool.Settings when the config has `languagetool:`
    allow_origins: tuple[str, ...] = ()  # serve.allow_origins: web pages (CORS) that may call `newslint serve`

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        """Every rule of every pack, loaded and validated once; a rule that cannot be loaded is
        left out and named in rule_problems()."""
        checks: list[Check] = []
        for name, folder in self.packs:
            checks.extend(load_pack(folder, name, self._skipped))
        if self.reject:
            checks.append(build_rule("Vale.Avoid", str(self.path or "<config>"), {
                "extends": "existence", "message": "Avoid using '%s'.", "level": "error",
                "tokens": list(self.reject), "vocab": False}))
        if self.languagetool is not None:
            from newslint.languagetool import LanguageToolCheck

            checks.append(LanguageToolCheck(self.languagetool, str(self.path or "<config>"), self.accepted))
        return tuple(checks)

    @cached_property
    def _skipped(self) -> list[str]:
        return []  # filled while `checks` loads

    def rule_problems(self) -> list[str]:
        """`path:line: why` for each rule file that could not be loaded (and so does not run)."""
        self.checks
        return list(self._skipped)

    def unknown_rules(self) -> list[str]:
        """A warning per name in `rules:` or `overrides:` that no loaded rule or pack has (a typo):
        the rest of the config still applies, as with a typo in --ignore."""
        known = Names.of(self.checks)
        out = []
        for key, settings in (("rules", self.rules), *(("overrides", o.rules) for o in self.overrides)):
            for name in known.unknown(settings):
                out.append(known.message(name, f"{self.path}:{self._lines.get(key, 1)}: '{key}'"))
        return list(dict.fromkeys(out))

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything that decides this config's findings: the config file and every pack file."""
        import hashlib

        h = hashlib.sha256()
        files = [self.path] if self.path else []
        for _, folder in self.packs:
            files.extend(sorted(p for p in Path(folder).rglob("*") if p.is_file()))
        for f in files:
            h.update(str(f).encode("utf-8") + b"\0")
            try:
                h.update(Path(f).read_bytes())
            except OSError:
                pass
        h.update(repr((self.rules, self.min_severity, self.accept, self.reject, self.overrides, self.languagetool)).encode("utf-8"))
        return h.hexdigest()

    @cached_property
    def accepted(self) -> re.Pattern | None:
        if not self.accept:
            return None
        for term in self.accept:  # name the term that is wrong, not a position in the joined pattern
            try:
                re.compile(scoped(term))
            except re.error as exc:
                raise ConfigError(f"bad pattern {term!r} in 'vocabulary.accept': {exc}", str(self.path),
                                  self._lines.get("vocabulary")) from None
        return re.compile("|".join(scoped(a) for a in self.accept))

    @property
    def _lines(self) -> dict[str, int]:
        return getattr(self, "_key_lines", {})

    def settings_for(self, path: str | Path | None) -> dict[str, str]:
        """Rule name or pack -> off/level, with the overrides whose globs match `path`."""
        settings = dict(self.rules)
        for o in self._overrides_for(path):
            settings.update(o.rules)
        return settings

    def genre_for(self, path: str | Path | None) -> str | None:
        """The genre the last matching override declares for `path`, or None."""
        return next((o.genre for o in reversed(self._overrides_for(path)) if o.genre), None)

    def _overrides_for(self, path: str | Path | None) -> list[Override]:
        """The overrides whose `files` globs match `path`, in config order."""
        if path is None or not self.overrides:
            return []
        rel = _relative(Path(path), self.root)
        return [o for o in self.overrides if any(fnmatch.fnmatch(rel, g) for g in o.files)]

    def checks_for(self, path: str | Path | None) -> tuple[list[Check], dict[str, str]]:
        """The enabled checks for one file and their severity overrides."""
        settings = self.settings_for(path)
        enabled, levels = [], {}
        for check in self.checks:
            name, pack = check.rule.name, check.rule.pack
            value = settings.get(name, settings.get(pack, "on"))
            if value == "off":
                continue
            enabled.append(check)
            if value in SEVERITIES:
                levels[name] = value
            if check.dynamic_rules:  # `LanguageTool.X: off|level`: the engine applies it per finding
                levels.update((k, v) for k, v in settings.items() if k.startswith(name + ".") and v != "on")
        return enabled, levels

    def ignores(self, path: str | Path) -> bool:
        rel = _relative(Path(path), self.root)
        return any(fnmatch.fnmatch(rel, g) for g in self.ignore)

    def read(self, path: str, text: str, ext: str | None = None, bom: bool = False):
        """Parse an article as this config reads it (a Vale config reads some formats Vale's way)."""
        from newslint.document.reader import format_for, parse

        return parse(path, text, format_for(path, ext), bom)


_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def scoped(term: str) -> str:
    """One accepted term as a group of the combined pattern. Vale's terms are Go regexes, where
    `(?i)al-qahera` is usual; Python allows global flags only at the start of the whole pattern,
    so a term's leading flags become a scoped group: `(?i:al-qahera)`."""
    m = _GLOBAL_FLAGS.match(term)
    return f"(?{m.group(1)}:{term[m.end():]})" if m else f"(?:{term})"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def default_config() -> Config:
    return Config(packs=tuple(builtin_packs().items()))


def find_config(start: Path) -> Path | None:
    """The nearest .newslint.yaml (or, in the same folder, a Vale ini) at or above `start` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    return _find_from(folder.resolve())


@lru_cache(maxsize=1024)
def _find_from(folder: Path) -> Path | None:
    """Per folder, once per run: an archive's thousands of files share a few folders."""
    from newslint.vale.ini import VALE_NAMES  # the Vale layer sits on the core: reached only from here

    for name in CONFIG_NAMES + VALE_NAMES:  # a Vale ini serves where no .newslint.yaml is nearer
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return _find_from(folder.parent) if folder.parent != folder else None


def load_config(path: str | Path) -> Config:
    from newslint.vale.ini import is_vale_ini, load_vale_ini

    path = Path(path)
    if is_vale_ini(path):
        if not path.exists():
            raise ConfigError("no such config file", str(path))
        return load_vale_ini(path)
    name = str(path)
    if not path.exists():
        raise ConfigError("no such config file", name)
    data, lines = read_yaml(path, ConfigError)

    def fail(message: str, key: str | None = None) -> ConfigError:
        return ConfigError(message, name, lines.get(key, 1) if key else 1)

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise fail("a config must be a YAML mapping")
    for key in data:
        if key not in KEYS:
            raise fail(f"unknown key '{key}' (known: {', '.join(KEYS)})", key)

    builtin = builtin_packs()
    packs: list[tuple[str, Path]] = []
    pack_list = data.get("packs", list(builtin))
    if not isinstance(pack_list, list) or not all(isinstance(p, str) for p in pack_list):
        raise fail("'packs' must be a list of pack names or folders", "packs")
    for entry in pack_list:
        folder = (path.parent / entry)
        if entry in builtin and not folder.is_dir():
            packs.append((entry, builtin[entry]))
        elif folder.is_dir():
            packs.append((folder.resolve().name, folder.resolve()))
        else:
            raise fail(f"pack '{entry}' is neither a built-in pack ({', '.join(builtin)}) nor a folder", "packs")

    rules = _settings(data.get("rules", {}), "rules", fail)
    min_severity = data.get("min_severity", "suggestion")
    if min_severity not in SEVERITIES:
        raise fail(f"'min_severity' must be one of {', '.join(SEVERITIES)}", "min_severity")

    vocab = data.get("vocabulary", {}) or {}
    if not isinstance(vocab, dict) or set(vocab) - {"accept", "reject"}:
        raise fail("'vocabulary' takes 'accept' and 'reject' lists", "vocabulary")
    accept, reject = vocab.get("accept", []) or [], vocab.get("reject", []) or []
    if not all(isinstance(x, list) and all(isinstance(t, str) for t in x) for x in (accept, reject)):
        raise fail("'vocabulary.accept' and 'vocabulary.reject' must be lists of terms", "vocabulary")

    overrides = []
    raw_overrides = data.get("overrides", []) or []
    if not isinstance(raw_overrides, list):
        raise fail("'overrides' must be a list of {files, rules, genre}", "overrides")
    for o in raw_overrides:
        if not isinstance(o, dict) or set(o) - {"files", "rules", "genre"} or "files" not in o:
            raise fail("each override needs 'files' (globs) and 'rules' or 'genre'", "overrides")
        genre = o.get("genre")
        if genre is not None and (not isinstance(genre, str) or not genre.strip()):
            raise fail("'genre' in an override must be a word such as opinion, review, interview or news", "overrides")
        files = [o["files"]] if isinstance(o["files"], str) else o["files"]
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise fail("'files' in an override must be a glob or a list of globs", "overrides")
        overrides.append(Override(tuple(files), _settings(o.get("rules", {}), "overrides", fail), genre))

    ignore, ignore_rules = [], []
    entries = data.get("ignore", []) or []
    if not isinstance(entries, list):
        raise fail("'ignore' must be a list of globs (files to skip) or {glob: [rules]} (rules to skip there)", "ignore")
    for entry in entries:
        if isinstance(entry, str):
            ignore.append(entry)
        elif isinstance(entry, dict) and all(isinstance(g, str) and isinstance(r, list) and all(isinstance(x, str) for x in r)
                                             for g, r in entry.items()):
            # Plain text has no comments to switch a rule off in: name the file here instead.
            ignore_rules.extend(Override((glob,), {name: "off" for name in names}) for glob, names in entry.items())
        else:
            raise fail("each 'ignore' entry is a glob (a file to skip) or {glob: [rules]} (rules to skip there)", "ignore")
    timeout = data.get("regex_timeout", 2.0)
    # .nan would switch the limit off and .inf stop every rule: only a finite, sensible budget.
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0.01 <= timeout <= 60:
        raise fail("'regex_timeout' must be a number of seconds from 0.01 to 60", "regex_timeout")
    languagetool = None
    if data.get("languagetool") is not None:
        from newslint.checks.base import OptionError
        from newslint.languagetool import parse_settings

        try:
            languagetool = parse_settings(data["languagetool"])
        except OptionError as exc:
            raise fail(exc.message, "languagetool") from None

    serve = data.get("serve", {}) or {}
    if not isinstance(serve, dict):
        raise fail("'serve' must be a mapping, e.g. {allow_origins: [https://cms.example.org]}", "serve")
    for key in serve:
        if key != "allow_origins":
            raise fail(f"unknown key 'serve.{key}' (known: allow_origins)", "serve")
    origins = serve.get("allow_origins", []) or []
    if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
        raise fail("'serve.allow_origins' must be a list of origins such as https://cms.example.org", "serve")
    for origin in origins:
        if problem := origin_problem(origin):
            raise fail(f"'serve.allow_origins': {problem}", "serve")

    config = Config(path=path, packs=tuple(dict.fromkeys(packs)), rules=rules, min_severity=min_severity,
                    accept=tuple(accept), reject=tuple(reject), overrides=tuple(overrides) + tuple(ignore_rules),
                    ignore=tuple(ignore), regex_timeout=float(timeout), languagetool=languagetool,
                    allow_origins=tuple(origins))
    object.__setattr__(config, "_key_lines", lines)
    return config


_ORIGIN = re.compile(r"https?://[^\s/?#]+")


def origin_problem(origin: str) -> str | None:
    """Why `origin` is not a web origin a browser sends (scheme://host[:port]), or None. A trailing
    slash or a path is the usual slip, and would match no request: say so rather than never match."""
    if origin == "*" or _ORIGIN.fullmatch(origin):
        return None
    return f"'{origin}' is not an origin: scheme://host[:port], no path or trailing slash (e.g. https://cms.example.org)"


def _settings(value: Any, key: str, fail) -> dict[str, str]:
    if not isinstance(value, dict):
        raise fail(f"'{key}' must map rule names to off, on or a level", key)
    out = {}
    for name, setting in value.items():
        if setting is False:
            setting = "off"
        elif setting is True:
            setting = "on"
        if not isinstance(name, str) or setting not in SETTINGS:
            raise fail(f"'{key}': {name} must be off, on, suggestion, warning or error", key)
        out[name] = setting
    return out


class ConfigCache:
    """Configs by file: `--config` wins, else the nearest .newslint.yaml, else the defaults."""

    def __init__(self, explicit: str | Path | None = None):
        self._explicit = load_config(explicit) if explicit else None
        self._by_path: dict[Path | None, Config] = {}

    def for_file(self, path: str | Path | None) -> Config:
        if self._explicit is not None:
            return self._explicit
        found = find_config(Path(path)) if path else find_config(Path.cwd())
        if found not in self._by_path:
            self._by_path[found] = load_config(found) if found else default_config()
        return self._by_path[found]


__all__ = ["Config", "ConfigCache", "NewslintError", "builtin_packs", "load_config"]
