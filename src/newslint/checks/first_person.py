"""`extends: first-person` — the reporter saying "I" in a news story.

A news story reports; first person belongs inside quotation marks. "I told him
I was planning to finish it." in the reporter's own words is a quote whose
marks were lost, a pasted note, or a draft's aside. One finding per sentence,
on its first first-person word.

Where it looks: the rule's scope (paragraphs and lists by default; titles and
headings are skipped because headlines quote without marks: "Obama: I will
not run"). Text inside a quotation is skipped — the document's `quotes`, where
a quotation left open runs to the end of its paragraph, so a quote spanning
paragraphs (each paragraph opening with a fresh mark) is quiet. A paragraph
that opens with a speaker label ("Smith: I think ...", "Q:", "A:") is a
transcript and is skipped.

"I" is also a Roman numeral: after a capitalised word inside a sentence
("Elizabeth I", "World War I"), after words that take numerals ("Phase I",
"Type I"), before "-" or "." ("I-95", "I. M. Pei") or joined by "/" to a
word ("the I/ITSEC conference") it is not a pronoun.

Options: `words` (the first-person forms, matched as whole words; default the
singular forms), `plural` (also we/us/our/ours/ourselves: off by default, since
an editorial "we" is the newspaper's voice in a leader, and in reported copy
"we" outside quotes is as often the paraphrase of a group as a slip).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterator

import regex

from newslint.checks._datalists import resolve
from newslint.checks._lone_plural import asks, everybody_in, everybody_near, general_we, last_occasion, of_this_story
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.document.genre import declared, first_person_by_design, speaker_label
from newslint.document.sentences import opens_sentence
from newslint.finding import Match

# "i'm" in lower case is a chat's or a note's first person ("i'm not sure this para is needed"); a lone "i" is
# too often a list's numeral ("(i)") to count.
SINGULAR = ["I", "I'm", "I've", "I'd", "I'll", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"]
PLURAL = ["we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"]

# Words after which "I" is a numeral: "World War I", "Phase I", "Type I".
_NUMERAL_TAKERS = frozenset(
    """war phase type part class stage grade chapter title article level category schedule section
    division league act book volume appendix annex round series model mark tier world""".split()
)
# Capitalised words that open a sentence and leave a following "I" a pronoun ("Then I left").
_OPENERS = frozenset(
    """then when if as and but so now today yesterday here there later since because while after before
    once although though until where why how what perhaps maybe also still yet soon first finally
    sometimes often never do did can could would should will have had""".split()
)
_WORD_BEFORE = regex_compile(r"([^\W\d_]+)[ \t\u00a0]+\Z")
_INITIAL_AFTER = regex_compile(r"\.[ \t]+[A-Z]")
_INITIAL_BEFORE = regex_compile(r"[A-Z][\w.]*[ \t]+\Z")
_CAPITALISED_NEXT = regex_compile(r"[ \t]+[A-Z]")
_NOT_PRONOUN_AFTER = regex_compile(r"[-/]\w|\.\s?[A-Z]\.|\.[A-Z]|\s+(?:and|or|to|through|&)\s+(?:II|III|IV|V)\b|[>)]|\.,")
# "R.I.", "N.I.": a dotted abbreviation ending in I; "<I>": a ticker code.
_NOT_PRONOUN_BEFORE = regex_compile(r"(?:[A-Z]\.|[<(])\Z")
# "I Am Malala", "I Know Why ...": after the pronoun a verb in capitals, as only a title writes it.
_TITLE_AFTER_I = regex_compile(r"[ \t]+(?:Am|Was|Have|Had|Will|Would|Can|Could|Do|Did|Know|Knew|Love|Want|Need|Think|"
                               r"Feel|See|Saw|Remember|Believe|Still|Shot|Fought|Walked|Dreamed|Dream|Got|Say|Said|"
                               r"Hate|Like|Kissed|Heard|Fall|Fell|Wish|Wanna|Just|Never|Only|May|Might|Must)\b")
# "I. Garcia": an initial before a surname (a sentence would go on with a function word: "I. The").
# "I P Sharp Associates": initials without full stops.
_INITIALS_AFTER = regex_compile(r"[ \t]+[A-Z](?:\.|[ \t]+[A-Z])")
_INITIAL_SURNAME = regex_compile(r"\.[ \t]+(?!(?:The|A|An|He|She|It|We|They|But|And|This|That|In|On|At|I|My|So|Then|There)\b)[A-Z][a-z]")


class FirstPerson(Check):
    kind = "first-person"
    summary = "Flags first-person narrative ('I told him ...') outside quotations."
    default_scope = ("paragraph", "list")
    options = {
        "words": Option("list", SINGULAR, doc="first-person forms flagged (whole words; I, I'm, me, my, ...)"),
        "plural": Option("bool", False, doc="also flag every we, us, our, ours, ourselves"),
        "reporting_verbs": Option("str", "", doc="forms of the verbs of a reporter's work (relative to the rule): "
                                  "a 'we' or 'us' doing them is the newsroom's voice"),
        "max_plural_sentences": Option("int", 2, doc="more sentences than this with we/us/our outside quotations "
                                       "make a plural voice, not a slip"),
        "lone_plural": Option("bool", False, doc="flag we/us/our in the one sentence of a story that says it "
                              "outside quotations, unless the sentence attributes it (reported speech)"),
        "newsroom_nouns": Option("list", [], doc="nouns of a newsroom's people and work: 'our' before one "
                                 "('our correspondent', 'our questions') is the newsroom's voice"),
        "local_nouns": Option("list", [], doc="a local paper's place and people: 'our' before one ('our city', "
                              "'our county') is the newsroom speaking as its community"),
    }

    def setup(self) -> None:
        words = self.opts["words"]
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise OptionError("words", "'words' must be a list of non-empty strings")
        forms = list(words) + (PLURAL if self.opts["plural"] else [])
        alternation = []
        for w in sorted(set(forms), key=lambda w: (-len(w), w)):  # one order every run: the pattern is a cache key
            body = "".join("['’]" if c in "'’" else regex.escape(c) for c in w)
            # "I" keeps its case; other forms start lower or upper case (sentence start).
            if w[0].islower():
                body = f"[{w[0]}{w[0].upper()}]" + body[1:]
            alternation.append(body)
        self.pattern = regex_compile(r"(?<![\w'’.@-])(?:" + "|".join(alternation) + r")(?![\w-])")
        for key in ("newsroom_nouns", "local_nouns"):
            if not all(isinstance(n, str) and n.strip() for n in self.opts[key]):
                raise OptionError(key, f"'{key}' must be a list of words")
        self.newsroom_nouns = frozenset(n.strip().lower() for n in self.opts["newsroom_nouns"])
        self.our_nouns = self.newsroom_nouns | {n.strip().lower() for n in self.opts["local_nouns"]}
        self.reporting: frozenset[str] = frozenset()
        if self.opts["reporting_verbs"] and not self.opts["plural"]:
            path = resolve(self.rule.path, self.opts["reporting_verbs"])
            try:
                self.reporting = _load_forms(path, path.stat().st_mtime)
            except OSError as exc:
                raise OptionError("reporting_verbs", f"'reporting_verbs': cannot read {self.opts['reporting_verbs']}: "
                                  f"{exc.strerror or exc}") from None

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        flagged_sentence = -1
        sentences = doc.sentences
        si = 0
        if first_person_by_design(doc):
            if declared(doc) is None:  # told from the voice, not declared: the newsroom named as such still slips
                yield from self._masthead_slips(doc, scope)
            return  # a column, a review, an interview: first person is the genre, not a slip
        newsroom = bool(self.reporting) and self._plural_is_isolated(doc, scope)
        lone = (self.opts["lone_plural"] and bool(self.reporting) and self._plural_is_isolated(doc, scope, 1)
                and not _addresses_reader(doc, scope))
        starts = [s.start for s in sentences]
        by_sentence: dict[int, _Attributions] = {}

        def attributed(at: int) -> bool:
            """Someone else's attribution closes the words holding the newsroom's pronoun at `at`."""
            i = bisect.bisect_right(starts, at) - 1
            if i < 0:
                return False
            if i not in by_sentence:
                by_sentence[i] = _Attributions(text, sentences[i].start, sentences[i].end)
            return by_sentence[i].report(at, before=False)

        for span in scope.spans:
            if speaker_label(text, span.start, span.end):
                continue
            found = [m.span() for m in self.pattern.finditer(text, span.start, span.end)
                     if self._pronoun(text, m, span.start) and not _gloss(text, m.start(), span.start)]
            if _ANY_PLURAL_WORD.search(text, span.start, span.end):
                if newsroom:
                    found += [f for f in self._newsroom_plural(text, span) if not attributed(f[0])]
                if lone:
                    found += self._lone_plural(text, span, sentences, starts)
                else:
                    # The newsroom named as one is a slip in any third-person story, as in a blog's (below): a lede
                    # that talks to the reader, or a plural voice elsewhere, leaves "none of us in the press box" a slip.
                    found += [f for f in _masthead_hits(text, span) if f not in found and not attributed(f[0])]
            for start, end in sorted(found):
                if doc.maybe_in_quote(start, end):
                    continue
                while si < len(sentences) and sentences[si].end <= start:
                    si += 1
                if si == flagged_sentence:
                    continue  # one finding per sentence
                flagged_sentence = si
                yield Match(start, end)

    def _masthead_slips(self, doc, scope) -> Iterator[Match]:
        """In a story whose voice says "we" and "you" (a blog's, a how-to's), only the newsroom named as one is a slip:
        "our correspondent", "our sister paper", "none of us in the press box". A blog says "we" for its team and
        "we at the Patent Office" for its agency; it has no reporters in a press box. One finding per sentence, outside
        quotations, and not where someone else's attribution closes the words."""
        text, sentences = scope.source, doc.sentences
        starts = [s.start for s in sentences]
        seen: set[int] = set()
        for span in scope.spans:
            if not _ANY_PLURAL_WORD.search(text, span.start, span.end):
                continue
            for start, end in _masthead_hits(text, span):
                i = bisect.bisect_right(starts, start) - 1
                if i in seen or doc.maybe_in_quote(start, end):
                    continue
                if i >= 0 and _Attributions(text, sentences[i].start, sentences[i].end).report(start, before=False):
                    continue
                seen.add(i)
                yield Match(start, end)

    def _lone_plural(self, text: str, span, sentences, starts) -> list[tuple[int, int]]:
        """Every we/us/our in the one sentence of a third-person story that says one, unless it is people in
        general or reported speech (see `_lone_plural`'s module)."""
        found = []
        # What a whole sentence says (a question? an attribution?) is asked once per sentence, not once
        # per pronoun in it: a long sentence of pronouns was quadratic.
        asked: dict[tuple[int, int], bool] = {}  # a question or an exclamation
        sayings: dict[tuple[int, int], _Attributions] = {}  # someone else's verbs of saying
        sentence_says: dict[tuple[int, int], bool] = {}
        story_tied: dict[tuple[int, int], bool] = {}
        occasions: dict[tuple[int, int], int] = {}  # where the sentence's last named occasion starts
        openings: dict[tuple[int, int], frozenset[int]] = {}  # where a statement's "we" may stand in the sentence
        for m in _PLURAL_ANY.finditer(text, span.start, span.end):
            if not self._pronoun(text, m, span.start):
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            s_start, s_end = max(sentences[i].start, span.start), min(sentences[i].end, span.end)
            word = m.group().lower()
            word = "us" if word == "ourselves" else word[:2]  # an object like "us" ("addressed to ourselves"), no possessive
            if (s_start, s_end) not in asked:
                asked[s_start, s_end] = asks(text, s_start, s_end)
                sayings[s_start, s_end] = _Attributions(text, s_start, s_end)
            if asked[s_start, s_end] or sayings[s_start, s_end].report(m.start()):
                continue  # "We at the Royal Free are proud, the chief executive said"
            if word in ("we", "us") and _NAMED_NEWSROOM.match(text, m.end(), s_end):
                found.append(m.span())  # "We at the Gazette have long argued", "none of us in the press box"
                continue
            if word == "ou":
                # "our minds", "our planet", "Ours is an age of rolling news": only the newsroom's own work or
                # masthead says it is the newsroom's: "Ours was the only outlet ...", "Our partners contributed
                # to this report".
                if _CREDITED.search(text, s_start, s_end) or (m.group().lower() == "ours" and _MASTHEAD_NOUN.search(text, m.end(), s_end)):
                    found.append(m.span())
                continue
            if (s_start, s_end) not in sentence_says:
                sentence_says[s_start, s_end] = everybody_in(text, s_start, s_end)
            if sentence_says[s_start, s_end] or everybody_near(text, s_start, s_end, m.start()):
                continue
            if word == "le" and text[max(s_start, m.start() - 3) : m.start()].rstrip().endswith(":"):
                continue  # "Its message was simple: let's get Brexit done": a slogan, its marks lost
            if word == "we":
                if (s_start, s_end) not in story_tied:
                    story_tied[s_start, s_end] = of_this_story(text, s_start, s_end)
                    occasions[s_start, s_end] = last_occasion(text, s_start, s_end)
                if not story_tied[s_start, s_end] and general_we(text, m.start(), s_end, self.reporting,
                                                                 occasions[s_start, s_end]):
                    if (s_start, s_end) not in openings:
                        openings[s_start, s_end] = statement_openings(text, s_start, s_end)
                    if not _lost_marks(text, span.start, s_start, m.start(), s_end, openings[s_start, s_end]):
                        continue
            found.append(m.span())
        return found

    def _plural_is_isolated(self, doc, scope, limit: int | None = None) -> bool:
        """A "we" or two in third-person copy may be a slip; more sentences make a plural voice
        (a blog's "we", an essay's "we" for people in general, an editorial)."""
        text, limit = scope.source, self.opts["max_plural_sentences"] if limit is None else limit
        starts = [s.start for s in doc.sentences]
        seen: set[int] = set()
        for span in scope.spans:
            for m in _PLURAL_ANY.finditer(text, span.start, span.end):
                if not doc.maybe_in_quote(m.start(), m.end()):
                    seen.add(bisect.bisect_right(starts, m.start()))
                    if len(seen) > limit:
                        return False
        return True

    def _newsroom_plural(self, text: str, span) -> list[tuple[int, int]]:
        """"we contacted", "we have not been able to verify", "told us", "wrote to us": the
        newsroom doing a reporter's work. Not "that we" (reported speech: "warns that we face"),
        nor "all of us", "we all" (people in general)."""
        found = []
        for m in _WE_THEN.finditer(text, span.start, span.end):
            if m.group("verb").lower() in self.reporting and not _THAT_BEFORE.search(text, max(span.start, m.start() - 6), m.start()):
                found.append((m.start("we"), m.end("we")))
        for m in _VERB_US.finditer(text, span.start, span.end):
            # A verb opening the sentence is an invitation ("Email us"), unless it is a participle ("Asked by us",
            # "Speaking to us").
            verb = m.group("verb").lower()
            if (verb in self.reporting and not _ALL_AFTER.match(text, m.end())
                    and not _IMPERATIVE.search(text, max(span.start, m.start() - 8), m.start())
                    and (m.group("prep") == "by" or verb.endswith(("ing", "ed"))
                         or not opens_sentence(text, m.start(), span.start, ".!?…:;"))):
                found.append((m.start("us"), m.end("us")))
        # "were shared with us", "was sent to us", "seen by us": material handed to the newsroom, or its work.
        found += [(m.start("us"), m.end("us")) for m in _HANDED_TO_US.finditer(text, span.start, span.end)
                  if not _ALL_AFTER.match(text, m.end())]
        found += [(m.start("us"), m.end("us")) for m in _DONE_BY_US.finditer(text, span.start, span.end)
                  if not _ALL_AFTER.match(text, m.end())]
        if self.our_nouns:
            for m in _OUR_NOUN.finditer(text, span.start, span.end):
                if m.group("noun").islower() and (m.group("noun") in self.our_nouns or (m.group("mod") or "") in self.our_nouns):
                    found.append((m.start("our"), m.end("our")))
        if self.newsroom_nouns:
            # "We are keeping the identity of the source confidential": "we" at work on the newsroom's sources,
            # its reporters, its questions, in the same clause.
            for m in _WE_CLAUSE.finditer(text, span.start, span.end):
                if m.group("we") == "We" and not _sentence_start(text, m.start(), span.start):
                    continue  # "The First Thing We Look At": a title
                words = [w.lower() for w in regex.findall(r"[A-Za-z]+", m.group("rest"))]
                # Someone else's ("We look forward to your thoughts") is not the newsroom's.
                if any(w in self.newsroom_nouns and (i == 0 or words[i - 1] not in _OTHERS) for i, w in enumerate(words)):
                    found.append((m.start("we"), m.end("we")))
        return [f for f in found if not _GENERIC.search(text, max(span.start, f[0] - 12), min(span.end, f[1] + 5))]

    def _pronoun(self, text: str, m, start: int) -> bool:
        word = m.group()
        if word.lower() == "mine":
            # Only the possessive: after a copula or "of", before a mark ("the photograph is mine.", "a friend of
            # mine,"); "the mine is", "a mine shaft", "of mine safety" are the noun.
            return (_MINE_BEFORE.search(text, max(start, m.start() - 8), m.start()) is not None
                    and _MINE_AFTER.match(text, m.end()) is not None)
        if not word.startswith("I"):
            if word.isupper() and len(word) > 1:
                return False  # "MY", "US": an acronym or shouting, not a pronoun
            # "My Fair Lady", "Us Weekly": a capitalised form inside a sentence is a title.
            if word[0].islower():
                return True
            # Sentence-initial "My Fair Lady ..." is a title too.
            return _sentence_start(text, m.start(), start) and not _CAPITALISED_NEXT.match(text, m.end())
        if word != "I":
            return True  # I'm, I've, I'd, I'll
        if _TITLE_AFTER_I.match(text, m.end()):
            return False  # "I Am Malala", "I Know Why the Caged Bird Sings": a title's capitals
        if _NOT_PRONOUN_AFTER.match(text, m.end()) or _NOT_PRONOUN_BEFORE.search(text, max(start, m.start() - 2), m.start()):
            return False  # "I-95", "I.M. Pei", "I. M. Pei", "I and II", "R.I.,", "<I>", "I)"
        if _INITIAL_SURNAME.match(text, m.end()) or _INITIALS_AFTER.match(text, m.end()):
            return False  # "I. Garcia", "I P Sharp"
        if _INITIAL_AFTER.match(text, m.end()) and _INITIAL_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            return False  # "Wayne A. I. Frederick": an initial
        prev = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
        if prev is None:
            return True  # first word of the block, or after punctuation ("Smith, I think")
        prev_word = prev.group(1)
        if prev_word.lower() in _NUMERAL_TAKERS:
            return False
        if prev_word[0].islower():
            return True
        if _sentence_start(text, prev.start(1), start):
            return prev_word.lower() in _OPENERS  # "Then I left", but "Elizabeth I was crowned"
        return False  # a capitalised word inside a sentence: "Pope Pius I", "Apollo I"


