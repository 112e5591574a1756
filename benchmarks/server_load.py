"""`newslint serve` under load: requests per second and latency for 1, 8 and 32 clients.

    python benchmarks/server_load.py [--seconds 20] [--clients 1,8,32] [--workers N] [--words 1500] [--article FILE]

Starts `newslint serve` on a free port (default config: every built-in rule, spaCy
included; --workers as the server's default, one per CPU), then for each number of
clients runs that many threads, each posting the article to /api/check one request
after another for `--seconds`, and prints a table:

    clients  requests  req/s   p50 ms  p99 ms  errors

then the throughput of 8 clients over that of 1, against #15's goal: at least 1.6x
on two cores (checks run side by side, one per worker process). Each client waits
for its answer before it sends again, as an editor's page does. The load average
is printed before and after: on a shared machine, other work takes cores from it.
So (on Linux) are the CPU seconds the server and its workers spent per request and
the cores they had meanwhile: when the CPU cost of a request stays put while the
cores used stay under the workers' count, the machine, not the server, set the pace.
Not a test: run it when changing the server, and quote the table (#15 and #18 asked for it).
The article is the damaged sample in seeds/, its paragraphs repeated to `--words`
(1,500: a long news story), unless --article names one.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "gaza-ceasefire-talks.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


GOAL = 1.6  # #15: eight clients get at least 1.6x the throughput of one, on two cores


def article(words: int) -> str:
    """The seed's title, then its paragraphs over and over until the body has `words` words."""
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    out, count = [], 0
    while count < words:
        p = paragraphs[len(out) % len(paragraphs)]
        out.append(p)
        count += len(p.split())
    return title + "\n\n" + "\n\n".join(out) + "\n"


def start(port: int, workers: int | None) -> subprocess.Popen:
    extra = ["--workers", str(workers)] if workers is not None else []
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port), *extra],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180  # the workers load the rules and spaCy first
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"newslint serve exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    sys.exit("newslint serve did not start within 180 s")


def client(port: int, body: bytes, until: float, latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)  # kept alive, as a browser does
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            conn.request("POST", "/api/check", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            ok = False
        elapsed = time.perf_counter() - start
        if ok:
            latencies.append(elapsed)
        else:
            errors.append(1)
    conn.close()


def level(port: int, body: bytes, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[int] = []
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, body, until, latencies, errors)) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {"clients": clients, "requests": len(ordered), "rps": len(ordered) / wall, "p50": pct(0.50),
            "p99": pct(0.99), "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
            "errors": len(errors)}


def cpu_seconds(pid: int) -> float | None:
    """CPU time of a process and its children (the workers), from /proc; None elsewhere."""
    try:
        pids, todo = [], [pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split()]
        total = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="load per level (default 20)")
    parser.add_argument("--clients", default="1,8,32", help="comma-separated client counts (default 1,8,32)")
    parser.add_argument("--workers", type=int, default=None, help="newslint serve --workers (default: its own, one per CPU)")
    parser.add_argument("--words", type=int, default=1500, help="the article's length in words (default 1500)")
    parser.add_argument("--article", type=Path, default=None, help="check this article instead")
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8") if args.article else article(args.words)
    body = json.dumps({"text": text}).encode("utf-8")
    port = free_port()
    server = start(port, args.workers)
    try:
        level(port, body, 1, min(2.0, args.seconds))  # warm-up: not reported
        workers = args.workers if args.workers is not None else os.cpu_count()
        print(f"newslint serve --workers {workers} on {os.cpu_count()} CPUs, a {len(text.split()):,}-word article "
              f"({len(body):,} bytes), {args.seconds:g} s per level; load average before: {load()}")
        print(f"{'clients':>7}  {'requests':>8}  {'req/s':>7}  {'p50 ms':>8}  {'p99 ms':>8}  {'errors':>6}"
              f"  {'CPU ms/req':>10}  {'cores used':>10}")
        rps = {}
        for n in (int(c) for c in args.clients.split(",")):
            cpu_before, began = cpu_seconds(server.pid), time.perf_counter()
            r = level(port, body, n, args.seconds)
            cpu_after, wall = cpu_seconds(server.pid), time.perf_counter() - began
            rps[n] = r["rps"]
            cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else float("nan")
            print(f"{r['clients']:>7}  {r['requests']:>8}  {r['rps']:>7.1f}  {r['p50']:>8.0f}  {r['p99']:>8.0f}  {r['errors']:>6}"
                  f"  {cpu * 1000 / max(1, r['requests']):>10.0f}  {cpu / wall:>10.2f}", flush=True)
        if rps.get(1) and 8 in rps:
            ratio = rps[8] / rps[1]
            print(f"8 clients / 1 client throughput: {ratio:.2f}x (goal: at least {GOAL}x on two cores: "
                  f"{'met' if ratio >= GOAL else 'NOT met'})")
        print(f"load average after: {load()}")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
