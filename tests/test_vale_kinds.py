"""Vale's check kinds, case by case: exact positions and the messages Vale prints.

Expected results come from Vale's docs and its own test data (testdata/features/
checks.feature with testdata/styles and testdata/fixtures/checks).
"""

import textwrap

import pytest
import yaml

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule


def findings(rule: str, text: str, fmt: str = "md"):
    check = build_rule("Test.Rule", "t.yml", yaml.safe_load(textwrap.dedent(rule)))
    result = lint(document_from_string(textwrap.dedent(text), fmt), [check])
    assert not result.errors
    return result.findings


def found(rule: str, text: str, fmt: str = "md"):
    return [(f.line, f.col, f.message) for f in findings(rule, text, fmt)]


def rule_error(tmp_path, rule: str) -> RuleError:
    path = tmp_path / "Rule.yml"
    path.write_text(textwrap.dedent(rule))
    with pytest.raises(RuleError) as info:
        load_rule(path)
    return info.value


# -- substitution (Vale testdata: Bugs.*, demo.CapSub) ----------------------
SUBSTITUTION_TEXT = """\
# Test

The congressman voted to pass the bill.

The linuxptp resource.

The `linuxptp` resource.
The linuxptp resource.

The innovation was good for mankind.

Mankind is a term.

The Mutual TLS is a good practice. VNIC is another word.

Javascript is a programming language. I developed a javascript application.

IOS is a mobile operating system.
"""


def test_substitution_replace_quotes_the_suggestion_once():
    rule = """\
        extends: substitution
        message: Use '%s' rather than '%s'.
        action: {name: replace}
        swap: {linuxptp: test}
        """
    # The code span is not prose, so only two of the three are flagged (as in Vale).
    assert found(rule, SUBSTITUTION_TEXT) == [
        (5, 5, "Use 'test' rather than 'linuxptp'."),
        (8, 5, "Use 'test' rather than 'linuxptp'."),
    ]


def test_substitution_keep_case_and_ignorecase():
    keep = """\
        extends: substitution
        ignorecase: false
        message: "Use %s rather than %s."
        action: {name: replace}
        swap: {Mutual TLS: mutual TLS, VNIC: vNIC}
        """
    assert found(keep, SUBSTITUTION_TEXT) == [
        (14, 5, "Use 'mutual TLS' rather than Mutual TLS."),
        (14, 36, "Use 'vNIC' rather than VNIC."),
    ]
    terms = """\
        extends: substitution
        ignorecase: true
        message: "Use %s rather than %s."
        action: {name: replace}
        swap: {javascript: JavaScript, ios: iOS}
        """
    assert found(terms, SUBSTITUTION_TEXT) == [
        (16, 1, "Use 'JavaScript' rather than Javascript."),
        (16, 53, "Use 'JavaScript' rather than javascript."),
        (18, 1, "Use 'iOS' rather than IOS."),
    ]


def test_substitution_capitalize():
    rule = """\
        extends: substitution
        message: "Consider using '%s' instead of '%s'."
        ignorecase: true
        capitalize: true
        action: {name: replace}
        swap: {mankind: human kind}
        """
    result = findings(rule, SUBSTITUTION_TEXT)
    assert [(f.line, f.col, f.message) for f in result] == [
        (10, 29, "Consider using 'human kind' instead of 'mankind'."),
        (12, 1, "Consider using 'Human kind' instead of 'Mankind'."),
    ]
    assert result[1].suggestions == ("Human kind",)


def test_substitution_longest_key_first_and_already_correct():
    rule = r"""
        extends: substitution
        ignorecase: true
        message: Use '%s' instead of '%s'
        action: {name: replace}
        swap: {MPL: MPL, 'MPL[ -]?2(?:\.0)?': MPL 2.0}
        """
    assert found(rule, "mpl 2.0 and MPL2.0 and MPL 2.0 and MPL.\n") == [
        (1, 1, "Use 'MPL 2.0' instead of 'mpl 2.0'"),
        (1, 13, "Use 'MPL 2.0' instead of 'MPL2.0'"),
    ]


def test_substitution_capture_groups_fill_the_suggestion():
    rule = """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        scope: raw
        capitalize: true
        ignorecase: true
        action: {name: replace}
        swap: {"change in(?: )?to the (.*) directory": change to the $1 directory}
        """
    text = "# Doc\n\nChange into the `/etc` directory.\n"
    assert found(rule, text) == [
        (3, 1, "Use 'Change to the `/etc` directory' instead of 'Change into the `/etc` directory'."),
    ]


