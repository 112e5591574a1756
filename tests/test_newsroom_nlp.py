"""Newsroom kinds of issue 4 (checks 3-6): fragment, first-person, undefined-acronym, variants.

Exact positions, the places each check must stay quiet (quotes across
paragraphs, headlines, lists, captions), variant counting and house forms, and
the errors a bad data list gives.
"""

from pathlib import Path

import pytest

from helpers import newslint, write
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule

RULES = Path(__file__).resolve().parent.parent / "rules" / "Newsroom"


def run(rule: str, text: str, fmt: str = "md", **options):
    if options:
        check = build_rule(f"Newsroom.{rule}", str(RULES / f"{rule}.yml"), {**_yaml(rule), **options})
    else:
        check = load_rule(RULES / f"{rule}.yml")
    doc = document_from_string(text, fmt)
    return lint(doc, [check]).findings


def _yaml(rule: str) -> dict:
    import yaml

    data = yaml.safe_load((RULES / f"{rule}.yml").read_text(encoding="utf-8"))
    data.pop("examples", None)
    return data


def spans(findings) -> list[tuple]:
    return [(f.line, f.col, f.end_line, f.end_col, f.match) for f in findings]


# -- fragment ---------------------------------------------------------------
def test_fragment_glued_predicate_spans_the_fragment():
    text = "Title\n\nNetanyahu flatly rejects such an outcome. is at a critical stage.\n"
    findings = run("Fragment", text, "txt")
    assert spans(findings) == [(3, 43, 3, 66, "is at a critical stage.")]
    assert "no subject" in findings[0].message


def test_fragment_orphan_attribution_after_full_stop_and_comma():
    text = "Israel insists on a pause, not an end to hostilities. said.\n\nThe deal would hold for 40 days, said.\n"
    assert spans(run("Fragment", text)) == [(1, 55, 1, 60, "said."), (3, 34, 3, 39, "said.")]


def test_fragment_attribution_with_a_speaker_passes():
    text = "Khaled Al-Maeena, editor at large at the Saudi Gazette, said. He left.\n\n“It is over,” said Smith.\n"
    assert run("Fragment", text) == []


def test_fragment_truncated_spliced_lowercase_and_verbless():
    text = (
        "Trump issued a statement on the. Biden has not been certified.\n\n"
        "The virus spread quickly, the WHO noted If countries test, they can stop it.\n\n"
        "The talks resumed in Cairo on Monday. and the delegation left on Tuesday.\n\n"
        "The talks resumed. The release of more than a hundred hostages in exchange for a truce. Officials agreed.\n"
    )
    got = [(f.line, f.col, f.match) for f in run("Fragment", text)]
    assert got == [
        (1, 29, "the."),
        (3, 41, "If"),
        (5, 39, "and the delegation left on Tuesday."),
        (7, 20, "The release of more than a hundred hostages in exchange for a truce."),
    ]


def test_fragment_quiet_on_titles_headings_lists_captions_quotes_and_short_sentences():
    quiet = [
        ("Talks at a critical stage. is over\n\nThe talks resumed.\n", "txt"),  # the title
        ("# Talks stall. said\n\nThe talks resumed.\n", "md"),  # a heading
        ("- talks resumed. said the envoy\n- the. more to come\n", "md"),  # a list
        ("Title\n\nRafa’s attack\n\nThe talks resumed.\n", "txt"),  # a subhead in plain text
        ("Title\n\nCAIRO, May 5\n\nThe talks resumed.\n", "txt"),  # a dateline
        ("Title\n\nAbove: the crossing at Kerem Shalom in southern Israel on Monday\n\nThe talks resumed.\n", "txt"),  # a caption
        ("“We waited all day. is anyone listening? said nothing,” she said.\n", "md"),  # a quotation
        ("> We waited. is anyone listening\n", "md"),  # a blockquote
        ("Not so. Yes. Fair enough. The talks resumed on Monday.\n", "md"),  # short sentences
        ("The meeting ended at 5 p.m. local time. Officials met e.g. the envoy... and left.\n", "md"),
        ("It is the only thing they asked for. He said he would. They reviewed The Times on Monday.\n", "md"),
    ]
    for text, fmt in quiet:
        assert run("Fragment", text, fmt) == [], text


