"""Compiled rule patterns kept on disk between runs (src/newslint/compiled.py, #17 item 2)."""

import os
import subprocess
import sys

import pytest
import regex

PROBE = """
import sys
from newslint import compiled
compiled._load()
known = ("w(o)rd+s?", 8) in compiled._data
p = compiled.regex_compile("w(o)rd+s?", 8)
print(known, bool(p.search("WORDDS")), p.flags & 8 == 8)
"""


def run(env: dict) -> str:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture
def cache(tmp_path):
    return {"XDG_CACHE_HOME": str(tmp_path)}


def test_a_pattern_compiled_by_one_run_is_read_by_the_next(cache, tmp_path):
    assert run(cache) == "False False True"  # compiled here (the pattern is case-sensitive: no match)
    assert len(list((tmp_path / "newslint").glob("patterns-*.marshal"))) == 1
    assert run(cache) == "True False True"  # read back, and it works the same


def test_a_damaged_store_is_compiled_around(cache, tmp_path):
    run(cache)
    store = next((tmp_path / "newslint").glob("patterns-*.marshal"))
    for damage in (b"", b"\x00garbage", store.read_bytes()[:100]):
        store.write_bytes(damage)
        assert run(cache) == "False False True"


def test_off_writes_nothing(cache, tmp_path):
    assert run({**cache, "NEWSLINT_PATTERN_CACHE": "0"}) == "False False True"
    assert not (tmp_path / "newslint").exists()


def test_a_bad_pattern_raises_and_is_not_kept():
    from newslint import compiled

    with pytest.raises(regex.error):
        compiled.regex_compile("(unclosed", 0)
    compiled._load()
    assert ("(unclosed", 0) not in compiled._data


def test_flipped_bytes_in_the_code_are_caught_by_the_digest(cache, tmp_path):
    """The engine would run damaged code as it finds it (a crash or a hang): the digest refuses it."""
    run(cache)
    store = next((tmp_path / "newslint").glob("patterns-*.marshal"))
    data = bytearray(store.read_bytes())
    for i in range(len(data) - 40, len(data) - 10, 7):
        data[i] ^= 0x5A
    store.write_bytes(bytes(data))
    assert run(cache) == "False False True"


def test_a_store_others_can_write_is_not_read(cache, tmp_path):
    run(cache)
    store = next((tmp_path / "newslint").glob("patterns-*.marshal"))
    store.chmod(0o664)
    assert run(cache) == "False False True"


def test_no_home_folder_means_no_store_and_no_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    code = ("import os, pathlib\n"
            "def nohome(*a, **k): raise RuntimeError('Could not determine home directory.')\n"
            "pathlib.Path.home = classmethod(nohome)\n" + PROBE)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0 and proc.stdout.strip() == "False False True", proc.stderr


def test_a_second_run_of_the_same_rules_leaves_the_store_alone(cache, tmp_path):
    """Patterns built from sets must come out the same every run (string hashing differs between
    processes): a pattern that changes is a new entry, and the file is rewritten, every time."""
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nThe mayor said we met NAME on Monday.\n", encoding="utf-8")
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "newslint", "check", str(story), "--no-nlp", "--no-cache"],
                              capture_output=True, text=True, timeout=120, env={**os.environ, **cache})
        assert proc.returncode in (0, 1), proc.stderr
    store = next((tmp_path / "newslint").glob("patterns-*.marshal"))
    before = store.stat().st_mtime_ns, store.read_bytes()
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "newslint", "check", str(story), "--no-nlp", "--no-cache"],
                       capture_output=True, timeout=120, env={**os.environ, **cache, "PYTHONHASHSEED": seed})
    assert (store.stat().st_mtime_ns, store.read_bytes()) == before


def test_kept_data_is_built_once_and_read_back_while_its_key_holds(tmp_path, monkeypatch):
    from newslint import compiled

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_PATTERN_CACHE", raising=False)
    built = []

    def build(value=(("colour", "MS"), ("color", "MS"))):
        built.append(1)
        return value

    assert compiled.kept("words", "a.dic:10:1", build) == (("colour", "MS"), ("color", "MS")) and len(built) == 1
    assert compiled.kept("words", "a.dic:10:1", build) == (("colour", "MS"), ("color", "MS")) and len(built) == 1
    assert compiled.kept("words", "a.dic:11:2", lambda: build(("new",))) == ("new",) and len(built) == 2  # changed
    target = tmp_path / "newslint" / "words.marshal"
    for damage in (b"", b"\x00garbage", target.read_bytes()[:-3] + b"xyz"):
        target.write_bytes(damage)
        assert compiled.kept("words", "a.dic:11:2", lambda: build(("new",))) == ("new",)
    assert len(built) == 5
    target.chmod(0o666)  # others may write it: not read
    assert compiled.kept("words", "a.dic:11:2", lambda: build(("new",))) == ("new",) and len(built) == 6
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "0")
    target.unlink()
    compiled.kept("words", "a.dic:11:2", lambda: build(("new",)))
    assert not target.exists() and len(built) == 7


def test_the_dictionary_read_back_is_the_dictionary(tmp_path):
    """The Hunspell entries a second process reads from the store are those a parse of the file gives."""
    probe = ("import os\nfrom newslint import compiled\nfrom newslint.names import compare\n"
             "kept = os.path.join(compiled.folder(), 'hunspell-en_US.marshal')\n"
             "before = os.path.exists(kept)\n"
             "e = compare.dictionary_entries()\n"
             "print(before, len(e) > 40000 and e == compare._read_entries(compare.dictionary_path()))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NEWSLINT_PATTERN_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
            for _ in range(2)]
    assert [r.stdout.split() for r in runs] == [["False", "True"], ["True", "True"]], runs[0].stderr[-500:]


def test_kept_data_is_built_again_by_another_version_of_newslint(tmp_path, monkeypatch):
    """The key holds newslint's own files: a parse that changed in an upgrade is not served stale."""
    from newslint import compiled

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_PATTERN_CACHE", raising=False)
    assert compiled.kept("words", "a.dic:10:1", lambda: ("old parse",)) == ("old parse",)
    assert compiled.kept("words", "a.dic:10:1", lambda: ("never built",)) == ("old parse",)
    monkeypatch.setattr(compiled, "first_code", lambda: "another newslint")
    assert compiled.kept("words", "a.dic:10:1", lambda: ("new parse",)) == ("new parse",)
