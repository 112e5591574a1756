"""`extends: placeholder` — marks a writer left for later: TK, [NAME], [insert quote], XX, lorem ipsum.

A placeholder is a placeholder wherever it stands, so the check looks inside
quotations and headings too (a "[NAME]" in a quote is still unfinished copy);
code, front matter, HTML and link targets are blanked before it looks.

* `tokens`: regexes flagged anywhere (word-bounded, case-sensitive unless the
  regex says `(?i:...)`), e.g. `TK(?:TK)*`, `FIXME`, `(?i:lorem ipsum)`;
* `brackets`: regexes matched against the whole inside of a `[...]`, e.g.
  `NAME` or `(?i:insert\\b.*)` — so "[sic]" and "[Sunday]" are not placeholders;
* `slots`: a vocabulary (`data/slots.yml`: editing verbs, "to come" markers,
  slot nouns) with which structure decides. `{{...}}` and `%%...%%` are
  template slots whatever they hold. A bracket, `{...}`, `__...__` or
  `<<...>>` is a slot when its inside is an instruction ("check figure"), says
  the text is missing ("second source needed"), names a slot ("PHOTO CAPTION",
  "NAME of CONTRACTING OFFICER", "[name]"; bare, with no article), is filler
  ("x", "#", "??") or, in capitals, is a dictionary word that is no convention
  ("[SPOKESPERSON]"; not "[LAUGHTER]", "[PDF]", "[NATO]"). Parentheses hold
  acronyms and glosses, so there only an instruction, a missing mark, a slot
  in capitals or a bare value ("(name)") counts. A run of capitals in
  mixed-case prose is a slot when it is an instruction ("INSERT QUOTE HERE",
  "ADD FIGURE") or a slot with a marker ("NAME TO COME"), even in a
  quotation; outside quotations also when it is only slot words ("PHOTO
  CAPTION") or a single value noun ("signed by NAME"; not "a PERSON", nor in
  a block that shouts other words: "understanding WHY"). Blocks mostly in
  capitals (old wire headlines) are left to the other tests;
* `numerals`: "XX", "XXX", "xx", "X,XXX", "$X", "###" standing for a number
  ("$XX million", "March XX", "### pct"). Two or three X's straight after a
  capitalised name ("Super Bowl XXX"; not after a month: "March XX" is a gap)
  or before "Olympiad", "Corps", ... are a Roman numeral and are left alone;
  "XXL", "XXX-rated" never match, nor a "###" that ends a press release or
  opens a heading ("### Preview"); one letter repeated for the digits with
  their separators ("n.nn metres", "N,NNN"); TK glued to digits ("tk00");
* `marks`: a lone "??" or one standing for a number ("$?? million", "??%",
  "?mph", "??p a share", "£??m"; not "What??", which is punctuation, not a gap).

With `slots`, notes left for the desk count too: a note addressed to an
editor that asks something ("[Sub: please trim]", "NOTE TO DESK: awaiting
...", "Fact-check: is this the right year?"; not a published "[Ed.: The
company later clarified ...]"), "TO COME:" as a label, a slot pointed at
("Explainer box to go here", "More detail needed here"), a request where a
sentence should start ("need comment from the school", "Needs a second
source"), TK glued to its slot ("NAMETK"), zeros for a number ("00,000"), a
template's variable where a sentence ends or starts ("$CONTENT"; not
"$ORIGIN example.gov."), a note set off by doubled or tripled marks ("++ Add reaction
++", "*** update when verdict in ***", "###CHECK###"), a note to the desk by
its handle or shorthand ("@subs pls check this"), a part of the story
promised where a sentence starts ("Quote from the minister to come"; not a
live story's "More to come"), a wire's "-MORE-", a program's format slot
("Cllr %s"), a slot in angle brackets in lower case ("<name>") or in another
language's word ("[cifra]", "[NOM]"), other systems' variables ("#{name}",
"{0}", "%price%", "«PaymentDate»", a shortcode), a clock with
letters or marks for digits ("HH:MM", "0?:??"), a lone "#" or "@@" for a
number, an HTML comment in plain text, each only where it is used, not quoted
or named as a thing ("a specifier such as %s", "the HH:MM format"), a note in brackets with "pls" or for
an @name, an editing verb queried ("(check?)"), a chatbot's words ("As an AI
language model"), and a paragraph in capitals that is
only an instruction or a slot ("FILL IN WHEN WE HAVE IT").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from newslint.checks import _datalists as lists
from newslint.checks._initials import tail_spells
from newslint.checks._number_slots import number_slots
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.document.sentences import opens_sentence
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

_BRACKET = regex_compile(r"\[([^\[\]\n]{1,80})\]")
_TEMPLATE = regex_compile(r"\{\{([^{}\n]{1,60})\}\}|%%([^%\n]{1,40})%%|(?<!\{)\{([^{}\n]{1,60})\}(?!\})|(?<!\w)__([^_\n]{1,40})__(?!\w)")
_PAREN = regex_compile(r"\(([^()\n]{1,60})\)")
_ANGLE = regex_compile(r"<<([^<>\n]{1,60})>>|(?<!<)<([A-Z][A-Z0-9 _-]{0,40})>(?!>)")
_ENCLOSED = regex_compile(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}|<<[^<>\n]*>>")
# Filler standing for a value: "[x]", "[N]", "[n]", "[#]", "[??]", "[___]", "[XX,XXX]".
_FILLER = regex_compile(r"(?:[xX]+|N+|n|#+|\?+|_+|0{2,})(?:[,.](?:[xX]+|N+|#+|0{3}))*")
# X's for a number: "XX", "XX,XXX", "$XXm", "XX%"; lowercase too ("xx people").
# Not inside a dotted name or a path: "state.xx.us", "go.usa.gov/xxx" are patterns of addresses, not gaps; nor
# one the story names as a thing ("the XX format").
# A run of X stands for a number as written ("XX,XXX", "$XXm"), or a pair of equal runs ("a XX-XX
# vote": a range of Roman numerals, "Super Bowls XX-XXX", has two different ones).
_NUMERAL = regex_compile(r"(?<![\w./-])(?:(X{2,})(?:[-–]\1)+|X{2,}(?:[,.]X{3})*(?:m|bn|k|km)?|X(?:[,.]X{3})+|"
                         r"(?<=[$£€])[Xx](?:[.,][Xx]+)?(?:m|bn|k)?|x{2,})(?![\w-]|\.\w)")
_HASHES = regex_compile(r"(?<![\w#&/])#{2,}(?![\w#])")
_ARTICLE_BEFORE = regex_compile(r"\b(?:[Aa]n?|[Tt]he)[ \t\u00a0]+\Z")
_LONE_MARKS = regex_compile(r"(?<![^\s(\[$£€])\?{2,}(?![^\s)\].,;:%])")
_WORD_BEFORE = regex_compile(r"(\w[\w’'.-]*)[ \t\u00a0]+\Z")
# Nouns that Roman numerals come before: "the XXX Olympiad", "XX Corps"; and a karyotype's "XX chromosomes".
_NOUN_AFTER = regex_compile(r"[ \t\u00a0]+(?:Olympiad|Olympic|Games|Century|Congress|Corps|Dynasty|Legislature|Amendment|"
                            r"chromosomes?|and[ \t\u00a0]+XY)\b")  # and the karyotype: "XX chromosomes", "XX and XY"
# Capitalised words before X's that still mean a number, not a Roman numeral.
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday the a an in on at by of for from to about over under some nearly almost
    only just around roughly approximately more than least most all page room""".split()
)
# A run of words in capitals ("NAME TO COME", "INSERT QUOTE HERE"); a single capital ("A") is a word too.
_CAPS_WORD = r"(?:[A-Z][A-Z’'-]*[A-Z]|[A-Z])"
_CAPS_RUN = regex_compile(rf"(?<![\w’'-]){_CAPS_WORD}(?:[ \t\u00a0]+{_CAPS_WORD})*(?![\w-])")
_TOKEN = regex_compile(r"[\w’'?#-]+")
# Words that open an editorial insertion, never a slot: "[the rebels]", "[his]".
_DETERMINERS = frozenset("the a an this that these those his her its their our my your he she it they we".split())
# Words beside slot nouns in a slot's name: "[first name]", "[NAME of OFFICIAL]"; the first six may open it.
_OPENING_MODIFIERS = frozenset("first last second third full exact official final correct".split())
_MODIFIERS = _OPENING_MODIFIERS | frozenset("of and or".split())
_SLOT_KEYS = ("verbs", "requests", "markers", "pointers", "values", "media", "not_slots", "stand_in_names")
# Words that make a run of slot words a name's slot: "Firstname Lastname", "First Name Last Name".
_NAME_WORDS = frozenset("name names surname firstname lastname forename".split())
_CAPITALISED_AFTER = regex_compile(r"[ \t\u00a0]+\p{Lu}")
# People and titles whose name a slot asks for ("Spokesperson Name", "Mr Surname"), and words that point at the gap.
_PERSONS = frozenset("""mr mrs ms mx dr prof title spokesperson spokesman spokeswoman official minister officer person
    speaker source expert witness victim suspect candidate player coach author reporter editor""".split())