def _sentence_start(text: str, i: int, start: int) -> bool:
    """A semicolon counts as a stop here: "...; I said" opens a clause of its own."""
    return opens_sentence(text, i, start, ".!?…:;")


# What every pattern of the plural's passes starts from, at a word's edges: a block without one is passed over
# (most blocks; the passes' five patterns were a third of a --no-nlp check's time for this rule).
_ANY_PLURAL_WORD = regex_compile(r"\b(?:[Ww]e|[Uu]s|[Oo]ur(?:s|selves)?|[Ll]et['’]s)\b")
_PLURAL_ANY = regex_compile(r"(?<![\w'’.@-])(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Uu]s|[Oo]urs?|[Oo]urselves|[Ll]et['’]s)(?![\w'’-])")
# "we" then up to three auxiliaries, negations or adverbs, then the verb: "we have not been able to verify".
_WE_THEN = regex_compile(
    r"(?<![\w'’.@-])(?P<we>[Ww]e)(?:['’](?:ve|d|ll))?(?:[ \t]+(?:have|has|had|were|was|are|will|would|could|can|did|do|"
    r"also|first|then|not|never|been|unable|able|to|tried|still|recently|again|already|repeatedly|independently|"
    r"n[o']t|cannot|couldn['’]t|didn['’]t|haven['’]t|weren['’]t|wouldn['’]t))"
    r"{0,5}[ \t]+(?P<verb>[a-z-]+)\b")