def test_fragment_skip_and_min_words_options():
    text = "The talks resumed. The release of more than a hundred hostages. Officials agreed. It ended. said.\n"
    assert [f.match for f in run("Fragment", text)] == ["The release of more than a hundred hostages.", "said."]
    assert [f.match for f in run("Fragment", text, skip=["attribution"], min_words=9)] == []
    with pytest.raises(RuleError, match="unknown kind 'garbled'"):
        build_rule("T.F", "t.yml", {"extends": "fragment", "skip": ["garbled"]})
    with pytest.raises(RuleError, match="min_words"):
        build_rule("T.F", "t.yml", {"extends": "fragment", "min_words": 1})


def test_fragment_declares_its_parse_needs():
    check = load_rule(RULES / "Fragment.yml")
    assert check.needs_nlp and set(check.nlp_components) == {"tagger", "parser"}
    for rule in ("FirstPerson", "UndefinedAcronym", "Variants"):
        assert not load_rule(RULES / f"{rule}.yml").needs_nlp  # they run under --no-nlp


# -- first person -----------------------------------------------------------
def test_first_person_one_finding_per_sentence_on_its_first_word():
    text = "They would return on Tuesday. I told him I was planning to finish it. My editor agreed.\n"
    assert spans(run("FirstPerson", text)) == [(1, 31, 1, 32, "I"), (1, 71, 1, 73, "My")]


def test_first_person_quotes_spanning_paragraphs():
    # An open quote runs to its paragraph's end; the next paragraph opens with a fresh mark and
    # is a quote too; the paragraph after the quote closes is the reporter's again.
    text = (
        "“I left early, before the vote.\n\n"
        "“Then I came back and my car was gone,” he said.\n\n"
        "I asked the police about it.\n"
    )
    assert spans(run("FirstPerson", text)) == [(5, 1, 5, 2, "I")]
    # Straight quotes, and a paragraph that closes a quote it never opened: its opening mark was
    # lost, so nobody can tell where the quotation starts, and the rule stays quiet on it.
    text = '"I left early.\n\nThen I came back."\n'
    assert [(f.line, f.col) for f in run("FirstPerson", text)] == []
    text = '"I left early.\n\nThen I came back." I asked why.\n'
    assert [(f.line, f.col) for f in run("FirstPerson", text)] == [(3, 20)]


def test_first_person_quiet_on_numerals_titles_headings_labels():
    quiet = [
        "World War I veterans met Elizabeth I. Phase I and II of the I-95 project are done.\n",
        "Wayne A. I. Frederick wrote to My Fair Lady fans.\n",
        "# I will not run, says minister\n\nThe minister will not run.\n",
        "Smith: I think the talks will fail.\n",
        "Q: Did you vote? A: I did not.\n",
        "> I told him I was planning to finish it.\n",
        "We will not give up, the union said, and our members agree.\n",
    ]
    for text in quiet:
        assert run("FirstPerson", text) == [], text
    assert run("FirstPerson", "I will not run, says minister\n\nThe minister said so.\n", "txt") == []  # the title


