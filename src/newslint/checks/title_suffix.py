"""`extends: title-suffix` — a site or section name left on the end of a headline.

Scraped titles keep the page's `<title>`: "Talks at critical stage | Israel’s war
in Gaza News", "Storm hits coast - BBC News", "… — Haaretz", "… « World: Live
updates". Headlines also use dashes and colons for real ("Biden – Harris
ticket", "Study: people infected ..."), so the marks split in two:

* `separators` (a pipe, "::", "•", "«") are never headline punctuation: what
  follows one is a suffix when each of its parts has at most `max_words` words
  (a part may carry a tagline after a colon, "NBC News: Your source for
  breaking news", of at most `tagline_words` words);
* `dashes` (and "/", "·", "»") and `colons` are: what follows one is a suffix when it is a single
  part (a tagline allowed) that names a site. A name matching `sites` or
  `sections` (seeds: "BBC News", "The Guardian", "Opinion") always does
  (after a colon only `sites`: "Ukraine war: Live" is a headline's label).
  Otherwise, with `structure: true`, structure decides:
  - the name looks like one: 1 to `max_words` words, each capitalised
    (joining words such as "of" aside), no digits but a channel number after
    a network or call sign ("FOX 5 Atlanta", "WBNQ 13"), no sentence
    punctuation, no possessive;
  - the headline before it has at least as many words as the name has
    distinctive ones (not "The", "New", "News", "Live" ...; "Fitness — The
    Local" counts) and opens with no quotation mark ("'Deal is dead' –
    Johnson" is attribution);
  - the story does not use the name's distinctive words (a site is not part
    of the story): most of them after a headline whose case contrasts with
    the name's (a sentence-case or all-caps headline before a Title Case
    name); after a Title Case headline, all of them, and at most 2 ("… –
    Usability Case Study" names what the story is);
  - and one more sign: that contrast of case, a tagline, or a short name (at
    most 3 words); contrast and a tagline together also suffice.
  A masthead is enough without those signs, when the story never uses its distinctive words and it has at
  most 4 words: a name ending in a publication's noun ("Eastshire Echo", "Northfield Post-Dispatch") or a
  broadcaster with its channel ("FOX 5 Atlanta"), even after a one-word headline or a colon.
  An all-caps name after an all-caps headline ("… - USDA" in old wire copy) is
  attribution unless it is a seed. After a colon, contrast and absence from
  the story are both needed ("The API Briefing: Home Energy Saver" is a
  headline), and the name has at most 3 words. After a colon, seeds too need the story not to use the
  name, and the head at least 4 words ("Review: The Courier" is a label and its subject).

The leftmost separator whose remainder is a suffix wins. The match runs from
the whitespace before the separator to the end of the title, so the fix
(removing it) leaves no trailing space. The rule's scope says which headlines
are looked at (the title, and `# heading`s if asked); nothing else is.
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint.checks.base import Check, Option, OptionError
from newslint.document.model import BODY_KINDS
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern, finditer

_SPACE = r"[ \t\u00a0]+"
_QUOTES = "\"'“‘«„"
_WORD = re.compile(r"[\w’'&.-]+")
# Words that join a name's capitalised words ("Times of India", "Politics and Policy").
_JOINERS = frozenset("of the and for in on at de du la le el des von van y & to".split())
# Function words a Title Case headline leaves in lower case: not a sign of sentence case.
_FUNCTION = frozenset("""a an the and but or nor for so yet of in on at to by from with into onto upon over under
    after before about above across against along among around as than that this these those via per off out up down
    near past since till until within without amid amidst versus vs""".split())
# Words that say nothing about whether a name is the story's: "The", "New", "News".
_GENERIC = frozenset("the new news daily online live world today times post".split()) | _FUNCTION
# After a colon, the fewest words before it for what follows to be a suffix: a short label before a colon
# names the subject ("Lost in space: Mars Observer", "Wanted: Bike Courier"), a page's title has a headline.
_COLON_HEAD = 4


def _separator_regex(marks: list[str]) -> str:
    # " | " in a rule means: the mark with whitespace of any width on both sides.
    return "|".join(_SPACE.join(re.escape(part) for part in mark.split()) for mark in marks if mark.strip())


class TitleSuffix(Check):
    kind = "title-suffix"
    summary = "Flags a site or section name (with or without a tagline) after ' | ', ' - ' or ': ' at the end of a title."
    can_fix = True
    default_scope = ("title",)
    options = {
        "separators": Option("list", ["|"], doc="marks that never occur in a headline; what follows is a suffix"),
        "dashes": Option("list", ["-", "–", "—"], doc="marks that headlines use too; what follows must name a site"),
        "colons": Option("list", [], doc="marks such as ':' (no space before); what follows must name a site, on stricter evidence"),
        "max_words": Option("int", 6, doc="longest suffix part (a site or section name), in words"),
        "tagline_words": Option("int", 8, doc="longest tagline after a name's colon ('NBC News: Your source for ...'), in words"),
        "sites": Option("list", [], doc="case-sensitive regexes for a whole name that always counts after a dash"),
        "sections": Option("list", [], doc="section names that always count after a dash ('Opinion', 'World')"),
        "structure": Option("bool", False, doc="after a dash or colon, also decide from structure (case, the story's words, a tagline)"),
    }

    def setup(self) -> None:
        o = self.opts
        for key in ("separators", "dashes", "colons", "sites", "sections"):
            if not all(isinstance(v, str) and v.strip() for v in o[key]):
                raise OptionError(key, f"every item of '{key}' must be a non-empty string")
        if not o["separators"] and not ((o["dashes"] or o["colons"]) and (o["sites"] or o["sections"] or o["structure"])):
            raise OptionError("extends", "a title-suffix rule needs 'separators', or 'dashes' with 'sites', 'sections' or 'structure: true'")
        for key in ("max_words", "tagline_words"):
            if o[key] < 1:
                raise OptionError(key, f"'{key}' must be at least 1")
        strong = _separator_regex(o["separators"]) or r"(?!)"
        dash = _separator_regex(o["dashes"]) or r"(?!)"
        colon = "|".join(re.escape(c.strip()) for c in o["colons"]) or r"(?!)"
        # Whitespace before the mark (the match starts there) and after it; a colon has none before it.
        self.separator = compile_pattern(
            f"{_SPACE}(?:(?P<strong>{strong})|{dash}){_SPACE}|(?P<colon>{colon}){_SPACE}", "separators")
        self.strong = compile_pattern(f"{_SPACE}(?:{strong}){_SPACE}", "separators")
        self.mark = compile_pattern(f"{_SPACE}(?:{strong}|{dash}){_SPACE}", "separators")  # a colon may start a tagline
        sites = "|".join(f"(?:{s})" for s in o["sites"]) or r"(?!)"
        self.sites = compile_pattern(rf"\A(?:{sites})\Z", "sites")
        self.sections = frozenset(" ".join(s.split()) for s in o["sections"])

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        body = None
        for span in scope.spans:
            text = scope.source
            end = span.end
            while end > span.start and text[end - 1].isspace():
                end -= 1
            for sep in self.separator.finditer(text, span.start, end):
                rest = text[sep.end() : end]
                head = text[span.start : sep.start()].strip()
                if _closes_quotation(head, sep.group().strip(), rest):
                    continue  # "Macron : « Nous sommes en guerre » selon lui": a French quotation's close
                if sep.group("strong") is not None:
                    found = self._strong_suffix(rest, sep.group().strip())
                else:
                    body = self._body_words(doc) if body is None else body
                    found = self._names_site(rest, head, body, colon=sep.group("colon") is not None)
                if found:
                    fix = Fix(sep.start(), end, "", self.fix_safe) if self.fix_safe is not None else None
                    yield Match(sep.start(), end, args=(rest,), fix=fix)
                    break

    def _split(self, part: str) -> tuple[str, str | None] | None:
        """(name, tagline or None), or None when a part is too long to be a name (with its tagline)."""
        name, colon, tagline = part.partition(": ")
        if not colon or not tagline.strip():
            name, tagline = part, None
        if len(name.split()) > self.opts["max_words"]:
            return None
        if tagline is not None and len(tagline.split()) > self.opts["tagline_words"]:
            return None
        return name.strip(), tagline

    def _strong_suffix(self, rest: str, mark: str) -> bool:
        if not rest.strip() or any(_OPENING.get(c) == mark for c in rest):  # "« … »" is a French quotation
            return False
        return all(self._split(part) is not None for part in self.strong.split(rest))

    def _seed(self, name: str, sections: bool = True) -> bool:
        if sections and " ".join(name.split()) in self.sections:
            return True
        return next(finditer(self.sites, name), None) is not None  # under the time budget

    def _names_site(self, rest: str, head: str, body: frozenset, colon: bool) -> bool:
        if not rest.strip() or self.mark.search(rest):
            return False
        split = self._split(rest)
        if split is None:
            return False
        name, tagline = split
        words = name.split()
        head_words = head.split()
        if colon and len(head_words) < _COLON_HEAD:
            return False  # "Review: The Courier", "Sale ruled out: Channel 4": a label, then the headline's subject
        content = [w.casefold() for w in _WORD.findall(name) if w.casefold() not in _GENERIC and len(w) > 2]
        absent = sum(w.strip(".") not in body for w in content)
        if self._seed(name, sections=not colon):  # "Ukraine war: Live" is a headline's own label
            # After a colon a seed must be foreign to the story too: "Review: The Courier" reviews a film the
            # story names, "Sale ruled out: Channel 4" is about the channel. (After a dash, "... - BBC News"
            # is the page's even in a story that quotes the BBC.)
            return not colon or absent == len(content)
        if not self.opts["structure"]:
            return False
        if not _name_shaped(words) or not head_words or head[:1] in _QUOTES:
            return False
        if _all_caps(head) and _all_caps(name):
            return False  # "FRANCE WILL FIGHT EC FARM PROPOSALS - MINISTER": attribution in wire copy
        if content and absent == len(content) and len(words) <= 4 and _masthead(words):
            return True  # "School / Eastshire Echo", "…: FOX 5 Atlanta": a publication the story never names
        if len(head_words) < max(1, len(content)):
            return False
        contrast = _all_caps(head) or _sentence_case(head_words)
        # Without a contrast of case (a Title Case headline) the name must be brief and wholly the page's, not the story's.
        foreign = bool(content) and ((absent == len(content) and len(content) <= 2) or (contrast and 2 * absent >= len(content)))
        if colon:
            return contrast and foreign and len(words) <= 3
        if foreign:
            return contrast or tagline is not None or len(words) <= 3
        return contrast and tagline is not None

    @staticmethod
    def _body_words(doc) -> frozenset:
        """Lower-case words of the story below the headline."""
        text = " ".join(doc.prose[b.start : b.end] for b in doc.blocks_of(*BODY_KINDS, "heading"))
        return frozenset(w.casefold().strip(".") for w in _WORD.findall(text))


def _name_shaped(words: list[str]) -> bool:
    """Capitalised words ("The East African", "TechCrunch", "example.com"), joined by "of", "and" ...; no
    digits but a broadcaster's channel number ("FOX 5 Atlanta", "WFTV Channel 9")."""
    if not words or words[0].casefold() in _JOINERS - {"the"} or words[-1].casefold() in _JOINERS:
        return False
    for i, w in enumerate(words):
        if i and _CHANNEL.fullmatch(w) and _BROADCASTER.fullmatch(words[i - 1]):
            continue
        if _NUMBERED.fullmatch(w):
            continue  # "News24", "9News": a broadcaster's name with its channel number
        if any(c.isdigit() for c in w) or re.search(r"[,;:!?()\"“”]|[’']s$", w):
            return False
        if not (w[:1].isupper() or w.casefold() in _JOINERS):
            return False
    return True


