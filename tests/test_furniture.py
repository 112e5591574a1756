"""Page furniture: the structural score, learned lists, `newslint furniture learn` and the Boilerplate rule's options."""

from pathlib import Path

import pytest
import yaml
from helpers import newslint, write

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.furniture.lines import normal
from newslint.furniture.score import judge, load_chrome
from newslint.loading import build_rule, load_rule

RULES = Path(__file__).resolve().parent.parent / "rules" / "Newsroom"
CHROME = load_chrome(str(RULES / "Boilerplate.yml"), "data/furniture.yml")


def at(check, text: str, fmt: str = "txt") -> list[str]:
    doc = document_from_string(text, fmt)
    return [f"{f.line}:{f.col}" for f in lint(doc, [check]).findings]


# -- the structural score ----------------------------------------------------

@pytest.mark.parametrize("block", [
    "Photo: Jane Doe/Getty Images",
    "(AP Photo/John Doe)",
    "Image copyright Harbour Agency",
    "Related: Five things to know about the budget",
    "READ MORE: What the vote means for you",
    "Most shared this week",
    "Be the first to comment",
    "Get the morning briefing in your inbox",
    "By using this site you accept our cookie policy and terms.",
    "Home › World › Europe",
    "© 2024 Valley Media. All rights reserved.",
    "Listen to this article",
    # Credits and footers: who made the story, where it ran first, the publisher's small print.
    "Illustrated by Tom Jones",
    "Courtesy of the Harbour Museum",
    "The harbour at dawn. Illustration: Tom Jones",
    "Harbour Valley Images",
    "This piece first ran in the Harbour Times.",
    "Harbour Press Ltd, registered office 1 Quay Street",
    "Write to the desk at desk@example.org",
    # Navigation and consent: menus, breadcrumbs, buttons.
    "World > Europe > France",
    "Toggle navigation",
    "I agree",
    "Manage consent",
    "Editorial guidelines",
    "By Jane Roe, Diplomatic Correspondent",
    "Tom Jones for the Valley Herald",
    "The quay at dusk (Picture: Jane Roe)",
    "First published on Monday 2 May 2022",
    "Licensed under CC BY-SA 4.0",
    "This story is more than two years old",
    "Jump to main content",
    "Crowds in the square on Monday. (AFP)",
    "Photographer: Jane Roe",
])
def test_furniture_in_words_no_list_holds(block):
    verdict = judge(block, CHROME)
    assert verdict.furniture(), verdict.reasons


@pytest.mark.parametrize("block", [
    "How Do I Sign Up",                       # a subhead: a question
    "Here are the photos we chose:",          # introduces what follows
    "Photo ID; Laptop or tablet",             # a weak word is no evidence
    "Shares as percentage of pageviews",
    "The newsletter, which has 3,000 subscribers, launched in May.",
    "“Read more books,” she told the pupils.",  # someone speaks
    "Read more in the report.",               # a sentence of the story
    "Interested in the results? Sign up for the council's weekly newsletter today.",
    "Rich Panzer | rpanzer (at) example (dot) com",  # a row, but nothing says chrome
    "The study was first published in Nature in 2019, its authors said.",  # a story's sentence
    "Write to the council at desk@example.org if you object to the plan before Friday, officials said.",
    "— Jane Roe (@janeroe) June 4, 2015",  # closes an embedded post the story quotes
    "Environmental Protection Agency",  # a subhead, no picture library
    "Rain, wind and snow",  # a list in a sentence, no menu
    "Paper Prototyping for Mobile",  # a subhead: dictionary words before "for", no name
    "By the Numbers",  # a subhead, no byline
    "Read the full report on the agency's site. (PDF)",  # a file's type, no credit
    "U.S. General Services Administration (GSA)",  # a name and its acronym
    "The images are licensed under Creative Commons, the agency said in a statement on Monday.",
])
def test_story_blocks_are_not_furniture(block):
    verdict = judge(block, CHROME, last=True)
    assert not verdict.furniture(), verdict.reasons


def test_the_end_of_the_story_counts_only_for_non_sentences():
    assert judge("Most shared", CHROME, last=True).score == judge("Most shared", CHROME).score + 1
    assert judge("Read more in the report.", CHROME, last=True).score == judge("Read more in the report.", CHROME).score


def test_long_blocks_are_never_furniture():
    block = "Sign up for our newsletter " + "and read more " * 10
    assert not judge(block, CHROME).furniture()


# -- the rule ----------------------------------------------------------------

def test_rule_flags_structural_furniture_mid_story_and_fixes_it():
    check = load_rule(RULES / "Boilerplate.yml")
    text = "Title\n\nThe council met.\n\nPicture: Supplied\n\nIt voted 5 to 2.\n\nJoin the discussion\n"
    assert at(check, text) == ["5:1", "9:1"]
    doc = document_from_string(text, "txt")
    out = text
    for f in sorted((f.fix for f in lint(doc, [check]).findings if f.fix), key=lambda x: -x.start):
        out = out[: f.start] + f.replacement + out[f.end :]
    assert out == "Title\n\nThe council met.\n\nIt voted 5 to 2.\n"