# What a "to come" mark in capitals may promise: "MORE TO FOLLOW", "DETAILS TO COME", "UPDATE TO FOLLOW".
_MORE = frozenset("more details update updates".split())
_POINTERS = frozenset("here goes go".split())
# Zeros for a number: "00,000 people", "0,000"; and "000" twice, a result to come ("a vote of 000 to 000": alone,
# "000" is Australia's emergency number, a size, a grade of steel wool, "R'000").
_ZEROS = regex_compile(r"(?<![\w.,])0+(?:,000)+(?![\w]|[.,]\d)|(?<![\w.,$£€+#'’-])000[ \t]+(?:to|and|or|-|–)[ \t]+000(?![\w]|[.,]\d)")
# A year with question marks for its last digits, in a date: "1 January 20??", "March 5, 20??" ("Born 18??" on a
# gravestone and "Class of 20??" are written so).
_QUERIED_DIGITS = regex_compile(r"(?i:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                                r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?)"
                                r"\K\d{2}\?\?(?![\w?])")
# A courtesy title offering alternatives before a stand-in name: a template's "Mr/Ms X", "Mr./Mrs. Surname" (a form's
# "Mr/Ms" and a letter's "Dear Mr/Ms Jones" are written so).
_TITLE_CHOICE = regex_compile(r"(?<![\w/])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?/(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+"
                              r"(?:X|XX|Y|Surname|Lastname|Last[ \t]+Name|Name|Bloggs|Doe|So-and-so)(?![\w/])")
# TK glued to what is to come: "NAMETK", "HEDTK", "TKQUOTE"; before a hyphen or a capital, the rest of a
# name the slot stands in for ("NAMETK-kei Tam", "NAMETKMinimy").
_GLUED_TK = regex_compile(r"(?<![\w’'-])(?:(?P<a>[A-Za-z]{2,12})TK(?:(?=\p{Lu}\p{Ll})|(?![\w’']))|TK(?P<b>[A-Za-z]{2,12})(?![\w’']))")
# Where a sentence may open: a block's start, after a sentence's end, after an opening bracket or "**".
_OPENS = r"(?:(?<=(?:\A|\n)[ \t\u00a0]*)|(?<=[.!?…][\"”’')\]]*[ \t\u00a0]+)|(?<=[\[(]|\*\*))"
# A template's variable left unfilled: "$CONTENT", "${name}", where a sentence or a paragraph ends or a new one
# starts; not a directive with its argument ("$ORIGIN example.gov." in a zone file) nor "$US5bn".
_VARIABLE = regex_compile(r"(?<![\w$])\$(?:\{\w{1,40}\}|[A-Z][A-Z0-9_]{3,40})(?=[ \t\u00a0]*(?:\n|\Z)|[ \t\u00a0]+[\p{Lu}“\"]|[.!?])")
# A note set off by a doubled mark on each side: "++ Add reaction from Downing Street ++", "** CHECK FIGURE **".
# Only an instruction or a slot marked missing counts there: "**Background**" is a bold subhead, "== Reaction =="
# a wiki's heading.
_MARKS = ("++", "**")
_MARKED = regex_compile(r"(?<![+*])(?P<mark>\+\+\+?|\*\*\*?)[ \t]*(?P<inside>[^\n+*]{1,80}?)[ \t]*(?P=mark)(?![+*])")
# A note to the desk: its addressee, a colon, then a request ("[Sub: please trim]", "**Editor: please check
# this para**", "(ED: cut this if we're tight)", "Fact-check: is this the right year?"); "TO COME: statement".
_ADDRESSED = regex_compile(
    _OPENS + r"(?P<label>(?i:(?:note[ \t]+to[ \t]+)?(?:eds?|editors?|subs?|sub-?editors?|(?:news|copy|night|picture|pic|photo|web)?[ \t]?desk|"
    r"slot|legal|layout|production|fact-?check(?:er)?|fc|query|queries|translator|translation|graphics|design|"
    r"online|digital|sports?[ \t]?desk))|TO[ \t]COME|TK|TBC|TBA|TBD)\.?(?:[ \t]*:|(?<=\b\p{Lu}{2,}(?:[ \t]\p{Lu}{2,})?)[ \t]+[—–])[ \t]*"
    r"(?P<rest>[^\n]{1,120}?)(?=\*\*|[\])]|\n|\Z|(?<=[.!?])[ \t])")
# A slot pointed at in prose: "Explainer box to go here.", "Photo goes here".
_GOES_HERE = regex_compile(_OPENS + r"(?P<what>\p{Lu}?[\w-]+(?:[ \t]+[\w-]+){0,3})[ \t]+(?:to[ \t]+go|goes|go|needed|wanted|required)"
                            r"[ \t]+here\b[.!]?")