def test_first_person_plural_option_and_config_off_for_opinion(tmp_path):
    # By default only the newsroom at work ("We asked the minister") is flagged, not "our" ...
    assert [f.match for f in run("FirstPerson", "We asked the minister, and our readers agree.\n")] == ["We"]
    text = "The minister left, and our readers agree.\n"
    assert run("FirstPerson", text) == []
    # ... `plural: true` flags every we, us and our.
    assert [f.match for f in run("FirstPerson", text, plural=True)] == ["our"]
    write(tmp_path / ".newslint.yaml", """
        packs: [Newsroom]
        overrides:
          - files: ["opinion/*"]
            rules: {Newsroom.FirstPerson: off}
        """)
    write(tmp_path / "news" / "a.md", "The minister spoke. I told him I was planning to finish it.\n")
    write(tmp_path / "opinion" / "a.md", "The minister spoke. I told him I was planning to finish it.\n")
    result = newslint("check", "news", "opinion", "--select", "Newsroom.FirstPerson", "--format", "json", cwd=tmp_path)
    assert [(f["path"], f["line"], f["col"]) for f in result.json["findings"]] == [("news/a.md", 1, 21)]


# -- undefined acronym --------------------------------------------------------
def test_undefined_acronym_flags_every_source_use():
    text = (
        "Reporting from Ramallah, NDMT’s Bernard Smith reports that talks stalled.\n\n"
        "At least 1,139 people were killed, according to an NDMT tally.\n\n"
        "NDMT reported more deaths. He told NDMT on Monday. NDMT is popular.\n"
    )
    got = [(f.line, f.col, f.match) for f in run("UndefinedAcronym", text)]
    assert got == [(1, 26, "NDMT"), (3, 52, "NDMT"), (5, 1, "NDMT"), (5, 36, "NDMT")]


@pytest.mark.parametrize("definition", [
    "The National Disaster Monitoring Team (NDMT) counted them.",
    "NDMT (National Disaster Monitoring Team) counted them.",
    "NDMT, a monitoring group based in Doha, counted them.",
    "The monitoring group NDMT counted them.",
    "The National Disaster Monitoring Team counted them.",
])
def test_undefined_acronym_any_definition_silences_it(definition):
    text = f"NDMT’s Bernard Smith reports that talks stalled.\n\n{definition}\n"
    assert run("UndefinedAcronym", text) == []


def test_undefined_acronym_known_lists_exceptions_and_affiliations(tmp_path):
    quiet = "The BBC’s Jeremy Bowen reports from Gaza, according to an AP tally. COVID figures rose.\n"
    assert run("UndefinedAcronym", quiet) == []
    assert run("UndefinedAcronym", "DAB's Ben Chan and FTU's Alice Mak were elected. Texas A&M's team said so.\n") == []
    extra = write(tmp_path / "outlets.yml", "organisations:\n  KTN: Kenya Television Network\n")
    rule = {"extends": "undefined-acronym", "organisations": [str(extra)]}
    doc = document_from_string("According to KTN, two people died.\n", "md")
    assert lint(doc, [build_rule("T.A", str(tmp_path / "A.yml"), rule)]).findings == []
    rule["organisations"] = ["outlets.yml"]  # relative to the rule file
    assert lint(doc, [build_rule("T.A", str(tmp_path / "A.yml"), rule)]).findings == []
    assert len(lint(doc, [build_rule("T.A", str(tmp_path / "A.yml"), {"extends": "undefined-acronym"})]).findings) == 1


def test_undefined_acronym_shipped_list_has_the_usual_names():
    from newslint.checks.undefined_acronym import load_organisations

    known = load_organisations(str(RULES / "UndefinedAcronym.yml"), "data/organisations.yml")
    assert {"AP", "AFP", "BBC", "CNN", "UN", "CIA", "NATO", "EU", "US", "UK", "FBI", "WHO"} <= known


@pytest.mark.parametrize("content, error", [
    (None, r"A\.yml:2: 'organisations': cannot read missing\.yml"),
    ("organisations: [AP\n", r"A\.yml:2: 'organisations': bad\.yml:2: invalid YAML"),
    ("names: {AP: x}\n", r"bad\.yml:1: missing the top-level key 'organisations'"),
    ("organisations: AP\n", r"bad\.yml:1: 'organisations' must map each acronym"),
    ("organisations:\n  AP: Associated Press\n  12: twelve\n", r"bad\.yml:3: an acronym must be one word of text"),
])
def test_undefined_acronym_list_errors_name_the_list_and_line(tmp_path, content, error):
    name = "missing.yml" if content is None else "bad.yml"
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    rule = write(tmp_path / "A.yml", f"extends: undefined-acronym\norganisations: [{name}]\n")
    with pytest.raises(RuleError, match=error):
        load_rule(rule, "T")


