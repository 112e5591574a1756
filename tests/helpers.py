"""Running the real command line in a subprocess, as users and CI do."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


def newslint(*args, cwd=None, stdin: bytes | None = None, timeout=120, env=None) -> Run:
    proc = subprocess.run([sys.executable, "-m", "newslint", *map(str, args)], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})})
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def house_pack(root: Path, rules: dict[str, str] | None = None) -> Path:
    """A config using one pack `House` with a rule flagging 'utilize' (warning) and 'very' (suggestion)."""
    rules = rules or {
        "Utilize.yml": """
            extends: existence
            message: "Use 'use' instead of '%s'."
            level: warning
            tokens: [utilize]
            ignorecase: true
            """,
        "Very.yml": """
            extends: existence
            message: "Avoid '%s'."
            level: suggestion
            tokens: [very]
            """,
    }
    for name, text in rules.items():
        write(root / "House" / name, text)
    return write(root / ".newslint.yaml", "packs: [./House]\n")
