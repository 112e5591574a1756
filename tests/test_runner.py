"""Many files: parallel jobs, the result cache, ordering, and no spaCy for rules that need none."""

import json
import os
import subprocess
import sys

import pytest

from helpers import house_pack, newslint, write


@pytest.fixture
def archive(tmp_path):
    house_pack(tmp_path)
    for i in range(30):
        body = "We utilize it." if i % 3 == 0 else "It is very fine." if i % 3 == 1 else "Clean copy."
        write(tmp_path / "news" / f"a{i:02}.md", f"# Story {i}\n\n{body}\n")
    (tmp_path / "news" / "broken.txt").write_bytes(b"Title\n\n\xff\n")
    return tmp_path


def findings(r):
    return [(f["path"], f["line"], f["col"], f["rule"]) for f in json.loads(r.out)["findings"]]


def test_jobs_give_the_same_results_in_the_same_order(archive):
    one = newslint("check", "news", "-f", "json", "--jobs", "1", "--no-cache", cwd=archive)
    two = newslint("check", "news", "-f", "json", "--jobs", "2", "--no-cache", cwd=archive)
    assert one.code == two.code == 2  # broken.txt
    assert findings(one) == findings(two) and len(findings(one)) == 20
    assert one.err == two.err and "broken.txt:3: not valid UTF-8" in one.err


def test_cache_hit_gives_identical_output_and_rule_change_invalidates(archive):
    cache = archive / "cache"
    cold = newslint("check", "news", "-f", "json", "--cache-dir", cache, cwd=archive)
    assert len(list((cache / "v1").rglob("*.json"))) == 30
    assert (cache / ".gitignore").exists()
    warm = newslint("check", "news", "-f", "json", "--cache-dir", cache, cwd=archive)
    assert warm.out == cold.out and warm.code == cold.code
    write(archive / "House" / "Very.yml", "extends: existence\nmessage: x\nlevel: error\ntokens: [fine]\n")
    changed = newslint("check", "news", "-f", "json", "--cache-dir", cache, cwd=archive)
    assert {f[3] for f in findings(changed)} == {"House.Utilize", "House.Very"}
    assert {f["severity"] for f in json.loads(changed.out)["findings"] if f["rule"] == "House.Very"} == {"error"}


def test_damaged_cache_entry_is_a_miss(archive):
    cache = archive / "cache"
    cold = newslint("check", "news", "-f", "json", "--cache-dir", cache, cwd=archive)
    for entry in (cache / "v1").rglob("*.json"):
        entry.write_text("{broken")
    assert newslint("check", "news", "-f", "json", "--cache-dir", cache, cwd=archive).out == cold.out


def test_no_cache_and_cache_clear(archive):
    cache = archive / "cache"
    newslint("check", "news", "--no-cache", "--cache-dir", cache, cwd=archive)
    assert not cache.exists()
    newslint("check", "news", "--cache-dir", cache, cwd=archive)
    user = archive / "user-cache"
    newslint("check", "news", "--no-cache", cwd=archive, env={"XDG_CACHE_HOME": str(user)})
    stored = sorted(p.name for p in (user / "newslint").iterdir())
    assert any(n.startswith("patterns-") for n in stored)  # the House pack's compiled patterns
    r = newslint("cache", "clear", "--cache-dir", cache, cwd=archive, env={"XDG_CACHE_HOME": str(user)})
    assert r.code == 0 and "Removed 30 cached results" in r.out and not cache.exists()
    assert f"and {len(stored)} stored file" in r.out and not list((user / "newslint").iterdir())


def test_rules_without_nlp_never_import_spacy(archive):
    code = ("import sys; from newslint.cli import main\n"
            "try:\n    main(['check', 'news', '--no-cache', '--jobs', '1'])\n"
            "except SystemExit:\n    pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NOSPACY', file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=archive, capture_output=True, text=True)
    assert proc.stderr.strip().endswith("NOSPACY"), proc.stderr


def test_dask_local_cluster_gives_identical_results(archive):
    pytest.importorskip("distributed")
    local = newslint("check", "news", "-f", "json", "--no-cache", "--jobs", "1", cwd=archive)
    dask = newslint("check", "news", "-f", "json", "--no-cache", "--executor", "dask", "--jobs", "2", cwd=archive, timeout=300)
    assert dask.code == local.code == 2, dask.err
    assert findings(dask) == findings(local) and len(findings(dask)) == 20
    assert "broken.txt:3: not valid UTF-8" in dask.err


def test_dask_unreachable_scheduler_is_one_line(archive):
    pytest.importorskip("distributed")
    r = newslint("check", "news", "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", cwd=archive, timeout=120,
                 env={"NEWSLINT_DASK_TIMEOUT": "2s"})
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1 and "Dask scheduler" in r.err, r.err


@pytest.mark.parametrize("cpus, load, jobs", [
    (2, 0.1, 2),   # an idle 2-core machine: both cores
    (2, 1.3, 1),   # a busy one: one worker, no slower than --jobs 1 (it is --jobs 1)
    (2, 7.5, 1),   # overloaded: never fewer than one
    (16, 3.4, 13),  # the cores other work leaves
    (16, 0.0, 16),
])
def test_the_jobs_default_takes_the_idle_cores(monkeypatch, cpus, load, jobs):
    from newslint import runner

    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    monkeypatch.setattr(runner.os, "getloadavg", lambda: (load, load, load))
    assert runner.default_jobs() == jobs


def test_batches_give_each_worker_several(monkeypatch):
    from newslint.runner import BATCH, MAX_BATCH, batch_size

    assert batch_size(676, 16) == 10  # 68 batches: about four per worker, an even finish
    assert batch_size(676, 2) == MAX_BATCH  # few workers: large batches, fewer round trips
    assert batch_size(20, 16) == BATCH  # never below what amortises a task


def test_batches_shrink_towards_the_end_of_a_run(tmp_path, monkeypatch):
    """Guided self-scheduling: the runner sends at most 1/(TASKS_PER_WORKER x jobs) of the files left,
    so the last batches are small and no worker waits long for the slowest."""
    from newslint import runner
    from newslint.cli import main

    for i in range(100):
        (tmp_path / f"story{i:03}.txt").write_text(f"Story {i} has the the word.\n", encoding="utf-8")
    sizes = []
    real = runner._Local.submit
    monkeypatch.setattr(runner._Local, "submit", lambda self, fn, *args: sizes.append(len(args[0])) or real(self, fn, *args))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as end:
        main(["check", ".", "--no-nlp", "--no-cache", "--jobs", "2", "-q"])
    assert end.value.code == 1
    assert sum(sizes) == 100 and sizes[0] == runner.batch_size(100, 2) == 12
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True) and sizes[-2] == runner.BATCH  # the last: what is left
    assert [runner.batch_size(n, 2) for n in (676, 256, 200, 100, 64, 10)] == [32, 32, 25, 12, 8, 8]


def _die():
    os._exit(9)


def test_a_batch_submitted_after_a_worker_died_goes_to_a_fresh_pool():
    """The race behind a CI failure: a worker dies, and the next batch is submitted before any
    result has shown the death. A broken pool refuses new work; the batch must not fail the run."""
    from concurrent.futures.process import BrokenProcessPool

    from newslint.runner import _Local

    local = _Local(1)
    try:
        with pytest.raises(BrokenProcessPool):
            local.submit(_die).result(timeout=60)
        assert local.submit(pow, 2, 5).result(timeout=60) == 32
    finally:
        local.close()
