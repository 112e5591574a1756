"""`extends: fragment` — stray fragments and garbled sentences left by cutting and pasting.

What it flags, each a kind of damage editing leaves behind (and each can be
switched off by listing it in `skip`):

* `predicate` — a predicate glued after a finished sentence: "... rejects such
  an outcome. is at a critical stage." The word after the full stop is
  lowercase and the parser reads it as a finite verb with no subject before
  it. The finding covers the fragment, from that word to its full stop.
* `attribution` — an attribution with no speaker: "... hostilities. said." or
  "..., said." (a speech verb standing alone where "he said" or "said Smith"
  belongs).
* `lowercase` — any other sentence that starts in lowercase after a full stop
  ("... the talks. and the delegation left"): a full stop that should be a
  comma, or a fragment. Abbreviations ("p.m.", "e.g.", "U.S."), ellipses and
  lowercase brand names ("iPhone", "eBay") are not sentence ends.
* `truncated` — a sentence cut off after an article or conjunction: "... the
  release of the." / "... talks and."
* `spliced` — two clauses pasted together without punctuation: "... killing
  1,139 people He said ..." (a capitalised pronoun after a lowercase word,
  followed by a verb).
* `junction` — two words that published English never puts side by side, where
  a chunk was cut out of a sentence: "the of", "the this", "a with". An article
  followed by a function word is checked against a table of how often function
  words follow each other (`junctions`, see checks/_junctions.py): never seen,
  though chance alone predicts it `min_expected` times, is a garbled sentence.
  So is a function-word pair the table calls improbable where the parse shows
  the hole: a preposition with no object ("in of his successor"), "of" or "to"
  after a preposition ("work at of Mathematics"), a possessive with no noun
  ("its is"), a finite verb with no subject ("the nature of is").
* `verbless` — a long sentence (at least `min_words` words) with no verb at
  all, inside a paragraph of other sentences.

Where it stays quiet: titles, headings, lists, tables and blockquotes (the
default scope is `paragraph`); quotations (people speak in fragments);
paragraphs that are one short line without a full stop (headings, captions
and datelines in plain text: "Rafa’s attack", "CAIRO, May 5"); and short
sentences that are complete on their own ("Not so.", "Yes.", "Fair enough."),
since `verbless` needs `min_words` words and a paragraph of several sentences.
A full stop after a state abbreviation ("Little Rock, Ark. officials") or
another abbreviation ends no sentence. `verbless` wants more than a missing
verb tag: credit and production lines ("Photo by ...", "Directed by ..."),
what follows a title ending in ! or ? and a sentence with a noun in a verb's
place that the dictionary knows as a verb ("The oldest moai date from ...",
a tagger's slip) are left alone. Text whose quotation state is unsure counts
as quoted.

It needs the dependency parse (spaCy's tagger and parser), which it reads from
the document's shared parse: nothing is parsed twice.
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint import nlp
from newslint.checks import _fragment_gate as gate, _junctions
from newslint.checks._datalists import ListError, resolve
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.document.sentences import ABBREVIATIONS
from newslint.finding import Match

KINDS = ("predicate", "attribution", "lowercase", "truncated", "spliced", "junction", "modal", "verbless")

_MORE_ABBREVIATIONS = ABBREVIATIONS | frozenset(
    """approx incl ca cf viz pp vol ed eds ave rd blvd univ assn bros dist div est fl ht hr hrs min mins sec secs
    km kg lb lbs oz pt qt sq yd yds mph cal op ch art para govt admin intl natl jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun no nos vs v cent""".split()
)
# Postal-era state abbreviations (AP style) that end in a full stop inside a sentence:
# "Little Rock, Ark. officials". Matched with their capital, so "fell ill. doctors" is still a stop.
_STATES = frozenset(
    """Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nebr
    Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wisc Wyo""".split()
)
# A credit or production line is no sentence: "Photo by Jane Doe/Reuters.", "Directed by John Roe."
_CREDIT = regex_compile(
    r"(?i:(?:additional\s+)?(?:photos?|pictures?|images?|illustrations?|graphics?|video|reporting|writing|editing|"
    r"compiled|produced|directed|written|edited|translated|written and directed|music|words|interview|research)"
    r"\s+(?:by|from)\b|(?:copyright|\(c\)|©)\s)")
_WH = frozenset("what which who whom whose where that".split())
_EXCLAMATIVE = regex_compile(r"(?:What an?|How|Such an?)\s")
_SPEECH = frozenset("said says added adds told tells stated states reported reports noted notes explained".split())
_FINITE = frozenset(("VBZ", "VBD", "VBP", "MD"))

# A full stop ending a sentence, then a lowercase word.
_STOP_LOWER = regex_compile(r"(?<=[\w)\]%’”\"'])\.[\"”’']?[ \t\u00a0]+(?=[a-z])")  # also after a closing quote: `picks." was not`
_ORPHAN_AFTER_COMMA = regex_compile(r",[ \t\u00a0]+(" + "|".join(sorted(_SPEECH)) + r")[.!]")
_LONE_SPEECH = regex_compile(r"(?:(?<=[.!?][ \t\u00a0]+)|^)(" + "|".join(w.capitalize() for w in sorted(_SPEECH)) + r")\.", regex.M)
_TRUNCATED = regex_compile(r"(?<=\w[ \t\u00a0]+)(the|a|an|and|or|nor|its|their|whose|than)\.(?=\s|$)")
# A capitalised word that only opens a sentence, after a lowercase word and before another:
# "... a statement at Joe Biden" is beyond reach, "... the WHO noted If countries detect" is not.
_CLAUSE_OPENERS = (
    "He|She|They|It|We|This|These|Those|There|The|An|His|Its|Their|Our|On|In|At|Of|For|With|From|By|After|"
    "Before|During|According|However|Meanwhile|But|If|When|While|Although|Because|Since|Despite|Following"
)
_PRONOUN_OPENERS = frozenset("He She They It We This These Those There".split())
_SPLICED = regex_compile(r"(?<=\b[a-z]{2,}[ \t\u00a0])(" + _CLAUSE_OPENERS + r")(?=[ \t\u00a0]+[a-z0-9])")
# Prepositions that end no sentence, after a noun or a verb alike ("upon", "within" and "without" may:
# "acted upon", "from within", "live without"; so may "towards" and "among" at the end of a relative clause:
# "a target the government has been working towards"; none of these did in the corpus or the outlets).
_NEVER_FINAL = frozenset("until despite during amid amidst via unlike versus".split())
# Adverbs as often as prepositions at a sentence's end: "... turned around.", "... came back."
_NOT_DANGLING = frozenset("about around over through along by in on out up down off back away aside ahead together apart".split())
_WORD_BEFORE = regex_compile(r"([\w.’'-]+)\Z")
# An article, one space, a lower-case word: "the of", "a with" (hyphens and apostrophes make other words).
_ARTICLES = frozenset(("the", "a", "an"))
# Possessive determiners that need a noun after them ("his" and "her" stand alone too: "ended his on Monday").
_POSSESSIVES = frozenset(("its", "their", "our", "your", "my", "whose"))
_END = regex_compile(r"[.!?…](?:[\"”’')\]]*)(?=\s|$)")
_OBJECTS = frozenset(("pobj", "pcomp", "dobj", "obj", "nummod", "npadvmod"))


class Fragment(Check):
    kind = "fragment"
    summary = "Flags stray fragments and garbled sentences: '. is at a critical stage.', '. said.', cut-off clauses."
    default_scope = ("paragraph",)
    needs_nlp = True
    nlp_components = ("tagger", "parser")
    options = {
        "skip": Option("list", [], doc=f"kinds of damage not to report: {', '.join(KINDS)}"),
        "min_words": Option("int", 5, doc="a verbless sentence is flagged from this many words"),
        "junctions": Option("str", "", doc="table of function-word pairs (relative to the rule), for the junction kind"),
        "min_expected": Option("number", 3.0, doc="a junction never seen is improbable when chance predicts it this often"),
        "strong_expected": Option("number", 20.0, doc="after a preposition with no object, 'of' or 'to' seen at most 2% "
                                  "as often as chance predicts, which predicts it this often, is improbable even after a verb"),
        "max_ratio": Option("number", 0.05, doc="after a preposition with no object, a junction seen at most this share "
                            "of what chance predicts is improbable"),
    }

    def setup(self) -> None:
        skip = self.opts["skip"]
        unknown = [s for s in skip if s not in KINDS]
        if unknown:
            raise OptionError("skip", f"unknown kind '{unknown[0]}' in 'skip' (known: {', '.join(KINDS)})")
        self.kinds = set(KINDS) - set(skip)
        if self.opts["min_words"] < 2:
            raise OptionError("min_words", "'min_words' must be at least 2")
        self.junctions = None
        if self.opts["junctions"] and "junction" in self.kinds:
            path = resolve(self.rule.path, self.opts["junctions"])
            try:
                self.junctions = _junctions.load(path, path.stat().st_mtime)
            except OSError as exc:
                raise OptionError("junctions", f"'junctions': cannot read {self.opts['junctions']}: {exc.strerror or exc}") from None
            except ListError as exc:
                raise OptionError("junctions", f"'junctions': {self.opts['junctions']}:{exc.line}: {exc.message}") from None

    def parse_wanted(self, doc) -> frozenset[int]:
        """The paragraphs that show a sign of some kind of damage this rule reports (see _fragment_gate)."""
        scope = self.scope(doc)
        text = scope.source
        spans = {(s.start, s.end) for s in scope.spans}
        return frozenset(i for i, block in enumerate(nlp.blocks(doc))
                         if (block.start, block.end) in spans and not _heading_like(text, block)
                         and self._could_flag(doc, text, block))

    def _could_flag(self, doc, text: str, block) -> bool:
        s, e = block.start, block.end
        kinds = self.kinds
        if kinds & {"predicate", "attribution", "lowercase"} and _STOP_LOWER.search(text, s, e):
            return True
        if "attribution" in kinds and (_ORPHAN_AFTER_COMMA.search(text, s, e) or _LONE_SPEECH.search(text, s, e)):
            return True
        if "truncated" in kinds and (_TRUNCATED.search(text, s, e) or gate.preposition_before_stop(text, s, e, _NOT_DANGLING)):
            return True
        if "spliced" in kinds and _SPLICED.search(text, s, e):
            return True
        if "modal" in kinds and gate.modals_before_past(text, s, e):
            return True
        if self.junctions is not None and gate.subject_lost(text, s, e):
            return True
        if self.junctions is not None and gate.improbable_pair(
                text, s, e, self.junctions, self.opts["min_expected"], self.opts["max_ratio"]):
            return True
        if "verbless" in kinds:
            sentences = [x for x in doc.sentences if s <= x.start and x.end <= e]
            return len(sentences) >= 2 and any(
                _END.search(text, x.end - 3, x.end) and not doc.maybe_in_quote(x.start, x.end)
                and gate.may_be_verbless(text, x.start, x.end, self.opts["min_words"]) for x in sentences)
        return False

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        wanted = {(s.start, s.end) for s in scope.spans}
        found: dict[int, Match] = {}
        for block, sdoc in nlp.for_check(self, doc):  # the blocks parse_wanted names (all with --parse-all)
            if (block.start, block.end) not in wanted or _heading_like(text, block):
                continue
            for m in self._block(doc, text, block, sdoc):
                if not doc.maybe_in_quote(m.start, m.end) and m.start not in found:
                    found[m.start] = m
        yield from sorted(found.values(), key=lambda m: m.start)

    # -- one paragraph -----------------------------------------------------
    def _block(self, doc, text: str, block, sdoc) -> Iterator[Match]:
        base = block.start
        tokens = {t.idx + base: t for t in sdoc}
        for m in _STOP_LOWER.finditer(text, block.start, block.end):
            dot = m.start()
            if _not_a_sentence_end(text, block.start, dot):
                continue
            start = m.end()
            word = regex.match(r"[a-z][\w’'-]*", text[start:block.end]).group()
            end = _sentence_end(text, start, block.end)
            token = tokens.get(start)
            if word in _SPEECH and _ends_at(text, start + len(word), end):
                if "attribution" in self.kinds:
                    yield self._match(start, end, f"'{word}' has no speaker: an attribution cut from its sentence")
            elif token is not None and token.tag_ in _FINITE and not _subject_before(token):
                if "predicate" in self.kinds:
                    yield self._match(start, end, f"'{text[start:end]}' has no subject: a predicate glued after a finished sentence")
            elif "lowercase" in self.kinds and _lowercase_start(word, token):
                yield self._match(start, end, "a sentence starts in lowercase after a full stop: a stray full stop, or a fragment")
        if "attribution" in self.kinds:
            for m in _ORPHAN_AFTER_COMMA.finditer(text, block.start, block.end):
                token = tokens.get(m.start(1))
                if token is None or _subject_before(token) or token.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
                    continue  # "Khaled Al-Maeena, editor at the Saudi Gazette, said."
                if _speaker_in_apposition(text, block.start, m.start(), tokens):
                    continue  # "..., the General Accounting Office, GAO, said."
                yield self._match(m.start(1), m.end(), f"'{m.group(1)}' has no speaker: an attribution cut from its sentence")
            for m in _LONE_SPEECH.finditer(text, block.start, block.end):
                yield self._match(m.start(1), m.end(), f"'{m.group(1)}' has no speaker: an attribution cut from its sentence")
        if "truncated" in self.kinds:
            for m in _TRUNCATED.finditer(text, block.start, block.end):
                yield self._match(m.start(1), m.end(), f"the sentence stops after '{m.group(1)}': it was cut off")
        if "truncated" in self.kinds:
            for sent in sdoc.sents:
                last = _last_word(sent)
                if last is not None and _dangling(last):
                    start = last.idx + base
                    yield self._match(start, start + len(last.text) + 1, f"the sentence stops after '{last.text}': it was cut off")
        if "spliced" in self.kinds:
            for m in _SPLICED.finditer(text, block.start, block.end):
                if m.group() in _PRONOUN_OPENERS and not _verb_follows(tokens.get(m.start())):
                    continue  # "the We the People API": a name, not a new clause
                yield self._match(m.start(), m.end(), f"'{m.group()}' opens a new sentence in mid-sentence: two sentences spliced together, or words lost")
        if self.junctions is not None:
            yield from self._junctions(sdoc, base)
        if "modal" in self.kinds:
            yield from self._modals(text, block, tokens)
        if "verbless" in self.kinds:
            yield from self._verbless(doc, text, block, sdoc)

    def _modals(self, text: str, block, tokens) -> Iterator[Match]:
        """A modal verb right before a past form: "the judge said he would sentenced him", "45 mln dlrs might
        represented costs": a "be" or "have" was lost. Or before a determiner, right after its subject: "they
        would the decision": the verb was lost (not "should the dollar fall", a condition, nor an ellipsis after
        "as" or "than": "just as they would a blog post"). The tagger must read the modal as one, and no adjective or
        determiner may stand before it ("political will is", "a can used" are nouns); a question is left alone
        ("How will augmented reality affect ...?")."""
        for start, end in gate.modals_before_past(text, block.start, block.end):
            token = tokens.get(start)
            stop = _sentence_end(text, start, block.end)
            if token is None or token.tag_ != "MD" or "?" in text[max(start, stop - 3) : stop]:
                continue
            if token.i > 0 and token.nbor(-1).tag_ in ("JJ", "DT", "PRP$", "POS"):
                continue  # "political will is", "the can used": a noun, whatever the tagger says
            if token.i > 1 and token.nbor(-2).tag_ in ("DT", "PRP$") and token.nbor(-1).tag_ in ("NN", "VBG"):
                continue  # "a living will stated", "the last will": the noun after its modifier
            modal, word = text[start:end].split()
            if word in gate.MODAL_DETERMINERS:
                before = [t.lower_ for t in token.doc[max(0, token.i - 4) : token.i]]
                if (modal == "should" or token.i == 0 or token.nbor(-1).pos_ not in ("NOUN", "PROPN", "PRON")
                        or _ELLIPSIS_CUES & set(before)):
                    continue  # "should the dollar fall" (a condition), "just as they would a blog post" (ellipsis)
                yield self._match(start, end, f"'{modal} {word}': a modal verb before a determiner, so its verb was lost")
                continue
            yield self._match(start, end, f"'{modal} {word}': a modal verb before a past form, so a word such as "
                                          f"'be' or 'have' was lost")

    def _junctions(self, sdoc, base: int) -> Iterator[Match]:
        """Two adjacent function words that published English (all but) never puts side by side,
        where the parse also shows the hole a cut left: "the of", "its is", "in of his successor",
        "wads of were wrapped". The table alone would flag a stranded preposition ("the city he
        lived in in 1990" is not rare, but "looked at by" is), the parse alone every phrasal verb:
        each kind of hole asks both."""
        for t, n in zip(sdoc, sdoc[1:]):
            if t.whitespace_ != " " or t.lower_ == n.lower_ or not n.text.islower() or len(n.text) < 2 or _glued(t, n):
                continue  # "in in" is RepeatedWord's; "during in-person" and "the at-risk" are one word; "the i" a title
            why = self._hole(t, n)
            if why:
                end = n.idx + len(n.text)
                if n.i + 1 < len(sdoc) and not n.whitespace_ and sdoc[n.i + 1].lower_ in ("n't", "n’t"):
                    end += len(sdoc[n.i + 1].text)  # "because wasn't": the word as written
                words = sdoc.text[t.idx : end]
                yield self._match(t.idx + base, end + base, f"'{words}' {why}: words were cut out here")

    def _hole(self, t, n) -> str | None:
        """Why `t n` is a garbled junction, or None."""
        improbable, min_e = self.junctions.improbable, self.opts["min_expected"]
        ratio = self.opts["max_ratio"]
        if t.lower_ in _ARTICLES and t.text != "A":  # "A and P": a letter
            if improbable(t.lower_, n.lower_, min_e) or improbable(t.lower_, n.lower_, self.opts["strong_expected"], 0.01):
                return "never occurs in English"  # or once in a hundred times chance predicts: "the at"
            return None
        if t.text[0].isupper():
            return None  # "James To of the Democratic Party", "May a year ago": a name or a month
        if t.tag_ in ("PRP$", "WP$") and t.lower_ in _POSSESSIVES and n.pos_ != "CCONJ" \
                and improbable(t.lower_, n.lower_, min_e):
            return "never occurs in English"  # "its is", "their to": a possessive with its noun cut away
        if (t.lower_ in gate.SUBORDINATORS and n.text in gate.FINITE_WORDS
                and (t.pos_ in ("SCONJ", "ADP") or t.dep_ == "mark") and not _has_subject(n)):
            return "leaves its clause without a subject"  # "before was found" ("because had they not": a subject after)
        if (t.lower_ in gate.SAYING_AFTER_COMMA and n.text in gate.FINITE_WORDS and _after_comma(t)
                and not _has_subject(n) and _closes_relative_clause(t)
                and not (n.i + 1 < len(n.doc) and n.nbor(1).pos_ in ("PRON", "DET"))):  # "said had it known": inverted
            return "leaves what was said without a subject"  # "The company, which employs 250 people, said would cut"
        if (t.pos_ == "ADP" or t.lower_ == "to") and self._stranded(t, n):
            return "all but never occurs in English"
        if n.tag_ in _FINITE and t.pos_ in ("ADP", "DET", "CCONJ") and not _has_subject(n) \
                and (t.pos_ != "ADP" or t.i > 0 and t.nbor(-1).pos_ in ("NOUN", "PROPN", "PRON", "NUM")) \
                and improbable(t.lower_, n.lower_, min_e, ratio):
            # "wads of were wrapped": a verb whose subject was cut. A preposition is stranded after
            # a verb or adjective ("the work committed to is"), never right after a noun.
            return "all but never occurs in English"
        return None

    def _stranded(self, t, n) -> bool:
        """"in of his successor", "intending to at Henderson": a preposition (or infinitive "to")
        that the parse gives no object, followed by a function word the table all but never puts
        after it. Where the table has never seen the pair though chance predicts it often
        (`strong_expected`) and the second word is "of" or "to", a verb before it is no excuse:
        "work at of Mathematics", "able to of statistics" ("link to from their site" is English)."""
        j, min_e, ratio = self.junctions, self.opts["min_expected"], self.opts["max_ratio"]
        if n.pos_ not in ("ADP", "AUX") or n.lower_ == "as":
            return False  # "for and against", "referred to as", "not about": coordination and comparison
            # (nor an infinitive's "to": "a contract with to run", "works closely with to provide")
        if n.lower_ in _APPROXIMATE and n.i + 1 < len(n.doc) and n.nbor(1).like_num:
            return False  # "fell to around 145", "from over 20": an approximate number is the object
        if n.lower_ in ("of", "to") and t.dep_ != "prt" and j.improbable(t.lower_, n.lower_, self.opts["strong_expected"], 0.02):
            return True  # "of" takes a noun before it and "to" a verb after it: neither opens a new phrase here
        if any(c.dep_ in _OBJECTS for c in t.children) or t.head.dep_ in ("relcl", "acl"):
            return False  # it has its object, or is stranded at the end of a relative clause ("he lived in")
        if t.head.pos_ == "ADJ" or t.lower_ == "over":
            return False  # "proud of is", "over on the blog" (an adverb)
        prev = t.nbor(-1) if t.i > 0 else None
        if prev is None or prev.pos_ in ("VERB", "AUX", "ADV", "ADP", "PART") or t.head.tag_ == "VBN":
            return False  # a verb's particle or a passive's stranded preposition: "agreed to by", "pulled over on"
        return j.improbable(t.lower_, n.lower_, min_e, ratio)

    def _verbless(self, doc, text: str, block, sdoc) -> Iterator[Match]:
        sentences = [s for s in doc.sentences if block.start <= s.start and s.end <= block.end]
        if len(sentences) < 2:
            return
        base = block.start
        for s in sentences:
            if not _END.search(text, s.end - 3, s.end) or doc.maybe_in_quote(s.start, s.end):
                continue
            span = sdoc.char_span(s.start - base, s.end - base, alignment_mode="expand")
            if span is None:
                continue
            words = [t for t in span if t.is_alpha]
            # Any verb at all, participles included: the small model often reads a past tense as a
            # participle ("A bus carrying children ... overturned"), so only a sentence with no verb
            # of any kind is reported.
            if len(words) < self.opts["min_words"] or any(t.pos_ in ("VERB", "AUX") for t in span):
                continue
            if any(t.text in ":;" for t in span) or sum(t.text in (",", "and") for t in span) >= 4:
                continue  # "Results: ..." or "A for B, C for D, and E": a list, elliptical on purpose
            if text[s.end - 1] in "?!" or text[s.start] == "(" or _EXCLAMATIVE.match(text, s.start, s.end):
                continue  # "Not a customer?", "(Yes you, all of you).", "What a majestic creature ...": on purpose
            if not any(t.pos_ == "NOUN" for t in span):
                continue  # "Pink Floyd, the Jam, the Pogues.": a list of names
            if _CREDIT.match(text, s.start, s.end) or text[s.start - 2 : s.start - 1] in ("!", "?"):
                continue  # a credit line, or what follows a title ending in ! or ? ("Oklahoma! The musical ...")
            if any(_could_be_verb(t) for t in words):
                continue  # a tagger's slip ("The moai date from ..."): a word that can be a verb is doubt enough
            yield self._match(s.start, s.end, "this sentence has no verb: words were lost, or two fragments were joined")

    def _match(self, start: int, end: int, why: str) -> Match:
        return Match(start, end, args=(why,))


def _after_comma(t) -> bool:
    """A comma before `t`, a line break between them or not."""
    i = t.i - 1
    while i >= 0 and t.doc[i].is_space:
        i -= 1
    return i >= 0 and t.doc[i].text == ","


_RELATIVE = frozenset("which who whom that as what".split())


def _closes_relative_clause(t) -> bool:
    """The comma before the verb of saying closes a relative clause whose pronoun is its verb's subject ("The company,
    which employs 250 people, said would cut"): the speaker is what the clause was about, and what was said has no
    subject. Where the pronoun is followed by a subject of its own, the verb of saying is the clause's ("which the
    council, citing falling orders, said would close", "as the bank, in its report, warned would happen"); with no
    relative clause at all, an aside or a list may end at the comma ("The man police, citing witnesses, said was
    armed", "words such as claimed, insisted, argued can ...")."""
    for w in reversed(t.doc[t.sent.start : t.i]):
        if w.lower_ in _RELATIVE:
            # ", which employs 250 people": set off by a comma, the pronoun's verb right after it and going on before
            # the next comma ("who police, citing witnesses, said" is "police" the subject, not a verb)
            return (w.i > 0 and w.nbor(-1).text == "," and w.i + 2 < t.i and w.nbor(1).tag_ in ("VBZ", "VBD", "VBP", "MD")
                    and not w.nbor(2).is_punct and _plain_subject(t.doc[t.sent.start : w.i - 1]))
    return False


def _plain_subject(words) -> bool:
    """The words before ", which ..." are the sentence's subject and nothing else: one noun phrase with one determiner
    at most ("The company", "Acme's chief executive"). Not a relative clause's subject after its head ("The man the
    witness, who lives next door, said was carrying a knife", "All the chairman, who ..., said was"), nor a free
    relative or a comparison ("Much of what the prime minister, who ..., said was", "as the Bank, which ...")."""
    if not words or len(words) > 6:
        return False
    if any(w.lower_ in _RELATIVE or w.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ") for w in words):
        return False
    return sum(w.tag_ in ("DT", "PDT", "WDT") for w in words) <= 1


# Words before a modal that make its verb's absence an ellipsis: "as they would a blog post", "like she would a
# child", "the same way it would a shareholder".
_ELLIPSIS_CUES = frozenset("as than so like way".split())
# Words that make a number approximate; before one, they are no preposition ("to around 145").
_APPROXIMATE = frozenset("around about over under nearly almost roughly approximately some below above".split())


def _heading_like(text: str, block) -> bool:
    """A one-line paragraph with no full stop at its end: a heading, caption or dateline in plain text."""
    body = text[block.start : block.end].strip()
    return "\n" not in body and not regex.search(r"[.!?…][\"”’')\]]*\Z", body)


def _not_a_sentence_end(text: str, begin: int, dot: int) -> bool:
    if dot > begin and text[dot - 1] == "." or text[max(begin, dot - 2) : dot] == ". ":
        return True  # an ellipsis, "..." or ". . ."
    m = _WORD_BEFORE.search(text, max(begin, dot - 30), dot)
    if not m:
        return False
    if m.group(1).strip("’'").rstrip(".") in _STATES:
        return True  # "Jackson, Miss. and"
    word = m.group(1).lower().strip("’'")
    if word.rstrip(".") in _MORE_ABBREVIATIONS:
        return True
    if "." in word:
        return True  # "p.m.", "U.S.", "e.g.", "example.com"
    return len(word) == 1 and word.isalpha()  # an initial


def _sentence_end(text: str, start: int, stop: int) -> int:
    for m in _END.finditer(text, start, stop):
        if not _not_a_sentence_end(text, start, m.start()) or text[m.start()] != ".":
            return m.end()
    return stop


def _ends_at(text: str, i: int, end: int) -> bool:
    return not text[i:end].strip(" \t.!,\"”’")


def _last_word(sent):
    """The word before a sentence's final full stop (None when it ends otherwise)."""
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 4 or tokens[-1].text != "." or not tokens[-2].is_alpha:
        return None
    return tokens[-2]


def _dangling(token) -> bool:
    """A sentence-final word that needs more after it: a preposition right after a noun, with no object.

    A wh-word earlier strands a preposition on purpose: "what they use their devices for."
    """
    if token.pos_ != "ADP" or token.dep_ != "prep" or any(True for _ in token.children):
        return False
    if any(t.lower_ in _WH for t in token.sent if t.i < token.i):
        return False
    if token.lower_ in _NEVER_FINAL:
        return True  # "... not expected to fall until.": no verb's particle, no adverb
    before = token.nbor(-1)
    return before.pos_ in ("NOUN", "PROPN", "NUM") and token.lower_ not in _NOT_DANGLING


def _glued(t, n) -> bool:
    """`t` or `n` is part of a hyphenated or apostrophised word: "during in-person", "the at-risk"."""
    doc = t.doc
    after = doc[n.i + 1].text if n.i + 1 < len(doc) and n.whitespace_ == "" else ""
    before = doc[t.i - 1].text if t.i > 0 and doc[t.i - 1].whitespace_ == "" else ""
    return after[:1] in ("-", "'", "’", "&") or before[-1:] in ("-", "'", "’", "&")


def _has_subject(verb) -> bool:
    """A finite verb, or the verb it is an auxiliary of, has a subject."""
    heads = (verb, verb.head) if verb.dep_ in ("aux", "auxpass") else (verb,)
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for h in heads for c in h.children)


def _subject_before(token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.i < token.i for c in token.children)


def _lowercase_start(word: str, token) -> bool:
    if any(c.isupper() for c in word):
        return False  # "iPhone", "eBay"
    return True


def _could_be_verb(token) -> bool:
    """A noun in a verb's place that the dictionary also knows as a verb: "The oldest moai date from ...".

    The place is what the tagger got wrong: right after a noun (the subject) and before a
    preposition, determiner or adverb. "The release of ..." (after a determiner) stays a noun.
    """
    if token.tag_ not in ("NN", "NNS", "NNP", "JJ") or token.i + 1 >= len(token.doc):
        return False
    after = token.nbor(1).pos_
    if token.is_sent_start:
        if after not in ("ADP", "DET", "ADV", "PRON", "PART", "NOUN", "ADJ", "PUNCT"):
            return False  # an imperative: "Paste in the sample code.", "Build relationships, online and off."
    elif token.nbor(-1).pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "PART") or after not in (
            "ADP", "DET", "ADV", "NUM", "PRON", "NOUN", "ADJ", "PROPN"):
        return False
    word = token.lower_.split("-")[0]  # "Catch-up"
    stems = gate.verb_stems()
    candidates = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e" if word.endswith("ed") else "")
    return any(c in stems for c in candidates if c)


def _verb_follows(token) -> bool:
    """The word after a pronoun is a verb (perhaps after an adverb): "It should be", "He then said"."""
    if token is None or token.i + 1 >= len(token.doc):
        return False
    nxt = token.nbor(1)
    if nxt.pos_ == "ADV" and nxt.i + 1 < len(token.doc):
        nxt = nxt.nbor(1)
    return nxt.pos_ in ("VERB", "AUX")


def _speaker_in_apposition(text: str, begin: int, comma: int, tokens) -> bool:
    """The words between the previous comma and ", said." name the speaker: a short verbless noun phrase."""
    prev = max(text.rfind(",", begin, comma), text.rfind(".", begin, comma), begin - 1)
    segment = [t for i, t in tokens.items() if prev < i < comma]
    if not segment or len([t for t in segment if t.is_alpha]) > 15:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in segment) and any(t.pos_ in ("NOUN", "PROPN") for t in segment)
