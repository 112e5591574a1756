"""newslint's speed, as ratios against reference tools measured in the same run (issue #17's goals).

    python benchmarks/bench.py [--copies 4] [--corpus ../shared/corpus/articles] [--workers 16]

Each line: the figure, its goal, ok or MISS, and what was measured.
  1. words/s of `newslint check` (all default rules, --jobs 1) / bare spaCy `nlp.pipe`, full pipeline
  2. words/s of `newslint check --no-nlp --jobs 1` / proselint, one process each   (pip install proselint)
  3. --jobs 2 / --jobs 1 (speed-up over N copies of the corpus)
  4. one small file as a hook runs it / `python + spacy.load`; the same with a running `newslint daemon`
  5. one file, no NLP rule / `python -c pass` (in-process, and through the daemon)
  6. efficiency at --workers (16) workers, local pool and Dask: simulated from measured parts (below)
  7. findings identical in every mode (--jobs 1, --jobs 2, --executor dask, --daemon, cached re-run)
  8. cold run / warm cached re-run;  9. peak RSS over N copies / 1 copy
The machine is shared: the load average is printed first and last; ratios are best-of-n wall times.

The simulation (6) runs `newslint check` once in-process with --jobs 1 and times each batch of files
the way a worker checks it, the spaCy model's load, and everything else (start-up, planning,
reading, reporting: the serial part). Then it schedules the batches greedily on W workers, each
paying the model load once, adds the serial part and, for Dask, the cluster's start and each
task's round trip (both measured here, on a LocalCluster of forked workers), and divides:
efficiency = T(1) / (W x T(W)). It assumes W free cores; memory bandwidth is not modelled.
The corpus: news articles from Wikinews (https://en.wikinews.org), CC BY 2.5.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
PY = sys.executable

RSS_WRAPPER = """
import sys
from newslint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report this
# benchmark's own size at the fork.
status = open("/proc/self/status").read()
print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:")), file=sys.stderr)
"""

# Run in a process of its own: one --jobs 1 check, timing each batch as a worker runs it. CPU time
# of this one-threaded process, not wall time: on a shared machine it is what the work costs a core.
SIMULATION_PROBE = r"""
import json, sys, time
clock = time.process_time
from newslint import nlp, runner
from newslint.config import ConfigCache

folder, out = sys.argv[1], sys.argv[2]
config = ConfigCache().for_file(None)
wanted = [c for c in config.checks if c.needs_nlp]
load = 0.0
if wanted and not nlp.missing():
    for c in wanted:
        nlp.need(c.nlp_components)
    t = clock()
    nlp.load()
    load = clock() - t
batches, first = [], []
work = runner._work_batch

def timed(items, options):
    t = clock()
    first.append(t)
    result = work(items, options)
    batches.append([len(items), clock() - t])
    return result

runner._work_batch = timed
from newslint.cli import main
try:
    main(["check", folder, "--jobs", "1", "--no-cache", "-f", "json", "-o", out])
except SystemExit:
    pass
end = clock()
print(json.dumps({"total": end, "load": load, "batches": batches, "prefix": first[0] - load,
                  "suffix": end - first[-1] - batches[-1][1]}))
"""

DASK_PROBE = r"""
import json, time
if __name__ == "__main__":
    from newslint.runner import _Dask
    t = time.perf_counter(); one = _Dask(None, 1); c1 = time.perf_counter() - t  # with Dask's imports
    futures = [one.submit(abs, -i) for i in range(200)]
    t = time.perf_counter(); one.client.gather(futures); per_task = (time.perf_counter() - t) / 200
    one.close()
    # Each further worker's serial share: the CPU this process spends starting it (its nanny, its handshake),
    # with the imports done. The worker's own start runs in its process, beside the others' on free cores (on
    # this machine's few cores they would compete, so wall time here would overstate it). Best of 3.
    warm = {}
    for n in (1, 2) * 3:
        t = time.process_time(); c = _Dask(None, n); warm[n] = min(warm.get(n, 1e9), time.process_time() - t)
        c.close()
    print(json.dumps({"start_1": c1, "per_worker": max(warm[2] - warm[1], 0.0), "per_task": per_task}))
