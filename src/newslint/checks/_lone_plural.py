"""A "we", "us" or "our" in the one sentence of a third-person story that says one: whose voice is it?

Reporters slip into the plural when the newsroom speaks ("We have contacted the
company", "The results surprised us", "those of us who follow the industry").
Copy that says "we" for people in general is no slip, and it has a shape:

* a question or an exclamation ("How far away are we from ...?", "Sign up
  for our newsletter!"): a feature's rhetorical turn, a site's call;
* "all of us", "we all", "us both", "we humans": everybody, not the newsroom;
* a "we" in the present or with a modal, doing something anybody does ("the
  air we breathe", "we would be able to pick out the runways", "what we might
  do"); a "we" in the past, the perfect or the future did, or will do,
  something once ("we spoke to", "we have learned", "we will update");
  with a modal or in the present, only a verb of a reporter's work speaks for
  the newsroom ("we could not reach"; "we understand" only before a clause
  in the past, "we understand the board met", not "we understand the frustration"), or of
  holding a view ("we think the council got it wrong", "we regret the
  error"), or a sentence tied to this story ("we're keeping this live blog
  open"), or a "we" opening its clause at one occasion, a day named or the
  future joined on ("We hope to reopen the bridge by the end of the month",
  not "the air we breathe was at its worst on Tuesday");
* a sentence that reports someone's words ("we will not give up, the union
  said", "scientists fear that we will"): reported speech, its marks lost;
* "let us know", "to contact us", "please email us": an invitation ("let us be
  honest", "let's hope" are the writer's voice).
"""

from __future__ import annotations

import regex
from newslint.compiled import regex_compile

_QUESTION = regex_compile(r"[?!][\"”’)]*\s*\Z")
_EVERYBODY = regex_compile(
    r"\b(?:(?:all|each|every[ \t]+one|many|most|some|any|both|few|none|either|neither)[ \t]+of[ \t]+us|"
    r"we[ \t]+(?:all|both|humans)|us[ \t]+(?:all|both|humans)|we[ \t]+as[ \t]+a[ \t]+\w+)\b", regex.IGNORECASE)
_INVITATION = regex_compile(  # "to contact us", "please email us": an invitation ("spoke to us" is none)
    r"\b(?:(?:to|please)[ \t]+(?:contact|e-?mail|call|phone|join|follow|reach|visit|write[ \t]+to|send)|please)[ \t]+\Z",
    regex.IGNORECASE)
# "let us know", "let us help": a site's invitation; "let us be honest", "let's hope" is the writer's own voice.
_LET = regex_compile(r"\blet[ \t]+\Z", regex.IGNORECASE)
_INVITED = regex_compile(r"[ \t]+(?:know|help|hear|send|show)\b", regex.IGNORECASE)
# The verb phrase after "we": adverbs skipped, then its first word.
_AFTER_WE = regex_compile(r"(?:['’](?P<clitic>ve|d|ll|re))?(?:[ \t]+(?:also|still|now|often|already|just|then|first|"
                          r"recently|again|never|not|n['’]t|only|even|really|all|both|ourselves|too)\b)*[ \t]+(?P<word>[A-Za-z'’-]+)"
                          r"(?:[ \t]+(?:not|never|n['’]t|been|be|able|unable|to|yet|so|far)\b)*(?:[ \t]+(?P<next>[A-Za-z-]+))?")
_MODALS = frozenset("would could might may can cannot can't can’t couldn't couldn’t should must need".split())
_PRESENT_AUX = frozenset("are do don't don’t".split())
_PAST_AUX = frozenset("were was did didn't didn’t weren't weren’t will won't won’t shall had hadn't hadn’t".split())
_HAVE = frozenset("have haven't haven’t".split())
# Irregular past forms of common verbs (English grammar's closed list, the everyday part of it).
_IRREGULAR_PAST = frozenset(
    """arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt burst
    bought caught chose clung came cost crept cut dealt dug did drew dreamt drank drove ate fell fed felt fought
    found fled flew forbade forgot forgave froze got gave went ground grew hung had heard hid hit held hurt kept
    knelt knew laid led leant leapt learnt left lent let lay lit lost made meant met paid put quit read rode rang
    rose ran said saw sought sold sent set shook shone shot showed shrank shut sang sank sat slept slid spoke sped
    spent spun split spread sprang stood stole stuck stung struck strove swore swept swam swung took taught tore
    told thought threw understood woke wore wove wept won wound wrote""".split()
)


def asks(text: str, start: int, end: int) -> bool:
    """The sentence is a question: its pronouns are people in general. Once per sentence (it reads all of it)."""
    return _QUESTION.search(text, start, end) is not None


def everybody_near(text: str, start: int, end: int, at: int) -> bool:
    """The pronoun at `at` is people in general or an invitation, not a newsroom (see the module docstring), by
    the words around it; `start`, `end`: its sentence."""
    if _INVITATION.search(text, max(start, at - 24), at):
        return True
    if _LET.search(text, max(start, at - 6), at) and _INVITED.match(text, at + 2):
        return True
    return _EVERYBODY.search(text, max(start, at - 16), min(end, at + 14)) is not None


def everybody_in(text: str, start: int, end: int) -> bool:
    """The sentence speaks of everybody ("We're all paying more, and we're told it will get worse"): each of its
    pronouns is people in general. Once per sentence (it reads all of it)."""
    return _EVERYBODY.search(text, start, end) is not None


