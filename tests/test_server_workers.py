"""`newslint serve` runs checks side by side in its worker processes (#15), and they reload a changed config."""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("fastapi")

SLOW = 1.5  # seconds the stand-in rule takes on an article that says SLOW
# A stand-in slow check (timing spaCy would measure the machine, not the server): each worker
# process imports it at start, through PYTHONPATH, and logs when each slow check ran, in which process.
SITECUSTOMIZE = f"""\
import os, time
import newslint.engine as e
real = e.check_document
def check_document(doc, *a, **k):
    if 'SLOW' in doc.text:
        start = time.monotonic()
        time.sleep({SLOW})
        with open(os.environ['NEWSLINT_TEST_LOG'], 'a') as log:
            log.write(f'{{os.getpid()}} {{start}} {{time.monotonic()}}\\n')
    return real(doc, *a, **k)
e.check_document = check_document
"""
RULE = "extends: substitution\nmessage: \"Spell it '%s', not '%s'.\"\nlevel: error\nswap:\n  Hanyahu: Haniyeh\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    (folder / "site").mkdir()
    (folder / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    (folder / "House").mkdir()
    (folder / "House" / "Spelling.yml").write_text(RULE)
    (folder / ".newslint.yaml").write_text("packs: [./House]\n")
    log = folder / "slow.log"
    env = {**os.environ, "PYTHONPATH": str(folder / "site"), "NEWSLINT_TEST_LOG": str(log)}
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", "2",
                             "--allow-config-writes"], cwd=folder, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once every worker is ready
        assert "newslint serve: open" in line, proc.stderr.read() if proc.poll() is not None else line
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.1)
        yield port, log, folder
    finally:
        proc.terminate()
        proc.wait(10)


def post(port, path, body) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_two_slow_checks_run_at_the_same_time_in_two_workers(server):
    port, log, _ = server
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(post(port, "/api/check", {"text": "SLOW\n\nIsmail Hanyahu.\n"})))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _ in answers] == [200, 200]
    assert all([f["match"] for f in a["findings"]] == ["Hanyahu"] for _, a in answers)
    runs = [line.split() for line in log.read_text().splitlines()]
    assert len(runs) == 2
    (pid1, start1, end1), (pid2, start2, end2) = [(p, float(s), float(e)) for p, s, e in runs]
    assert pid1 != pid2  # one check per worker
    assert max(start1, start2) < min(end1, end2), "the two checks ran one after the other"


def test_the_workers_reload_a_word_added_to_the_vocabulary(server):
    port, _, folder = server
    article = {"text": "Talks\n\nIsmail Hanyahu spoke.\n"}
    assert [f["match"] for f in post(port, "/api/check", article)[1]["findings"]] == ["Hanyahu"]
    status, answer = post(port, "/api/vocabulary", {"word": "Hanyahu"})
    assert (status, answer) == (200, {"word": "Hanyahu", "config": str(folder / ".newslint.yaml")})
    for _ in range(4):  # each worker in turn: every one has the new vocabulary
        assert post(port, "/api/check", article)[1]["findings"] == []


def test_listening_beyond_loopback_without_a_token_warns(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("packs: []\n")
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--host", "0.0.0.0", "--port", str(free_port()),
                             "--workers", "0"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        warning = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    assert re.match(r"newslint: warning: listening on 0\.0\.0\.0, not loopback, without --token-file", warning), warning


def test_the_default_is_one_worker_per_cpu():
    import inspect

    from newslint.server import serve

    assert inspect.signature(serve).parameters["workers"].default is None  # None: os.cpu_count()
    run = subprocess.run([sys.executable, "-m", "newslint", "serve", "--help"], capture_output=True, text=True)
    assert "one per CPU" in run.stdout
