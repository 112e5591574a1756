"""What CI tools read: SARIF rules with docs and plain summaries, paths from the repository's top
wherever newslint runs, and --diff patches that git itself applies."""

import os
import shutil
import subprocess

import pytest

from conftest import SHARED
from helpers import house_pack, newslint, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV})


@pytest.fixture
def repo(tmp_path):
    """A git repository whose articles sit in a subfolder, with the Newsroom pack and a House pack."""
    house_pack(tmp_path)
    write(tmp_path / ".newslint.yaml", "packs: [Newsroom, ./House]\n")
    write(tmp_path / "House" / "Linked.yml", """
        extends: existence
        message: "Avoid '%s'."
        link: https://example.org/house#linked
        description: |
          **What it does.** Flags `synergy`, e.g. in "our synergy". See [the guide](https://example.org).

          **Why.** Nobody says it.
        tokens: [synergy]
        """)
    write(tmp_path / "news" / "a.txt", "Headline\n\nWe utilize TK synergy.\n")
    git("init", "-q", cwd=tmp_path)
    return tmp_path


def test_sarif_rules_have_docs_and_plain_one_sentence_summaries(repo):
    sarif = newslint("check", "a.txt", "-f", "sarif", "--no-nlp", cwd=repo / "news").json
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    placeholder = rules["Newsroom.Placeholder"]
    assert placeholder["helpUri"] == "https://github.com/newslint/newslint/blob/main/docs/rules.md#newsroomplaceholder"
    assert placeholder["fullDescription"]["markdown"].startswith("**What it does.**")
    linked = rules["House.Linked"]
    assert linked["helpUri"] == "https://example.org/house#linked"  # the rule's own link wins
    assert linked["shortDescription"]["text"] == 'Flags synergy, e.g. in "our synergy".'
    assert "helpUri" not in rules["House.Utilize"]  # no link, and no page of ours documents it
    for rule in rules.values():
        if "shortDescription" in rule:
            short = rule["shortDescription"]["text"]
            assert "**" not in short and "`" not in short and "](" not in short, short
            assert not short.endswith(("…", "a")) and "\n" not in short


def test_sarif_and_github_paths_are_relative_to_the_repository_top(repo):
    news = repo / "news"
    run = newslint("check", "a.txt", "-f", "sarif", "--no-nlp", cwd=news).json["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/a.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"

    github = newslint("check", "a.txt", "-f", "github", "--no-nlp", cwd=news).out
    assert "file=news/a.txt," in github and str(repo) not in github
    absolute = newslint("check", str(news / "a.txt"), "-f", "github", "--no-nlp", cwd=news).out
    assert "file=news/a.txt," in absolute

    rooted = newslint("check", "a.txt", "-f", "sarif", "--no-nlp", "--root", ".", cwd=news).json["runs"][0]
    assert rooted["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    # outside a repository: the current folder
    (repo / ".git").rename(repo / "not-git")
    plain = newslint("check", "a.txt", "-f", "github", "--no-nlp", cwd=news).out
    assert "file=a.txt," in plain


CASES = {
    "no-final-newline.txt": b"Headline\n\nWe saw the the plan.",
    "crlf.txt": b"Headline\r\n\r\nWe saw the the plan.\r\nMore text.\r\n",
    "bom.md": b"\xef\xbb\xbfWe saw the the plan.\n",
    "bom-crlf-no-newline.txt": b"\xef\xbb\xbfWe saw the the plan\r\n\r\nand the the end",
    "form-feed.txt": b"Headline\n\nA \x0c page. We saw the the plan\xe2\x80\xa8here.\n",
}


def test_diff_is_a_patch_git_applies(tmp_path):
    for name, data in CASES.items():
        (tmp_path / name).write_bytes(data)
    git("init", "-q", cwd=tmp_path)
    r = newslint("check", *CASES, "--diff", "--select", "Newsroom.RepeatedWord", "--output-file", "fix.patch", cwd=tmp_path)
    assert r.code == 1, r.err
    patch = (tmp_path / "fix.patch").read_text(encoding="utf-8")
    assert patch.count("\\ No newline at end of file") == 4
    assert patch.count("--- a/") == len(CASES)
    check = git("apply", "--check", "-v", "fix.patch", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    applied = git("apply", "fix.patch", cwd=tmp_path)
    assert applied.returncode == 0
    assert (tmp_path / "bom.md").read_bytes() == b"\xef\xbb\xbfWe saw the plan.\n"
    assert (tmp_path / "no-final-newline.txt").read_bytes() == b"Headline\n\nWe saw the plan."
    assert (tmp_path / "crlf.txt").read_bytes() == b"Headline\r\n\r\nWe saw the plan.\r\nMore text.\r\n"
    # and what git applied is what --fix writes
    for name, data in CASES.items():
        (tmp_path / "fixed" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "fixed" / name).write_bytes(data)
    newslint("check", ".", "--fix", "--select", "Newsroom.RepeatedWord", cwd=tmp_path / "fixed")
    for name in CASES:
        assert (tmp_path / "fixed" / name).read_bytes() == (tmp_path / name).read_bytes(), name


CORPUS = SHARED / "corpus" / "articles"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus")
def test_diff_of_the_whole_corpus_applies(tmp_path):
    """Every safe fix newslint would make on the corpus, as one patch that git accepts, and that
    leaves the files exactly as --fix leaves them."""
    work = tmp_path / "articles"
    shutil.copytree(CORPUS, work)
    git("init", "-q", cwd=work)
    r = newslint("check", ".", "--diff", "--no-nlp", "--output-file", "../fix.patch", cwd=work, timeout=600)
    assert r.code in (0, 1), r.err
    patch = tmp_path / "fix.patch"
    assert patch.read_text(encoding="utf-8").count("--- a/") > 0
    check = git("apply", "--check", str(patch), cwd=work)
    assert check.returncode == 0, check.stderr[:2000]
    assert git("apply", str(patch), cwd=work).returncode == 0
    fixed = tmp_path / "fixed"
    shutil.copytree(CORPUS, fixed)
    for path in fixed.rglob("*"):  # the shared corpus is read-only, and --fix leaves read-only files alone
        if path.is_file():
            path.chmod(0o644)
    newslint("check", ".", "--fix", "--no-nlp", cwd=fixed, timeout=600)
    for path in sorted(fixed.rglob("*")):
        if path.is_file():
            assert (work / path.relative_to(fixed)).read_bytes() == path.read_bytes(), path
