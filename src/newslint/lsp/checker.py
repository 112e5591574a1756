"""What the language server asks of newslint's core, without any LSP in it: find the config for
a document as the CLI does, check the editor's text with the engine `newslint check` uses, and
compute what "fix all" would write. The spaCy pipeline loads in the background: until it is
ready, documents are checked without the NLP rules (mechanical findings answer at once).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from newslint import config as config_module
from newslint import nlp
from newslint.config import Config, default_config, find_config, load_config
from newslint.document.model import Document
from newslint.document.reader import ARTICLE_EXTS
from newslint.engine import FixMode, Selection, check_file
from newslint.errors import NewslintError
from newslint.finding import Finding

BOM = "\ufeff"
# An editor's language id, for a document whose name does not say its format (untitled, .mdx).
LANGUAGE_EXTS = {"markdown": ".md", "plaintext": ".txt", "text": ".txt", "html": ".html"}


@dataclass
class Checked:
    """One check of one version of a document, as the editor holds it."""

    text: str  # the editor's text (a BOM, if any, included)
    doc: Document | None  # None: not checked (ignored by the config, or not an article)
    config: Config | None
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # errors and warnings, for the log
    nlp: bool = False  # whether the NLP rules ran

    @property
    def shift(self) -> int:
        """Finding offsets count from after a BOM; the editor counts the BOM as a character."""
        return 1 if self.text.startswith(BOM) else 0


def article_ext(path: str | None, language_id: str | None) -> str | None:
    """The extension that names the document's format, or None when it is not an article."""
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in ARTICLE_EXTS:
        return suffix
    return LANGUAGE_EXTS.get((language_id or "").lower())


def respects_vocabulary(rule) -> bool:
    """Whether an accepted term silences this rule's matches (the test engine.lint applies)."""
    return bool(rule.options.get("vocab", rule.extends == "spelling"))


class Checker:
    def __init__(self, explicit: str | Path | None = None, root: Path | None = None):
        self.explicit = Path(explicit) if explicit else None
        self.root = root or Path.cwd()  # where an untitled document's config is looked for
        self._configs: dict[Path | None, tuple[tuple, Config]] = {}
        self._lock = threading.Lock()  # one check at a time: they share one spaCy pipeline
        self.nlp_ready = threading.Event()
        self.nlp_missing = nlp.missing()  # None, or what is not installed
        self.notes: list[str] = []  # for the editor's log: said once, then cleared by the server

    # -- config --------------------------------------------------------------
    def config_path(self, path: str | None) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        # The core caches lookups per folder for a batch run; an editor's user may create a
        # config at any time, and a lookup is a few stat calls per check.
        config_module._find_from.cache_clear()
        return find_config(Path(path)) if path else find_config(self.root)

    def config_for(self, path: str | None) -> Config:
        """The config the CLI would use for `path`, loaded again when its file changed.
        Raises ConfigError (a NewslintError) for a broken config."""
        found = self.config_path(path)
        stamp = _stamp(found)
        cached = self._configs.get(found)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        config = load_config(found) if found else default_config()
        # Loads every rule now, not inside the first check; a rule that cannot be loaded, or a
        # name the config misspells, is said once per load (the CLI warns about them too).
        self.notes += [f"warning: {p}; rule skipped" for p in getattr(config, "rule_problems", list)()]
        self.notes += [f"warning: {m}" for m in getattr(config, "unknown_rules", list)()]
        self._configs[found] = (stamp, config)
        return config

    def forget_configs(self) -> None:
        """Drop every loaded config (a rule file or a vocabulary changed, not only the config)."""
        self._configs.clear()

    # -- checking ------------------------------------------------------------
    def check(self, path: str | None, text: str, language_id: str | None = None, fix: bool = False) -> Checked:
        """Check the editor's text of the document at `path` (None: untitled). With `fix`, the
        returned Checked holds the text `--fix` would write (safe fixes only) and what remains."""
        ext = article_ext(path, language_id)
        config = self.config_for(path)
        if ext is None or (path and config.ignores(path)):
            return Checked(text, None, config)
        shown = path or "-"
        body = text[1:] if text.startswith(BOM) else text
        doc = config.read(shown, body, ext, text.startswith(BOM))
        use_nlp = self.nlp_ready.is_set() and self.nlp_missing is None
        with self._lock:
            report = check_file(doc, config, Selection(nlp=use_nlp), FixMode(write=False) if fix else None)
        problems = [str(e) for e in report.errors] + [message for _, message in dict.fromkeys(report.warnings)]
        if fix:  # the fixed text, which the findings now describe
            text = (BOM if text.startswith(BOM) else "") + report.doc.text
        return Checked(text, report.doc, config, report.findings, problems, use_nlp)

    def load_nlp(self, path: str | None = None) -> bool:
        """Load spaCy with what the enabled rules need (once, in a background thread). Returns
        whether the NLP rules can now run; either way, checks stop waiting for it."""
        try:
            if self.nlp_missing is not None:
                return False
            try:
                config = self.config_for(path)
            except NewslintError:  # a broken config is shown when a document is checked
                config = default_config()
            checks = [c for c in config.checks if c.needs_nlp]
            for c in checks:
                nlp.need(c.nlp_components)
            if checks:
                nlp.load()
            return True
        except Exception as exc:  # a broken model: the NLP rules stay off, with the reason logged
            self.nlp_missing = str(exc) or type(exc).__name__
            return False
        finally:
            self.nlp_ready.set()

    def rule(self, config: Config | None, name: str):
        """The rule behind a finding's name (`LanguageTool.X` findings belong to `LanguageTool`)."""
        if config is None:
            return None
        rules = {c.rule.name: c.rule for c in config.checks}
        return rules.get(name) or rules.get(name.rsplit(".", 1)[0])


def _stamp(path: Path | None) -> tuple:
    if path is None:
        return ()
    try:
        st = os.stat(path)
    except OSError:
        return (None,)
    return (st.st_mtime_ns, st.st_size, st.st_ino)
