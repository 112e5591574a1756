"""Faster ways to the same answers (#17 item 2): each fast path against the plain reading it replaced,
on generated text. The corpus runs (benchmarks, tests/test_gating.py) check whole findings; these
reach the corners a corpus may not have (marks at a block's edge, letters outside ASCII)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import placeholder, variants
from newslint.document import quotes


def marks_one_by_one(text, start, end):
    """quotes._double_marks as a character loop."""
    i = start
    while i < end:
        if text[i] in "\"“”":
            yield i, 1, quotes._role(text, i, 1, start, end)
        elif text.startswith("``", i) and i + 1 < end:
            yield i, 2, quotes.OPEN
            i += 1
        elif text.startswith("''", i) and i + 1 < end and (i + 2 >= end or not text[i + 2].isalnum()):
            yield i, 2, quotes.CLOSE
            i += 1
        i += 1


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="\"“”`' a,.b\n", max_size=14), st.data())
def test_double_marks_are_found_as_a_character_loop_finds_them(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(quotes._double_marks(text, start, end)) == list(marks_one_by_one(text, start, end))


def capitals_by_regex(block):
    rest = placeholder._ENCLOSED.sub(" ", block)
    letters = len(placeholder._LETTER.findall(rest))
    return letters >= 8 and len(placeholder._CAPITAL.findall(rest)) >= 0.6 * letters


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ABCDEFGHabcdefgh 1[]{}.ÉéßĀǅ", max_size=40))
def test_mostly_capitals_counts_as_the_regex_engine_does(block):
    assert placeholder._mostly_capitals(block) == capitals_by_regex(block)


def test_mostly_capitals_in_both_counts():
    assert placeholder._mostly_capitals("JAPAN, BRITAIN DISAGREE ON TRADE")
    assert placeholder._mostly_capitals("ÉTATS-UNIS ET JAPON EN DÉSACCORD")  # not ASCII: the regex count
    assert not placeholder._mostly_capitals("Japan and Britain disagree on trade [SOURCE]")


def stem_by_generator(word):
    for _ in range(2):
        suffix = next((x for x in variants._SUFFIXES if word.endswith(x) and len(word) - len(x) >= 5), None)
        if suffix is None:
            break
        word = word[: -len(suffix)]
    return word


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="abcdeinorsv", max_size=14))
def test_stem(word):
    assert variants._stem(word) == stem_by_generator(word)


WORDS = ["co", "operate", "cooperation", "co-operating", "web", "site", "websites", "data", "base", "database",
         "the", "air", "strikes", "airstrike", "e-mail", "email", "news", "room", "Newsroom", "set", "sun", "sunset"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.lists(st.sampled_from(WORDS), max_size=3))
def test_the_compound_gate_stems_only_what_could_meet(words, house):
    """_meeting_stems against stemming every word and every pair, as it did."""
    from newslint.document.reader import document_from_string
    from newslint.loading import build_rule

    check = build_rule("T.V", "<test>", {"extends": "variants", "message": "%s", "house": house, "enforce_house": True})
    doc = document_from_string(" ".join(words) + "\n")
    scope = check.scope(doc)
    text, spans = scope.source, scope.spans
    closed, open_forms = set(), set()
    for span in spans:
        found = variants._WORD_RE.findall(text, span.start, span.end)
        closed.update(w.lower() for w in found if "-" not in w)
        open_forms.update(variants._stem(w.replace("-", "").lower()) for w in found if "-" in w)
        open_forms.update(variants._stem((a + b).lower()) for a, b in variants._PAIR_RE.findall(text, span.start, span.end))
    targets = {variants._stem(w) for w in closed | check.house}
    assert check._meeting_stems(text, spans, *variants._words_by_span(text, spans))[0] == open_forms & targets


def test_repeated_word_reads_letters_as_the_regex_module_does():
    """Decomposed accents are letters to `regex` (stdlib re's \\w and \\b differ): "café café" written
    with a combining accent is a repeat, "the théâtre" is none."""
    from newslint.config import ConfigCache
    from newslint.document.reader import document_from_string

    rule = next(c for c in ConfigCache().for_file(None).checks if c.rule.name == "Newsroom.RepeatedWord")
    found = lambda text: [text[m.start:m.end] for m in rule.check(document_from_string(text + "\n"))]
    assert found("We met at the cafe\u0301 cafe\u0301 on Monday.") == ["cafe\u0301 cafe\u0301"]
    assert found("She said the the\u0301a\u0302tre was full.") == []
    assert found("यह है है अच्छा।") == ["है है"]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="aBcDé-' .’İΣς\nx", max_size=30))
def test_words_found_in_the_lowered_text_are_the_words_lowered(text):
    """Variants finds each span's words in the lowered text: the same words, in lower case, as finding
    them in the text and lowering each (or, where lowering moves offsets, it does just that)."""
    from newslint.document.reader import document_from_string
    from newslint.loading import build_rule

    check = build_rule("T.V", "<test>", {"extends": "variants", "message": "%s"})
    scope = check.scope(document_from_string(text + "\n"))
    _, words = variants._words_by_span(scope.source, scope.spans)
    expected = [[w.lower() for w in variants._WORD_RE.findall(scope.source, s.start, s.end)] for s in scope.spans]
    pairs = [variants._lower_findall(variants._PAIR_RE, scope.source, None, s) for s in scope.spans]
    lowered = variants._words_by_span(scope.source, [])[0]
    if lowered is not None:
        assert pairs == [variants._PAIR_RE.findall(lowered, s.start, s.end) for s in scope.spans]
    assert words == expected


def test_every_name_word_has_name_in_it():
    """Placeholder skips a block's title-case runs when it has neither "name" nor "first" in it: that holds
    only while every word that makes a name's slot has "name" in it."""
    assert all("name" in w for w in placeholder._NAME_WORDS)


PLURAL_TOKENS = ["we", "We", "We're", "we’ve", "us", "Us", "US", "our", "Our", "ours", "ourselves", "told", "to", "by",
                 "with", "contacted", "was", "sent", "seen", "correspondent", "all", "x", "e-"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLURAL_TOKENS), st.sampled_from([" ", "  ", "\t", "'", "-", ".", ",", "@", ""])),
                max_size=8))
