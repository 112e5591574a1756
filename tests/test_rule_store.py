"""The shipped packs kept built in the user's cache folder (src/newslint/rulestore.py, #17 item 2)."""

import os
from pathlib import Path

import pytest

from conftest import SHARED
from helpers import newslint, write
from newslint import compiled, loading, rulestore
from newslint.config import builtin_packs
from newslint.document.reader import document_from_string
from newslint.engine import lint

SHARED_SEED = SHARED / "seeds" / "gaza-ceasefire-talks.txt"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A cache folder of this test's own, a pack folder that counts as shipped, and a counter of
    rules built (rather than read back)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_PATTERN_CACHE", raising=False)
    pack = tmp_path / "rules" / "House"
    write(pack / "Very.yml", "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [very]\n")
    monkeypatch.setattr(loading, "_shipped", lambda folder: Path(folder) == pack)
    built = []
    real = loading.build_rule
    monkeypatch.setattr(loading, "build_rule", lambda name, *a, **k: built.append(name) or real(name, *a, **k))

    def fresh_run():  # what a new process starts with: nothing built in memory
        loading._BUILT.clear()
        rulestore._MEMO.clear()
        compiled.first_code.cache_clear()  # a new process finds the code anew
        return loading.load_pack(pack, "House", [])

    yield pack, built, fresh_run
    loading._BUILT.clear()
    rulestore._MEMO.clear()
    compiled.first_code.cache_clear()


def messages(checks, text="A very good day.\n"):
    return [f.message for f in lint(document_from_string(text), checks).findings]


def kept(tmp_path):
    return list((tmp_path / "cache" / "newslint").glob("rules-House-*.pickle"))


def test_a_pack_built_by_one_run_is_read_back_by_the_next(store, tmp_path):
    pack, built, fresh_run = store
    assert messages(fresh_run()) == ["Avoid 'very'."] and built == ["House.Very"]
    assert len(kept(tmp_path)) == 1
    assert messages(fresh_run()) == ["Avoid 'very'."] and built == ["House.Very"]  # not built again


def test_an_edited_rule_is_built_again(store, tmp_path):
    pack, built, fresh_run = store
    fresh_run()
    write(pack / "Very.yml", "extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [very]\n")
    os.utime(pack / "Very.yml", ns=(1, 1))  # the same size, another time: the stamp still differs
    assert messages(fresh_run()) == ["Cut 'very'."] and len(built) == 2
    assert len(kept(tmp_path)) == 1  # overwritten, not one more file


@pytest.mark.parametrize("damage", ["empty", "torn", "flipped", "writable by others"])
def test_a_damaged_or_unsafe_store_is_built_around(store, tmp_path, damage):
    pack, built, fresh_run = store
    fresh_run()
    (target,) = kept(tmp_path)
    data = bytearray(target.read_bytes())
    if damage == "empty":
        data = b""
    elif damage == "torn":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        data[-20] ^= 0x5A  # inside the pickle: its digest no longer matches
    target.write_bytes(bytes(data))
    if damage == "writable by others":
        target.chmod(0o666)
    assert messages(fresh_run()) == ["Avoid 'very'."] and built == ["House.Very", "House.Very"]


def test_a_pack_with_a_broken_rule_is_not_kept(store, tmp_path):
    pack, built, fresh_run = store
    write(pack / "Broken.yml", "extends: existence\ntokens: [\n")
    skipped = []
    loading.load_pack(pack, "House", skipped)
    assert len(skipped) == 1 and not kept(tmp_path)  # so its error is named again on every run


def test_off_keeps_nothing(store, tmp_path, monkeypatch):
    pack, built, fresh_run = store
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "0")
    fresh_run()
    fresh_run()
    assert not kept(tmp_path) and len(built) == 2


