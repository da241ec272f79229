"""A government with a name of its own is not "the government" named before: "The National
Unity Government said ..." (an opposition body) must not become the U.S. government that the
article last mentioned, as a plain "the government" would.

Called by SentenceCoder.mentions (ingest/_extract.py) on each noun's resolved mentions.
"""

from __future__ import annotations

from typing import Any

from ._coref import Mention, Ref

# the state-organ nouns a capitalized name can make into a body of its own
NAMED_HEADS = frozenset(["government", "council", "front", "assembly", "authority"])


def _own_name_words(coder: Any, tok: Any) -> list[Any]:
    """The capitalized words of a name before the head that say nothing the tables know."""
    from ingest.actors._resolver import _IGNORABLE

    words = [
        c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
    ]
    return [w for w in words if w.lower_ not in _IGNORABLE and coder._resolve(w.text) is None]


def not_the_government_before(coder: Any, tok: Any, out: list[Mention]) -> list[Mention]:
    """A proper-named government or council is a body of its own, of no state the text names,
    not the earlier actor a plain "the government" would corefer to."""
    if tok.pos_ != "PROPN" or tok.lower_ not in NAMED_HEADS or len(out) != 1:
        return out
    if out[0].via != "coref" or not _own_name_words(coder, tok):
        return out
    name = " ".join(t.text for t in coder._np_tokens(tok) if t.dep_ != "det")
    return [Mention(Ref(name, None, "government"), out[0].text, "guess")]