# -- variants -----------------------------------------------------------------
SEED = RULES.parent.parent / "seeds" / "gaza-ceasefire-talks.txt"


def test_variants_counts_majority_and_unsafe_fix():
    text = "The ceasefire held. A second ceasefire was agreed. Talks on a cease-fire resumed. The Cease-Fire Accord\n"
    (f,) = run("Variants", text)
    assert (f.line, f.col, f.match) == (1, 63, "cease-fire")
    assert f.message == "'cease-fire' (1 in this story) beside 'ceasefire' (2): spell it one way."
    assert f.suggestions == ("ceasefire",) and f.fix.replacement == "ceasefire" and not f.fix.safe


def test_variants_hyphen_space_closed_and_case():
    text = "Air strikes hit. An air strike hit. A second airstrike followed, and the airstrike was condemned. Airstrike crews left.\n"
    got = [(f.match, f.suggestions) for f in run("Variants", text)]
    assert got == [("air strike", ("airstrike",))]
    text = "Ceasefire talks began. Cease-fire talks ended. The cease-fire held.\n"
    assert [(f.match, f.fix.replacement) for f in run("Variants", text)] == [("Ceasefire", "Cease-fire")]


def test_variants_tie_goes_to_the_first_spelling_and_quotes_count_but_are_never_flagged():
    text = "The e-mail came. The email went.\n"
    assert [f.match for f in run("Variants", text)] == ["email"]
    # A quotation's compound is the outlet's transcription: it counts towards the tally ...
    text = "“The cease-fire is dead,” he said. “Cease-fire,” she said. The ceasefire held.\n"
    assert [(f.match, f.suggestions) for f in run("Variants", text)] == [("ceasefire", ("cease-fire",))]
    # ... but only the story's own words are flagged.
    assert run("Variants", "“The cease-fire is dead,” he said. The ceasefire held, and the ceasefire ended.\n") == []


def test_variants_from_the_list_counts_the_whole_family():
    text = "The organisation grew. Two organisations merged and organised a vote. The organization said so.\n"
    (f,) = run("Variants", text)
    assert (f.match, f.suggestions) == ("organization", ("organisation",))
    assert f.message == "'organization' (1 in this story) beside 'organisation' (3): spell it one way."
    assert run("Variants", "The World Health Organization praised the organisation.\n") == []
    assert [f.suggestions for f in run("Variants", "The centre opened. Two centres closed. The center was full.\n")] == [("centre",)]


def test_variants_house_form_wins_and_its_fix_is_safe():
    text = "A cease-fire held. A second cease-fire was agreed. The ceasefire broke.\n"
    (f,) = run("Variants", text)
    assert f.match == "ceasefire"  # the majority
    got = run("Variants", text, house=["ceasefire"])
    assert [(f.match, f.fix.replacement, f.fix.safe) for f in got] == [("cease-fire", "ceasefire", True)] * 2
    consistent = "A cease-fire held. Prices rose 5 percent.\n"
    assert run("Variants", consistent, house=["ceasefire", "per cent"]) == []
    got = run("Variants", consistent, house=["ceasefire", "per cent"], enforce_house=True)
    assert [(f.match, f.fix.replacement) for f in got] == [("cease-fire", "ceasefire"), ("percent", "per cent")]
    got = run("Variants", text, house=["ceasefire"], house_fix="unsafe")
    assert not any(f.fix.safe for f in got)


