"""`--fix` never loses an edit (issue #18): compare-and-swap, symlinks, owners, read-only files,
hard links and the temporary files a killed run leaves."""

import os
import stat

import pytest

from helpers import newslint, write


def with_path(folder):
    """PYTHONPATH with `folder` first, for a sitecustomize.py that plants a fault."""
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}

RUN = ("--no-nlp", "--no-cache")
STORY = "Use the the word.\n"
FIXED = "Use the word.\n"


@pytest.fixture
def folder(tmp_path):
    write(tmp_path / "d" / "a.txt", STORY)
    return tmp_path


def test_an_edit_saved_during_the_run_is_kept(folder):
    # An editor saves the file after newslint read it and before the fix is written.
    write(folder / "sitecustomize.py", """
        import pathlib
        import newslint.engine as e
        real = e.check_document
        def check_document(doc, *a, **k):
            if doc.path.endswith("a.txt") and "the the" in doc.text:
                pathlib.Path(doc.path).write_text("The editor's the the version.\\n")
            return real(doc, *a, **k)
        e.check_document = check_document
        """)
    r = newslint("check", "d", "--fix", *RUN, cwd=folder, env=with_path(folder))
    assert (folder / "d" / "a.txt").read_text() == "The editor's the the version.\n"
    assert "warning: d/a.txt: changed since newslint read it: not rewritten (run again)" in r.err
    assert "Fixed 0 findings in 0 files" in r.out
    assert r.code == 1  # its findings still stand


def test_rewrite_compares_before_the_rename(tmp_path):
    from newslint.fixing import rewrite

    path = tmp_path / "a.txt"
    path.write_bytes(b"new bytes\n")
    assert "changed since" in rewrite(path, b"old bytes\n", "fixed\n")
    assert path.read_bytes() == b"new bytes\n"
    assert rewrite(path, b"new bytes\n", "fixed\n") is None
    assert path.read_text() == "fixed\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_symlink_stays_a_link_and_its_target_is_fixed(folder):
    os.symlink("a.txt", folder / "d" / "link.txt")
    r = newslint("check", "d/link.txt", "--fix", *RUN, cwd=folder)
    assert r.code == 0, r.err
    assert (folder / "d" / "link.txt").is_symlink()
    assert (folder / "d" / "a.txt").read_text() == FIXED


def test_mode_owner_and_group_are_kept(folder):
    a = folder / "d" / "a.txt"
    os.chmod(a, 0o640)
    if os.geteuid() == 0:
        os.chown(a, 1234, 4321)
    before = a.stat()
    r = newslint("check", "d", "--fix", *RUN, cwd=folder)
    assert r.code == 0, r.err
    after = a.stat()
    assert a.read_text() == FIXED
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_a_read_only_file_is_not_rewritten(folder):
    a = folder / "d" / "a.txt"
    os.chmod(a, 0o444)
    r = newslint("check", "d", "--fix", *RUN, cwd=folder)
    assert a.read_text() == STORY
    assert "warning: d/a.txt: read-only: not rewritten" in r.err
    assert r.code == 1


def test_a_file_with_hard_links_is_left_alone(folder):
    a = folder / "d" / "a.txt"
    os.link(a, folder / "other.txt")
    r = newslint("check", "d", "--fix", *RUN, cwd=folder)
    assert a.read_text() == STORY and (folder / "other.txt").read_text() == STORY
    assert os.stat(a).st_ino == os.stat(folder / "other.txt").st_ino
    assert "warning: d/a.txt: has 1 other hard link: not rewritten (see --diff)" in r.err


def test_stale_temp_files_are_removed_and_new_ones_are_recognisable(folder):
    d = folder / "d"
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    (d / f".a.txt.newslint-{dead}-x1y2.newslint-tmp").write_text("half")
    (d / ".a.txt.abcd1234.newslint").write_text("half")  # an earlier version's name
    (d / f".b.txt.newslint-{os.getpid()}-live.newslint-tmp").write_text("another file's, being written")
    r = newslint("check", "d", "--fix", *RUN, cwd=folder)
    assert r.code == 0, r.err
    assert sorted(p.name for p in d.iterdir()) == [f".b.txt.newslint-{os.getpid()}-live.newslint-tmp", "a.txt"]
