"""A tiny stand-in for `ingest.actors.ActorResolver` so extraction tests test extraction only.

It knows a handful of countries and people by exact words, the way the real resolver does
for its registry; everything else is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

COUNTRIES = {
    "USA": ("United States", ["united states", "u.s.", "us", "america", "american", "washington"]),
    "MEX": ("Mexico", ["mexico", "mexican", "mexico city"]),
    "CHN": ("China", ["china", "chinese", "beijing"]),
    "RUS": ("Russia", ["russia", "russian", "moscow", "the kremlin", "kremlin"]),
    "UKR": ("Ukraine", ["ukraine", "ukrainian", "kyiv"]),
    "JPN": ("Japan", ["japan", "japanese", "tokyo"]),
    "KOR": ("South Korea", ["south korea", "south korean", "seoul"]),
    "PRK": ("North Korea", ["north korea", "north korean", "pyongyang"]),
    "FRA": ("France", ["france", "french", "paris"]),
    "DEU": ("Germany", ["germany", "german", "berlin"]),
    "IRN": ("Iran", ["iran", "iranian", "tehran"]),
    "ISR": ("Israel", ["israel", "israeli"]),
    "IND": ("India", ["india", "indian", "new delhi"]),
    "PAK": ("Pakistan", ["pakistan", "pakistani", "islamabad"]),
    "TUR": ("Turkey", ["turkey", "turkish", "ankara"]),
    "GBR": ("United Kingdom", ["britain", "british", "london", "united kingdom"]),
    "EGY": ("Egypt", ["egypt", "egyptian", "cairo"]),
    "BRA": ("Brazil", ["brazil", "brazilian"]),
}
PEOPLE = {
    "donald trump": ("Donald Trump", "USA", "2017-01-20", "m"),
    "claudia sheinbaum": ("Claudia Sheinbaum", "MEX", "2024-10-01", "f"),
    "vladimir putin": ("Vladimir Putin", "RUS", "2000-01-01", "m"),
    "volodymyr zelensky": ("Volodymyr Zelensky", "UKR", "2019-05-20", "m"),
}
TITLES = r"^(?:(?:the|former)\s+)?(?:(?:[a-z.]+)\s+)?(?:president|prime minister|minister)\s+"
SECTORS = {
    "foreign ministry": "ministry",
    "foreign minister": "person",
    "diplomats": "government",
    "diplomat": "government",
    "ambassador": "government",
    "national security council": "government",
    "army": "military",
    "police": "police",
    "government": "government",
    "officials": "government",
    "troops": "military",
    "rebels": "group",
}


@dataclass(frozen=True)
class FakeActor:
    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    gender: str | None = None


class FakeResolver:
    def __init__(self, on: date | None = None) -> None:
        self.on = on

    def resolve(self, mention: str) -> FakeActor | None:
        m = re.sub(r"^the\s+", "", mention.strip().lower())
        for iso, (name, words) in COUNTRIES.items():
            if m in words:
                return FakeActor(name, iso, "country")
        stripped = re.sub(TITLES, "", m)
        for key, (name, iso, since, gender) in PEOPLE.items():
            last = key.split()[-1]
            if stripped in (key, last) and (self.on is None or self.on.isoformat() >= since):
                return FakeActor(name, iso, "person", (last.title(),), "head of state", gender)
        for iso, (name, words) in COUNTRIES.items():
            for w in words:
                for sector, kind in SECTORS.items():
                    if m in (f"{w} {sector}",):
                        return FakeActor(f"{name} {sector.title()}", iso, kind)
        return None

    def country(self, iso3: str) -> FakeActor | None:
        return FakeActor(COUNTRIES[iso3][0], iso3, "country") if iso3 in COUNTRIES else None

    def resolve_with_context(self, mention: str, country_hint: str | None) -> FakeActor | None:
        found = self.resolve(mention)
        if found is not None:
            return found
        m = re.sub(r"^the\s+", "", mention.strip().lower())
        for sector, kind in SECTORS.items():
            if m.endswith(sector) and country_hint:
                return FakeActor(f"{COUNTRIES[country_hint][0]} {sector}", country_hint, kind)
        return None


# Variants that each know one more kind of actor the way the registry does; extraction cases
# name them by key (`resolver: fake-body`), see tests/ingest/extraction_cases.py.


class SubstringResolver(FakeResolver):
    """Like the real resolver, finds a known person anywhere inside a long phrase."""

    def resolve(self, mention: str) -> FakeActor | None:
        found = super().resolve(mention)
        if found is None and "putin" in mention.lower() and len(mention.split()) > 1:
            return super().resolve("Putin")
        return found


class BodyResolver(FakeResolver):
    """Knows one international body by its acronym, nothing about generic nouns after it."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "asean":
            return FakeActor("ASEAN", "IGO", "igo")
        return super().resolve(mention)


