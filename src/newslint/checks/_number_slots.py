"""Stand-ins where a number belongs: "N%", "$? million", "killed X people", "XX.X", "a ___ rise".

A letter, a hash or question marks are no number, but a sentence can still
show that one belongs there: a currency sign before it or a per cent sign
after it ("$N", "?%"), a scale word after it ("X million"), a counted plural
after it ("killed X people", "N officers", "? homes"), decimals written in letters or
mixed with digits ("XX.X", "X,000", "19XX"), or the number of a compound
("a XX-year-old", "an X-point plan"; not "X-ray"). A run of underscores inside a sentence is a blank to fill, and a
"?" or "#" with a space before it is no punctuation ("rose by ? per cent",
"said ?, a spokesman"; a "#" only before "per cent": "# of visits" is
shorthand for "number of").

Where only a number can stand is a slot too: after a month ("on March X") or
before one ("on X July"), after a quantity's words ("a total of N", "as many
as X", "the age of N"), before a time of day or a time zone ("at N p.m.", "X
UTC"), beside digits in a score, range, fraction or time ("2 – X", "X–4",
"4.58/??", "X:39", "23:??"), and before a per cent after a verb of change or
an approximation ("rose X percent"). There the stand-in may also be "TK",
three X's, hashes or question marks, or a blank ("__"); before a month and in
a fraction or a time, not a single letter ("on X July 15" is a post on X,
"Model 3/X" a product, "1:N" a ratio). "TBC" and "TBA" are a listing's
values ("Date: TBC June 2025"), not gaps.

What stays quiet: "X" before what the site of that name has ("X users", "X
posts", "several X accounts"), "X" or "N" after a capitalised word ("Malcolm X",
"System X equipment", "Generation X voters": a name or a numeral), "X
percent" written out elsewhere (a how-to's variable: "increase awareness X percent"),
a lone lower-case "n" or "x" before a word ("dlrs n assets" is a typo for
"in"; "4 x 4" is a product), and underscores that make up a whole line.
"""

from __future__ import annotations

from typing import Iterator

from newslint.compiled import regex_compile

# A currency sign before, a per cent sign after: "$N", "£?", "€#bn", "N%", "?%", "x%".
_SIGNED = regex_compile(r"(?<=[$£€])(?:[XNn#]|NN|\?{1,3}|TBC|TBA|TBD)(?:m|bn|k)?(?![\w-])|(?<![\w.$£€-])(?:[XNxn#]|NN|\?{1,3})(?=%)")
# A scale word after: "X million", "N billion", "? thousand", a wire's "XXX mln", "TK pct".
_SCALED = regex_compile(r"(?<![\w.$£€-])(?:[XN]|NN|X{2,3}|\?{1,3}|#{1,3}|TK)"
                        r"(?=[ \t\u00a0]+(?:million|billion|trillion|thousand|bn|mn|mln|bln|pct)\b)")
# A counted plural after: "X people", "N officers" (not "X percent").
_COUNTED = regex_compile(r"(?<![\w.$£€#?-])(?:X|N{1,3}|#|\?{1,3})(?=[ \t\u00a0]+(?:people|children|men|women|police|staff|"
                         r"(?!(?:percent|per|is|was|has|does|its|this|thus|plus|as|us)\b)[a-z]{2,}s)\b)")
# A mark with spaces either side, where English never puts one: "rose by ? per cent", "said ?, a spokesman".
_LONE_MARK = regex_compile(r"(?<=[ \t\u00a0])(?:\?(?=,|[ \t\u00a0]+[a-z])|[?#](?=[ \t\u00a0]+(?:per[ \t]?cent|percent)\b))")
# Decimals in letters: "XX.X", "X.X", "N.N"; digits and X's together: "X,000", "0.X", "19XX".
_DECIMAL = regex_compile(r"(?<![\w.-])(?:X+\.X+|N+\.N+|\d+[.,]X+|X+(?:[.,]\d{3})+|\d{2}XX)(?![\w-]|\.\w)")
# The number of a compound: "a XX-year-old", "the ??-day strike", "an X-point plan".
_COMPOUND = regex_compile(r"(?<![\w.-])(?:X{1,3}|N{1,2}|x{2,3}|\?{1,3}|#{1,3})(?=-(?:year|day|week|month|hour|minute|second|mile|"
                          r"kilomet(?:re|er)|met(?:re|er)|foot|feet|inch|point|seat|member|page|game|match|storey|strong|fold)s?\b)")
