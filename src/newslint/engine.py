"""Documents x rules -> findings: message filling, limits, vocabulary, ordering."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from newslint.checks.base import Check
from newslint.document.model import Document
from newslint.errors import BackendUnavailable, NewslintError
from newslint.finding import Finding, Match
from newslint.patterns import PatternTimedOut
from newslint.suppression import filter_suppressed

def fill_message(template: str, args: tuple[str, ...]) -> str:
    """Go's Sprintf as Vale uses it (each %s takes the next argument; %d, %q, %[2]s as Go prints
    them), on one line as Vale's FormatAlert makes it: see checks/_vale.py fill."""
    from newslint.checks._vale import fill

    return fill(template, args)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    # (backend, message): an optional backend (LanguageTool) failed and its checks were skipped.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def finding_for(doc: Document, check: Check, match: Match, severity: str | None = None) -> Finding:
    rule = check.rule
    text = doc.text[match.start : match.end]
    message = fill_message(match.message or rule.message or rule.name, match.args or (text,))
    line, col = doc.position(match.start)
    end_line, end_col = doc.position(match.end)
    fix = match.fix
    if fix is not None:
        fix = replace(fix, **dict(zip(("line", "col"), doc.position(fix.start))),
                      **dict(zip(("end_line", "end_col"), doc.position(fix.end))))
    return Finding(
        path=doc.path, line=line, col=col, end_line=end_line, end_col=end_col,
        rule=match.rule or rule.name, severity=severity or match.level or rule.level, message=message, match=text,
        suggestions=match.suggestions, fix=fix, offset=match.start, end_offset=match.end,
    )


# The keys that hold a rule's patterns, in the order a timed-out pattern's line is looked for.
PATTERN_KEYS = ("tokens", "raw", "swap", "pattern", "first", "second", "either", "exceptions")


def lint(doc: Document, checks: list[Check], levels: dict[str, str] | None = None, accepted: re.Pattern | None = None,
         phrases: re.Pattern | None = None) -> Result:
    """Run every check over one document. `levels` overrides a rule's severity by name.

    `accepted` exempts a match that is an accepted term; `phrases` (the multi-word
    accepted terms, Vale's buildPhraseRe) one that lies inside an occurrence of one.
    """
    result = Result()
    levels = levels or {}
    try:
        exempt = _exemption(doc, accepted, phrases)
    except PatternTimedOut as exc:
        result.errors.append(NewslintError(
            "vocabulary: an accepted term's pattern ran past its time limit (catastrophic backtracking?); "
            f"accepted terms were not applied: {exc.pattern[:80]}", doc.path))
        exempt = None
    if any(c.needs_nlp for c in checks):
        from newslint import nlp

        for c in checks:
            if c.needs_nlp:
                nlp.need(c.nlp_components)
    for check in checks:
        rule = check.rule
        try:
            matches = list(check.check(doc))
        except PatternTimedOut as exc:
            line = (exc.key and rule.line_of(exc.key)) or next(filter(None, (rule.line_of(k) for k in PATTERN_KEYS)), 1)
            where = f"{rule.path}:{line}"
            result.errors.append(NewslintError(
                f"rule {rule.name} ({where}) stopped: its pattern ran past its time limit "
                f"(catastrophic backtracking?): {exc.pattern[:80]}", doc.path))
            continue
        except BackendUnavailable as exc:
            result.warnings.append((exc.backend, str(exc)))
            continue
        if exempt is not None and rule.options.get("vocab", rule.extends == "spelling"):
            try:
                matches = [m for m in matches if not exempt(m)]
            except PatternTimedOut as exc:
                result.errors.append(NewslintError(
                    "vocabulary: an accepted term's pattern ran past its time limit (catastrophic "
                    f"backtracking?); accepted terms were not applied: {exc.pattern[:80]}", doc.path))
                exempt = None
        if rule.limit:
            matches = matches[: rule.limit]
        for m in matches:
            level = levels.get(m.rule) if m.rule else None  # `rules: {LanguageTool.X: off|level}`
            if level != "off":
                result.findings.append(finding_for(doc, check, m, level or levels.get(rule.name)))
    result.findings.sort(key=Finding.sort_key)
    result.findings = with_fingerprints(doc, filter_suppressed(doc, result.findings))
    return result


def _exemption(doc: Document, accepted, phrases):
    """A test for whether a match is accepted vocabulary, or None without any.

    The terms are the user's regular expressions, compiled by the config with `re`, which
    has no time limit: they run here through `regex` under the rules' budget (patterns.TIMEOUT),
    so `(a+)+$` in `vocabulary.accept` is one error, not a hang. A match lies inside an
    accepted phrase when the last phrase starting at or before it reaches past its end
    (phrases do not overlap: finditer's), found by bisection, so many matches stay linear.
    """
    import bisect

    from newslint import patterns

    if accepted is None and phrases is None:
        return None
    guarded = patterns.guarded(accepted) if accepted is not None else None
    spans = [(m.start(), m.end()) for m in patterns.finditer(patterns.guarded(phrases), doc.prose)] \
        if phrases is not None else []
    starts = [s for s, _ in spans]

    def exempt(m: Match) -> bool:
        if guarded is not None and patterns.fullmatch(guarded, doc.text[m.start : m.end]):
            return True
        i = bisect.bisect_right(starts, m.start) - 1
        return i >= 0 and m.end <= spans[i][1]

    return exempt


LONG_LINE = 4096  # characters; a longer line enters a fingerprint as its own digest (see below)