# A note to oneself in lower case where a sentence should start: "need comment from the school".
_NEED = regex_compile(_OPENS + r"(?:needs?|Needs?[ \t]+(?=a[ \t]|an[ \t]|more[ \t]|another[ \t]))[ \t]*"
                       r"(?:(?:a|an|the|more|better|another)[ \t]+)?(?:(?P<mod>[a-z]+)[ \t]+)?(?P<what>[a-z]+)\b[^.!?\n]{0,60}")
# Question marks glued to the unit or the currency of the number they stand for: "?mph", "??p a share", "£??m".
# (A question's mark is followed by a space; French spacing puts one before it, not a unit after it.)
_UNIT_MARKS = regex_compile(r"(?<![^\s(\[])\?{1,3}(?=(?:mph|kmh|km|kg|lbs?|ft|mm|cm|m|p|pc|pct|bn|mn|k|st|nd|rd|th|%)(?!\w))"
                            r"|(?<=(?<!\w)[$£€])\?{1,3}(?![?\w])|(?<=(?<!\w)[$£€])\?{1,3}(?=(?:m|bn|k)(?!\w))")
_LETTER_DIGIT_HINT = re.compile(r"[nNxX][.,][nNxX]")  # what _LETTER_DIGITS needs, found by a plain scan
# One letter repeated for the digits of a number, with its separators: "n.nn metres", "N,NNN", "x.xx" (three
# letters or more: "N.N" may be initials).
_LETTER_DIGITS = regex_compile(r"(?<![\w.,-])(?=[nNxX.,]{4})([nNxX])\1*(?:[.,]\1+)+(?![\w-]|[.,]\w)")
# A program's format slot left in the text: "Cllr %s said", "%d people", "%(name)s".
_PRINTF = regex_compile(r"(?<![\w%])%(?:\(\w{1,30}\))?[sd](?![\w%])")
# A note to the desk by its handle ("@subs pls check this", "@desk: ...") or in a note's shorthand ("pls confirm").
_AT_DESK = regex_compile(r"(?<![\w@])@(?i:subs?|desk|newsdesk|backbench|eds?|editors?|night[ -]?desk|copy[ -]?desk|"
                         r"picture[ -]?desk|web[ -]?desk)\b[^\n.!?]{0,120}"
                         r"|(?<![\w’'-])(?i:pls|plz)[ \t]+(?i:check|confirm|add|fix|update|insert|verify|cut|trim|chase|"
                         r"find|get|source|rewrite|look)\b[^\n.!?]{0,100}")
_PLEASE_HINT = re.compile(r"(?i:pl[sz])\b")
_TO_COME_HINT = re.compile(r"(?i:to (?:come|follow))")
# A part of the story promised where a sentence starts: "Quote from the shadow minister to come.", "Pic to follow".
# Not "More to come", "Updates to follow": a live story prints them.
_PART_TO_COME = regex_compile(_OPENS + r"(?i:quotes?|lede|intro|pics?|pictures?|photos?|captions?|hed|dek|byline|"
                              r"graphics?|graf|para|paragraph|sidebar|headline|standfirst|kicker|chart|map|table|link|"
                              r"reaction|comment)\b[^.!?\n]{0,60}?[ \t]+(?i:to[ \t]+(?:come|follow))\b(?=[ \t]*(?:[.!]|\n|\Z))")
# A wire's "more copy follows" mark left in: "-MORE-", "- MORE -", "(MORE)".
_WIRE_MORE = regex_compile(r"(?<![\w-])-{1,3}[ \t]?MORE[ \t]?-{1,3}(?![\w-])|\(MORE\)")
# A note between hashes glued to it: "###CHECK###", "##NAME TO COME##" (a Markdown heading's closing hashes
# stand apart: "## Check the results ##").
_HASHED = regex_compile(r"(?<!#)(?P<mark>#{2,3})(?P<inside>[^\s#][^\n#]{0,60}?)(?P=mark)(?!#)")
_HTML_ELEMENTS = frozenset("title video audio picture caption source table map link image img section header footer "
                           "main nav form label figure figcaption time data address".split())
# An angle-bracketed slot in lower case: "<name>", "<town>" (an HTML tag names no slot).
_ANGLE_LOWER = regex_compile(r"(?<![<\w])<([a-z][a-z’' _-]{0,30})>(?!>)")
# A clock time with letters or marks for its digits: "HH:MM", "23:zz", "0?:??".
_TIME_SLOT = regex_compile(r"(?<![\w:?])(?=[\w?]{1,2}:[\w?-]{2}(?![\w:?]))(?![\d]{1,2}:\d{2})(?:HH|hh|XX|xx|[\d?]{1,2}):(?:MM|mm|XX|xx|zz|ZZ|--|[\d?]{2})(?![\w:?])")
# A date with zeros or letters for its digits: "00/00/2025", "DD/MM/YYYY", "MM/DD/YY".
_DATE_SLOT = regex_compile(r"(?<![\w/.-])(?:00|DD|dd|XX|xx|MM|mm)[/.-](?:00|MM|mm|XX|xx|DD|dd)[/.-](?:\d{2}|\d{4}|YYYY|yyyy|YY|yy|XXXX)(?![\w/])")
# A link whose address is still to come: "http://LINK-TO-FOLLOW", "https://example.com/TK" (not a pattern's
# "go.usa.gov/xxx", which a how-to explains).
_URL_SLOT = regex_compile(r"https?://\S*?(?i:link-?to-?(?:follow|come)|url-?here|placeholder|to-?come|(?<=[/.-])(?:tbc|tbd|tk)(?=[/.-]|\s|\Z))\S*")
# An instruction where a sentence starts, pointing at its gap: "Add second par from agency copy here."
_HERE_INSTRUCTION = regex_compile(r"(?:(?<=\A|[.!?…]\s|[“‘\"'(\[]))(?:Add|Insert|Put|Paste|Drop|Place|Embed)[ \t]+[^.!?\n“”‘’]{3,60}?[ \t]+here\b")
# Digits with marks for the rest: "M??" (a road), "7?," (an age), "£?.?m"; not a question's "Is it 7?" before a space or an end.
_DIGIT_MARKS = regex_compile(r"(?<![\w?])(?:[A-Z]\?{2,}|\d\?(?=[,;])|\d+\?\d)(?![\w?])")
# A lone "#" for a number, before punctuation: "Category #, made landfall" (not "press the # key").
_LONE_HASH = regex_compile(r"(?<=\w[ \t])#(?=[,.;:)])")
# Fillers of other marks: "minus @@ degrees".
_AT_FILLER = regex_compile(r"(?<![^\s(\[])@{2,}(?![^\s)\].,;:%])")
# A template's variables: "#{minister_name}", "${name}", "{0}", "{first_name}", "%price%", a mail merge's
# "«PaymentDate»" (not "«YouTube»": its last word names no slot); a WordPress shortcode ("[amazon_price asin=...]").
# Not a spreadsheet's "#N/A" or JavaScript's NaN: stories about software print them.
_VARIABLES = regex_compile(r"[#$]\{[^{}\n]{1,40}\}|(?<![{\w])\{(?:\d|[A-Za-z]+(?:_[A-Za-z]+)+)\}(?!\})|(?<![\w%])%[A-Za-z_]{2,30}%(?![\w%])"
                           r"|«(?:[A-Z][a-z]+)*(?:Date|Name|Amount|Address|Number|Total|Price|City|Town|Title|Surname|Field)»|«[A-Za-z]+_[A-Za-z_]+»"
                           r"|\[[a-z]+_[a-z_]+(?:[ \t]+[a-z_]+=[\"“][^\"”\]\n]{0,60}[\"”])+\]")
