"""A hostile or damaged result cache (issue #18): an entry is read only if it is a regular file
that passes a schema check and its checksum; anything else is a miss, and the miss heals."""

import json
import os

import pytest

from helpers import newslint, write

STORY = "Use the the word.\n"


@pytest.fixture
def warm(tmp_path):
    write(tmp_path / "d" / "a.txt", STORY)
    cache = tmp_path / "cache"
    cold = newslint("check", "d", "-f", "json", "--no-nlp", "--cache-dir", cache, cwd=tmp_path)
    assert cold.code == 1 and cold.json["findings"]
    [entry] = list((cache / "v1").rglob("*.json"))
    return tmp_path, cache, entry, cold


def again(tmp_path, cache):
    return newslint("check", "d", "-f", "json", "--no-nlp", "--cache-dir", cache, cwd=tmp_path, timeout=30)


@pytest.mark.parametrize("damage", [
    '{"path": "d/a.txt", "findings": {"not": "a list"}}',  # valid JSON, wrong shape
    '{"path": "d/a.txt", "findings": [{"path": "d/a.txt"}]}',  # a finding without its fields
    '{"path": "d/a.txt", "findings": [], "lines": []}',  # no findings, lines of the wrong type
    "[1, 2, 3]",
    "null",
])
def test_a_wrong_shaped_entry_is_a_miss_that_heals(warm, damage):
    tmp_path, cache, entry, cold = warm
    entry.write_text(damage)
    r = again(tmp_path, cache)
    assert r.out == cold.out and r.code == 1, r.err
    assert "internal error" not in r.err
    assert json.loads(entry.read_text()) != json.loads(damage)  # rewritten: healed


def test_a_tampered_entry_fails_its_checksum(warm):
    tmp_path, cache, entry, cold = warm
    data = json.loads(entry.read_text())
    entry.write_text(entry.read_text().replace("is repeated", "is fine"))
    assert json.loads(entry.read_text()) != data
    r = again(tmp_path, cache)
    assert r.out == cold.out  # the tampered message is not shown


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_cache_does_not_hang(warm):
    tmp_path, cache, entry, cold = warm
    entry.unlink()
    os.mkfifo(entry)
    r = again(tmp_path, cache)
    assert r.out == cold.out and r.code == 1
    assert entry.is_file() and not entry.is_symlink()  # healed: a regular entry again


def test_a_symlinked_or_folder_entry_is_a_miss(warm, tmp_path):
    root, cache, entry, cold = warm
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(entry.read_text())
    entry.unlink()
    os.symlink(elsewhere, entry)
    assert again(root, cache).out == cold.out
    assert not entry.is_symlink()
    entry.unlink()
    entry.mkdir()
    assert again(root, cache).out == cold.out