def test_substitution_multiple_suggestions_and_fix():
    rule = """\
        extends: substitution
        message: "Consider using %s instead of '%s'."
        fix: safe
        action: {name: replace}
        swap: {guys: people|folks|everyone, utilize: use}
        """
    result = findings(rule, "Hi guys, utilize it.\n")
    assert [(f.col, f.message) for f in result] == [
        (4, "Consider using 'people', 'folks', or 'everyone' instead of 'guys'."),
        (10, "Consider using 'use' instead of 'utilize'."),
    ]
    assert result[0].suggestions == ("people", "folks", "everyone") and result[0].fix is None
    assert result[1].fix.replacement == "use" and result[1].fix.safe
    assert (result[1].fix.start, result[1].fix.end) == (9, 16)


def test_substitution_without_action_passes_expected_then_observed():
    rule = """\
        extends: substitution
        message: "Prefer '%s' over '%s'."
        swap: {abundance: plenty, '(?:give|gave) rise to': lead to}
        exceptions: [Abundance]
        """
    assert found(rule, "An abundance of rain gave rise to floods. Abundance Inc.\n") == [
        (1, 4, "Prefer 'plenty' over 'abundance'."),
        (1, 22, "Prefer 'lead to' over 'gave rise to'."),
    ]


def test_substitution_nonword():
    rule = """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        nonword: true
        swap: {'e-mail': email}
        """
    assert found(rule, "Send an e-mail.\n") == [(1, 9, "Use 'email' instead of 'e-mail'.")]


# -- existence corrections ---------------------------------------------------
def test_existence_exceptions_are_whole_words_and_case_sensitive():
    rule = """\
        extends: existence
        message: "Avoid '%s'."
        ignorecase: true
        nonword: true
        tokens: ['\\w+ly']
        exceptions: [Only]
        """
    # "Only" is exempt in its exact case only; the rule's ignorecase does not apply to it.
    assert found(rule, "Only quickly, only.\n") == [(1, 6, "Avoid 'quickly'."), (1, 15, "Avoid 'only'.")]


def test_existence_word_boundaries_are_unicode_and_blank_tokens_dropped():
    rule = """\
        extends: existence
        message: "Avoid '%s'."
        tokens: [café, '  ']
        """
    assert found(rule, "Un café, cafés.\n") == [(1, 4, "Avoid 'café'.")]


# -- occurrence (Vale docs) ----------------------------------------------------
def test_occurrence_max_reports_first_match_with_count():
    rule = """\
        extends: occurrence
        message: 'More than 3 commas (found: %s)!'
        scope: sentence
        max: 3
        token: ','
        """
    assert found(rule, "One, two, three, four, five. Fine, ok.\n") == [(1, 4, "More than 3 commas (found: 4)!")]


def test_occurrence_min_and_zero():
    short = """\
        extends: occurrence
        message: 'Content too short (%s words).'
        min: 3
        token: '\\b\\w+\\b'
        """
    assert found(short, "# Hi you\n\nThis is long enough.\n") == [(1, 3, "Content too short (2 words).")]
    zero = """\
        extends: occurrence
        message: No intro
        min: 1
        token: intro
        """
    assert found(zero, "Hello.\n\nThe intro.\n") == [(1, 1, "No intro")]


# -- repetition (Vale.Repetition) ----------------------------------------------
REPETITION = """\
    extends: repetition
    message: "'%s' is repeated!"
    ignorecase: true
    alpha: true
    tokens: ['[^\\s.!?]+']
    """


def test_repetition_flags_repeats_within_a_sentence():
    text = "This is is a test. I almost forgot about that. That is important.\nThe the cat 2 2.\n"
    assert found(REPETITION, text) == [(1, 6, "'is' is repeated!"), (2, 1, "'the' is repeated!")]


def test_repetition_exceptions_and_fix():
    rule = textwrap.dedent(REPETITION) + "fix: safe\nexceptions: [had had]\n"
    result = findings(rule, "He had had enough of of it.\n")
    assert [(f.col, f.message, f.match) for f in result] == [(19, "'of' is repeated!", "of of")]
    assert (result[0].fix.start, result[0].fix.end, result[0].fix.replacement) == (20, 23, "")


# -- consistency ---------------------------------------------------------------
def test_consistency_flags_the_second_spelling_once_both_are_seen():
    rule = """\
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        level: error
        ignorecase: true
        either: {advisor: adviser, center: centre}
        """
    text = "The Advisor said so.\n\nAn adviser came.\n\nThe centre held.\n"
    assert found(rule, text) == [(3, 4, "Inconsistent spelling of 'adviser'.")]


