"""`extends: capitalization` — each scope block must be in `$title`, `$sentence`, `$lower`, `$upper` case
or match a pattern (Vale's semantics, with its title/sentence converters from jdkato's strcase).
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks._vale import exceptions_regex, is_match, message, strings
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Fix, Match
from newslint.patterns import Guarded, compile_pattern, compile_plain

SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor",
               "of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v."}
PREPOSITIONS = {"with", "from", "into", "during", "including", "until", "against", "among",
                "throughout", "despite", "towards", "upon", "concerning", "about", "over",
                "through", "before", "between", "after", "since", "without", "under",
                "within", "along", "following", "across", "beyond", "around", "down", "near", "above"}
SPLIT = regex_compile(r"[\p{N}\p{L}]+[^\s\-/]*")  # the title converter's words
WORD = r"[\p{N}\p{L}*]+[^\s]*"  # the checker's words ('*' is Vale's mask for code)
NUMBER_LIST = regex_compile(r"\d+\.")
SANITIZE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def char_at(s: str, i: int) -> str:
    """strutil.CharAt: s[i], or the first character when i is out of range."""
    return s[i] if 0 <= i < len(s) else s[:1]


def to_title(word: str, strict: bool) -> str:
    """strutil.ToTitle: first letter upper-cased; the rest lowered too when strict."""
    return word[:1].upper() + (word[1:].lower() if strict else word[1:])


def _separator(c: str) -> bool:
    """Go's isSeparator for strings.Title."""
    if c.isascii():
        return not (c.isalnum() or c == "_")
    return not c.isalnum() and c.isspace()


def go_title(word: str) -> str:
    """Go's strings.Title: upper-case each letter that follows a separator (so isn't -> Isn'T)."""
    out, prev = [], " "
    for c in word:
        out.append(c.upper() if _separator(prev) else c)
        prev = c
    return "".join(out)


def in_vocab(vocab: list[str], word: str) -> str:
    """strcase.inVocab: a term equal to the word (any case) gives the term; one matching it keeps the word."""
    for term in vocab:
        if term.casefold() == word.casefold():
            return term
        try:
            if Guarded(compile_plain(term), "exceptions").search(word):
                return word
        except regex.error:
            continue
    return ""


def scoped(term: str) -> str:
    """A (?i)/(?-i) term as a scoped group, so its flag ends with it."""
    for flag in ("(?i)", "(?-i)"):
        if term.startswith(flag):
            return flag[:-1] + ":" + term[len(flag):] + ")"
    return term


def strip_prefix(prefix: str, s: str) -> tuple[str, str]:
    """strcase's prefix handling: the first match of `prefix`, trimmed only if it starts the text."""
    if not prefix:
        return "", s
    found = Guarded(compile_plain(prefix), "prefix").search(s)
    if found is None:
        return "", s
    return found.group(), s[len(found.group()):] if s.startswith(found.group()) else s