def test_rule_options_chrome_min_score_and_errors(tmp_path):
    rule = tmp_path / "B.yml"
    chrome = write(tmp_path / "chrome.yml", "furniture:\n  strong: ['see our gallery']\n  labels: [pic]\n")
    check = build_rule("T.B", str(rule), {"extends": "boilerplate", "chrome": chrome.name, "trailing_blank_lines": False})
    assert at(check, "T\n\nBody.\n\nSee our gallery\n\nPic: Jane Doe\n\nPhoto: Jane Doe\n") == ["5:1", "7:1"]
    strict = build_rule("T.B", str(rule), {"extends": "boilerplate", "chrome": chrome.name, "min_score": 9})
    assert at(strict, "T\n\nBody.\n\nSee our gallery\n") == []
    write(tmp_path / "bad.yml", "furniture:\n  strong: ['(']\n")
    with pytest.raises(RuleError, match="bad.yml"):
        build_rule("T.B", str(rule), {"extends": "boilerplate", "chrome": "bad.yml"})
    write(tmp_path / "odd.yml", "furniture:\n  loud: [x]\n")
    with pytest.raises(RuleError, match="unknown key"):
        build_rule("T.B", str(rule), {"extends": "boilerplate", "chrome": "odd.yml"})
    with pytest.raises(RuleError, match="cannot read"):
        build_rule("T.B", str(rule), {"extends": "boilerplate", "furniture": ["missing.yaml"]})


# -- learned lists -----------------------------------------------------------

def test_normal_form_ignores_numbers_dates_case_and_separators():
    assert normal("Updated 3 March 2021, 10:42 GMT") == normal("updated 12 May 2022, 9:05 gmt")
    assert normal("Photo: AFP") == normal("PHOTO - AFP") == normal("“Photo: AFP”")
    assert normal("Photo: AFP") != normal("Photo: Reuters")


def _archive(root: Path) -> Path:
    for i, (day, month) in enumerate([(3, "March"), (14, "April"), (28, "May"), (9, "June")]):
        write(root / f"story{i}.txt", f"""
            Council story {i}

            The council met on {day} {month} and voted {i + 3} to 2 on item {i}.

            Pictures by Valley Staff

            Updated {day} {month} 2021, 10:4{i} GMT

            Want the Valley Weekly? It lands on Fridays.
        """)
    write(root / "other.md", "---\ntitle: Parks\n---\n\nThe parks reopen.\n\nPictures by Valley Staff\n")
    return root


def test_furniture_learn_end_to_end(tmp_path):
    archive = _archive(tmp_path / "archive")
    out = tmp_path / "furniture.yaml"
    run = newslint("furniture", "learn", archive, "-o", out)
    assert run.code == 0, run.err
    assert "wrote 3 lines of furniture (from 5 articles)" in run.err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["furniture"] == [
        {"line": "Pictures by Valley Staff", "articles": 5},
        {"line": "Updated 3 March 2021, 10:40 GMT", "articles": 4},
        {"line": "Want the Valley Weekly? It lands on Fridays.", "articles": 4},
    ]
    # A copy of the rule points at the learned list: the site's own furniture is found, numbers and dates aside.
    write(tmp_path / "House" / "Furniture.yml", f"""
        extends: boilerplate
        message: "Remove the site's furniture: %s."
        level: warning
        furniture: [{out}]
    """)
    write(tmp_path / ".newslint.yaml", "packs: [./House]\n")
    story = write(tmp_path / "new.txt", "Budget passes\n\nThe budget passed.\n\nWant the Valley Weekly? It lands on Fridays.\n\n"
                                        "Updated 1 July 2022, 8:15 GMT\n\nThe mayor spoke.\n")
    run = newslint("check", story, "--format", "json", "--no-cache", cwd=tmp_path)
    assert [(f["line"], f["rule"]) for f in run.json["findings"]] == [(5, "House.Furniture"), (7, "House.Furniture")]


def test_furniture_learn_default_output_min_articles_and_errors(tmp_path):
    archive = _archive(tmp_path / "archive")
    run = newslint("furniture", "learn", archive, "--min-articles", "5", cwd=tmp_path)
    assert run.code == 0, run.err
    data = yaml.safe_load((tmp_path / "furniture.yaml").read_text(encoding="utf-8"))
    assert data["furniture"] == [{"line": "Pictures by Valley Staff", "articles": 5}]
    run = newslint("furniture", "learn", tmp_path / "empty", "-o", tmp_path / "x.yaml")
    assert run.code == 2 and "no articles" in run.err
    assert not (tmp_path / "x.yaml").exists()


def test_learned_list_accepts_plain_strings_and_rejects_junk(tmp_path):
    rule = str(tmp_path / "B.yml")
    write(tmp_path / "plain.yaml", "furniture:\n  - Pictures by Valley Staff\n  - {line: 'Tip us off'}\n")
    check = build_rule("T.B", rule, {"extends": "boilerplate", "furniture": ["plain.yaml"]})
    assert at(check, "T\n\nBody.\n\nPICTURES BY VALLEY STAFF\n\nTip us off!\n") == ["5:1", "7:1"]
    write(tmp_path / "junk.yaml", "furniture:\n  - 3\n")
    with pytest.raises(RuleError, match="junk.yaml:2"):
        build_rule("T.B", rule, {"extends": "boilerplate", "furniture": ["junk.yaml"]})
