"""Names: the transliteration-aware comparison, aliases, names lists, `newslint names learn`."""

from pathlib import Path

import pytest
import yaml

from helpers import newslint, write
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.errors import RuleError
from newslint.loading import build_rule, load_rule
from newslint.names import namelist
from newslint.names.candidates import alias_words, mentions
from newslint.names.compare import inflected, key, normalise, plausibility, skeleton, swapped, variant

ROOT = Path(__file__).resolve().parent.parent


# -- comparison --------------------------------------------------------------

@pytest.mark.parametrize("a, b, level", [
    ("Rafa", "Rafah", "key"),  # dropped final h
    ("Al-Kahera", "Al-Qahera", "key"),  # q/k
    ("Smith", "Smyth", "key"),  # y/i (people are told apart by context, not here)
    ("Gaza", "Ghaza", "key"),
    ("Mohammed", "Muhammad", "vowels"),
    ("Hanyahu", "Haniyeh", "vowels"),
    ("Karem", "Kerem", "vowels"),
    ("Deirdre", "Dierdre", "vowels"),
    ("Zimmerman", "Zimmernan", "typo"),
    ("Louisiana", "Lousiana", "vowels"),
    ("Dyson", "Dyzon", "key"),  # s/z: one sound to a transliteration, neighbours on a keyboard
    ("Gonzalez", "Gonsalez", "key"),
    ("Dias", "Diaz", None),  # first or last: other people's names (Samora/Zamora, Gomes/Gomez)
    ("Samora", "Zamora", None),
    ("Brasil", "Brazil", None),  # another language's name of the country
    # Different names, however close.
    ("Iran", "Iraq", None),
    ("Austria", "Australia", None),
    ("Salem", "Shalom", None),
    ("Kwong", "Cheng", None),
    ("Johnson", "Johnston", None),
    ("Khan", "Kahn", None),  # too short to call: context decides
    # Inflections are the same name.
    ("Israel", "Israeli", None),
    ("Kenya", "Kenyans", None),
    ("Arab", "Arabia", None),
    ("Hamas", "Hama", None),
    ("Rafah", "Rafah", None),
])
def test_variant(a, b, level):
    assert variant(a, b) == level
    assert variant(b, a) == level


def test_keys_and_normalisation():
    assert key("Rafa’s") == key("Rafah") == "rafa"
    assert key("Al Qahera") == key("al-kahera")
    # s/z meet in variant(), not in the key that known-names looks names up by: a British "Organisation"
    # in a listed name is the outlet's spelling, not a slip of "Organization".
    assert key("Organisation") != key("Organization") and variant("Organisation", "Organization") == "key"
    assert skeleton("Haniyeh") == skeleton("Hanyahu") == "hn"
    assert normalise("Al-Qahera  News’s") == normalise("al qahera news") == "al qahera news"
    assert normalise("Muñoz") == "munoz"
    assert inflected("Israel", "Israelis") and inflected("Syria", "Syrians") and not inflected("Rafa", "Rafah")


# -- aliases -----------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("The crossing, known to Israelis as Kerem Shalom, was shut.", {"kerem", "shalom"}),
    ("Karem Abu Salem, also spelled Kerem Shalom, was shut.", {"karem", "salem", "kerem", "shalom"}),
    ("They met Ismail Haniyeh or Haniya in Doha.", {"ismail", "haniyeh", "haniya"}),
    ("Bengaluru (formerly Bangalore) grew.", {"bangalore", "bengaluru"}),
    ("Troops entered Israel or Gaza on Monday.", set()),  # "or" between two different names
])
def test_alias_words(text, words):
    doc = document_from_string(text, "md")
    assert alias_words(doc, mentions(doc)) >= words if words else not alias_words(doc, mentions(doc))


# -- the two kinds on hard cases ------------------------------------------------

def _rule(kind: str, **options):
    return build_rule(f"Test.{kind}", str(ROOT / "rules" / "Newsroom" / "x.yml"),
                      {"extends": kind, "message": "%s -> %s", **options})


def _found(check, text, fmt="md"):
    doc = document_from_string(text, fmt)
    return [(f.line, f.col, f.match, f.suggestions) for f in lint(doc, [check]).findings]


def test_name_consistency_reports_the_rare_spelling_with_the_frequent_one():
    check = _rule("name-consistency")
    text = "Hamas official Mahmoud Qassem spoke. Qassem said talks would go on. Later Kassem left."
    assert _found(check, text) == [(1, 75, "Kassem", ("Qassem",))]