# The verb, then "us" (optionally after to/with/by/for): "told us", "wrote to us", "asked by us".
_VERB_US = regex_compile(r"\b(?P<verb>[A-Za-z-]+)[ \t]+(?:(?P<prep>to|with|by|for)[ \t]+)?(?P<us>us)\b(?![.\w])")
# A form of "be", a participle, then to/with us: "were shared with us", "was sent to us".
_HANDED_TO_US = regex_compile(r"\b(?:was|were|been|being|is|are)[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ed|en|wn|nt)[ \t]+"
                              r"(?:to|with)[ \t]+(?P<us>us)\b(?![.\w])")
# A participle, then "by us": "seen by us", "obtained by us" (not "loved by us all").
_DONE_BY_US = regex_compile(r"\b(?:[a-z]+(?:ed|en|wn)|seen|done|made|put|read|heard|found|told|shown)[ \t]+by[ \t]+(?P<us>us)\b(?![.\w])")
# "we" as a subject and the rest of its clause (up to a comma, semicolon, dash or stop).
_WE_CLAUSE = regex_compile(r"(?<![\w'’.@-])(?P<we>[Ww]e)(?:['’](?:re|ve|d|ll))?[ \t]+"
                           r"(?P<rest>(?:(?![ \t]-[ \t])[^,;:.!?“”\"()\[\]\n—–]){1,80})")
