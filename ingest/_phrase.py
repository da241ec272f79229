"""The noun phrase a mention is read from, as the stages of `SentenceCoder._mentions` share it.

`_mentions` tries, in order, what a noun phrase can refer to (an actor remembered, what the
resolver knows, a description of an earlier actor, a guess); each stage reads the same phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Phrase:
    """A noun (spaCy token) with the words of its phrase, as the mention stages read them."""

    tok: Any  # the head noun
    np: list[Any]  # the phrase's tokens (SentenceCoder._np_tokens)
    text: str  # the phrase's text; the resolver stage may widen it with a place
    lemma: str
    low_text: str
    named: bool  # a proper noun or a name entity
    has_det: bool  # a determiner, number or predeterminer before it
