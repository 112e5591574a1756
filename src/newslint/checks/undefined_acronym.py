"""`extends: undefined-acronym` — an outlet or source known only by initials the story never explains.

"NDMT’s Bernard Smith reports ..." and "according to an NDMT tally" credit a
source the reader cannot identify. The check flags an all-capitals token (two
or more capitals: NDMT, KTN, AT&T) where it is used as a source:

* a possessive before a name or a reporting noun: "NDMT’s Bernard Smith",
  "NDMT’s correspondent", "NDMT’s analysis";
* before a reporting noun or verb: "an NDMT tally", "NDMT figures", "NDMT reported";
* after "according to", "told", "reported by", "cited by", "interview with";

unless the story defines it anywhere (title and quotations included):
"National Disaster Monitoring Team (NDMT)" (markup, quotation marks or a comma
around the name, square brackets and a plural allowed: "**Full Name** [NDMT]",
"Providers (HISPs)"), "NDMT (National ...)", "NDMT, the monitoring group" (not
"according to NDMT, the toll rose"), "NDMT is (probably) a ...", "customer
satisfaction—or CSAT", "a hash, called an RRSIG", a description right before
it whose head noun says what it is ("the trade union alliance KZB") or whose
initials spell it ("the disaster monitoring team DMT"), a company suffix ("PKF
LLP"), or a capitalised name whose initials spell it, read round from any
word, function words and a leading country counted or not ("the National
Disaster Monitoring Team ... NDMT"; "the Agriculture Department ... USDA", the
Department of Agriculture) — or it is a known organisation. Known
organisations come from YAML lists (`organisations`: paths relative to the
rule file, each a mapping `organisations: {ACRONYM: name}`; the built-in list
is `data/organisations.yml`) and the rule's `exceptions` (acronyms that are
not organisations: COVID, GDP, CEO). With `vocab: true` the config's
`vocabulary.accept` also silences it. Nor is it a source when it is a
channel's name with its number ("TVN24", "BBC1"), or a term that modifies a
common noun somewhere in the story ("a PCR test": not "an NDMT tally" or "an
NDMT spokesman", which are the organisation's).

Every source use of an undefined acronym is flagged, not only the first: each
one is a place where the reader meets an unexplained source. Titles and
headings are not checked (a headline may use initials the body defines), but
they count as definitions.
"""

from __future__ import annotations

from typing import Iterator


import regex

from newslint.checks import _datalists as lists
from newslint.checks._initials import MINOR, spells, tail_spells
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Match

_ACRONYM = regex_compile(r"(?<![\w&.’'-])(?=(?:[A-Z0-9&]*[A-Z]){2})[A-Z][A-Z0-9&]*[A-Z0-9](?![\w&-])")
_ROMAN = regex_compile(r"[IVXLCDM]+")