# A chatbot's words left in the copy (in quotation marks, the story quotes them).
_CHATBOT = regex_compile(r"(?i:as an ai language model|as of my last (?:knowledge|training) (?:update|cut-?off)|i hope this helps|"
                         r"let me know if you(?:['’]d| would) like me to)")
# Words struck through, an edit left undecided: "The fine of ~~£2m~~ £3.5m".
_STRUCK = regex_compile(r"(?<!~)~~(?=\S)[^~\n]{1,80}(?<=\S)~~(?!~)")
# What a template or a spreadsheet prints for a value it did not have, where the sentence needs that value: after a
# preposition and before a mark ("opened in null,"; after "as" only "undefined": "named the victim as undefined,"),
# before an age, a number's unit or "per cent" ("undefined, 34", "#N/A per cent"), or twice for a name
# ("undefined undefined"). Not the words at work: "null and void", "the terms are still undefined", "null alt text",
# "the app showed balances as NaN, a term programmers use".
_RENDER_ERROR = regex_compile(
    r"(?:(?<=(?<![\w-])(?:in|on|at|from|since|by|of|to|for|with)[ \t]+)(?:undefined|null|NaN|#N/A)(?=[.,;:)])"
    r"|(?<=(?<![\w-])as[ \t]+)undefined(?=[.,;:)])"
    r"|(?<![\w#/-])(?:undefined|null|NaN|#N/A)(?=,[ \t]*\d|[ \t]*(?:%|per[ \t]?cent\b))"
    r"|(?<![\w-])undefined[ \t]+undefined(?![\w-]))")
# An HTML comment left in plain text: "<!-- need second source on this -->" (Markdown and HTML hide their own).
_HTML_COMMENT = regex_compile(r"<!--[^\n]{0,200}?-->")
# A note in brackets for someone: "[architect — @sarah can you dig this out?]", "(latest figure from wires pls)".
_NOTE_INSIDE = regex_compile(r"(?i:\bpls\b|\bplz\b|(?<![\w@])@[a-z]\w{1,20}\b.*\?)")
# A slot the story talks about rather than leaves: named as a thing before it ("a specifier such as %s", "the
# raw code {0}", "press #", "printed as (MORE)", "marked @@") or after it ("the %APPDATA% directory", "in the
# HH:MM format", "the <title> element").
_MENTION_BEFORE = regex_compile(r"(?i:\b(?:such[ \t]+as|(?:printed|written|known|shown|displayed|rendered|appears?|appeared)[ \t]+as|"
                                r"called|named|marked|reads?|showed|shows|displayed|printed|type|typed|enter|press|pressing|sign|"
                                r"symbol|code|string|term|word|text|format|form|tag|element|specifier|placeholder|header|comment|"
                                r"error|errors|field|variable|syntax|notation)[ \t]*[,:]?[ \t]*[\"“‘'(]?[ \t]*)\Z")
_MENTION_AFTER = regex_compile(r"[\"”’')]?[ \t]+(?i:format|tags?|elements?|director(?:y|ies)|folders?|variables?|fields?|"
                               r"placeholders?|syntax|notation|errors?|signs?|symbols?|keys?|characters?|codes?|strings?|"
                               r"commands?|specifiers?|directives?)\b")


# A token named as a term or a name, not left as a gap: set alone in quotation marks ('editors write "TK" to mark
# ...') or after "known as" ('known to his teammates simply as TK').
_TERM_QUOTED = regex_compile(r"[\"“‘']\Z")
_TERM_CLOSED = regex_compile(r"[\"”’']")
_KNOWN_AS = regex_compile(r"(?i:\b(?:known|called|nicknamed|dubbed)\b(?:[ \t]+\w+){0,4}?[ \t]+as[ \t]+)\Z")


def _named_term(text: str, block_start: int, m) -> bool:
    start, end = m.span()
    quoted = _TERM_QUOTED.search(text, max(block_start, start - 1), start) and _TERM_CLOSED.match(text, end)
    return bool(quoted) or _KNOWN_AS.search(text, max(block_start, start - 60), start) is not None


def _mentioned(text: str, block_start: int, m) -> bool:
    """The story names the slot as a thing (see _MENTION_BEFORE)."""
    start, end = m.span()
    return bool(_MENTION_BEFORE.search(text, max(block_start, start - 40), start) or _MENTION_AFTER.match(text, end))


def _used(doc, text: str, block_start: int, m) -> bool:
    """A slot left in the copy, not one the story quotes or talks about."""
    # A shortcode holds quotation marks of its own ('asin="B0..."'), which the quotation test would read as a quote.
    quoted = not m.group().startswith("[") and doc.maybe_in_quote(*m.span())
    return not (quoted or _mentioned(text, block_start, m))


def _used_spans(doc, text: str, span, pattern, source: str | None = None) -> Iterator[tuple[int, int]]:
    """The spans of `pattern` in a block that are used slots (`_used`); matched in `source`, the original text,
    where prose blanks what the pattern needs (a link's address)."""
    for m in pattern.finditer(text if source is None else source, span.start, span.end):
        if _used(doc, text, span.start, m):
            yield m.span()


# A name masked with x's: "Xxxxx", "Xxxx Xxxxxx".
_MASKED_NAME = regex_compile(r"(?<![\w’'-])Xx{2,}(?:[ \t\u00a0]+Xx{2,})*(?![\w’'-])")
# Words in title case: "Name Surname", "First Name Last Name".
_TITLE_RUN = regex_compile(r"(?<![\w’'-])\p{Lu}\p{Ll}+(?:[ \t\u00a0]+\p{Lu}\p{Ll}+){0,3}(?![\w’'-])")


