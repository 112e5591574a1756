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
import pickle
import sys
from pathlib import Path

import regex

from newslint import compiled

_MAGIC = "newslint-rules-1"
# What this process built or read, by key: a process that loads the pack again (the daemon, once
# per request) copies it from here, as loading._BUILT does for a rule.
_MEMO: dict[bytes, list] = {}

# Where a kept check's classes may come from: newslint, `regex` (its version is in the key) and the
# standard library (Python's version is).
_MODULES = frozenset({"newslint", "regex", "re", "pathlib", "builtins", "copyreg", "collections", "functools",
                      "_codecs", "enum"})


def _key(folder: Path, pack: str, pack_stamp: tuple) -> bytes | None:
    """The pack's key, or None when newslint's files changed since this process first looked."""
    code = compiled.current_code()
    if code is None:
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
    payload = compiled.read_kept(target, _MAGIC, key)
    if payload is None:
        return key, None
    try:
        checks = _loads(payload)
    except Exception:  # another build's classes, a class not kept: build the pack as before
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
    except Exception:  # a check that does not pickle (a lambda in its state), or not read back
        return
    compiled.write_kept(target, _MAGIC, key, payload)


def copies(checks: list) -> list:
    """Each check as its own copy: a config may set a copy's `rule` (a level), as load_rule allows."""
    return [copy.copy(c) for c in checks]
