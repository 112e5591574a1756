"""--fix / --diff, baselines and --diff-base, end to end through the command line."""

import os
import stat
import subprocess

import pytest

from helpers import house_pack, newslint, write

RULES = {
    "Filler.yml": """
        extends: existence
        message: "Remove '%s'."
        level: warning
        tokens: ['really ']
        nonword: true
        fix: safe
        """,
    "Very.yml": """
        extends: existence
        message: "Avoid '%s'."
        level: warning
        tokens: ['very ']
        nonword: true
        fix: unsafe
        """,
    "Utilize.yml": """
        extends: existence
        message: "Use 'use' instead of '%s'."
        level: warning
        tokens: [utilize]
        """,
}


@pytest.fixture
def repo(tmp_path):
    house_pack(tmp_path, RULES)
    return tmp_path


def test_fix_applies_safe_fixes_only_and_keeps_bom_crlf_mode(repo):
    path = repo / "a.txt"
    original = "Headline\r\n\r\nIt is really very good.\r\nWe utilize it, really.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + original.encode())
    os.chmod(path, 0o640)
    r = newslint("check", "a.txt", "--fix", "-f", "json", cwd=repo)
    data = path.read_bytes()
    assert data == b"\xef\xbb\xbf" + "Headline\r\n\r\nIt is very good.\r\nWe utilize it, really.\r\n".encode()
    # 'really.' is not followed by a space, so the rule does not match it; 'very ' is unsafe.
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert r.code == 1
    assert [(f["rule"], f["line"], f["col"]) for f in r.json["findings"]] == [("House.Very", 3, 7), ("House.Utilize", 4, 4)]
    assert not [p for p in repo.iterdir() if p.name.endswith(".newslint")]


def test_unsafe_fixes(repo):
    write(repo / "a.txt", "Headline\n\nIt is really very good.\n")
    newslint("check", "a.txt", "--fix", "--unsafe-fixes", cwd=repo)
    assert (repo / "a.txt").read_text() == "Headline\n\nIt is good.\n"


def test_diff_prints_and_does_not_write(repo):
    text = "Headline\n\nIt is really good.\n"
    write(repo / "a.txt", text)
    r = newslint("check", "a.txt", "--diff", cwd=repo)
    assert r.code == 1
    assert r.out == "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n Headline\n \n-It is really good.\n+It is good.\n"
    assert (repo / "a.txt").read_text() == text
    write(repo / "b.txt", "Headline\n\nClean.\n")
    assert newslint("check", "b.txt", "--diff", cwd=repo).code == 0


def test_fix_refuses_stdin(repo):
    r = newslint("check", "-", "--fix", cwd=repo, stdin=b"x")
    assert r.code == 2 and "--diff" in r.err


def test_write_atomic_failure_keeps_original(tmp_path, monkeypatch):
    from newslint import fixing
    path = tmp_path / "a.txt"
    path.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fixing.write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_fixes_never_overlap():
    from newslint.finding import Finding, Fix
    f = lambda s, e, r: Finding("p", 1, 1, 1, 1, "R", "warning", "m", "x", fix=Fix(s, e, r, True))
    chosen = __import__("newslint.fixing", fromlist=["choose"]).choose([f(5, 9, "a"), f(0, 6, "b"), f(9, 10, "c")])
    assert [(x.start, x.end) for x in chosen] == [(0, 6), (9, 10)]


def test_baseline_survives_shifts_but_not_new_occurrences(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    r = newslint("check", "a.txt", "--write-baseline", "base.json", cwd=repo)
    assert r.code == 0 and "wrote 1 finding" in r.err
    write(repo / "a.txt", "Headline\n\nA new first paragraph.\n\nWe utilize it.\n")
    r = newslint("check", "a.txt", "--baseline", "base.json", "-f", "json", cwd=repo)
    assert r.code == 0 and r.json["findings"] == []
    write(repo / "a.txt", "Headline\n\nA new first paragraph.\n\nWe utilize it.\n\nThey utilize more.\n")
    r = newslint("check", "a.txt", "--baseline", "base.json", "-f", "json", cwd=repo)
    assert r.code == 1 and [(f["line"], f["col"]) for f in r.json["findings"]] == [(7, 6)]


def test_bad_baseline(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    write(repo / "base.json", "{not json")
    r = newslint("check", "a.txt", "--baseline", "base.json", cwd=repo)
    assert r.code == 2 and r.err.strip().startswith("newslint: base.json:1: not a newslint baseline")


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True, capture_output=True)


def test_diff_base_and_changed_lines(repo):
    git(repo, "init", "-q")
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    write(repo / "b.txt", "Headline\n\nWe utilize it.\n\nSecond paragraph.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    write(repo / "b.txt", "Headline\n\nWe utilize it.\n\nSecond paragraph; they utilize too.\n")
    write(repo / "c.txt", "Headline\n\nNew file, utilize.\n")
    data = newslint("check", ".", "--diff-base", "HEAD", "-f", "json", cwd=repo).json
    assert sorted({f["path"] for f in data["findings"]}) == ["b.txt", "c.txt"]
    data = newslint("check", ".", "--diff-base", "HEAD", "--changed-lines", "-f", "json", cwd=repo).json
    assert [(f["path"], f["line"]) for f in data["findings"]] == [("b.txt", 5), ("c.txt", 3)]
    r = newslint("check", ".", "--diff-base", "no-such-ref", cwd=repo)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    r = newslint("check", ".", "--changed-lines", cwd=repo)
    assert r.code == 2 and "--diff-base" in r.err
