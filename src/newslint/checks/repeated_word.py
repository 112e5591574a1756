"""`extends: repeated-word` — "the the": a word typed twice.

Case is ignored ("The the"), and a line break between the two still counts,
but a block boundary does not (scope spans are blocks). The two words must be
separated by whitespace in the original text, not by blanked Markdown (table
pipes, a code span, a link's brackets), so "`is` is" is not a repeat; a
blockquote's `>` on a continuation line is whitespace for this purpose.

Quotations are checked too: a doubled word in a quote is a transcription slip
far more often than a faithful stutter. Headings and the title are checked;
code and front matter are blanked. Legitimate doubles ("had had", "that
that") go in `exceptions`; with `names: true` a doubled capitalised word is a
name ("Bora Bora", "Sirhan Sirhan", "Boutros Boutros-Ghali").

Compounds do not double: in "a break-in in June" and "Smith and Co co-managed"
one of the two words belongs to a hyphenated word; a particle after a verb
before the same preposition is a phrasal verb ("users checked in in March",
"logged on on Monday"). A lowercase word before the
same word capitalised is a title or name starting ("the law lord Lord Hale").

The fix removes the second word and the space before it. It is safe only for a
word whose double is never grammatical (`never_doubled`: "the the", "of of");
other doubles ("in in" can be "log in in June") get an unsafe fix, so `--fix`
never turns a correct sentence into a wrong one.
"""

from __future__ import annotations

import re
from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Fix, Match

# Letters only (numbers repeat legitimately: "1 1"); apostrophes inside a word count.
_REPEAT = regex_compile(r"(?<![-‐‑'’])\b([^\W\d_]+(?:['’][^\W\d_]+)?)(\s+)(\1)\b(?![-‐‑])", regex.IGNORECASE)
# "checked in in March", "logged on on Monday": a particle after a verb, then the same preposition.
_PARTICLES = frozenset("in on out up off over down by".split())
_VERB_BEFORE = regex_compile(
    r"(?i:\b(?:(?:check|log|sign|move|come|go|get|put|set|take|sit|stand|plug|fill|hand|join|"
    r"kick|let|pull|run|tune|weigh|break|cash|chime|drop|fit|lock|opt|pitch|turn|call|give|hold|carry|keep|"
    r"pass|stay|step|throw|bring|cut|shut|send|look|pay|back|sell|buy|lay|lie|fall|grow|settle|sleep|cave|phase|"
    r"pencil|zero|rein|factor|dig|wall|box|tuck|usher|ring|cheat|pack|clock)(?:\w?(?:ed|ing)|e?s|d)?)[ \t]+)\Z")
# Only verbs that take "in"/"on" as a particle: "involved in in" and "conducted in in" stay doubles.
NEVER_DOUBLED = ["the", "a", "an", "of", "and", "with", "from", "their", "his", "its", "our", "your", "my", "they", "we",
                 "he", "she", "this", "these", "those", "than", "into", "onto", "about", "whether"]
_GAP = regex_compile(r"[\s>]+")
# A run of two to six words typed twice, from a double paste: "keep him keep him", "for the first time in for
# the first time in". Only whitespace inside and between the two (a comma makes a rhetorical or chanted
# repeat: "we will, we will").
_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
# The cheap scan splits at everything but letters, digits and apostrophes (which are inside the pattern's words),
# so it sees every repeat the pattern can match, and a few more that the pattern, which allows no mark, turns down.
_NOT_IN_WORD = re.compile(r"[^\w'’]+")
_NEXT_WORD = regex_compile(rf"\s+({_WORD})")
_BETWEEN_WORDS = regex_compile(r"(?<=\w)[^\w'’]+(?=\w)")  # what stands between two words as typed (Markdown blanked)
_JOINING = frozenset("and of the for de la du von van".split())  # lower-case words inside names
# The space between words is bounded: a run of a hostile document's indentation (3,000 nested list items, each
# further in) made every attempt scan, and the backreference fail, across megabytes of blanks.
_PHRASE = regex_compile(rf"(?<![-‐‑'’\w])((?:{_WORD}\s{{1,256}}){{1,5}}{_WORD})\s{{1,256}}(\1)(?![-‐‑'’\w])", regex.IGNORECASE)


