"""The command line with a fast road to the daemon: `check ... --daemon` is handed to the project's
daemon before the command line's own modules load (typer, the engine, the rules: about 0.3 s of
imports, several times what the daemon takes to answer a one-file check). Anything else, or no
daemon to answer, goes to `newslint.cli.main` as usual.

    python -m newslint.daemon.launch check story.md --daemon
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"] and "--daemon" in argv:
        from newslint.daemon.client import forward

        reads_stdin = "-" in argv[1:] and not sys.stdin.isatty()
        data = sys.stdin.buffer.read() if reads_stdin else None
        answer = forward([a for a in argv if a != "--daemon"], data)
        if answer is not None:
            sys.stdout.write(answer.get("out", ""))
            sys.stderr.write(answer.get("err", ""))
            sys.stdout.flush()
            sys.exit(answer["code"])
        if data is not None:  # the check here reads stdin again
            import io

            sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    from newslint.cli import main as full

    full(argv)


if __name__ == "__main__":
    main()