class Capitalization(Check):
    kind = "capitalization"
    summary = "Flags text not in the required case ($title, $sentence, $lower, $upper or a pattern)."
    can_fix = True
    options = {
        "match": Option("str", required=True, doc="$title, $sentence, $lower, $upper, or a regex"),
        "style": Option("str", "AP", doc="AP or Chicago; only for $title"),
        "exceptions": Option("list", [], doc="terms whose case is left alone"),
        "indicators": Option("list", [], doc="suffixes (like ':') after which a word may be capitalized"),
        "threshold": Option("number", 0.8, doc="share of words that must conform (0 means 0.8)"),
        "prefix": Option("str", "", doc="a regex prefix (like 'a. ') ignored during conversion"),
        "vocab": Option("bool", True, doc="whether accepted vocabulary terms are exempt"),
    }

    def setup(self) -> None:
        o = self.opts
        if o["style"] not in ("AP", "Chicago"):
            raise OptionError("style", f"'style' must be AP or Chicago, not '{o['style']}'")
        if not 0 <= o["threshold"] <= 1:
            raise OptionError("threshold", "'threshold' must be between 0 and 1")
        self.threshold = o["threshold"] or 0.8  # 0 would disable the rule; Vale reads it as the default
        terms = strings(o["exceptions"], "exceptions")
        # The converters read the list longest first (strcase's UsingVocab sorts it: "Axon Server"
        # wins over "Axon"). With no vocabulary joining it (vale/config.py), Vale's updateExceptions
        # has already rewritten the rule's own list in place, each term (?-i) unless (?i), so the
        # converters keep each term's case too; with one, it rewrote a copy.
        self.vocab = sorted(terms, key=len, reverse=True)
        if not o.get("_vocabulary"):
            self.vocab = [t if t.startswith("(?i)") else "(?-i)" + t for t in self.vocab]
        self.indicators = strings(o["indicators"], "indicators")
        self.exceptions = exceptions_regex(terms)
        if o["prefix"]:
            compile_pattern(o["prefix"], "prefix")
        for term in self.vocab:
            compile_pattern(term, "exceptions")
        words = (self.exceptions.pattern + "|" if self.exceptions is not None else "") + WORD
        self.words = compile_pattern(words, "exceptions")
        self.custom = None
        if o["match"] not in ("$title", "$sentence", "$lower", "$upper"):
            self.custom = compile_pattern(o["match"], "match")
        self.needs_nlp = o["match"] == "$title" and o["style"] == "AP"  # AP's "to" reads the next word's tag

    # -- the four styles -------------------------------------------------
    def verdict(self, s: str) -> tuple[str, bool]:
        """(the expected text, whether `s` passes), as Vale's Check function returns them."""
        match = self.opts["match"]
        if match == "$lower":
            return s.lower(), s == s.lower() or is_match(self.exceptions, s)
        if match == "$upper":
            return s.upper(), s == s.upper() or is_match(self.exceptions, s)
        if self.custom is not None:
            return match, self.custom.search(s) is not None or is_match(self.exceptions, s)
        expected = self.title_case(s) if match == "$title" else self.sentence_case(s)
        want = self.words.findall(expected)
        count = words = 0
        for i, word in enumerate(self.words.findall(s)):
            if i >= len(want) or word == want[i] or is_match(self.exceptions, word):
                count += 1
            elif match == "$title" and word == word.upper():
                count += 1
            elif match == "$sentence" and i == 0 and word != go_title(word.lower()):
                return expected, False
            words += 1
        # Vale divides 0 by 0 here and so flags a block without words; nothing there can be mis-cased.
        return expected, words == 0 or count / words >= self.threshold

    def title_case(self, s: str) -> str:
        """strcase.TitleConverter.Convert (AP or Chicago)."""
        prefix, s = strip_prefix(self.opts["prefix"], s)
        t = s.translate(SANITIZE).replace("\u2026", "...")
        end, state = len(t), {"idx": 0, "widx": -1}
        tags = self.tags(s) if self.needs_nlp and regex.search(r"(?i)\bto\b", s) else []

        def convert(m: regex.Match) -> str:
            word = m.group()
            state["widx"] += 1
            low = word.lower()
            pos = t.find(word, state["idx"])
            pos = state["idx"] - 1 if pos < 0 else pos  # Go: strings.Index gives -1
            prev, ext = char_at(t, pos - 1), len(word)
            state["idx"] = pos + ext
            found = in_vocab(self.vocab, word)
            if found:
                return found
            if (self.ignore(low, tags, state["widx"], pos == 0 or state["idx"] == end)
                    and prev in (" ", "-", "/") and char_at(t, pos - 2) not in (":", "-")
                    and (char_at(t, pos + ext) != "-" or char_at(t, pos - 1) == "-")):
                return low
            return to_title(word, False)

        return prefix + SPLIT.sub(convert, s)

    def ignore(self, word: str, tags: list[str], idx: int, bounding: bool) -> bool:
        """Whether a word stays lower-case: AP's small words (and 'to' before a noun) or Chicago's."""
        if self.opts["style"] == "Chicago":
            return not bounding and (word in SMALL_WORDS or word in PREPOSITIONS)
        if word == "to" and idx + 1 < len(tags):
            return tags[idx + 1].startswith("NN")
        return not bounding and word in SMALL_WORDS

    @staticmethod
    def tags(s: str) -> list[str]:
        from newslint import nlp

        text = s if s.endswith((".", "!", "?")) else s + "."  # the tagger wants a finished sentence
        return [t.tag_ for t in nlp.load()(text) if not t.is_space]

    def sentence_case(self, s: str) -> str:
        """strcase.SentenceConverter.Convert with Vale's indicator (the rule's suffixes, or '1.' first)."""
        prefix, s = strip_prefix(self.opts["prefix"], s)
        pattern = WORD
        if self.vocab:
            # regexp2 reads a (?-i) inside the group to the group's end; scoped here to the term.
            pattern = r"\b(?:" + "|".join(map(scoped, self.vocab)) + r")\b|" + pattern
        tokens = compile_pattern("(?i)" + pattern, "exceptions").findall(s)
        made = []
        for i, token in enumerate(tokens):
            found = in_vocab(self.vocab, token)
            if found:
                made.append(found)
            elif i == 0 or self.indicator(tokens[i - 1], i - 1):
                made.append(to_title(token, True))
            else:
                made.append(token.lower())
        return prefix + " ".join(made)

    def indicator(self, word: str, idx: int) -> bool:
        if any(len(word) > len(x) and word.endswith(x) for x in self.indicators):
            return True
        return idx == 0 and NUMBER_LIST.search(word) is not None

    # -- running ---------------------------------------------------------
    def parse_wanted(self, doc) -> frozenset[int]:
        return frozenset()  # it tags its own sentences (nlp.load()), never the shared parse

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        for span in scope.spans:
            text = masked(doc, scope.source, span.start, span.end)
            lead = len(text) - len(text.lstrip())
            start, end = span.start + lead, span.start + len(text.rstrip())
            if start >= end:
                continue
            s = text[lead:lead + end - start]
            expected, ok = self.verdict(s)
            if ok:
                continue
            converts = self.custom is None
            fix = None
            # Only rewrite what was read verbatim: a masked code span must not become asterisks.
            if converts and self.fix_safe is not None and doc.text[start:end] == s:
                fix = Fix(start, end, expected, self.fix_safe)
            yield Match(start, end, suggestions=(expected,) if converts else (), fix=fix,
                        **message(self.rule.message, doc.text[start:end], expected))


def masked(doc, source: str, start: int, end: int) -> str:
    """The block as Vale reads it: inline code (blanked in prose) becomes '*' runs, as Vale masks it."""
    text = source[start:end]
    if source is doc.text or "`" not in doc.text[start:end]:
        return text
    out = list(text)
    for m in regex.finditer(r"`+[^`]*`+", doc.text[start:end]):
        for i in range(m.start(), m.end()):
            if out[i] == " " and not doc.text[start + i].isspace():
                out[i] = "*"
    return "".join(out)
