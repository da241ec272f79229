"""Verb classes: the verb lemmas a coding rule treats specially, as data.

The table is `ingest/data/verb_classes.tsv` (two tab-separated columns, `class` and `lemma`; its
header says what each class does to a verb and which stage reads it). It is read and checked once
per process; a malformed row raises `VerbClassError` naming the file and line. The coder's names
read it (`WANTING = verb_class("wanting")`), so no Python word list decides how a verb is coded.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ._lexicon import table_rows

TABLE = "verb_classes.tsv"
HEADER = ("class", "lemma")

# The classes the coder reads; a row of any other class is an error (a typo would otherwise
# silently change nothing), and so is a class here with no row.
CLASSES = frozenset(
    ["absorbing", "failing", "wanting", "receiving", "ongoing", "commissive", "threatening",
     "retaliating", "back_verbs", "small_clause", "intransitive_travel", "future_control",
     "calendar", "symmetric_verbs", "one_way_words", "mutual_words", "toll_verbs", "permitting",
     "stative_passives", "helping", "reciprocal_verbs", "issuing",
     "object_control", "light", "speech", "reporting", "appeal_passives", "scheduling",
     "scheduling_passives", "next_round_verbs", "commanding", "leaving", "sending",
     "opening", "authoring", "reaction_verbs"]
)  # fmt: skip


class VerbClassError(ValueError):
    """A malformed verb-class row; the message names the file and line."""


def parse_verb_classes(text: str, name: str = TABLE) -> dict[str, frozenset[str]]:
    """Each class's lemmas from the table's text; `name` is the file named in errors."""
    members: dict[str, list[str]] = {c: [] for c in sorted(CLASSES)}
    seen: dict[tuple[str, str], int] = {}
    header_seen = False
    for n, cols in table_rows(text):
        if len(cols) != 2:
            raise VerbClassError(f"{name}:{n}: expected 2 tab-separated columns, got {len(cols)}")
        cls, lemma = cols
        if not header_seen and (cls, lemma) == HEADER:
            header_seen = True
            continue
        header_seen = True
        if cls not in CLASSES:
            raise VerbClassError(f"{name}:{n}: unknown class {cls!r}")
        if not lemma:
            raise VerbClassError(f"{name}:{n}: empty lemma in class {cls!r}")
        if (cls, lemma) in seen:
            raise VerbClassError(
                f"{name}:{n}: duplicate row {cls} {lemma!r} (first on line {seen[(cls, lemma)]})"
            )
        seen[(cls, lemma)] = n
        members[cls].append(lemma)
    empty = sorted(c for c, words in members.items() if not words)
    if empty:
        raise VerbClassError(f"{name}: no rows for class(es) {', '.join(empty)}")
    return {c: frozenset(words) for c, words in members.items()}


@cache
def verb_classes() -> dict[str, frozenset[str]]:
    """The shipped table, read and checked once."""
    text = resources.files("ingest.data").joinpath(TABLE).read_text(encoding="utf-8")
    return parse_verb_classes(text)


def verb_class(name: str) -> frozenset[str]:
    """The lemmas of one class of the shipped table."""
    if name not in CLASSES:
        raise VerbClassError(f"{TABLE}: no class {name!r} (the classes are in its header)")
    return verb_classes()[name]