# -- conditional (Vale testdata: Checks.MultiCapture) --------------------------
def test_conditional_needs_a_definition_first():
    rule = """\
        extends: conditional
        message: "'%s' has no definition"
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [ABC]
        """
    text = "The WHO said. ABC too.\n\nThe World Health Organization (WHO) and the NFL.\n\nWHO again.\n"
    assert found(rule, text) == [(1, 5, "'WHO' has no definition"), (3, 45, "'NFL' has no definition")]


def test_conditional_without_groups_is_a_presence_check():
    rule = """\
        extends: conditional
        message: "'%s' needs a source."
        first: '\\bsaid\\b'
        second: '\\baccording to\\b'
        """
    assert found(rule, "He said so.\n\nShe said so, according to him.\n") == [(1, 4, "'said' needs a source.")]


# -- capitalization (Vale testdata: demo.SentenceCase, demo.CustomCap) ---------
SENTENCE_CASE = """\
    extends: capitalization
    message: "'%s' should be sentence-cased"
    level: warning
    scope: heading
    match: $sentence
    exceptions: [Section, Level, Title, Azure, Axon, Axon Framework, Axon Server, Axon Synapse]
    indicators: [':']
    prefix: '^[a-z]\\.\\s'
    """


def test_capitalization_sentence_case():
    text = """\
        # 1. An important heading

        Some text.

        ## An unimportant heading

        ## An unimportant Heading

        ## a. An unimportant heading

        ## B. An unimportant heading

        ## Axon Server connection

        ## Level 1 Section Title

        # this isn't in sentence case

        # Find the thief: Introduction
        """
    result = findings(SENTENCE_CASE, text)
    assert [(f.line, f.col, f.message) for f in result] == [
        (7, 4, "'An unimportant Heading' should be sentence-cased"),
        (11, 4, "'B. An unimportant heading' should be sentence-cased"),
        (17, 3, "'this isn't in sentence case' should be sentence-cased"),
    ]
    assert result[0].suggestions == ("An unimportant heading",)


def test_capitalization_threshold():
    rule = """\
        extends: capitalization
        message: "'%s' should be in title case"
        level: error
        scope: heading
        match: $sentence
        threshold: 0.9
        exceptions: [ABC, add]
        """
    assert found(rule, "# Section about the MacBook pro ultimate edition\n") == [
        (1, 3, "'Section about the MacBook pro ultimate edition' should be in title case"),
    ]


def test_capitalization_title_ap_and_chicago():
    ap = """\
        extends: capitalization
        message: "'%s' should be in title case"
        scope: heading
        match: $title
        fix: unsafe
        """
    text = "# follow step-by-step instructions\n\n# Follow Step-by-Step Instructions\n\n# How to Use the Tool\n"
    result = findings(ap, text)
    assert [(f.line, f.col, f.message) for f in result] == [
        (1, 3, "'follow step-by-step instructions' should be in title case"),
    ]
    assert result[0].fix.replacement == "Follow Step-by-Step Instructions"
    chicago = ap.replace("match: $title", "match: $title\n        style: Chicago")
    heading = "# Notes About the Game\n"
    assert found(ap, heading) == []
    assert found(chicago, heading) == [(1, 3, "'Notes About the Game' should be in title case")]


def test_capitalization_lower_upper_and_pattern():
    lower = """\
        extends: capitalization
        message: "'%s' should be '%s'"
        match: $lower
        """
    assert found(lower, "Hello there\n\nall lower\n") == [(1, 1, "'Hello there' should be 'hello there'")]
    upper = lower.replace("$lower", "$upper")
    assert found(upper, "NASA SAYS\n\nNasa says\n") == [(3, 1, "'Nasa says' should be 'NASA SAYS'")]
    pattern = lower.replace("$lower", "'^[A-Z]'")
    assert found(pattern, "Hello there\n\nall lower\n") == [(3, 1, "'all lower' should be '^[A-Z]'")]


# -- sequence (Vale testdata: LanguageTool.*) -----------------------------------
SEQUENCE_TEXT = """\
# LanguageTool Rules

It would be great write a story.

Let us know!

Could we please get together with Brent Price and Mike Jordan and discuss whether Todd would be available come over.

In my opinion, he is still the greatest basketball player of all times.

The best player of all times was Pelé.

Metadata for this one purpose is valid.

Metadata for this one two purpose is valid.

Metadata for this purpose is valid.

We improved the system using new algorithms.

If you are using the ElasticSearch log store do nothing.
"""


