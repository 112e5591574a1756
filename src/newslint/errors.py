"""Errors that end a run with exit code 2 and one line naming the file (and line)."""

from __future__ import annotations


class NewslintError(Exception):
    """A user-facing error: bad input, bad rule, bad config. Never a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + " ".join(self.message.split())


class RuleError(NewslintError):
    """A rule file that cannot be loaded (broken YAML, unknown key, bad regex...)."""


class ConfigError(NewslintError):
    """A configuration file that cannot be used."""


class InputError(NewslintError):
    """An article that cannot be read: missing, binary, not UTF-8."""


class PatternTimeout(NewslintError):
    """A rule's regular expression ran past its time budget on a document."""


class BackendUnavailable(NewslintError):
    """An optional backend (a LanguageTool server) failed: its checks are skipped with a
    warning, the rest of the run goes on; `--require BACKEND` makes it an error."""

    def __init__(self, backend: str, message: str):
        super().__init__(message)
        self.backend = backend
