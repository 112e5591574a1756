"""Placeholders and title suffixes recognised from structure: wording no list holds, and what must stay quiet."""

from pathlib import Path

import pytest
from helpers import write

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule

RULES = Path(__file__).resolve().parent.parent / "rules" / "Newsroom"
PLACEHOLDER = load_rule(RULES / "Placeholder.yml")
SUFFIX = load_rule(RULES / "TitleSuffix.yml")


def matches(check, text: str, fmt: str = "md") -> list[str]:
    doc = document_from_string(text, fmt)
    return [f.match for f in lint(doc, [check]).findings]


# -- placeholders ------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("The agency, led by MINISTER NAME TK, agreed.", ["MINISTER NAME TK"]),
    ("Turnout rose to VERIFY PERCENTAGE, officials said.", ["VERIFY PERCENTAGE"]),
    ("She told QUOTE GOES HERE and left.", ["QUOTE GOES HERE"]),
    ("The plant employs [number] people in [CITY].", ["[number]", "[CITY]"]),
    ("It was [Confirm date with desk] when the vote came.", ["[Confirm date with desk]"]),
    ("The report [LINK TO COME] is long.", ["[LINK TO COME]"]),
    ("Revenue was {amount} in {{ year }}.", ["{amount}", "{{ year }}"]),
    ("“We beat them by NUMBER TO COME votes,” he said.", ["NUMBER TO COME"]),  # marked as missing, even quoted
    ("Prices rose ??% to $?? a barrel.", ["??", "??"]),
    ("It sold ### units on Tk day, tktk.", ["###", "Tk", "tktk"]),
])
def test_slots_in_any_case_bracket_and_spacing(text, found):
    assert matches(PLACEHOLDER, text) == found



@pytest.mark.parametrize("text, found", [
    ("Sales hit €?bn, up N%.", ["?bn", "N"]),                                  # a currency sign, a per cent sign
    ("About NN thousand fans and ?? million viewers watched.", ["NN", "??"]),  # a scale word
    ("The storm left X families and # officers without power.", ["X", "#"]),  # a counted plural
    ("The index stood at N.N, and the turnout at XX.X.", ["N.N", "XX.X"]),    # decimals in letters
    ("The deal, worth $___ in all, and [N] tonnes.", ["___", "[N]"]),         # a blank, filler in brackets
    ("The mayor, ?, said the count rose by # percent.", ["?", "#"]),          # a mark with a space before it
    ("A XX-year-old and an N-point plan; X,000 fans since 19XX.", ["XX", "N", "X,000", "19XX"]),  # compounds, digits
    ("Tickets cost $TBC.", ["TBC"]),
])
def test_stand_ins_where_a_number_belongs(text, found):
    assert matches(PLACEHOLDER, text, "txt") == found


@pytest.mark.parametrize("text, found", [
    ("It was signed by Name Surname and First Name Last Name.", ["Name Surname", "First Name Last Name"]),
    ("The award went to A. N. Other and Fred Bloggs.", ["A. N. Other", "Fred Bloggs"]),
    ("Ask [spokesperson's title] about [minister's name].", ["[spokesperson's title]", "[minister's name]"]),
    ("The plan, said Spokesperson Name, is ready; Mr Surname and Name Goes Here agreed.",
     ["Spokesperson Name", "Mr Surname", "Name Goes Here"]),
    ("It was signed by Xxxxx Xxxxxx, and the venue is [ ] on TBC.", ["Xxxxx Xxxxxx", "[ ]", "TBC"]),
])
def test_name_slots_in_title_case_and_stand_in_names(text, found):
    assert matches(PLACEHOLDER, text) == found


@pytest.mark.parametrize("text", [
    "Malcolm X and Generation X voters met at System X headquarters.",  # names and numerals
    "Aim to raise awareness X percent; log the # of visits; a 4 x 4 grid.",  # a variable, shorthand, a product
    "Name: Smith. What’s in a Name? The Brand Name is new; a Joe Bloggs type.",  # a label, headlines, an article
    "Her Stage Name and Pen Name differ; the X-ray and the TK Maxx shop; Venue: TBA.",  # kinds of name, a label's value
    "The subsidiary, TBC Holdings Corp, will begin the offer.",  # a company's initials
    "A Jane Doe lawsuit named [the company's] chief.",  # a court's pseudonym; an editorial insertion
    "Is it true? Yes, it is. Why? Nobody knows.",
])
def test_letters_and_marks_that_are_no_gap_stay_quiet(text):
    assert matches(PLACEHOLDER, text) == []


