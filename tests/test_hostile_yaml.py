"""Hostile rules and configs (issue #18): alias bombs, duplicate keys, huge files, duplicate packs."""

from helpers import house_pack, newslint, write


def test_an_alias_bomb_in_a_rule_is_one_clear_error(tmp_path):
    # Every key is one a rule may have: the bomb hides in action.params, ten to the ninth strings.
    levels = ["&l0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"&l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
    house_pack(tmp_path)
    write(tmp_path / "House" / "Bomb.yml", "extends: existence\nmessage: x\ntokens: [boom]\n"
          "action:\n  name: replace\n  params: [" + ", ".join(levels) + "]\n")
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "--no-cache", "--no-nlp", "--strict", cwd=tmp_path, timeout=60)
    assert r.code == 2
    assert "House/Bomb.yml:" in r.err and "alias bomb" in r.err
    assert "Traceback" not in r.err and "internal error" not in r.err


def test_duplicate_keys_are_an_error_naming_both_lines(tmp_path):
    house_pack(tmp_path, {"Twice.yml": """
        extends: existence
        message: "first"
        tokens: [utilize]
        message: "second"
        """})
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "--no-cache", "--no-nlp", "--strict", cwd=tmp_path)
    assert r.code == 2
    assert "House/Twice.yml:4: invalid YAML: duplicate key 'message' (lines 2 and 4)" in r.err


def test_duplicate_keys_in_the_config_too(tmp_path):
    house_pack(tmp_path)
    write(tmp_path / ".newslint.yaml", "packs: [./House]\nmin_severity: error\npacks: [Newsroom]\n")
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "--no-cache", "--no-nlp", cwd=tmp_path)
    assert r.code == 2
    assert ".newslint.yaml:3: invalid YAML: duplicate key 'packs' (lines 1 and 3)" in r.err


def test_a_huge_rule_file_is_refused(tmp_path):
    house_pack(tmp_path)
    words = ", ".join(f"w{i}" for i in range(700_000))
    write(tmp_path / "House" / "Huge.yml", f"extends: existence\nmessage: x\ntokens: [{words}]\n")
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "--no-cache", "--no-nlp", "--strict", cwd=tmp_path, timeout=60)
    assert r.code == 2
    assert "House/Huge.yml: invalid YAML:" in r.err and "larger than any rule or config" in r.err


def test_a_pack_named_twice_is_loaded_once(tmp_path):
    house_pack(tmp_path)
    write(tmp_path / ".newslint.yaml", "packs: [./House, House/, ./House/../House]\n")
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", "--no-nlp", cwd=tmp_path)
    assert [f["rule"] for f in r.json["findings"]] == ["House.Utilize"]


def test_aliases_within_reason_still_load(tmp_path):
    house_pack(tmp_path, {"Alias.yml": """
        extends: substitution
        message: "Use '%s'."
        level: warning
        swap: &swaps
          utilize: use
        action:
          name: replace
          params: [use]
        """})
    write(tmp_path / "a.txt", "We utilize it.\n")
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", "--no-nlp", cwd=tmp_path)
    assert r.code == 1, r.err
    assert [f["rule"] for f in r.json["findings"]] == ["House.Alias"]


def test_a_runaway_accepted_term_is_one_error_not_a_hang(tmp_path):
    house_pack(tmp_path, {"Shout.yml": """
        extends: existence
        message: "No '%s'."
        level: warning
        nonword: true
        tokens: ['a+!']
        """})
    write(tmp_path / ".newslint.yaml", "packs: [./House]\nregex_timeout: 0.05\nvocabulary:\n  accept: ['(a|a)+$']\n")
    write(tmp_path / "a.txt", "Title\n\n" + "a" * 40 + "!\n")
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", "--no-nlp", cwd=tmp_path, timeout=60)
    assert r.code == 2
    assert any("vocabulary: an accepted term's pattern ran past its time limit" in e for e in r.json["errors"]), r.err


def test_accepted_terms_and_phrases_still_exempt(tmp_path):
    house_pack(tmp_path, {"Words.yml": """
        extends: existence
        message: "No '%s'."
        level: warning
        tokens: [qahera, utilize]
        """})
    write(tmp_path / ".newslint.yaml", "packs: [./House]\nvocabulary:\n  accept: ['(?i)qahera']\n")
    write(tmp_path / "a.txt", "Title\n\nQahera and qahera; we utilize it.\n")
    r = newslint("check", "a.txt", "-f", "json", "--no-cache", "--no-nlp", cwd=tmp_path)
    assert [f["match"] for f in r.json["findings"]] == ["utilize"], r.out
