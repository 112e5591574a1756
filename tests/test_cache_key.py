"""The result cache's key holds newslint's own code (a modified build never reuses an older build's
results), and its folder is the project root's `.newslint_cache`, wherever in the project newslint runs."""

import os
import shutil
import sys
from pathlib import Path

from helpers import newslint, write

import newslint as package
from newslint import cache
from newslint.config import builtin_rules_dir

STORY = "Use the the word.\n"


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "v1").rglob("*.json"))


def test_a_modified_module_invalidates_the_cache(tmp_path):
    # A copy of the package, run in place of the installed one, so that one module can be changed.
    code = tmp_path / "code"
    shutil.copytree(Path(package.__file__).parent, code / "newslint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(builtin_rules_dir(), code / "newslint" / "rules")  # where a wheel has them
    env = {"PYTHONPATH": str(code) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    write(tmp_path / "d" / "a.txt", STORY)
    store = tmp_path / "cache"

    def run():
        r = newslint("check", "d", "-f", "json", "--no-nlp", "--cache-dir", store, cwd=tmp_path, env=env)
        assert r.code == 1 and r.json["findings"], r.err
        return r

    first = run()
    [entry] = entries(store)
    again = run()
    assert entries(store) == [entry] and again.out == first.out  # unchanged code: a hit

    module = code / "newslint" / "finding.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a rebuilt module\n", encoding="utf-8")
    changed = run()
    assert len(entries(store)) == 2, "a modified module reused the older build's entry"
    assert changed.out == first.out


def test_code_hash_follows_content_and_is_remembered(tmp_path):
    pkg = tmp_path / "pkg"
    write(pkg / "a.py", "x = 1\n")
    write(pkg / "data" / "words.txt", "one\n")
    memo = tmp_path / "memo"
    first = cache.code_hash(pkg, memo)
    assert len(list(memo.iterdir())) == 1  # remembered under the files' stamp
    cache._CODE.clear()
    assert cache.code_hash(pkg, memo) == first
    (pkg / "data" / "words.txt").write_text("two\n")  # same size, new content and time
    os.utime(pkg / "data" / "words.txt", ns=(1, 10**18))
    cache._CODE.clear()
    assert cache.code_hash(pkg, memo) != first


def _no_env():
    return {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}


def _run_without_cache_dir(cwd: Path, *paths: str):
    import subprocess

    return subprocess.run([sys.executable, "-m", "newslint", "check", *paths, "--no-nlp"], cwd=cwd,
                          capture_output=True, env=_no_env(), timeout=120)


def test_the_cache_folder_is_the_repository_root(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "news" / "today" / "a.txt", STORY)
    _run_without_cache_dir(repo / "news" / "today", "a.txt")
    assert entries(repo / ".newslint_cache")
    assert not (repo / "news" / "today" / ".newslint_cache").exists()


def test_without_git_the_cache_folder_is_the_configs(tmp_path):
    project = tmp_path / "project"
    write(project / ".newslint.yaml", "packs: [Newsroom]\n")
    write(project / "news" / "a.txt", STORY)
    _run_without_cache_dir(project / "news", "a.txt")
    assert entries(project / ".newslint_cache")
    assert not (project / "news" / ".newslint_cache").exists()


def test_default_dir_order(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    bare = tmp_path / "bare"
    bare.mkdir()
    assert cache.default_dir(start=bare) == bare.resolve() / ".newslint_cache"
    assert cache.default_dir(tmp_path / "cfg" / ".newslint.yaml", start=bare) == (tmp_path / "cfg").resolve() / ".newslint_cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "env"))
    assert cache.default_dir(start=bare) == tmp_path / "env"