def test_a_users_pack_is_never_kept(tmp_path, monkeypatch):
    """Its rules may read a word list anywhere, whose change the key would not see."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    write(tmp_path / "House" / "Very.yml", "extends: existence\nmessage: '%s'\ntokens: [very]\n")
    loading.load_pack(tmp_path / "House", "House", [])
    assert not list((tmp_path / "cache").rglob("*.pickle"))


def test_the_shipped_pack_read_back_finds_what_a_fresh_build_finds(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_PATTERN_CACHE", raising=False)
    folder = builtin_packs()["Newsroom"]
    text = SHARED_SEED.read_text(encoding="utf-8")

    def findings():
        loading._BUILT.clear()
        rulestore._MEMO.clear()
        checks = [c for c in loading.load_pack(folder, "Newsroom", []) if not c.needs_nlp]
        return [(f.rule, f.line, f.col, f.message) for f in lint(document_from_string(text), checks).findings]

    try:
        built = findings()
        assert list((tmp_path / "cache" / "newslint").glob("rules-Newsroom-*.pickle"))
        assert findings() == built and len(built) >= 5
    finally:
        loading._BUILT.clear()
        rulestore._MEMO.clear()


def test_the_command_line_reads_the_store_in_a_second_process(tmp_path):
    """End to end: the first run writes it, the second reads it (and says the same)."""
    write(tmp_path / "story.txt", "Use the the word.\n")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = newslint("check", "story.txt", "--no-nlp", "--no-cache", cwd=tmp_path, env=env)
    (target,) = (tmp_path / "cache" / "newslint").glob("rules-Newsroom-*.pickle")
    stamp = target.stat().st_mtime_ns
    second = newslint("check", "story.txt", "--no-nlp", "--no-cache", cwd=tmp_path, env=env)
    assert first.code == second.code == 1 and first.out == second.out and "RepeatedWord" in first.out
    assert target.stat().st_mtime_ns == stamp  # read, not written again


def test_another_regex_version_builds_the_pack_again(store, tmp_path, monkeypatch):
    """A pickled `regex` pattern is that version's compiled code: another version must not run it."""
    pack, built, fresh_run = store
    fresh_run()
    monkeypatch.setattr(rulestore.regex, "__version__", "1999.1.1")
    assert messages(fresh_run()) == ["Avoid 'very'."] and len(built) == 2


def test_a_process_whose_newslint_changed_under_it_neither_reads_nor_writes(store, tmp_path, monkeypatch):
    """An upgrade under a running language server: its classes are the old ones, so what it built
    must not be kept under the new code's key, nor a pickle of the new code's read into it."""
    pack, built, fresh_run = store
    fresh_run()
    (target,) = kept(tmp_path)
    written = target.read_bytes()
    monkeypatch.setattr(compiled, "code_digest", lambda: "upgraded")
    loading._BUILT.clear()
    rulestore._MEMO.clear()  # a config reloaded in the same process (its first stamp is kept)
    assert messages(loading.load_pack(pack, "House", [])) == ["Avoid 'very'."] and len(built) == 2
    assert target.read_bytes() == written


def test_only_newslint_regex_and_standard_classes_are_read_back(store, tmp_path):
    import fractions
    import pickle

    with pytest.raises(pickle.UnpicklingError):
        rulestore._loads(pickle.dumps([fractions.Fraction(1, 2), __import__("hypothesis").strategies.just(1)]))
    assert rulestore._loads(pickle.dumps([Path("x"), {"a": (1, 2)}])) == [Path("x"), {"a": (1, 2)}]
    rulestore.save(tmp_path, "Odd", b"k" * 16, [__import__("hypothesis").strategies.just(1)])
    assert not list((tmp_path / "cache").rglob("rules-Odd-*"))  # what could not be read back is not kept


def test_a_word_rule_read_back_registers_its_words_with_the_shared_scanner(store, tmp_path, monkeypatch):
    """existence and substitution rules put their words in a scanner of the process (checks/_prefilter.py);
    one read from the store must put them there again, or its rule would never run."""
    from newslint.checks import _prefilter

    pack, built, fresh_run = store
    write(pack / "Swap.yml", "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nswap: {utilise: use}\n")
    text = "A very good day to utilise.\n"
    assert len(messages(fresh_run(), text)) == 2 and len(built) == 2
    monkeypatch.setattr(_prefilter, "SCANNER", _prefilter.Scanner())  # a new process's
    assert len(messages(fresh_run(), text)) == 2 and len(built) == 2  # read back, and both still find
