"""Vale's `metric`, `readability` and `spelling` kinds: positions, messages, bad options.

Expected grades come from Vale's own test data (jdkato/prose testdata/summarize.json,
the summarize package Vale computes readability with) and Vale's feature tests.
"""

from __future__ import annotations

import textwrap

import pytest

from newslint.checks._summary import syllables
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule

# jdkato/prose testdata/summarize.json: texts with Vale's expected grades.
VALE_TEXT = (
    "Vale is a natural language linter that supports plain text, markup (Markdown, reStructuredText, "
    "AsciiDoc, and HTML), and source code comments. Vale doesn't attempt to offer a one-size-fits-all "
    "collection of rules—instead, it strives to make customization as easy as possible."
)
COLEMAN_TEXT = (
    "Existing computer programs that measure readability are based largely upon subroutines which "
    "estimate number of syllables, usually by counting vowels. The shortcoming in estimating syllables "
    "is that it necessitates keypunching the prose into the computer. There is no need to estimate "
    "syllables since word length in letters is a better predictor of readability than word length in "
    "syllables. Therefore, a new readability formula was computed that has for its predictors letters "
    "per 100 words and sentences per 100 words. Both predictors can be counted by an optical scanning "
    "device, and thus the formula makes it economically feasible for an organization such as the U.S. "
    "Office of Education to calibrate the readability of all textbooks for the public school system."
)
PAREN_TEXT = "He teaches science (He previously worked for 5 years as an engineer.) at the local University."


def rule(tmp_path, data: dict, name: str = "Rule"):
    return build_rule(f"Test.{name}", str(tmp_path / f"{name}.yml"), data)


def rule_file(tmp_path, yaml_text: str, name: str = "Rule"):
    path = tmp_path / f"{name}.yml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return load_rule(path, "Test")


def findings(check, text: str, fmt: str = "md"):
    return [(f.line, f.col, f.message) for f in lint(document_from_string(text, fmt), [check]).findings]


