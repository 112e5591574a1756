"""Issue #18's hostile inputs, timed: one `newslint check --jobs 1 --no-cache` each, wall seconds and peak RSS.

    python benchmarks/hostile_timings.py [--src DIR] [--limit 120] [--only NAME ...] [--scale 1.0]

`--src` runs another checkout's sources (e.g. `git archive HEAD | tar -x -C /tmp/before`, then
`--src /tmp/before/src`) so a before/after table comes from the same script on the same machine.
A case that runs past `--limit` seconds is killed and shown as `>LIMIT`. The per-file budget is off
(`--timeout-per-file 0`): the table shows what the work costs, not where the budget stops it.
`--scale` shrinks every input (0.1: a quick look). The machine may be shared: `uptime` is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Peak RSS from /proc (VmHWM): ru_maxrss of children would mix in other runs.
WRAPPER = """
import sys
from newslint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
status = open("/proc/self/status").read()
print("VmHWM", next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:")), file=sys.stderr)
"""


def _nested_lists(levels: int) -> str:
    return "".join("  " * i + "- item\n" for i in range(levels))


def _random_words(n: int) -> str:
    import random

    rng = random.Random(1)
    return " ".join(rng.choice("abc") for _ in range(n)) + ".\n"


def _article(size: int) -> str:
    paragraph = ("The minister said on Tuesday that the talks in Cairo would resume next week, "
                 "after two days of meetings with officials from both sides. ") * 4 + "\n\n"
    return "# A very long article\n\n" + paragraph * (size // len(paragraph) + 1)


# name, file suffix, text(scale), newslint flags
CASES = [
    ("( x 8 KB, NLP (--parse-all)", ".txt", lambda k: "A story.\n\n" + "(" * int(8_000 * k), ["--parse-all"]),
    ("( x 20 KB, NLP (--parse-all)", ".txt", lambda k: "A story.\n\n" + "(" * int(20_000 * k), ["--parse-all"]),
    ("[ x 200 KB, Markdown", ".md", lambda k: "[" * int(200_000 * k), []),
    (". x 100 KB", ".txt", lambda k: "A story.\n\n" + "." * int(100_000 * k), []),
    ("spaces x 100 KB, Markdown", ".md", lambda k: "# Title\n\n" + " " * int(100_000 * k) + "x\n", []),
    ('"the the" 200 KB line, no NLP', ".txt", lambda k: "A story.\n\n" + "the " * int(50_000 * k), ["--no-nlp"]),
    ("3,000 nested lists, Markdown", ".md", lambda k: _nested_lists(int(3_000 * k)), []),
    # Tens of thousands of findings on one line, in the text report (an excerpt per finding).
    ("a/b/c words, 100k on a line, text report", ".txt", lambda k: "A story.\n\n" + _random_words(int(100_000 * k)),
     ["--no-nlp", "--format", "text"]),
    ("50 MB article, Markdown, no NLP", ".md", lambda k: _article(int(50_000_000 * k)), ["--no-nlp"]),
]


def run_case(src: Path, path: Path, flags: list[str], limit: float) -> tuple[str, str, str]:
    env = dict(os.environ, PYTHONPATH=str(src), NO_COLOR="1")
    # Sources from before the budget existed know no --timeout-per-file (and have no budget to turn off).
    budget = ["--timeout-per-file", "0"] if "timeout-per-file" in (src / "newslint" / "cli.py").read_text() else []
    cmd = [sys.executable, "-c", WRAPPER, "check", "--jobs", "1", "--no-cache", *budget,
           "--format", "json", "-q", *flags, str(path)]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=limit, cwd=path.parent)
    except subprocess.TimeoutExpired:
        return f">{limit:.0f}", "-", "killed"
    seconds = time.perf_counter() - start
    rss = next((line.split()[1] for line in reversed(done.stderr.splitlines()) if line.startswith("VmHWM ")), "")
    mb = f"{int(rss) / 1024:.0f}" if rss else "-"
    outcome = f"exit {done.returncode}"
    try:
        report = json.loads(done.stdout)
        outcome += f", {len(report['findings'])} findings"
        if report["errors"]:
            outcome += f", error: {report['errors'][0].get('message', '')[:60]}"
    except (ValueError, KeyError):
        asked_text = "--format" in flags and flags[flags.index("--format") + 1 :][:1] == ["text"]
        outcome += (", text report" if asked_text else ", no JSON report") + (" (traceback)" if "Traceback" in done.stderr else "")
    return f"{seconds:.1f}", mb, outcome


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the sources to run (default: this checkout's)")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds before a case is killed")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every input's size")
    ap.add_argument("--only", nargs="*", default=[], help="run the cases whose name contains one of these")
    args = ap.parse_args(argv)
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"sources: {args.src}\n")
    print(f"| {'input':34} | {'seconds':>8} | {'peak MB':>7} | outcome")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 9}|---------")
    with tempfile.TemporaryDirectory() as tmp:
        for name, suffix, make, flags in CASES:
            if args.only and not any(o in name for o in args.only):
                continue
            path = Path(tmp) / f"hostile{suffix}"
            path.write_text(make(args.scale), encoding="utf-8")
            seconds, mb, outcome = run_case(args.src.resolve(), path, flags, args.limit)
            print(f"| {name:34} | {seconds:>8} | {mb:>7} | {outcome}", flush=True)
    print("\nuptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