# A channel number after a network's capitals or a call sign ("FOX 5", "WBNQ 13"), or after "Channel".
_CHANNEL = re.compile(r"\d{1,3}")
# A broadcaster's name with its channel number in one word: "News24", "9News", "7NEWS".
_NUMBERED = re.compile(r"(?:News|NEWS|TV)\d{1,3}|\d{1,3}(?:News|NEWS|TV)")
# A call sign (K/W/C and two or three letters), a network, or "Channel": not "UFC 300", "GTA 6", "COVID 19".
_BROADCASTER = re.compile(r"[KWC][A-Z]{2,3}|FOX|ABC|CBS|NBC|PBS|CW|ITV|BBC|RTL|NHK|Channel|TV|Radio")
# The nouns publications are named with ("Northfield Post-Dispatch", "PR Newswire", "Eastshire Echo"): general
# newspaper naming, not any site's list. ("News", "Times", "Post" and the like need no structure: the seed
# `sites` name them after any capitalised words.)
_MASTHEAD_NOUNS = frozenset("""herald gazette tribune dispatch journal chronicle newswire courier observer telegraph
    inquirer examiner bulletin sentinel echo""".split())
# A ship's prefix: "HMS Echo" is no newspaper.
_SHIPS = frozenset("HMS USS RMS HMCS HMAS HMNZS SS MV MS RV INS".split())


def _masthead(words: list[str]) -> bool:
    """A publication's name: its last word (or that word's last part) a masthead noun, or a broadcaster's channel
    ("FOX 5 Atlanta"). Not "Daily ..." ("Coronavirus: Daily Briefing" is a headline's own label), nor a ship's
    name ("Decommissioned: HMS Echo")."""
    if words[0].rstrip(".") in _SHIPS:
        return False
    return words[-1].rsplit("-", 1)[-1].casefold() in _MASTHEAD_NOUNS or any(_CHANNEL.fullmatch(w) for w in words[1:])


# Marks that close a quotation opened in the headline: "« Nous sommes en guerre » selon Macron"; German
# quotes the other way round: "Jäger sagt » wir schaffen das « im Landtag".
_OPENING = {"»": "«", "›": "‹", "«": "»", "‹": "›"}


def _closes_quotation(head: str, mark: str, rest: str = "") -> bool:
    opening = _OPENING.get(mark)
    return opening is not None and (head.count(opening) > head.count(mark) or opening in rest)


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _sentence_case(words: list[str]) -> bool:
    """A headline in sentence case: a lower-case word after the first that is no function word."""
    return any(w[:1].islower() and w.isalpha() and w.casefold() not in _FUNCTION for w in words[1:])
