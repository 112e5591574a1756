"""A plain check without NLP rules starts without the heavy optional libraries (#17 item 2):
a pre-commit hook pays for what it runs, not for spaCy, the web server, Dask or the language server."""

import subprocess
import sys

from helpers import write

# pydantic: typer 0.29 imports it to read the options (pyproject pins typer below it).
HEAVY = ("spacy", "thinc", "fastapi", "starlette", "uvicorn", "dask", "distributed", "pygls", "lsprotocol", "pydantic")


def imported(*args: str, cwd) -> set[str]:
    """Every module the command imported, from `python -X importtime` (one line per module on stderr)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "newslint", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


def test_a_plain_check_without_nlp_imports_no_heavy_library(tmp_path):
    write(tmp_path / "story.txt", "Use the the word.\n")
    for args in (["check", "story.txt", "--no-nlp"], ["check", "story.txt", "--no-nlp", "--no-cache", "-f", "json"]):
        modules = imported(*args, cwd=tmp_path)
        assert {"newslint.cli", "newslint.engine"} <= modules  # the parse sees what was imported
        heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
        assert not heavy, f"`newslint {' '.join(args)}` imported {heavy[:5]}"



def test_the_measurement_sees_a_heavy_import(tmp_path):
    """The other side: an import of one of them shows up (the parse of -X importtime's lines works)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newslint.cli, json"],
                          capture_output=True, text=True, timeout=60)
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert {"newslint.cli", "json"} <= names