def test_variants_inline_groups_and_no_fix_without_fix_key():
    rule = build_rule("T.V", "t.yml", {"extends": "variants", "groups": [["grey", "gray"]], "compounds": False})
    doc = document_from_string("A grey sky. A grey sea. A gray day.\n", "md")
    (f,) = lint(doc, [rule]).findings
    assert f.match == "gray" and f.fix is None and f.suggestions == ("grey",)


def test_variants_quiet_on_clean_distinctions():
    quiet = [
        "A well-known author is well known. They set up the setup. It happens every day, an everyday thing.\n",
        "The aquifer produces freshwater seeps. The caves hold fresh water.\n",
        "He will re-sign the contract before he can resign.\n",
        "The sevengill has seven gills. Sevengills are sharks.\n",
    ]
    for text in quiet:
        assert run("Variants", text) == [], text


@pytest.mark.parametrize("content, error", [
    ("variants: [per cent, percent]\n", r"bad\.yml:1: a group is a list"),
    ("variants:\n  - [per cent]\n", r"bad\.yml:2: a group is a list of at least two spellings"),
    ("variants:\n  - [per cent, percent]\n  - [centr(e|es), center(|s|ed)]\n", r"bad\.yml:3: the spellings expand to different numbers"),
    ("variants:\n  - [centr(e|es, center]\n", r"bad\.yml:2: .*write a family as stem\(ending\|ending"),
    ("variants: {a: b}\n", r"bad\.yml:1: 'variants' must be a list of groups"),
])
def test_variants_list_errors_name_the_list_and_line(tmp_path, content, error):
    (tmp_path / "bad.yml").write_text(content, encoding="utf-8")
    rule = write(tmp_path / "V.yml", "extends: variants\nlists: [bad.yml]\n")
    with pytest.raises(RuleError, match=r"V\.yml:2: 'lists': " + error):
        load_rule(rule, "T")


def test_variants_option_errors():
    with pytest.raises(RuleError, match="house_fix"):
        build_rule("T.V", "t.yml", {"extends": "variants", "house_fix": "maybe"})
    with pytest.raises(RuleError, match="'groups' item 1"):
        build_rule("T.V", "t.yml", {"extends": "variants", "groups": [["only"]]})
    with pytest.raises(RuleError, match="house"):
        build_rule("T.V", "t.yml", {"extends": "variants", "house": [3]})


def test_variants_seed_finding_and_shipped_list_loads():
    from newslint.document.reader import read_document

    doc = read_document(SEED)
    (f,) = lint(doc, [load_rule(RULES / "Variants.yml")]).findings
    assert (f.line, f.col, f.match, f.suggestions) == (19, 169, "cease-fire", ("ceasefire",))
    assert "(5)" in f.message  # four uses of its own and one in a quotation


# Misses found by benchmarks/corruption.py, kept fixed.
def test_fragment_after_a_closing_straight_quote():
    from newslint.document.reader import document_from_string
    from newslint.engine import lint
    from newslint.loading import load_rule
    from conftest import ROOT

    check = load_rule(ROOT / "rules" / "Newsroom" / "Fragment.yml")
    doc = document_from_string('Title\n\nIt was "how he picks." was not immediately clear. They left.\n', "txt")
    assert [(f.line, f.col, f.match) for f in lint(doc, [check]).findings] == [(3, 24, "was not immediately clear.")]


def test_acronym_opening_a_sentence_after_a_capitalised_word():
    from newslint.document.reader import document_from_string
    from newslint.engine import lint
    from newslint.loading import load_rule
    from conftest import ROOT

    check = load_rule(ROOT / "rules" / "Newsroom" / "UndefinedAcronym.yml")
    doc = document_from_string("Title\n\nThe storm hit Kenya. DWFE’s Bernard Smith reports from Nairobi.\n", "txt")
    assert [(f.line, f.col, f.match) for f in lint(doc, [check]).findings] == [(3, 22, "DWFE")]