_NOUNS = (
    r"correspondents?|reporters?|journalists?|editors?|producers?|analysts?|anchor|presenter|bureau|team|crew|"
    r"analysis|reports?|reporting|tally|count|investigation|survey|poll|data|figures|estimates?|calculations?|"
    r"projections?|sources?(?!\s+code)|coverage|interview|footage|findings|review|study|story|article|exclusive|website"
)
_VERBS = r"reported|reports|learned|learnt|understands|confirmed|quoted|cited|estimated|estimates|counted|obtained|revealed|broadcast|aired"
# After the acronym.
# "NDMT’s correspondent", or "NDMT’s Bernard Smith reports" (a name then a reporting verb: a
# party's "DAB's Ben Chan and Leung Che-cheung" is an affiliation, not a source).
_SAYS = r"(?:reports|reported|said|says|told|tells|wrote|writes|added|adds|explained|asked|noted)\b"
_POSSESSIVE = regex_compile(
    r"['’]s\s+(?:own\s+|senior\s+|chief\s+|local\s+)?(?:(?:" + _NOUNS + r")\b|(?:[A-Z][\w’'.-]*\s+){1,4}" + _SAYS + ")"
)
_NOUN_AFTER = regex_compile(r"\s+(?:(?:" + _NOUNS + r")\b(?!\s+(?:that|to)\b)|(?:" + _VERBS + r")\b)")
# Before the acronym.
_SOURCE_BEFORE = regex_compile(
    r"(?:\baccording\s+to|\btold|\b(?:reported|quoted|cited|broadcast)\s+by|\binterview\s+with|\bspeaking\s+to|\bspoke\s+to)"
    r"(?:\s+the)?\s+\Z",
    regex.IGNORECASE,
)
_PART_OF_NAME_BEFORE = regex_compile(
    r"(?<![\w’'&.-])(?!(?:The|A|An|This|That|These|Those|In|On|At|By|For|From|With|To|Of|And|Or|But|As|After|Before|"
    r"When|While|According|Told|Said|Meanwhile|Also|Then|Now|However)\b)[A-Z][\w’'&.-]*(?<!\w\w\.)[ \t]+\Z"
)  # a word that ends a sentence ("Kenya. DWFE's") is not part of a name; "U.S." and initials are
_PART_OF_NAME_AFTER = regex_compile(r"[ \t]+[A-Z][a-z]")
# Capitalised names, for initials: "National Disaster Monitoring Team".
_NAME = regex_compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the|on|in|de|du|des|la|le|el|al|und|&)\s+)*[A-Z][\w’'&.-]*)+"
)
# Head nouns that say what the following initials are: "the broadcaster NDMT", "the national trade
# union alliance KZB" (whatever language the initials come from).
_DESCRIPTORS = (
    r"broadcaster|channel|network|station|newspaper|paper|agency|outlet|website|site|magazine|daily|weekly|"
    r"tabloid|group|party|company|firm|union|organi[sz]ation|institute|broadcasting|television|radio|"
    r"alliance|federation|confederation|association|coalition|movement|front|bloc|league|council|committee|"
    r"commission|authority|regulator|watchdog|ministry|department|office|service|body|bank|lender|insurer|"
    r"pollster|airline|carrier|operator|manufacturer|maker|retailer|conglomerate|consultancy|charity|"
    r"foundation|fund|trust|university|college|hospital|society|syndicate|cooperative|co-operative|centre|center|"
    r"tank|lobby|militia|unit|exchange|parliament|assembly"
)
# After the initials, these make a company of them, one that trades under its initials: "PKF LLP", "KBC Group".
_CORPORATE = r"LLP|LLC|PLC|plc|Inc|Ltd|Limited|Corp|Corporation|AG|SA|S\.A\.|SE|NV|N\.V\.|BV|GmbH|AB|ASA|SpA|Co|Group|Holdings|Bank"
_CHANNEL = regex_compile(r"[A-Z&]+\d+")  # "TVN24", "BBC1", "ITV2": a channel's name in itself
# Initials as a modifier of a common noun are a term, not a source: "a PCR test", "two PCR tests"
# (but "an NDMT tally", "an NDMT spokesman" are the organisation's).
_PEOPLE = (
    r"officials?|spokes(?:man|woman|person|people)|members?|staff|employees?|workers?|executives?|chiefs?|heads?|"
    r"directors?|chair(?:man|woman|person)?|leaders?|leadership|boss|researchers?|scientists?|experts?|economists?|"
    r"strategists?|officers?|investigators?|lawyers?|representatives?|delegates?|statements?|documents?|records?"
)
_COUNT = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?:,\d{3})*(?![\d,.])|several|many|more|fewer|no|each|every"
_AUXILIARY = r"will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|does|did|do"


class UndefinedAcronym(Check):
    kind = "undefined-acronym"
    summary = "Flags an outlet or source cited by initials ('NDMT’s Bernard Smith') that the story never defines."
    default_scope = ("summary",)
    options = {
        "organisations": Option("list", [], doc="YAML lists of known acronyms (paths relative to the rule file)"),
        "exceptions": Option("list", [], doc="acronyms never flagged (not organisations: COVID, GDP, CEO)"),
        "vocab": Option("bool", True, doc="the config's vocabulary.accept also silences it"),
    }

    def setup(self) -> None:
        exceptions = self.opts["exceptions"]
        if not all(isinstance(e, str) and e.strip() for e in exceptions):
            raise OptionError("exceptions", "every item of 'exceptions' must be a non-empty string")
        self.known: set[str] = {e.strip() for e in exceptions}
        for ref in self.opts["organisations"]:
            self.known |= load_organisations(self.rule.path, ref)

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        candidates = []
        for span in scope.spans:
            for m in _ACRONYM.finditer(text, span.start, span.end):
                acronym = m.group()
                if (acronym in self.known or _ROMAN.fullmatch(acronym) or _CHANNEL.fullmatch(acronym)
                        or acronym.lower() in _EMPHASIS or _shouting(text, m, span)):
                    continue
                if _source_use(text, m, span.start, span.end):
                    candidates.append(m)
        if not candidates:
            return
        defined = _definitions(doc.prose, {m.group() for m in candidates})
        for m in candidates:
            if m.group() not in defined:
                yield Match(m.start(), m.end())


def _source_use(text: str, m, start: int, end: int) -> bool:
    if _PART_OF_NAME_BEFORE.search(text, max(start, m.start() - 30), m.start()) or _PART_OF_NAME_AFTER.match(text, m.end(), end):
        return False  # "Texas A&M", "GB News": initials inside a longer name
    after = m.end()
    if _POSSESSIVE.match(text, after, min(end, after + 40)) or _NOUN_AFTER.match(text, after, min(end, after + 40)):
        return True
    return bool(_SOURCE_BEFORE.search(text, max(start, m.start() - 40), m.start()))


