"""`extends: sequence` — a run of words described by pattern and part-of-speech `tag` (Vale's semantics).

Each entry of `tokens` describes one word: `pattern` (a regex the whole word
must match), `tag` (a regex searched in its Penn Treebank tag, so `NN` also
takes `NNS`), `negate`, and `skip: n` (up to n words may come between it and
the next entry). The first non-negated entry with a pattern is the anchor;
the words left and right of each anchor must fit the other entries. Tags come
from the shared spaCy pipeline, run once per sentence.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from typing import Iterator

from newslint.checks._vale import message
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

TOKEN_KEYS = {"pattern", "tag", "negate", "skip"}
_TAGGED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # doc -> {(start, end): words}


@dataclass(frozen=True)
class Word:
    text: str
    tag: str
    start: int


@dataclass(frozen=True)
class Token:
    """One position of the expanded sequence: a `skip: n` entry becomes n optional fillers and itself."""

    pattern: str = ""
    tag: str = ""
    negate: bool = False
    skip: int = 0
    search: object = None  # the pattern, unanchored: finds anchor candidates in the sentence
    whole: object = None  # the pattern, anchored: tests one word
    tag_re: object = None
    optional: bool = False
    first: bool = False
    last: bool = False
    group: int = 0

    def matches(self, word: Word) -> bool:
        """Vale's tokensMatch."""
        failed_tag = (self.tag_re is None or self.tag_re.search(word.tag) is not None) == self.negate
        failed_tok = self.whole is not None and (self.whole.search(word.text) is not None) == self.negate
        if not self.pattern and failed_tag or not self.tag and failed_tok:
            return False
        return not (self.tag and self.pattern and (failed_tag or failed_tok))


class Sequence(Check):
    kind = "sequence"
    summary = "Flags a sequence of words matching patterns and part-of-speech tags."
    needs_nlp = True
    nlp_components = ("tagger",)  # fine-grained tags
    default_scope = ("sentence",)
    options = {
        "tokens": Option("list", required=True, doc="the words: {pattern, tag, negate, skip}"),
        "ignorecase": Option("bool", False),
    }

    def setup(self) -> None:
        flag = "(?i)" if self.opts["ignorecase"] else ""
        self.tokens: list[Token] = []
        for group, spec in enumerate(self.opts["tokens"], 1):
            base = self.token(spec, flag, group)
            for i in range(base.skip, 0, -1):
                self.tokens.append(replace(base, optional=True, first=i == base.skip))
            if base.pattern or base.tag:
                self.tokens.append(replace(base, last=True))
        self.anchor = next((i for i, t in enumerate(self.tokens) if t.pattern and not t.negate), None)
        if self.anchor is None:
            raise OptionError("tokens", "a sequence needs one token with a 'pattern' that is not negated (its anchor)")

    @staticmethod
    def token(spec, flag: str, group: int) -> Token:
        if not isinstance(spec, dict):
            raise OptionError("tokens", "each item of 'tokens' must be a mapping of pattern, tag, negate, skip")
        unknown = set(spec) - TOKEN_KEYS
        if unknown:
            raise OptionError("tokens", f"unknown key '{sorted(map(str, unknown))[0]}' in a sequence token")
        pattern, tag = spec.get("pattern") or "", spec.get("tag") or ""
        negate, skip = spec.get("negate", False), spec.get("skip", 0) or 0
        if not isinstance(pattern, str) or not isinstance(tag, str):
            raise OptionError("tokens", "a token's 'pattern' and 'tag' must be strings")
        if not isinstance(negate, bool):
            raise OptionError("tokens", "a token's 'negate' must be true or false")
        if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
            raise OptionError("tokens", "a token's 'skip' must be a non-negative integer")
        if not pattern and not tag and not skip:
            raise OptionError("tokens", "a token needs a 'pattern' or a 'tag'")
        return Token(
            pattern, tag, negate, skip, group=group,
            search=compile_pattern(flag + f"(?:{pattern})", "tokens") if pattern else None,
            whole=compile_pattern(flag + f"^(?:{pattern})$", "tokens") if pattern else None,
            tag_re=compile_pattern(tag, "tokens") if tag else None,
        )

    def parse_wanted(self, doc) -> frozenset[int]:
        return frozenset()  # it tags its own sentences (nlp.load()), never the shared parse

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        spans = scope.spans
        target = self.tokens[self.anchor]
        for sentence in doc.sentences:
            if not any(s.start <= sentence.start and sentence.end <= s.end for s in spans):
                continue
            tried: list[int] = []
            words = None
            for _ in finditer(target.search, scope.source, sentence.start, sentence.end):
                if words is None:
                    words = tagged(doc, scope.source, sentence.start, sentence.end)
                found = self.match_at(target, words, tried)
                if found is not None:
                    lo, hi, texts = found
                    yield Match(words[lo].start, words[hi].start + len(words[hi].text),
                                **message(self.rule.message, *texts))

    def match_at(self, target: Token, words: list[Word], tried: list[int]):
        """Vale's sequenceMatches: the next unused anchor word, checked leftwards then rightwards."""
        toks, idx = self.tokens, self.anchor
        for jdx, word in enumerate(words):
            if jdx in tried or not target.matches(word):
                continue
            tried.append(jdx)
            texts: list[str] = []
            lo = hi = jdx
            ti, wi = idx - 1, jdx - 1
            while ti >= 0:  # leftwards: the token list reads right to left, so skip windows flip
                if wi < 0:
                    if all(t.negate for t in toks[: ti + 1]):
                        break
                    return None
                tok = toks[ti]
                if tok.skip > 0:
                    tok = replace(tok, optional=(tok.optional or tok.last) and not tok.first)
                texts.insert(0, words[wi].text)
                lo = wi
                ti, wi = self.step(tok, words[wi], ti, wi, -1)
                if ti is None:
                    return None
            ti, wi = idx, jdx
            while ti < len(toks):  # rightwards, from the anchor itself
                if wi >= len(words):
                    if all(t.negate for t in toks[ti:]):
                        break
                    return None
                texts.append(words[wi].text)
                hi = wi
                ti, wi = self.step(toks[ti], words[wi], ti, wi, 1)
                if ti is None:
                    return None
            return lo, hi, texts
        return None

    def step(self, tok: Token, word: Word, ti: int, wi: int, way: int):
        """Advance one word: a required token must match; a matched optional one ends its skip window."""
        matched = tok.matches(word)
        if not matched and not tok.optional:
            return None, None
        if matched and tok.optional:
            while 0 <= ti < len(self.tokens) and self.tokens[ti].group == tok.group:
                ti += way
            return ti, wi + way
        return ti + way, wi + way