# "our" before a noun, with at most one word between: "our correspondent", "our repeated requests".
_OUR_NOUN = regex_compile(r"(?<![\w'’.@-])(?P<our>[Oo]ur)(?:[ \t]+(?P<mod>[a-z][\w-]*))?[ \t]+(?P<noun>[A-Za-z]+)\b")
# A story's credit line: "... contributed (reporting) to this report/story/article".
_CREDITED = regex_compile(r"\bcontributed[ \t]+(?:reporting[ \t]+)?to[ \t]+this[ \t]+(?:report|story|article)\b", regex.I)
# What "Ours" names when it is a newsroom: a masthead's noun ("Ours was the only outlet allowed in").
_MASTHEAD_NOUN = regex_compile(r"\b(?:outlet|newspaper|paper|publication|station|channel|network|newsroom|reporters?|"
                               r"correspondents?|crew|camera)\b", regex.I)
# The newsroom's own people and titles after "our": "our correspondent", "our sister paper" (not "our sister agency").
_MASTHEAD_OUR = regex_compile(r"(?<![\w'’.@-])(?P<our>[Oo]ur)[ \t]+(?:(?:own|staff|senior|political|foreign|local|chief|"
                              r"photo|sports|special)[ \t]+)?(?:reporters?|correspondents?|journalists?|newsroom|"
                              r"photographers?|columnists?|sister[ \t]+(?:paper|newspaper|station|site|publication|title|"
                              r"channel))\b")