@pytest.mark.parametrize("text", [
    "NATO, the U.S. EPA and the UN met; the AIDS fund paid.",
    "“WE WILL NOT GO BACK TO THE OLD DAYS,” the crowd chanted.",
    "The FILE PHOTO caption and the AP PHOTO credit stay; a NEW YORK court ruled.",
    "See 42 U.S.C. § 1983 and Fed. R. Civ. P. 12(b)(6) [emphasis added].",
    "“They [the rebels] left,” he said [sic]. [APPLAUSE] [Editor’s note: updated.]",
    "Download the guide [PDF] or the summary [XLSX].",
    "FOR IMMEDIATE RELEASE: The agency opened a new office.",
    "It was a NAME brand, she said, and a PERSON of interest.",
])
def test_acronyms_citations_conventions_and_shouting_stay_quiet(text):
    assert matches(PLACEHOLDER, text) == []


def test_all_caps_wire_copy_stays_quiet_but_its_brackets_do_not():
    text = "FRANCE TO NAME NEW MINISTER SOON - PAPER\n\nPARIS, March 3 - France will name a minister, a paper said.\n"
    assert matches(PLACEHOLDER, text, "txt") == []
    assert matches(PLACEHOLDER, "FRANCE TO NAME [NAME] AS MINISTER\n\nBody.\n", "txt") == ["[NAME]"]


def test_slots_option_errors(tmp_path):
    rule = str(tmp_path / "P.yml")
    write(tmp_path / "slots.yml", "slots:\n  verbs: [insert]\n  shouts: [x]\n")
    with pytest.raises(RuleError, match="unknown key 'shouts'"):
        build_rule("T.P", rule, {"extends": "placeholder", "slots": "slots.yml"})
    with pytest.raises(RuleError, match="cannot read"):
        build_rule("T.P", rule, {"extends": "placeholder", "slots": "missing.yml"})
    write(tmp_path / "mine.yml", "slots:\n  verbs: [reword]\n  media: [lede]\n")
    check = build_rule("T.P", rule, {"extends": "placeholder", "slots": "mine.yml"})
    assert matches(check, "The story REWORD LEDE ends [lede].") == ["REWORD LEDE", "[lede]"]


# -- title suffixes ----------------------------------------------------------

@pytest.mark.parametrize("title, suffix", [
    ("Floods close schools across the region — Riverbend Ledger", " — Riverbend Ledger"),
    ("Floods close schools across the region – Opinion", " – Opinion"),
    ("FLOODS CLOSE SCHOOLS IN REGION - Riverbend Ledger", " - Riverbend Ledger"),
    ("Floods close schools – Riverbend Ledger: News you can use", " – Riverbend Ledger: News you can use"),
    ("Floods close schools | Riverbend Ledger: Trusted local news since 1901", " | Riverbend Ledger: Trusted local news since 1901"),
    ("Floods close schools « Riverbend Ledger", " « Riverbend Ledger"),
    ("Floods close schools across the region: riverbend.news", ": riverbend.news"),
])
def test_site_names_and_taglines_by_structure(title, suffix):
    assert matches(SUFFIX, f"{title}\n\nHeavy rain closed 40 schools on Monday.\n", "txt") == [suffix]


@pytest.mark.parametrize("title, body", [
    ("Council backs plan – Mayor Jane Doe", "Mayor Jane Doe welcomed the vote."),      # the story's own name
    ("‘We will rebuild’ – Mayor Doe", "The mayor spoke."),                               # attribution of a quote
    ("CHINA ADDS WHEAT COMMITMENTS - USDA", "The USDA said so."),                          # wire attribution
    ("Floods: What Parents Need to Know", "Schools shut."),                               # a headline's own colon
    ("Storm Update – March 3, 2024", "Rain fell."),                                       # a date, not a name
    ("Election results – what happens next", "Votes were counted."),                      # not a name
])
def test_headlines_own_dashes_and_colons_pass(title, body):
    assert matches(SUFFIX, f"{title}\n\n{body}\n", "txt") == []


def test_structure_is_an_option():
    seeds_only = build_rule("T.S", "t.yml", {"extends": "title-suffix", "separators": [], "sites": ["Reuters"]})
    text = "Floods close schools — Riverbend Ledger\n\nRain.\n"
    assert matches(seeds_only, text, "txt") == []
    assert matches(seeds_only, "Floods close schools — Reuters\n\nRain.\n", "txt") == [" — Reuters"]