def of_this_story(text: str, start: int, end: int) -> bool:
    """The sentence ties its present tense to this story ("we're keeping this live blog open"): its "we" is the
    newsroom, not people in general. Once per sentence (it reads all of it)."""
    return _THIS_STORY.search(text, start, end) is not None


def last_occasion(text: str, start: int, end: int) -> int:
    """Where the sentence's last named occasion starts (-1: none). Once per sentence, so that each "we" of a long
    sentence asks in constant time (`general_we`)."""
    return max((m.start() for m in _OCCASION.finditer(text, start, end)), default=-1)


def general_we(text: str, start: int, end: int, reporting: frozenset[str], occasion: int = -1) -> bool:
    """A "we" (starting at `start`, its sentence ending at `end`) in the present or with a modal, not at a
    reporter's work: people in general. `occasion`: `last_occasion` of its sentence."""
    m = _AFTER_WE.match(text, start + 2, end)
    if m is None:
        return False
    clitic, word, after = m.group("clitic"), m.group("word").lower(), (m.group("next") or "").lower()
    if word == "at" and _AT_THE_NAME.match(text, m.end("word")):
        return False  # "We at the Gazette": the newsroom by its name
    if clitic == "ll" or word in _PAST_AUX:
        return False  # the future, the past: done (or to be done) once ("We'll have more on this")
    if occasion >= start and _OPENS_CLAUSE.search(text[max(0, start - 12) : start]):
        # "We hope to reopen the bridge by the end of the month", "We are reviewing ... and will cooperate": a subject
        # at one occasion. Not a "we" inside a relative clause ("The air we breathe was at its worst on Tuesday"):
        # the day is the sentence's, and the "we" people in general (helper-56: 57 correct sentences of 61 without this).
        return False
    if clitic == "ve" or word in _HAVE:
        participle = word if clitic == "ve" else after
        return participle == "had" or not _past(participle)  # "experiences we have had", "we have a problem"
    if clitic in ("d", "re"):  # the clitic is the auxiliary: the word after it is the verb ("we're told", "we'd asked")
        return word not in reporting and after not in reporting  # "we're working to confirm"; "if we'd listened"
    if word in _MODALS or word in _PRESENT_AUX:
        return after not in reporting
    if word in _OPINION and (after in _CLAUSE_OPENERS or m.group("next") and m.group("next")[0].isupper()):
        return False  # "We think the council got this wrong", "We regret the error": the paper's own view
    if word == "understand" and _LEARNED.match(text, m.end("word"), end) and not _NOWADAYS.search(text, max(0, start - 12), start):
        return False  # "We understand the talks broke down": what the newsroom has learned, a clause in the past
    return not _past(word) and word not in reporting


# Verbs of holding a view in the present: a "we" doing them in third-person copy is the newspaper's opinion.
_OPINION = frozenset("think believe reckon regret suspect doubt".split())
# What opens the view held, a clause or its object ("we think the council ...", "we regret the error"); not an
# idiom's "nothing of", "of", "about" ("we think nothing of flying", "we think of time as ...").
_CLAUSE_OPENERS = frozenset("that the this these those it its he she they there his her their a an".split())
# "understand" with a clause in the past after it: "(that) the board met", "the talks broke down" (not "we
# understand the frustration": a present feeling, people in general or an official's words).
_LEARNED = regex_compile(r"[ \t]+(?:that[ \t]+)?(?:[\w’'-]+[ \t]+){1,4}?(?!hundred\b)(?:[a-z]+[^\We]ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\b")
_NOWADAYS = regex_compile(r"\b(?:today|now|nowadays)[ ,]*\Z", regex.IGNORECASE)  # "Today we understand the universe began ..."
_AT_THE_NAME = regex_compile(r"[ \t]+the[ \t]+\p{Lu}")
# What ties a present-tense "we" to this story and this day, not to people in general: the story itself, "yet".
# ("yet" is not enough: "we don't yet understand gravity" is science's "we".)
_THIS_STORY = regex_compile(r"\b(?:this|our)[ \t]+(?:story|report|article|live[ \t]+blog|blog|page|coverage|piece)\b", regex.IGNORECASE)


# What ties a "we" to one occasion, not to people in general: a day named ("on Tuesday", "tonight", "by the end
# of the month"; not "today" or "now", which are science's "we"), or the future joined on ("and will cooperate").
_OCCASION = regex_compile(
    r"\b(?:yesterday|tonight|tomorrow|last[ \t]+night|(?:this|next|last)[ \t]+(?:week|weekend|month)|"
    r"by[ \t]+the[ \t]+end[ \t]+of[ \t]+(?:the|this|next)[ \t]+(?:week|month|year)|"
    r"(?<!\b[Ee]very[ \t])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s)|"
    r"(?:and|but)[ \t]+(?:will|won['’]t)[ \t]+\w+)\b")


# A "we" that opens its clause: the sentence's or the paragraph's start, or after a mark (and "and", "but", "so").
_OPENS_CLAUSE = regex_compile(r"(?:\A[ \t]*|[.!?;:,\n][\"”’)]*[ \t]*(?:(?:and|but|so)[ \t]+)?)\Z")


def _past(word: str) -> bool:
    return word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PAST or word == "been"