# The newsroom's place: "those of us in the press box", "we in the newsroom".
_PRESS_PLACE_RE = r"[ \t]+(?:at|in|from)[ \t]+the[ \t]+(?:press[ \t]+(?:box|room|gallery|pool|seats)|newsroom)\b"
_PRESS_PLACE = regex_compile(_PRESS_PLACE_RE)
# The newsroom by its name or its place: "We at the Gazette", "those of us in the press box".
_NAMED_NEWSROOM = regex_compile(r"[ \t]+at[ \t]+the[ \t]+\p{Lu}|" + _PRESS_PLACE_RE)
# Someone else's noun in a "we" clause: "We look forward to your thoughts".
_OTHERS = frozenset("your their his her its".split())
# "To contact us, ...", "please email us", "Email us": a site's invitation, not the newsroom reporting.
_IMPERATIVE = regex_compile(r"\b(?:to|please)[ \t]+\Z", regex.IGNORECASE)
_THAT_BEFORE = regex_compile(r"\bthat[ \t]+\Z")
_ALL_AFTER = regex_compile(r"[ \t]+(?:all|both)\b")
_GENERIC = regex_compile(r"\b(?:of[ \t]+us|we[ \t]+all|we[ \t]+humans|us[ \t]+all|all[ \t]+in[ \t]+our)\b", regex.IGNORECASE)


