"""What every check kind shares: declared options, the Rule record, the Check interface.

A check kind is one module in `newslint.checks` defining a `Check` subclass with
`kind` (the `extends:` value), `options` (its own keys, declared so that a typo
in a rule is an error) and `check(doc)`, a generator of `Match`es. A check never
reads files, counts lines or prints: the document owns positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from newslint.finding import Match

if TYPE_CHECKING:
    from newslint.document.model import Document


class OptionError(Exception):
    """A bad value for one key of a rule; the loader adds the file and line."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True)
class Option:
    """A declared rule key. `type` is one of: str, bool, int, number, list, dict, str|list, any."""

    type: str
    default: Any = None
    required: bool = False
    doc: str = ""


def _type_ok(value: Any, type_: str) -> bool:
    if type_ == "any":
        return True
    for t in type_.split("|"):
        if t == "str" and isinstance(value, str):
            return True
        if t == "bool" and isinstance(value, bool):
            return True
        if t == "int" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if t == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if t == "list" and isinstance(value, list):
            return True
        if t == "dict" and isinstance(value, dict):
            return True
    return False


def check_type(key: str, value: Any, option: Option) -> Any:
    if not _type_ok(value, option.type):
        shown = {"str": "a string", "bool": "true or false", "int": "an integer", "number": "a number",
                 "list": "a list", "dict": "a mapping", "str|list": "a string or a list", "any": "a value"}
        raise OptionError(key, f"'{key}' must be {shown.get(option.type, option.type)}, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class Rule:
    """A validated rule: the common keys plus the kind's own `options`."""

    name: str  # Pack.FileName
    path: str
    extends: str
    message: str
    level: str
    scope: tuple[str, ...]
    options: dict[str, Any]
    description: str = ""
    link: str = ""
    limit: int = 0
    fix: str | None = None  # "safe" | "unsafe" | None
    action: dict | None = None
    examples: dict | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> line in the YAML

    @property
    def pack(self) -> str:
        return self.name.split(".", 1)[0]

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


class Check:
    """Base of every check kind. Subclasses set `kind`, `options` and implement `check`."""

    kind: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    default_scope: ClassVar[tuple[str, ...]] = ("text",)
    needs_nlp: ClassVar[bool] = False  # True when the kind needs the spaCy pipeline
    # The spaCy components the kind reads (e.g. ("tagger", "parser") or ("ner",)); components no
    # enabled rule reads are not loaded (nlp.excluded). Empty: all of them.
    nlp_components: ClassVar[tuple[str, ...]] = ()
    can_fix: ClassVar[bool] = False  # whether `fix: safe|unsafe` is meaningful for this kind
    summary: ClassVar[str] = ""
    # True when findings carry their own names `<rule.name>.<ID>` (Match.rule), as LanguageTool's do:
    # selection, `rules:` overrides and suppression then also accept those names.
    dynamic_rules: ClassVar[bool] = False

    def __init__(self, rule: Rule):
        self.rule = rule
        self.opts = rule.options
        self.setup()

    def setup(self) -> None:
        """Validate and compile options; raise OptionError(key, why) for a bad value.

        The shipped packs are kept pickled after setup (rulestore.py), and unpickling does not run
        it: what setup puts outside the check (a shared registry) is put there again by the kind's
        __setstate__ (_prefilter.Registers: existence, substitution)."""

    def check(self, doc: "Document") -> Iterator[Match]:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse_wanted(self, doc: "Document") -> "frozenset[int] | None":
        """The prose blocks (indexes into `nlp.blocks(doc)`) that could hold a finding of this check,
        judged from the words alone, so that only they are parsed; None: all of them.

        A kind that reads the shared parse (`nlp.for_check`) narrows this to save the parse; it must
        never leave out a block where parsing everything would find something (tests/test_gating.py
        holds every kind to that on the corpus). A kind that parses its own text returns frozenset().
        """
        return None

    # Helpers shared by kinds.
    def scope(self, doc: "Document"):
        return doc.scope(self.rule.scope)

    @property
    def fix_safe(self) -> bool | None:
        """None when the rule asks for no fix, else whether its fix is safe."""
        return None if self.rule.fix is None else self.rule.fix == "safe"
