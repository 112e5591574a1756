"""`--executor dask` on a cluster, as docs/cluster.md runs it: a LocalCluster stands in for the
Kubernetes or Slurm one (the same scheduler protocol); findings are identical to `--jobs 1`."""

import shutil

import pytest

from conftest import SHARED
from helpers import newslint

distributed = pytest.importorskip("distributed")

CORPUS = SHARED / "corpus" / "articles"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not here")
    root = tmp_path_factory.mktemp("dask")
    for p in sorted(CORPUS.iterdir())[:16]:
        shutil.copy(p, root / p.name)
    return root


def findings(run):
    assert run.code in (0, 1), run.err
    return run.json["findings"]


def test_a_running_cluster_gives_the_findings_of_one_process(archive):
    one = newslint("check", ".", "-f", "json", "--jobs", "1", "--no-cache", "--no-nlp", cwd=archive)
    # The example of docs/cluster.md: a cluster started elsewhere, reached by its scheduler's address.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                  dashboard_address=None) as cluster:
        on_cluster = newslint("check", ".", "-f", "json", "--no-cache", "--no-nlp", "--executor", "dask",
                              "--scheduler", cluster.scheduler_address, cwd=archive, timeout=300)
    assert findings(one)  # the comparison is about something
    assert findings(on_cluster) == findings(one)


def test_newslints_own_local_cluster_gives_the_findings_of_one_process(archive):
    """All rules, NLP included: the forked workers inherit the loaded rules and load spaCy themselves."""
    one = newslint("check", ".", "-f", "json", "--jobs", "1", "--no-cache", cwd=archive, timeout=300)
    dask = newslint("check", ".", "-f", "json", "--jobs", "2", "--no-cache", "--executor", "dask",
                    cwd=archive, timeout=300)
    assert findings(dask) == findings(one)
    assert dask.json["summary"] == one.json["summary"]
