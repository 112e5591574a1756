"""The sample scraped article gives exactly the Newsroom findings an editor would want."""

from pathlib import Path

from newslint.document.reader import read_document
from newslint.engine import lint
from newslint.loading import load_pack

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "gaza-ceasefire-talks.txt"


def _findings():
    doc = read_document(SEED)
    return doc, lint(doc, load_pack(ROOT / "rules" / "Newsroom")).findings


# Every Newsroom finding on the seed, by rule: (line, col, end_line, end_col, matched text).
# A rule missing here must give no finding on the seed.
EXPECTED = {
    # From the space before " | " to the end of the title.
    "Newsroom.TitleSuffix": [(1, 70, 1, 98, " | Israel’s war in Gaza News")],
    "Newsroom.BracketOutsideQuote": [(19, 44, 19, 52, "[Sunday]")],
    "Newsroom.Boilerplate": [
        (49, 1, 49, 16, "Related Article"),
        # The two empty lines after it: the run starts at the first one (50:1) and ends where text resumes.
        (50, 1, 52, 1, "\n\n"),
        (52, 1, 52, 16, "Leave a Comment"),
    ],
    # The surname only (the first name is right); the outlet's misspelled word only.
    "Newsroom.KnownNames": [(15, 78, 15, 85, "Hanyahu"), (19, 53, 19, 62, "Al-Kahera")],
    # The subhead's "Rafa" of "Rafa’s" (the possessive stays), against the body's "Rafah".
    "Newsroom.NameConsistency": [(33, 1, 33, 5, "Rafa")],
    # The glued predicate from its lowercase first word to its full stop; the orphan "said."
    "Newsroom.Fragment": [(3, 273, 3, 296, "is at a critical stage."), (21, 190, 21, 195, "said.")],
    # The first "I" of the sentence (one finding per sentence).
    "Newsroom.FirstPerson": [(19, 253, 19, 254, "I")],
    # Both source uses of the undefined outlet.
    "Newsroom.UndefinedAcronym": [(21, 52, 21, 56, "NDMT"), (47, 129, 47, 133, "NDMT")],
    # The minority spelling against "ceasefire" (title, 3, 5, 17; line 23's is inside a quote).
    "Newsroom.Variants": [(19, 169, 19, 179, "cease-fire")],
}


def test_seed_findings_exact_positions():
    _, findings = _findings()
    got: dict[str, list] = {}
    for f in findings:
        got.setdefault(f.rule, []).append((f.line, f.col, f.end_line, f.end_col, f.match))
    assert got == EXPECTED


def test_seed_line_43_is_clean():
    _, findings = _findings()
    assert not [f for f in findings if f.line <= 43 <= f.end_line]


def test_seed_fixes_leave_a_clean_article():
    doc, findings = _findings()
    text = doc.text
    # Unsafe fixes (name corrections) wait for an editor: --fix applies only the safe ones.
    for fix in sorted((f.fix for f in findings if f.fix and f.fix.safe), key=lambda x: -x.start):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    assert text.splitlines()[0] == "Hamas delegation leaves Cairo, Gaza ceasefire talks at critical stage"
    assert text.endswith("according to an NDMT tally based on Israeli statistics.")
    assert "[Sunday]" in text  # reported, not rewritten: where the words go is an editor's call