@lru_cache(maxsize=4)
def _load_forms(path, mtime: float) -> frozenset[str]:  # mtime: an edited table is read again
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0].lower() for line in lines if line.strip() and not line.startswith("#"))


# A verb of saying or thinking: a sentence with one reports someone's words ("we will not give up, the union said",
# "fears that we will"), unless "we" does it or "us" receives it ("we reported", "told us", "asked by us").
_SAYING = regex_compile(
    r"\b(?:say|says|said|saying|tell|tells|told|add|adds|added|explain(?:s|ed)?|note[sd]?|writes|wrote|written|"
    r"state[sd]|argue[sd]?|argues|insist(?:s|ed)?|warn(?:s|ed)?|claim(?:s|ed)?|believe[sd]?|think|thinks|thought|"
    r"feel|feels|felt|fear(?:s|ed)?|hope[sd]?|according[ \t]+to|found|finds|conclude[sd]?|suggest(?:s|ed)?|"
    r"announce[sd]?|declare[sd]?|urge[sd]?|ask(?:s|ed)?|stress(?:es|ed)?|admit(?:s|ted)?|recall(?:s|ed)?|"
    r"predict(?:s|ed)?|(?<!\b(?:this|the|a|our|its|his|her|their)[ \t]+)report(?:s|ed)?|agree[sd]?|maintain(?:s|ed)?|contend(?:s|ed)?|emphasi[sz]e[sd]?|"
    r"continue[sd]|repl(?:y|ies|ied)|respond(?:s|ed)?|concede[sd]?|acknowledge[sd]?|point(?:s|ed)?[ \t]+out)\b"
    r"(?![ \t]+up\b)",  # "the figures do not add up": no one's words
    regex.IGNORECASE)
_WE_BEFORE = regex_compile(r"\b(?:[Ww]e(?:['’](?:ve|d|ll|re))?(?:[ \t]+at[ \t]+the(?:[ \t]+\p{Lu}[\w’'-]*)+)?|[Ll]et['’]s|[Ll]et[ \t]+us)"
                           r"(?:[ \t]+[a-z]+){0,2}[ \t]+\Z")  # "we reported", "We at the Gazette have long argued"
_US_AFTER = regex_compile(r"[ \t]+(?:(?:to|with|by|for)[ \t]+)?(?:us|our)\b")


_YOU = regex_compile(r"(?<![\w'’.@-])(?:[Yy]ou|[Yy]ou['’](?:re|ve|d|ll)|[Yy]ours?)(?![\w'’-])")


def _addresses_reader(doc, scope) -> bool:
    """The story talks to the reader ("you can download ..."): a blog's voice, where "we" is the site's.
    Not a title's capitalised "You" inside a sentence ("You Upset Me Baby"), nor a "you" only in the sentence
    that says "we" or "us" itself ("Contact us if you were affected"): that one sentence is what is judged."""
    text = scope.source
    starts = [s.start for s in doc.sentences]
    plural = {bisect.bisect_right(starts, m.start()) for span in scope.spans
              for m in _PLURAL_ANY.finditer(text, span.start, span.end)}
    return any(not doc.maybe_in_quote(m.start(), m.end()) and (m.group()[0] == "y" or _sentence_start(text, m.start(), span.start))
               and bisect.bisect_right(starts, m.start()) not in plural
               for span in scope.spans for m in _YOU.finditer(text, span.start, span.end))