def bad(tmp_path, yaml_text: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        rule_file(tmp_path, yaml_text)
    return info.value


# -- metric -------------------------------------------------------------------


def test_metric_vale_feature_heading_plus_list(tmp_path):
    # Vale's testdata/styles/Checks/MetricValue.yml: reported at 1:1 with the value as %.2f.
    check = rule(tmp_path, {"extends": "metric", "message": "This topic has %s H2s in it.",
                            "formula": "heading.h1 + list", "condition": "> 0"})
    assert findings(check, "# Title\n\nSome words here.\n") == [(1, 1, "This topic has 1.00 H2s in it.")]
    assert findings(check, "Some words.\n\n- one\n- two\n\n1. three\n") == [(1, 1, "This topic has 2.00 H2s in it.")]
    assert findings(check, "## Only an H2\n\nSome words here.\n") == []


def test_metric_undefined_variable_is_zero(tmp_path):
    # Vale's MetricUndefined.yml: heading.h6 is 0 when the document has none.
    check = rule(tmp_path, {"extends": "metric", "message": "%s", "formula": "heading.h6", "condition": "> 1"})
    assert findings(check, "# Title\n\nText.\n") == []


def test_metric_flesch_kincaid_from_vale_docs(tmp_path):
    check = rule(tmp_path, {
        "extends": "metric",
        "message": "Try to keep the Flesch-Kincaid grade level (%s) below 8.",
        "formula": "(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59",
        "condition": "> 8.0",
    })
    text = f"---\ntitle: A headline\n---\n# Heading words are not counted here at all\n\n{VALE_TEXT}\n"
    assert findings(check, text) == [(1, 1, "Try to keep the Flesch-Kincaid grade level (12.00) below 8.")]


def test_metric_counts_and_math(tmp_path):
    text = "# Title\n\nOne short sentence. Another one here.\n\n> A quote.\n\n```\ncode\n```\n"
    check = rule(tmp_path, {"extends": "metric", "message": "%s",
                            "formula": "words * 100 + sentences * 10 + paragraphs + pre * 1000 + blockquote * 10000",
                            "condition": ">= 0"})
    assert findings(check, text) == [(1, 1, "11832.00")]  # 8 words, 3 sentences, 2 paragraphs
    check = rule(tmp_path, {"extends": "metric", "message": "%s", "formula": "math.sqrt(words + 1) + math.pi * 0",
                            "condition": "== 3.0"})
    assert findings(check, text) == [(1, 1, "3.00")]


def test_metric_integer_literals_divide_like_tengo(tmp_path):
    check = rule(tmp_path, {"extends": "metric", "message": "%s", "formula": "7 / 2 + -7 / 2", "condition": "== 0.0"})
    assert findings(check, "Some text.\n") == [(1, 1, "0.00")]


def test_metric_silent_on_empty_document_and_division_by_zero(tmp_path):
    check = rule(tmp_path, {"extends": "metric", "message": "%s", "formula": "words / pre", "condition": "> 0"})
    assert findings(check, "Some text.\n") == []
    check = rule(tmp_path, {"extends": "metric", "message": "%s", "formula": "words", "condition": "> 0"})
    assert findings(check, "# Only a heading\n") == []


@pytest.mark.parametrize(
    "formula, condition, line, fragment",
    [
        ("words +", "> 1.0", 3, "not an arithmetic expression"),
        ("__import__('os').getcwd()", "> 1.0", 3, "may use only"),
        ("words ** 2", "> 1.0", 3, "may use only"),
        ("wordz / sentences", "> 1.0", 3, "unknown variable 'wordz'"),
        ("math.system(1)", "> 1.0", 3, "may use only"),
        ("words", "8.0", 4, "one comparison"),
        ("words", "> 1 > 2", 4, "one comparison"),
        ("words", "== 8", 4, "floating-point"),
        ("words", "> open('x')", 4, "may use only"),
    ],
)
def test_metric_bad_formula_or_condition(tmp_path, formula, condition, line, fragment):
    error = bad(tmp_path, f"""\
        extends: metric
        message: "%s"
        formula: "{formula}"
        condition: "{condition}"
        """)
    assert error.line == line
    assert fragment in error.message


def test_metric_requires_formula(tmp_path):
    error = bad(tmp_path, "extends: metric\ncondition: '> 1.0'\n")
    assert "missing required key 'formula'" in error.message


# -- readability --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, metric, expected",
    [
        (VALE_TEXT, "Flesch-Kincaid", "12.00"),
        (VALE_TEXT, "Gunning Fog", "14.18"),
        (VALE_TEXT, "SMOG", "13.02"),
        (VALE_TEXT, "Coleman-Liau", "13.18"),
        (VALE_TEXT, "Automated Readability", "13.64"),
        (COLEMAN_TEXT, "Flesch-Kincaid", "15.80"),
        (COLEMAN_TEXT, "Gunning Fog", "17.59"),
        (COLEMAN_TEXT, "SMOG", "18.03"),
        (COLEMAN_TEXT, "Coleman-Liau", "14.53"),
        (COLEMAN_TEXT, "Automated Readability", "15.76"),
        (PAREN_TEXT, "Flesch-Kincaid", "9.82"),
        (PAREN_TEXT, "Gunning Fog", "13.90"),
        (PAREN_TEXT, "SMOG", "13.02"),
        (PAREN_TEXT, "Coleman-Liau", "9.91"),
        (PAREN_TEXT, "Automated Readability", "8.65"),
    ],
)
def test_readability_matches_vale_summarize_testdata(tmp_path, text, metric, expected):
    check = rule(tmp_path, {"extends": "readability", "message": "Grade %s", "metrics": [metric], "grade": 1})
    assert findings(check, text + "\n") == [(1, 1, f"Grade {expected}")]


def test_readability_averages_metrics_and_is_strict(tmp_path):
    metrics = ["Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG", "Automated Readability"]
    check = rule(tmp_path, {"extends": "readability", "message": "Average %s", "metrics": metrics, "grade": 8})
    assert findings(check, VALE_TEXT + "\n") == [(1, 1, "Average 13.21")]  # summarize.json MeanGrade
    check = rule(tmp_path, {"extends": "readability", "message": "%s", "metrics": ["Flesch-Kincaid"], "grade": 12.1})
    assert findings(check, VALE_TEXT + "\n") == []


