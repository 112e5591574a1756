"""POST /api/vocabulary (#15): the page's "add to vocabulary" writes the server's config, only when allowed."""

import warnings

import pytest
import yaml

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newslint.server.app import create_app
from newslint.server.vocabulary import as_term, with_accepted

# A substitution that needs no spaCy, so that these tests stay fast.
RULE = "extends: substitution\nmessage: \"Spell it '%s', not '%s'.\"\nlevel: error\nswap:\n  Hanyahu: Haniyeh\n"
ARTICLE = {"text": "Talks resume\n\nIsmail Hanyahu spoke on Sunday.\n"}
CONFIG = """\
# The newsroom's config: its comments and layout must survive the server's edit.
packs: [./House]   # our own rules only
vocabulary:
  reject: [cease-fire]
"""


def house(folder):
    (folder / "House").mkdir()
    (folder / "House" / "Spelling.yml").write_text(RULE, encoding="utf-8")
    (folder / ".newslint.yaml").write_text(CONFIG, encoding="utf-8")
    return folder / ".newslint.yaml"


def flagged(client) -> list[str]:
    answer = client.post("/api/check", json=ARTICLE)
    assert answer.status_code == 200, answer.text
    return [f["match"] for f in answer.json()["findings"]]


def test_without_the_flag_the_config_is_not_written(tmp_path):
    config = house(tmp_path)
    client = TestClient(create_app(config))
    answer = client.post("/api/vocabulary", json={"word": "Hanyahu"})
    assert answer.status_code == 403
    assert "--allow-config-writes" in answer.json()["detail"]
    assert config.read_text(encoding="utf-8") == CONFIG
    assert flagged(client) == ["Hanyahu"]


def test_a_word_is_added_in_place_and_the_checks_reload(tmp_path):
    config = house(tmp_path)
    client = TestClient(create_app(config, allow_config_writes=True))
    assert flagged(client) == ["Hanyahu"]
    answer = client.post("/api/vocabulary", json={"word": "Hanyahu"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"word": "Hanyahu", "config": str(config)}
    written = config.read_text(encoding="utf-8")
    assert written == CONFIG.replace("vocabulary:\n", "vocabulary:\n  accept: [Hanyahu]\n")  # comments and order kept
    assert flagged(client) == []  # accepted now, without a restart
    again = client.post("/api/vocabulary", json={"word": " Hanyahu "})
    assert again.status_code == 200 and config.read_text(encoding="utf-8") == written  # once only
    plus = client.post("/api/vocabulary", json={"word": "C++"})
    assert plus.status_code == 200
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["vocabulary"]["accept"] == ["Hanyahu", r"C\+\+"]
    assert not list(tmp_path.glob(".newslint.yaml.*"))  # no temporary file left behind


def test_without_a_config_one_is_created_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    client = TestClient(create_app(allow_config_writes=True))
    answer = client.post("/api/vocabulary", json={"word": "Haniyeh"})
    assert answer.status_code == 200, answer.text
    created = tmp_path / ".newslint.yaml"
    assert answer.json() == {"word": "Haniyeh", "config": str(created)}
    assert yaml.safe_load(created.read_text(encoding="utf-8")) == {"vocabulary": {"accept": ["Haniyeh"]}}
    assert oct(created.stat().st_mode & 0o777) == oct(0o644)
    rules = client.get("/api/rules").json()
    assert any(r["pack"] == "Newsroom" for r in rules)  # a config without packs keeps every built-in pack


@pytest.mark.parametrize("body, status, says", [
    ({"word": ""}, 400, "'word' is empty"),
    ({"word": "two\nlines"}, 400, "one line"),
    ({"word": "x" * 101}, 400, "longer than 100"),
    ({"word": 5}, 422, "word: Input should be a valid string"),
    ({"words": "Haniyeh"}, 422, "word: Field required"),
])
def test_a_bad_word_is_refused(tmp_path, body, status, says):
    config = house(tmp_path)
    client = TestClient(create_app(config, allow_config_writes=True))
    answer = client.post("/api/vocabulary", json=body)
    assert answer.status_code == status and says in answer.json()["detail"]
    assert config.read_text(encoding="utf-8") == CONFIG


def test_a_vale_config_is_not_edited(tmp_path):
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Vale\n")
    (tmp_path / "styles").mkdir()
    client = TestClient(create_app(tmp_path / ".vale.ini", allow_config_writes=True))
    answer = client.post("/api/vocabulary", json={"word": "Haniyeh"})
    assert answer.status_code == 409 and "Vale config" in answer.json()["detail"]


@pytest.mark.parametrize("text", [
    "", "# a comment only\n", "packs: [Newsroom]", "vocabulary:\n", "vocabulary: ~\npacks: []\n",
    "vocabulary: {reject: [x]}\n", "vocabulary:\n  reject: [x]  # kept\n", "vocabulary:\n  accept:\n",
    "vocabulary:\n  accept: [A, B]  # names\nrules: {}\n", "vocabulary:\n  accept:\n    - A   # one\n    - B\n# tail\nrules: {}\n",
    "vocabulary:\n  accept:\n  - A\n  - B", "vocabulary: {accept: [A], reject: []}\n",
])
@pytest.mark.parametrize("word", ["Haniyeh", "O'Neill", "yes", "C++", "al-Qahera"])
def test_every_usual_layout_gets_the_word_and_keeps_its_comments(text, word):
    term = as_term(word)
    edited = with_accepted(text, term)
    before = yaml.safe_load(text) or {}
    after = yaml.safe_load(edited)
    assert after["vocabulary"]["accept"] == [*((before.get("vocabulary") or {}).get("accept") or []), term]
    assert {k: v for k, v in after.items() if k != "vocabulary"} == {k: v for k, v in before.items() if k != "vocabulary"}
    for line in text.splitlines():
        if "#" in line:
            assert line.split("#", 1)[1] in edited  # every comment is still there