# A verb of saying with a person or a thing after "to" or "with" is no one's words: "has yet to respond to the
# findings, which we shared", "agreed with the council".
_SAID_TO = regex_compile(r"[ \t]+(?:to|with)\b")
_CLAUSE_BREAK = regex_compile(r"[,\u2014\u2013]|[ \t]-[ \t]")
_SEMICOLON = regex_compile(";")
_ATTRIBUTION_HEAD = regex_compile(r"\A[ \t]*(?:(?:[\w’'.-]+[ \t]+){0,12}|said[ \t]+|says[ \t]+)\Z")
_MINE_BEFORE = regex_compile(r"(?<![\w'’-])(?:is|was|are|were|be|been|of)[ \t]+\Z")
_MINE_AFTER = regex_compile(r"[ \t]*(?:[.,;:!?)”\"]|(?:and|or|but)\b|\Z)")
# After an inverted attribution's verb: its speaker, up to a mark or the end ("said the chief executive, adding").
_INVERTED_TAIL = regex_compile(r"(?:[ \t]+[\w’'.-]+){1,16}?[ \t]*(?:[.,;:!?”\"]|\Z)")
_MARK_NEXT = regex_compile(r"[ \t]*(?:[.,;:!?”\"]|\Z)")
# Lower case only: "said Theresa May", "said Will Smith" name the speaker.
_FINITE_WORD = regex_compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|must|may|might)\b")
# A clause of its own after the comma, not a subject: "..., which said", "..., and the council said".
_NOT_A_SUBJECT = regex_compile(r"\A[ \t]*(?:who|which|that|whom|whose|and|but|because|when|while|as|if)\b", regex.I)


class _Attributions:
    """One sentence's verbs of saying that are someone else's (not the newsroom's own work: "we reported", "told
    us"), with its semicolons and clause breaks, held sorted: each pronoun asks in logarithmic time, so a
    sentence of thousands of pronouns stays linear."""

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.verbs = [m for m in _SAYING.finditer(text, start, end)
                      if not _US_AFTER.match(text, m.end()) and not _WE_BEFORE.search(text, max(start, m.start() - 30), m.start())]
        self.verb_starts = [m.start() for m in self.verbs]
        self.semicolons = [m.start() for m in _SEMICOLON.finditer(text, start, end)]
        self.breaks = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
        self.break_starts = [b[0] for b in self.breaks]

    def report(self, at: int, before: bool = True) -> bool:
        """Whether someone's words, their marks lost, hold the pronoun at `at`: a verb of saying before it in its
        clause ("The union said we will not give up", "fears that we will"; a semicolon ends a clause), or one
        after it that closes the words after a comma or a dash ("We will not give up, the union said"). Not a
        verb after it in the pronoun's own clause ("A spokesman sent us a statement saying ...", "got in touch
        with us to say ..."): there the newsroom is told, and what was said follows. `before=False` (the
        newsroom's pass, whose evidence is strong) asks only the second: "The union says it has 4,000 members, a
        figure we have not been able to verify" is the newsroom answering what was said."""
        i = bisect.bisect_left(self.verb_starts, at)
        if before:  # the nearest verbs before it (one of them may take "to": "respond to the findings")
            for m in reversed(self.verbs[max(0, i - 2) : i]):
                if m.end() <= at and not self._semicolon(m.end(), at) and not _SAID_TO.match(self.text, m.end()):
                    return True
        for m in self.verbs[i : i + 2]:  # the nearest after it
            if self._semicolon(at, m.start()):
                break
            if self._closes(at, m):
                return True
        return False

    def _semicolon(self, a: int, b: int) -> bool:
        j = bisect.bisect_left(self.semicolons, a)
        return j < len(self.semicolons) and self.semicolons[j] < b

    def _closes(self, at: int, verb) -> bool:
        """An attribution closing the words after `at`: after a comma or a dash, a subject of twelve words at most
        and the verb ("..., the chief executive said in a statement"), not a participle with new words ("...
        disputed our figures, saying ...") nor a clause of its own ("... we contacted the firm, which said ...")."""
        j = bisect.bisect_left(self.break_starts, verb.start()) - 1
        if j < 0 or self.breaks[j][0] < at or verb.group().lower().endswith("ing"):
            return False
        if verb.start() - self.breaks[j][1] > 160:
            return False  # longer than a subject of twelve words
        head = self.text[self.breaks[j][1] : verb.start()]
        if not head.strip():
            # Inverted, the speaker after the verb (", said the minister."): a few words and a mark, no verb of their
            # own. Not ", say the trial results are promising" (a relative clause's sentence going on).
            # The verb right before a mark closes an apposition's attribution ("the head teacher, Sue Platt, said.").
            if _MARK_NEXT.match(self.text, verb.end()):
                return True
            tail = _INVERTED_TAIL.match(self.text, verb.end())
            return tail is not None and not _FINITE_WORD.search(tail.group())
        return bool(_ATTRIBUTION_HEAD.match(head)) and not _NOT_A_SUBJECT.match(head)


