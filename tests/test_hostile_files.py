"""Hostile file systems: every file gets a report, whatever happens to the others (issue #18).

Symlink loops, FIFOs, devices, unreadable folders, undecodable names and a check that
crashes on one file: each is one line naming the file, the run goes on, and the
machine formats still print their report.
"""

import json
import os
import sys

import pytest

from helpers import newslint, write


def with_path(folder):
    """PYTHONPATH with `folder` first, for a sitecustomize.py that plants a fault."""
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}

RUN = ("--no-nlp", "--no-cache")
STORY = "Use the the word.\n"


@pytest.fixture
def folder(tmp_path):
    write(tmp_path / "d" / "a.txt", STORY)
    write(tmp_path / "d" / "z.txt", STORY)
    return tmp_path


def paths(run):
    return sorted({f["path"] for f in run.json["findings"]})


def test_symlink_loop_file_is_one_error_and_the_run_goes_on(folder):
    os.symlink("loop.txt", folder / "d" / "loop.txt")
    r = newslint("check", "d", "-f", "json", *RUN, cwd=folder, timeout=30)
    assert r.code == 2 and "internal error" not in r.err
    assert paths(r) == ["d/a.txt", "d/z.txt"]
    assert any("d/loop.txt" in e for e in r.json["errors"])


def test_folder_symlink_loop_under_a_globstar_does_not_hang(folder):
    for i in range(4):  # each loop multiplies what a symlink-following ** walks
        os.mkdir(folder / "d" / f"s{i}")
        os.symlink("..", folder / "d" / f"s{i}" / "up")
    r = newslint("check", "d/**/*.txt", "-f", "json", *RUN, cwd=folder, timeout=30)
    assert r.code == 1, r.err
    assert paths(r) == ["d/a.txt", "d/z.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_device_are_skipped_with_a_note(folder):
    os.mkfifo(folder / "d" / "fifo.txt")
    os.symlink("/dev/zero", folder / "d" / "zero.txt")
    r = newslint("check", "d", "-f", "json", *RUN, cwd=folder, timeout=30)
    assert r.code == 1, r.err  # a skipped special file is a note, not an error
    assert paths(r) == ["d/a.txt", "d/z.txt"]
    assert "d/fifo.txt: not a regular file (a FIFO): skipped" in r.err
    assert "d/zero.txt: not a regular file (a character device): skipped" in r.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_on_the_command_line_does_not_hang(folder):
    os.mkfifo(folder / "d" / "fifo.txt")
    r = newslint("check", "d/fifo.txt", "d/a.txt", "-f", "json", *RUN, cwd=folder, timeout=30)
    assert paths(r) == ["d/a.txt"]
    assert "d/fifo.txt: not a regular file (a FIFO): skipped" in r.err


def test_unreadable_folder_is_reported(folder, monkeypatch):
    # Tests run as root here, where chmod 000 stops nothing: make the listing fail instead.
    from newslint import files

    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    os.mkdir(folder / "d" / "locked")
    monkeypatch.setattr(os, "scandir", scandir)
    items = list(files.expand([str(folder / "d")]))
    errors = [str(i) for i in items if not isinstance(i, os.PathLike)]
    assert [p.name for p in items if isinstance(p, os.PathLike)] == ["a.txt", "z.txt"]
    assert len(errors) == 1 and "locked: cannot list this folder: Permission denied" in errors[0]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux allows any bytes in a file name")
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "github", "rdjson", "text"])
def test_undecodable_file_name_in_every_format(folder, fmt):
    name = os.fsencode(folder / "d") + b"/n\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(STORY.encode())
    r = newslint("check", "d", "-f", fmt, *RUN, cwd=folder, timeout=30)
    assert r.code == 1, r.err
    assert "internal error" not in r.err
    assert "xe9.txt" in r.out  # named readably (n\xe9.txt, escaped as each format escapes), in valid UTF-8
    r.out.encode("utf-8")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(r.out)