# Where only a number can stand: after a month ("on March X"), a quantity's words ("a total of N", "as
# many as X", "the age of N", "aged XX") or a verb of change before a per cent ("rose X percent": a
# report's figure, not a how-to's variable); before a time of day or a time zone ("at N p.m.", "X UTC");
# beside digits in a score, range or time ("2 – X", "X–4", "X:39"). A lone "X" elsewhere may be the
# site once called Twitter ("posted on X") or a name ("Malcolm X").
_SLOT = r"(?:X{1,3}|N{1,2}|#{1,3}|\?{1,3}|_{2,}|TK)"
# Not a single letter: "Model 3/X", "a 1:N ratio", "on X July 15" (the site once called Twitter).
_MARK_SLOT = r"(?:XX|XXX|NN|#{1,3}|\?{1,3}|_{2,}|TK)"
_WHERE_A_NUMBER = regex_compile(
    r"(?<=\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|aged|aged (?:above|over|under|between)|total of|as many as|"
    r"as few as|more than|fewer than|less than|at least|at most|up to|the age of|approximately|nearly|almost|"
    r"roughly|an estimated)[ \t\u00a0])" + _SLOT + r"(?![\w-])"
    r"|(?<![\w.$£€#?-])" + _SLOT + r"(?=[ \t\u00a0]+(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|UTC\b|GMT\b))"
    r"|(?<=\d[ \t\u00a0]?[–-][ \t\u00a0]?)" + _SLOT + r"(?![\w-])"
    r"|(?<=\d[/:])" + _MARK_SLOT + r"(?![\w-])"
    r"|(?<![\w.$£€#?-])" + _SLOT + r"(?=[ \t\u00a0]?[–-][ \t\u00a0]?\d|:\d\d)"
    r"|(?<![\w.$£€#?-])" + _MARK_SLOT + r"(?=/\d)"
    r"|(?<=\b(?:rose|fell|grew|dropped|jumped|climbed|declined|slipped|increased|decreased|gained|surged|plunged|"
    r"tumbled|soared|slumped|edged|up|down|about|around|some)[ \t\u00a0])"  # "nearly X": a quantity's words above
    r"(?:X|N{1,2})(?=[ \t\u00a0]+(?:per[ \t\u00a0]?cent|percent)\b)")
# A day before a month, as British and wire copy date: "on X July", "Monday, ? January".
_DAY = regex_compile(r"(?<![\w.$£€#?/-])" + _MARK_SLOT + r"(?=[ \t\u00a0]+(?:January|February|March|April|May|June|July|August|"
                     r"September|October|November|December)\b)")
# A blank inside a sentence: "rose by ___ per cent".
_BLANK = regex_compile(r"(?:(?<=[ \t\u00a0(])_{3,}|(?<=[$£€])_{2,})(?=[ \t\u00a0.,;:)%])")  # "$__": two after a sign
_WORD_BEFORE = regex_compile(r"([\w’'.-]+)[ \t\u00a0]+\Z")
# What the site once called Twitter has: "X users", "X posts", "several X accounts" are no number's slot.
_ON_THE_SITE = regex_compile(r"[ \t\u00a0]+(?:users|posts|accounts|followers|profiles|feeds|handles|subscribers|"
                             r"messages|threads|communities|spaces|creators|advertisers)\b")


def number_slots(text: str, start: int, end: int, not_names: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Spans of stand-ins for a number in text[start:end]; `not_names`: capitalised words a numeral never follows."""
    for m in _SIGNED.finditer(text, start, end):
        yield m.span()
    for pattern in (_SCALED, _COUNTED, _DAY):
        for m in pattern.finditer(text, start, end):
            if m.group() == "X" and _ON_THE_SITE.match(text, m.end(), end):
                continue  # "some X users complained": the site, not a count
            before = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
            if before and before.group(1)[0].isupper() and before.group(1).lower().rstrip(".") not in not_names \
                    and (pattern is not _SCALED or m.group() in ("X", "N")):
                continue  # "Malcolm X", "System X equipment": a name or a numeral (not before "billion")
            yield m.span()
    for pattern in (_DECIMAL, _COMPOUND, _BLANK, _LONE_MARK, _WHERE_A_NUMBER):
        yield from (m.span() for m in pattern.finditer(text, start, end))
