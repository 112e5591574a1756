"""The packs that ship with newslint, built once per version of their files, not once per run (#17).

Building the Newsroom pack (reading its YAML, checking every key, reading the variant tables
and word lists, compiling patterns) is about 40 ms, a quarter of a one-file check. What it
builds is a list of Check objects, which pickle, so the list is kept in the user's cache folder,
beside the pattern store (compiled.py), under a key of everything it was built from: the names,
sizes and modification times of newslint's own files and of the pack folder's, the Python
version, and the pack's name. Only the shipped packs are kept: their rules read nothing outside
those folders, while a user's pack may name a word list anywhere (`~/words.txt`), whose change
the key would not see; those are built each run, as before.

A pickle runs code as it loads, so it is read under the pattern store's rules: the file and its
folder must be the user's own and writable by no one else, and the payload must match its
digest. It may name only classes of newslint, `regex` and the standard library (a pack whose
checks hold anything else is not kept), so the key need only add `regex`'s version, whose
compiled code a pattern pickles. A process that finds newslint's files changed since it first
looked (an upgrade under a running language server) neither reads nor writes the store: its
classes are the old ones. One file per pack and folder, overwritten when the key changes, so
the folder does not grow with each upgrade. NEWSLINT_PATTERN_CACHE=0 turns this off with the
pattern store.
"""

from __future__ import annotations

import copy
import hashlib
import io
import marshal
import pickle
import sys
from pathlib import Path

import regex

from newslint import compiled

_MAGIC = "newslint-rules-1"
_PACKAGE = Path(__file__).resolve().parent
# What this process built or read, by key: a process that loads the pack again (the daemon, once
# per request) copies it from here, as loading._BUILT does for a rule.
_MEMO: dict[bytes, list] = {}


_stamp = compiled.files_stamp


_FIRST_CODE: list = []  # the stamp of newslint's files when this process first looked
# Where a kept check's classes may come from: newslint, `regex` (its version is in the key) and the
# standard library (Python's version is).
_MODULES = frozenset({"newslint", "regex", "re", "pathlib", "builtins", "copyreg", "collections", "functools",
                      "_codecs", "enum"})


def _key(folder: Path, pack: str, pack_stamp: tuple) -> bytes | None:
    """The pack's key, or None when newslint's files changed since this process first looked."""
    code = _stamp(_PACKAGE)
    if not _FIRST_CODE:
        _FIRST_CODE.append(code)
    elif code != _FIRST_CODE[0]:
        return None
    parts = (sys.version, regex.__version__, pack, str(folder), pack_stamp, code)
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogateescape"), digest_size=16).digest()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module.split(".", 1)[0] not in _MODULES:
            raise pickle.UnpicklingError(f"{module}.{name}: not a class the rule store keeps")
        return super().find_class(module, name)


def _loads(payload: bytes):
    return _Unpickler(io.BytesIO(payload)).load()


def _file(folder: Path, pack: str) -> Path | None:
    base = compiled.folder()
    if base is None:
        return None
    where = hashlib.blake2b(f"{sys.version_info[:2]}\0{folder}".encode("utf-8", "surrogateescape"),
                            digest_size=8).hexdigest()
    return base / f"rules-{pack}-{where}.pickle"


def load(folder: Path, pack: str, pack_stamp: tuple) -> tuple[bytes | None, list | None]:
    """(the key, the pack's checks as an earlier run built them, or None); no key: keep nothing."""
    key = _key(folder, pack, pack_stamp)
    if key is None:
        return None, None
    if key in _MEMO:
        return key, _MEMO[key]
    target = _file(folder, pack) if compiled.enabled() else None
    if target is None:
        return key, None
    try:
        if not (compiled.private(target.parent) and compiled.private(target)):
            return key, None
        magic, stored_key, stored_digest, payload = marshal.loads(target.read_bytes())
        if magic != _MAGIC or stored_key != key or stored_digest != compiled.digest(payload):
            return key, None
        checks = _loads(payload)
    except Exception:  # missing, torn, another build's classes: build the pack as before
        return key, None
    if not isinstance(checks, list):
        return key, None
    _MEMO[key] = checks
    return key, checks


def save(folder: Path, pack: str, key: bytes, checks: list) -> None:
    """Keep a freshly built pack for the next run (a read-only home, a full disk: it builds again)."""
    _MEMO[key] = copies(checks)
    target = _file(folder, pack) if compiled.enabled() else None
    if target is None:
        return
    try:
        payload = pickle.dumps(checks, protocol=pickle.HIGHEST_PROTOCOL)
        _loads(payload)  # what the next run could not read back is not written
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if compiled.private(target.parent):
            compiled.write_private(target, marshal.dumps((_MAGIC, key, compiled.digest(payload), payload)))
    except Exception:  # a check that does not pickle (a lambda in its state), an unwritable folder
        pass


def copies(checks: list) -> list:
    """Each check as its own copy: a config may set a copy's `rule` (a level), as load_rule allows."""
    return [copy.copy(c) for c in checks]
