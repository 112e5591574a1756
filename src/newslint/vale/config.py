"""A Config that behaves as Vale does for a `.vale.ini` (read by vale/ini.py).

What differs from a `.newslint.yaml` Config, each as Vale's source has it:
- rules come from styles (folders on StylesPath) and Vale's built-in `Vale`
  style; which run on a file is decided per file: the last matching section's
  `BasedOnStyles` replaces the global one, `Style.Rule = YES|NO` settings of
  every matching section apply in order (internal/core/file.go, lint.shouldRun);
- `Style.Rule = <level>` changes the rule's level everywhere, and a rule
  without `level:` is a warning (check/manager.go compileCheck);
- a file no section matches is not checked when nothing is global;
- `.txt` files are plain text with no title (document/plain.py); Markdown
  honours TokenIgnores, BlockIgnores, IgnoredScopes and SkippedScopes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import regex

from newslint.checks.base import Check, OptionError
from newslint.compiled import regex_compile
from newslint.config import Config, builtin_packs
from newslint.document.model import Document
from newslint.document.plain import FORMAT as PLAIN
from newslint.errors import ConfigError
from newslint.checks import KINDS
from newslint.loading import COMMON, build_rule, load_or_skip, load_pack, read_yaml
from newslint.vale.rendered import as_vale_runs
from newslint.vale.glob import Glob

VALE = "Vale"
# Vale's own rules (internal/check/definition.go, defaultRules).
REPETITION = {"extends": "repetition", "message": "'%s' is repeated!", "level": "error", "scope": "text",
              "alpha": True, "tokens": [r"[^\s]+"]}  # as Vale defines it (check/definition.go)
SPELLING = {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error", "scope": "text"}
TERMS = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "error", "scope": "text",
         "ignorecase": True, "vocab": False}
AVOID = {"extends": "existence", "message": "Avoid using '%s'.", "level": "error", "scope": "text",
         "ignorecase": False}
# The kinds whose exceptions Vale's updateExceptions extends with the vocabulary.
VOCAB_EXCEPTION_KINDS = ("existence", "substitution", "repetition", "conditional", "capitalization")
MARKDOWN_EXTS = ("md", "mdown", "markdown", "markdn", "mkdn", "mkd", "mdwn", "mdtxt", "mdtext")
HTML_EXTS = ("html", "htm", "shtml", "xhtml")  # Vale's FormatByExtension


@dataclass
class SectionRules:
    """One `[glob]` section (or `[*]`): its BasedOnStyles (None: not set), rule switches, ignores."""

    name: str
    glob: Glob | None
    styles: tuple[str, ...] | None = None
    rules: dict[str, bool] = field(default_factory=dict)
    token_ignores: tuple[str, ...] = ()
    block_ignores: tuple[str, ...] = ()
    # TokenIgnores/BlockIgnores pattern -> (its key as written, its line): an error names where it is.
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

    def matches(self, paths: tuple[str, ...]) -> bool:
        return self.glob is None or any(self.glob.match(p) for p in paths)


def load_vocab(name: str, styles_paths: tuple[Path, ...] | list[Path]) -> list[tuple[Path, bool]] | None:
    """accept.txt / reject.txt files of a vocabulary (Vale 3's config/vocabularies, or Vale 2's Vocab/)."""
    for root in styles_paths:
        for folder in (root / "config" / "vocabularies" / name, root / "Vocab" / name):
            if folder.is_dir():
                return [(f, f.name == "accept.txt") for f in sorted(folder.rglob("*.txt"))
                        if f.name in ("accept.txt", "reject.txt")]
    return None


@dataclass(frozen=True)
class ValeConfig(Config):
    styles_paths: tuple[Path, ...] = ()
    global_rules: SectionRules = field(default_factory=lambda: SectionRules("*", None))
    sections: tuple[SectionRules, ...] = ()
    levels: dict[str, str] = field(default_factory=dict)  # Vale's RuleToLevel: global, by rule or style
    formats: dict[str, str] = field(default_factory=dict)
    ignored_scopes: tuple[str, ...] = ()
    skipped_scopes: tuple[str, ...] = ()
    ignored_classes: tuple[str, ...] = ()  # HTML elements with these classes are not prose
    extra_packs: tuple[str, ...] = ()  # [newslint] packs: newslint packs run on every file
    vocab_files: tuple[Path, ...] = ()
    style_lines: dict[str, tuple[str, int]] = field(default_factory=dict)  # (ini, line) naming each style or rule
    packages_line: int | None = None  # `Packages =`: for `vale sync`, which newslint has no equivalent of

    def unknown_rules(self) -> list[str]:
        """Config notes printed once per run: here, that `Packages` are not downloaded."""
        notes = []
        if self.packages_line is not None:
            notes.append(f"{self.path}:{self.packages_line}: Packages are not downloaded (newslint has no "
                         "'vale sync'): the rules that run are the styles already on StylesPath")
        return notes + super().unknown_rules()

    # -- which rules exist ---------------------------------------------------
    def _all_sections(self) -> tuple[SectionRules, ...]:
        return (self.global_rules, *self.sections)

    def _named_styles(self) -> list[str]:
        names: list[str] = []
        for sec in self._all_sections():
            for s in sec.styles or ():
                if s not in names:
                    names.append(s)
        return names + [p for p in self.extra_packs if p not in names]

    def _needs_vale(self) -> bool:
        """Vale's needsStyle("Vale"): named as a base style, or a rule setting starting with 'Vale'."""
        return VALE in self._named_styles() or any(k.startswith(VALE) for s in self._all_sections() for k in s.rules)

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        checks: list[Check] = []
        if self._needs_vale():
            checks += self._builtin()
        loaded = {VALE}
        for style in self._named_styles():
            if style in loaded:
                continue
            folder = self._style_folder(style)
            if folder is not None:
                checks += self._vale_style(folder, style)
            elif style in builtin_packs():
                checks += load_pack(builtin_packs()[style], style, self._skipped)
            else:
                searched = ", ".join(str(p) for p in self.styles_paths) or "no StylesPath set"
                raise ConfigError(f"style '{style}' does not exist on StylesPath ({searched})",
                                  *self.style_lines.get(style, (str(self.path), 1)))
            loaded.add(style)
        # A `Style.Rule = YES` whose style is not loaded loads that one rule (Vale's NewManager).
        for sec in self._all_sections():
            for name in sec.rules:
                style, _, rest = name.partition(".")
                if rest and style not in loaded and not any(c.rule.name == name for c in checks):
                    for root in self.styles_paths:
                        f = root / style / (rest.replace(".", "/") + ".yml")
                        if f.is_file():
                            checks += self._vale_rules([(f, name)])
                            break
        # As Vale runs them: text rules read rendered Markdown, whole-file rules ignore toggles (vale/rendered.py).
        return tuple(as_vale_runs(self._with_vocab(c)) for c in checks)

    @cached_property
    def segments(self) -> bool:
        """Vale's Segmentation (check/manager.go HasScope): some rule's scope starts with `sentence`,
        so text rules also run on each sentence (vale/rendered.py)."""
        return any(entry.strip().split(".")[0] == "sentence" for c in self.checks for entry in c.rule.scope)

    def _with_vocab(self, check: Check) -> Check:
        """Vale's updateExceptions: with `vocab` on (the default), the accepted terms join the rule's
        exceptions, searched inside each match, for every kind that has exceptions: `did` accepted
        keeps `did did` from Vale.Repetition, `High-Def` is no case error inside a sentence. (The
        engine also drops a match that is an accepted term, for every kind.)
        Not for a `nonword` existence rule, whose match is any span, not a word: Vale 3.15 gives it
        no vocabulary exceptions (vale-cli/vale#1058), so `Analytics` accepted keeps Elastic's
        OxfordComma on 'indexing, searching and analytics.'."""
        if check.rule.extends not in VOCAB_EXCEPTION_KINDS or not self.accept or not check.opts.get("vocab", True):
            return check
        if check.rule.extends == "existence" and check.opts.get("nonword"):
            return check
        try:
            # `_vocabulary`: how many of the exceptions came from here (capitalization reads it).
            options = {**check.opts, "exceptions": list(check.opts.get("exceptions") or []) + list(self.accept),
                       "_vocabulary": len(self.accept)}
            return type(check)(replace(check.rule, options=options))
        except OptionError:  # a vocabulary term that is no pattern: keep the rule as written
            return check

    def _style_folder(self, style: str) -> Path | None:
        for root in self.styles_paths:
            if (root / style).is_dir():
                return root / style
        return None

    def _vale_style(self, folder: Path, style: str) -> list[Check]:
        """Every rule of a style, subfolders included (Style.sub.Rule); `.`/`_` folders skipped as Vale does."""
        files = []
        for f in sorted(folder.rglob("*.yml")):
            parts = f.relative_to(folder).parts
            if any(p.startswith((".", "_")) for p in parts[:-1]):
                continue
            files.append((f, ".".join((style, *parts[:-1], f.stem))))
        return self._vale_rules(files)

    def _vale_rules(self, files: list[tuple[Path, str]]) -> list[Check]:
        """Each rule that loads; one that does not (a Tengo script, a key newslint rejects) is noted
        in rule_problems() and the others still run, so a real setup is never stopped by one rule."""
        out = []
        for f, name in files:
            check = load_or_skip(lambda: self._vale_rule(f, name), self._skipped)
            if check is None:
                self.__dict__.setdefault("_skipped_names", set()).add(name)
            else:
                out.append(check)
        return out

    def skipped_rule_names(self) -> frozenset[str]:
        """The rules that did not load (a Tengo script...): a comment naming one is no typo."""
        self.checks  # noqa: B018 - loading the rules is what finds them
        return frozenset(self.__dict__.get("_skipped_names", ()))

    def _vale_rule(self, path: Path, name: str) -> Check:
        data, lines = read_yaml(path)
        check = build_rule(name, str(path), _weak_lists(data), lines)
        if isinstance(data, dict) and "level" not in data:
            check.rule = replace(check.rule, level="warning")  # Vale's default level
        return self._leveled(check)

    def _leveled(self, check: Check) -> Check:
        name = check.rule.name
        level = self.levels.get(name, self.levels.get(check.rule.pack))
        if level and level != check.rule.level:
            check.rule = replace(check.rule, level=level)
        return check

    def _builtin(self) -> list[Check]:
        where = str(self.path)
        # Vale.Spelling accepts a vocabulary word in any case (Vale adds the list to its speller).
        words = [f"(?i)^(?:{t[4:] if t.startswith('(?i)') else t})$" for t in self.accept]
        rules = [("Vale.Repetition", REPETITION), ("Vale.Spelling", {**SPELLING, "filters": words, **self._config_spelling()})]
        if self.accept:
            # Vale.Terms swaps each accepted term's lower case (matched ignoring case) for the term.
            rules.append(("Vale.Terms", {**TERMS, "swap": {t.lower(): t for t in self.accept}}))
        if self.reject:
            rules.append(("Vale.Avoid", {**AVOID, "tokens": list(self.reject)}))
        # A dictionary spylls cannot read skips Vale.Spelling with one line naming the file, as any rule.
        loaded = (load_or_skip(lambda n=name, d=data: self._leveled(build_rule(n, where, dict(d))), self._skipped)
                  for name, data in rules)
        return [c for c in loaded if c is not None]

    def _config_spelling(self) -> dict:
        """Vale 3's Vale.Spelling: every Hunspell dictionary in <StylesPath>/config/dictionaries (in
        place of the built-in one when there is any) and every word list config/ignore/**/*.txt."""
        if not self.styles_paths:
            return {}
        config = self.styles_paths[0] / "config"
        folder = config / "dictionaries"
        names = sorted(p.stem for p in folder.glob("*.dic") if p.with_suffix(".aff").is_file()) if folder.is_dir() else []
        ignore = sorted(str(p) for p in (config / "ignore").glob("**/*.txt") if p.is_file())
        out: dict = {"ignore": ignore} if ignore else {}
        if names:
            out.update(dicpath=str(folder), dictionaries=names)
        return out

    @cached_property
    def accepted(self) -> regex.Pattern | None:
        """Accepted vocabulary: case-sensitive regexes, except a term starting with (?i)."""
        if not self.accept:
            return None
        parts = [f"(?i:{a[4:]})" if a.startswith("(?i)") else f"(?:{a})" for a in self.accept]
        try:
            return regex_compile("|".join(parts), regex.V0)
        except regex.error as exc:
            raise ConfigError(f"bad pattern in the vocabulary: {exc}", str(self.path)) from None

    @cached_property
    def accepted_phrases(self) -> regex.Pattern | None:
        """Vale's buildPhraseRe: the multi-word accepted terms, found in a block ignoring case."""
        phrases = [a[4:] if a.startswith("(?i)") else a for a in self.accept if " " in a or "\t" in a or r"\s" in a]
        if not phrases:
            return None
        try:
            return regex_compile(r"(?i)\b(?:" + "|".join(phrases) + r")\b", regex.V0)
        except regex.error:
            return None

    @cached_property
    def fingerprint(self) -> str:
        h = hashlib.sha256()
        files = [self.path, *self.vocab_files]
        for style in self._named_styles():
            folder = self._style_folder(style)
            if folder is not None:
                files.extend(sorted(p for p in folder.rglob("*") if p.is_file()))
        for f in files:
            h.update(str(f).encode() + b"\0")
            try:
                h.update(Path(f).read_bytes())
            except OSError:
                pass
        return h.hexdigest()

    # -- which rules run on a file ---------------------------------------------
    def _paths(self, path) -> tuple[str, ...]:
        """Vale matches a section's glob against the path as given; the path from the ini's folder too."""
        if path is None or str(path) == "-":
            return ("stdin.md",)
        given = Path(path).as_posix()
        while given.startswith("./"):
            given = given[2:]
        rel = Path(path).resolve()
        try:
            return (given, rel.relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return (given,)

    def _for(self, path) -> tuple[list[str], dict[str, bool]]:
        paths = self._paths(path)
        styles = list(self.global_rules.styles or ())
        switches = dict(self.global_rules.rules)
        for sec in self.sections:
            if sec.matches(paths):
                if sec.styles is not None:
                    styles = list(sec.styles)  # the last matching section's base styles win
                switches.update(sec.rules)
        return styles + list(self.extra_packs), switches

    def checks_for(self, path) -> tuple[list[Check], dict[str, str]]:
        styles, switches = self._for(path)
        enabled = []
        for check in self.checks:
            name = check.rule.name
            style = check.rule.pack
            on = switches.get(name, switches.get(style))
            if on is None:
                on = style in styles
            if on:
                enabled.append(check)
        return enabled, {}

    def settings_for(self, path) -> dict[str, str]:
        return {name: ("on" if on else "off") for name, on in self._for(path)[1].items()}

    def ignores(self, path) -> bool:
        """Vale skips a file no section matches when nothing is global (lint.skip)."""
        if self.global_rules.styles or self.global_rules.rules or self.extra_packs:
            return False
        paths = self._paths(path)
        return not any(sec.matches(paths) for sec in self.sections)

    # -- how a file is read ------------------------------------------------------
    def format_of(self, path: str, ext: str | None) -> str:
        suffix = (ext or Path(path).suffix).lower().lstrip(".")
        suffix = self.formats.get(suffix, suffix).lower()
        return "md" if suffix in MARKDOWN_EXTS else "html" if suffix in HTML_EXTS else PLAIN

    def read(self, path: str, text: str, ext: str | None = None, bom: bool = False) -> Document:
        from newslint.vale.document import read_vale

        return read_vale(self, path, text, self.format_of(path, ext), bom)

    def ignore_origin(self, pattern: str, key: str) -> tuple[str, int | None]:
        """The ini key (as written: IgnorePatterns is BlockIgnores) and line of an ignore pattern."""
        for sec in (self.global_rules, *self.sections):
            if pattern in sec.origins:
                return sec.origins[pattern]
        return key, None

    def ignores_for(self, path) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """TokenIgnores and BlockIgnores for a file: the global ones, then each matching section's."""
        paths = self._paths(path)
        tokens, blocks = list(self.global_rules.token_ignores), list(self.global_rules.block_ignores)
        for sec in self.sections:
            if sec.matches(paths):
                tokens += [t for t in sec.token_ignores if t not in tokens]
                blocks += [b for b in sec.block_ignores if b not in blocks]
        return tuple(tokens), tuple(blocks)


def _weak_lists(data):
    """Vale decodes a rule with mapstructure's WeakDecode: a single string where a list is due is a list of one."""
    if not isinstance(data, dict) or not isinstance(data.get("extends"), str) or data["extends"] not in KINDS:
        return data
    declared = {**COMMON, **KINDS[data["extends"]].options}
    return {k: [v] if isinstance(v, str) and k in declared and declared[k].type == "list" else v for k, v in data.items()}
