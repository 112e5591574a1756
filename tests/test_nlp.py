"""The shared spaCy pipeline: only the components enabled rules need; a missing model is a warning."""

from helpers import newslint, write
from newslint import nlp

SEED_LIKE = "Headline\n\nIsrael launched the offensive. is at a critical stage.\n\nWe utilize it.\n"


def test_components_no_rule_needs_are_excluded():
    assert set(nlp.excluded(frozenset({"tagger", "parser", "ner"}))) == {"senter", "lemmatizer"}
    assert "attribute_ruler" in nlp.excluded(frozenset({"ner"}))
    assert nlp.excluded(None) == () and nlp.excluded(frozenset()) == ()


def test_missing_model_is_one_warning_and_the_rest_still_runs(tmp_path):
    write(tmp_path / "a.txt", SEED_LIKE)
    env = {"NEWSLINT_SPACY_MODEL": "no_such_model_pkg"}
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", cwd=tmp_path, env=env)
    assert r.code in (0, 1), r.err
    lines = [line for line in r.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "need a spaCy English model (tried no_such_model_pkg)" in lines[0], r.err
    assert "Newsroom.Fragment" in lines[0] and "pip install 'newslint[nlp]'" in lines[0]
    assert all(not f["rule"].endswith(("Fragment", "KnownNames", "NameConsistency")) for f in r.json["findings"])
    r = newslint("check", "a.txt", "--no-cache", "--require", "nlp", cwd=tmp_path, env=env)
    assert r.code == 2 and "--require nlp: " in r.err and "spaCy English model" in r.err


def test_with_the_model_nlp_rules_run(tmp_path):
    write(tmp_path / "a.txt", SEED_LIKE)
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", "--require", "nlp", cwd=tmp_path)
    assert "Newsroom.Fragment" in {f["rule"] for f in r.json["findings"]}, r.out + r.err
