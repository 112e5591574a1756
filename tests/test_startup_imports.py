"""A plain check without NLP rules starts without the heavy optional libraries (#17 item 2):
a pre-commit hook pays for what it runs, not for spaCy, the web server, Dask or the language server."""

import subprocess
import sys

from helpers import write

# pydantic: typer 0.29 imports it to read the options (pyproject pins typer below it).
HEAVY = ("spacy", "thinc", "fastapi", "starlette", "uvicorn", "dask", "distributed", "pygls", "lsprotocol", "pydantic")


# The command run as `python -m newslint`, then every module loaded by its end. (Not from
# `-X importtime`: it logs only `import` statements, not importlib.import_module, which
# checks/__init__.py uses to load a kind.)
RUN = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n"))
sys.argv = ["newslint", *sys.argv[1:]]
runpy.run_module("newslint", run_name="__main__")
"""


def imported(*args: str, cwd) -> set[str]:
    """Every module the command loaded."""
    proc = subprocess.run([sys.executable, "-c", RUN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    line = next(line for line in proc.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


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


def test_only_the_kinds_the_rules_use_are_imported(tmp_path):
    """checks/__init__.py imports a kind's module when a rule asks for it: a Vale setup of one
    existence rule imports no spelling (spylls), names or furniture module."""
    write(tmp_path / ".vale.ini", "StylesPath = styles\n\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles" / "House" / "Very.yml", "extends: existence\nmessage: '%s'\ntokens: [very]\n")
    write(tmp_path / "story.md", "A very good day.\n")
    modules = imported("check", "story.md", "--no-cache", cwd=tmp_path)
    kinds = sorted(m.rsplit(".", 1)[1] for m in modules
                   if m.startswith("newslint.checks.") and not m.rsplit(".", 1)[1].startswith("_"))
    assert kinds == ["base", "existence"], kinds
    assert not any(m.split(".")[0] == "spylls" for m in modules)


def test_the_quick_exit_keeps_every_byte_of_output_and_the_exit_code(tmp_path):
    """`newslint` ends with os._exit after main() (no interpreter teardown): what was buffered for
    a pipe must still arrive whole, and the exit code be the check's."""
    write(tmp_path / "story.txt", "".join(f"Line {i} has the the word.\n" for i in range(3000)))
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "story.txt", "--no-nlp", "--no-cache",
                           "-f", "json"], cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-500:]
    import json

    repeated = [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "Newsroom.RepeatedWord"]
    assert len(repeated) == 3000 and repeated[-1]["line"] == 3000


def test_run_ends_the_process_quickly_only_when_nothing_else_runs(monkeypatch, tmp_path):
    from newslint import cli

    write(tmp_path / "story.txt", "Use the the word.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["newslint", "check", "story.txt", "--no-nlp", "--no-cache", "-q"])
    ended = []

    class Ended(Exception):
        pass

    def fake_exit(code):
        ended.append(code)
        raise Ended

    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    import atexit

    ran = []
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: ran.append(True))  # not this test process's own
    # The threads alive at the end (this test process's own are other tests' business).
    monkeypatch.setattr(cli.threading, "active_count", lambda: 1)
    try:
        cli.run()
    except Ended:
        pass
    assert ended == [1] and ran == [True]
    # A thread still at work (a server's, a Dask client's): the ordinary exit, which waits for it.
    monkeypatch.setattr(cli.threading, "active_count", lambda: 2)
    try:
        cli.run()
    except SystemExit as exc:
        assert exc.code == 1
    else:
        raise AssertionError("run() returned")
    assert ended == [1] and ran == [True]


def test_the_quick_exit_with_a_closed_stream(tmp_path):
    """Started with stderr or stdout closed (`2>&-`, `>&-`): the exit codes a normal exit gives."""
    write(tmp_path / "ok.txt", "A plain sentence.\n")
    run = lambda line: subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    py = f"'{sys.executable}' -m newslint"
    assert run(f"{py} --version 2>&-").returncode == 0
    assert run(f"{py} check ok.txt --no-nlp --no-cache 2>&-").returncode == 0
    closed_out = run(f"{py} check ok.txt --no-nlp --no-cache >&-")
    assert closed_out.returncode == 2 and "Traceback" not in closed_out.stderr


def test_a_plain_check_whose_rules_come_from_the_store_reads_no_yaml(tmp_path):
    """No config file and the shipped pack read back built (rulestore.py): PyYAML (10 ms) is not imported."""
    write(tmp_path / "story.txt", "Use the the word.\n")
    imported("check", "story.txt", "--no-nlp", "--no-cache", cwd=tmp_path)  # the first run may build the pack
    modules = imported("check", "story.txt", "--no-nlp", "--no-cache", cwd=tmp_path)
    assert "newslint.rulestore" in modules and "yaml" not in modules
