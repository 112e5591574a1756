"""`newslint daemon` and `check --daemon` (#17 item 3): the daemon's answer is the in-process answer,
byte for byte; without a daemon the check runs in-process; an idle daemon exits; a changed rule is
seen by the next request."""

import shutil
import subprocess
import sys
import time

import pytest

from conftest import SHARED
from helpers import house_pack, newslint, write

CORPUS = SHARED / "corpus" / "articles"


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    house_pack(tmp_path)
    write(tmp_path / "news" / "planted.md", "# Title\n\nWe utilize the the very best tools.\n")
    if CORPUS.is_dir():
        for p in sorted(CORPUS.iterdir())[:4]:
            shutil.copy(p, tmp_path / "news" / p.name)
    yield tmp_path
    newslint("daemon", "stop", cwd=tmp_path)


def test_the_daemons_answer_is_the_in_process_answer(project):
    started = newslint("daemon", "start", "--idle-timeout", "120", cwd=project, timeout=300)
    assert started.code == 0 and "Started" in started.out, started.err
    for args in (["news", "-f", "json"], ["news"], ["news", "--no-nlp", "-f", "sarif"]):
        here = newslint("check", *args, "--no-cache", cwd=project)
        there = newslint("check", *args, "--no-cache", "--daemon", cwd=project)
        assert (there.code, there.out, there.err) == (here.code, here.out, here.err)
    assert here.code == 1 and "Use 'use' instead of 'utilize'" in newslint("check", "news", "--daemon", cwd=project).out
    story = b"We utilize it.\n"
    here = newslint("check", "-", "-f", "json", "--no-cache", cwd=project, stdin=story)
    there = newslint("check", "-", "-f", "json", "--no-cache", "--daemon", cwd=project, stdin=story)
    assert there.out == here.out and there.json["findings"]
    status = newslint("daemon", "status", cwd=project)
    assert status.code == 0 and "5 checks served" in status.out, status.out  # they went to the daemon

    # The fast road: the answer comes back before typer or the engine is imported.
    launched = subprocess.run([sys.executable, "-X", "importtime", "-m", "newslint.daemon.launch", "check", "news",
                               "-f", "json", "--no-cache", "--daemon"], cwd=project, capture_output=True, text=True)
    assert launched.stdout == newslint("check", "news", "-f", "json", "--no-cache", cwd=project).out
    imported = {line.rsplit("|", 1)[1].strip() for line in launched.stderr.splitlines() if line.startswith("import time:")}
    assert "newslint.daemon.client" in imported and not {"typer", "newslint.engine", "newslint.cli"} & imported

    again = newslint("daemon", "start", cwd=project)
    assert "Already running" in again.out
    assert "Stopped" in newslint("daemon", "stop", cwd=project).out
    assert newslint("daemon", "status", cwd=project).code == 1
    fallback = newslint("check", "news", "-f", "json", "--no-cache", "--daemon", cwd=project)
    assert fallback.out == newslint("check", "news", "-f", "json", "--no-cache", cwd=project).out
    assert "no daemon runs for this project" in fallback.err


def test_a_changed_rule_is_seen_by_the_next_request(project):
    assert newslint("daemon", "start", "--idle-timeout", "120", cwd=project, timeout=300).code == 0
    before = newslint("check", "news/planted.md", "--no-nlp", "-f", "json", "--no-cache", "--daemon", cwd=project)
    assert {f["rule"] for f in before.json["findings"]} >= {"House.Utilize", "House.Very"}
    rule = project / "House" / "Very.yml"
    rule.write_text(rule.read_text().replace("tokens: [very]", "tokens: [tools]"))
    after = newslint("check", "news/planted.md", "--no-nlp", "-f", "json", "--no-cache", "--daemon", cwd=project)
    assert [f["match"] for f in after.json["findings"] if f["rule"] == "House.Very"] == ["tools"]
    assert "2 checks served" in newslint("daemon", "status", cwd=project).out  # by the daemon, not in-process


def test_an_idle_daemon_exits(project):
    assert newslint("daemon", "start", "--idle-timeout", "1", cwd=project, timeout=300).code == 0
    assert (project / ".newslint_cache" / ".gitignore").exists()  # the socket and log stay out of git
    deadline = time.monotonic() + 60
    while newslint("daemon", "status", cwd=project).code == 0:
        assert time.monotonic() < deadline, "the daemon outlived its idle timeout"
        time.sleep(0.5)
    assert not (project / ".newslint_cache" / "daemon.sock").exists()
