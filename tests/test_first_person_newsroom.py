"""FirstPerson's newsroom plural: 'our' before the newsroom's people and work, 'we' at work on them,
material handed to 'us'; quiet where the plural is the story's voice or people in general."""

from pathlib import Path

import pytest

from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import load_rule

RULE = load_rule(Path(__file__).resolve().parent.parent / "rules" / "Newsroom" / "FirstPerson.yml")


def found(text: str) -> list[str]:
    return [f.match for f in lint(document_from_string(text, "txt"), [RULE]).findings]


@pytest.mark.parametrize("sentence, word", [
    ("Our own reporters saw the convoy leave.", "Our"),
    ("Officials ignored our repeated inquiries.", "our"),
    ("We will protect the identity of every source.", "We"),
    ("The recordings were leaked to us last week.", "us"),
    ("Asked by us whether the plan would go ahead, the minister left.", "us"),
    ("Talking to us by phone, the mayor defended the plan.", "us"),
    ("The letters, obtained by us, show a rift.", "us"),
    ("The ministry ignored our request for comment.", "our"),
])
def test_newsroom_plural_in_third_person_copy(sentence, word):
    assert found(f"Talks resume\n\nThe minister left on Sunday. {sentence} The vote is on Monday.\n") == [word]


@pytest.mark.parametrize("sentence", [
    "It will transform our understanding of the brain.",  # "our" before no newsroom noun
    "Our country needs a plan, the union said.",
    "We all know the risks, scientists say.",
    "The data were shared with them by a former employee.",
    "The song was loved by us all, fans said.",
    "The film (What We Saw) opens in May.",  # a title
])
def test_other_plurals_stay_quiet(sentence):
    assert found(f"Talks resume\n\nThe minister left on Sunday. {sentence} The vote is on Monday.\n") == []


def test_a_plural_voice_or_a_declared_genre_is_not_a_slip():
    voice = ("Talks resume\n\nWe went to the camp. Our team counted tents. We asked our sources why. "
             "The vote is on Monday.\n")
    assert found(voice) == []
    column = "---\ngenre: editorial\n---\n\nThe minister left. Our correspondent saw it.\n"
    assert [f.match for f in lint(document_from_string(column, "md"), [RULE]).findings] == []
