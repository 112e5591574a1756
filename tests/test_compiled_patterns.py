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
p = compiled.compiled("w(o)rd+s?", 8)
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
        compiled.compiled("(unclosed", 0)
    compiled._load()
    assert ("(unclosed", 0) not in compiled._data