def test_sequence_indexed_message_arguments():
    rule = """\
        extends: sequence
        message: "The infinitive '%[4]s' after 'be' requries 'to'. Did you mean '%[2]s %[3]s *to* %[4]s'?"
        tokens:
          - tag: MD
          - pattern: be
          - tag: JJ
          - tag: VB|VBN
        """
    result = findings(rule, SEQUENCE_TEXT)
    assert [(f.line, f.col, f.message, f.match) for f in result] == [
        (3, 4, "The infinitive 'write' after 'be' requries 'to'. Did you mean 'be great *to* write'?",
         "would be great write"),
        (7, 88, "The infinitive 'come' after 'be' requries 'to'. Did you mean 'be available *to* come'?",
         "would be available come"),
    ]


def test_sequence_skip_before_and_after_the_anchor():
    of_all_times = """\
        extends: sequence
        message: "In this context, the idiom needs to be spelled 'of all time'."
        tokens:
          - tag: JJS
            skip: 3
          - pattern: of
          - pattern: all
          - pattern: times
        """
    msg = "In this context, the idiom needs to be spelled 'of all time'."
    assert found(of_all_times, SEQUENCE_TEXT) == [(9, 32, msg), (11, 5, msg)]
    metadata = """\
        extends: sequence
        message: "Use data and metadata as plural nouns."
        ignorecase: true
        tokens:
          - tag: NN
            pattern: '(?:data|metadata)'
          - tag: VBZ
            skip: 4
        """
    msg = "Use data and metadata as plural nouns."
    assert found(metadata, SEQUENCE_TEXT) == [(13, 1, msg), (17, 1, msg)]


def test_sequence_reads_a_hyphenated_word_as_one_word_as_vale_does():
    """Vale's Treebank tokenizer keeps `meet-ups` whole (styles/demo's Meet-up); spaCy splits it."""
    rule = """\
        extends: sequence
        message: "Use 'meetup(s)' instead of 'meet-up'"
        tokens:
          - tag: NN|NNS
            pattern: meet-ups?
        """
    text = "We hold meet-ups monthly, and a meet - up is a well-known co-founders' habit.\n"
    assert [(f.line, f.col, f.match) for f in findings(rule, text)] == [(1, 9, "meet-ups")]


def test_sequence_tag_before_anchor_and_negate():
    are_using = """\
        extends: sequence
        message: "Use 'by using' instead of 'using' after a noun."
        tokens:
          - tag: NN|NNP|NNPS|NNS
          - pattern: using
        """
    assert found(are_using, SEQUENCE_TEXT) == [(19, 17, "Use 'by using' instead of 'using' after a noun.")]
    following = """\
        extends: sequence
        message: "Don't use '%s'."
        tokens:
          - pattern: following
          - tag: NN|NNS|NNP|NNPS
            negate: true
        """
    assert found(following, "The following steps help. Do the following: rest.\n") == [
        (1, 34, "Don't use 'following'."),
    ]


# -- bad rules -----------------------------------------------------------------
@pytest.mark.parametrize("rule, line, words", [
    ("extends: substitution\nmessage: x\nswap: {a: b}\nswapp: {c: d}\n", 4, "unknown key 'swapp'"),
    ("extends: substitution\nmessage: x\nswap: {'(a': b}\n", 3, "bad regular expression"),
    ("extends: substitution\nmessage: x\nswap: [a, b]\n", 3, "'swap' must be a mapping"),
    ("extends: occurrence\nmessage: x\nmax: many\ntoken: ','\n", 3, "'max' must be an integer"),
    ("extends: occurrence\nmessage: x\nmax: 2\n", 1, "missing required key 'token'"),
    ("extends: repetition\nmessage: x\ntokens: ['[a-']\n", 3, "bad regular expression"),
    ("extends: consistency\nmessage: x\neither: {a: '(b'}\n", 3, "bad regular expression"),
    ("extends: conditional\nmessage: x\nfirst: '[A-Z'\nsecond: x\n", 3, "bad regular expression"),
    ("extends: capitalization\nmessage: x\nmatch: $title\nstyle: MLA\n", 4, "AP or Chicago"),
    ("extends: capitalization\nmessage: x\nmatch: $title\nthreshold: high\n", 4, "'threshold' must be a number"),
    ("extends: sequence\nmessage: x\ntokens:\n  - tag: NN\n", 3, "anchor"),
    ("extends: sequence\nmessage: x\ntokens:\n  - pattern: be\n    skipp: 2\n", 3, "unknown key 'skipp'"),
    ("extends: conditional\nmessage: x\nfirst: a\nsecond: b\nfix: safe\n", 5, "cannot rewrite"),
])
def test_bad_rules_name_the_line(tmp_path, rule, line, words):
    error = rule_error(tmp_path, rule)
    assert error.line == line
    assert words in error.message