def test_readability_reads_paragraphs_lists_and_quotes_not_headings(tmp_path):
    check = rule(tmp_path, {"extends": "readability", "message": "%s", "metrics": ["Flesch-Kincaid"], "grade": 8})
    long_heading = "# Incomprehensibilities notwithstanding, institutionalisation characteristically overcomplicates\n\n"
    assert findings(check, long_heading + "The cat sat. The dog ran.\n") == []
    assert findings(check, "Intro.\n\n- " + VALE_TEXT + "\n") != []
    assert findings(check, "Intro.\n\n> " + VALE_TEXT + "\n") != []
    assert findings(check, "") == []


def test_readability_ignores_scope_like_vale(tmp_path):
    check = rule(tmp_path, {"extends": "readability", "message": "%s", "metrics": ["SMOG"], "grade": 1,
                            "scope": "heading"})
    assert findings(check, "# Head\n\n" + VALE_TEXT + "\n") == [(1, 1, "13.02")]


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("metrics: [Flesch]\ngrade: 8\n", 3, "unknown metric 'Flesch'"),
        ("metrics: []\ngrade: 8\n", 3, "at least one"),
        ("metrics: [SMOG, SMOG]\ngrade: 8\n", 3, "twice"),
        ("metrics: [SMOG]\ngrade: high\n", 4, "'grade' must be a number"),
        ("metrics: SMOG\ngrade: 8\n", 3, "'metrics' must be a list"),
        ("metrics: [SMOG]\n", 1, "missing required key 'grade'"),
    ],
)
def test_readability_bad_options(tmp_path, body, line, fragment):
    error = bad(tmp_path, "extends: readability\nmessage: '%s'\n" + body)
    assert (error.line, fragment in error.message) == (line, True)


def test_syllables_port():
    counts = {"the": 1, "readability": 5, "people": 2, "beautiful": 3, "university": 5, "it": 1, "": 0}
    assert {w: syllables(w) for w in counts} == counts


# -- spelling -----------------------------------------------------------------


def test_spelling_default_dictionary_positions_and_message(tmp_path):
    check = rule(tmp_path, {"extends": "spelling", "message": "Did you really mean '%s'?"})
    text = "# A headng\n\nThis is a typpo, and (typpo) again.\n"
    assert findings(check, text) == [
        (1, 5, "Did you really mean 'headng'?"),
        (3, 11, "Did you really mean 'typpo'?"),
        (3, 23, "Did you really mean 'typpo'?"),  # each occurrence at its own place
    ]


def test_spelling_tokenizer_and_default_filters(tmp_path):
    check = rule(tmp_path, {"extends": "spelling", "message": "%s"})
    text = ("It\u2019s \u201cquoted\u201d [sic] and 'single' $dollars. The U.S. and Mr. Smith\u2019s remark-gfm, "
            "GitLab, MongoDB, NASA, 3rd, v2, caf\u00e9 and \u30aa\u30d7\u30b7\u30e7\u30f3 pass; `codde` and "
            "https://exampel.com are not prose.\n")
    assert findings(check, text) == []
    assert findings(check, "Wrold, \u201cwrold\u201d (wrold!)\n") == [(1, 1, "Wrold"), (1, 9, "wrold"), (1, 17, "wrold")]


def test_spelling_vale_fixture_with_ignore_file(tmp_path):
    # After Vale's testdata/fixtures/checks/Spelling/test.md: only prose is checked.
    (tmp_path / "accept.txt").write_text("typpo\nremmark\n\n#\ngfm\n", encoding="utf-8")
    check = rule(tmp_path, {"extends": "spelling", "message": "Did you really mean '%s'?", "ignore": "accept.txt"})
    text = ("# Intro\n\nCurrently a list [link](https://gitlab.com/name[]).\n\n````markdown\n```ruby\n"
            "external_url \"https://gitlab.example.com\"\n```\n````\n\ngitlab\n\n\u30aa\u30d7\u30b7\u30e7\u30f3\n\n"
            "This is a typpo.\nA sentence with [remark-gfm](i-am-a-link).\nA sentence with gfm.\n"
            "A sentence with remmark.\n")
    assert findings(check, text) == [(11, 1, "Did you really mean 'gitlab'?")]