"""


def snapshot(dest: Path) -> None:
    """Measure one version of the code: the checkout's package (and its rules, where a wheel has them)
    copied here and put first on every process's path, this one's included. Other people's edits
    during the run then change nothing measured (and a daemon is not stopped as stale)."""
    shutil.copytree(ROOT / "src" / "newslint", dest / "newslint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", dest / "newslint" / "rules")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(dest), os.environ.get("PYTHONPATH")]))
    sys.path.insert(0, str(dest))
    # An installed package has its bytecode (pip compiles it); where the environment says not to
    # write any (this sandbox sets PYTHONDONTWRITEBYTECODE), every run would compile newslint's
    # sources again, about 0.1 s of a one-file check that no user pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*") if p.is_file())


def timed(cmd: list[str], repeat: int = 1, out: Path | None = None, **kw) -> float:
    """Best wall time of `repeat` runs (best, not mean: the floor is what the code costs); the last
    run's stdout goes to `out` when given."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        with open(out or os.devnull, "wb") as sink:
            subprocess.run(cmd, stdout=sink, stderr=subprocess.DEVNULL, **kw)
        best = min(best, time.perf_counter() - t)
    return best


def newslint(*args: str) -> list[str]:
    return [PY, "-m", "newslint", *args]


def check(*args: str) -> list[str]:
    return newslint("check", *args)


def copies(src: Path, n: int, dest: Path) -> Path:
    for i in range(n):
        shutil.copytree(src, dest / f"copy{i:03}")
    return dest


def line(n: str, label: str, ratio: float, goal: str, ok: bool, detail: str) -> None:
    print(f"{n:>3} {label:<48} {ratio:8.2f}   goal {goal:<8} {'ok  ' if ok else 'MISS'}  {detail}", flush=True)


def note(text: str) -> None:
    print(f"    {text}", flush=True)


def spacy_words_per_second(folder: Path) -> tuple[float, float, str]:
    """Bare `nlp.pipe` over the whole files: the full pipeline, and the components the rules load."""
    from newslint import nlp
    from newslint.config import default_config

    name = next(m for m in nlp.model_names() if importlib.util.find_spec(m))
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()]
    n = sum(len(t.split()) for t in texts)

    def rate(pipeline) -> float:
        t = time.perf_counter()
        for _ in pipeline.pipe(texts):
            pass
        return n / (time.perf_counter() - t)

    full = importlib.import_module(name).load()
    full_rate = rate(full)
    for c in default_config().checks:
        if c.needs_nlp:
            nlp.need(c.nlp_components)
    partial = nlp.load()
    return full_rate, rate(partial), f"{name}: {'+'.join(full.pipe_names)}; rules load {'+'.join(partial.pipe_names)}"


def findings(path: Path) -> list | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError):
        return None


def simulate(folder: Path, workers: int, work: Path, dask: dict | None) -> None:
    """Figure 6: Amdahl's law with the measured parts (see the module's docstring).

    The run is cut in four: the prefix (start-up, imports, rules, up to the first batch: serial), the
    model load (each worker pays it once, in parallel), the batches (parallel), the main process's
    work between batches (reading, cache keys, results: overlaps the workers) and the suffix (the
    report: serial). With W workers: T(W) = max(prefix + start + load + batches over W, prefix +
    between) + suffix, where `start` is Dask's cluster start (0 for the local pool).
    """
    from newslint.runner import BATCH, batch_size

    proc = subprocess.run([PY, "-c", SIMULATION_PROBE, str(folder), str(work / "sim.json")],
                          capture_output=True, text=True, cwd=work)
    try:
        probe = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        note(f"6. the simulation's probe failed: {proc.stderr.strip()[-300:]}")
        return
    per_file = [t / n for n, t in probe["batches"] for _ in range(n)]
    checking = sum(t for _, t in probe["batches"])
    prefix, suffix, load = probe["prefix"], probe["suffix"], probe["load"]
    between = probe["total"] - prefix - load - checking - suffix

    def efficiency(k: int, start: float = 0.0, per_task: float = 0.0) -> tuple[float, float, int]:
        """(efficiency, T(W), batch size) for k copies of the measured work."""
        files = per_file * k
        first = batch_size(len(files), workers)
        finish = [prefix + start + load] * workers
        i = 0
        while i < len(files):  # in order, to whichever worker is free first, in the runner's batches
            size = batch_size(len(files) - i, workers)
            w = finish.index(min(finish))
            finish[w] += sum(files[i:i + size]) + per_task
            i += size
        t_w = max(max(finish), prefix + k * between) + k * suffix
        t_1 = prefix + load + k * (checking + between + suffix)
        return t_1 / (workers * t_w), t_w, first

    def reaches(goal: float, **kw) -> str:
        k = next((k for k in range(1, 201) if efficiency(k, **kw)[0] >= goal), None)
        return f"reaches {goal} from {k}x this work" if k else f"below {goal} up to 200x this work"

    note(f"measured (CPU s): prefix {prefix:.2f}, model load {load:.2f}, batches {checking:.2f} "
         f"({len(per_file)} files), between {between:.2f}, report {suffix:.2f}")
    e, t_w, size = efficiency(1)
    line("6a", f"--jobs {workers} efficiency (simulated)", e, ">= 0.80", e >= 0.8,
         f"T1 {probe['total']:.1f} s, T{workers} {t_w:.2f} s, batches of {size} down to {BATCH}; {reaches(0.8)}")
    if dask:
        # The first worker's start with Dask's imports, then each further one's serial share in this process
        # (LocalCluster starts the workers together; each one's own start runs on its own core).
        start = dask["start_1"] + (workers - 1) * dask["per_worker"]
        e, t_w, _ = efficiency(1, start, dask["per_task"])
        line("6b", f"Dask, {workers} workers, efficiency (simulated)", e, ">= 0.80", e >= 0.8,
             f"T{workers} {t_w:.2f} s: cluster start {start:.2f} s (first worker {dask['start_1']:.2f} s with "
             f"imports, {dask['per_worker'] * 1000:.0f} ms of this process's CPU each further one), {dask['per_task'] * 1000:.1f} ms a task; "
             f"{reaches(0.8, start=start, per_task=dask['per_task'])}")
    else:
        note("Dask efficiency: not measured (pip install 'newslint[dask]')")