class RepeatedWord(Check):
    kind = "repeated-word"
    summary = "Flags a word typed twice in a row ('the the')."
    can_fix = True
    options = {
        "exceptions": Option("list", [], doc="doubles to leave alone, e.g. 'had had' (ignoring case)"),
        "names": Option("bool", True, doc="leave alone a doubled capitalised word (Bora Bora)"),
        "never_doubled": Option("list", NEVER_DOUBLED, doc="words whose double is never grammatical: only their fix is safe"),
        "phrases": Option("bool", True, doc="also flag a run of two to six words typed twice ('keep him keep him')"),
    }

    def setup(self) -> None:
        exceptions = self.opts["exceptions"]
        if not all(isinstance(e, str) for e in exceptions):
            raise OptionError("exceptions", "every item of 'exceptions' must be a string")
        self.exceptions = {" ".join(e.lower().split()) for e in exceptions}
        never = self.opts["never_doubled"]
        if not all(isinstance(w, str) for w in never):
            raise OptionError("never_doubled", "every item of 'never_doubled' must be a string")
        self.never_doubled = {w.lower() for w in never}

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        for span in scope.spans:
            pos = span.start
            while (m := _REPEAT.search(text, pos, span.end)) is not None:
                # "the the the": report once, resume after the last word of this match.
                pos = m.end()
                first, second = m.group(1), m.group(3)
                if not _GAP.fullmatch(doc.text[m.end(1) : m.start(3)]):
                    pos = m.end(1)
                    continue
                if f"{first.lower()} {second.lower()}" in self.exceptions:
                    continue
                if self.opts["names"] and first[0].isupper() and second[0].isupper():
                    continue
                if first[0].islower() and second[0].isupper():
                    continue  # "the law lord Lord Hale": a title or a name starts
                if first.lower() in _PARTICLES and _VERB_BEFORE.search(text, max(span.start, m.start() - 30), m.start()):
                    continue  # "users checked in in March": a phrasal verb's particle, then a preposition
                fix = None
                if self.fix_safe is not None:
                    safe = self.fix_safe and first.lower() in self.never_doubled
                    fix = Fix(m.end(1), m.end(3), "", safe)
                yield Match(m.start(1), m.end(3), args=(second,), fix=fix)
            if self.opts["phrases"]:
                yield from self._phrases(doc, text, span)

    def _phrases(self, doc, text: str, span) -> Iterator[Match]:
        # The pattern's backreference is slow over every word of every span (four times the single-word
        # pass); a repeat needs a run of two to six tokens to recur at once, which list scans over the span's
        # split words find at a fraction of the cost, so the pattern runs only in the rare span with one.
        tokens = _NOT_IN_WORD.split(text[span.start : span.end].lower())  # to compare only: no offsets taken
        # (A run of one word said over and over, "item item item", is no phrase: it is skipped below anyway.)
        if not any(tokens[i : i + k] == tokens[i + k : i + 2 * k] and len(set(tokens[i : i + k])) > 1
                   for k in range(2, 7) for i in [i for i, (a, b) in enumerate(zip(tokens, tokens[k:])) if a == b]):
            return
        pos = span.start
        while (m := _PHRASE.search(text, pos, span.end)) is not None:
            pos = m.end()
            first, second = m.group(1), m.group(2)
            words = first.lower().split()
            if not _GAP.fullmatch(doc.text[m.end(1) : m.start(2)]) or any(
                    not _GAP.fullmatch(gap) for gap in _BETWEEN_WORDS.findall(doc.text, m.start(1), m.end(2))):
                pos = m.start(1) + len(first.split()[0])  # Markdown between the words: not adjacent
                continue
            if len(set(words)) == 1:
                continue  # "ha ha ha ha", "bye bye bye bye": one word's repeat
            content = [w for w in first.split() if w.lower() not in _JOINING]
            if self.opts["names"] and content and all(w[0].isupper() for w in content):
                continue  # a name's words ("Talk Talk", "Johnson and Johnson", "Department of Commerce" listed twice)
            after = _NEXT_WORD.match(text, m.end(2), span.end)
            if after is not None and after.group(1).lower() == words[0]:
                # "more and more and more", "one of their friends and one of their friends and one of ...": a run that
                # goes on is said on purpose (a triple paste looks the same, and is left alone with it)
                continue
            fix = Fix(m.end(1), m.end(2), "", False) if self.fix_safe is not None else None
            yield Match(m.start(1), m.end(2), args=(second,), fix=fix)