def test_the_plural_gate_lets_through_whatever_a_plural_pass_could_match(parts):
    """FirstPerson skips its plural passes in a block where _ANY_PLURAL_WORD finds nothing: only right while
    each of their patterns matches nowhere that the gate does not."""
    from newslint.checks import first_person as fp

    text = "".join(w + sep for w, sep in parts)
    passes = (fp._PLURAL_ANY, fp._WE_THEN, fp._VERB_US, fp._HANDED_TO_US, fp._DONE_BY_US, fp._OUR_NOUN)
    if any(p.search(text) for p in passes):
        assert fp._ANY_PLURAL_WORD.search(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["I", "I'm", "me", "My", "we", "We’re", "us", "our", "you", "Yours", "your", "Ian",
                                           "x", "mine"]),
                          st.sampled_from([" ", "'", "’", "-", ".", ""])), max_size=6))
def test_the_genre_gate_finds_a_sentence_when_one_of_the_three_would(parts):
    from newslint.document import genre

    text = "".join(w + sep for w, sep in parts)
    assert bool(genre._ANY_PERSON.search(text)) == any(p.search(text) for p in (genre._SINGULAR, genre._PLURAL, genre._SECOND))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab-.'’ 1_é", max_size=20))
def test_the_hyphened_words_are_the_words_with_a_hyphen(text):
    assert variants._HYPHENED_RE.findall(text) == [w for w in variants._WORD_RE.findall(text) if "-" in w]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS + ["Web", "Sites", "bases", "base", "ba-se"]), max_size=6), min_size=1, max_size=4))