def test_name_consistency_tie_without_evidence_claims_no_spelling():
    check = _rule("name-consistency")
    doc = document_from_string("Mahmoud Qassem spoke on Monday. Officials said Kassem left.", "md")
    [f] = lint(doc, [check]).findings
    assert (f.line, f.col, f.match, f.suggestions, f.fix) == (1, 48, "Kassem", (), None)
    assert f.message == "'Kassem' and 'Qassem' both appear in this story: check which spelling is right."


@pytest.mark.parametrize("text", [
    "John Smith chaired. Smith spoke first. Then Jane Smyth replied.",
    "Mr Khan spoke. Mr Khan left. Ms Kahn replied.",
    "Hamas claimed the attack near the Karem Abu Salem crossing. Karem Abu Salem, known to Israelis as Kerem Shalom, was shut.",
])
def test_name_consistency_hard_negatives(text):
    assert _found(_rule("name-consistency"), text) == []


@pytest.mark.parametrize("a, b, same", [
    ("Huber", "Hubre", True), ("Egypt", "Eygpt", True), ("Saudi", "Sauid", True),
    ("Huber", "Uhber", False),  # the first letter stays
    ("Iran", "Iraq", False), ("Smith", "Smyth", False), ("Austria", "Australia", False), ("Rafah", "Rafah", False),
])
def test_swapped_letters(a, b, same):
    assert swapped(a, b) is same and swapped(b, a) is same


def test_plausibility_prefers_english_like_letters():
    assert plausibility("Research") > plausibility("Reserach") and plausibility("Chahed") > plausibility("Chaehd") + 2
    assert abs(plausibility("Rafah") - plausibility("Rafa")) < 2  # transliterations are not judged by it


@pytest.mark.parametrize("text, found", [
    # Two letters swapped, the other spelling frequent.
    ("Jon Huber wrestled for years. Huber won titles. Friends said Hubre was kind. Huber died.", ["Hubre"]),
    # A headline's spelling beats the body's when the body's strings letters no English spelling does.
    ("Tippu Express crew\n\nThe Tpipu Express left on time.\n", ["Tpipu"]),
])
def test_name_consistency_slips(text, found):
    assert [f[2] for f in _found(_rule("name-consistency"), text, "txt")] == found


@pytest.mark.parametrize("text", [
    "Dina Powell spoke. Dina Powell left. Dian Fossey studied gorillas.",  # a first name with another surname
    "Noble gases glow. Alfred Nobel founded the prize. Nobel died.",  # a swap that makes a word
    "German officials met. Germany and Germany's allies agreed.",  # a people and its place
])
def test_name_consistency_more_hard_negatives(text):
    assert _found(_rule("name-consistency"), text) == []


def test_known_names_never_corrects_a_known_or_different_person(tmp_path):
    names = write(tmp_path / "names.yaml", """
        names:
          - canonical: Jane Smith
            kind: person
          - canonical: Jane Smyth
            kind: person
          - canonical: Ismail Haniyeh
            kind: person
    """)
    check = _rule("known-names", names=[str(names)])
    assert _found(check, "Jane Smyth and Jane Smith spoke. Ismail Hanna and Omar Haniyeh replied.") == []
    assert _found(check, "Ismail Hanyahu spoke.") == [(1, 8, "Hanyahu", ("Haniyeh",))]


def test_known_names_csv_list_and_listed_misspelling(tmp_path):
    names = write(tmp_path / "names.csv", """
        # a comment line
        canonical,variants,kind,note,misspellings
        Al-Qahera News,Al Qahera News,org,Egyptian outlet,
        Volodymyr Zelensky,Volodymyr Zelenskyy|Volodymyr Zelenskiy,person,,Vladimir Zelensky
    """)
    check = _rule("known-names", names=[str(names)])
    assert _found(check, "Al Qahera News and Volodymyr Zelenskyy spoke.") == []
    assert _found(check, "Vladimir Zelensky spoke to Al-Kahera News.") == [
        (1, 1, "Vladimir", ("Volodymyr",)), (1, 28, "Al-Kahera", ("Al-Qahera",))]


# -- names lists: errors name the file and line --------------------------------