def test_a_check_that_crashes_on_one_file_is_that_files_error(folder):
    # A rule whose check raises on one document only (a bug in a check, or a backend's internal error).
    write(folder / "Boom" / "Boom.yml", """
        extends: existence
        message: "boom"
        level: error
        tokens: [kaboom]
        """)
    write(folder / ".newslint.yaml", "packs: [./Boom]\n")
    write(folder / "sitecustomize.py", """
        import newslint.checks.existence as e
        real = e.Existence.check
        def check(self, doc):
            if "CRASH" in doc.text:
                raise ValueError("E088 something internal")
            return real(self, doc)
        e.Existence.check = check
        """)
    write(folder / "d" / "m.txt", "CRASH here, kaboom.\n")
    write(folder / "d" / "n.txt", "Fine, kaboom.\n")
    for fmt in ("json", "sarif", "text"):
        r = newslint("check", "d", "-f", fmt, *RUN, cwd=folder, timeout=30, env=with_path(folder))
        assert r.code == 2
        assert "d/m.txt: internal error while checking: ValueError: E088 something internal" in r.err
        if fmt == "json":
            assert paths(r) == ["d/n.txt"]
            assert any(e.startswith("d/m.txt: internal error") for e in r.json["errors"])
        elif fmt == "sarif":
            notes = r.json["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            assert any("d/m.txt" in n["message"]["text"] for n in notes)
        else:
            assert "d/n.txt:1:" in r.out


def test_fix_lists_what_it_rewrote_before_a_later_file_fails(folder):
    write(folder / "sitecustomize.py", """
        import newslint.engine as e
        real = e.check_document
        def check_document(doc, *a, **k):
            if "CRASH" in doc.text:
                raise RuntimeError("a bug")
            return real(doc, *a, **k)
        e.check_document = check_document
        """)
    write(folder / "d" / "m.txt", "CRASH the the.\n")
    r = newslint("check", "d", "--fix", *RUN, cwd=folder, timeout=30, env=with_path(folder))
    assert r.code == 2
    assert (folder / "d" / "a.txt").read_text() == "Use the word.\n"
    assert (folder / "d" / "z.txt").read_text() == "Use the word.\n"
    assert (folder / "d" / "m.txt").read_text() == "CRASH the the.\n"
    assert "Fixed 2 findings in 2 files" in r.out
    assert "d/m.txt: internal error while checking: RuntimeError: a bug" in r.err


def test_a_runaway_check_stops_at_the_per_file_budget(folder):
    # A check that never ends on one file (a super-linear path no guard foresaw) stops there.
    write(folder / "sitecustomize.py", """
        import newslint.engine as e
        real = e.check_document
        def check_document(doc, *a, **k):
            while "HANG" in doc.text:
                pass
            return real(doc, *a, **k)
        e.check_document = check_document
        """)
    write(folder / "d" / "m.txt", "HANG the the.\n")
    for fmt in ("json", "text"):
        r = newslint("check", "d", "-f", fmt, "--timeout-per-file", "1", *RUN, cwd=folder, timeout=60,
                     env=with_path(folder))
        assert r.code == 2
        assert "d/m.txt: not checked: its checks ran past 1 s (--timeout-per-file)" in r.err
        if fmt == "json":
            assert paths(r) == ["d/a.txt", "d/z.txt"]
            assert r.json["summary"]["unchecked"] == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-1"])
def test_timeout_per_file_must_be_finite(folder, value):
    r = newslint("check", "d", "--timeout-per-file", value, *RUN, cwd=folder)
    assert r.code == 2 and "--timeout-per-file" in r.err and "Traceback" not in r.err


def _archive(folder, n=40):
    for i in range(n):
        write(folder / "d" / f"f{i:02}.txt", STORY)


DIE = """
    import os, pathlib
    import newslint.engine as e
    real = e.check_document
    def check_document(doc, *a, **k):
        if "DIE" in doc.text:
            marker = pathlib.Path(os.environ["DIE_MARKER"])
            if os.environ.get("DIE_ALWAYS") or not marker.exists():
                marker.write_text("died")
                os._exit(9)  # the worker process dies, as one killed for memory does
        return real(doc, *a, **k)
    e.check_document = check_document
    """


def test_a_worker_that_dies_is_replaced_and_its_batch_retried(folder):
    _archive(folder)
    write(folder / "d" / "f20.txt", "DIE the the.\n")
    write(folder / "sitecustomize.py", DIE)
    env = {**with_path(folder), "DIE_MARKER": str(folder / "marker")}
    r = newslint("check", "d", "-f", "json", "--jobs", "2", *RUN, cwd=folder, env=env, timeout=120)
    assert (folder / "marker").exists()  # a worker did die
    assert r.code == 1, r.err
    assert len(paths(r)) == 42 and r.json["summary"]["files"] == 42


def test_a_batch_whose_worker_dies_twice_is_its_files_errors_only(folder):
    _archive(folder)
    write(folder / "d" / "f20.txt", "DIE the the.\n")
    write(folder / "sitecustomize.py", DIE)
    env = {**with_path(folder), "DIE_MARKER": str(folder / "marker"), "DIE_ALWAYS": "1"}
    r = newslint("check", "d", "-f", "json", "--jobs", "2", *RUN, cwd=folder, env=env, timeout=120)
    assert r.code == 2
    died = [e for e in r.json["errors"] if "the worker process checking it died" in e]
    assert any(e.startswith("d/f20.txt:") for e in died) and len(died) <= 8  # one batch
    assert r.json["summary"]["files"] == 42 - len(died)  # every other file reported


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_exit_when_the_main_process_is_killed(folder):
    import signal
    import subprocess
    import time

    _archive(folder)
    write(folder / "sitecustomize.py", """
        import time
        import newslint.engine as e
        real = e.check_document
        def check_document(doc, *a, **k):
            time.sleep(30)
            return real(doc, *a, **k)
        e.check_document = check_document
        """)
    env = {**os.environ, **with_path(folder)}
    main = subprocess.Popen([sys.executable, "-m", "newslint", "check", "d", "--fix", "--jobs", "2", *RUN], cwd=folder,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def workers():
        found = []
        for proc in os.listdir("/proc"):
            try:
                if proc.isdigit() and open(f"/proc/{proc}/stat").read().rsplit(")", 1)[1].split()[1] == str(main.pid):
                    found.append(int(proc))
            except OSError:
                continue
        return found

    deadline = time.monotonic() + 60
    while len(workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    children = workers()
    assert children, "no worker started"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(c) for c in children):
        time.sleep(0.2)
    alive = [c for c in children if _running(c)]
    for c in alive:  # never leave them running, whatever the outcome
        os.kill(c, signal.SIGKILL)
    assert not alive
    assert all(p.read_text() == STORY for p in (folder / "d").glob("*.txt"))


def test_utf16_is_named_as_such_not_binary(folder):
    (folder / "d" / "u.txt").write_bytes("Title\n\nCopy.\n".encode("utf-16"))
    r = newslint("check", "d", "-f", "json", *RUN, cwd=folder)
    assert r.code == 2
    assert any(e.startswith("d/u.txt:1: UTF-16 text: newslint reads UTF-8") for e in r.json["errors"]), r.json["errors"]
    assert paths(r) == ["d/a.txt", "d/z.txt"]


def test_a_swap_pattern_that_times_out_names_its_line(folder):
    write(folder / "House" / "Swap.yml", """
        extends: substitution
        message: "Use '%s'."
        level: error
        swap:
          '(a|a)+$': b
        """)
    write(folder / ".newslint.yaml", "packs: [./House]\nregex_timeout: 0.05\n")
    write(folder / "d" / "s.txt", "Title\n\n" + "a" * 40 + "!\n")
    r = newslint("check", "d/s.txt", *RUN, cwd=folder, timeout=60)
    assert r.code == 2
    assert "House/Swap.yml:4) stopped: its pattern ran past its time limit" in r.err, r.err