def test_spelling_ignore_list_case_like_vale(tmp_path):
    (tmp_path / "words.txt").write_text("newslint\nQwertyCo\n", encoding="utf-8")
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "ignore": ["words.txt"], "custom": True})
    # An entry accepts the word as written or when the word, lowered, equals it.
    assert findings(check, "Newslint NEWSLINT newslint QwertyCo qwertyco\n") == [(1, 37, "qwertyco")]


def test_spelling_filters_search_anywhere(tmp_path):
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "filters": ["lint$", "^zz"]})
    assert findings(check, "newslint zzyzx qqyzx\n") == [(1, 16, "qqyzx")]


def test_spelling_custom_turns_off_default_filters(tmp_path):
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "custom": True})
    assert findings(check, "QQXZ and remark-gfm and v2\n") == [(1, 1, "QQXZ"), (1, 10, "remark-gfm"), (1, 25, "v2")]


def write_dictionary(folder, name: str, words: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.aff").write_text("SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n\nSFX S Y 1\nSFX S 0 s .\n", encoding="utf-8")
    (folder / f"{name}.dic").write_text(f"{len(words)}\n" + "\n".join(words) + "\n", encoding="utf-8")


def test_spelling_custom_dictionary_from_dicpath(tmp_path):
    write_dictionary(tmp_path / "dicts", "newsroom", ["lede/S", "nutgraf", "kicker/S"])
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "dicpath": "dicts", "dictionaries": ["newsroom"]})
    assert findings(check, "The lede, ledes and nutgraf.\n") == [(1, 1, "The"), (1, 17, "and")]
    appended = rule(tmp_path, {"extends": "spelling", "message": "%s", "dicpath": "dicts",
                               "dictionaries": ["newsroom"], "append": True})
    assert findings(appended, "The lede, ledes and nutgraf; a kickr.\n") == [(1, 32, "kickr")]


def test_spelling_dictionaries_found_in_styles_config(tmp_path):
    # Vale's default: <StylesPath>/config/dictionaries; the rule sits in <StylesPath>/<Pack>/.
    write_dictionary(tmp_path / "config" / "dictionaries", "desk", ["slug"])
    check = build_rule("Desk.Spell", str(tmp_path / "Desk" / "Spell.yml"),
                       {"extends": "spelling", "message": "%s", "dictionaries": ["desk", "en_US"]})
    assert findings(check, "The slug and the slugg.\n") == [(1, 18, "slugg")]


def test_spelling_aff_and_dic_paths(tmp_path):
    write_dictionary(tmp_path / "d", "x", ["alpha"])
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "aff": "d/x.aff", "dic": "d/x.dic"})
    assert findings(check, "alpha beta\n") == [(1, 7, "beta")]


def test_spelling_suggestions_when_the_rule_asks(tmp_path):
    check = rule(tmp_path, {"extends": "spelling", "message": "%s", "action": {"name": "suggest", "params": ["spellings"]}})
    [finding] = lint(document_from_string("A typpo.\n", "md"), [check]).findings
    assert finding.suggestions[0] == "typo" and 1 <= len(finding.suggestions) <= 5
    plain = rule(tmp_path, {"extends": "spelling", "message": "%s"})
    assert lint(document_from_string("A typpo.\n", "md"), [plain]).findings[0].suggestions == ()


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("dictionaries: [nowhere]\n", 3, "dictionary 'nowhere' not found"),
        ("dicpath: no/such/dir\ndictionaries: [en_GB]\n", 3, "'dicpath' folder not found"),
        ("ignore: missing.txt\n", 3, "'ignore' file not found"),
        ("filters: ['[a-']\n", 3, "bad regular expression in 'filters'"),
        ("aff: x.aff\n", 3, "'aff' and 'dic' go together"),
        ("dic: x.dic\naff: y.aff\n", 4, "no such file for 'aff'"),
        ("custom: maybe\n", 3, "'custom' must be true or false"),
        ("dictionary: [en_US]\n", 3, "unknown key 'dictionary'"),
    ],
)
def test_spelling_bad_options(tmp_path, body, line, fragment):
    error = bad(tmp_path, "extends: spelling\nmessage: '%s'\n" + body)
    assert (error.line, fragment in error.message) == (line, True), error.message
