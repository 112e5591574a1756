"""The pre-commit hook, run by the real pre-commit against a repository that points at this checkout.

pre-commit installs newslint from the committed HEAD of this repository into its own
environment, as it would from a pinned commit on a server. The hook is `newslint-fast` (the core
install, no spaCy), so the test does not install spaCy a second time.
"""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from helpers import house_pack, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def sh(*args, cwd, env, check=True):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=check)


def test_pre_commit_hook_blocks_findings_and_passes_clean_copy(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this checkout has no commit for pre-commit to install")
    content = tmp_path / "content"
    content.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    sh("git", "init", "-q", cwd=content, env=env)
    house_pack(content)
    write(content / ".pre-commit-config.yaml", f"""
        repos:
          - repo: {ROOT}
            rev: {head.stdout.strip()}
            hooks:
              - id: newslint-fast
        """)
    sh(sys.executable, "-m", "pre_commit", "install", cwd=content, env=env)
    sh("git", "add", ".newslint.yaml", "House", ".pre-commit-config.yaml", cwd=content, env=env)

    write(content / "clean.md", "# Headline\n\nNothing to see.\n")
    sh("git", "add", "clean.md", cwd=content, env=env)
    ok = sh("git", "commit", "-qm", "clean copy", cwd=content, env=env, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    write(content / "bad.txt", "Headline\n\nWe utilize it.\n")
    sh("git", "add", "bad.txt", cwd=content, env=env)
    bad = sh("git", "commit", "-qm", "bad copy", cwd=content, env=env, check=False)
    assert bad.returncode != 0
    assert "bad.txt:3:4: warning House.Utilize" in bad.stdout + bad.stderr
