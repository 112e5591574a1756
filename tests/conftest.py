import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The suite's own cache folder (newslint keeps compiled patterns in the user's, compiled.py): the
# tests neither read a developer's store nor leave one behind; every command they run shares it.
_CACHE = tempfile.mkdtemp(prefix="newslint-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
