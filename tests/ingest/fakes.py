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