class GenericResolver(FakeResolver):
    """Knows generic nouns as country-less groups, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("protestor", "a protestor", "protesters"):
            return FakeActor("Protesters", None, "group")
        return super().resolve(mention)


class SeatResolver(FakeResolver):
    """Reads a capital as its government (seat-of-government metonymy), as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "tehran":
            return FakeActor("Iranian Government", "IRN", "government")
        return super().resolve(mention)


class NetworkResolver(FakeResolver):
    """Knows one transnational network by its aliases (no country), as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("global jihad network", "gjn"):
            return FakeActor("Global Jihad Network", None, "group", ("GJN",))
        return super().resolve(mention)


class ProvinceResolver(FakeResolver):
    """Places provinces the way `resolve_place` does; the actor table does not hold them."""

    def resolve_place(self, text: str) -> str | None:
        return "BRA" if text.strip().lower() == "bahia" else None


class PressResolver(FakeResolver):
    """Knows one newspaper by name and the generic class noun, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        low = mention.strip().lower()
        if low in ("morning star", "the morning star"):
            return FakeActor("Morning Star", "GBR", "organization")
        if low.endswith("newspaper"):
            return FakeActor("Media", None, "organization")
        return super().resolve(mention)


class ReliefResolver(FakeResolver):
    """Knows one relief body as international, as the registry does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() in ("red cross", "the red cross"):
            return FakeActor("Red Cross", "IGO", "igo")
        return super().resolve(mention)


class RefugeeResolver(FakeResolver):
    """Knows refugees as a country-less group, as the real resolver does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower().endswith("refugees"):
            return FakeActor("Refugees", None, "group")
        return super().resolve(mention)


class CiviliansResolver(FakeResolver):
    """Knows civilians as a country-less group that takes a country hint, as the real one does."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.strip().lower() == "civilians":
            return FakeActor("Civilians", None, "group")
        return super().resolve(mention)

    def resolve_with_context(self, mention: str, country_hint: str | None) -> FakeActor | None:
        if mention.strip().lower() == "civilians" and country_hint:
            return FakeActor(f"{country_hint} Civilians", country_hint, "group")
        return super().resolve_with_context(mention, country_hint)


class LegislatureResolver(FakeResolver):
    """Places a bare legislature only with a country hint, as the real resolver does."""

    def resolve_with_context(self, mention: str, country_hint: str | None) -> FakeActor | None:
        if mention.strip().lower() in ("parliament", "the parliament") and country_hint:
            return FakeActor(f"{country_hint} Parliament", country_hint, "legislature")
        return super().resolve_with_context(mention, country_hint)


class CounterpartResolver(FakeResolver):
    """Answers `counterpart(role, iso3)` for Mexico the way the registry does."""

    def counterpart(self, role: str, iso3: str) -> FakeActor | None:
        if iso3 == "MEX" and role:
            return FakeActor("Claudia Sheinbaum", "MEX", "person", ("Sheinbaum",), role, "f")
        return None


class RegionPeopleResolver(FakeResolver):
    """Knows one people-in-a-place phrase, the way the real resolver reads `X in <place>`."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.lower() == "ethnic turks in northern iran":
            return FakeActor("Iranian Turks", "IRN", "group")
        return super().resolve(mention)


class NameOfResolver(FakeResolver):
    """Knows a body whose name goes on after "of"."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.lower().removeprefix("the ") == "popular front of upper egypt":
            return FakeActor("Popular Front of Upper Egypt", "EGY", "group")
        return super().resolve(mention)


class PeopleResolver(FakeResolver):
    """Knows a people by its plural demonym (as the real resolver does), nothing with adjectives."""

    def resolve(self, mention: str) -> FakeActor | None:
        if mention.lower() == "egyptians":
            return FakeActor("Egyptians", "EGY", "group")
        return super().resolve(mention)


RESOLVERS = {
    "fake": FakeResolver,
    "fake-substring": SubstringResolver,
    "fake-body": BodyResolver,
    "fake-generic": GenericResolver,
    "fake-seat": SeatResolver,
    "fake-network": NetworkResolver,
    "fake-province": ProvinceResolver,
    "fake-press": PressResolver,
    "fake-relief": ReliefResolver,
    "fake-refugee": RefugeeResolver,
    "fake-civilians": CiviliansResolver,
    "fake-legislature": LegislatureResolver,
    "fake-counterpart": CounterpartResolver,
    "fake-region-people": RegionPeopleResolver,
    "fake-name-of": NameOfResolver,
    "fake-people": PeopleResolver,
}