_GLOSS = regex_compile(r"[A-Z][\w’'-]*[ \t]+\([ \t]*[A-Z][^()]{0,60}\Z")


def _gloss(text: str, i: int, start: int) -> bool:
    """Inside a translation or title in brackets right after a name: "Adesso Parto (Now I’m leaving)"."""
    return _GLOSS.search(text, max(start, i - 80), i) is not None and text.find(")", i, i + 60) != -1


# A sentence that ends in an attribution after a comma, in the past tense of news: ", the company said.", ", Jane
# Smith, a spokeswoman, said.", ", the utility said on Monday.", ", Smith told reporters." (A profile's or a travel
# piece's present, "..., she says. We are sitting in her garden", sets the writer's own scene.)
_ATTRIBUTION_END = regex_compile(
    r",\s+(?:[\w.’'-]+,?\s+){1,8}?(?:said|added|explained|stated|noted|insisted|warned|argued|told\s+[\w’'-]+)"
    r"(?:\s+(?:on|in|at|last|this|late|early|earlier|yesterday|today)\b[^,.;:!?\n]{0,30})?\.\s*\Z")
# An official's statement in the first person plural: what is not done or known yet, what
# is under way, what will be ("We do not yet know", "We are investigating", "We will reopen"); not a general
# truth or a feature's aside ("We see the Sun as it was", "We love it with rice").
_STATEMENT_WE = regex_compile(
    r"[Ww]e(?:\s+(?:do|did|can|could|have|are|were|will|would|shall|must)\s*(?:not|n['’]t)\b|\s+(?:don|didn|can|couldn|"
    r"haven|aren|weren|won|wouldn)['’]t\b|\s+(?:are|were)\s+\w+ing\b|['’]re\s+\w+ing\b|['’]ll\b|\s+will\b|"
    r"\s+(?:expect|intend|plan|remain|have\s+(?:no|yet|already))\b)")


def _lost_marks(text: str, start: int, s_start: int, at: int, s_end: int, openings: frozenset[int]) -> bool:
    """A "we" in an official's statement right after a sentence, in the same paragraph, that ends in someone's
    attribution (", the company said. We don't yet know the cause."): that speaker's words, their quotation marks
    lost, not people in general. `openings`: `statement_openings` of its sentence."""
    return (at in openings and _STATEMENT_WE.match(text, at, s_end) is not None
            and _ATTRIBUTION_END.search(text, max(start, s_start - 120), s_start) is not None)


# What may stand before the "we" of such a statement: nothing, or a clause joined on ("..., and we are withholding
# it"); not a condition or a time ("If we do not cut emissions", "When we arrive"), which is people in general.
_CONDITION = regex_compile(r"(?i:if|when|whenever|unless|as|because|although|though|while|once|until|before|after|since)\b")
_CONJUNCTION = regex_compile(r"(?i:and|but|so)\s+")
_FIRST_MARK = regex_compile(r"[,;:]")
_COMMA_SPACE = regex_compile(r",\s+")
_JOINED_ON = regex_compile(r"[,;]\s+(?i:and|but|so)\s+")


def statement_openings(text: str, s_start: int, s_end: int) -> frozenset[int]:
    """Where in the sentence a statement's "we" may stand: at its start, after its first clause's comma (a
    conjunction allowed after either: "Despite the rain, we ...", "And we ..."), unless it opens with a condition or
    a time; or after a comma or semicolon and a conjunction ("..., and we are withholding it"). Once per sentence:
    asked for each "we", reading the sentence from its start was quadratic in a sentence of thousands."""
    found = {m.end() for m in _JOINED_ON.finditer(text, s_start, s_end)}
    if not _CONDITION.match(text, s_start, s_end):
        bases = [s_start]
        mark = _FIRST_MARK.search(text, s_start, s_end)
        comma = mark and _COMMA_SPACE.match(text, mark.start(), s_end)
        if comma:
            bases.append(comma.end())
        for base in bases:
            found.add(base)
            conjunction = _CONJUNCTION.match(text, base, s_end)
            if conjunction:
                found.add(conjunction.end())
    return frozenset(found)


def _masthead_hits(text: str, span) -> list[tuple[int, int]]:
    """The newsroom named as one in a span: "our correspondent", "our sister paper", "none of us in the press box"."""
    hits = [m.span("our") for m in _MASTHEAD_OUR.finditer(text, span.start, span.end)]
    hits += [m.span() for m in _PLURAL_ANY.finditer(text, span.start, span.end)
             if m.group().lower() in ("we", "us") and _PRESS_PLACE.match(text, m.end(), span.end)]
    return sorted(hits)