# Function words set in capitals are emphasis ("a call for YOUR story"), never initials.
_EMPHASIS = frozenset("your yours you our ours their the this that these those not all any every each "
                      "and but never only must very".split())


def _shouting(text: str, m, span) -> bool:
    """An all-capitals stretch of words ("BREAKING NEWS: ..."): not an acronym."""
    window = text[max(span.start, m.start() - 20) : min(span.end, m.end() + 20)]
    words = regex.findall(r"[^\W\d_]{2,}", window)
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 3


def _definitions(text: str, acronyms: set[str]) -> set[str]:
    """Which of `acronyms` the text explains, or shows to be a company, a channel or a term."""
    defined = set()
    for acronym in acronyms:
        a = regex.escape(acronym)
        patterns = (
            # National ... Team (NDMT), **Full Name** (NDMT), "Full Name" [NDMT]; not a dateline CAIRO (NDMT)
            rf"\b(?![A-Z]{{2,}}\b)\w[\w’'.-]*[\s\"”’'*_),]*[(\[]\s*(?:the\s+)?{a}s?\s*[)\]]",
            rf"\b{a}\s*[(\[]\s*(?:the\s+)?[*_\"“‘]*[A-Z][a-z]",  # NDMT (National ...)
            # NDMT, the monitoring group; not "according to NDMT, the death toll rose"
            rf"(?<!\b[Aa]ccording\s+to\s+(?:the\s+)?)\b{a}(?:['’]s)?,\s+(?:the|a|an|which|who|an?\s+\w+\s+that)\b",
            rf"\b{a}\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:the|a|an|one\s+of)\s",  # NDMT is (probably) a news site
            rf"[a-z][\w’'-]*\s*[,—–(]\s*or\s+(?:the\s+)?{a}\b",  # customer satisfaction—or CSAT
            rf"(?:,\s*called|\bknown\s+as|\bdubbed)\s+(?:an?\s+|the\s+)?{a}\b",  # a hash, called an RRSIG
            rf"\b(?:{_DESCRIPTORS})\s+{a}\b",  # the broadcaster NDMT, the trade union alliance KZB
            rf"\b{a}\s*(?:stands|stood)\s+for\b|\b(?:short|abbreviation)\s+for\s+{a}\b",
            rf"\b{a}\s+(?:{_CORPORATE})(?!\w)",  # PKF LLP, KBC Group
            rf"\b(?:{_COUNT})\s+{a}\s+(?!(?:{_NOUNS}|{_PEOPLE}|{_VERBS}|{_AUXILIARY})\b|{_SAYS})[a-z]{{3,}}",  # a PCR test
        )
        if any(regex.search(p, text) for p in patterns) or _described(text, acronym):
            defined.add(acronym)
    rest = acronyms - defined
    if rest:
        for m in _NAME.finditer(text):
            words = regex.split(r"\s+", m.group())
            full = "".join(w[0] for w in words if w[0].isalpha() or w == "&").upper()
            major = "".join(w[0] for w in words if w.lower() not in MINOR).upper()
            for acronym in list(rest):
                if acronym in full or acronym in major or spells(acronym, words):
                    defined.add(acronym)
                    rest.discard(acronym)
            if not rest:
                break
    return defined


def _described(text: str, acronym: str) -> bool:
    """A description right before the initials whose words spell them: "the disaster monitoring team DMT"."""
    for m in regex.finditer(rf"\b(?:the|a|an|its|their|his|her|our)\s+((?:[a-z][\w’'-]*\s+){{2,6}}){regex.escape(acronym)}\b", text):
        words = m.group(1).split()
        if tail_spells(acronym, words, shortest=2):
            return True
    return False


def load_organisations(rule_path: str, ref) -> set[str]:
    """The acronyms of one organisations list: `organisations: {ACRONYM: name, ...}` (or a list of acronyms)."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    key = "organisations"
    node, _ = lists.read_list(rule_path, ref, key, "organisations")
    out: set[str] = set()
    if isinstance(node, yaml.MappingNode):
        items = [k for k, _ in node.value]
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
    else:
        raise lists.fail(key, ref, node, "'organisations' must map each acronym to its name")
    for item in items:
        value = lists.scalar(item)
        if value is None or not value.strip() or any(c.isspace() for c in value.strip()):
            raise lists.fail(key, ref, item, f"an acronym must be one word of text, not {getattr(item, 'value', item)!r}")
        out.add(value.strip())
    return out