def with_fingerprints(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Give each finding a fingerprint that survives edits elsewhere in the file.

    It hashes the rule, the matched text and the whitespace-normalised line it sits
    on, plus how many identical (rule, match, line) findings came before it: shifted
    lines keep their fingerprint, a new occurrence of the same problem gets a new one.

    Linear however long the line: the hash state after (rule, match, line) is kept per
    key and copied for each occurrence, and a line over LONG_LINE characters enters as
    its SHA-256 (hashing a 200 KB line once per finding took minutes). Lines up to that
    length hash exactly as before, so baselines stay valid.
    """
    seen: Counter = Counter()
    out = []
    lines: dict[int, str] = {}  # each line normalised once: a long line with many findings stays linear
    states: dict[tuple[str, str, str], object] = {}
    for f in findings:
        if f.line not in lines:
            line = " ".join(doc.line_text(f.line).split())
            if len(line) > LONG_LINE:
                line = "sha256:" + hashlib.sha256(line.encode("utf-8")).hexdigest()
            lines[f.line] = line
        key = (f.rule, f.match, lines[f.line])
        seen[key] += 1
        if key not in states:
            states[key] = hashlib.sha256("\0".join((*key, "")).encode("utf-8"))
        h = states[key].copy()
        h.update(str(seen[key]).encode("utf-8"))
        out.append(replace(f, fingerprint=h.hexdigest()[:32]))
    return out


@dataclass(frozen=True)
class Selection:
    """Which findings a run keeps: rule/pack selection and a minimum severity."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None  # None: the config's
    nlp: bool = True  # False: skip every rule that needs spaCy

    def wants(self, check: Check) -> bool:
        if check.needs_nlp and not self.nlp:
            return False
        names = (check.rule.name, check.rule.pack)
        if self.select and not any(n in self.select for n in names):
            # `--select LanguageTool.X` runs the check; `keeps` then drops its other findings.
            prefix = check.rule.name + "."
            return check.dynamic_rules and any(s.startswith(prefix) for s in self.select)
        return not any(n in self.ignore for n in names)

    def keeps(self, rule: str) -> bool:
        """Per finding, for names a check makes up (`LanguageTool.X`); a no-op for the others,
        which `wants` already filtered."""
        names = (rule, rule.split(".", 1)[0])
        if self.select and not any(n in self.select for n in names):
            return False
        return not any(n in self.ignore for n in names)


def check_document(doc: Document, config, selection: Selection = Selection()) -> Result:
    """Lint one document with the rules its config enables, filtered by `selection`."""
    from newslint import patterns
    from newslint.finding import severity_rank

    patterns.TIMEOUT = config.regex_timeout
    path = doc.path if not doc.path.startswith("<") else None
    checks, levels = config.checks_for(path)
    if genre := config.genre_for(path):
        doc.genre = genre  # the newsroom's word for this file (front matter still wins: document/genre.py)
    checks = [c for c in checks if selection.wants(c)]
    result = lint(doc, checks, levels, config.accepted, getattr(config, "accepted_phrases", None))
    if doc.comments:
        result.warnings.extend(unknown_in_comments(doc, config))
    floor = severity_rank(selection.min_severity or config.min_severity)
    result.findings = [f for f in result.findings if severity_rank(f.severity) >= floor and selection.keeps(f.rule)]
    return result


def unknown_in_comments(doc: Document, config) -> list[tuple[str, str]]:
    """A warning for each name in a suppression comment that no loaded rule or pack has."""
    from newslint.known import Names
    from newslint.suppression import named

    known = Names.of(config.checks)
    return [("typo", known.message(name, f"{doc.path}:{line}: suppression comment"))
            for line, name in named(doc) if name not in known]


@dataclass(frozen=True)
class FixMode:
    unsafe: bool = False  # also apply unsafe fixes
    write: bool = True  # False: only compute the diff


@dataclass
class FileReport:
    doc: Document
    findings: list[Finding]
    errors: list[NewslintError]
    diff: str = ""
    fixes_applied: int = 0
    fixed: dict[str, int] = field(default_factory=dict)  # rule -> fixes applied (--show-fixes)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # see Result.warnings
    notes: list[str] = field(default_factory=list)  # said on stderr, not errors (a fix skipped, and why)


MAX_FIX_PASSES = 5  # a fix can reveal another (e.g. "the the the"); stop after a few rounds


def check_file(doc: Document, config, selection: Selection = Selection(), fix: FixMode | None = None) -> FileReport:
    """Lint one document; with `fix`, apply fixes (atomically), re-check and report what remains."""
    from newslint import fixing
    from newslint.document.reader import BOM, parse

    result = first = check_document(doc, config, selection)
    if fix is None:
        return FileReport(doc, result.findings, result.errors, warnings=result.warnings)
    original, current, applied = doc, doc, Counter()
    for _ in range(MAX_FIX_PASSES):
        chosen = fixing.choose(result.findings, fix.unsafe)
        if not chosen:
            break
        rule_of = {f.fix: f.rule for f in result.findings if f.fix is not None}
        applied.update(rule_of[x] for x in chosen)
        current = parse(doc.path, fixing.apply(current.text, chosen), doc.format, doc.bom)
        result = check_document(current, config, selection)
    report = FileReport(current, result.findings, result.errors, fixes_applied=sum(applied.values()),
                        fixed=dict(applied), warnings=result.warnings)
    if current.text != original.text:
        report.diff = fixing.diff(doc.path, original.text, current.text, doc.bom)
        if fix.write:
            expected = (BOM if doc.bom else b"") + original.text.encode("utf-8")  # what was read (decode is lossless)
            why = fixing.rewrite(doc.path, expected, current.text, doc.bom)
            if why is not None:  # left alone: report what the file still holds, and why
                return FileReport(original, first.findings, first.errors, warnings=first.warnings,
                                  notes=[f"warning: {why}"])
    return report