def dask_parts(work: Path) -> dict | None:
    if importlib.util.find_spec("distributed") is None:
        return None
    proc = subprocess.run([PY, "-c", DASK_PROBE], capture_output=True, text=True, cwd=work)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--workers", type=int, default=16, help="workers the efficiency is simulated for")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    n_words = words(corpus)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; corpus {corpus} ({n_words:,} words); "
          f"copies {args.copies}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / ".git").mkdir()  # a project of its own: its cache and daemon socket live here
        snapshot(work / "code")
        big = copies(corpus, args.copies, work / "big")
        one = copies(corpus, 1, work / "one") / "copy000"
        big_words = n_words * args.copies
        outputs: dict[str, Path] = {}

        def run(name: str, *cmd_args: str, repeat: int = 1) -> float:
            outputs[name] = work / f"{name}.json"
            return timed(check(*cmd_args, "-f", "json"), repeat=repeat, out=outputs[name], cwd=work)

        # 1. all default rules vs bare spaCy, full pipeline
        full_wps, partial_wps, model = spacy_words_per_second(corpus)
        t = run("jobs1-one", "one", "--no-cache", "--jobs", "1", repeat=2)
        wps = n_words / t
        line("1", "newslint (all rules) / bare spaCy nlp.pipe (full)", wps / full_wps, ">= 1.5", wps / full_wps >= 1.5,
             f"{wps:,.0f} vs {full_wps:,.0f} words/s; vs the rules' components ({partial_wps:,.0f}): "
             f"{wps / partial_wps:.2f}; {model}")

        # 2. no-NLP rules vs proselint, one process each, over the N copies (start-up amortised for both)
        t = timed(check("big", "--no-cache", "--no-nlp", "--jobs", "1"), repeat=2, cwd=work)
        no_nlp_wps = big_words / t
        if importlib.util.find_spec("proselint"):
            tp = timed([PY, "-m", "proselint", "check", "big"], cwd=work)
            pro_wps = big_words / tp
            line("2", "newslint --no-nlp --jobs 1 / proselint", no_nlp_wps / pro_wps, ">= 10",
                 no_nlp_wps / pro_wps >= 10, f"{no_nlp_wps:,.0f} vs {pro_wps:,.0f} words/s")
        else:
            note(f"2. newslint --no-nlp: {no_nlp_wps:,.0f} words/s (proselint not installed: pip install proselint)")

        # 3. jobs 2 vs jobs 1, all rules, N copies
        t1 = run("jobs1", "big", "--no-cache", "--jobs", "1")
        t2 = run("jobs2", "big", "--no-cache", "--jobs", "2")
        line("3", "--jobs 2 / --jobs 1 (speed-up)", t1 / t2, ">= 1.8", t1 / t2 >= 1.8,
             f"{t1:.1f} s vs {t2:.1f} s over {big_words:,} words")
        from newslint.runner import default_jobs

        note(f"the --jobs default here, now: {default_jobs()} (the idle CPUs, by the load average "
             f"{os.getloadavg()[0]:.2f})")

        # 4, 5. one small file in a hook: in-process, and through a running daemon
        small = sorted(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)[0]
        from newslint.nlp import model_names

        name = next(m for m in model_names() if importlib.util.find_spec(m))
        load = timed([PY, "-c", f"import importlib; importlib.import_module({name!r}).load()"], repeat=3)
        hook = timed(check(str(small), "--no-cache"), repeat=3, cwd=work)
        line("4", "one file (hook) / python + spacy.load", hook / load, "<= 1.1", hook / load <= 1.1,
             f"{hook:.2f} s vs {load:.2f} s")
        bare = timed([PY, "-c", "pass"], repeat=5)
        no_nlp = timed(check(str(small), "--no-cache", "--no-nlp"), repeat=3, cwd=work)
        line("5", "one file, no NLP rule / python -c pass", no_nlp / bare, "<= 15", no_nlp / bare <= 15,
             f"{no_nlp:.2f} s vs {bare:.3f} s")
        daemon = subprocess.run(newslint("daemon", "start", "--idle-timeout", "600"), cwd=work,
                                capture_output=True, text=True, timeout=300)
        try:
            if daemon.returncode == 0:
                launch = [PY, "-m", "newslint.daemon.launch", "check"]
                hook_d = timed([*launch, str(small), "--no-cache", "--daemon"], repeat=3, cwd=work)
                no_nlp_d = timed([*launch, str(small), "--no-cache", "--no-nlp", "--daemon"], repeat=3, cwd=work)
                served = subprocess.run(newslint("daemon", "status"), cwd=work, capture_output=True, text=True).stdout
                line("4d", "  the same, through the daemon (launcher)", hook_d / load, "<= 1.1",
                     hook_d / load <= 1.1, f"{hook_d:.2f} s; {served.strip()}")
                line("5d", "  the same, through the daemon (launcher)", no_nlp_d / bare, "<= 15",
                     no_nlp_d / bare <= 15, f"{no_nlp_d:.2f} s")
                run("daemon-one", "one", "--no-cache", "--jobs", "1", "--daemon")
            else:
                note(f"the daemon did not start: {daemon.stderr.strip()[:200]}")
        finally:
            subprocess.run(newslint("daemon", "stop"), cwd=work, capture_output=True, timeout=60)

        # 6. efficiency at many workers, simulated from measured parts
        dask = dask_parts(work)
        simulate(big, args.workers, work, dask)

        # 7. identical findings in every mode
        if dask is not None:
            run("dask-one", "one", "--no-cache", "--jobs", "2", "--executor", "dask")
        cache = work / "cache"
        cold = run("cold", "big", "--jobs", "1", "--cache-dir", str(cache))
        warm = run("warm", "big", "--jobs", "1", "--cache-dir", str(cache))
        pairs = [("jobs2", "jobs1"), ("cold", "jobs1"), ("warm", "jobs1"), ("dask-one", "jobs1-one"),
                 ("daemon-one", "jobs1-one")]
        same = [(a, b) for a, b in pairs if a in outputs and findings(outputs[a]) is not None
                and findings(outputs[a]) == findings(outputs[b])]
        differ = [f"{a} != {b}" for a, b in pairs if a in outputs and (a, b) not in same]
        n = len(findings(outputs["jobs1"]) or [])
        line("7", "findings identical in every mode", float(len(same)), f"{len(same) + len(differ)} of "
             f"{len(same) + len(differ)}", not differ, ", ".join(differ) or
             f"{n:,} findings; " + ", ".join(a for a, _ in same))

        # 8, 9. cache and memory (the goals of earlier issues)
        line("8", "cold run / warm cached re-run", cold / warm, ">= 20", cold / warm >= 20, f"{cold:.1f} s vs {warm:.2f} s")
        rss1, rssn = _rss("one", work), _rss("big", work)
        line("9", f"peak RSS {args.copies}x / 1x corpus", rssn / rss1, "<= 1.10", rssn / rss1 <= 1.10,
             f"{rssn / 1024:.0f} MB vs {rss1 / 1024:.0f} MB")
    print(f"load average {os.getloadavg()[0]:.2f} at the end", flush=True)


def _rss(folder: str, cwd: Path) -> int:
    proc = subprocess.run([PY, "-c", RSS_WRAPPER, "check", folder, "--no-cache", "--jobs", "1", "-f", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd)
    return int(proc.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