@dataclass(frozen=True)
class Slots:
    """The slot vocabulary: each key a set of lower-case phrases, held as tuples of words."""

    verbs: frozenset
    requests: frozenset
    markers: frozenset
    pointers: frozenset
    values: frozenset
    media: frozenset
    not_slots: frozenset
    stand_in_names: frozenset = frozenset()

    @staticmethod
    def words(text: str) -> tuple[str, ...]:
        return tuple(_TOKEN.findall(text.casefold().replace("’", "'")))

    def has(self, words: tuple[str, ...], key: str) -> bool:
        phrases = getattr(self, key)
        return any(words[i : i + n] in phrases for n in (1, 2, 3, 4) for i in range(len(words) - n + 1))

    def nouns(self, words: tuple[str, ...]) -> bool:
        return self.has(words, "values") or self.has(words, "media")

    def only_slot_words(self, words: tuple[str, ...]) -> bool:
        """Every word names a slot ("photo caption", "job title", "first name"), with modifiers at most beside them."""
        covered = [w in _MODIFIERS for w in words]
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                if words[i : i + n] in self.values or words[i : i + n] in self.media:
                    covered[i : i + n] = [True] * n
        nouns = [w not in _MODIFIERS for w in words]
        return bool(words) and all(covered) and any(nouns) and (nouns[0] or words[0] in _OPENING_MODIFIERS)

    def names_convention(self, words: tuple[str, ...]) -> bool:
        """A convention, not a slot: the words are one of `not_slots`, or hold one of its phrases of 2+ words."""
        if words in self.not_slots:
            return True
        by_first = self._phrases_by_first_word
        return any(_within(n, words) for w in set(words) for n in by_first.get(w, ()))

    @functools.cached_property
    def _phrases_by_first_word(self) -> dict[str, list[tuple[str, ...]]]:
        """`not_slots`' phrases of 2+ words by their first word: a run of capitals is tried only against those
        that can start inside it (every run was tried against every phrase)."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.not_slots:
            if len(phrase) > 1:
                by_first.setdefault(phrase[0], []).append(phrase)
        return by_first


def load_slots(rule_path: str, ref) -> Slots:
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    node, _ = lists.read_list(rule_path, ref, "slots", "slots")
    if not isinstance(node, yaml.MappingNode):
        raise lists.fail("slots", ref, node, "'slots' must map verbs, markers, ... to lists of words")
    found: dict[str, set] = {k: set() for k in _SLOT_KEYS}
    for k, v in node.value:
        name = lists.scalar(k)
        if name not in found:
            raise lists.fail("slots", ref, k, f"unknown key {getattr(k, 'value', k)!r} (expected {', '.join(_SLOT_KEYS)})")
        if not isinstance(v, yaml.SequenceNode):
            raise lists.fail("slots", ref, v, f"'{name}' must be a list of words")
        for item in v.value:
            word = lists.scalar(item)
            if not word or not Slots.words(word):
                raise lists.fail("slots", ref, item, f"'{name}': every item must be a word or phrase")
            found[name].add(Slots.words(word))
    return Slots(**{k: frozenset(v) for k, v in found.items()})


class Placeholder(Check):
    kind = "placeholder"
    summary = "Flags placeholders left in copy: TK, [NAME], [insert ...], INSERT QUOTE HERE, XX, ###, ??, lorem ipsum."
    options = {
        "tokens": Option("list", [], doc="regexes flagged anywhere, word-bounded, case-sensitive"),
        "brackets": Option("list", [], doc="regexes matched against the whole inside of [...]"),
        "slots": Option("str", "", doc="slot vocabulary (YAML, relative to the rule): verbs, requests, markers, pointers, values, media, not_slots"),
        "numerals": Option("bool", True, doc="flag XX / XXX / ### standing for a number (not Roman numerals)"),
        "marks": Option("bool", True, doc="flag a standalone ?? or one standing for a number (not 'What??')"),
    }

    def setup(self) -> None:
        for key in ("tokens", "brackets"):
            if not all(isinstance(t, str) for t in self.opts[key]):
                raise OptionError(key, f"every item of '{key}' must be a string")
        tokens, brackets = self.opts["tokens"], self.opts["brackets"]
        self.tokens = compile_pattern(r"\b(?:" + "|".join(tokens) + r")\b", "tokens") if tokens else None
        self.brackets = compile_pattern(r"\A\s*(?:" + "|".join(brackets) + r")\s*\Z", "brackets") if brackets else None
        self.slots = load_slots(self.rule.path, self.opts["slots"]) if self.opts["slots"] else None
        # Conventional stand-in names ("Joe Bloggs", "A. N. Other"): their words, with stops or spaces between.
        names = sorted(self.slots.stand_in_names, key=lambda n: (-len(n), n)) if self.slots is not None else []
        self.stand_ins = regex_compile(r"(?<![\w’'-])(?:" + "|".join(r"[.\s]+".join(map(regex.escape, n)) for n in names)
                                       + r")(?![\w’'-])", regex.I) if names else None

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        for span in scope.spans:
            found: list[tuple[int, int]] = []
            block = text[span.start : span.end]
            shouting = _mostly_capitals(block)
            for m in _BRACKET.finditer(text, span.start, span.end):
                if (self._bracket_slot(m.group(1), shouting) or self._query(doc, m) or _NOTE_INSIDE.search(m.group(1))) \
                        and not _task_box(text, span, m) and not _alteration(text, m):
                    found.append(m.span())
            if self.slots is not None:
                found.extend(self._structural(doc, text, span, shouting))
            if self.tokens is not None:
                found.extend(m.span() for m in finditer(self.tokens, text, span.start, span.end)
                             if m.end() > m.start() and not _named_term(text, span.start, m))
            if self.opts["numerals"]:
                found.extend(m.span() for m in _NUMERAL.finditer(text, span.start, span.end)
                             if not self._roman(text, span.start, m) and not _mentioned(text, span.start, m))
                found.extend(m.span() for m in _HASHES.finditer(text, span.start, span.end) if _number_hashes(text, span, m))
                found.extend(number_slots(text, span.start, span.end, _NOT_NAMES))
                found.extend(m.span() for m in _ZEROS.finditer(text, span.start, span.end))
                found.extend(m.span() for m in _QUERIED_DIGITS.finditer(text, span.start, span.end))
                # Each pass only in a block holding a literal its pattern needs (a substring test, in C).
                if _LETTER_DIGIT_HINT.search(block):
                    found.extend(_used_spans(doc, text, span, _LETTER_DIGITS))
                if ":" in block:
                    found.extend(_used_spans(doc, text, span, _TIME_SLOT))
                if "/" in block or "YY" in block or "yy" in block:
                    found.extend(_used_spans(doc, text, span, _DATE_SLOT))
                if "#" in block:
                    found.extend(_used_spans(doc, text, span, _LONE_HASH))
            if self.opts["marks"]:
                found.extend(m.span() for m in _LONE_MARKS.finditer(text, span.start, span.end))
                if "?" in block:
                    found.extend(_used_spans(doc, text, span, _UNIT_MARKS))
                    found.extend(_used_spans(doc, text, span, _DIGIT_MARKS))
                if "@@" in block:
                    found.extend(_used_spans(doc, text, span, _AT_FILLER))
            # "[TK]" is one placeholder, not two: keep the outermost span.
            # Sorted by start, the longer first: a span lies inside another when one before it reaches as far.
            reach = -1
            for start, end in sorted(set(found), key=lambda s: (s[0], -s[1])):
                if end <= reach:
                    continue
                reach = end
                yield Match(start, end)

    def _bracket_slot(self, inside: str, shouting: bool) -> bool:
        if self.brackets is not None and next(finditer(self.brackets, inside), None):  # the rule's regex, under the time budget
            return True
        return self.slots is not None and self._slot(inside, shouting)

    def _query(self, doc, m) -> bool:
        """Outside a quotation, an editor's query in brackets ("[who?]", "[figure?]", "[how many?]") or one
        editing verb alone ("[check]", "[verify]"). Inside one, "[add]" may stand for the speaker's word and
        a question in brackets for an example's words ("“Would you use it if [we changed it?]”")."""
        if self.slots is None or doc.maybe_in_quote(m.start(), m.end()):
            return False
        inside, v = m.group(1).strip(), self.slots
        words = Slots.words(inside.rstrip("?"))
        if not words or words in v.not_slots or (words[0],) in v.not_slots:
            return False
        if inside.endswith("?"):
            return len(words) <= 5
        return len(words) == 1 and words in v.verbs

    def _slot(self, inside: str, shouting: bool, dictionary: bool = True, strict: bool = False) -> bool:
        """Whether the inside of a bracket or template is a slot to fill (see the module's docstring).

        `strict` (parentheses): no filler but "??", "#", "XX"; no bare slot word in lower case but a value ("name")."""
        s, v = inside.strip(), self.slots
        if not s:
            return not strict  # "[ ]": a blank (a task box opening a list item is left alone before this)
        if _FILLER.fullmatch(s) and not (strict and regex.fullmatch(r"[xXNn]|_+|0+", s)):
            return True
        words = Slots.words(s)
        if not words or len(words) > 8 or words in v.not_slots:
            return False
        if (words[0],) in v.not_slots:  # "[MORE]", "[Update: ...]": a convention; "[More to come]" is a gap
            if ":" not in s and (words[0],) in v.verbs and v.nouns(words[1:]):
                return True  # "(update figure before pub)": the label word as the instruction's verb
            return any(words[i : i + n] in v.markers for n in (2, 3, 4) for i in range(1, len(words) - n + 1))
        if v.has(words, "markers") or (v.has(words, "pointers") and v.nouns(words)):
            return True
        if len(words) >= 2 and self._instruction(words):
            return True  # "[check figure]"
        letters = [c for c in s if c.isalpha()]
        if shouting or not letters:
            return False
        if all(c.isupper() for c in letters):
            return v.nouns(words) or (dictionary and _dictionary_word(words))
        tokens = regex.findall(r"[\w’'-]+", s)
        capitals = [w for w in tokens if len(w) > 1 and w.isupper()]
        if capitals and all(w.isupper() or w.islower() for w in tokens) and v.nouns(Slots.words(" ".join(capitals))):
            return True  # "[NAME of CONTRACTING OFFICER]"; not "(DATA Act)", a name
        if strict:
            return len(words) == 1 and (words[0],) in v.values and words[0] not in ("x", "n")  # "(name)"
        if words[0] in _DETERMINERS:
            return False
        if s.islower() and len(words) >= 3 and words[-1] == "here":
            return True  # "[opening hours here]": a gap pointed at
        if s.islower() and len(words) >= 3 and v.nouns(words[:1]) and words[1] == "from":
            return True  # "[figure from civil protection agency, update hourly]", "[quote from the minister]"
        # "[name]", "[photo caption]"; a slot described in lower case: "[official's name]", "[spokesperson's title]".
        # A value's slot described in lower case: "[number of deaths]", "[date of the hearing]".
        lower = s.islower() or s[1:].islower()  # "[official's name]", "[Minister's name]"
        return v.only_slot_words(words) or (lower and len(words) <= 4 and v.nouns(words[-1:])
                                            and any(w.endswith("'s") for w in words[:-1])) or (
            s.islower() and 3 <= len(words) <= 5 and (words[0],) in v.values and words[1] == "of")

    def _queried(self, inside: str) -> bool:
        """"(dates?)", "(name?)": a slot's word or two, queried, in parentheses."""
        s = inside.strip()
        if not s.endswith("?"):
            return False
        words = Slots.words(s.rstrip("?"))
        if not 0 < len(words) <= 2 or words[-1] in ("source", "sources"):
            return False  # "(source?)": a columnist's jab at a claim, not a gap
        if words in self.slots.verbs:
            return True  # "(check?)", "(confirm?)": an editing verb, queried
        return self.slots.nouns(words) or self.slots.nouns(tuple(w.removesuffix("s") for w in words))

    def _structural(self, doc, text: str, span, shouting: bool) -> Iterator[tuple[int, int]]:
        for m in _TEMPLATE.finditer(text, span.start, span.end):
            # "{{name}}", "%%name%%" are template slots whatever they say; "{BRANCH}" may be a variable the story explains.
            if m.group(1) is not None or m.group(2) is not None or self._slot(m.group(3) or m.group(4), shouting, dictionary=False):
                yield m.span()
        # Parentheses hold acronyms, glosses and notes: only an instruction, a missing mark or a slot in capitals.
        for m in _PAREN.finditer(text, span.start, span.end):
            if (self._slot(m.group(1), shouting, dictionary=False, strict=True) or _NOTE_INSIDE.search(m.group(1))
                    or (self._queried(m.group(1)) and not doc.maybe_in_quote(m.start(), m.end()))) \
                    and not _defined_before(text, span.start, m):
                yield m.span()
        for m in _TITLE_CHOICE.finditer(text, span.start, span.end) if "/" in text[span.start : span.end] else ():
            yield m.span()
        # "<<QUOTE>>" looks like HTML to Markdown, which blanks it from prose: read the original text.
        for m in _ANGLE.finditer(doc.text, span.start, span.end):
            if self._slot(m.group(1) or m.group(2), False):
                yield m.span()
        for m in _ANGLE_LOWER.finditer(doc.text, span.start, span.end) if "<" in doc.text[span.start : span.end] else ():
            if self.slots.only_slot_words(Slots.words(m.group(1))) and m.group(1) not in _HTML_ELEMENTS and _used(doc, text, span.start, m):
                yield m.span()
        block = text[span.start : span.end]
        yield from self._notes(doc, text, span, block)
        if "$" in block:
            yield from (m.span() for m in _VARIABLE.finditer(text, span.start, span.end))
        if "%" in block:
            yield from _used_spans(doc, text, span, _PRINTF)
        if any(c in block for c in "{%«[#"):
            yield from _used_spans(doc, text, span, _VARIABLES)
        if "<!--" in block:
            yield from _used_spans(doc, text, span, _HTML_COMMENT)
        if "://" in doc.text[span.start : span.end]:  # a link's address may be blanked from prose: the original
            yield from _used_spans(doc, text, span, _URL_SLOT, doc.text)
        low = block.lower()  # the pattern ignores case, and so must its hint ("as an ai language model")
        if "hope" in low or "as an ai" in low or "know if" in low or "my last" in low:
            yield from (m.span() for m in _CHATBOT.finditer(text, span.start, span.end) if not doc.maybe_in_quote(*m.span()))
        if doc.text.find("~~", span.start, span.end) >= 0:  # struck through in the original (Markdown blanks the marks)
            yield from (m.span() for m in _STRUCK.finditer(doc.text, span.start, span.end)
                        # the struck words are prose, not a code span's (which prose blanks whole)
                        if text[m.start() + 2 : m.end() - 2] == m.group()[2:-2] and _used(doc, text, span.start, m))
        if "undefined" in block or "null" in block or "NaN" in block or "#N/A" in block:
            yield from _used_spans(doc, text, span, _RENDER_ERROR)
        if " here" in block:
            yield from (m.span() for m in _HERE_INSTRUCTION.finditer(text, span.start, span.end) if not doc.maybe_in_quote(*m.span()))
        if "MORE" in block:
            yield from _used_spans(doc, text, span, _WIRE_MORE)
        if "##" in doc.text[span.start : span.end]:  # "#" may be blanked from prose as a heading's mark: the original
            for m in _HASHED.finditer(doc.text, span.start, span.end):
                if not _used(doc, text, span.start, m):
                    continue
                words = Slots.words(m.group("inside"))
                if self._instruction(words) or (self.slots.has(words, "markers") and not self.slots.names_convention(words)):
                    yield m.span()
        # "**" is Markdown's bold, blanked from prose: read the original text, as for "<<QUOTE>>".
        if any(mark in doc.text[span.start : span.end] for mark in _MARKS):
            for m in _MARKED.finditer(doc.text, span.start, span.end):
                words = Slots.words(m.group("inside"))
                if self._instruction(words) or (self.slots.has(words, "markers") and not self.slots.names_convention(words)):
                    yield m.span()
        if shouting:
            words = Slots.words(text[span.start : span.end]) if span.kind == "paragraph" else ()
            if 0 < len(words) <= 10 and (self._instruction(words) or (self.slots.has(words, "markers") and self.slots.nouns(words))):
                yield span.start, span.end  # a paragraph that is only an instruction or a slot: "FILL IN WHEN WE HAVE IT"
            return
        yield from self._name_slots(text, span)
        runs = list(_CAPS_RUN.finditer(text, span.start, span.end))
        # Capitals used for emphasis elsewhere in the block ("understanding WHY it is") make a lone word emphasis too.
        emphatic = any(_dictionary_word(Slots.words(r.group(0))) and not self.slots.nouns(Slots.words(r.group(0))) for r in runs)
        for m in runs:
            # In a quotation capitals may be shouting: there only an instruction or a slot marked as missing counts.
            quoted = doc.maybe_in_quote(m.start(), m.end())
            if self._caps_slot(text, m, quoted or emphatic):
                yield m.span()
            elif not quoted and self._more_to_come(Slots.words(m.group(0))):
                yield m.span()

    def _notes(self, doc, text: str, span, block: str) -> Iterator[tuple[int, int]]:
        """Notes to the desk left in the copy: addressed to an editor and asking something of them ("[Sub:
        please trim]"; not "[Ed.: The company later clarified ...]", a published note), "to come" as a label
        ("TO COME: statement"), a slot pointed at ("Explainer box to go here"), a lower-case "need ..." where a
        sentence should start, and TK glued to its slot ("NAMETK")."""
        v = self.slots
        # Each pass runs only in a block holding a literal its pattern needs, found by a substring test: the
        # patterns' look-behinds, tried at every offset of every block, had cost the rule a sixth of its time.
        for m in _ADDRESSED.finditer(text, span.start, span.end) if ":" in block or "—" in block or "–" in block else ():
            label, rest = m.group("label"), Slots.words(m.group("rest"))
            marker = label.isupper() and Slots.words(label) in v.markers
            if marker or (rest and (rest[0] == "please" or (rest[0],) in v.verbs or (rest[0],) in v.requests
                                    or v.has(rest, "markers") or m.group("rest").rstrip("*").endswith("?"))):
                yield m.span()
        for m in _GOES_HERE.finditer(text, span.start, span.end) if "here" in block else ():
            if v.nouns(Slots.words(m.group("what"))):
                yield m.span()
        for m in _NEED.finditer(text, span.start, span.end) if "eed" in block else ():
            if v.nouns((m.group("what"),)) or (m.group("mod") and v.nouns((m.group("mod"),))):
                yield m.span()  # "need comment from ...", "Needs a second source"
        if "@" in block or _PLEASE_HINT.search(block):
            yield from (m.span() for m in _AT_DESK.finditer(text, span.start, span.end) if not doc.maybe_in_quote(*m.span()))
        if _TO_COME_HINT.search(block):
            yield from (m.span() for m in _PART_TO_COME.finditer(text, span.start, span.end) if not doc.maybe_in_quote(*m.span()))
        for m in _GLUED_TK.finditer(text, span.start, span.end) if "TK" in block else ():
            slot = (m.group("a") or m.group("b")).casefold()
            if (slot,) in v.values or (slot,) in v.media:
                yield m.span()

    def _name_slots(self, text: str, span) -> Iterator[tuple[int, int]]:
        """A name's slot in title case: "Firstname Lastname", "Name Surname", "Spokesperson Name", "Mr Surname",
        "Name Goes Here", "First Last"; one word only if it can be nothing else ("Lastname"), or "Name" or "Surname"
        inside a sentence; a masked name ("Xxxxx Xxxxx"); or a conventional stand-in name ("Joe Bloggs"; not after an
        article: "a Joe Bloggs type"). Not "Brand Name" or "Stage Name" (a kind of name), nor a title-case headline."""
        headline = None
        # Every name word has "name" in it, and the one slot without one is "First Last": a block that
        # has neither has no name's slot in title case (most blocks, each with names in title case).
        folded = text[span.start : span.end].casefold()
        runs = _TITLE_RUN.finditer(text, span.start, span.end) if "name" in folded or "first" in folded else ()
        for m in runs:
            words = Slots.words(m.group(0))
            if not _names_a_slot(words):
                continue
            if words in (("firstname", "lastname"), ("first", "name", "last", "name")) or words[0] in ("firstname", "lastname", "forename"):
                yield m.span()
                continue
            if headline is None:
                headline = _title_case(text[span.start : span.end])
            if headline or _ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or text.startswith(":", m.end()):
                continue  # a title-case headline ("What’s in a Name?"), a noun ("a Name"), a label ("Name:")
            if len(words) > 1 or not (opens_sentence(text, m.start(), span.start, ".!?…:;")
                                      or text[m.start() - 1 : m.start()] in ("“", "\"", "‘", "'")):  # “Name a better duo”
                yield m.span()  # "signed by minister Name", "said Spokesperson Name"
        yield from (m.span() for m in _MASKED_NAME.finditer(text, span.start, span.end))
        if self.stand_ins is not None:
            for m in self.stand_ins.finditer(text, span.start, span.end):
                if m.group(0)[0].isupper() and not _ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    yield m.span()

    def _caps_slot(self, text: str, m, quoted: bool) -> bool:
        v, words = self.slots, Slots.words(m.group(0))
        if not words or v.names_convention(words):
            return False  # "CHECK AGAINST DELIVERY" heads a speech; it asks nothing of an editor
        if len(words) == 1:
            # One word: a value the sentence needs ("signed by NAME") or a "to come" mark ("said TBC"), not a label
            # ("NAME:"), a label's value ("Venue: TBA") or an acronym.
            if quoted or text.startswith(":", m.end()) or text[max(0, m.start() - 2) : m.start()].strip() == ":":
                return False
            # (TK is the rule's own token, with its exceptions: "TK Maxx".) A mark before a capitalised word is a
            # name's initials: "TBC Holdings Corp".
            marker = (words[0],) in v.markers and words[0] != "tk" and not _CAPITALISED_AFTER.match(text, m.end())
            return (((len(words[0]) >= 4 and (words[0],) in v.values) or marker)
                    and not _ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        if self._instruction(words) or ((v.has(words, "markers") or v.has(words, "pointers")) and v.nouns(words)):
            return True  # "INSERT QUOTE HERE", "ADD FIGURE", "NAME TO COME", "QUOTE HERE"
        if not quoted and len(words) <= 3 and words[-1] in _NAME_WORDS:
            return True  # "St CHURCH NAME", "COMPANY NAME": a name's slot after what it names
        return not quoted and v.only_slot_words(words) and not text.startswith(":", m.end())  # "PHOTO CAPTION"

    def _more_to_come(self, words: tuple[str, ...]) -> bool:
        """"MORE TO FOLLOW", "DETAILS TO COME": a wire's mark for the next take, left in."""
        return bool(words) and words[0] in _MORE and words[1:] in self.slots.markers

    def _instruction(self, words: tuple[str, ...]) -> bool:
        """An editing imperative ("check figure"), or a request for a slot ("get quote", "need photo here")."""
        v, first = self.slots, words[:1]
        rest = words[1:]
        if first in v.verbs or words[:2] in v.verbs:
            return True
        return first in v.requests and (v.nouns(rest) or v.has(rest, "pointers") or v.has(rest, "markers"))

    @staticmethod
    def _roman(text: str, block_start: int, m) -> bool:
        """XX or XXX after a capitalised name ("Super Bowl XXX") or before "Olympiad" is a numeral, not a gap."""
        if not regex.fullmatch(r"X{2,3}", m.group(0)):
            return False
        if _NOUN_AFTER.match(text, m.end()):
            return True
        before = _WORD_BEFORE.search(text, max(block_start, m.start() - 40), m.start())
        if not before:
            return False
        word = before.group(1)
        return word[0].isupper() and word.lower().rstrip(".") not in _NOT_NAMES


_WORDS_BEFORE = regex_compile(r"((?:[\w.&’'-]+\s+){1,8})\Z")


def _defined_before(text: str, block_start: int, m) -> bool:
    """"Uniform Resource Locator (URL)": the words before spell the capitals, so this defines them."""
    inside = m.group(1).strip()
    before = _WORDS_BEFORE.search(text, max(block_start, m.start() - 120), m.start())
    if not inside.isalpha() or not inside.isupper() or before is None:
        return False
    words = before.group(1).split()
    return tail_spells(inside, words)


_LETTER = regex_compile(r"\p{L}")  # str.isalpha
_CAPITAL = regex_compile(r"(?=\p{L})\p{Uppercase}")  # a letter for which str.isupper holds


# ASCII's letters and capitals, counted by bytes.translate (the bytes that are not one deleted).
_NOT_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_NOT_CAPITALS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isupper())