def test_the_compound_pass_reads_only_spans_that_matter(paragraphs):
    """The careful pass skips the spans the first pass found nothing of interest in: the same families as reading all."""
    from newslint.document.reader import document_from_string
    from newslint.loading import build_rule

    check = build_rule("T.V", "<test>", {"extends": "variants", "message": "%s"})
    doc = document_from_string("\n\n".join(" ".join(p) + "." for p in paragraphs) + "\n")
    text, spans = check.scope(doc).source, check.scope(doc).spans

    def families(gated: bool):
        lowered, words = variants._words_by_span(text, spans)
        if not gated:
            meeting = check._meeting_stems(text, spans, lowered, words)[0]
            check._meeting_stems = lambda *a: (meeting, [True] * len(spans))
        try:
            return [(f.alternatives, dict(f.uses), f.quoted) for f in check._compounds(doc, text, spans, set(), lowered, words)]
        finally:
            check.__dict__.pop("_meeting_stems", None)

    assert families(True) == families(False)


def _single_quotes_letter_by_letter(text, start, end, scan):
    """_add_single_quotes as it was: a loop over every character."""
    covered = sorted(scan.quotes)
    starts = [s for s, _ in covered]
    i = start
    while i < end:
        ch = text[i]
        if ch in "‘'" and quotes._opens_single(text, i, start, end) and not quotes._inside(covered, starts, i):
            close = quotes._closing_single(text, i + 1, min(end, i + quotes.SINGLE_REACH), "’" if ch == "‘" else "'")
            if close != -1:
                scan.quotes.append((i, close + 1))
                i = close + 1
                continue
        i += 1


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="a ‘’'“”.\n", max_size=40), st.data())
def test_single_quotes_are_found_as_a_character_loop_finds_them(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doubles = [q for q in quotes.scan_quotes(text, start, end).quotes if text[q[0]] not in "‘'"]
    fast, slow = quotes.QuoteScan(quotes=list(doubles)), quotes.QuoteScan(quotes=list(doubles))
    quotes._add_single_quotes(text, start, end, fast)
    _single_quotes_letter_by_letter(text, start, end, slow)
    assert fast.quotes == slow.quotes


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab_U.S 1é\n", max_size=24), st.data())
def test_the_word_before_a_full_stop_is_what_the_regex_found(text, data):
    """sentences._is_abbreviation reads the word before the stop backwards, as [\\w.]+\\Z found it forwards (the
    old `$` also matched before a line break ending the search, reading "S" in "S\\n." as an initial)."""
    import re

    from newslint.document import sentences

    def as_before(text, begin, dot):
        if text[dot] != ".":
            return False
        m = re.compile(r"([\w.]+)\Z").search(text, begin, dot)
        if not m:
            return False
        word = m.group(1).lower().rstrip(".")
        if word in sentences.ABBREVIATIONS:
            return True
        return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", word))

    dots = [i for i, c in enumerate(text) if c == "."]
    if dots:
        dot = data.draw(st.sampled_from(dots))
        begin = data.draw(st.integers(0, dot))
        assert sentences._is_abbreviation(text, begin, dot) == as_before(text, begin, dot)


_NOTE_BITS = ["need ", "Needs a ", "comment ", "source ", "Sub: ", "ED: ", "please ", "trim ", "box ", "to go ",
              "here", "NAMETK ", "TK", "$CONTENT", "$", "++ ", "** ", "add quote ", "=", "~", ". ", "\n", "[", "]", "?"]


@given(st.lists(st.sampled_from(_NOTE_BITS), max_size=14).map(lambda bits: "The plan. " + "".join(bits)))
@settings(max_examples=300, deadline=None)
def test_placeholder_note_passes_need_their_literal(text):
    """Placeholder runs its note passes only in a block holding a literal each pattern needs: a colon, "here",
    "eed", "TK", "$", a doubled mark. Right only while no match lacks its literal."""
    import newslint.checks.placeholder as ph
    assert ph._NEED.search("The plan. need comment") and ph._ADDRESSED.search("x. Sub: please trim")  # the bits match
    for pattern, needs in ((ph._ADDRESSED, (":",)), (ph._GOES_HERE, ("here",)), (ph._NEED, ("eed",)),
                           (ph._GLUED_TK, ("TK",)), (ph._VARIABLE, ("$",)), (ph._MARKED, ph._MARKS)):
        for m in pattern.finditer(text):
            assert any(n in text for n in needs), (pattern.pattern, text)
