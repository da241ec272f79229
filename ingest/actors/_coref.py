"""Within-article coreference over resolved actors: "she", "the ministry", a bare surname.

The extractor owns clause-level coreference; this is the actor-side memory it can consult.
Usage, one memory per article, mentions fed in text order:

    memory = CorefMemory(resolver, country_hint="MEX")
    memory.resolve("Mexican President Claudia Sheinbaum")  # resolves and remembers
    memory.resolve("She")                                 # -> Claudia Sheinbaum
    memory.resolve("the two leaders")                     # -> None; use resolve_plural()
    memory.resolve_plural("the two leaders")              # -> (Sheinbaum, Trump)

`resolve` remembers every actor it returns; call `observe` for actors found some other way.
"""

from __future__ import annotations

from ._data import DETERMINERS, PRONOUNS, words
from ._resolver import ActorResolver, ResolvedActor, _parse, _strip
from ._text import tokenize

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_NEUTER = frozenset({"it", "its", "itself"})
_PLURAL_NOUNS = words(
    "sides leaders countries nations governments presidents neighbors neighbours parties "
    "allies partners pair two both"
)
_PERSON_NOUNS = words(
    "president leader premier chancellor minister secretary official spokesman spokeswoman "
    "spokesperson king queen emir prince monarch diplomat envoy ambassador general"
)
_KIND_NOUNS = {
    "ministry": "ministry",
    "department": "ministry",
    "army": "military",
    "military": "military",
    "troops": "military",
    "forces": "military",
    "parliament": "legislature",
    "congress": "legislature",
    "lawmakers": "legislature",
    "court": "judiciary",
    "police": "police",
    "government": "government",
    "administration": "government",
    "country": "country",
    "nation": "country",
    "cartels": "group",
    "cartel": "group",
    "group": "group",
    "rebels": "group",
    "militants": "group",
    "organization": "igo",
    "agency": "igo",
    "bloc": "igo",
    "alliance": "igo",
}


def needs_coreference(mention: str) -> bool:
    """True for pronouns and definite descriptions without a country ("the ministry",
    "the president", "the two sides") that only the article's earlier actors can resolve."""
    tokens = tokenize(mention)
    if not tokens:
        return False
    if len(tokens) == 1 and tokens[0].norm in PRONOUNS and not tokens[0].upper:
        return True
    words = [t.norm for t in tokens if t.norm not in DETERMINERS]
    if words and set(words) <= _PLURAL_NOUNS:
        return True
    if tokens[0].norm not in DETERMINERS:
        return False
    segs = _strip(_parse(mention).segs)
    if not segs:
        return False
    for seg in segs:
        if seg.has("loc", "fixed", "person"):
            return False
    return segs[-1].has("title", "sector", "group") or segs[-1].tokens[-1].norm in _KIND_NOUNS


class CorefMemory:
    """The actors an article has mentioned so far, most recent last."""

    def __init__(self, resolver: ActorResolver, country_hint: str | None = None) -> None:
        self.resolver = resolver
        self.country_hint = country_hint
        self.history: list[ResolvedActor] = []

    def observe(self, actor: ResolvedActor) -> None:
        if self.history and self.history[-1] == actor:
            return
        self.history.append(actor)

    def reset(self) -> None:
        self.history.clear()

    def resolve(self, mention: str) -> ResolvedActor | None:
        """Resolve against the lexicon first, then against the actors seen so far."""
        found = self._resolve(mention)
        if found is not None:
            self.observe(found)
        return found

    def resolve_plural(self, mention: str) -> tuple[ResolvedActor, ...]:
        """ "the two leaders", "both sides", "they": the last two distinct actors of the fitting
        kind (persons for leaders, states otherwise)."""
        words = {t.norm for t in tokenize(mention)}
        want_person = bool(words & {"leaders", "presidents", "pair"})
        picked: list[ResolvedActor] = []
        seen_countries: set[str | None] = set()
        for actor in reversed(self.history):
            if want_person and not actor.is_person:
                continue
            if not want_person and actor.kind in ("group", "organization"):
                continue
            if actor in picked or actor.country in seen_countries:
                continue
            picked.append(actor)
            seen_countries.add(actor.country)
            if len(picked) == 2:
                return tuple(reversed(picked))
        return ()

    def _resolve(self, mention: str) -> ResolvedActor | None:
        tokens = tokenize(mention)
        if not tokens:
            return None
        if len(tokens) == 1 and not tokens[0].upper:
            word = tokens[0].norm
            if word in _MALE:
                return self._last(lambda a: a.is_person and a.gender in ("m", None))
            if word in _FEMALE:
                return self._last(lambda a: a.is_person and a.gender in ("f", None))
            if word in _NEUTER:
                return self._last(lambda a: not a.is_person and a.kind != "group")
            if word in _PLURAL:
                return self._last(lambda a: a.kind in ("group", "organization"))
            if word in PRONOUNS:
                return None
        direct = self.resolver.resolve(mention)
        if direct is not None:
            return self._merge(direct)
        surname = self._surname(tokens)
        if surname is not None:
            return surname
        if needs_coreference(mention):
            return self._definite(tokens) or self.resolver.resolve_with_context(
                mention, self.country_hint
            )
        return None

    def _merge(self, actor: ResolvedActor) -> ResolvedActor:
        """A title-only actor ("Mexican President") is the named person seen earlier."""
        if actor.role and actor.country:
            for seen in reversed(self.history):
                if seen.is_person and seen.country == actor.country and seen.role == actor.role:
                    return seen
        return actor

    def _surname(self, tokens: tuple) -> ResolvedActor | None:
        words = [t.norm for t in tokens if t.norm not in DETERMINERS and t.norm != "'s"]
        if not words or not all(t.capitalized for t in tokens if t.norm in words):
            return None
        for actor in reversed(self.history):
            if not actor.is_person:
                continue
            names = [tok.norm for tok in tokenize(actor.name)]
            if len(words) < len(names) and names[-len(words) :] == words:
                return actor
            if words[-1] in names and len(words) == 1:
                return actor
        return None

    def _definite(self, tokens: tuple) -> ResolvedActor | None:
        head = tokens[-1].norm
        adjectives = {t.norm for t in tokens[:-1]}
        if head in _PERSON_NOUNS:
            return self._last(
                lambda a: a.is_person and a.kind != "person" and _role_fits(a, head, adjectives)
            )
        kind = _KIND_NOUNS.get(head)
        if kind is not None:
            return self._last(lambda a: a.kind == kind)
        return None

    def _last(self, accept) -> ResolvedActor | None:  # noqa: ANN001 - a predicate
        for actor in reversed(self.history):
            if accept(actor):
                return actor
        return None


def _role_fits(actor: ResolvedActor, head: str, adjectives: set[str]) -> bool:
    del adjectives
    if head in ("leader", "official", "spokesman", "spokeswoman", "spokesperson"):
        return True
    role = (actor.role or "").lower()
    return head in role