def _mostly_capitals(block: str) -> bool:
    """A block written in capitals (an old wire headline): capitals there say nothing about slots."""
    rest = _ENCLOSED.sub(" ", block)
    if rest.isascii():  # most copy: counted in C, without a list of every letter
        raw = rest.encode("ascii")
        letters, capitals = len(raw.translate(None, _NOT_LETTERS)), len(raw.translate(None, _NOT_CAPITALS))
    else:  # counted by the regex engine: a block may be megabytes long
        letters, capitals = len(_LETTER.findall(rest)), len(_CAPITAL.findall(rest))
    return letters >= 8 and capitals >= 0.6 * letters


def _names_a_slot(words: tuple[str, ...]) -> bool:
    """Words that stand for a name: a name word ("name", "surname"), with modifiers ("first", "full"), a person or a
    title before it ("spokesperson", "Mr") and a pointer after it ("here", "goes here"); or "first last"."""
    if words == ("first", "last"):
        return True
    named = [i for i, w in enumerate(words) if w in _NAME_WORDS]
    if not named:
        return False
    return all(w in _NAME_WORDS or w in _MODIFIERS or (w in _PERSONS and i < named[0]) or (w in _POINTERS and i > named[-1])
               for i, w in enumerate(words))


def _title_case(block: str) -> bool:
    """A headline or list of titles in title case: most of its words of four letters or more are capitalised
    (the words a name's slot is made of do not count: they are capitalised either way)."""
    words = [w for w in regex.findall(r"\p{L}[\p{L}’'-]*", block)
             if len(w) >= 4 and w.casefold() not in _NAME_WORDS | _MODIFIERS | _PERSONS | _POINTERS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _within(phrase: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _number_hashes(text: str, span, m) -> bool:
    """"###" standing for a number: after a word, "$" or a comma ("lasts ### days"), or opening a
    sentence before a lower-case word ("### people died"); not an end mark or a heading mark ("### Preview")."""
    before = text[span.start : m.start()].rstrip(" \t\u00a0")[-1:]
    after = text[m.end() : span.end].lstrip(" \t\u00a0")[:1]
    if before and (before.isalnum() or before in ",$£€("):
        return True
    return before in ("", ".", "!", "?") and (after.islower() or after.isdigit())


def _alteration(text: str, m) -> bool:
    """A letter or two in brackets glued to a word is an editor's alteration of a quoted word, not a gap:
    "[T]he", "[n]ever", "fight[s]"."""
    inside = m.group(1)
    if inside in ("X", "XX", "N", "NN"):
        return False  # a number's slot before its unit: "£[X]m", "the [X]th anniversary", "at [X]pm"
    return len(inside) <= 2 and inside.isalpha() and (text[m.end() : m.end() + 1].isalpha() or text[m.start() - 1 : m.start()].isalpha())


def _task_box(text: str, span, m) -> bool:
    """"[x]" opening a list item ("- [x] done") is a Markdown task box, not a gap; opening a sentence
    ("[X] people died") it is one."""
    return span.kind == "list" and m.group(1).strip().lower() in ("x", "") and not text[span.start : m.start()].strip()


def _dictionary_word(words: tuple[str, ...]) -> bool:
    """A word in capitals that the dictionary knows ("SPOKESPERSON", not "NATO" or "PDF")."""
    from newslint.names.compare import common_word

    return any(len(w) >= 4 and w.isalpha() and common_word(w) for w in words)
