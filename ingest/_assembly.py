"""Article-level assembly: which coded clauses become dyadic events of the graph, and how often.

The sentence coder reports every act it reads; the graph records relations between two actors
placed in a country (or an international organisation), once per act. So, per article:

* a clause with no target, or with an endpoint whose country is unknown, relates nobody and is
  not written (a one-sided statement is no relationship, and a guessed country is invented data);
* a self-loop is not written: the same actor on both sides, or one state's executive acting on
  itself (see DOMESTIC_ROOTS). Domestic events between the state and its people (`police
  arrested protesters`, `the government and the opposition signed`) or between branches (`the
  court barred the president`) are real and kept;
* an act restated in a later sentence of the article (same source, target and CAMEO code, and no
  other day given) is the act already coded: it is written once, at its first mention, and the
  later sentence becomes one more report of it. Another code is another act (a condemnation and
  an accusation by one minister are two lines of the dev set's gold), and two clauses of one
  sentence are two acts (`urged X to ... and called on X to ...`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.model import Actor

# The executive of a state: a leader, the government, its ministries, the state itself. Courts,
# parliaments, police and armies are other branches, and people and groups can face their state.
EXECUTIVE_KINDS = frozenset(["country", "government", "ministry"])
# Within one executive, only these are domestic events: easing or refusing (08, 12), threats and
# protests (13, 14: a curfew threatened, a minister's hunger strike) and force (17-20: a purge).
# Cooperation, talks, appeals, aid, criticism or sanctions of a state's executive by itself are
# not relations (`Trump urged the US government`, `the Treasury sanctioned the United States`).
DOMESTIC_ROOTS = frozenset(["08", "12", "13", "14", "17", "18", "19", "20"])


def not_dyadic(source: Actor, target: Actor | None, root: str) -> str | None:
    """Why this pair is no relation for the graph (None when it is one)."""
    if target is None:
        return "no target"
    if not source.country or not target.country:
        return "country unknown"
    if source.id == target.id:
        return "self-loop"
    if (
        source.country == target.country
        and source.country != "IGO"
        and source.kind in EXECUTIVE_KINDS
        and target.kind in EXECUTIVE_KINDS
        and root not in DOMESTIC_ROOTS
    ):
        return "one executive on both sides"
    return None


@dataclass
class Assembly:
    """The acts of one article so far, to code each at its first mention."""

    _acts: dict[tuple[str, str, str], list[tuple[str, date, int]]] = field(default_factory=dict)

    def first_mention(
        self, source: Actor, target: Actor, act: str, day: date, dated: bool, sentence: int
    ) -> str | None:
        """The id of the event this clause restates, if any.

        A later mention with a day of its own names a separate act when that day differs
        (`signed a first accord in April and a second in June`); an undated one restates.
        """
        for event_id, first_day, first_sentence in self._acts.get((source.id, target.id, act), []):
            if first_sentence != sentence and (not dated or first_day == day):
                return event_id
        return None

    def add(
        self, source: Actor, target: Actor, act: str, day: date, event_id: str, sentence: int
    ) -> None:
        self._acts.setdefault((source.id, target.id, act), []).append((event_id, day, sentence))
