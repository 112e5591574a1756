"""Grammar and spelling from a LanguageTool server, as one more check.

    languagetool:
      url: http://localhost:8081      # or `local: true`
      language: en-GB
      disabled_rules: [EN_QUOTES]

The config adds one `LanguageToolCheck` (rule `LanguageTool`) to its checks, so
its findings go through the engine like any other: suppression comments,
--select/--ignore, `rules:` levels, every format, the cache. Each finding is
named after LanguageTool's rule, `LanguageTool.<RULE_ID>` (`Match.rule`), and
those names work wherever a rule name does.

A server that fails raises BackendUnavailable: one warning, no LanguageTool
findings for that document, the other rules unaffected (see languagetool_http).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from newslint import languagetool_http as lt
from newslint import nlp
from newslint.checks.base import Check, Option, OptionError, Rule, check_type
from newslint.document.model import Document
from newslint.finding import Fix, Match

RULE = "LanguageTool"
MAX_SUGGESTIONS = 5

OPTIONS = {
    "url": Option("str", doc="the server, e.g. http://localhost:8081"),
    "local": Option("bool", False, doc="let language-tool-python start a server (needs Java)"),
    "language": Option("str", "en-US"),
    "mother_tongue": Option("str"),
    "enabled_rules": Option("list", []),
    "disabled_rules": Option("list", []),
    "enabled_categories": Option("list", []),
    "disabled_categories": Option("list", []),
    "picky": Option("bool", False),
    "timeout": Option("number", 10.0, doc="seconds one request may take"),
    "max_chars": Option("int", 10000, doc="characters per request; longer stories are split"),
}

# LanguageTool's issue types and categories that are about correctness; the rest
# (style, typography, redundancy, whitespace...) are suggestions.
WARNING_ISSUES = {"misspelling", "grammar"}
WARNING_CATEGORIES = {"TYPOS", "GRAMMAR", "CONFUSED_WORDS", "CASING", "PUNCTUATION"}


def severity(issue_type: str | None, category: str | None) -> str:
    return "warning" if issue_type in WARNING_ISSUES or category in WARNING_CATEGORIES else "suggestion"


@dataclass(frozen=True)
class Settings:
    url: str | None = None
    local: bool = False
    language: str = "en-US"
    mother_tongue: str | None = None
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    timeout: float = 10.0
    max_chars: int = 10000

    def form(self) -> dict[str, str]:
        """The /v2/check parameters, without the text."""
        form = {"language": self.language}
        if self.mother_tongue:
            form["motherTongue"] = self.mother_tongue
        for key, param in (("enabled_rules", "enabledRules"), ("disabled_rules", "disabledRules"),
                           ("enabled_categories", "enabledCategories"), ("disabled_categories", "disabledCategories")):
            if getattr(self, key):
                form[param] = ",".join(getattr(self, key))
        if self.picky:
            form["level"] = "picky"
        return form


def parse_settings(value: Any) -> Settings:
    """The `languagetool:` mapping of a config; raises OptionError(key, why)."""
    if not isinstance(value, dict):
        raise OptionError("languagetool", "'languagetool' must be a mapping (url or local: true, language, ...)")
    for key in value:
        if key not in OPTIONS:
            raise OptionError(key, f"'languagetool' has no key '{key}' (known: {', '.join(OPTIONS)})")
    values = {key: check_type(f"languagetool.{key}", v, OPTIONS[key]) for key, v in value.items() if v is not None}
    for key in ("enabled_rules", "disabled_rules", "enabled_categories", "disabled_categories"):
        items = values.get(key, [])
        if not all(isinstance(x, str) and x.strip() for x in items):
            raise OptionError(key, f"'languagetool.{key}' must be a list of LanguageTool ids")
        # `LanguageTool.EN_QUOTES` (the finding's name) and `EN_QUOTES` both work.
        values[key] = tuple(x.strip().removeprefix(f"{RULE}.") for x in items)
    if bool(values.get("url")) == bool(values.get("local")):
        raise OptionError("url", "'languagetool' needs either 'url' (a server) or 'local: true', not both")
    url = values.get("url")
    if url is not None and not re.match(r"https?://[^/\s]+", url):
        raise OptionError("url", f"'languagetool.url' must be an http:// or https:// address, not '{url}'")
    if "timeout" in values and values["timeout"] <= 0:
        raise OptionError("timeout", "'languagetool.timeout' must be a positive number of seconds")
    if "max_chars" in values and values["max_chars"] < 100:
        raise OptionError("max_chars", "'languagetool.max_chars' must be at least 100")
    if "timeout" in values:
        values["timeout"] = float(values["timeout"])
    return Settings(**values)


DESCRIPTION = """\
Grammar and spelling from a LanguageTool server (`languagetool:` in the config).
Each finding is named `LanguageTool.<RULE_ID>` after LanguageTool's own rule; its
replacements are suggestions (unsafe fixes). Spelling matches on names the
story itself establishes are dropped (see the README)."""


class LanguageToolCheck(Check):
    """Not loaded from YAML: the config builds it from its `languagetool:` settings."""

    kind = "languagetool"
    dynamic_rules = True
    can_fix = True
    summary = "grammar and spelling from a LanguageTool server"

    def __init__(self, settings: Settings, path: str, accepted: re.Pattern | None = None):
        self.settings = settings
        self.accepted = accepted
        super().__init__(Rule(name=RULE, path=path, extends="languagetool", message="", level="warning",
                              scope=("text",), options={}, description=DESCRIPTION, fix="unsafe"))

    def check(self, doc: Document) -> Iterator[Match]:
        s = self.settings
        url = lt.local_url(s.language) if s.local else s.url
        server = "local LanguageTool server" if s.local else None
        form = s.form()
        names = Names(doc, self.accepted)
        for chunk in lt.chunks(doc, s.max_chars):
            data = json.dumps({"annotation": chunk.annotation}, ensure_ascii=False)
            answer = lt.check(url, {**form, "data": data}, s.timeout, server)
            index = lt.utf16_map(chunk.text)
            for raw in answer["matches"]:
                match = _match(doc, chunk, index, raw)
                if match is not None and not (_is_spelling(raw) and names.is_name(match.start, match.end)):
                    yield match


def _match(doc: Document, chunk: lt.Chunk, index: list[int], raw: Any) -> Match | None:
    """One entry of `matches`, or None when it has no usable span (a server quirk is not a crash)."""
    if not isinstance(raw, dict):
        return None
    offset, length = raw.get("offset"), raw.get("length")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (offset, length)):
        return None
    where = lt.span(index, offset, length)
    if where is None:
        return None
    start, end = chunk.start + where[0], chunk.start + where[1]
    if doc.text[start:end] != doc.prose[start:end] and not doc.prose[start:end].strip():
        return None  # e.g. "two spaces" where inline code or a link target was left out
    while end - start > 1 and doc.text[end - 1] != doc.prose[end - 1]:  # markup at the edges is not the match
        end -= 1
    while end - start > 1 and doc.text[start] != doc.prose[start]:
        start += 1
    masked = doc.text[start:end] != doc.prose[start:end]
    rule = _dict(raw.get("rule"))
    category = _dict(rule.get("category")).get("id")
    rule_id = rule.get("id") if isinstance(rule.get("id"), str) and rule.get("id") else None
    message = next((m for m in (raw.get("message"), raw.get("shortMessage"), rule.get("description"))
                    if isinstance(m, str) and m.strip()), rule_id or "LanguageTool finding")
    message = " ".join(message.replace("<suggestion>", "“").replace("</suggestion>", "”").split())
    values = [r.get("value") for r in raw.get("replacements") or [] if isinstance(r, dict)]
    suggestions = tuple(v for v in values if isinstance(v, str))[:MAX_SUGGESTIONS]
    # A replacement would also overwrite the markup inside the span: no fix then.
    fix = Fix(start, end, suggestions[0], safe=False) if suggestions and not masked else None
    return Match(start, end, args=(doc.text[start:end],), suggestions=suggestions, fix=fix, message=message,
                 rule=f"{RULE}.{rule_id}" if rule_id else None, level=severity(rule.get("issueType"), category))


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _is_spelling(raw: dict) -> bool:
    rule = _dict(raw.get("rule"))
    rule_id = rule.get("id") if isinstance(rule.get("id"), str) else ""
    return (rule.get("issueType") == "misspelling" or _dict(rule.get("category")).get("id") == "TYPOS"
            or rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL")) or rule_id.endswith("SPELLER_RULE"))


# -- noise control ----------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}


class Names:
    """Which flagged words the story itself treats as names.

    LanguageTool's dictionaries miss most names in the news ("Ismail", "Haniyeh").
    A spelling match is dropped when its word is in `vocabulary.accept`, or is
    capitalised and either
      - stands inside a spaCy entity (only when another rule already parsed the
        document: LanguageTool never loads the model itself),
      - recurs capitalised in the story (a name is repeated; a typo rarely is), or
      - is joined by single spaces to such a word in a run of capitalised words
        ("Ismail" in "Ismail Haniyeh ... Haniyeh said").
    A capitalised word used once, on its own, is still reported.
    """

    def __init__(self, doc: Document, accepted: re.Pattern | None):
        self.doc = doc
        self.accepted = accepted

    @cached_property
    def words(self) -> list[re.Match]:
        return list(_WORD.finditer(self.doc.prose))

    @cached_property
    def starts(self) -> list[int]:
        return [m.start() for m in self.words]

    @cached_property
    def counts(self) -> Counter:
        return Counter(m.group() for m in self.words if m.group()[0].isupper())

    @cached_property
    def entities(self) -> list[tuple[int, int]]:
        parsed = nlp.cached(self.doc) or []
        return [(block.start + e.start_char, block.start + e.end_char)
                for block, sdoc in parsed for e in sdoc.ents if e.label_ in ENTITY_LABELS]

    def _accepted(self, word: str) -> bool:
        return bool(self.accepted and self.accepted.fullmatch(word))

    def _known(self, word: str) -> bool:
        return self.counts[word] >= 2 or self._accepted(word)

    def is_name(self, start: int, end: int) -> bool:
        word = self.doc.text[start:end]
        if self._accepted(word):
            return True
        if not word[:1].isupper():
            return False
        if any(s <= start and end <= e for s, e in self.entities):
            return True
        return self._known(word) or any(self._known(w) for w in self._run(start))

    def _run(self, start: int) -> list[str]:
        """The other capitalised words joined to the word at `start` by single spaces."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] != start:
            return []
        out, prose = [], self.doc.prose
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(self.words):
                a, b = sorted((self.words[j], self.words[j + step]), key=lambda m: m.start())
                nxt = self.words[j + step].group()
                if prose[a.end() : b.start()] != " " or not nxt[0].isupper():
                    break
                out.append(nxt)
                j += step
        return out
