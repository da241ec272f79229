"""The state one coded verb carries through the stages of `SentenceCoder.sentence`.

`sentence` codes a sentence verb by verb; each verb that codes to an act becomes a `Clause`,
which the stages (who acted, on whom, in what mode, as which pairs) fill in one after another.
Keeping the state in one place lets each stage be read and changed on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest._coref import Mention
from ingest._lexicon import Match


@dataclass
class Clause:
    """One verb of a sentence on its way from a coded act to events."""

    v: Any  # the verb (spaCy token)
    sent: Any  # its sentence (spaCy span)
    lemma: str  # the verb's lemma as the lexicon reads it
    match: Match  # the lexicon entry the act coded to
    trigger: Any  # the word that coded it: the verb, or an event noun under it
    received: tuple[Match, list[Mention]] | None = None  # "received a visit from X"
    sources: list[Mention] = field(default_factory=list)
    inherited: bool = False  # the sources come from another clause
    passive: bool = False
    receivers: list[Mention] | None = None  # the receiving subject, when the giver acts
    agentless: bool = False  # "were killed in shelling": nobody named did it
    ruled_out: bool = False  # "removing the sanctions is out of the question": a refusal
    code: str = ""
    targets: list[Mention] = field(default_factory=list)
    how: str = "none"  # how the targets were found (see SentenceCoder.confidence)
    own: set[str] = field(default_factory=set)  # the sources' countries
    mode: str | None = None
    scheduled: bool = False
    announced: bool = False