def tagged(doc, source: str, start: int, end: int) -> list[Word]:
    """The sentence's words with Penn Treebank tags, tagged once per document and sentence.

    Words are split as Vale's Treebank tokenizer splits them, which keeps a hyphenated word whole
    (`meet-ups`, one word a pattern can match); spaCy's tokenizer splits it in three, so those
    pieces are merged back before the tagger reads the sentence."""
    from newslint import nlp

    cache = _TAGGED.setdefault(doc, {})
    if (start, end) not in cache:
        pipeline = nlp.load()
        skip = [p for p in ("parser", "ner", "lemmatizer", "senter") if p in pipeline.pipe_names]
        with pipeline.select_pipes(disable=skip):
            parsed = pipeline.make_doc(source[start:end])
            with parsed.retokenize() as retokenizer:
                for span in _hyphenated(parsed):
                    retokenizer.merge(span)
            for _, component in pipeline.pipeline:
                parsed = component(parsed)
        cache[(start, end)] = [Word(t.text, t.tag_, start + t.idx) for t in parsed if not t.is_space]
    return cache[(start, end)]


def _hyphenated(parsed) -> list:
    """Spans of `word - word (- word ...)` written without spaces: one word to a Treebank tokenizer."""
    def wordlike(token) -> bool:
        return token.is_alpha or token.like_num

    spans, i, tokens = [], 0, list(parsed)
    while i < len(tokens):
        j = i
        while (j + 2 < len(tokens) and wordlike(tokens[j]) and tokens[j + 1].text == "-"
               and not tokens[j].whitespace_ and not tokens[j + 1].whitespace_ and wordlike(tokens[j + 2])):
            j += 2
        if j > i:
            spans.append(parsed[i : j + 1])
        i = j + 1
    return spans