@pytest.mark.parametrize("body, line, words", [
    ("names:\n  - canonical: Rafah\n    kind: place\n  - canonical: Gaza\n    kinds: place\n", 4, "unknown key 'kinds'"),
    ("names:\n  - canonical: Rafah\n    kind: city\n", 2, "must be one of person, place, org"),
    ("names:\n  - kind: place\n", 2, "needs 'canonical'"),
    ("names:\n  - canonical: Rafah\n    kind: place\n  - canonical: rafah\n    kind: place\n", 4, "listed twice (first at line 2)"),
    ("names:\n  - canonical: Rafah\n    kind: place\n    misspellings: [Rafah]\n", 2, "both a right spelling and a misspelling"),
    ("names:\n  - canonical: [Rafah\n", 3, "invalid YAML"),
    ("people:\n  - canonical: Rafah\n", 1, "unknown key 'people'"),
])
def test_yaml_list_errors(tmp_path, body, line, words):
    path = tmp_path / "names.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        namelist.load(path)
    assert exc.value.line == line and words in exc.value.message and exc.value.path == str(path)


@pytest.mark.parametrize("body, line, words", [
    ("canonical,kind,colour\nRafah,place,red\n", 1, "unknown column 'colour'"),
    ("canonical,kind\nRafah,place\nGaza,place,extra\n", 3, "3 fields where the header has 2"),
    ("canonical,kind\n\nRafah,town\n", 3, "must be one of"),
])
def test_csv_list_errors(tmp_path, body, line, words):
    path = tmp_path / "names.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        namelist.load(path)
    assert exc.value.line == line and words in exc.value.message


def test_rule_naming_a_missing_list_is_a_rule_error(tmp_path):
    rule = write(tmp_path / "House" / "Names.yml", """
        extends: known-names
        message: "%s"
        names: [missing.yaml]
    """)
    with pytest.raises(RuleError) as exc:
        load_rule(rule)
    assert "missing.yaml" in str(exc.value) and "cannot read" in str(exc.value)


def test_starter_list_is_credited_and_loads():
    folder = ROOT / "rules" / "Newsroom" / "names"
    assert "GeoNames" in (folder / "geonames.csv").read_text(encoding="utf-8")[:400]
    assert "CC BY 4.0" in (folder / "geonames.csv").read_text(encoding="utf-8")[:400]
    assert "Wikinews (https://en.wikinews.org), CC BY 2.5" in (folder / "wikinews.yaml").read_text(encoding="utf-8")[:400]
    names = namelist.load_many([namelist.STARTER], folder)
    assert names.known[normalise("Ismail Haniyeh")].kind == "person"
    assert normalise("Karem Abu Salem") in names.known and normalise("Kerem Shalom") in names.known
    assert len(names) > 2000


# -- newslint names learn ------------------------------------------------------

def test_names_learn_end_to_end(tmp_path):
    archive = tmp_path / "archive"
    write(archive / "a.txt", """
        Talks in Cairo

        Hamas leader Ismail Haniyeh spoke in Cairo. Ismail Haniyeh said the talks would go on.
    """)
    write(archive / "b.md", """
        ---
        title: Talks resume
        ---

        Ismail Haniyeh was in Doha on Monday. Officials met Ismail Haniyeh again.
    """)
    write(archive / "c.txt", """
        Visit

        Hamas leader Ismail Haniya visited Doha.
    """)
    out = tmp_path / "names.yaml"
    run = newslint("names", "learn", archive, "-o", out)
    assert run.code == 0, run.err
    assert "wrote 1 name (1 misspelling)" in run.err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["names"] == [{"canonical": "Ismail Haniyeh", "misspellings": ["Ismail Haniya"], "kind": "person",
                              "note": "learned: 4 uses in 2 articles"}]
    # The learned list drives the known-names rule.
    write(tmp_path / "House" / "Names.yml", f"""
        extends: known-names
        message: "'%s' should be '%s'."
        level: error
        names: [{out}]
    """)
    write(tmp_path / ".newslint.yaml", "packs: [./House]\n")
    story = write(tmp_path / "story.txt", "Headline\n\nIsmail Haniya spoke.\n")
    run = newslint("check", story, "--format", "json", "--no-cache", cwd=tmp_path)
    found = [(f["line"], f["col"], f["match"], f["suggestions"]) for f in run.json["findings"]]
    assert found == [(3, 8, "Haniya", ["Haniyeh"])]


def test_names_learn_needs_articles(tmp_path):
    run = newslint("names", "learn", tmp_path, "-o", tmp_path / "names.yaml")
    assert run.code == 2 and "no articles" in run.err
    assert not (tmp_path / "names.yaml").exists()
